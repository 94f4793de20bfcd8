"""Ledger rows and indicators for the indicator engine's tests.

Rows are written directly (``Participation.objects.create``), with every attribute and
activity field the engine reads, so each test says exactly what the ledger holds. The
services that write rows in the product have their own tests (test_services.py).
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType

from impact.enums import IndicatorMeasure, ParticipationKind
from impact.models import Indicator, Participation
from programmes.models import Programme

COMPLETED = ParticipationKind.COURSE_COMPLETED
ATTENDED = ParticipationKind.EVENT_ATTENDED
REACH = ParticipationKind.CAMPAIGN_REACH
VILNIUS = ZoneInfo("Europe/Vilnius")


def when(year: int, month: int, day: int, hour: int = 12) -> datetime.datetime:
    """An instant in Vilnius (the ``programme`` fixture's time zone)."""
    return datetime.datetime(year, month, day, hour, tzinfo=VILNIUS)


def activity_type() -> ContentType:
    """The content type the tests' activities are recorded under."""
    return ContentType.objects.get_for_model(Programme)


def row(
    *,
    programmes,
    kind: str = COMPLETED,
    person=None,
    aggregate: str | None = None,
    count: int = 1,
    at: datetime.datetime | None = None,
    activity: str | None = "1",
    activity_key: str | None = None,
    source: str | None = None,
    **fields,
) -> Participation:
    """A ledger row of ``programmes``: a person's (``person``: a user, an id, or a key such
    as ``"deleted:x"``) or an anonymous count (``aggregate``: its key). ``activity`` is
    the activity's id (``None``: a row without activity fields, as written before they
    existed)."""
    if hasattr(person, "pk"):
        fields["person"] = person
        subject_key = f"person:{person.pk}"
    elif person is not None:
        subject_key = person if isinstance(person, str) else f"person:{person}"
    else:
        subject_key = f"aggregate:{aggregate or Participation.objects.count()}"
    values = {
        "subject_key": subject_key,
        "kind": kind,
        "occurred_at": at or when(2026, 3, 10),
        "count": count,
        "source_type": activity_type(),
        "source_id": source or str(Participation.objects.count() + 1),
    }
    if activity is not None:
        values.update(
            activity_type=activity_type(),
            activity_id=activity,
            activity_key=activity_key or f"programmes.programme:{activity}",
        )
    values.update(fields)
    created = Participation.objects.create(**values)
    created.programmes.add(*[p.pk for p in programmes])
    return created


def indicator_make(programme, **fields) -> Indicator:
    """An indicator of ``programme`` counting course completions by distinct people,
    cumulative per quarter, unless ``fields`` say otherwise."""
    regions = fields.pop("regions", [])
    values = {
        "name": "Professionals trained",
        "unit": "people",
        "kinds": [COMPLETED],
        "measure": IndicatorMeasure.PEOPLE,
    }
    values.update(fields)
    indicator = Indicator.objects.create(programme=programme, **values)
    if regions:
        indicator.regions.set(regions)
    return indicator


def derivable(cells, table, *, threshold: int = 5, cumulative: bool = False) -> list:
    """What a reader could work out of ``table`` (a ``SuppressedTable`` of ``cells``): the
    hidden counts under ``threshold`` that a linear program over the shown numbers (and
    "no count is negative") keeps under ``threshold`` (its largest whole value is
    ``threshold - 1`` or less: the reader knows the group is small, if not its exact
    size), as ("cell", i, j), ("row", i), ("col", j) or ("total",).

    Written apart from the product's suppression on purpose, for tables that add up:
    row totals are sums of their cells; per period, column totals and the grand total are
    sums too; cumulative, columns never fall and their totals are their last values."""
    import numpy as np
    from scipy.optimize import linprog

    n_rows, n_cols = len(cells), len(cells[0]) if cells else 0
    truth = {("cell", i, j): cells[i][j] for i in range(n_rows) for j in range(n_cols)}
    truth |= {("row", i): sum(cells[i]) for i in range(n_rows)}
    truth |= {
        ("col", j): cells[-1][j] if cumulative else sum(row[j] for row in cells)
        for j in range(n_cols)
    }
    truth[("total",)] = sum(truth[("col", j)] for j in range(n_cols))
    shown = {("cell", i, j): table.cells[i][j] for i in range(n_rows) for j in range(n_cols)}
    shown |= {("row", i): table.row_totals[i] for i in range(n_rows)}
    shown |= {("col", j): table.col_totals[j] for j in range(n_cols)}
    shown[("total",)] = table.total
    hidden = [key for key, value in shown.items() if value is None]
    index = {key: n for n, key in enumerate(hidden)}

    def linear(terms):
        """(coefficients over the hidden, constant) of sum(sign * quantity)."""
        row, constant = np.zeros(len(hidden)), 0.0
        for sign, key in terms:
            if key in index:
                row[index[key]] += sign
            else:
                constant += sign * shown[key]
        return row, constant

    equal, at_most = [], []
    for i in range(n_rows):
        equal.append([(1, ("row", i))] + [(-1, ("cell", i, j)) for j in range(n_cols)])
    for j in range(n_cols):
        if cumulative:
            equal.append([(1, ("col", j)), (-1, ("cell", n_rows - 1, j))])
            at_most += [[(1, ("cell", i, j)), (-1, ("cell", i + 1, j))] for i in range(n_rows - 1)]
        else:
            equal.append([(1, ("col", j))] + [(-1, ("cell", i, j)) for i in range(n_rows)])
    equal.append([(1, ("total",))] + [(-1, ("col", j)) for j in range(n_cols)])
    if cumulative:
        equal.append([(1, ("total",)), (-1, ("row", n_rows - 1))])
        at_most += [[(1, ("row", i)), (-1, ("row", i + 1))] for i in range(n_rows - 1)]
    else:
        equal.append([(1, ("total",))] + [(-1, ("row", i)) for i in range(n_rows)])
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for terms in equal:
        row, constant = linear(terms)
        if row.any():
            a_eq.append(row)
            b_eq.append(-constant)
    for terms in at_most:
        row, constant = linear(terms)
        if row.any():
            a_ub.append(row)
            b_ub.append(-constant)
    problem = {
        "A_eq": np.array(a_eq) if a_eq else None,
        "b_eq": np.array(b_eq) if b_eq else None,
        "A_ub": np.array(a_ub) if a_ub else None,
        "b_ub": np.array(b_ub) if b_ub else None,
        "bounds": (0, None),
        "method": "highs",
    }
    pinned = []
    for key in hidden:
        if not 0 < truth[key] < threshold:
            continue
        objective = np.zeros(len(hidden))
        objective[index[key]] = -1
        high = linprog(objective, **problem)
        if high.status == 3:  # unbounded: not known small
            continue
        assert high.status == 0, high.message
        if np.floor(-high.fun + 1e-6) < threshold:
            pinned.append(key)
    return pinned
