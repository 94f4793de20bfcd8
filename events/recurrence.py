"""Repeat rules as an organiser states them ("every 2 months on the second Tuesday, 6 times")
and as iCalendar stores them (``FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6``): pure
functions, no database, no request.

* ``rule_from_fields(...)`` writes the RRULE the editor's fields say, or raises a
  ValidationError keyed by the field at fault (``interval``, ``weekdays``, ``month_day``,
  ``weekday``, ``count``, ``until``, ``start``).
* ``fields_from_rule(rule, start)`` reads a stored rule back into those fields, or returns
  None when the fields cannot say it (the editor then keeps it as an advanced rule).
  ``rule_from_fields(**fields_from_rule(rule))`` gives ``rule`` back for every rule the
  fields write, and the same dates for any other rule they can say.
* ``next_dates(schedule)`` lists the next dates for the editor's preview.

What the fields refuse, and why:
- COUNT and UNTIL together: RFC 5545 forbids it, and calendars disagree about it.
- an end date before the start, an interval outside 1–99, a weekly rule with no weekday;
- a day of the month after the 28th: months without it would be skipped without a word
  ("the last Friday" says what is meant);
- a yearly rule from 29 February (it would happen only in leap years);
- a weekday of the month together with a day of the month (it would almost never happen).
A start date that is not one of the rule's dates is refused by ``EventPage.clean``, which
names the rule's first date: RFC 5545 leaves such a DTSTART undefined and calendars differ.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .schedule import MAX_OCCURRENCES, Occurrence, Schedule

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = (1, 2, 3, 4, -1)
MAX_INTERVAL = 99
MAX_MONTH_DAY = 28
PREVIEW_SIZE = 6

_BYDAY_ITEM = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_UNTIL_DATE = re.compile(r"^(\d{8})(T235959)?$")


def rule_from_fields(
    *,
    freq: str | None,
    interval: int | None = 1,
    weekdays: Iterable[str] = (),
    month_day: int | None = None,
    ordinal: int | None = None,
    weekday: str | None = None,
    count: int | None = None,
    until: date | None = None,
    start: date | None = None,
) -> str:
    """The RRULE for the fields ("" when ``freq`` is empty: the event does not repeat).
    ``start`` (the event's start date) is needed to check ``until`` and yearly rules."""
    if not freq:
        return ""
    errors: dict[str, str] = {}
    freq = freq.upper()
    if freq not in FREQUENCIES:
        raise ValidationError({"freq": _("Choose how often the event repeats.")})
    interval = 1 if interval is None else interval
    if not 1 <= interval <= MAX_INTERVAL:
        errors["interval"] = _("Repeat every 1 to %(max)s times the unit.") % {"max": MAX_INTERVAL}
    parts = [f"FREQ={freq}"]
    if interval != 1 and "interval" not in errors:
        parts.append(f"INTERVAL={interval}")

    weekdays = [day.upper() for day in weekdays]
    if freq == "WEEKLY":
        if not weekdays:
            errors["weekdays"] = _("Tick at least one day of the week.")
        elif set(weekdays) - set(WEEKDAYS):
            errors["weekdays"] = _("Choose days of the week from the list.")
        else:
            parts.append("BYDAY=" + ",".join(day for day in WEEKDAYS if day in weekdays))
    elif weekdays:
        errors["weekdays"] = _("Days of the week go with a weekly repeat only.")

    if freq == "MONTHLY":
        if month_day is not None and (ordinal is not None or weekday):
            errors["month_day"] = _(
                "Choose either a day of the month or a weekday of the month, not both: "
                "together they would almost never fall on the same date."
            )
        elif month_day is not None:
            if not 1 <= month_day <= 31:
                errors["month_day"] = _("A day of the month is a number from 1 to 31.")
            elif month_day > MAX_MONTH_DAY:
                errors["month_day"] = _(
                    "Not every month has a day %(day)s: the event would skip those months "
                    "without a word. Choose a day up to %(max)s, or “the last” weekday."
                ) % {"day": month_day, "max": MAX_MONTH_DAY}
            else:
                parts.append(f"BYMONTHDAY={month_day}")
        elif ordinal is not None or weekday:
            if ordinal not in ORDINALS:
                errors["ordinal"] = _("Choose first, second, third, fourth or last.")
            elif (weekday or "").upper() not in WEEKDAYS:
                errors["weekday"] = _("Choose the day of the week.")
            else:
                parts.append(f"BYDAY={ordinal}{weekday.upper()}")
    elif month_day is not None or ordinal is not None or weekday:
        errors["month_day"] = _("A day of the month goes with a monthly repeat only.")

    if freq == "YEARLY" and start is not None and (start.month, start.day) == (2, 29):
        errors["start"] = _(
            "A yearly event that starts on 29 February would happen only in leap years: "
            "start it on another day."
        )

    if count is not None and until is not None:
        errors["until"] = _(
            "Give either a number of times or an end date, not both: calendars disagree "
            "about rules with both."
        )
    elif count is not None:
        if not 2 <= count <= MAX_OCCURRENCES:
            errors["count"] = _("An event repeats from 2 to %(max)s times.") % {
                "max": MAX_OCCURRENCES
            }
        else:
            parts.append(f"COUNT={count}")
    elif until is not None:
        if start is not None and until <= start:
            errors["until"] = _("The repeats must end after the start date (%(start)s).") % {
                "start": formats.date_format(start, "DATE_FORMAT")
            }
        else:
            parts.append("UNTIL=" + until.strftime("%Y%m%d"))
    if errors:
        raise ValidationError(errors)
    return ";".join(parts)


def _parts(rule: str) -> dict[str, str] | None:
    body = (rule or "").strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts: dict[str, str] = {}
    for item in body.split(";"):
        if not item:
            continue
        key, sep, value = item.partition("=")
        key = key.strip().upper()
        if not sep or key in parts:
            return None
        parts[key] = value.strip().upper()
    return parts


def _integer(text: str | None) -> int | None:
    if text is None:
        return None
    if not re.fullmatch(r"[+-]?\d{1,4}", text):
        raise ValueError(text)
    return int(text)


def fields_from_rule(rule: str, start: date | None = None) -> dict | None:
    """The fields that write ``rule`` (the keyword arguments of ``rule_from_fields``),
    or None when they cannot say it. ``start`` fills what the rule takes from the start
    date (the weekday of a plain weekly rule, the day of a plain monthly one)."""
    parts = _parts(rule)
    if not parts or set(parts) - {
        "FREQ",
        "INTERVAL",
        "BYDAY",
        "BYMONTHDAY",
        "COUNT",
        "UNTIL",
        "WKST",
    }:
        return None
    if parts.get("WKST", "MO") != "MO" or parts.get("FREQ") not in FREQUENCIES:
        return None
    freq = parts["FREQ"]
    fields: dict = {
        "freq": freq,
        "interval": 1,
        "weekdays": (),
        "month_day": None,
        "ordinal": None,
        "weekday": None,
        "count": None,
        "until": None,
    }
    try:
        if "INTERVAL" in parts:
            fields["interval"] = _integer(parts["INTERVAL"])
        fields["count"] = _integer(parts.get("COUNT"))
        fields["month_day"] = _integer(parts.get("BYMONTHDAY"))
    except ValueError:
        return None
    if "UNTIL" in parts:
        match = _UNTIL_DATE.match(parts["UNTIL"])
        if match is None:
            return None  # a time of day, or UTC: the fields give whole days only
        try:
            fields["until"] = datetime.strptime(match.group(1), "%Y%m%d").date()
        except ValueError:
            return None
    byday = [item for item in parts.get("BYDAY", "").split(",") if item]
    matches = [_BYDAY_ITEM.match(item) for item in byday]
    if any(match is None for match in matches):
        return None
    if freq == "WEEKLY":
        if any(match.group(1) for match in matches):
            return None
        days = {match.group(2) for match in matches}
        if not days and start is not None:
            days = {WEEKDAYS[start.weekday()]}
        fields["weekdays"] = tuple(day for day in WEEKDAYS if day in days)
    elif freq == "MONTHLY":
        if len(matches) > 1 or (matches and not matches[0].group(1)):
            return None  # several weekdays, or every Tuesday of the month
        if matches:
            fields["ordinal"] = int(matches[0].group(1))
            fields["weekday"] = matches[0].group(2)
        elif fields["month_day"] is None and start is not None:
            fields["month_day"] = start.day
    elif matches or fields["month_day"] is not None:
        return None
    try:
        rule_from_fields(**fields, start=start)
    except ValidationError:
        return None
    return fields


def rule_faults(rule: str) -> list[str]:
    """The contradictions in a rule typed by hand (the advanced box), in words; the parser
    lets them through or calendars read them differently."""
    parts = _parts(rule) or {}
    faults = []
    if "COUNT" in parts and "UNTIL" in parts:
        faults.append(
            _(
                "Give either COUNT (a number of times) or UNTIL (an end date), not both: "
                "calendars disagree about rules with both."
            )
        )
    interval = parts.get("INTERVAL", "1")
    if interval.isdigit() and not 1 <= int(interval) <= MAX_INTERVAL:
        faults.append(_("INTERVAL must be from 1 to %(max)s.") % {"max": MAX_INTERVAL})
    ordinal_weekday = any(
        (match := _BYDAY_ITEM.match(item)) and match.group(1)
        for item in parts.get("BYDAY", "").split(",")
    )
    if ordinal_weekday and "BYMONTHDAY" in parts:
        faults.append(
            _(
                "Give either BYMONTHDAY (a day of the month) or BYDAY with a number (such as "
                "2TU, the second Tuesday), not both: together they almost never fall on the "
                "same date."
            )
        )
    return faults


def same_rule(rule: str, fields: dict, start: date | None) -> bool:
    """Whether ``rule`` is what ``fields`` say (written another way, perhaps): the editor
    then keeps the stored text, so saving an unchanged event changes nothing calendars
    would have to hear about."""
    return bool(rule) and fields_from_rule(rule, start) == fields


def next_dates(
    schedule: Schedule, *, after: datetime | None = None, limit: int = PREVIEW_SIZE
) -> list[Occurrence]:
    """The next ``limit`` occurrences that end after ``after`` (now), cancelled and moved
    ones included and marked: what the editor's preview lists."""
    return schedule.occurrences(after=after or timezone.now(), limit=limit)
