"""How an event's dates and times are written for people: always the event's own wall-clock
time with its zone named in words ("Tuesday 15 December 2026, 17:00–19:00 Eastern European
Time"), whatever zone the server, the request or the database is in.

Every function converts the moments it is given to the event's zone itself
(``astimezone``), so a UTC copy from the database and an occurrence from
``events.schedule`` read the same. Dates and times follow the active language through
Django's format names (``DATE_FORMAT``, ``MONTH_DAY_FORMAT``, ``TIME_FORMAT``), never a
literal format; zones are named by ``core.timezones.zone_name`` (CLDR's generic names:
an event in Prishtina runs on ``Europe/Belgrade`` and reads "Central European Time").

An online or hybrid event also gives the time in the reader's own zone, when their
profile names one (``viewer_text``); an in-person event never does: you are there.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

from core.timezones import zone_name

from .enums import EventFormat
from .schedule import Occurrence, zone

REMOTE_FORMATS = (EventFormat.ONLINE, EventFormat.HYBRID)


def _has_weekday(format_string: str) -> bool:
    """Whether a Django date format writes the weekday itself (``l`` or ``D``, unescaped):
    English's ``DATE_FORMAT`` does ("l j F Y"), Lithuanian's does not."""
    escaped = False
    for char in format_string:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "lD":
            return True
    return False


def day_text(day: date, *, year: bool = True) -> str:
    """A day with its weekday, as the active language writes dates: "Tuesday 15 December
    2026" (``DATE_FORMAT``), or without the year ("Monday 14 December",
    ``MONTH_DAY_FORMAT``) for the first day of a span that ends in the same year."""
    name = "DATE_FORMAT" if year else "MONTH_DAY_FORMAT"
    day = day.date() if isinstance(day, datetime) else day
    text = formats.date_format(day, name)
    if _has_weekday(formats.get_format(name)):
        return text
    return _("%(weekday)s %(day)s") % {"weekday": formats.date_format(day, "l"), "day": text}


def clock(moment: datetime | time) -> str:
    """A wall-clock time in the active language's ``TIME_FORMAT`` ("17:00"), as given:
    never converted to another zone."""
    at = moment.time() if isinstance(moment, datetime) else moment
    return formats.time_format(at, "TIME_FORMAT")


def local(moment: datetime, tz_name: str) -> datetime:
    """``moment`` as the clocks showed it in ``tz_name`` (a naive one is taken as already
    local there)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone(tz_name))
    return moment.astimezone(zone(tz_name))


def span_text(start: datetime, end: datetime) -> str:
    """Days and times of one occurrence, both already in one zone, without the zone:
    "Tuesday 15 December 2026, 17:00–19:00", or over several days "Monday 14 December,
    09:00 – Wednesday 16 December 2026, 17:00"."""
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s") % {
            "day": day_text(start.date()),
            "start": clock(start),
            "end": clock(end),
        }
    # Each time beside its own day: "09:00–13:00" after a span of days read as the hours of
    # every day, though only the first starts at 09:00 and only the last ends at 13:00.
    return _("%(first_day)s, %(start)s – %(last_day)s, %(end)s") % {
        "first_day": day_text(start.date(), year=start.year != end.year),
        "last_day": day_text(end.date()),
        "start": clock(start),
        "end": clock(end),
    }


def with_zone(text: str, tz_name: str) -> str:
    """``text`` followed by the zone in words: "17:00–19:00 Eastern European Time"."""
    return _("%(when)s %(zone)s") % {"when": text, "zone": zone_name(tz_name)}


def when_text(start: datetime, end: datetime, tz_name: str) -> str:
    """One occurrence in the event's zone, named: "Tuesday 15 December 2026, 17:00–19:00
    Eastern European Time"."""
    return with_zone(span_text(local(start, tz_name), local(end, tz_name)), tz_name)


def moment_local_text(moment: datetime, tz_name: str) -> str:
    """One moment in the event's zone, without the zone: "Tuesday 15 December 2026, 17:00"."""
    at = local(moment, tz_name)
    return _("%(day)s, %(time)s") % {"day": day_text(at.date()), "time": clock(at)}


def moment_text(moment: datetime, tz_name: str) -> str:
    """One moment (a deadline, an opening) in the event's zone, named: "Tuesday 15
    December 2026, 17:00 Eastern European Time"."""
    return with_zone(moment_local_text(moment, tz_name), tz_name)


def _valid_zone(tz_name: str | None) -> str:
    if not tz_name:
        return ""
    try:
        zone(tz_name)
    except ValidationError:
        return ""
    return tz_name


def viewer_text(start: datetime, end: datetime, *, event_tz: str, viewer_tz: str | None) -> str:
    """The same occurrence in the reader's own zone, for an online event: "19:00–21:00 your
    time, Eastern European Time", with the day when it is another one there. Empty when the
    reader has no zone or their clocks read the same as the event's."""
    viewer_tz = _valid_zone(viewer_tz)
    if not viewer_tz or viewer_tz == event_tz:
        return ""
    theirs = (local(start, viewer_tz), local(end, viewer_tz))
    ours = (local(start, event_tz), local(end, event_tz))
    if [m.replace(tzinfo=None) for m in theirs] == [m.replace(tzinfo=None) for m in ours]:
        return ""
    if theirs[0].date() == ours[0].date() and theirs[1].date() == ours[1].date():
        text = f"{clock(theirs[0])}–{clock(theirs[1])}"
    else:
        text = span_text(*theirs)
    return _("%(when)s your time, %(zone)s") % {"when": text, "zone": zone_name(viewer_tz)}


def shows_viewer_time(event) -> bool:
    return event.event_format in REMOTE_FORMATS


@dataclass(frozen=True)
class Day:
    """One day of a multi-day occurrence, local: its first and last times when known."""

    day: date
    start: time | None = None
    end: time | None = None

    def text(self) -> str:
        if self.start and self.end:
            return _("%(day)s, %(start)s–%(end)s") % {
                "day": day_text(self.day),
                "start": clock(self.start),
                "end": clock(self.end),
            }
        if self.start:
            return _("%(day)s, from %(start)s") % {
                "day": day_text(self.day),
                "start": clock(self.start),
            }
        if self.end:
            return _("%(day)s, until %(end)s") % {"day": day_text(self.day), "end": clock(self.end)}
        return day_text(self.day)


def _itinerary_times(event) -> dict[date, tuple[time | None, time | None]]:
    """A study visit's itinerary, per day: the first start and the last end it gives."""
    times: dict[date, tuple[time | None, time | None]] = {}
    for block in getattr(event, "itinerary", None) or []:
        value = block.value
        day = value.get("day")
        if not day:
            continue
        starts = [item["starts_at"] for item in value.get("items") or [] if item["starts_at"]]
        ends = [
            item["ends_at"] or item["starts_at"]
            for item in value.get("items") or []
            if item["ends_at"] or item["starts_at"]
        ]
        times[day] = (min(starts) if starts else None, max(ends) if ends else None)
    return times


def days_of(event, occurrence: Occurrence) -> list[Day]:
    """Every day of a multi-day occurrence (a study visit, a three-day training), local to
    the event: the itinerary's times for the days it gives them, else the start time on the
    first day and the end time on the last. One day only: an empty list."""
    start, end = local(occurrence.start, event.time_zone), local(occurrence.end, event.time_zone)
    if start.date() == end.date():
        return []
    itinerary = _itinerary_times(event)
    days = []
    day = start.date()
    while day <= end.date():
        first, last = itinerary.get(day, (None, None))
        if day == start.date():
            first = first or start.time()
        if day == end.date():
            last = last or end.time()
        days.append(Day(day, first, last))
        day += timedelta(days=1)
    return days
