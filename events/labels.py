"""How the events admin and its files write dates, times and time zones for people: in the
reader's language format (Django's localised formats, never a hard-coded one), and a zone
in words, never only its IANA name."""

from datetime import date, datetime

from django.utils import formats

from core.timezones import zone_label as core_zone_label


def day_label(day: date) -> str:
    """A date as the reader's language writes it ("May 12, 2026", "12. maj 2026.")."""
    return formats.date_format(day, "DATE_FORMAT")


def moment_label(moment: datetime | None) -> str:
    """A date and time (already in the zone it is to be read in) in the reader's short
    format ("2026-05-12 10:30" in Lithuanian, "12.05.2026. 10:30" in Serbian)."""
    if moment is None:
        return ""
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def zone_label(tz_name: str, country: str = "") -> str:
    """A time zone in words, as the site's time-zone picker names it ("Lithuania —
    Vilnius"); ``country``, the event's, decides between the countries a zone serves
    ("Kosovo — Pristina", not Belgrade, for an event in Kosovo)."""
    from people.enums import Country

    return core_zone_label(tz_name or "", country or "", country_names=dict(Country.choices))
