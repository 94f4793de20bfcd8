"""Dates and times of events, as pure functions: no database, no request.

An event is stored as local wall-clock dates and times plus its IANA time zone, never as
a UTC instant alone. Recurrence rules (RFC 5545 RRULE) are expanded in that local time and
only then given the zone, so a meeting at 10:00 in Pristina stays at 10:00 across the
changes of daylight saving (a rule anchored in UTC drifts by an hour twice a year).
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
# An open-ended rule is listed this far ahead; feeds carry the rule itself.
HORIZON = timedelta(days=2 * 366)
MAX_OCCURRENCES = 1000


@lru_cache(maxsize=1)
def time_zone_names() -> list[str]:
    return sorted(name for name in available_timezones() if "/" in name or name == "UTC")


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in time_zone_names()]


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(name)s” is not a time zone. Use a name such as Europe/Vilnius.") % {"name": name}
        ) from error


def aware(day: date, at: time, tz_name: str) -> datetime:
    """The local wall-clock time ``day at`` in the zone ``tz_name``."""
    return datetime.combine(day, at).replace(tzinfo=zone(tz_name))


_UNTIL = re.compile(r"UNTIL=(\d{8})(T(\d{6})(Z?))?", re.IGNORECASE)


def _until_local(body: str, tz_name: str | None) -> str:
    """UNTIL in local wall-clock time, as the rule is expanded: a date means "to the end
    of that day" (not its midnight, which would drop an occurrence on that day), and a UTC
    time (``Z``) is converted to the event's zone."""

    def local(match: re.Match) -> str:
        day, _t, clock, utc = match.groups()
        if clock is None:
            return f"UNTIL={day}T235959"
        if utc and tz_name:
            moment = datetime.strptime(day + clock, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
            return "UNTIL=" + moment.astimezone(zone(tz_name)).strftime("%Y%m%dT%H%M%S")
        return f"UNTIL={day}T{clock}"

    return _UNTIL.sub(local, body)


def rrule_parse(text: str, *, dtstart: datetime, tz_name: str | None = None) -> rrule:
    """The rule in ``text`` (``FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU``, with or without the
    ``RRULE:`` prefix) anchored at the naive local ``dtstart`` in the zone ``tz_name``.
    Raises ValidationError with a message an organiser understands."""
    body = (text or "").strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    body = _until_local(body, tz_name)
    if not body:
        raise ValidationError(_("The repeat rule is empty."))
    if "\n" in body or "DTSTART" in body.upper():
        raise ValidationError(_("Give one rule only, without DTSTART: the start date is used."))
    try:
        rule = rrulestr(body, dtstart=dtstart.replace(tzinfo=None), ignoretz=True)
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _(
                "The repeat rule could not be read. Write it as in this example (every two "
                "months on the second Tuesday, twelve times): %(example)s"
            )
            % {"example": "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12"}
        ) from error
    if not isinstance(rule, rrule) or rule._freq not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            _("An event repeats at most daily: use DAILY, WEEKLY, MONTHLY or YEARLY.")
        )
    return rule


@dataclass(frozen=True)
class Change:
    """One exception to a recurring event: ``original_date`` is cancelled or moved."""

    original_date: date
    cancelled: bool
    new_date: date | None = None
    new_start_time: time | None = None
    new_end_time: time | None = None
    note: str = ""


@dataclass(frozen=True)
class Occurrence:
    key: date  # the local date the rule gave: identifies the occurrence (RECURRENCE-ID)
    original_start: datetime
    start: datetime
    end: datetime
    cancelled: bool = False
    moved: bool = False
    note: str = ""

    @property
    def start_utc(self) -> datetime:
        return self.start.astimezone(UTC)


@dataclass(frozen=True)
class Schedule:
    """What the expansion needs of an event, detached from the model."""

    start_date: date
    start_time: time
    end_date: date
    end_time: time
    time_zone: str
    recurrence: str = ""
    changes: tuple[Change, ...] = ()

    @property
    def duration(self) -> timedelta:
        """Wall-clock length: a two-hour meeting lasts two hours on either side of a change
        of daylight saving."""
        return datetime.combine(self.end_date, self.end_time) - datetime.combine(
            self.start_date, self.start_time
        )

    @property
    def first_start(self) -> datetime:
        return aware(self.start_date, self.start_time, self.time_zone)

    @property
    def first_end(self) -> datetime:
        return aware(self.end_date, self.end_time, self.time_zone)

    def rule(self) -> rrule | None:
        if not self.recurrence:
            return None
        return _rule(
            self.recurrence, datetime.combine(self.start_date, self.start_time), self.time_zone
        )

    def last_end(self) -> datetime | None:
        """The end of the last occurrence, or None when the rule never ends."""
        rule = self.rule()
        if rule is None:
            return self.first_end
        if rule._count is None and rule._until is None:
            return None
        ends = [o.end for o in self.occurrences(limit=MAX_OCCURRENCES) if not o.cancelled]
        return max(ends) if ends else self.first_end

    def occurrences(
        self,
        *,
        after: datetime | None = None,
        before: datetime | None = None,
        limit: int = MAX_OCCURRENCES,
        include_cancelled: bool = True,
    ) -> list[Occurrence]:
        """Occurrences that end after ``after`` and start before ``before`` (aware
        datetimes), in order, at most ``limit``."""
        tz = zone(self.time_zone)
        duration = self.duration
        by_date = {change.original_date: change for change in self.changes}
        rule = self.rule()
        starts: Iterable[datetime] = (
            [datetime.combine(self.start_date, self.start_time)] if rule is None else rule
        )
        if before is not None:
            stop = before.astimezone(tz).replace(tzinfo=None)
        elif rule is None or rule._count is not None or rule._until is not None:
            stop = datetime.max - timedelta(days=400)  # a bounded rule: all of it
        else:
            stop = (datetime.now(UTC) + HORIZON).astimezone(tz).replace(tzinfo=None)
        result: list[Occurrence] = []
        for naive in _bounded(starts, stop=stop, moved_slack=timedelta(days=366)):
            original = naive.replace(tzinfo=tz)
            change = by_date.get(naive.date())
            start = original
            end = (naive + duration).replace(tzinfo=tz)
            occurrence = Occurrence(key=naive.date(), original_start=original, start=start, end=end)
            if change is not None:
                if change.cancelled:
                    occurrence = Occurrence(
                        key=naive.date(),
                        original_start=original,
                        start=start,
                        end=end,
                        cancelled=True,
                        note=change.note,
                    )
                else:
                    new_day = change.new_date or naive.date()
                    new_start = aware(
                        new_day, change.new_start_time or naive.time(), self.time_zone
                    )
                    if change.new_end_time is not None:
                        new_end = aware(new_day, change.new_end_time, self.time_zone)
                        if new_end <= new_start:
                            new_end = new_start + duration
                    else:
                        new_end = (new_start.replace(tzinfo=None) + duration).replace(tzinfo=tz)
                    occurrence = Occurrence(
                        key=naive.date(),
                        original_start=original,
                        start=new_start,
                        end=new_end,
                        moved=True,
                        note=change.note,
                    )
            if occurrence.cancelled and not include_cancelled:
                continue
            if after is not None and occurrence.end <= after:
                continue
            if before is not None and occurrence.start >= before:
                continue
            result.append(occurrence)
        result.sort(key=lambda o: o.start)
        return result[:limit]

    def occurrence(self, key: date) -> Occurrence | None:
        """The occurrence the rule puts on the local date ``key``, or None."""
        end = aware(key, time(23, 59), self.time_zone) + timedelta(minutes=1)
        for occurrence in self.occurrences(before=end + timedelta(days=366)):
            if occurrence.key == key:
                return occurrence
            if occurrence.key > key:
                break
        return None


@lru_cache(maxsize=4096)
def _rule(text: str, dtstart: datetime, tz_name: str) -> rrule:
    """Parsed rules, cached: a feed or a month view asks for the same rule many times."""
    return rrule_parse(text, dtstart=dtstart, tz_name=tz_name)


def _bounded(starts: Iterable[datetime], *, stop: datetime, moved_slack: timedelta) -> Iterator:
    """Rule starts up to ``stop`` (plus slack for occurrences moved earlier), and never more
    than MAX_OCCURRENCES of them."""
    for index, naive in enumerate(starts):
        if index >= MAX_OCCURRENCES or naive >= stop + moved_slack:
            return
        yield naive
