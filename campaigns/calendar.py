"""A campaign's own calendar: the occurrences of its linked events day by day.

The events are those linked to the campaign from any of its translations, live and
public, each in the campaign page's language when it has a version there (translation or
alias), else its original (``events.selectors.events_for_keys``). An occurrence belongs
to the campaign when it overlaps the campaign's days (from midnight of the first day to
midnight after the last, in the campaign's zone). It is listed under the campaign-local
day it starts on (an occurrence that began before the first day, under the first day),
and its time is written in the event's own zone, named ("17:00–19:00 Eastern European
Time"; with the day too when the event's local date is another one).

Three queries whatever the number of events: the view restrictions, the events (linked
through a subquery; venue, region and locale joined), their cancelled or moved dates.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from core.timezones import zone_known
from events.selectors import events_for_keys
from events.when import clock, local, when_text, with_zone

from .event_links import campaign_event_keys


def campaign_zone(campaign) -> ZoneInfo:
    name = campaign.time_zone
    if name and zone_known(name):
        return ZoneInfo(name)
    return timezone.get_default_timezone()


def campaign_window(campaign) -> tuple[datetime, datetime]:
    """From midnight of the first day to midnight after the last, in the campaign's zone."""
    tz = campaign_zone(campaign)
    start = datetime.combine(campaign.starts_on, time.min, tzinfo=tz)
    end = datetime.combine(campaign.ends_on + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def campaign_events(*, campaign) -> list:
    """The campaign's linked live events, in the campaign page's language where they have
    a version in it, in the order of their first start."""
    return events_for_keys(
        keys=campaign_event_keys(campaign.translation_key), locale_id=campaign.locale_id
    )


def _when(occurrence, event, day: date) -> str:
    """The time in the event's own zone, named; its day too unless it is one day that
    is also the campaign day it is listed under."""
    start, end = local(occurrence.start, event.time_zone), local(occurrence.end, event.time_zone)
    if start.date() == end.date() == day:
        return with_zone(f"{clock(start)}–{clock(end)}", event.time_zone)
    return when_text(occurrence.start, occurrence.end, event.time_zone)


def campaign_event_days(*, campaign, events: list | None = None) -> list[dict]:
    """``[{"day": date, "entries": [{"event", "title", "url", "when", "kind", "cancelled",
    "moved", "note"}]}]``: the campaign-local days that have occurrences of its events, in
    order; each day's entries in the order of their start. ``events``: the campaign's
    events when the caller has them already (``campaign_events``)."""
    if events is None:
        events = campaign_events(campaign=campaign)
    tz = campaign_zone(campaign)
    after, before = campaign_window(campaign)
    by_day: dict[date, list] = {}
    for event in events:
        for occurrence in event.cached_schedule.occurrences(after=after, before=before):
            day = max(occurrence.start.astimezone(tz).date(), campaign.starts_on)
            by_day.setdefault(day, []).append((occurrence, event))
    days = []
    for day in sorted(by_day):
        entries = sorted(by_day[day], key=lambda pair: (pair[0].start_utc, pair[1].title))
        days.append(
            {
                "day": day,
                "entries": [
                    {
                        "event": event,
                        "title": event.title,
                        "url": event.url,
                        "when": _when(occurrence, event, day),
                        "kind": event.get_kind_display(),
                        "cancelled": occurrence.cancelled or event.is_cancelled,
                        "moved": occurrence.moved,
                        "note": occurrence.note,
                    }
                    for occurrence, event in entries
                ],
            }
        )
    return days
