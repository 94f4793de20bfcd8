"""Reporting periods: calendar months, quarters or years in the programme's time zone.

A donor's "Q3" is July to September where the programme works: a training on 30 September
at 23:30 in Pristina is Q3 even though it is already October in UTC. The periods run from
the one holding the programme's start (or, without a start date, the first counted row) to
the one holding its end or today, whichever comes first; at most the last
``MAX_PERIODS`` of them (a programme dated from year 1 would have thousands), and none
before ``EARLIEST``. The whole-programme value still counts every row.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils import timezone

from ..enums import LedgerPeriod

_MONTHS = {LedgerPeriod.MONTH: 1, LedgerPeriod.QUARTER: 3, LedgerPeriod.YEAR: 12}

Period = tuple[date, date]  # first day, first day after
# Ten years of months: one SQL column per period must stay well under the databases'
# limits (SQLite 2000 columns, PostgreSQL 1664), and a page of them readable.
MAX_PERIODS = 120
# Periods never start earlier: aware datetimes of year 1 in a zone east of UTC overflow.
EARLIEST = date(1900, 1, 1)


def period_start(day: date, kind: str) -> date:
    """The first day of the period of ``kind`` that holds ``day``."""
    months = _MONTHS[LedgerPeriod(kind)]
    month = (day.month - 1) // months * months + 1
    return date(day.year, month, 1)


def _next(start: date, kind: str) -> date:
    month = start.month - 1 + _MONTHS[LedgerPeriod(kind)]
    return date(start.year + month // 12, month % 12 + 1, 1)


def programme_zone(programme) -> ZoneInfo:
    return ZoneInfo(programme.time_zone)


def programme_today(programme) -> date:
    """Today where the programme works."""
    return timezone.localdate(timezone=programme_zone(programme))


def programme_periods(
    programme, kind: str, *, today: date | None = None, first: date | None = None
) -> list[Period]:
    """The periods of ``kind`` (``LedgerPeriod``) of ``programme``, oldest first, as
    (first day, first day after). ``first`` is the local date of the first counted row,
    used when the programme has no start date; without either there are no periods, nor
    before the programme has started."""
    start = programme.starts_on or first
    if start is None:
        return []
    today = today or programme_today(programme)
    last = min(programme.ends_on, today) if programme.ends_on else today
    if last < start:
        return []
    # The last MAX_PERIODS periods up to ``last``, and none before EARLIEST.
    months = _MONTHS[LedgerPeriod(kind)]
    final = period_start(last, kind)
    index = final.year * 12 + final.month - 1 - (MAX_PERIODS - 1) * months
    earliest = date(index // 12, index % 12 + 1, 1) if index >= EARLIEST.year * 12 else EARLIEST
    start = max(start, earliest)
    if last < start:
        return []
    periods = []
    current = period_start(start, kind)
    while current <= last:
        following = _next(current, kind)
        periods.append((current, following))
        current = following
    return periods


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    """The aware instant a local day begins: the boundary the SQL filters compare with."""
    return datetime.combine(day, time.min, tzinfo=zone)


def period_bounds(periods: list[Period], zone: ZoneInfo) -> list[tuple[datetime, datetime]]:
    return [(local_midnight(start, zone), local_midnight(end, zone)) for start, end in periods]
