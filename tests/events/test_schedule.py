"""events/schedule.py: local-time expansion of repeat rules, exceptions and bounds."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

import pytest

from events.schedule import Change, Schedule, rrule_parse, zone

VILNIUS = ZoneInfo("Europe/Vilnius")


def weekly(**fields) -> Schedule:
    """Tuesdays 10:00–12:00 in Vilnius from 2026-03-17, across the change to summer time
    (2026-03-29), unless ``fields`` say otherwise."""
    values = {
        "start_date": date(2026, 3, 17),
        "start_time": time(10, 0),
        "end_date": date(2026, 3, 17),
        "end_time": time(12, 0),
        "time_zone": "Europe/Vilnius",
        "recurrence": "FREQ=WEEKLY;COUNT=4",
    }
    values.update(fields)
    return Schedule(**values)


def starts(occurrences) -> list[tuple[date, time]]:
    return [(o.start.date(), o.start.time()) for o in occurrences]


def test_a_rule_is_expanded_in_local_time_across_daylight_saving():
    occurrences = weekly().occurrences()

    assert starts(occurrences) == [
        (date(2026, 3, 17), time(10)),
        (date(2026, 3, 24), time(10)),
        (date(2026, 3, 31), time(10)),
        (date(2026, 4, 7), time(10)),
    ]
    # 10:00 in Vilnius is 08:00 UTC in winter and 07:00 UTC in summer.
    assert [o.start_utc.hour for o in occurrences] == [8, 8, 7, 7]
    assert [o.end - o.start for o in occurrences] == [timedelta(hours=2)] * 4


def test_count_bounds_the_series_and_the_last_end():
    schedule = weekly(recurrence="FREQ=WEEKLY;COUNT=2")

    assert (len(schedule.occurrences()), schedule.last_end()) == (
        2,
        datetime(2026, 3, 24, 12, 0, tzinfo=VILNIUS),
    )


def test_until_as_a_date_includes_that_day():
    schedule = weekly(recurrence="FREQ=WEEKLY;UNTIL=20260331")

    assert starts(schedule.occurrences())[-1] == (date(2026, 3, 31), time(10))
    assert len(schedule.occurrences()) == 3


def test_until_in_utc_is_read_in_the_events_zone():
    # 08:00 UTC on 31 March is 11:00 in Vilnius: the 10:00 meeting that day is included.
    schedule = weekly(recurrence="FREQ=WEEKLY;UNTIL=20260331T080000Z")

    assert starts(schedule.occurrences())[-1] == (date(2026, 3, 31), time(10))


def test_a_rule_without_end_has_no_last_end_and_is_listed_to_the_horizon():
    schedule = weekly(recurrence="FREQ=WEEKLY")

    assert schedule.last_end() is None
    assert len(schedule.occurrences(limit=5)) == 5


def test_a_single_event_is_its_one_occurrence():
    schedule = weekly(recurrence="", end_date=date(2026, 3, 18), end_time=time(9))

    (only,) = schedule.occurrences()
    assert (only.start, only.end, schedule.rule()) == (
        datetime(2026, 3, 17, 10, tzinfo=VILNIUS),
        datetime(2026, 3, 18, 9, tzinfo=VILNIUS),
        None,
    )


def test_cancelled_and_moved_occurrences():
    schedule = weekly(
        changes=(
            Change(original_date=date(2026, 3, 24), cancelled=True, note="Holiday"),
            Change(
                original_date=date(2026, 3, 31),
                cancelled=False,
                new_date=date(2026, 4, 1),
                new_start_time=time(14, 0),
            ),
        )
    )

    rows = [(o.key, o.start, o.end, o.cancelled, o.moved, o.note) for o in schedule.occurrences()]

    assert rows == [
        (
            date(2026, 3, 17),
            datetime(2026, 3, 17, 10, tzinfo=VILNIUS),
            datetime(2026, 3, 17, 12, tzinfo=VILNIUS),
            False,
            False,
            "",
        ),
        (
            date(2026, 3, 24),
            datetime(2026, 3, 24, 10, tzinfo=VILNIUS),
            datetime(2026, 3, 24, 12, tzinfo=VILNIUS),
            True,
            False,
            "Holiday",
        ),
        (
            date(2026, 3, 31),
            datetime(2026, 4, 1, 14, tzinfo=VILNIUS),
            datetime(2026, 4, 1, 16, tzinfo=VILNIUS),
            False,
            True,
            "",
        ),
        (
            date(2026, 4, 7),
            datetime(2026, 4, 7, 10, tzinfo=VILNIUS),
            datetime(2026, 4, 7, 12, tzinfo=VILNIUS),
            False,
            False,
            "",
        ),
    ]
    without_cancelled = schedule.occurrences(include_cancelled=False)
    assert [o.key for o in without_cancelled] == [
        date(2026, 3, 17),
        date(2026, 3, 31),
        date(2026, 4, 7),
    ]


def test_a_moved_occurrence_keeps_its_length_when_only_the_start_moves():
    schedule = weekly(
        changes=(Change(original_date=date(2026, 3, 17), cancelled=False, new_start_time=time(9)),)
    )

    first = schedule.occurrences()[0]

    assert (first.start, first.end, first.original_start) == (
        datetime(2026, 3, 17, 9, tzinfo=VILNIUS),
        datetime(2026, 3, 17, 11, tzinfo=VILNIUS),
        datetime(2026, 3, 17, 10, tzinfo=VILNIUS),
    )


def test_after_before_and_limit_narrow_the_list():
    schedule = weekly(recurrence="FREQ=WEEKLY;COUNT=10")
    after = datetime(2026, 3, 24, 11, 0, tzinfo=VILNIUS)  # during the second: it is kept
    before = datetime(2026, 4, 14, 10, 0, tzinfo=VILNIUS)  # the sixth starts then: left out

    assert starts(schedule.occurrences(after=after, before=before)) == [
        (date(2026, 3, 24), time(10)),
        (date(2026, 3, 31), time(10)),
        (date(2026, 4, 7), time(10)),
    ]
    assert starts(schedule.occurrences(after=after.astimezone(UTC), limit=2)) == [
        (date(2026, 3, 24), time(10)),
        (date(2026, 3, 31), time(10)),
    ]


def test_one_occurrence_by_its_date():
    schedule = weekly()

    assert (
        schedule.occurrence(date(2026, 3, 31)).start,
        schedule.occurrence(date(2026, 3, 30)),
    ) == (datetime(2026, 3, 31, 10, tzinfo=VILNIUS), None)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            "FREQ=FORTNIGHTLY",
            "The repeat rule could not be read. Write it as in this example (every two months "
            "on the second Tuesday, twelve times): FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12",
        ),
        (
            "FREQ=HOURLY;COUNT=3",
            "An event repeats at most daily: use DAILY, WEEKLY, MONTHLY or YEARLY.",
        ),
        (
            "DTSTART:20260317T100000\nRRULE:FREQ=WEEKLY",
            "Give one rule only, without DTSTART: the start date is used.",
        ),
        ("   ", "The repeat rule is empty."),
    ],
)
def test_a_bad_rule_is_refused_with_a_clear_message(rule, message):
    with pytest.raises(ValidationError) as refused:
        rrule_parse(rule, dtstart=datetime(2026, 3, 17, 10), tz_name="Europe/Vilnius")

    assert refused.value.messages == [message]


def test_an_unknown_time_zone_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as refused:
        zone("Europe/Atlantis")

    assert refused.value.messages == [
        "“Europe/Atlantis” is not a time zone. Use a name such as Europe/Vilnius."
    ]
