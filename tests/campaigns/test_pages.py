"""The public campaign pages: the campaign (phase, days, counter, form, wall, partners,
events, toolkit, stories, sharing, social meta), a partner's page, the listing and a
programme's section; in every language, without a request to another site, in a fixed
number of queries."""

import re
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from campaigns import pages_serve
from campaigns.enums import PledgeKind, PledgeStatus, WallStatus
from campaigns.models import (
    CampaignDay,
    CampaignEvent,
    CampaignStory,
    Pledge,
    PledgeTotal,
    ToolkitItem,
)
from tests.factories.campaigns import (
    campaign_index_page,
    campaign_page,
    campaign_section,
    partner_page,
)
from tests.factories.events import event_page

pytestmark = pytest.mark.django_db

VILNIUS = ZoneInfo("Europe/Vilnius")
SHARE_HOSTS = {"wa.me", "t.me", "www.facebook.com", "x.com", "www.linkedin.com"}


def vilnius_today() -> date:
    return timezone.now().astimezone(VILNIUS).date()


def running(**fields):
    """A campaign that began five days ago in Vilnius: today is day 6 of 16."""
    today = vilnius_today()
    fields.setdefault("starts_on", today - timedelta(days=5))
    fields.setdefault("ends_on", today + timedelta(days=10))
    return campaign_page(**fields)


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def frozen(monkeypatch, moment: datetime) -> None:
    """The pages see ``moment`` as now (the page's phase; nothing else reads it here)."""
    monkeypatch.setattr(pages_serve, "campaign_phase", _phase_at(moment))


def _phase_at(moment):
    from campaigns.days import campaign_phase

    return lambda campaign, now=None: campaign_phase(campaign, now=moment)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# --- Where the campaign stands ----------------------------------------------------------------


def test_a_running_campaign_says_which_day_it_is_and_marks_todays_entry(client):
    page = running(days=16)

    soup = html(client.get(page.url))

    today = soup.select('[aria-current="date"]')
    assert soup.select_one(".campaign-banner__phase").get_text(strip=True) == "Day 6 of 16"
    assert [(item["id"], item.select_one(".campaign-day__today").get_text()) for item in today] == [
        (f"day-{vilnius_today().isoformat()}", "Today")
    ]
    assert len(soup.select(".campaign-day--past")) == 5


def test_the_day_follows_the_campaigns_zone_across_its_midnight(client, monkeypatch):
    page = campaign_page(
        starts_on=date(2026, 11, 25), ends_on=date(2026, 12, 10), time_zone="Europe/Vilnius", days=2
    )
    # 22:30 UTC on 24 November: still the 24th in Brussels and London, the 25th in Vilnius.
    frozen(monkeypatch, datetime(2026, 11, 24, 22, 30, tzinfo=UTC))

    soup = html(client.get(page.url))

    assert (
        soup.select_one(".campaign-banner__phase").get_text(strip=True),
        [item["id"] for item in soup.select('[aria-current="date"]')],
    ) == ("Day 1 of 16", ["day-2026-11-25"])


def test_before_the_first_day_the_page_counts_down_and_marks_no_day(client, monkeypatch):
    page = campaign_page(starts_on=date(2026, 11, 25), ends_on=date(2026, 12, 10), days=3)
    frozen(monkeypatch, datetime(2026, 11, 20, 10, 0, tzinfo=UTC))

    soup = html(client.get(page.url))

    assert (
        soup.select_one(".campaign-banner__phase").get_text(strip=True),
        soup.select_one(".campaign-status__big").get_text(strip=True),
        soup.select('[aria-current="date"]'),
        soup.select_one("form[data-pledge-form]") is not None,
    ) == ("Starts in 5 days", "The campaign starts in 5 days.", [], True)


def test_after_the_last_day_the_page_sums_up_and_takes_no_more_pledges(client, monkeypatch):
    page = campaign_page(
        starts_on=date(2026, 11, 25),
        ends_on=date(2026, 12, 10),
        closing_summary="<p>Thousands marched in Vilnius.</p>",
    )
    PledgeTotal.objects.create(campaign_key=page.translation_key, confirmed=412)
    frozen(monkeypatch, datetime(2026, 12, 11, 9, 0, tzinfo=UTC))

    soup = html(client.get(page.url))

    assert (
        soup.select_one(".campaign-banner__phase").get_text(strip=True),
        "Thousands marched in Vilnius." in soup.select_one(".campaign-status").get_text(),
        soup.select_one("form[data-pledge-form]"),
        soup.select_one(".pledges-closed").get_text(strip=True).startswith("Pledges are closed"),
        soup.select_one(".pledge-counter__numbers").get_text(" ", strip=True),
    ) == ("Ended", True, None, True, "412 of 100 pledges")


def test_pledges_closed_by_the_editor_show_no_form(client):
    page = running(pledges_open=False)

    soup = html(client.get(page.url))

    assert (
        soup.select_one("form[data-pledge-form]"),
        soup.select_one(".pledges-closed").get_text(strip=True),
    ) == (None, "Pledges are closed.")


@pytest.mark.parametrize(
    ("moment", "seconds"),
    [
        # 21:30 UTC is 23:30 in Vilnius: the page is right for half an hour more.
        (datetime(2026, 11, 30, 21, 30, tzinfo=UTC), 30 * 60),
        (datetime(2026, 11, 30, 10, 0, tzinfo=UTC), 12 * 60 * 60),
    ],
)
def test_the_page_is_cached_no_longer_than_until_midnight_in_the_campaigns_zone(
    client, monkeypatch, moment, seconds
):
    page = campaign_page(starts_on=date(2026, 11, 25), ends_on=date(2026, 12, 10))
    frozen(monkeypatch, moment)
    capped = []
    monkeypatch.setattr(
        pages_serve, "cache_for", lambda response, value: capped.append(value) or response
    )

    response = client.get(page.url)

    assert (response.status_code, capped) == (200, [seconds])


def test_a_page_served_from_cache_is_kept_only_until_the_next_local_midnight(
    client, monkeypatch, settings
):
    from django.core.cache import cache

    page = campaign_page(starts_on=date(2026, 11, 25), ends_on=date(2026, 12, 10))
    frozen(monkeypatch, datetime(2026, 11, 30, 21, 59, tzinfo=UTC))  # 23:59 in Vilnius
    settings.LINKAGE_PAGE_CACHE_SECONDS = 3600
    stored = []
    original_set = cache.set
    monkeypatch.setattr(
        cache,
        "set",
        lambda key, value, timeout=None, **kw: (
            stored.append(timeout) if key.startswith("page_cache:page:") else None,
            original_set(key, value, timeout, **kw),
        )[1],
    )

    first, second = client.get(page.url), client.get(page.url)

    assert (first["X-Cache"], second["X-Cache"], stored) == ("miss", "hit", [60])


# --- What the page shows ------------------------------------------------------------------------


def test_the_counter_reads_the_stored_totals_with_text_and_a_progress_bar(client):
    page = running(pledge_target=200)
    PledgeTotal.objects.create(campaign_key=page.translation_key, confirmed=50, organisations=3)

    counter = html(client.get(page.url)).select_one(".pledge-counter")

    bar = counter.select_one("progress")
    assert (
        counter.select_one(".pledge-counter__numbers").get_text(" ", strip=True),
        bar["value"],
        bar["max"],
        bar["aria-labelledby"],
        counter.select_one(".pledge-counter__more").get_text(strip=True),
    ) == (
        "50 of 200 pledges",
        "25",
        "100",
        "pledge-count",
        "Including 3 organisations and agencies.",
    )


def test_a_coalition_shows_each_partners_total_and_the_combined_one(client):
    page = running()
    albania = partner_page(page, organisation="Women's Rights Centre", country="AL")
    kosovo = partner_page(page, organisation="Kosovo Women's Network", country="XK")
    PledgeTotal.objects.create(campaign_key=page.translation_key, confirmed=30)
    PledgeTotal.objects.create(
        campaign_key=page.translation_key, scope=str(albania.translation_key), confirmed=12
    )
    PledgeTotal.objects.create(
        campaign_key=page.translation_key, scope=str(kosovo.translation_key), confirmed=18
    )

    soup = html(client.get(page.url))

    partners = [
        (
            item.select_one("h3 a").get_text(),
            item.select_one("h3 a")["href"],
            item.select_one("p[id]").get_text(strip=True),
        )
        for item in soup.select(".partner-list > li")
    ]
    assert partners == [
        ("Women's Rights Centre", albania.url, "12 of 20 pledges"),
        ("Kosovo Women's Network", kosovo.url, "18 of 20 pledges"),
    ]
    assert soup.select_one("#partners > p").get_text(strip=True) == "Together: 30 pledges."


def test_the_wall_shows_approved_pledges_only_and_never_an_address(client):
    page = running()
    now = timezone.now()

    def pledge(name, wall, **fields):
        return Pledge.objects.create(
            campaign_key=page.translation_key,
            display_name=name,
            email=f"{name.lower()}@example.org",
            status=PledgeStatus.CONFIRMED,
            wall=wall,
            confirmed_at=now,
            **fields,
        )

    pledge("Rasa", WallStatus.APPROVED)
    pledge("Vjosa", WallStatus.PENDING)
    pledge("Ilir", WallStatus.REJECTED)
    pledge(
        "Jonas",
        WallStatus.APPROVED,
        kind=PledgeKind.ORGANISATION,
        organisation="Vilnius police",
        commitment="Train every officer.",
    )
    pledge("Hidden", WallStatus.APPROVED, anonymous=True)

    response = client.get(page.url)

    wall = [
        [p.get_text(strip=True) for p in item.select("p")]
        for item in html(response).select(".pledge-wall > li")
    ]
    assert sorted(wall) == [["Anonymous"], ["Rasa"], ["Vilnius police", "Train every officer."]]
    assert b"@example.org" not in response.content


def test_the_programme_lists_themes_actions_share_text_and_resources_with_share_links(client):
    page = running(days=1)
    day = page.days.get()
    day.resources = '<ul><li><a href="/documents/1/factsheet.pdf">Factsheet</a></li></ul>'
    day.save()
    publish(page)

    entry = html(client.get(page.url)).select_one(".campaign-day")

    links = {a.get_text(): a["href"] for a in entry.select(".inline-links a")}
    assert (
        entry.select_one(".campaign-day__theme").get_text(strip=True),
        entry.select_one(".campaign-day__action").get_text(strip=True),
        entry.select_one(".campaign-day__share-text").get_text(strip=True),
        entry.select_one(".campaign-day__resources a").get_text(),
        sorted(links),
    ) == (
        "Day 1",
        "Action of day 1",
        "Share day 1 #16Days",
        "Factsheet",
        sorted(["E-mail", "WhatsApp", "Telegram", "X"]),
    )
    anchor = f"http://testserver{page.url}#{entry['id']}"
    assert links["WhatsApp"] == "https://wa.me/?text=" + (
        "Share+day+1+%2316Days+"
        + anchor.replace(":", "%3A").replace("/", "%2F").replace("#", "%23")
    )


def test_key_messages_hero_and_dates_are_shown(client):
    image = Image.objects.create(title="Orange march", file=get_test_image_file())
    page = running(
        key_messages=[("message", "Violence is never private."), ("message", "Speak up.")],
        hero_image=image,
        hero_alt="People in orange marching across a bridge",
        starts_on=date(2026, 11, 25),
        ends_on=date(2026, 12, 10),
    )

    soup = html(client.get(page.url))

    assert (
        [li.get_text() for li in soup.select(".key-messages li")],
        soup.select_one(".campaign-hero img")["alt"],
        soup.select_one(".campaign-banner__dates").get_text(),
        "Eastern European Time" in soup.select_one(".campaign-status").get_text(),
    ) == (
        ["Violence is never private.", "Speak up."],
        "People in orange marching across a bridge",
        "Wednesday 25 November – Thursday 10 December 2026",
        True,
    )


def test_the_toolkit_names_each_materials_kind_and_language_in_that_language(client):
    page = running()
    document = Document.objects.create(
        title="Factsheet", file=ContentFile(b"%PDF-1.4 " + b"x" * 2040, name="factsheet.pdf")
    )
    document.file_size = document.file.size
    document.save()
    image = Image.objects.create(title="Card", file=get_test_image_file())
    page.toolkit.add(
        ToolkitItem(
            kind="factsheet", title="Facts about violence", language="lt", document=document
        )
    )
    page.toolkit.add(
        ToolkitItem(
            kind="social_card",
            title="Orange card",
            language="ar",
            image=image,
            description="An orange ribbon with the words Stop violence",
        )
    )
    publish(page)

    items = html(client.get(page.url)).select(".toolkit > li")

    factsheet, card = items
    assert (
        factsheet.select_one(".toolkit__meta").get_text(" ", strip=True),
        factsheet.select_one(".toolkit__meta span[lang]").attrs,
        factsheet.select_one("a")["href"],
        factsheet.select("p")[-1].get_text(" ", strip=True),
    ) == (
        "Factsheet · Language: Lietuvių",
        {"lang": "lt", "dir": "ltr"},
        document.url,
        "Download Facts about violence (PDF, 2.0\xa0KB)",
    )
    assert (
        card.select_one(".toolkit__meta span[lang]").attrs,
        card.select_one("img")["alt"],
    ) == ({"lang": "ar", "dir": "rtl"}, "An orange ribbon with the words Stop violence")


def test_stories_never_show_how_consent_was_recorded(client):
    page = running()
    page.stories.add(
        CampaignStory(
            title="Finding words",
            text="She called the helpline one evening.",
            attribution="A mentor in Athens",
            consent_recorded_on=date(2026, 10, 1),
            consent_record="Signed form kept by coordinator Maria Papadopoulou",
        )
    )
    publish(page)

    response = client.get(page.url)

    story = html(response).select_one(".stories > li")
    assert (
        story.select_one("h3").get_text(),
        "Maria Papadopoulou" in response.content.decode(),
    ) == (
        "Finding words",
        False,
    )


def test_the_events_section_lists_linked_events_and_links_the_calendar_and_the_listing(client):
    from events.models import EventIndexPage

    today = vilnius_today()
    page = running()
    event = event_page(title="Debate on digital violence", start_date=today + timedelta(days=2))
    page.event_links.add(CampaignEvent(event=event))
    publish(page)
    listing = EventIndexPage.objects.get()

    section = html(client.get(page.url)).select_one("section[aria-labelledby=events-heading]")

    links = [a["href"] for a in section.select(".inline-links a")]
    assert (
        section.select_one(".campaign-events a").get_text(),
        section.select_one(".campaign-events a")["href"],
        links,
    ) == (
        "Debate on digital violence",
        event.url,
        [
            page.url + page.reverse_subpage("calendar_feed"),
            f"{listing.url}?campaign={page.translation_key}",
        ],
    )


def test_share_block_has_plain_links_the_address_poster_and_image(client):
    page = running()

    block = html(client.get(page.url)).select_one(".share-block")

    names = [a.get_text() for a in block.select("ul")[0].select("a")]
    assert (
        names,
        block.select_one("#share-url")["value"],
        [a["href"] for a in block.select("ul")[1].select("a")],
        block.select("script"),
    ) == (
        ["E-mail", "WhatsApp", "Telegram", "Facebook", "X", "LinkedIn"],
        f"http://testserver{page.url}",
        [page.url + page.reverse_subpage("poster"), page.url + page.reverse_subpage("share_image")],
        [],
    )


def test_open_graph_and_twitter_meta_use_absolute_addresses(client):
    page = running(intro="Sixteen days to end violence against women.")

    soup = html(client.get(page.url))

    meta = {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in soup.select("head meta[content]")
        if (tag.get("property") or tag.get("name") or "").startswith(("og:", "twitter:"))
    }
    assert {
        key: meta[key]
        for key in ("og:title", "og:description", "og:url", "og:image", "og:locale", "twitter:card")
    } == {
        "og:title": "16 Days of Activism",
        "og:description": "Sixteen days to end violence against women.",
        "og:url": f"http://testserver{page.url}",
        "og:image": f"http://testserver{page.url}{page.reverse_subpage('share_image')}",
        "og:locale": "en_GB",
        "twitter:card": "summary_large_image",
    }
    assert meta["twitter:image"] == meta["og:image"]


def test_nothing_is_loaded_from_another_site_and_only_share_links_lead_to_one(client):
    page = running(days=3)
    partner_page(page, website="https://partner.example.org")
    image = Image.objects.create(title="Card", file=get_test_image_file())
    page.toolkit.add(
        ToolkitItem(
            kind="poster", title="Poster", language="en", image=image, description="A poster"
        )
    )
    publish(page)

    soup = html(client.get(page.url))

    loaded = [
        tag.get("src") or tag.get("href") for tag in soup.select("script[src], img, link[href]")
    ]
    external = [url for url in loaded if urlsplit(url).netloc not in ("", "testserver")]
    linked = {urlsplit(a["href"]).netloc for a in soup.select("a[href]")} - {"", "testserver"}
    assert (external, linked <= SHARE_HOSTS, soup.select("iframe, object, embed")) == (
        [],
        True,
        [],
    )
    assert [tag for tag in soup.select("style, [style]")] == []


def test_quick_exit_stays_on_campaign_pages(client):
    page = running()
    partner = partner_page(page)

    pages = [client.get(url) for url in (page.url, partner.url, campaign_index_page().url)]

    assert [
        (response.status_code, html(response).select_one("#quick-exit") is not None)
        for response in pages
    ] == [(200, True)] * 3


def test_the_campaign_colours_come_from_the_sites_own_stylesheet(client):
    page = running(colour="#1D4F91")

    soup = html(client.get(page.url))
    href = soup.select('link[rel="stylesheet"]')[-1]["href"]
    css = client.get(href)

    assert (
        "campaign-colours--1D4F91" in soup.select_one("article.campaign")["class"],
        css.status_code,
        css["Content-Type"],
        re.findall(r"--campaign-(on-accent|accent): (#[0-9A-F]{6})", css.content.decode()),
    ) == (True, 200, "text/css; charset=utf-8", [("accent", "#1D4F91"), ("on-accent", "#FFFFFF")])


# --- Languages --------------------------------------------------------------------------------


def test_a_campaign_not_yet_in_arabic_reads_right_to_left_with_its_content_marked(client):
    page = running(days=2)
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    alias = page.copy_for_translation(arabic, copy_parents=True, alias=True)
    alias.refresh_from_db()

    response = client.get(alias.url)

    soup = html(response)
    assert (
        response.status_code,
        alias.url.startswith("/ar/"),
        soup.html["lang"],
        soup.html["dir"],
        soup.select_one("h1").get("lang"),
        soup.select_one("form[data-pledge-form]")["action"],
        soup.select_one('meta[property="og:locale"]')["content"],
        soup.select_one(".language-notice") is not None,
    ) == (
        200,
        True,
        "ar",
        "rtl",
        "en",
        f"/ar/campaign-pledges/pledge/{alias.pk}/",
        "ar_AR",
        True,
    )


# --- Partner page ----------------------------------------------------------------------------


def test_a_partner_page_shows_its_organisation_its_total_the_campaigns_and_its_own_form(client):
    page = running()
    partner = partner_page(
        page,
        title="Qendra për të Drejtat e Grave",
        organisation="Women's Rights Centre",
        country="AL",
        intro="We campaign across Albania.",
        pledge_target=40,
    )
    PledgeTotal.objects.create(campaign_key=page.translation_key, confirmed=60)
    PledgeTotal.objects.create(
        campaign_key=page.translation_key, scope=str(partner.translation_key), confirmed=10
    )

    soup = html(client.get(partner.url))

    assert (
        soup.select_one("h1").get_text(),
        soup.select_one(".campaign-banner__theme").get_text(),
        soup.select_one("#partner-count").get_text(" ", strip=True),
        soup.select_one("#campaign-count").get_text(" ", strip=True),
        soup.select_one("form[data-pledge-form]")["action"],
        soup.select_one("#id_country option[selected]")["value"],
    ) == (
        "Qendra për të Drejtat e Grave",
        "Women's Rights Centre, Albania",
        "10 of 40 pledges",
        "60 of 100 pledges",
        f"/campaign-pledges/pledge/{partner.pk}/",
        "AL",
    )


def test_an_editors_preview_of_a_campaign_renders_its_unsaved_rows():
    page = running(days=2)
    page.title = "16 Days (draft)"
    page.toolkit.add(
        ToolkitItem(
            kind="social_card",
            title="Card",
            language="en",
            image=Image.objects.create(title="Card", file=get_test_image_file()),
            description="A card",
        )
    )

    response = page.make_preview_request()

    soup = html(response)
    assert (
        response.status_code,
        soup.select_one("h1").get_text(),
        [h3.get_text() for h3 in soup.select(".toolkit h3")],
    ) == (200, "16 Days (draft)", ["Card"])


# --- Listing and sections --------------------------------------------------------------------


def test_the_listing_groups_running_coming_and_past_campaigns(client):
    today = vilnius_today()
    running(title="Now")
    campaign_page(
        title="Soon", starts_on=today + timedelta(days=20), ends_on=today + timedelta(days=35)
    )
    campaign_page(
        title="Last year",
        starts_on=today - timedelta(days=400),
        ends_on=today - timedelta(days=385),
    )
    campaign_page(title="Draft", publish=False)

    soup = html(client.get(campaign_index_page().url))

    groups = {
        section["aria-labelledby"]: [
            a.get_text() for a in section.select(".campaign-card__title a")
        ]
        for section in soup.select("section[aria-labelledby]")
    }
    assert groups == {
        "running-heading": ["Now"],
        "coming-heading": ["Soon"],
        "past-heading": ["Last year"],
    }


def test_a_programmes_section_lists_its_own_campaigns(client):
    from tests.factories.programmes import programme_make

    section = campaign_section()
    other = campaign_section(programme_make("Other programme", "other"))
    running(title="Ours", parent=section)
    running(title="Theirs", parent=other)

    soup = html(client.get(section.url))

    assert [a.get_text() for a in soup.select(".campaign-card__title a")] == ["Ours"]


# --- Queries -----------------------------------------------------------------------------------


def world(count: int):
    """A campaign with ``count`` of everything it lists."""
    today = vilnius_today()
    page = running(days=count)
    for index in range(count):
        partner_page(page, organisation=f"Partner {index}")
        event = event_page(title=f"Event {index}", start_date=today + timedelta(days=index + 1))
        page.event_links.add(CampaignEvent(event=event))
        document = Document.objects.create(
            title=f"Doc {index}", file=ContentFile(b"x" * 10, name=f"doc{index}.pdf")
        )
        image = Image.objects.create(title=f"Image {index}", file=get_test_image_file())
        page.toolkit.add(
            ToolkitItem(kind="poster", title=f"D{index}", language="lt", document=document)
        )
        page.toolkit.add(
            ToolkitItem(
                kind="social_card", title=f"I{index}", language="en", image=image, description="x"
            )
        )
        page.stories.add(
            CampaignStory(
                title=f"Story {index}",
                text="…",
                consent_recorded_on=today,
                consent_record="Form",
            )
        )
        Pledge.objects.create(
            campaign_key=page.translation_key,
            display_name=f"Person {index}",
            status=PledgeStatus.CONFIRMED,
            wall=WallStatus.APPROVED,
            confirmed_at=timezone.now(),
        )
    return publish(page)


# Routing (site, page), the chrome, the parent's link, the totals (2), the wall (1), the days,
# the events (restrictions, pages, their changes), the listing's address, the toolkit (rows,
# renditions), the stories, the hero: the same whatever the numbers.
CAMPAIGN_PAGE_QUERIES = 24


@pytest.mark.parametrize("count", [1, 3])
def test_the_campaign_page_costs_the_same_queries_whatever_it_lists(
    client, count, django_assert_num_queries
):
    page = world(count)
    client.get(page.url)  # renditions made, site root paths cached

    with django_assert_num_queries(CAMPAIGN_PAGE_QUERIES):
        response = client.get(page.url)

    soup = html(response)
    assert [
        len(soup.select(".campaign-day")),
        len(soup.select(".partner-list > li")),
        len(soup.select(".campaign-events a")),
        len(soup.select(".toolkit > li")),
        len(soup.select(".stories > li")),
        len(soup.select(".pledge-wall > li")),
    ] == [count, count, count, 2 * count, count, count]


@pytest.mark.parametrize("count", [1, 3])
def test_the_listing_costs_the_same_queries_whatever_it_lists(
    client, count, django_assert_num_queries
):
    today = vilnius_today()
    for index in range(count):
        campaign_page(
            title=f"Campaign {index}",
            starts_on=today + timedelta(days=index * 30 - 30),
            ends_on=today + timedelta(days=index * 30 - 15),
        )
    url = campaign_index_page().url
    client.get(url)

    with django_assert_num_queries(LISTING_QUERIES):
        response = client.get(url)

    assert len(html(response).select(".campaign-card")) == count


LISTING_QUERIES = 11


def test_the_days_are_listed_in_date_order_whatever_the_editors_row_order():
    page = running()
    page.days.add(CampaignDay(day=page.starts_on + timedelta(days=1), theme="B", action="b"))
    page.days.add(CampaignDay(day=page.starts_on, theme="A", action="a"))
    publish(page)

    days = pages_serve._days(page, pages_serve.campaign_phase(page), "http://testserver/")

    assert [day["entry"].theme for day in days] == ["A", "B"]
