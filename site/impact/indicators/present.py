"""An indicator's value as a page or a file shows it: labelled in the active language, and
with small numbers hidden for whoever may not see them.

``presented(indicator, result, suppress=...)`` is what the dashboard, the public impact
page and the donor export read. With ``suppress`` every count under the threshold is
``None`` ("<5"), and enough others are hidden that none can be worked out from what the
view shows (``suppression``). The view is protected as a whole, in stages that never undo
an earlier one:

1. the whole-programme value, its ledger part and its manual part;
2. the periods (their values, ledger and manual parts), the stage-1 numbers being their
   totals;
3. the breakdowns: each a table of periods × attribute values whose row totals are the
   periods' ledger parts and whose grand total is the ledger total of stage 1.

A later stage only ever hides its own numbers, so the headline a summary panel shows is
the one the full dashboard shows; stage 3, the costly one, runs only when a page reads
``breakdowns``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import NamedTuple

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

from people.enums import DEMOGRAPHIC_CHOICES, Country, Role, Sector

from ..enums import (
    DEMOGRAPHIC_BREAKDOWNS,
    IndicatorAccumulation,
    LedgerBreakdown,
    LedgerPeriod,
    RagStatus,
)
from .suppression import Release
from .types import IndicatorResult


@dataclass(frozen=True)
class PeriodRow:
    label: str
    start: date  # first day
    end: date  # first day after
    value: int | None  # None: hidden ("<5")
    ledger: int | None
    manual: int | None
    target: int | None


class BreakdownRow(NamedTuple):
    label: str
    cells: tuple[int | None, ...]  # one per column of the table
    total: int | None  # counted on the platform (manual entries have no breakdown)


@dataclass(frozen=True)
class BreakdownTable:
    key: str  # LedgerBreakdown value
    label: str
    columns: tuple[tuple[str, str], ...]  # (value, label); "" is "not known"
    rows: tuple[BreakdownRow, ...]  # one per period
    totals: BreakdownRow  # the whole programme


@dataclass(frozen=True)
class IndicatorView:
    indicator_id: int
    value: int | None  # ledger + manual; None: hidden
    ledger: int | None
    manual: int | None
    baseline: int
    target: int | None
    expected: int | None  # what the target calls for by now
    progress_percent: int | None  # value / target, at most 100 (a bar's length)
    rag: str
    rag_label: str
    periods: tuple[PeriodRow, ...]
    suppressed: bool  # small numbers are hidden in this view
    threshold: int
    computed_at: datetime
    _breakdowns: Callable[[], tuple[BreakdownTable, ...]] = field(repr=False, compare=False)

    @cached_property
    def breakdowns(self) -> tuple[BreakdownTable, ...]:
        return self._breakdowns()


def may_see_small_cells(user, programme) -> bool:
    """Only the programme's own organisers see exact small numbers; everyone else,
    admins included, sees "<5"."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return programme.organisers.filter(pk=user.pk).exists()


def period_label(start: date, kind: str) -> str:
    """ "March 2026", "2026 Q3" or "2026", in the active language."""
    if kind == LedgerPeriod.MONTH:
        return formats.date_format(start, "YEAR_MONTH_FORMAT")
    if kind == LedgerPeriod.QUARTER:
        return _("%(year)s Q%(quarter)s") % {
            "year": start.year,
            "quarter": (start.month - 1) // 3 + 1,
        }
    return str(start.year)


def _value_labels(breakdown: str) -> dict[str, str]:
    choices = {
        LedgerBreakdown.ROLE: Role,
        LedgerBreakdown.SECTOR: Sector,
        LedgerBreakdown.COUNTRY: Country,
        **{LedgerBreakdown(str(key)): value for key, value in DEMOGRAPHIC_CHOICES.items()},
    }.get(breakdown)
    return {value: str(label) for value, label in choices.choices} if choices else {}


def breakdown_columns(breakdown: str, present: set[str]) -> tuple[tuple[str, str], ...]:
    """The columns of a breakdown: a demographic's every answer in the questionnaire's
    order (a 0 is a count too), otherwise the values counted, by label; "not known" last."""
    labels = _value_labels(breakdown)
    if breakdown in DEMOGRAPHIC_BREAKDOWNS:
        values = [*labels, ""]
    else:
        values = sorted(present - {""}, key=lambda v: (labels.get(v, v).casefold(), v))
        if "" in present:
            values.append("")
    return tuple((v, labels.get(v, v) if v else _("Not known")) for v in values)


class _Stages:
    """The quantities of one view in a ``Release``, stage by stage (see the module's
    docstring)."""

    def __init__(self, result: IndicatorResult, *, cumulative: bool, threshold: int):
        self.result = result
        self.cumulative = cumulative
        self.threshold = threshold
        self.release = Release()
        add = self.release.add
        # Stage 1: the whole programme.
        self.value = add(result.value, total=True)
        self.ledger = add(result.ledger, total=True)
        self.manual = add(result.manual, total=True)
        self.release.sum_or_bound(self.value, [self.ledger, self.manual])
        self.hidden = self.release.protect(threshold=threshold)
        # Stage 2: the periods.
        decided = self._decided()
        periods = result.periods
        self.period_ledger = [add(p.ledger) for p in periods]
        self.period_manual = [add(p.manual) for p in periods]
        self.period_value = [add(p.value, total=True) for p in periods]
        self.release.table(
            [[lg, mn] for lg, mn in zip(self.period_ledger, self.period_manual, strict=True)],
            self.period_value,
            [self.ledger, self.manual],
            self.value,
            cumulative=cumulative,
        )
        self.hidden = self.release.protect(threshold=threshold, fixed=decided)

    def _decided(self) -> dict[int, bool]:
        """Every quantity so far, and whether it is hidden: later stages keep them so."""
        return {q: q in self.hidden for q in range(len(self.release.values))}

    def shown(self, q: int) -> int | None:
        return None if q in self.hidden else self.release.values[q]

    def breakdowns(self, columns: dict[str, tuple[str, ...]]) -> dict[str, tuple]:
        """Stage 3: {breakdown: (cells per period, whole-programme cells)} as shown."""
        decided = self._decided()
        tables = {}
        for key, values in columns.items():
            whole = self.result.cells.get(key, {})
            cells = [
                [self.release.add(p.cells.get(key, {}).get(v, 0)) for v in values]
                for p in self.result.periods
            ]
            col_totals = [self.release.add(whole.get(v, 0), total=True) for v in values]
            self.release.table(
                cells, self.period_ledger, col_totals, self.ledger, cumulative=self.cumulative
            )
            tables[key] = (cells, col_totals)
        self.hidden = self.release.protect(threshold=self.threshold, fixed=decided)
        return {
            key: (
                [[self.shown(q) for q in row] for row in cells],
                [self.shown(q) for q in col_totals],
            )
            for key, (cells, col_totals) in tables.items()
        }


def presented(indicator, result: IndicatorResult, *, suppress: bool) -> IndicatorView:
    """``result`` as ``indicator``'s pages and files show it; ``suppress`` hides small
    numbers (see ``may_see_small_cells``)."""
    threshold = settings.LINKAGE_SMALL_COUNT_THRESHOLD
    cumulative = indicator.accumulation == IndicatorAccumulation.CUMULATIVE
    if suppress:
        stages = _Stages(result, cumulative=cumulative, threshold=threshold)
        value, ledger, manual = map(stages.shown, (stages.value, stages.ledger, stages.manual))
        by_period = [
            tuple(map(stages.shown, quantities))
            for quantities in zip(
                stages.period_value, stages.period_ledger, stages.period_manual, strict=True
            )
        ]
    else:
        stages = None
        value, ledger, manual = result.value, result.ledger, result.manual
        by_period = [(p.value, p.ledger, p.manual) for p in result.periods]
    periods = tuple(
        PeriodRow(
            label=period_label(p.start, indicator.period),
            start=p.start,
            end=p.end,
            value=shown[0],
            ledger=shown[1],
            manual=shown[2],
            target=p.target,
        )
        for p, shown in zip(result.periods, by_period, strict=True)
    )
    progress = None
    if value is not None and result.target:
        progress = min(100, round(100 * value / result.target))

    def breakdowns() -> tuple[BreakdownTable, ...]:
        return _breakdown_tables(indicator, result, periods, stages, ledger)

    # A hidden value hides its status and what was expected by now too: with the target
    # and the thresholds known, "Slightly behind" with "expected 4" pins a value of 3.
    hidden = value is None
    return IndicatorView(
        indicator_id=indicator.pk,
        value=value,
        ledger=ledger,
        manual=manual,
        baseline=result.baseline,
        target=result.target,
        expected=None if hidden else result.expected,
        progress_percent=progress,
        rag=RagStatus.NONE if hidden else result.rag,
        rag_label=_("Not shown: it would reveal a small number")
        if hidden
        else str(RagStatus(result.rag).label),
        periods=periods,
        suppressed=suppress,
        threshold=threshold,
        computed_at=result.computed_at,
        _breakdowns=breakdowns,
    )


def _breakdown_tables(indicator, result, periods, stages, ledger) -> tuple[BreakdownTable, ...]:
    keys = [key for key in indicator.breakdowns if key in result.cells]
    columns = {}
    for key in keys:
        present = set(result.cells[key])
        for period in result.periods:
            present |= set(period.cells.get(key, {}))
        columns[key] = breakdown_columns(key, present)
    if stages:
        shown = stages.breakdowns({key: tuple(v for v, _label in columns[key]) for key in keys})
    else:
        shown = {
            key: (
                [
                    [p.cells.get(key, {}).get(v, 0) for v, _l in columns[key]]
                    for p in result.periods
                ],
                [result.cells[key].get(v, 0) for v, _l in columns[key]],
            )
            for key in keys
        }
    tables = []
    for key in keys:
        cells, whole = shown[key]
        rows = tuple(
            BreakdownRow(period.label, tuple(row), period.ledger)
            for period, row in zip(periods, cells, strict=True)
        )
        tables.append(
            BreakdownTable(
                key=key,
                label=str(LedgerBreakdown(key).label),
                columns=columns[key],
                rows=rows,
                totals=BreakdownRow(_("Whole programme"), tuple(whole), ledger),
            )
        )
    return tuple(tables)
