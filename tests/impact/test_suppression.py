"""Small numbers: hidden under the threshold, with enough others that none can be worked
out; and what a page shows of an indicator (``present``)."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.utils import translation

import pytest

from impact.enums import IndicatorAccumulation, LedgerPeriod, RagStatus
from impact.indicators.compute import indicator_compute
from impact.indicators.present import may_see_small_cells, period_label, presented
from impact.indicators.suppression import SuppressedTable, suppress_list, suppress_table
from tests.impact.indicator_helpers import derivable, indicator_make, row, when

TODAY = datetime.date(2026, 9, 15)


# --- Tables -----------------------------------------------------------------------------------


def test_a_small_cell_is_hidden_with_the_smallest_other_and_zeros_are_shown():
    table = suppress_table([[3, 0, 20, 8]])

    assert (table.cells, table.row_totals, table.total) == ([[None, 0, 20, None]], [31], 31)


def test_a_small_total_is_hidden_with_its_cells():
    table = suppress_table([[1, 2], [10, 12]])

    # The grand total less the second row's would give the first row's: both are hidden.
    assert (table.row_totals, table.total) == ([None, None], 25)
    assert table.cells == [[None, None], [None, None]]
    assert derivable([[1, 2], [10, 12]], table) == []


def test_complementary_cells_cover_rows_and_columns():
    cells = [[3, 20, 8], [10, 12, 9], [7, 7, 7]]

    table = suppress_table(cells)

    assert table.cells == [[None, 20, None], [10, 12, 9], [None, 7, None]]
    assert (table.row_totals, table.col_totals, table.total) == ([31, 31, 21], [20, 39, 24], 83)
    assert derivable(cells, table) == []


def test_a_cell_given_away_by_a_chain_of_totals_is_hidden_too():
    # Hiding one more cell in each row and column with a hidden one is not enough here:
    # the totals, chained through rows and columns, would keep the hidden 1s and 2s
    # under 5. The audit hides more, until each could be 5 or more.
    cells = [[1, 6, 0, 9], [0, 2, 0, 0], [2, 5, 1, 9]]

    table = suppress_table(cells)

    assert table.cells == [[None, None, 0, 9], [0, None, 0, 0], [None, None, None, 9]]
    assert derivable(cells, table) == []


def test_a_chain_that_only_tells_that_cells_are_small_gives_them_away():
    # What an audit asking only "is there one value left?" let through: no hidden cell
    # is pinned to one number, but the chain keeps four of them under 5.
    cells = [[1, 6, 0, 9], [0, 2, 0, 0], [2, 5, 1, 9]]
    leaky = SuppressedTable(
        cells=[[None, None, 0, 9], [0, None, 0, 0], [None, 5, None, None]],
        row_totals=[16, 2, 17],
        col_totals=[3, 13, 1, 18],
        total=35,
    )

    assert derivable(cells, leaky) == [
        ("cell", 0, 0),
        ("cell", 1, 1),
        ("cell", 2, 0),
        ("cell", 2, 2),
    ]


def test_small_cells_whose_sum_is_small_are_hidden_with_a_third():
    # 12 shown with the 10 would tell a + b = 2: each of them 1 or 2, or 0.
    table = suppress_table([[1, 1, 10]])

    assert (table.cells, table.row_totals, table.total) == ([[None, None, None]], [12], 12)
    assert derivable([[1, 1, 10]], table) == []


def test_small_cells_whose_sum_reaches_the_threshold_may_be_either_part():
    # a + b = 8: a may be anything from 0 to 8, so neither is known to be small.
    table = suppress_table([[4, 4, 10]])

    assert (table.cells, table.row_totals, table.total) == ([[None, None, 10]], [18], 18)
    assert derivable([[4, 4, 10]], table) == []
    assert derivable(
        [[1, 1, 10]], SuppressedTable([[None, None, 10]], [12], [None, None, 10], 12)
    ) == [("cell", 0, 0), ("cell", 0, 1), ("col", 0), ("col", 1)]


def test_cumulative_tables_count_their_last_row_as_the_total():
    cells = [[1, 9], [3, 9], [6, 12]]

    table = suppress_table(cells, cumulative=True)

    assert (table.col_totals, table.total) == ([6, 12], 18)
    assert table.cells == [[None, None], [None, None], [6, 12]]
    assert derivable(cells, table, cumulative=True) == []


def test_every_shown_number_is_the_true_one():
    cells = [[0, 4, 11], [6, 0, 2], [13, 5, 5]]

    table = suppress_table(cells)

    for shown_row, true_row in zip(table.cells, cells, strict=True):
        assert [v for v in shown_row if v is not None] == [
            t for v, t in zip(shown_row, true_row, strict=True) if v is not None
        ]


def test_the_threshold_is_a_setting(settings):
    settings.LINKAGE_SMALL_COUNT_THRESHOLD = 3

    assert suppress_table([[2, 3, 4, 10]]).cells == [[None, None, 4, 10]]
    assert suppress_table([[2, 3, 4, 10]], threshold=5).cells == [[None, None, None, 10]]


def test_a_list_and_its_total():
    assert suppress_list([2, 4, 30]) == ([None, None, 30], 36)
    assert suppress_list([3, 0, 0, 10]) == ([None, 0, 0, None], 13)
    assert suppress_list([0, 0]) == ([0, 0], 0)


# --- What a page shows ------------------------------------------------------------------------


@pytest.fixture
def dated(programme):
    programme.starts_on = datetime.date(2026, 1, 1)
    programme.ends_on = datetime.date(2026, 12, 31)
    programme.save()
    return programme


def seven_women_and_three_men(programme):
    for person in range(7):
        row(programmes=[programme], person=person, gender="woman", at=when(2026, 2, 1))
    for person in range(7, 10):
        row(programmes=[programme], person=person, gender="man", at=when(2026, 5, 1))


@pytest.mark.django_db
def test_organisers_see_the_exact_numbers(dated):
    seven_women_and_three_men(dated)
    indicator = indicator_make(dated, breakdowns=["gender"], target=60)

    view = presented(indicator, indicator_compute(indicator, today=TODAY), suppress=False)

    assert (view.value, view.progress_percent, view.suppressed) == (10, 17, False)
    assert [(p.label, p.value) for p in view.periods] == [
        ("2026 Q1", 7),
        ("2026 Q2", 10),
        ("2026 Q3", 10),
    ]
    (gender,) = view.breakdowns
    assert [label for _value, label in gender.columns] == [
        "Woman",
        "Man",
        "Non-binary",
        "In another way",
        "Prefer not to say",
        "Not known",
    ]
    assert [tuple(r) for r in gender.rows] == [
        ("2026 Q1", (7, 0, 0, 0, 0, 0), 7),
        ("2026 Q2", (7, 3, 0, 0, 0, 0), 10),
        ("2026 Q3", (7, 3, 0, 0, 0, 0), 10),
    ]
    assert tuple(gender.totals) == ("Whole programme", (7, 3, 0, 0, 0, 0), 10)


@pytest.mark.django_db
def test_everyone_else_sees_small_numbers_hidden_in_every_table(dated):
    seven_women_and_three_men(dated)
    indicator = indicator_make(dated, breakdowns=["gender"], target=60)

    view = presented(indicator, indicator_compute(indicator, today=TODAY), suppress=True)

    assert (view.value, view.progress_percent, view.suppressed) == (10, 17, True)
    (gender,) = view.breakdowns
    # The 3 men are hidden everywhere, and so are the women where the total would give
    # the men away; and in Q1 too: the 7 women shown there, who never fall later, would
    # keep the men of Q2 at 3 or fewer.
    assert [tuple(r) for r in gender.rows] == [
        ("2026 Q1", (None, None, 0, 0, 0, 0), 7),
        ("2026 Q2", (None, None, 0, 0, 0, 0), 10),
        ("2026 Q3", (None, None, 0, 0, 0, 0), 10),
    ]
    assert tuple(gender.totals) == ("Whole programme", (None, None, 0, 0, 0, 0), 10)


@pytest.mark.django_db
def test_a_small_value_hides_its_progress_too(dated):
    for person in range(3):
        row(programmes=[dated], person=person)
    indicator = indicator_make(dated, target=60)

    view = presented(indicator, indicator_compute(indicator, today=TODAY), suppress=True)

    assert (view.value, view.ledger, view.progress_percent) == (None, None, None)
    assert (view.rag, view.rag_label) == (
        RagStatus.NONE,
        "Not shown: it would reveal a small number",
    )
    assert [p.value for p in view.periods] == [None, None, None]


@pytest.mark.django_db
def test_a_manual_part_cannot_be_subtracted_from_the_value(dated):
    from impact.enums import ManualEntryStatus
    from impact.models import ManualEntry

    for person in range(20):
        row(programmes=[dated], person=person, at=when(2026, 2, 1))
    indicator = indicator_make(dated, accumulation=IndicatorAccumulation.PER_PERIOD)
    ManualEntry.objects.create(
        indicator=indicator,
        period_start=datetime.date(2026, 2, 1),
        period_end=datetime.date(2026, 2, 28),
        value=2,
        note="Counted at the shelter",
        status=ManualEntryStatus.APPROVED,
    )

    view = presented(indicator, indicator_compute(indicator, today=TODAY), suppress=True)

    # 22 in all: the 2 typed in is hidden, and so is the 20 it could be worked out from.
    assert (view.value, view.ledger, view.manual) == (22, None, None)
    assert [(p.value, p.ledger, p.manual) for p in view.periods] == [
        (22, None, None),
        (0, 0, 0),
        (0, 0, 0),
    ]


@pytest.mark.parametrize(
    ("language", "kind", "expected"),
    [
        ("en", LedgerPeriod.QUARTER, "2026 Q3"),
        ("en", LedgerPeriod.MONTH, "July 2026"),
        ("en", LedgerPeriod.YEAR, "2026"),
        ("es", LedgerPeriod.MONTH, "julio de 2026"),
    ],
)
def test_periods_are_named_in_the_active_language(language, kind, expected):
    with translation.override(language):
        assert period_label(datetime.date(2026, 7, 1), kind) == expected


@pytest.mark.django_db
def test_only_the_programmes_organisers_may_see_small_numbers(
    programme, organiser, other_organiser, superuser
):
    assert [
        may_see_small_cells(user, programme)
        for user in (organiser, other_organiser, superuser, AnonymousUser(), None)
    ] == [True, False, False, False, False]
