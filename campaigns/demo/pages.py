"""The demo's campaign pages: the listing, each programme's section, the three campaigns
(days, linked events, stories, hero image) and the coalition's partners, and their
translations (wagtail-localize, machine-assisted, as the events and courses demos do).

A page is written once: found by its slug below its section, it is left as it is (an
organiser may have edited it since). A translation is made where the language still has
no version of the page or only an alias, so a translation someone edited is kept too.
"""

import uuid
from datetime import date, timedelta

from wagtail.models import Locale, Page, Site

from events.selectors import events_base
from programmes.demo import demo_parent, demo_shared_with, demo_translate
from programmes.models import Programme
from programmes.sections import programme_sections_ensure

from ..models import (
    CampaignDay,
    CampaignEvent,
    CampaignIndexPage,
    CampaignPage,
    CampaignPartnerPage,
    CampaignSectionPage,
    CampaignStory,
    ToolkitItem,
)
from . import content
from .languages import languages_of, texts, year_text

NAMESPACE = uuid.UUID("6a4f1c1e-9d0b-4c8e-8f7e-2c6d3b1a7e55")


def block_id(*parts) -> str:
    """A fixed block id: wagtail-localize keys each translated segment by its block's id,
    so a translation made from the texts below finds the original's blocks."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def sixteen_days_year(today: date) -> int:
    """The year of the campaigns the demo shows: this year's until 10 December, then next
    year's, as the events demo dates the 16 Days debates (events/demo)."""
    return today.year if today < date(today.year, 12, 10) else today.year + 1


def needs_translation(page: Page, language: str) -> Locale | None:
    """The locale to translate ``page`` into: None when the language has no locale, or the
    page already has a real translation in it (someone may have edited it)."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == page.locale_id:
        return None
    version = page.get_translation_or_none(locale)
    if version is not None and not version.alias_of_id:
        return None
    return locale


# --- The listing and the sections ---------------------------------------------------------


def campaign_index(stdout) -> CampaignIndexPage:
    """The listing below the home page (created once), with a section for every
    programme, translated into every language."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = CampaignIndexPage.objects.child_of(home).first()
    if index is None:
        index = CampaignIndexPage(
            slug="campaigns",
            title=content.INDEX["title"],
            intro=content.INDEX["intro"],
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write(f"Campaigns: created the listing at {index.url}")
    for programme in Programme.objects.order_by("slug"):
        programme_sections_ensure(programme=programme)
    for language in languages_of("INDEX"):
        if needs_translation(index, language):
            _index_translate(index, language, texts(language, "INDEX"))
    return CampaignIndexPage.objects.get(pk=index.pk)


def _index_translate(index: CampaignIndexPage, language: str, words: dict) -> None:
    """The listing in ``language``, its slug included: as the other navigation pages, an
    ASCII slug in Latin-script languages and the English one elsewhere (no percent-encoded
    addresses) — given as a translation even when it is the same word, so wagtail-localize
    counts the page as wholly translated."""
    from wagtail.models import Locale

    from core.locales import translation_publish
    from programmes.demo import segment_translations

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return
    original = CampaignIndexPage.objects.get(pk=index.pk)
    copy = CampaignIndexPage.objects.get(pk=index.pk)
    copy.title, copy.intro = words["title"], words["intro"]
    strings = segment_translations(original, copy)
    strings[original.slug] = INDEX_SLUGS.get(language, original.slug)
    translation_publish(original, locale, strings, machine=True)


INDEX_SLUGS = {
    "lt": "kampanijos",
    "sq": "fushatat",
    "sr-latn": "kampanje",
    "es": "campanas",
    "it": "campagne",
    "sl": "kampanje",
}


def section_translate(page: CampaignPage, languages: list[str]) -> None:
    """The programme's section above ``page``, titled in each of ``languages``."""
    section = page.get_parent().specific
    if not isinstance(section, CampaignSectionPage):
        return
    for language in languages:
        title = (texts(language, "SECTIONS") or {}).get(section.programme.slug)
        if title and needs_translation(section, language):
            demo_translate(
                section, language, lambda copy, title=title: setattr(copy, "title", title)
            )


# --- A campaign ---------------------------------------------------------------------------


def _text(value: str, year: int, language: str = "en") -> str:
    return value.replace("{year}", year_text(year, language))


def _days(spec: dict) -> list[tuple[int, tuple]]:
    """(day number from 1, (theme, action, share text, resources)) of a campaign."""
    days = spec["days"]
    if isinstance(days, dict):
        return sorted(days.items())
    return list(enumerate(days, start=1))


def _body(key: str, spec: dict, words: dict | None = None) -> list[dict]:
    if "help_heading" not in spec:
        return []
    words = words or spec
    return [
        {
            "type": "callout",
            "id": block_id(key, "body", "help"),
            "value": {
                "tone": "safety",
                "heading": words["help_heading"],
                "text": words["help_text"],
            },
        },
        {"type": "helplines", "id": block_id(key, "body", "helplines"), "value": None},
    ]


def _key_messages(key: str, messages: list[str]) -> list[dict]:
    return [
        {"type": "message", "id": block_id(key, "message", number), "value": message}
        for number, message in enumerate(messages)
    ]


def _events(spec: dict, starts_on: date, ends_on: date) -> list:
    """The demo events the campaign links to: live events of the given kinds (and
    programmes) on its days, originals only (their translations follow them)."""
    events = events_base(locale=Locale.get_default()).filter(
        kind__in=spec["event_kinds"],
        start_date__gte=starts_on,
        start_date__lte=ends_on,
        alias_of__isnull=True,
    )
    if spec["event_programmes"] is not None:
        events = events.filter(programme__slug__in=spec["event_programmes"])
    return list(events.order_by("start_date", "pk"))


def campaign_build(index, spec: dict, *, key: str, year: int, hero=None, stdout):
    """(page, created): the campaign of ``spec`` for ``year``, created (and published) if
    its section has no page with its slug yet."""
    parent = demo_parent(index, CampaignSectionPage, spec["programme"])
    slug = _text(spec["slug"], year)
    page = CampaignPage.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    starts_on, ends_on = date(year, 11, 25), date(year, 12, 10)
    page = CampaignPage(
        slug=slug,
        title=_text(spec["title"], year),
        theme=spec["theme"],
        intro=spec["intro"],
        starts_on=starts_on,
        ends_on=ends_on,
        time_zone=spec["time_zone"],
        colour=spec["colour"],
        key_messages=_key_messages(key, spec["key_messages"]),
        body=_body(key, spec),
        hero_image=hero,
        hero_alt=spec.get("hero_alt", "") if hero is not None else "",
        pledges_open=True,
        pledge_wall=True,
        pledge_target=spec["pledge_target"],
        reach_target=spec["reach_target"],
    )
    page.shared_with = demo_shared_with(spec["shared_with"])
    page.days = [
        CampaignDay(
            day=starts_on + timedelta(days=number - 1),
            theme=theme,
            action=action,
            share_text=share_text,
            resources=resources,
        )
        for number, (theme, action, share_text, resources) in _days(spec)
    ]
    page.event_links = [CampaignEvent(event=event) for event in _events(spec, starts_on, ends_on)]
    page.stories = [
        CampaignStory(
            title=title,
            text=text,
            attribution=attribution,
            consent_recorded_on=starts_on - timedelta(days=days_before),
            consent_record=record,
        )
        for title, text, attribution, days_before, record in spec["stories"]
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    page = CampaignPage.objects.get(pk=page.pk)
    stdout.write(
        f"  created campaign {page.title} at {page.url}: {page.days.count()} days, "
        f"{page.event_links.count()} events"
    )
    return page, True


def campaign_translate(page: CampaignPage, spec: dict, *, key: str, name: str, year: int):
    """``page`` in every language ``name`` ("SIXTEEN_DAYS", ...) is written in, where it
    is not translated yet, and while nobody has edited it (its words are then the
    demo's). Returns the languages translated now."""
    done = []
    if page.revisions.filter(user__isnull=False).exists():
        return done
    for language in languages_of(name):
        if needs_translation(page, language) is None:
            continue
        words = texts(language, name)

        def translate(copy, words=words, language=language):
            copy.title = _text(words["title"], year, language)
            copy.theme = words["theme"]
            copy.intro = words["intro"]
            copy.key_messages = _key_messages(key, words["key_messages"])
            copy.body = _body(key, spec, words if "help_heading" in words else None)
            if copy.hero_image_id and words.get("hero_alt"):
                copy.hero_alt = words["hero_alt"]
            # Days and stories by what they say in English: one an organiser changed keeps
            # its own words.
            english, translated = dict(_days(spec)), dict(_days(words))
            days = list(copy.days.all())
            for row in days:
                number = (row.day - copy.starts_on).days + 1
                if number in translated and english.get(number, ("",))[0] == row.theme:
                    row.theme, row.action, row.share_text, row.resources = translated[number]
            copy.days = days
            stories = list(copy.stories.all())
            stories_in = words.get("stories", [])
            told = {
                story[0]: told_in
                for story, told_in in zip(spec["stories"], stories_in, strict=False)
            }
            for row in stories:
                if row.title in told:
                    row.title, row.text, row.attribution = told[row.title]
            copy.stories = stories

        section_translate(page, [language])
        try:
            demo_translate(page, language, translate)
        except ValueError:  # changed since the demo wrote it: its editors translate it
            continue
        done.append(language)
    return done


def toolkit_copy(page: CampaignPage, languages: list[str]) -> None:
    """The original's toolkit, added once its translations existed, copied into the
    translations in ``languages`` (wagtail-localize keeps the toolkit in step with the
    original, as it would on the next synchronisation)."""
    rows = list(page.toolkit.all())
    for language in languages:
        version = page.get_translation(Locale.objects.get(language_code=language)).specific
        version.toolkit = [
            ToolkitItem(
                kind=row.kind,
                title=row.title,
                language=row.language,
                document_id=row.document_id,
                image_id=row.image_id,
                description=row.description,
                sort_order=row.sort_order,
            )
            for row in rows
        ]
        version.save_revision().publish()


# --- The coalition's partners -------------------------------------------------------------


def partners_build(campaign: CampaignPage, stdout) -> list[CampaignPartnerPage]:
    """The coalition's five partners below its campaign (each created once), each
    translated into its country's language."""
    partners = []
    for slug, organisation, country, language, title, intro, target in content.PARTNERS:
        page = CampaignPartnerPage.objects.child_of(campaign).filter(slug=slug).first()
        if page is None:
            page = CampaignPartnerPage(
                slug=slug,
                title=title,
                organisation=organisation,
                country=country,
                intro=intro,
                pledge_target=target,
            )
            campaign.add_child(instance=page)
            page.save_revision().publish()
            stdout.write(f"  created partner {organisation} at {page.url}")
        words = (texts(language, "PARTNERS") or {}).get(slug)
        if words and needs_translation(page, language):

            def translate(copy, words=words):
                copy.title = words["title"]
                copy.organisation = words["organisation"]
                copy.intro = words["intro"]

            demo_translate(page, language, translate)
        partners.append(CampaignPartnerPage.objects.get(pk=page.pk))
    return partners
