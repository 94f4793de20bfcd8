"""events.recurrence: the editor's repeat fields to RRULE and back, and the contradictions
they refuse."""

from datetime import UTC, date, datetime, time

from django.core.exceptions import ValidationError

import pytest
from dateutil.rrule import rrulestr

from events.recurrence import (
    fields_from_rule,
    next_dates,
    rule_faults,
    rule_from_fields,
    same_rule,
)
from events.schedule import Schedule

# Tuesday 13 January 2026: the second Tuesday of its month.
START = date(2026, 1, 13)

# Rules as the fields write them: rule → fields → the very same rule.
CANONICAL = [
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=3;COUNT=10",
    "FREQ=WEEKLY;BYDAY=TU",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20261231",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;COUNT=1000",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6",
    "FREQ=MONTHLY;BYMONTHDAY=13",
    "FREQ=MONTHLY;INTERVAL=99;BYMONTHDAY=13;UNTIL=20300101",
    "FREQ=YEARLY",
    "FREQ=YEARLY;INTERVAL=2;COUNT=5",
]


@pytest.mark.parametrize("rule", CANONICAL)
def test_a_rule_the_fields_write_comes_back_unchanged(rule):
    fields = fields_from_rule(rule, START)

    assert fields is not None
    assert rule_from_fields(**fields, start=START) == rule


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=4", date(2026, 1, 30)),
        ("FREQ=MONTHLY;BYDAY=4TH", date(2026, 1, 22)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", date(2026, 1, 12)),
    ],
)
def test_other_start_dates_round_trip_too(rule, start):
    assert rule_from_fields(**fields_from_rule(rule, start), start=start) == rule


# Rules the fields can say, written another way: the same fields, the same dates.
EQUIVALENT = [
    (
        "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6",
    ),
    ("BYDAY=2TU;COUNT=6;FREQ=MONTHLY;INTERVAL=2", "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6"),
    ("freq=monthly;byday=+2tu", "FREQ=MONTHLY;BYDAY=2TU"),
    ("FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=TU"),
    ("FREQ=WEEKLY;WKST=MO;BYDAY=TH,TU", "FREQ=WEEKLY;BYDAY=TU,TH"),
    ("FREQ=MONTHLY", "FREQ=MONTHLY;BYMONTHDAY=13"),
    ("FREQ=DAILY;INTERVAL=1", "FREQ=DAILY"),
    ("FREQ=DAILY;UNTIL=20260301T235959", "FREQ=DAILY;UNTIL=20260301"),
]


@pytest.mark.parametrize(("rule", "written"), EQUIVALENT)
def test_a_rule_written_another_way_keeps_its_dates(rule, written):
    fields = fields_from_rule(rule, START)

    assert rule_from_fields(**fields, start=START) == written
    assert same_rule(rule, fields, START) is True
    dtstart = datetime.combine(START, time(10))
    body = rule.removeprefix("RRULE:")
    assert list(rrulestr(body, dtstart=dtstart)[:8]) == list(rrulestr(written, dtstart=dtstart)[:8])


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY",
        "FREQ=MONTHLY;BYDAY=TU",  # every Tuesday of the month
        "FREQ=MONTHLY;BYDAY=2TU,4TU",
        "FREQ=MONTHLY;BYDAY=5TU",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=2TU",
        "FREQ=WEEKLY;BYDAY=2TU",
        "FREQ=YEARLY;BYMONTH=3",
        "FREQ=DAILY;BYDAY=MO",
        "FREQ=DAILY;COUNT=3;UNTIL=20260301",
        "FREQ=DAILY;COUNT=1",
        "FREQ=DAILY;INTERVAL=100",
        "FREQ=DAILY;UNTIL=20260301T090000Z",
        "FREQ=WEEKLY;WKST=SU;BYDAY=TU",
        "FREQ=DAILY;FREQ=WEEKLY",
        "FREQ=DAILY;INTERVAL=two",
        "every other tuesday",
        "",
    ],
)
def test_rules_the_fields_cannot_say_stay_advanced(rule):
    assert fields_from_rule(rule, START) is None


def test_no_frequency_means_no_rule():
    assert rule_from_fields(freq="", interval=2, count=6) == ""


def _refusal(**fields) -> dict:
    with pytest.raises(ValidationError) as caught:
        rule_from_fields(**{"start": START, **fields})
    return {key: " ".join(messages) for key, messages in caught.value.message_dict.items()}


@pytest.mark.parametrize(
    ("fields", "key", "message"),
    [
        ({"freq": "DAILY", "count": 6, "until": date(2026, 6, 1)}, "until", "not both"),
        ({"freq": "DAILY", "until": date(2026, 1, 12)}, "until", "must end after the start"),
        ({"freq": "DAILY", "until": START}, "until", "must end after the start"),
        ({"freq": "DAILY", "interval": 0}, "interval", "1 to 99"),
        ({"freq": "DAILY", "interval": 100}, "interval", "1 to 99"),
        ({"freq": "WEEKLY", "weekdays": []}, "weekdays", "Tick at least one day"),
        ({"freq": "WEEKLY", "weekdays": ["XX"]}, "weekdays", "from the list"),
        ({"freq": "DAILY", "weekdays": ["TU"]}, "weekdays", "weekly repeat only"),
        ({"freq": "MONTHLY", "month_day": 31}, "month_day", "Not every month has a day 31"),
        ({"freq": "MONTHLY", "month_day": 29}, "month_day", "would skip those months"),
        ({"freq": "MONTHLY", "month_day": 0}, "month_day", "from 1 to 31"),
        (
            {"freq": "MONTHLY", "month_day": 13, "ordinal": 2, "weekday": "TU"},
            "month_day",
            "not both",
        ),
        ({"freq": "MONTHLY", "ordinal": 5, "weekday": "TU"}, "ordinal", "fourth or last"),
        ({"freq": "MONTHLY", "ordinal": 2, "weekday": ""}, "weekday", "day of the week"),
        ({"freq": "YEARLY", "month_day": 13}, "month_day", "monthly repeat only"),
        ({"freq": "YEARLY", "start": date(2028, 2, 29)}, "start", "only in leap years"),
        ({"freq": "DAILY", "count": 1}, "count", "from 2 to 1000"),
        ({"freq": "DAILY", "count": 1001}, "count", "from 2 to 1000"),
        ({"freq": "FORTNIGHTLY"}, "freq", "how often"),
    ],
)
def test_contradictions_are_refused_on_the_field_at_fault(fields, key, message):
    errors = _refusal(**fields)

    assert list(errors) == [key]
    assert message in errors[key]


def test_every_fault_is_reported_at_once():
    errors = _refusal(freq="WEEKLY", interval=0, weekdays=[], count=6, until=date(2026, 6, 1))

    assert sorted(errors) == ["interval", "until", "weekdays"]


def test_the_preview_lists_the_next_six_dates_from_now_in_the_events_zone():
    schedule = Schedule(
        start_date=START,
        start_time=time(10, 0),
        end_date=START,
        end_time=time(12, 0),
        time_zone="Europe/Belgrade",
        recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12",
    )

    dates = next_dates(schedule, after=datetime(2026, 4, 1, tzinfo=UTC))

    assert [o.start.date() for o in dates] == [
        date(2026, 5, 12),
        date(2026, 7, 14),
        date(2026, 9, 8),
        date(2026, 11, 10),
        date(2027, 1, 12),
        date(2027, 3, 9),
    ]
    # 10:00 in Belgrade on both sides of the change of daylight saving.
    assert {(o.start.hour, o.start.tzname()) for o in dates} == {(10, "CEST"), (10, "CET")}


def test_the_preview_of_a_single_event_is_its_one_date():
    schedule = Schedule(
        start_date=START,
        start_time=time(10, 0),
        end_date=START,
        end_time=time(12, 0),
        time_zone="Europe/Vilnius",
    )

    assert [
        o.start.date() for o in next_dates(schedule, after=datetime(2026, 1, 1, tzinfo=UTC))
    ] == [START]


@pytest.mark.parametrize(
    ("rule", "fault"),
    [
        ("FREQ=DAILY;COUNT=3;UNTIL=20260301", "not both"),
        ("FREQ=DAILY;INTERVAL=0", "from 1 to 99"),
        ("FREQ=DAILY;INTERVAL=120", "from 1 to 99"),
        ("FREQ=MONTHLY;BYDAY=2TU;BYMONTHDAY=13", "almost never"),
    ],
)
def test_a_rule_typed_by_hand_is_checked_for_the_same_contradictions(rule, fault):
    (message,) = rule_faults(rule)

    assert fault in message


@pytest.mark.parametrize(
    "rule", ["FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=8,9,10,11,12,13,14", "FREQ=DAILY;COUNT=3"]
)
def test_a_sound_rule_typed_by_hand_has_no_faults(rule):
    assert rule_faults(rule) == []
