"""campaigns.days: where a campaign stands in its own zone, and until when."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from campaigns.days import AFTER, BEFORE, RUNNING, campaign_phase


def campaign(zone="Europe/Vilnius", first=date(2026, 11, 25), last=date(2026, 12, 10)):
    return SimpleNamespace(time_zone=zone, starts_on=first, ends_on=last)


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_the_day_before_the_first_counts_down_until_local_midnight():
    # 21:30 UTC on 24 November is 23:30 in Vilnius (UTC+2): half an hour to go.
    phase = campaign_phase(campaign(), now=at(2026, 11, 24, 21, 30))

    assert (phase.state, phase.days_to_go, phase.day_number, phase.today) == (
        BEFORE,
        1,
        None,
        date(2026, 11, 24),
    )
    assert phase.seconds_to_change == 30 * 60


def test_the_first_day_begins_at_midnight_in_the_campaigns_zone_not_in_utc():
    # 22:00 UTC on 24 November is already 00:00 on the 25th in Vilnius.
    phase = campaign_phase(campaign(), now=at(2026, 11, 24, 22, 0))

    assert (phase.state, phase.day_number, phase.total_days, phase.today) == (
        RUNNING,
        1,
        16,
        date(2026, 11, 25),
    )
    assert phase.seconds_to_change == 24 * 60 * 60


def test_the_same_moment_is_still_the_day_before_in_a_zone_west_of_utc():
    phase = campaign_phase(campaign("America/New_York"), now=at(2026, 11, 24, 22, 0))

    assert (phase.state, phase.days_to_go, phase.seconds_to_change) == (BEFORE, 1, 7 * 60 * 60)


def test_the_last_day_is_day_sixteen_and_the_next_is_after():
    last_day = campaign_phase(campaign(), now=at(2026, 12, 10, 12, 0))
    after = campaign_phase(campaign(), now=at(2026, 12, 10, 22, 0))

    assert (last_day.state, last_day.day_number, after.state, after.day_number) == (
        RUNNING,
        16,
        AFTER,
        None,
    )


def test_days_to_go_counts_whole_local_days():
    phase = campaign_phase(campaign(), now=at(2026, 11, 1, 10, 0))

    assert (phase.state, phase.days_to_go) == (BEFORE, 24)


@pytest.mark.parametrize(
    ("now", "expected_hours"),
    [
        # Vilnius leaves summer time on 25 October 2026 (04:00 local, 01:00 UTC): from
        # that day's midnight (21:00 UTC on the 24th) to the next there are 25 hours.
        (at(2026, 10, 24, 21, 0), 25),
        # Vilnius enters summer time on 29 March 2026 at 03:00 local (01:00 UTC): that day
        # has 23 hours; from 22:00 UTC on the 28th (00:00 local) the next midnight is 23 h.
        (at(2026, 3, 28, 22, 0), 23),
    ],
)
def test_seconds_to_change_follow_the_clock_change(now, expected_hours):
    start = date(2026, 1, 1)
    phase = campaign_phase(campaign(first=start, last=start + timedelta(days=364)), now=now)

    assert phase.seconds_to_change == expected_hours * 60 * 60


def test_a_zone_whose_clocks_skip_midnight_changes_day_at_the_first_moment_that_exists():
    # Asia/Beirut springs forward at 00:00 (to 01:00) on the last Sunday of March: on
    # 29 March 2026 the day begins at 01:00 local, 22:00 UTC on the 28th.
    phase = campaign_phase(
        campaign("Asia/Beirut", date(2026, 3, 1), date(2026, 3, 31)), now=at(2026, 3, 28, 21, 0)
    )

    assert (phase.today, phase.seconds_to_change) == (date(2026, 3, 28), 60 * 60)


def test_an_unknown_zone_is_read_as_utc():
    phase = campaign_phase(campaign("Nowhere/Atlantis"), now=at(2026, 11, 24, 23, 0))

    assert (phase.state, phase.seconds_to_change) == (BEFORE, 60 * 60)


def test_seconds_to_change_is_never_zero():
    phase = campaign_phase(campaign(), now=at(2026, 11, 24, 22, 0) - timedelta(microseconds=1))

    assert phase.seconds_to_change == 1


def test_a_span_writes_the_second_weekday_as_the_language_does_inside_a_sentence():
    from types import SimpleNamespace

    from django.utils import translation

    from campaigns.pages_serve import dates_text

    campaign = SimpleNamespace(starts_on=date(2026, 11, 26), ends_on=date(2026, 12, 11))
    with translation.override("lt"):
        lithuanian = dates_text(campaign)
    with translation.override("en"):
        english = dates_text(campaign)

    assert "– penktadienis" in lithuanian and lithuanian.startswith("Ketvirtadienis")
    assert "– Friday" in english
