"""Indicator values: the measures, periods, manual entries, status and the cache."""

import datetime
import logging

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from impact.enums import (
    IndicatorAccumulation,
    IndicatorMeasure,
    LedgerPeriod,
    ManualEntryStatus,
    RagStatus,
)
from impact.indicators.compute import (
    _store,
    indicator_compute,
    indicator_result,
    indicators_refresh,
    programme_results,
)
from impact.indicators.periods import programme_periods
from impact.indicators.rag import rag_status
from impact.models import Indicator, IndicatorTarget, IndicatorValue, ManualEntry, Participation
from impact.services import participation_anonymise_person
from people.enums import Role
from tests.factories import user_with_role
from tests.impact.indicator_helpers import indicator_make, row, when

TODAY = datetime.date(2026, 9, 15)
PER_PERIOD = IndicatorAccumulation.PER_PERIOD
Q1, Q2, Q3 = datetime.date(2026, 1, 1), datetime.date(2026, 4, 1), datetime.date(2026, 7, 1)


@pytest.fixture
def dated(programme):
    """The test programme, running through 2026 (quarters Q1–Q3 by ``TODAY``)."""
    programme.starts_on = datetime.date(2026, 1, 1)
    programme.ends_on = datetime.date(2026, 12, 31)
    programme.save()
    return programme


def compute(indicator, today=TODAY):
    return indicator_compute(indicator, today=today)


def by_period(result) -> list[tuple[datetime.date, int]]:
    return [(p.start, p.value) for p in result.periods]


# --- Measures ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_people_are_counted_once_cumulatively(dated):
    row(programmes=[dated], person=1, at=when(2026, 2, 1), source="a")
    row(programmes=[dated], person=1, at=when(2026, 5, 1), source="b")
    row(programmes=[dated], person=2, at=when(2026, 5, 2))

    result = compute(indicator_make(dated))

    assert (result.value, by_period(result)) == (2, [(Q1, 1), (Q2, 2), (Q3, 2)])


@pytest.mark.django_db
def test_per_period_counts_each_period_on_its_own_and_the_total_each_person_once(dated):
    row(programmes=[dated], person=1, at=when(2026, 2, 1), source="a")
    row(programmes=[dated], person=1, at=when(2026, 5, 1), source="b")
    row(programmes=[dated], person=2, at=when(2026, 5, 2))

    result = compute(indicator_make(dated, accumulation=PER_PERIOD))

    assert (result.value, by_period(result)) == (2, [(Q1, 1), (Q2, 2), (Q3, 0)])


@pytest.mark.django_db
def test_anonymous_counts_add_their_counts_to_the_people(dated):
    row(programmes=[dated], person=1, at=when(2026, 2, 1))
    row(programmes=[dated], aggregate="walk-ins-1", count=7, at=when(2026, 8, 1))
    row(programmes=[dated], aggregate="walk-ins-2", count=3, at=when(2026, 8, 2))

    cumulative = compute(indicator_make(dated))
    per_period = compute(indicator_make(dated, accumulation=PER_PERIOD))

    assert by_period(cumulative) == [(Q1, 1), (Q2, 1), (Q3, 11)]
    assert (per_period.value, by_period(per_period)) == (11, [(Q1, 1), (Q2, 0), (Q3, 10)])


@pytest.mark.django_db
def test_a_sum_of_counts_adds_every_row(dated):
    row(programmes=[dated], person=1, at=when(2026, 2, 1), source="a")
    row(programmes=[dated], person=1, at=when(2026, 5, 1), source="b")
    row(programmes=[dated], aggregate="reach", count=40, at=when(2026, 5, 2))

    result = compute(indicator_make(dated, measure=IndicatorMeasure.COUNT))
    per_period = compute(
        indicator_make(dated, measure=IndicatorMeasure.COUNT, accumulation=PER_PERIOD)
    )

    assert (result.value, by_period(result)) == (42, [(Q1, 1), (Q2, 42), (Q3, 42)])
    assert by_period(per_period) == [(Q1, 1), (Q2, 41), (Q3, 0)]


@pytest.mark.django_db
def test_activities_held_count_each_activity_key_once(dated):
    # Two occurrences of one event, and a course with two completions.
    row(programmes=[dated], person=1, activity="1", activity_key="event:1:2026-02-01")
    row(programmes=[dated], person=2, activity="1", activity_key="event:1:2026-02-08")
    row(programmes=[dated], person=1, activity="2", source="x")
    row(programmes=[dated], person=2, activity="2", source="y")

    result = compute(indicator_make(dated, measure=IndicatorMeasure.ACTIVITIES))

    assert result.value == 3


@pytest.mark.django_db
def test_rows_without_activity_fields_are_activities_of_their_source(dated):
    row(programmes=[dated], person=1, activity=None, source="course-1")
    row(programmes=[dated], person=2, activity=None, source="course-1")
    row(programmes=[dated], person=1, activity=None, source="course-2")

    result = compute(indicator_make(dated, measure=IndicatorMeasure.ACTIVITIES))

    assert result.value == 2


@pytest.mark.django_db
def test_a_deleted_person_with_three_completions_is_still_one_person(dated):
    person = user_with_role(Role.PROFESSIONAL)
    for source in ("course-1", "course-2", "course-3"):
        row(programmes=[dated], person=person, source=source)
    row(programmes=[dated], person=2)

    participation_anonymise_person(person=person)

    keys = Participation.objects.filter(subject_key__startswith="deleted:")
    assert keys.values("subject_key").distinct().count() == 1
    assert compute(indicator_make(dated)).value == 2


# --- Breakdowns -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_breakdowns_count_each_value_per_period_and_overall(dated):
    row(programmes=[dated], person=1, at=when(2026, 2, 1), gender="woman", source="a")
    row(programmes=[dated], person=1, at=when(2026, 5, 1), gender="woman", source="b")
    row(programmes=[dated], person=2, at=when(2026, 5, 2), gender="")
    row(programmes=[dated], aggregate="group", count=6, at=when(2026, 8, 1), gender="man")

    result = compute(indicator_make(dated, breakdowns=["gender"]))

    assert [p.cells for p in result.periods] == [
        {"gender": {"woman": 1}},
        {"gender": {"woman": 1, "": 1}},
        {"gender": {"woman": 1, "": 1, "man": 6}},
    ]
    assert result.cells == {"gender": {"": 1, "man": 6, "woman": 1}}


@pytest.mark.django_db
def test_activities_are_broken_down_by_where_they_took_place(dated):
    row(programmes=[dated], person=1, activity="1", region="Prishtina", activity_region="Gjilan")
    row(programmes=[dated], person=2, activity="1", region="Prizren", activity_region="Gjilan")
    row(programmes=[dated], person=3, activity="2", region="Prishtina", activity_region="Peja")

    meetings = compute(
        indicator_make(dated, measure=IndicatorMeasure.ACTIVITIES, breakdowns=["region"])
    )
    people = compute(indicator_make(dated, breakdowns=["region"]))

    assert meetings.cells == {"region": {"Gjilan": 1, "Peja": 1}}
    assert people.cells == {"region": {"Prishtina": 2, "Prizren": 1}}


# --- Periods ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_periods_are_cut_at_midnight_in_the_programmes_time_zone(dated):
    # 23:30 on 31 March in Vilnius is already 1 April nowhere but east of it; 00:30 on
    # 1 April in Vilnius is still 31 March in UTC.
    row(programmes=[dated], person=1, at=when(2026, 3, 31, 23) + datetime.timedelta(minutes=30))
    row(programmes=[dated], person=2, at=when(2026, 4, 1, 0) + datetime.timedelta(minutes=30))

    result = compute(indicator_make(dated, accumulation=PER_PERIOD))

    assert by_period(result) == [(Q1, 1), (Q2, 1), (Q3, 0)]


@pytest.mark.django_db
def test_rows_before_the_start_count_in_the_total_and_the_cumulative_values(dated):
    row(programmes=[dated], person=1, at=when(2025, 12, 10))

    cumulative = compute(indicator_make(dated))
    per_period = compute(indicator_make(dated, accumulation=PER_PERIOD))

    assert (cumulative.value, by_period(cumulative)) == (1, [(Q1, 1), (Q2, 1), (Q3, 1)])
    assert (per_period.value, by_period(per_period)) == (1, [(Q1, 0), (Q2, 0), (Q3, 0)])


@pytest.mark.django_db
def test_without_a_start_date_the_periods_begin_with_the_first_counted_row(programme):
    row(programmes=[programme], person=1, at=when(2026, 5, 3))

    result = compute(indicator_make(programme, period=LedgerPeriod.MONTH))

    assert [p.start.month for p in result.periods] == [5, 6, 7, 8, 9]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "ends_on", "today", "expected"),
    [
        (LedgerPeriod.QUARTER, None, datetime.date(2026, 5, 1), [(Q1, Q2), (Q2, Q3)]),
        (LedgerPeriod.QUARTER, datetime.date(2026, 3, 31), TODAY, [(Q1, Q2)]),
        (
            LedgerPeriod.MONTH,
            None,
            datetime.date(2026, 3, 10),
            [
                (datetime.date(2026, 2, 1), datetime.date(2026, 3, 1)),
                (datetime.date(2026, 3, 1), Q2),
            ],
        ),
        (LedgerPeriod.YEAR, None, TODAY, [(Q1, datetime.date(2027, 1, 1))]),
        (LedgerPeriod.QUARTER, None, datetime.date(2025, 12, 31), []),
    ],
)
def test_periods_run_from_the_start_to_the_end_or_today(programme, kind, ends_on, today, expected):
    programme.starts_on = datetime.date(2026, 2, 15)
    programme.ends_on = ends_on

    assert programme_periods(programme, kind, today=today) == expected


@pytest.mark.parametrize(
    ("kind", "first", "count"),
    [
        (LedgerPeriod.MONTH, datetime.date(2016, 10, 1), 120),
        (LedgerPeriod.QUARTER, datetime.date(1996, 10, 1), 120),
        (LedgerPeriod.YEAR, datetime.date(1907, 1, 1), 120),
    ],
)
def test_at_most_the_last_120_periods_are_kept(programme, kind, first, count):
    programme.starts_on = datetime.date(1, 1, 1)
    programme.ends_on = None

    periods = programme_periods(programme, kind, today=TODAY)

    assert (len(periods), periods[0][0], periods[-1][0]) == (
        count,
        first,
        periods[-1][0],
    )
    assert periods[-1][0] <= TODAY < periods[-1][1]


def test_periods_never_start_before_1900(programme):
    programme.starts_on = datetime.date(1, 1, 1)
    programme.ends_on = datetime.date(1950, 6, 30)

    periods = programme_periods(programme, LedgerPeriod.YEAR, today=TODAY)

    assert (len(periods), periods[0][0], periods[-1][0]) == (
        51,
        datetime.date(1900, 1, 1),
        datetime.date(1950, 1, 1),
    )
    programme.ends_on = datetime.date(1899, 12, 31)
    assert programme_periods(programme, LedgerPeriod.YEAR, today=TODAY) == []


@pytest.mark.django_db
@pytest.mark.parametrize("starts_on", [datetime.date(1, 1, 1), datetime.date(1700, 1, 1)])
def test_a_programme_from_long_ago_counts_its_last_120_months_and_every_row(programme, starts_on):
    programme.starts_on = starts_on
    programme.ends_on = None
    programme.time_zone = "Pacific/Kiritimati"  # UTC+14: year 1 would overflow
    programme.save()
    row(programmes=[programme], person=1, at=when(2001, 5, 1))
    row(programmes=[programme], person=2, at=when(2026, 3, 1))
    indicator = indicator_make(programme, period=LedgerPeriod.MONTH)

    result = compute(indicator)

    assert (result.value, len(result.periods)) == (2, 120)
    assert (result.periods[0].start, result.periods[0].value) == (datetime.date(2016, 10, 1), 1)
    assert result.periods[-1].value == 2


# --- Manual entries and targets ---------------------------------------------------------------


def entry(indicator, value, end, status=ManualEntryStatus.APPROVED):
    return ManualEntry.objects.create(
        indicator=indicator,
        period_start=end.replace(day=1),
        period_end=end,
        value=value,
        note="Counted at the shelter",
        status=status,
    )


@pytest.mark.django_db
def test_approved_manual_entries_count_in_the_period_of_their_last_day(dated):
    row(programmes=[dated], person=1, at=when(2026, 2, 1))
    indicator = indicator_make(dated)
    entry(indicator, 5, datetime.date(2026, 5, 20))
    entry(indicator, 50, datetime.date(2026, 5, 21), status=ManualEntryStatus.PENDING)
    entry(indicator, 60, datetime.date(2026, 5, 22), status=ManualEntryStatus.REJECTED)

    result = compute(indicator)

    assert (result.value, result.ledger, result.manual) == (6, 1, 5)
    assert [(p.value, p.ledger, p.manual) for p in result.periods] == [
        (1, 1, 0),
        (6, 1, 5),
        (6, 1, 5),
    ]


@pytest.mark.django_db
def test_per_period_manual_entries_count_only_in_their_period(dated):
    indicator = indicator_make(dated, accumulation=PER_PERIOD)
    entry(indicator, 5, datetime.date(2026, 5, 20))

    result = compute(indicator)

    assert [p.manual for p in result.periods] == [0, 5, 0]
    assert result.value == 5


@pytest.mark.django_db
def test_period_targets_belong_to_the_period_they_start(dated):
    indicator = indicator_make(dated)
    IndicatorTarget.objects.create(indicator=indicator, period_start=Q2, target=30)

    assert [p.target for p in compute(indicator).periods] == [None, 30, None]


# --- Status -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "today", "expected"),
    [
        (45, datetime.date(2026, 7, 2), (RagStatus.GREEN, 50)),
        (44, datetime.date(2026, 7, 2), (RagStatus.AMBER, 50)),
        (35, datetime.date(2026, 7, 2), (RagStatus.AMBER, 50)),
        (34, datetime.date(2026, 7, 2), (RagStatus.RED, 50)),
        (0, datetime.date(2025, 12, 1), (RagStatus.GREEN, 0)),
        (90, datetime.date(2027, 6, 1), (RagStatus.GREEN, 100)),
        (89, datetime.date(2027, 6, 1), (RagStatus.AMBER, 100)),
    ],
)
def test_status_compares_the_value_with_the_target_for_the_time_elapsed(value, today, expected):
    # 2026-01-01 to 2026-12-31: 2 July is day 182 of 364, half-way.
    assert (
        rag_status(
            value=value,
            target=100,
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 12, 31),
            today=today,
        )
        == expected
    )


@pytest.mark.parametrize(
    ("target", "starts_on", "ends_on"),
    [(None, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)), (100, None, None)],
)
def test_no_status_without_a_target_or_dates(target, starts_on, ends_on):
    assert rag_status(
        value=10, target=target, starts_on=starts_on, ends_on=ends_on, today=TODAY
    ) == (RagStatus.NONE, None)


# --- The cache --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_stored_value_is_read_back_until_the_indicator_changes(dated):
    row(programmes=[dated], person=1, gender="woman")
    indicator = indicator_make(dated, breakdowns=["gender"])
    IndicatorTarget.objects.create(indicator=indicator, period_start=Q1, target=3)
    first = indicator_result(indicator)
    row(programmes=[dated], person=2)

    again = indicator_result(Indicator.objects.get(pk=indicator.pk))
    indicator.save()
    changed = indicator_result(Indicator.objects.get(pk=indicator.pk))

    assert again == first
    assert (first.value, changed.value) == (1, 2)


@pytest.mark.django_db
def test_refresh_recounts_the_given_programmes_only(dated, other_programme):
    own = indicator_make(dated)
    other = indicator_make(other_programme)
    row(programmes=[dated], person=1)
    row(programmes=[other_programme], person=1)

    assert indicators_refresh(programme_ids=[dated.pk]) == 1
    assert list(IndicatorValue.objects.values_list("indicator_id", "data__value")) == [(own.pk, 1)]
    assert indicators_refresh() == 2
    assert IndicatorValue.objects.get(indicator=other).data["value"] == 1


@pytest.mark.django_db
def test_an_indicator_deleted_while_counted_is_skipped_and_the_rest_stored(dated, caplog):
    gone = indicator_make(dated, name="Gone")
    kept = indicator_make(dated, name="Kept")
    row(programmes=[dated], person=1)
    pairs = [(gone, compute(gone)), (kept, compute(kept))]
    gone_pk = gone.pk
    Indicator.objects.filter(pk=gone_pk).delete()

    with caplog.at_level(logging.INFO, logger="impact.indicators.compute"):
        _store(pairs)

    assert list(IndicatorValue.objects.values_list("indicator_id", "data__value")) == [(kept.pk, 1)]
    assert f"Indicator {gone_pk} was deleted" in caplog.text


@pytest.mark.django_db
def test_programme_results_read_every_cached_value_in_one_query(dated, django_assert_num_queries):
    for n in range(3):
        indicator_make(dated, name=f"Indicator {n}", sort_order=3 - n)
    indicators_refresh()

    with django_assert_num_queries(1):
        results = programme_results(dated)

    assert [indicator.name for indicator, _result in results] == [
        "Indicator 2",
        "Indicator 1",
        "Indicator 0",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize("measure", IndicatorMeasure.values)
def test_computing_takes_the_same_queries_whatever_the_rows(dated, rows, measure):
    for person in range(rows):
        row(programmes=[dated], person=person, gender="woman", sector="police")
    indicator = indicator_make(dated, measure=measure, breakdowns=["gender", "sector"])
    fresh = Indicator.objects.get(pk=indicator.pk)

    with CaptureQueriesContext(connection) as queries:
        result = compute(fresh)

    # The programme, its regions and period targets, the values, two breakdowns, the
    # manual entries.
    assert (len(queries), result.value) == (7, 1 if measure == "activities" else rows)
