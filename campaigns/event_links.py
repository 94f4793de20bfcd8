"""A campaign's events, as the events listing sees them: its "Campaign" filter.

Events never import this app. At start-up this module registers the grouping "campaign"
in ``core.event_groups``; the events listing offers its choices and filters by the ids it
gives:

- the choices are the live campaigns in the visitor's language (their translation, or the
  alias that stands for one not yet translated), running ones first, then the coming ones
  (soonest first), then past ones (latest first);
- a choice's value is the campaign's ``translation_key``: the same in every language, so
  a filtered link survives a change of language;
- its events are those linked (``CampaignEvent``) from any translation of the campaign,
  in every language: matched by the events' own translation keys, so the Lithuanian
  listing finds the Lithuanian versions (translations or aliases) of English events.

The choices are read on every listing and feed, so they are kept in Django's cache under
a version this module raises when a campaign is published, unpublished or deleted (and
for at most ``CHOICES_SECONDS``: "running" and "coming" change at midnight). The same
changes make the events' public feeds stale (a filtered feed lists a campaign's events).
"""

import time
import uuid
from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from core.event_groups import event_group_register
from core.timezones import zone_known

GROUP = "campaign"
CHOICES_SECONDS = 10 * 60
VERSION_KEY = "campaigns:event-links:version"


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def links_changed() -> None:
    """Forget the cached campaign choices and the events' public feeds (a feed filtered by
    a campaign lists its events)."""
    from events.selectors import feed_version_bump

    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), None)
    feed_version_bump()


def _language_code(language: str | None) -> str:
    try:
        return get_supported_language_variant(language or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def _today_in(tz_name: str) -> date:
    tz = ZoneInfo(tz_name) if tz_name and zone_known(tz_name) else timezone.get_default_timezone()
    return timezone.localdate(timezone=tz)


def _order(row: dict) -> tuple:
    """Running first (ending soonest), then coming (starting soonest), then past (latest
    first)."""
    today = _today_in(row["time_zone"])
    if row["starts_on"] <= today <= row["ends_on"]:
        return (0, row["ends_on"].toordinal(), row["title"])
    if today < row["starts_on"]:
        return (1, row["starts_on"].toordinal(), row["title"])
    return (2, -row["ends_on"].toordinal(), row["title"])


def campaign_choices(language: str | None) -> list[tuple[str, str]]:
    """(translation key, title) of the live campaigns in ``language``'s tree, running and
    coming ones first. Two titles alike (every year's "16 Days of Activism") get their
    year. Cached (see the module's docstring)."""
    code = _language_code(language)
    key = f"campaigns:event-links:choices:{_version()}:{code}:{timezone.localdate()}"
    choices = cache.get(key)
    if choices is None:
        choices = _campaign_choices(code)
        cache.set(key, choices, CHOICES_SECONDS)
    return choices


def _campaign_choices(code: str) -> list[tuple[str, str]]:
    from .models import CampaignPage

    rows = sorted(
        CampaignPage.objects.live()
        .public()
        .filter(locale__language_code=code)
        .values("translation_key", "title", "starts_on", "ends_on", "time_zone"),
        key=_order,
    )
    titles = [row["title"] for row in rows]
    return [
        (
            str(row["translation_key"]),
            f"{row['title']} ({row['starts_on'].year})"
            if titles.count(row["title"]) > 1
            else row["title"],
        )
        for row in rows
    ]


def campaign_event_keys(campaign_key) -> QuerySet:
    """The translation keys of the events linked to the campaign ``campaign_key`` (a
    translation key) from any of its translations: a subquery."""
    from .models import CampaignEvent

    return (
        CampaignEvent.objects.filter(page__translation_key=campaign_key)
        .values("event__translation_key")
        .distinct()
    )


def campaign_event_ids(value: str) -> QuerySet:
    """The ids of every version (any language) of the campaign's linked events: a
    subquery; nothing for a value that is not a translation key."""
    try:
        campaign_key = uuid.UUID(str(value))
    except ValueError:
        return Page.objects.none().values("pk")
    return Page.objects.filter(translation_key__in=campaign_event_keys(campaign_key)).values("pk")


def _campaign_changed(sender, instance=None, **kwargs) -> None:
    from .models import CampaignPage

    page = instance.specific_deferred if isinstance(instance, Page) else instance
    if isinstance(page, CampaignPage):
        links_changed()


def register() -> None:
    event_group_register(
        GROUP,
        label=_("Campaign"),
        empty_label=_("All campaigns"),
        choices=campaign_choices,
        event_ids=campaign_event_ids,
    )
    from .models import CampaignPage

    page_published.connect(_campaign_changed, dispatch_uid="campaigns.event_links.published")
    page_unpublished.connect(_campaign_changed, dispatch_uid="campaigns.event_links.unpublished")
    post_delete.connect(
        _campaign_changed, sender=CampaignPage, dispatch_uid="campaigns.event_links.deleted"
    )
