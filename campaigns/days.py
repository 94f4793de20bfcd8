"""Where a campaign stands today, in its own time zone: before (so many days to go),
running (day N of 16) or after; and how long that stays true.

A campaign's days begin and end at midnight in ``campaign.time_zone`` (the Lithuanian
campaign's 25 November begins at 00:00 in Vilnius, whatever the server's zone or the
reader's). A page that shows the phase may be served from the page cache: it calls
``core.page_cache.cache_for(response, phase.seconds_to_change)`` so no cached copy outlives
the next local midnight, when "Day 6" becomes "Day 7".

Pure: no database, no request; ``now`` is given in tests.
"""

import math
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

BEFORE = "before"
RUNNING = "running"
AFTER = "after"


@dataclass(frozen=True)
class Phase:
    state: str  # BEFORE, RUNNING or AFTER
    today: date  # in the campaign's zone
    total_days: int  # 16 for 25 November – 10 December
    day_number: int | None  # 1 … total_days while running, else None
    days_to_go: int | None  # before: whole days until the first day (1 = tomorrow)
    seconds_to_change: int  # until the next midnight in the campaign's zone (at least 1)

    @property
    def before(self) -> bool:
        return self.state == BEFORE

    @property
    def running(self) -> bool:
        return self.state == RUNNING

    @property
    def after(self) -> bool:
        return self.state == AFTER


def campaign_zone(campaign) -> zoneinfo.ZoneInfo:
    """The campaign's zone; UTC if the stored name is not one Python knows."""
    try:
        return zoneinfo.ZoneInfo(campaign.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def local_midnight(day: date, zone: zoneinfo.ZoneInfo) -> datetime:
    """The moment ``day`` begins in ``zone``, as an aware UTC datetime.

    Where a clock change skips midnight (a zone that springs forward at 00:00), the day
    begins at the first moment that exists: the wall time 00:00 read with the offset before
    the change, which is the moment the clocks jump to 01:00."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def campaign_phase(campaign, now: datetime | None = None) -> Phase:
    now = now or timezone.now()
    zone = campaign_zone(campaign)
    today = now.astimezone(zone).date()
    first, last = campaign.starts_on, campaign.ends_on
    total = (last - first).days + 1
    if today < first:
        state, day_number, to_go = BEFORE, None, (first - today).days
    elif today <= last:
        state, day_number, to_go = RUNNING, (today - first).days + 1, None
    else:
        state, day_number, to_go = AFTER, None, None
    remaining = (local_midnight(today + timedelta(days=1), zone) - now).total_seconds()
    return Phase(
        state=state,
        today=today,
        total_days=total,
        day_number=day_number,
        days_to_go=to_go,
        seconds_to_change=max(1, math.ceil(remaining)),
    )
