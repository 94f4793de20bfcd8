"""Small-cell suppression: a count under the threshold is never shown, nor can it be worked
out from what is shown.

In a Kosovo municipality one migrant woman aged 45–54 in the police is a person, not a
statistic. A count from 1 to ``threshold - 1`` (``LINKAGE_SMALL_COUNT_THRESHOLD``: 5 gives
"<5") is hidden (primary suppression; a 0 is shown). That alone is not enough: a row total
minus the other cells gives the hidden one back, and so can chains of rows and columns.
Complementary suppression hides more, until no hidden small count can be derived.

The numbers are *quantities* linked by *relations* the reader knows:

* ``Sum``: a total is the sum of its parts (a row of a table and its total). It is only
  stated when it holds: a distinct count of people is not always the sum of its cells (a
  person counted under two sectors), and a cumulative column is not a sum at all;
* ``AtMost``: one quantity is no larger than another (a cell and its total when they do
  not add up; a cumulative value and the next period's).

Together with "no count is negative" they are a linear program. After a greedy pass (a
sum with exactly one hidden quantity gives it away, and so does a shown total whose
hidden parts add up to less than the threshold: hide the smallest other non-zero part,
else a zero, else its total), every hidden small count is audited with
``scipy.optimize.linprog``: the largest value it can take given everything shown. A
reader who can tell that a hidden count is under the threshold has learnt it is small,
so where that maximum is under the threshold more is hidden and the audit runs again.
Tables are small (periods × attribute values); each group of hidden numbers linked by
relations is solved on its own, and results are memoised.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

import numpy as np
from scipy.optimize import linprog

_EPSILON = 1e-6


@dataclass(frozen=True)
class Sum:
    total: int
    parts: tuple[int, ...]

    @property
    def members(self) -> tuple[int, ...]:
        return (self.total, *self.parts)


@dataclass(frozen=True)
class AtMost:
    smaller: int
    larger: int

    @property
    def members(self) -> tuple[int, ...]:
        return (self.smaller, self.larger)


Relation = Sum | AtMost


def threshold_setting(threshold: int | None = None) -> int:
    return settings.LINKAGE_SMALL_COUNT_THRESHOLD if threshold is None else threshold


class Release:
    """Everything one page or file shows of an indicator, as quantities and relations,
    built up table by table; ``protect`` says which quantities to hide."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.is_total: list[bool] = []
        # In order, each once (tables of one page share their margins).
        self._relations: dict[Relation, None] = {}

    @property
    def relations(self) -> tuple[Relation, ...]:
        return tuple(self._relations)

    def add(self, value: int, *, total: bool = False) -> int:
        """A quantity; its index. Totals are hidden as a complement only when no cell
        will do."""
        if value < 0:
            raise ValueError(value)
        self.values.append(int(value))
        self.is_total.append(total)
        return len(self.values) - 1

    def sum_or_bound(self, total: int, parts: list[int]) -> None:
        """``total`` is the sum of ``parts`` if it is, else at least each of them."""
        if sum(self.values[p] for p in parts) == self.values[total]:
            self._relations[Sum(total, tuple(parts))] = None
        else:
            for part in parts:
                self.at_most(part, total)

    def at_most(self, smaller: int, larger: int) -> None:
        """``smaller`` is at most ``larger``, if it is: only what holds is a relation a
        reader can rely on (figures counted while rows arrived may disagree by a row)."""
        if self.values[smaller] <= self.values[larger]:
            self._relations[AtMost(smaller, larger)] = None

    def series(self, items: list[int], total: int, *, cumulative: bool) -> None:
        """A sequence over periods and its whole-programme total. Per period, the total is
        their sum when it is one; cumulative values never fall, and the total is at least
        the last (the same when nothing was counted after the last period)."""
        if not cumulative:
            self.sum_or_bound(total, items)
            return
        for earlier, later in zip(items, items[1:], strict=False):
            self.at_most(earlier, later)
        if items:
            self.sum_or_bound(total, [items[-1]])

    def table(
        self,
        cells: list[list[int]],
        row_totals: list[int],
        col_totals: list[int],
        total: int,
        *,
        cumulative: bool,
    ) -> None:
        """A table of periods (rows) × values (columns), with its margins: rows and the
        columns of each margin relate as ``series`` and ``sum_or_bound`` say."""
        for row, row_total in zip(cells, row_totals, strict=True):
            self.sum_or_bound(row_total, list(row))
        for column, col_total in enumerate(col_totals):
            self.series([row[column] for row in cells], col_total, cumulative=cumulative)
        self.series(list(row_totals), total, cumulative=cumulative)
        self.sum_or_bound(total, list(col_totals))

    def protect(
        self,
        *,
        threshold: int | None = None,
        fixed: dict[int, bool] | None = None,
    ) -> frozenset[int]:
        """The indices to hide. ``fixed`` maps quantities already decided (an earlier
        table of the same page) to whether they are hidden: they are never hidden as a
        complement, nor shown if hidden."""
        fixed = fixed or {}
        return _protect(
            tuple(self.values),
            tuple(self.is_total),
            self.relations,
            threshold_setting(threshold),
            tuple(sorted(fixed.items())),
        )


@lru_cache(maxsize=512)
def _protect(
    values: tuple[int, ...],
    is_total: tuple[bool, ...],
    relations: tuple[Relation, ...],
    threshold: int,
    fixed_items: tuple[tuple[int, bool], ...],
) -> frozenset[int]:
    """The hidden quantities: the small ones, then more, by the greedy pass and the audit
    in turn, until the audit finds nothing small that can be worked out. Memoised: a
    page shows the same figures until they are counted again."""
    fixed = dict(fixed_items)
    hidden = {q for q, is_hidden in fixed.items() if is_hidden}
    hidden |= {q for q, v in enumerate(values) if q not in fixed and 0 < v < threshold}
    touching: dict[int, list[Relation]] = {}
    for relation in relations:
        for member in relation.members:
            touching.setdefault(member, []).append(relation)

    def rank(q: int) -> tuple:
        # Cells before totals, non-zero before zero (a hidden 0 protects little), small
        # before large (hide as little as possible).
        return (is_total[q], values[q] == 0, values[q], q)

    def free(members) -> list[int]:
        return [m for m in members if m not in hidden and m not in fixed]

    while True:
        _greedy(values, relations, hidden, free, rank, threshold)
        pinned = _pinned(values, relations, hidden, threshold)
        if not pinned:
            return frozenset(hidden)
        added = False
        seen: list[set[int]] = []
        for q, group in pinned:
            # One more hidden per linked group and round: it may free the others too.
            if any(group is other for other in seen):
                continue
            seen.append(group)
            near = free({m for relation in touching.get(q, ()) for m in relation.members})
            linked = free({m for g in group for r in touching.get(g, ()) for m in r.members})
            candidates = near or linked or free(range(len(values)))
            if candidates:
                hidden.add(min(candidates, key=rank))
                added = True
        if not added:  # everything that may be hidden is: nothing more to do
            return frozenset(hidden)


def _greedy(values, relations, hidden: set[int], free, rank, threshold: int) -> None:
    """Until no sum gives a hidden member away: hide another of its members where one
    member alone is hidden (the total minus the rest gives it back), or where the total
    is shown and its hidden parts add up to less than ``threshold`` (then each of them
    is known to be small: ``_gives_away``). The smallest
    non-zero other part goes first, then a zero, then the total."""
    changed = True
    while changed:
        changed = False
        for relation in relations:
            if not isinstance(relation, Sum):
                continue
            members = relation.members
            n_hidden = sum(m in hidden for m in members)
            if n_hidden == 0:
                continue
            if n_hidden == 1 or (
                relation.total not in hidden and _gives_away(values, relation, hidden, threshold)
            ):
                candidates = free(members)
                if candidates:
                    hidden.add(min(candidates, key=rank))
                    changed = True


def _gives_away(values, relation: Sum, hidden: set[int], threshold: int) -> bool:
    """Whether the hidden parts of a sum whose total is shown add up to less than
    ``threshold``: then each is known to be small (``[1, 1, 10]``, 12 shown: a + b = 2).
    Adding up to ``threshold`` or more, any of them may be the larger part
    (``[4, 4, 10]``, 18 shown: a + b = 8, and a may be anything from 0 to 8)."""
    return sum(values[p] for p in relation.parts if p in hidden) < threshold


def _pinned(values, relations, hidden: set[int], threshold: int) -> list[tuple[int, set[int]]]:
    """The hidden small quantities the shown ones tell to be small (at most
    ``threshold - 1``), each with the group of hidden quantities it is linked to."""
    small = sorted(q for q in hidden if 0 < values[q] < threshold)
    if not small:
        return []
    # Groups of hidden quantities linked by relations: each is its own linear program.
    parent = {q: q for q in hidden}

    def root(q: int) -> int:
        while parent[q] != q:
            parent[q] = parent[parent[q]]
            q = parent[q]
        return q

    for relation in relations:
        members = [m for m in relation.members if m in hidden]
        for other in members[1:]:
            parent[root(other)] = root(members[0])
    groups: dict[int, list[int]] = {}
    for q in sorted(hidden):
        groups.setdefault(root(q), []).append(q)
    pinned = []
    for group in groups.values():
        targets = [q for q in group if 0 < values[q] < threshold]
        if targets:
            members = set(group)
            pinned += [
                (q, members)
                for q in _group_pinned(values, relations, members, group, targets, threshold)
            ]
    return pinned


def _group_pinned(
    values, relations, members: set[int], group, targets, threshold: int
) -> list[int]:
    """The ``targets`` known small by the linear program of one group of hidden quantities:
    each relation touching the group, with the shown quantities as constants."""
    index = {q: i for i, q in enumerate(group)}
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for relation in relations:
        if not any(m in members for m in relation.members):
            continue
        row = np.zeros(len(group))
        constant = 0.0
        if isinstance(relation, Sum):
            # total - sum(parts) = 0, the shown ones moved to the right-hand side.
            for member, sign in ((relation.total, 1), *((p, -1) for p in relation.parts)):
                if member in members:
                    row[index[member]] += sign
                else:
                    constant -= sign * values[member]
            a_eq.append(row)
            b_eq.append(constant)
        else:
            # smaller - larger <= 0
            for member, sign in ((relation.smaller, 1), (relation.larger, -1)):
                if member in members:
                    row[index[member]] += sign
                else:
                    constant -= sign * values[member]
            a_ub.append(row)
            b_ub.append(constant)
    problem = {
        "A_eq": np.array(a_eq) if a_eq else None,
        "b_eq": np.array(b_eq) if b_eq else None,
        "A_ub": np.array(a_ub) if a_ub else None,
        "b_ub": np.array(b_ub) if b_ub else None,
        "bounds": (0, None),
        "method": "highs",
    }
    return _derivable(problem, [index[q] for q in targets], len(group), values, group, threshold)


def _derivable(
    problem: dict, positions: list[int], size: int, values, group, threshold: int
) -> list[int]:
    """The variables at ``positions`` (hidden small counts) a reader knows to be small:
    the largest whole number the linear program allows is under ``threshold``. Knowing
    that a hidden count is 1 or 2 is as bad as knowing which.

    Programs pushing all open ones up at once come first: each that reaches
    ``threshold`` there is settled. Only those left are pushed up one at a time."""
    truth = [values[q] for q in group]
    open_ = list(positions)
    # A cap at or above the threshold keeps the push up bounded; what it finds is
    # feasible without the cap too.
    capped = {**problem, "bounds": (0, max(2 * max(truth) + 2, threshold))}
    while open_:
        objective = np.zeros(size)
        objective[open_] = -1
        result = linprog(objective, **capped)
        if result.status != 0:
            break
        settled = [p for p in open_ if result.x[p] >= threshold - _EPSILON]
        if not settled:
            break
        open_ = [p for p in open_ if p not in settled]
    pinned = []
    for position in open_:
        objective = np.zeros(size)
        objective[position] = -1
        high = linprog(objective, **problem)
        if high.status == 3:  # unbounded above
            continue
        if high.status != 0 or math.floor(-high.fun + _EPSILON) < threshold:
            pinned.append(group[position])
    return pinned


@dataclass(frozen=True)
class SuppressedTable:
    """A table as shown: ``None`` is a hidden count ("<5")."""

    cells: list[list[int | None]]
    row_totals: list[int | None]
    col_totals: list[int | None]
    total: int | None


def suppress_table(
    cells: list[list[int]],
    *,
    threshold: int | None = None,
    row_totals: list[int] | None = None,
    col_totals: list[int] | None = None,
    total: int | None = None,
    cumulative: bool = False,
) -> SuppressedTable:
    """Hide the small counts of a table (rows: periods) and enough others that none can
    be derived from the cells and totals shown.

    Row totals default to the rows' sums. Column totals and the grand total default to
    the columns' sums, or with ``cumulative`` (each row holds everything up to its
    period) to the last row. Give totals that are not these (a distinct count of people
    is not always the sum of its cells)."""
    n_cols = len(cells[0]) if cells else len(col_totals or [])
    row_totals = [sum(row) for row in cells] if row_totals is None else list(row_totals)
    if col_totals is None:
        if cumulative:
            col_totals = list(cells[-1]) if cells else [0] * n_cols
        else:
            col_totals = [sum(row[j] for row in cells) for j in range(n_cols)]
    if total is None:
        total = sum(col_totals)
    release = Release()
    cell_ids = [[release.add(v) for v in row] for row in cells]
    row_ids = [release.add(v, total=True) for v in row_totals]
    col_ids = [release.add(v, total=True) for v in col_totals]
    total_id = release.add(total, total=True)
    release.table(cell_ids, row_ids, col_ids, total_id, cumulative=cumulative)
    hidden = release.protect(threshold=threshold)

    def shown(q: int) -> int | None:
        return None if q in hidden else release.values[q]

    return SuppressedTable(
        cells=[[shown(q) for q in row] for row in cell_ids],
        row_totals=[shown(q) for q in row_ids],
        col_totals=[shown(q) for q in col_ids],
        total=shown(total_id),
    )


def suppress_list(
    values: list[int], total: int | None = None, *, threshold: int | None = None
) -> tuple[list[int | None], int | None]:
    """One list of counts and its total (their sum unless given): the 1-D case."""
    release = Release()
    item_ids = [release.add(v) for v in values]
    total_id = release.add(sum(values) if total is None else total, total=True)
    release.sum_or_bound(total_id, item_ids)
    hidden = release.protect(threshold=threshold)
    return (
        [None if q in hidden else release.values[q] for q in item_ids],
        None if total_id in hidden else release.values[total_id],
    )
