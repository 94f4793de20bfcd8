"""campaigns/demo: the three campaigns of `linkage_demo` (CommunityLinkage's 16 Days, the SEE
coalition, Lithuania's "Stop violence against women"), their translations, toolkit,
pledges in every state, reach and totals; built once for the module, twice over."""

from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from wagtail.models import Locale

import pytest

from campaigns import selectors, services
from campaigns.demo import content, load_demo_campaigns
from campaigns.demo.languages import languages_of
from campaigns.demo.pages import sixteen_days_year
from campaigns.enums import PledgeKind, PledgeStatus, ReachBasis, ToolkitKind, WallStatus
from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPartnerPage,
    Pledge,
    PledgeTotal,
    ReachRecord,
)
from events.demo import load_demo_event_listing, load_demo_events
from impact.enums import ParticipationKind
from impact.models import Participation
from people.models import User
from programmes.demo import load_demo_programmes
from tests.factories.once import built_for_module

# Rows a second run may add: a run publishes new revisions of pages other steps own, and
# wagtail-localize logs each update of a translation.
HISTORY = {"wagtailcore.Revision", "wagtailcore.PageLogEntry", "wagtail_localize.TranslationLog"}


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.label not in HISTORY and model._meta.app_label != "sessions"
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The foundation, the programmes, the events and the campaigns' step, run twice:
    (counts after the first run, counts after the second, the second run's output)."""

    def build():
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                "home.demo_data.demo_steps",
                lambda: [
                    load_demo_event_listing,
                    load_demo_programmes,
                    load_demo_events,
                    load_demo_campaigns,
                ],
            )
            call_command("linkage_demo", stdout=StringIO())
            first = _counts()
            output = StringIO()
            call_command("linkage_demo", stdout=output)
        return first, _counts(), output.getvalue()

    with built_for_module(django_db_blocker, build) as built:
        yield built


def english(model=CampaignPage):
    return model.objects.filter(locale=Locale.get_default())


def campaign(slug: str) -> CampaignPage:
    return english().get(programme__slug=slug)


def test_a_second_run_adds_no_page_pledge_reach_or_ledger_row(demo, db):
    first, second, _output = demo

    assert second == first
    assert {
        "campaigns": english().count(),
        "partners": english(CampaignPartnerPage).count(),
        "listings": CampaignIndexPage.objects.filter(locale=Locale.get_default()).count(),
    } == {"campaigns": 3, "partners": 5, "listings": 1}


def test_the_16_days_is_this_years_with_sixteen_daily_actions_and_its_debates(demo, db):
    page = campaign("communitylinkage")
    year = sixteen_days_year(timezone.localdate())
    days = list(page.days.order_by("day"))
    debates = [link.event for link in page.event_links.select_related("event")]

    assert (page.starts_on.isoformat(), page.ends_on.isoformat()) == (
        f"{year}-11-25",
        f"{year}-12-10",
    )
    assert (page.reach_target, page.pledge_target, page.live) == (15000, 500, True)
    assert [day.day.day for day in days] == [25, 26, 27, 28, 29, 30, *range(1, 11)]
    assert all(day.theme and day.action and day.share_text for day in days)
    assert len(page.key_messages) == len(content.SIXTEEN_DAYS["key_messages"])
    # Its own and Kosovo's (it runs the campaign too): never another programme's debates.
    assert sorted(event.slug for event in debates) == [
        "16-days-debate-gjakova",
        "16-days-debate-gjilan",
    ]
    assert all(page.starts_on <= event.start_date <= page.ends_on for event in debates)
    assert sorted(page.shared_with.values_list("slug", flat=True)) == ["kosovo"]
    assert page.hero_image is not None and page.hero_alt


def test_each_campaign_links_its_own_programmes_debates(demo, db):
    linked = {
        slug: sorted(link.event.slug for link in campaign(slug).event_links.all())
        for slug in ("see-coalition", "lithuania")
    }

    assert linked == {
        "see-coalition": ["16-days-debate-belgrade"],
        "lithuania": ["16-days-debate-vilnius"],
    }


def test_the_campaigns_are_translated_into_their_programmes_languages(demo, db):
    def translated(page) -> dict[str, str]:
        return {
            version.locale.language_code: version.title
            for version in page.get_translations().filter(alias_of__isnull=True)
        }

    sixteen = translated(campaign("communitylinkage"))
    coalition = translated(campaign("see-coalition"))
    lithuania = translated(campaign("lithuania"))
    year = str(sixteen_days_year(timezone.localdate()))

    assert sorted(sixteen) == sorted(["es", "it", "el", "sl", "ar", "fa", "uk", "sq", "sr-latn"])
    assert {"es", "it", "ar", "fa"} <= set(sixteen)
    assert (sixteen["es"], sixteen["ar"]) == (
        f"16 días de activismo {year}",
        f"16 يومًا من النشاط {year}",
    )
    assert sorted(coalition) == ["mk", "sq", "sr-latn"]
    assert lithuania == {"lt": "Stop smurtui prieš moteris"}
    assert sorted(languages_of("SIXTEEN_DAYS")) == sorted(sixteen)


def test_a_translation_carries_its_key_messages_and_the_toolkit(demo, db):
    page = campaign("communitylinkage")
    spanish = page.get_translation(Locale.objects.get(language_code="es")).specific

    assert [block.value for block in spanish.key_messages][0].startswith("Toda mujer tiene")
    assert spanish.theme.startswith("Cada mujer, en cada idioma")
    assert spanish.toolkit.count() == page.toolkit.count() == 6
    assert spanish.days.count() == 16


def test_the_toolkit_has_a_poster_and_a_card_in_each_language_as_real_files(demo, db):
    page = campaign("communitylinkage")
    items = list(page.toolkit.select_related("document", "image"))
    collection = page.programme.collection

    assert sorted((item.kind, item.language) for item in items) == sorted(
        (kind, language)
        for kind in (ToolkitKind.POSTER, ToolkitKind.SOCIAL_CARD)
        for language in ("en", "es", "ar")
    )
    for item in items:
        stored = item.document or item.image
        assert stored.collection_id == collection.pk
        assert len(item.description) <= 250 and item.description
        with stored.file.open("rb") as handle:
            head = handle.read(8)
        assert head.startswith(b"%PDF" if item.document else b"\x89PNG")
    assert [item.image.width for item in items if item.image] == [1200, 1200, 1200]


def test_the_coalition_has_five_partners_in_five_countries_each_in_its_language(demo, db):
    partners = list(english(CampaignPartnerPage).order_by("slug"))
    languages = {
        partner.country: sorted(
            version.locale.language_code
            for version in partner.get_translations().filter(alias_of__isnull=True)
        )
        for partner in partners
    }

    assert languages == {
        "AL": ["sq"],
        "BA": ["sr-latn"],
        "MK": ["mk"],
        "RS": ["sr-latn"],
        "XK": ["sq"],
    }
    assert all(partner.get_parent().specific == campaign("see-coalition") for partner in partners)
    assert sum(partner.pledge_target for partner in partners) == 500


def test_pledges_are_in_every_state_with_consents_and_the_wall(demo, db):
    pledges = Pledge.objects.filter(campaign_key=campaign("communitylinkage").translation_key)
    statuses = set(pledges.values_list("status", flat=True))
    walls = set(pledges.filter(status=PledgeStatus.CONFIRMED).values_list("wall", flat=True))
    organisations = pledges.filter(kind=PledgeKind.ORGANISATION)

    assert statuses == {PledgeStatus.CONFIRMED, PledgeStatus.PENDING, PledgeStatus.EXPIRED}
    assert {WallStatus.APPROVED, WallStatus.PENDING, WallStatus.NOT_ASKED} <= walls
    assert set(organisations.values_list("wall", flat=True)) == {
        WallStatus.APPROVED,
        WallStatus.PENDING,
        WallStatus.NOT_ASKED,
    }
    assert pledges.filter(contact_consent_at__isnull=False).count() > 5
    assert pledges.filter(contact_consent_withdrawn_at__isnull=False).count() == 1
    assert pledges.get(status=PledgeStatus.EXPIRED).email == ""
    assert {pledge.language for pledge in pledges.filter(language__in=["es", "ar", "fa"])} == {
        "es",
        "ar",
        "fa",
    }


def test_each_confirmed_pledge_is_one_ledger_row(demo, db):
    confirmed = Pledge.objects.filter(status=PledgeStatus.CONFIRMED)
    rows = Participation.objects.filter(kind=ParticipationKind.CAMPAIGN_PLEDGE)

    assert rows.count() == confirmed.count() > 0


def test_the_counters_show_totals_for_each_campaign_and_each_partner(demo, db):
    coalition = campaign("see-coalition")
    totals = {
        slug: selectors.campaign_totals(campaign=campaign(slug))
        for slug in ("communitylinkage", "see-coalition", "lithuania")
    }
    confirmed = {
        slug: Pledge.objects.filter(
            campaign_key=campaign(slug).translation_key, status=PledgeStatus.CONFIRMED
        ).count()
        for slug in totals
    }

    assert {slug: total["confirmed"] for slug, total in totals.items()} == confirmed
    assert all(count > 0 for count in confirmed.values())
    partners = totals["see-coalition"]["partners"]
    assert len(partners) == 5 and all(partner["confirmed"] > 0 for partner in partners)
    assert PledgeTotal.objects.filter(campaign_key=coalition.translation_key).count() == 6


def test_reach_is_recorded_by_channel_direct_and_estimated_with_methods(demo, db):
    page = campaign("communitylinkage")
    records = ReachRecord.objects.filter(campaign_key=page.translation_key)
    today = timezone.localdate()

    if today < page.starts_on:  # the next campaign has not begun: nothing reached yet
        assert records.count() == 0
        return
    assert {record.basis for record in records} == {ReachBasis.DIRECT, ReachBasis.ESTIMATED}
    assert all(record.method and record.on <= today for record in records)
    assert records.aggregate(people=Sum("people"))["people"] > 0
    assert Participation.objects.filter(kind=ParticipationKind.CAMPAIGN_REACH).count() == (
        ReachRecord.objects.count()
    )


def test_stories_have_recorded_consent_and_no_names(demo, db):
    stories = list(campaign("communitylinkage").stories.all())
    names = {name for names in content.PLEDGE_NAMES.values() for name, _c, _l in names}

    assert len(stories) == 2
    assert all(story.consent_recorded_on < story.page.starts_on for story in stories)
    assert all(story.consent_record for story in stories)
    assert not any(name in story.text for story in stories for name in names)


def test_the_home_page_links_to_the_16_days_in_the_visitors_language(demo, db, client):
    page = campaign("communitylinkage")
    spanish = page.get_translation(Locale.objects.get(language_code="es"))

    english_home = client.get("/").content.decode()
    spanish_home = client.get("/es/").content.decode()

    assert f'<a class="button" href="{page.url}">' in english_home
    assert f'<a class="button" href="{spanish.url}">' in spanish_home
    assert spanish.url.startswith("/es/")


def test_a_run_keeps_what_an_organiser_changed(demo, db):
    page = campaign("communitylinkage")
    organiser = User.objects.get(email="organiser.communitylinkage@linkage.local")
    page.theme = "Our own theme this year"
    page.save_revision(user=organiser).publish()
    waiting = Pledge.objects.filter(
        campaign_key=page.translation_key, status=PledgeStatus.CONFIRMED, wall=WallStatus.PENDING
    ).first()
    services.wall_decide(pledge=waiting, approve=False, by=organiser)
    pledges = Pledge.objects.count()

    load_demo_campaigns(stdout=StringIO())

    page.refresh_from_db()
    waiting.refresh_from_db()
    assert (page.theme, waiting.wall, Pledge.objects.count()) == (
        "Our own theme this year",
        WallStatus.REJECTED,
        pledges,
    )
