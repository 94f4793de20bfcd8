"""iCalendar (RFC 5545) files for events: public feeds, private feeds, single downloads and
e-mailed invitations. Pure functions: they take pages and plain values, never a request.

The rules followed, each against a known way calendars go wrong
(see the field notes on calendars):

- Identity. ``UID`` is ``event-<translation_key>@<domain>``: stable across exports and
  shared by every translation, so a rebuilt feed never fills calendars with duplicates.
  ``SEQUENCE`` is the original page's (the first translation holds it); clients ignore a
  changed event unless it goes up.
- Time zones. ``DTSTART``/``DTEND``/``EXDATE``/``RECURRENCE-ID`` carry the event's own
  ``TZID`` with local wall-clock times, never ``Z`` times mixed in. Every ``TZID`` used has
  a ``VTIMEZONE``, and all of them come before the first ``VEVENT`` (strict servers reject
  them after). A ``VTIMEZONE`` has one ``STANDARD`` and one ``DAYLIGHT`` block with yearly
  ``RRULE``s, as in Google's feeds, never a list of ``RDATE``s (Outlook shifts times on
  those; it is what ``icalendar.Timezone.from_tzid`` writes, so it is not used).
- Recurrence. The stored rule is emitted as it is, except ``UNTIL``, which must be UTC when
  ``DTSTART`` has a ``TZID``: it is read the way ``events.schedule`` reads it (local
  wall-clock) and converted, so calendars expand exactly the occurrences the site lists.
  A cancelled occurrence is an ``EXDATE`` of the same value type and ``TZID`` as
  ``DTSTART``; a moved one is an extra ``VEVENT`` with the same ``UID`` and a
  ``RECURRENCE-ID``.
- Cancellation. A cancelled event stays in the feed with ``STATUS:CANCELLED``; e-mailed it
  is ``METHOD:CANCEL`` with the same ``UID``.
- Privacy. The online link is written only for a person with a confirmed registration,
  never in a public feed or download.
- ``DTSTAMP`` is UTC. In a feed (no ``METHOD``) it is when the page was last published, so
  an unchanged feed is byte-for-byte the same; in an iTIP message it is when it was made.

Nothing here reads the database: the caller passes what the files need beyond the pages
(``events.selectors.calendar_facts`` reads it, one query each for a whole list). Fetch the
pages with ``select_related("venue")`` and ``prefetch_related("occurrence_changes")``.
"""

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parseaddr
from functools import lru_cache

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import icalendar

from core.addresses import absolute_url, base_url
from people.enums import Country

from .enums import EventFormat, EventKind
from .schedule import Occurrence, aware, zone

PRODID = "-//Linkage//Events//EN"
SITE_NAME = "Linkage"
# The year a VTIMEZONE's observances start in, as in Google's and Outlook's files.
EPOCH_YEAR = 1970
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# --- time zones -------------------------------------------------------------------------


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT block: from ``local_start`` (wall-clock, in the offset in
    force before it) every year in ``month`` on the ``ordinal``-th ``weekday`` (-1: last),
    or once only when ``month`` is None."""

    daylight: bool
    local_start: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    month: int | None = None
    ordinal: int = 0
    weekday: int = 0


def vtimezone(tz_name: str, *, year: int | None = None) -> icalendar.Timezone:
    """A VTIMEZONE for the IANA zone ``tz_name`` in the yearly-RRULE style, built from the
    zone's transitions in ``year`` (default: this year). A fresh component on every call:
    components are mutable; the computation behind it is cached."""
    component = icalendar.Timezone()
    component.add("tzid", tz_name)
    for observance in _observances(tz_name, year or timezone.now().year):
        component.add_component(_observance_component(observance))
    return component


@lru_cache(maxsize=128)
def _observances(tz_name: str, year: int) -> tuple[Observance, ...]:
    tz = zone(tz_name)
    transitions = _transitions(tz, year)
    if len(transitions) != 2:
        # No daylight saving (or an irregular year): the offset in force at the year's end.
        at = datetime(year, 12, 31, 12, tzinfo=UTC).astimezone(tz)
        offset = at.utcoffset()
        return (
            Observance(
                daylight=False,
                local_start=datetime(EPOCH_YEAR, 1, 1),
                offset_from=offset,
                offset_to=offset,
                name=at.tzname(),
            ),
        )
    return tuple(_yearly(tz, instant, before, after) for instant, before, after in transitions)


def _transitions(tz, year: int) -> list[tuple[datetime, timedelta, timedelta]]:
    """(UTC instant, offset before, offset after) of each change of offset in ``year``:
    a day-by-day scan, then a bisection to the second."""
    result = []
    start = datetime(year, 1, 1, tzinfo=UTC)
    for day in range((datetime(year + 1, 1, 1, tzinfo=UTC) - start).days):
        midnight = start + timedelta(days=day)
        before = midnight.astimezone(tz).utcoffset()
        after = (midnight + timedelta(days=1)).astimezone(tz).utcoffset()
        if before == after:
            continue
        low, high = 0, 24 * 3600  # seconds after midnight: old offset at low, new at high
        while high - low > 1:
            middle = (low + high) // 2
            if (midnight + timedelta(seconds=middle)).astimezone(tz).utcoffset() == before:
                low = middle
            else:
                high = middle
        result.append((midnight + timedelta(seconds=high), before, after))
    return result


def _yearly(tz, instant: datetime, before: timedelta, after: timedelta) -> Observance:
    local = (instant + before).replace(tzinfo=None)
    days_in_month = _month_length(local.year, local.month)
    ordinal = -1 if local.day + 7 > days_in_month else (local.day - 1) // 7 + 1
    first = _nth_weekday(EPOCH_YEAR, local.month, local.weekday(), ordinal)
    return Observance(
        # Classed by offset, not by tzdata's flag: Europe/Dublin's "daylight" is its winter.
        daylight=after > before,
        local_start=datetime.combine(first, local.time()),
        offset_from=before,
        offset_to=after,
        name=instant.astimezone(tz).tzname(),
        month=local.month,
        ordinal=ordinal,
        weekday=local.weekday(),
    )


def _month_length(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def _nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    if ordinal == -1:
        last = date(year, month, _month_length(year, month))
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (ordinal - 1))


def _observance_component(observance: Observance) -> icalendar.Component:
    cls = icalendar.TimezoneDaylight if observance.daylight else icalendar.TimezoneStandard
    component = cls()
    component.add("dtstart", observance.local_start)
    if observance.month is not None:
        byday = f"{observance.ordinal}{WEEKDAYS[observance.weekday]}"
        component.add("rrule", {"FREQ": "YEARLY", "BYMONTH": observance.month, "BYDAY": byday})
    component.add("tzoffsetfrom", observance.offset_from)
    component.add("tzoffsetto", observance.offset_to)
    component.add("tzname", observance.name)
    return component


# --- events -----------------------------------------------------------------------------


@dataclass
class _Context:
    """What every VEVENT of one file needs beyond its page."""

    domain: str
    method: str | None
    now: datetime
    url_for: Callable
    sequences: Mapping = field(default_factory=dict)
    private_keys: Collection = frozenset()
    attendee: object | None = None
    cancelled: bool = False  # the whole file withdraws the event (METHOD:CANCEL)


def _labels(choices) -> dict[str, str]:
    """value → label in the active language, computed once per feed rather than per event
    (``get_FOO_display`` hashes the lazy choices on every call: a fifth of a feed's time)."""
    return _labels_in(choices, translation.get_language())


@lru_cache(maxsize=64)
def _labels_in(choices, language) -> dict[str, str]:
    return {value: str(label) for value, label in choices.choices}


def calendar_domain() -> str:
    """The host part of the site's address (no scheme, no port): the right-hand side of
    every UID, so a UID survives a change of port or scheme."""
    from urllib.parse import urlsplit

    return urlsplit(base_url()).hostname or "linkage.local"


def page_address(page) -> str:
    """A page's full address on the site's one base URL (``core.addresses``)."""
    return absolute_url(page.get_url())


def event_uid(event, *, domain: str) -> str:
    return f"event-{event.translation_key}@{domain}"


def calendar_for(
    events: Iterable,
    *,
    domain: str,
    name: str,
    method: str | None = None,
    sequences: Mapping | None = None,
    confirmed: Collection = frozenset(),
    now: datetime | None = None,
    url_for: Callable | None = None,
) -> bytes:
    """A VCALENDAR of ``events`` (pages), one VEVENT series per event: of several
    translations of one event (one UID) the first given is kept, so pass the reader's
    language first. ``sequences``: translation_key → SEQUENCE of the original page (a page
    missing from it uses its own). ``confirmed``: translation_keys of the events the reader
    has a confirmed place at; their online link and confidential address are written in.
    ``url_for(page)`` gives a page's full address (default: ``page_address``)."""
    events = _one_per_event(events)
    context = _context(domain=domain, method=method, now=now, url_for=url_for)
    context.sequences = sequences or {}
    context.private_keys = confirmed
    components = [c for event in events for c in _event_components(event, context)]
    return _calendar(components, name=name, method=method).to_ical()


def event_ics(
    event,
    *,
    domain: str,
    method: str | None = "PUBLISH",
    sequence: int | None = None,
    confirmed: bool = False,
    now: datetime | None = None,
) -> bytes:
    """One event to download and import; its online link only when ``confirmed``."""
    return calendar_for(
        [event],
        domain=domain,
        name=event.title,
        method=method,
        sequences=_one(event, sequence),
        confirmed={event.translation_key} if confirmed else frozenset(),
        now=now,
    )


def invitation_ics(
    event,
    *,
    domain: str,
    person,
    cancel: bool,
    sequence: int | None = None,
    confirmed: bool = False,
    now: datetime | None = None,
) -> bytes:
    """The attachment of a confirmation, update or cancellation e-mail to ``person``:
    METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED, under the event's one UID.
    ``sequence``: the original page's (default: the page's own); ``confirmed``: whether the
    person has a confirmed place (their online link is written in)."""
    method = "CANCEL" if cancel else "REQUEST"
    context = _context(domain=domain, method=method, now=now, url_for=None)
    context.sequences = _one(event, sequence)
    context.attendee = person
    context.cancelled = cancel
    if confirmed and not cancel:
        context.private_keys = {event.translation_key}
    components = _event_components(event, context)
    if cancel:
        components = components[:1]  # the master alone withdraws the whole series
    return _calendar(components, name=event.title, method=method).to_ical()


def _one(event, sequence: int | None) -> dict:
    return {} if sequence is None else {event.translation_key: sequence}


def _one_per_event(events: Iterable) -> list:
    kept: dict = {}
    for event in events:
        kept.setdefault(event.translation_key, event)
    return list(kept.values())


def _context(*, domain, method, now, url_for) -> _Context:
    return _Context(
        domain=domain,
        method=method,
        now=_utc(now or timezone.now()),
        url_for=url_for or page_address,
    )


def _calendar(components: list, *, name: str, method: str | None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    for tz_name in sorted(_tzids(components)):
        calendar.add_component(vtimezone(tz_name))
    for component in components:
        calendar.add_component(component)
    return calendar


def _tzids(components: Iterable) -> set[str]:
    """Every TZID a property of ``components`` names (UTC is written as Z and names none)."""
    names = set()
    for component in components:
        for value in component.values():
            for item in value if isinstance(value, list) else [value]:
                params = getattr(item, "params", {})
                if "TZID" in params:
                    names.add(params["TZID"])
    return names


def _event_components(event, context: _Context) -> list[icalendar.Event]:
    """The master VEVENT of ``event``, then one VEVENT per moved occurrence."""
    schedule = event.schedule()
    changed = _changed_occurrences(schedule)
    if not event.recurrence:
        # A single event's one occurrence may still be moved or cancelled on its own.
        only = changed[0] if changed else None
        start, end = (only.start, only.end) if only else (schedule.first_start, schedule.first_end)
        cancelled = bool(only and only.cancelled)
        return [_vevent(event, context, start=start, end=end, cancelled=cancelled)]
    master = _vevent(event, context, start=schedule.first_start, end=schedule.first_end)
    master.add("rrule", _rrule(schedule))
    cancelled = [o.original_start for o in changed if o.cancelled]
    if cancelled:
        master.add("exdate", cancelled)
    moved = [_moved(event, context, occurrence) for occurrence in changed if occurrence.moved]
    return [master, *moved]


def _changed_occurrences(schedule) -> list[Occurrence]:
    if not schedule.changes:
        return []
    last = max(max(c.original_date, c.new_date or c.original_date) for c in schedule.changes)
    before = aware(last, schedule.start_time, schedule.time_zone) + timedelta(days=2)
    return [o for o in schedule.occurrences(before=before) if o.cancelled or o.moved]


def _moved(event, context: _Context, occurrence: Occurrence) -> icalendar.Event:
    component = _vevent(event, context, start=occurrence.start, end=occurrence.end)
    component.add("recurrence-id", occurrence.original_start)
    return component


def _rrule(schedule) -> icalendar.vRecur:
    """The stored rule, with UNTIL (local wall-clock to ``events.schedule``) in UTC."""
    body = schedule.recurrence.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    recur = icalendar.vRecur.from_ical(body.upper())
    until = schedule.rule()._until
    if until is not None:
        recur["UNTIL"] = [until.replace(tzinfo=zone(schedule.time_zone)).astimezone(UTC)]
    return recur


def _vevent(
    event, context: _Context, *, start: datetime, end: datetime, cancelled: bool = False
) -> icalendar.Event:
    url = context.url_for(event)
    component = icalendar.Event()
    component.add("uid", event_uid(event, domain=context.domain))
    component.add("dtstamp", _stamp(event, context))
    component.add("sequence", context.sequences.get(event.translation_key, event.sequence))
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", event.title)
    component.add("description", _description(event, url, context))
    component.add("url", url)
    location = _location(event, context)
    if location:
        component.add("location", location)
    component.add("categories", [_labels(EventKind)[event.kind]])
    cancelled = cancelled or context.cancelled or event.is_cancelled
    component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if context.attendee is not None:
        _add_people(component, context.attendee)
    return component


def _stamp(event, context: _Context) -> datetime:
    if context.method is None:
        revised = event.last_published_at or event.latest_revision_created_at
        if revised is not None:
            return _utc(revised)
    return context.now


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


def _description(event, url: str, context: _Context) -> str:
    parts = [event.summary, url]
    if event.online_url and event.translation_key in context.private_keys:
        parts.append(_("Online link: %(url)s") % {"url": event.online_url})
    return "\n\n".join(part for part in parts if part)


def _location(event, context: _Context) -> str:
    if event.event_format == EventFormat.ONLINE:
        return str(EventFormat.ONLINE.label)
    venue = event.venue
    if venue is None:
        return _labels(Country).get(event.country, event.country) if event.country else ""
    if not event.shows_address(confirmed=event.translation_key in context.private_keys):
        return venue.city  # a confidential address goes only to confirmed participants
    address = ", ".join(line.strip() for line in venue.address.splitlines() if line.strip())
    return ", ".join(part for part in (venue.name, address, venue.city) if part)


def _add_people(component: icalendar.Event, person) -> None:
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = icalendar.vCalAddress(f"mailto:{address}")
    organizer.params["CN"] = getattr(settings, "WAGTAIL_SITE_NAME", SITE_NAME)
    component.add("organizer", organizer)
    attendee = icalendar.vCalAddress(f"mailto:{person.email}")
    display_name = getattr(person, "display_name", "")
    if display_name:
        attendee.params["CN"] = display_name
    attendee.params["ROLE"] = "REQ-PARTICIPANT"
    attendee.params["PARTSTAT"] = "ACCEPTED"
    attendee.params["RSVP"] = "FALSE"
    component.add("attendee", attendee)
