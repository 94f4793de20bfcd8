"""What a campaign page serves for sharing: its events as a calendar feed
(``calendar.ics``), its share card (``share.png``, the ``og:image``) and a printable
poster (``poster.pdf``). The routes of ``CampaignPage`` call these.

Each speaks the language of the address it is asked at (``/lt/…/share.png``: the
Lithuanian page, Lithuanian dates and words), with the page's own (translated) title,
theme and key messages. Each is built once per version of what it shows and kept in
Django's cache: the card and poster under the page, its last publication and the
language; the feed also under the events' version (``events.selectors.events_version``),
as the events' own public feed is. Answers are public (the same for everyone: no
registrant's details are ever written in) with an ``ETag``, so a repeated request is a
bodiless 304.
"""

import hashlib
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _

from babel.dates import format_date, format_skeleton

from core.addresses import absolute_url
from core.timezones import babel_locale
from events.ical import calendar_domain, calendar_for
from events.selectors import calendar_facts, events_version

from .calendar import campaign_events
from .poster import PosterText, poster_pdf_bytes
from .share_image import Card, share_png

CACHE_SECONDS = 24 * 60 * 60  # the key changes with every publication
IMAGE_MAX_AGE = 60 * 60
# Like the events' public feed: a proxy may keep it but asks again before each use (a
# venue made confidential must not be served from a proxy); unchanged, the answer is 304.
FEED_CACHE_CONTROL = "public, no-cache"


def site_name() -> str:
    return getattr(settings, "WAGTAIL_SITE_NAME", "Linkage")


def dates_text(starts_on: date, ends_on: date, language: str | None = None) -> str:
    """The campaign's days as the language writes a span of dates (CLDR, through Babel):
    "25 November – 10 December 2026", "lapkričio 25 d. – 2026 m. gruodžio 10 d."."""
    locale = babel_locale(language)
    if str(locale) == "en":
        locale = "en_GB"  # the site writes British English: day before month
    last = format_date(ends_on, "long", locale=locale)
    if starts_on == ends_on:
        return last
    if starts_on.year == ends_on.year:
        first = format_skeleton("MMMMd", starts_on, locale=locale)
    else:
        first = format_date(starts_on, "long", locale=locale)
    return f"{first} – {last}"


def key_messages(campaign) -> tuple[str, ...]:
    return tuple(
        str(block.value).strip()
        for block in campaign.key_messages
        if block.block_type == "message" and str(block.value).strip()
    )


def page_address(campaign) -> str:
    return absolute_url(campaign.url)


# The page's routes (``CampaignPage``) that serve what is here.
ROUTES = {"calendar": "calendar_feed", "image": "share_image", "poster": "poster"}


def asset_path(campaign, name: str) -> str:
    """The address (path) of the campaign's ``calendar``, ``image`` or ``poster``."""
    return campaign.url + campaign.reverse_subpage(ROUTES[name])


def asset_urls(campaign) -> dict[str, str]:
    """The full addresses of the campaign's calendar feed, share card and poster (for
    Open Graph meta and links)."""
    return {name: absolute_url(asset_path(campaign, name)) for name in ROUTES}


def _key(kind: str, campaign, *parts) -> str:
    stamp = campaign.last_published_at.isoformat() if campaign.last_published_at else "draft"
    raw = "|".join(str(p) for p in (kind, campaign.pk, stamp, translation.get_language(), *parts))
    return hashlib.sha256(raw.encode()).hexdigest()


def _cached(request, key: str, build, *, content_type: str, cache_control: str, filename: str):
    etag = f'"{key[:32]}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        not_modified["ETag"] = etag
        not_modified["Cache-Control"] = cache_control
        return not_modified
    data = cache.get("campaigns:sharing:" + key)
    if data is None:
        data = build()
        cache.set("campaigns:sharing:" + key, data, CACHE_SECONDS)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = cache_control
    response["ETag"] = etag
    return response


# --- the calendar feed ------------------------------------------------------------------


def campaign_ics(campaign) -> bytes:
    """The campaign's linked live events (in its page's language where translated), whole
    series with their VTIMEZONEs, as the events' public feed writes them: no registrant's
    online link or confidential address."""
    events = campaign_events(campaign=campaign)
    facts = calendar_facts(events=events)
    return calendar_for(
        events,
        domain=calendar_domain(),
        name=f"{campaign.title} – {site_name()}",
        sequences=facts["sequences"],
    )


def campaign_calendar(request, campaign) -> HttpResponse:
    key = _key("ics", campaign, events_version(), calendar_domain())
    return _cached(
        request,
        key,
        lambda: campaign_ics(campaign),
        content_type="text/calendar; charset=utf-8",
        cache_control=FEED_CACHE_CONTROL,
        filename=f"{campaign.slug}.ics",
    )


# --- the share card ---------------------------------------------------------------------


def card_for(campaign) -> Card:
    """The card's words in the active language: the page's own title and theme."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    palette = campaign.palette
    return Card(
        title=campaign.title,
        theme=campaign.theme,
        dates=dates_text(campaign.starts_on, campaign.ends_on, language),
        site=site_name(),
        language=language,
        rtl=translation.get_language_bidi(),
        background=palette["accent"],
        ink=palette["on_accent"],
    )


def share_image(request, campaign) -> HttpResponse:
    return _cached(
        request,
        _key("png", campaign),
        lambda: share_png(card_for(campaign)),
        content_type="image/png",
        cache_control=f"public, max-age={IMAGE_MAX_AGE}",
        filename=f"{campaign.slug}.png",
    )


# --- the poster -------------------------------------------------------------------------


def poster_for(campaign) -> PosterText:
    language = translation.get_language() or settings.LANGUAGE_CODE
    palette = campaign.palette
    return PosterText(
        language=language,
        rtl=translation.get_language_bidi(),
        site=site_name(),
        title=campaign.title,
        theme=campaign.theme,
        dates=dates_text(campaign.starts_on, campaign.ends_on, language),
        messages_heading=_("Key messages"),
        messages=key_messages(campaign),
        address_label=_("Find out more and take part:"),
        address=page_address(campaign),
        background=palette["accent"],
        ink=palette["on_accent"],
    )


def poster_pdf(request, campaign) -> HttpResponse:
    return _cached(
        request,
        _key("pdf", campaign, page_address(campaign)),
        lambda: poster_pdf_bytes(poster_for(campaign)),
        content_type="application/pdf",
        cache_control=f"public, max-age={IMAGE_MAX_AGE}",
        filename=f"{campaign.slug}-poster.pdf",
    )
