"""How the events admin and its files write dates, times and time zones for people: in the
reader's language format (Django's localised formats, never a hard-coded one), and a zone
in words ("Central European Time"), never its IANA name nor a city of another country."""

from datetime import date, datetime

from django.utils import formats

from core.timezones import zone_name


def day_label(day: date) -> str:
    """A date as the reader's language writes it ("Tuesday 12 May 2026", "2026 m. gegužės
    12 d.")."""
    return formats.date_format(day, "DATE_FORMAT")


def moment_label(moment: datetime | None) -> str:
    """A date and time (already in the zone it is to be read in) in the reader's short
    format ("2026-05-12 10:30" in Lithuanian, "12.05.2026. 10:30" in Serbian)."""
    if moment is None:
        return ""
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def zone_label(tz_name: str) -> str:
    """A time zone in words, CLDR's generic name in the reader's language: "Eastern European
    Time" for Vilnius, "Central European Time" for an event in Prishtina (whose IANA zone is
    Europe/Belgrade: it is never named after Belgrade)."""
    return zone_name(tz_name) if tz_name else ""
