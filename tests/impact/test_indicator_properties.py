"""Properties, on random ledgers and tables (hypothesis):

* every indicator value (the whole programme, each period, each breakdown cell; distinct
  people, sums and activities; cumulative and per period) equals a count by brute force
  over what happened, people whose accounts were deleted included;
* suppression shows only true numbers, hides every small one, and never lets a hidden
  small number be worked out from what is shown (a linear program written apart from the
  product's, in ``indicator_helpers.derivable``).
"""

import datetime
from dataclasses import dataclass
from itertools import accumulate

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.enums import IndicatorAccumulation, IndicatorMeasure
from impact.indicators.compute import indicator_compute
from impact.indicators.present import presented
from impact.indicators.suppression import suppress_table
from impact.models import Participation
from impact.services import participation_anonymise_person
from people.models import User
from tests.impact.indicator_helpers import (
    ATTENDED,
    COMPLETED,
    VILNIUS,
    activity_type,
    derivable,
    indicator_make,
)

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TODAY = datetime.date(2026, 10, 15)
FIRST_DAY = datetime.date(2025, 11, 1)  # before the programme: counted in totals only
PERIODS = [
    (datetime.date(2026, 1, 1), datetime.date(2026, 4, 1)),
    (datetime.date(2026, 4, 1), datetime.date(2026, 7, 1)),
    (datetime.date(2026, 7, 1), datetime.date(2026, 10, 1)),
]
PEOPLE = 6
BREAKDOWNS = ["gender", "region"]


@dataclass(frozen=True)
class Entry:
    """One thing that happened: by a person (``person``: 0..5) or an anonymous count."""

    person: int | None
    count: int
    kind: str
    day: int  # days after FIRST_DAY
    hour: int
    gender: str
    region: str
    activity: int | None  # None: a row written before rows recorded their activity
    occurrence: int
    place: str
    ours: bool  # of the indicator's programme (else of another one)

    def activity_key(self, source_id: str) -> str:
        if self.activity is None:
            return f"source:{activity_type().pk}:{source_id}"
        return f"activity:{self.activity}:{self.occurrence}"


entries = st.builds(
    Entry,
    person=st.one_of(st.none(), st.integers(0, PEOPLE - 1)),
    count=st.integers(1, 9),
    kind=st.sampled_from([COMPLETED, COMPLETED, ATTENDED]),
    day=st.integers(0, 400),
    hour=st.integers(0, 23),
    gender=st.sampled_from(["", "woman", "man"]),
    region=st.sampled_from(["", "Gjilan", "Peja"]),
    activity=st.one_of(st.none(), st.integers(0, 3)),
    occurrence=st.integers(0, 1),
    place=st.sampled_from(["", "Gjilan", "Prizren"]),
    ours=st.sampled_from([True, True, True, False]),
)


@pytest.fixture
def people(db):
    return [User.objects.create(email=f"p{n}@example.org") for n in range(PEOPLE)]


@pytest.fixture
def indicators(programme):
    programme.starts_on = datetime.date(2026, 1, 1)
    programme.ends_on = datetime.date(2026, 8, 20)
    programme.save()
    return [
        indicator_make(
            programme,
            measure=measure,
            accumulation=accumulation,
            breakdowns=BREAKDOWNS,
            kinds=[COMPLETED],
        )
        for measure in IndicatorMeasure.values
        for accumulation in IndicatorAccumulation.values
    ]


def ledger_write(ledger, deleted, *, programme, other_programme, people) -> list[str]:
    """The ledger rows of ``ledger`` (then ``deleted`` people's accounts anonymised); the
    source id of each entry."""
    Participation.objects.all().delete()
    content_type = activity_type()
    rows, sources = [], []
    for n, entry in enumerate(ledger):
        source_id = f"s{n}"
        sources.append(source_id)
        local = datetime.datetime.combine(
            FIRST_DAY + datetime.timedelta(days=entry.day), datetime.time(entry.hour)
        )
        person = people[entry.person] if entry.person is not None else None
        activity = {}
        if entry.activity is not None:
            activity = {
                "activity_type": content_type,
                "activity_id": str(entry.activity),
                "activity_key": entry.activity_key(source_id),
            }
        rows.append(
            Participation(
                person=person,
                subject_key=f"person:{person.pk}" if person else f"aggregate:{n}",
                kind=entry.kind,
                occurred_at=local.replace(tzinfo=VILNIUS),
                count=1 if person else entry.count,
                source_type=content_type,
                source_id=source_id,
                gender=entry.gender,
                region=entry.region,
                activity_region=entry.place,
                **activity,
            )
        )
    Participation.objects.bulk_create(rows)
    through = Participation.programmes.through
    ids = dict(Participation.objects.values_list("source_id", "pk"))
    through.objects.bulk_create(
        through(
            participation_id=ids[source],
            programme_id=programme.pk if entry.ours else other_programme.pk,
        )
        for source, entry in zip(sources, ledger, strict=True)
    )
    for index in deleted:
        participation_anonymise_person(person=people[index])
    return sources


def brute_force(indicator, ledger, sources, deleted) -> dict:
    """The indicator's figures counted in Python from what happened."""
    counted = []
    for entry, source in zip(ledger, sources, strict=True):
        if not entry.ours or entry.kind != COMPLETED:
            continue
        local = FIRST_DAY + datetime.timedelta(days=entry.day)
        gender = "" if entry.person in deleted else entry.gender
        counted.append((entry, source, local, gender))

    def measure(items) -> int:
        if indicator.measure == IndicatorMeasure.COUNT:
            return sum(1 if e.person is not None else e.count for e, *_ in items)
        if indicator.measure == IndicatorMeasure.ACTIVITIES:
            return len({e.activity_key(s) for e, s, *_ in items})
        people = {e.person for e, *_ in items if e.person is not None}
        return len(people) + sum(e.count for e, *_ in items if e.person is None)

    def periods(items) -> list[int]:
        if indicator.accumulation == IndicatorAccumulation.CUMULATIVE:
            return [measure([i for i in items if i[2] < end]) for _start, end in PERIODS]
        return [measure([i for i in items if start <= i[2] < end]) for start, end in PERIODS]

    def attribute(breakdown, entry, gender) -> str:
        if breakdown == "gender":
            return gender
        return entry.place if indicator.measure == IndicatorMeasure.ACTIVITIES else entry.region

    cells, period_cells = {}, [{} for _ in PERIODS]
    for breakdown in BREAKDOWNS:
        values = {attribute(breakdown, e, g) for e, _s, _d, g in counted}
        cells[breakdown], by_period = {}, {}
        for value in values:
            items = [i for i in counted if attribute(breakdown, i[0], i[3]) == value]
            cells[breakdown][value] = measure(items)
            by_period[value] = periods(items)
        for n, period in enumerate(period_cells):
            period[breakdown] = {v: p[n] for v, p in by_period.items() if p[n]}
    return {
        "value": measure(counted),
        "periods": periods(counted),
        "cells": cells,
        "period_cells": period_cells,
    }


@pytest.mark.django_db
@EXAMPLES
@given(
    ledger=st.lists(entries, max_size=25),
    deleted=st.sets(st.integers(0, PEOPLE - 1), max_size=3),
)
def test_values_equal_a_count_by_brute_force(
    ledger, deleted, programme, other_programme, people, indicators
):
    sources = ledger_write(
        ledger, deleted, programme=programme, other_programme=other_programme, people=people
    )

    for indicator in indicators:
        result = indicator_compute(indicator, today=TODAY)
        expected = brute_force(indicator, ledger, sources, deleted)

        assert [(p.start, p.end) for p in result.periods] == PERIODS
        assert (result.value, [p.value for p in result.periods]) == (
            expected["value"],
            expected["periods"],
        ), (indicator.measure, indicator.accumulation)
        assert result.cells == expected["cells"]
        assert [p.cells for p in result.periods] == expected["period_cells"]
        hidden, exact = (
            presented(indicator, result, suppress=True),
            presented(indicator, result, suppress=False),
        )
        for shown_number, true_number in numbers(hidden, exact):
            assert shown_number in (None, true_number)
            assert not (shown_number is not None and 0 < true_number < 5)


def numbers(hidden, exact):
    """(shown, true) for every number of a view."""
    yield from zip(
        (hidden.value, hidden.ledger, hidden.manual),
        (exact.value, exact.ledger, exact.manual),
        strict=True,
    )
    for shown, true in zip(hidden.periods, exact.periods, strict=True):
        yield from zip(
            (shown.value, shown.ledger, shown.manual),
            (true.value, true.ledger, true.manual),
            strict=True,
        )
    for shown_table, true_table in zip(hidden.breakdowns, exact.breakdowns, strict=True):
        for shown, true in zip(
            (*shown_table.rows, shown_table.totals),
            (*true_table.rows, true_table.totals),
            strict=True,
        ):
            yield from zip((*shown.cells, shown.total), (*true.cells, true.total), strict=True)


counts = st.sampled_from([0, 0, 1, 2, 3, 5, 6, 9, 14])
# Tables need no database: more examples reach the rare chains of rows and columns that
# one more hidden cell per row and column does not break (about 1 table in 25).
TABLE_EXAMPLES = settings(EXAMPLES, max_examples=120)


@st.composite
def tables(draw):
    n_rows, n_cols = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    return [[draw(counts) for _ in range(n_cols)] for _ in range(n_rows)]


def shown_pairs(cells, table, *, cumulative=False):
    n_cols = len(cells[0])
    col_totals = (
        list(cells[-1]) if cumulative else [sum(r[j] for r in cells) for j in range(n_cols)]
    )
    yield from zip([v for r in table.cells for v in r], [v for r in cells for v in r], strict=True)
    yield from zip(table.row_totals, [sum(r) for r in cells], strict=True)
    yield from zip(table.col_totals, col_totals, strict=True)
    yield table.total, sum(col_totals)


@TABLE_EXAMPLES
@given(cells=tables())
def test_suppression_hides_every_small_number_for_good(cells):
    table = suppress_table(cells)

    for shown, true in shown_pairs(cells, table):
        assert shown in (None, true)
        assert not (shown is not None and 0 < true < 5)
    assert derivable(cells, table) == []


@TABLE_EXAMPLES
@given(increments=tables())
def test_cumulative_suppression_hides_every_small_number_for_good(increments):
    columns = [list(accumulate(column)) for column in zip(*increments, strict=True)]
    cells = [list(row) for row in zip(*columns, strict=True)]

    table = suppress_table(cells, cumulative=True)

    for shown, true in shown_pairs(cells, table, cumulative=True):
        assert shown in (None, true)
        assert not (shown is not None and 0 < true < 5)
    assert derivable(cells, table, cumulative=True) == []
