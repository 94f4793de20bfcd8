"""What computing an indicator gives (``compute.indicator_compute``), kept as JSON in
``IndicatorValue`` and read by the dashboard, the public page and the donor export.

Nothing here is suppressed: ``present.presented`` hides small cells for whoever may not
see them. ``cells`` are per breakdown (``LedgerBreakdown`` value: "gender", "region", ...),
then per attribute value ("" is "not known"), counts as the indicator's measure counts.
"""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class PeriodValue:
    start: date  # first day of the period, in the programme's time zone
    end: date  # first day after it
    value: int  # ledger + manual: cumulative to the end of the period, or within it
    ledger: int  # counted from the ledger
    manual: int  # from approved manual entries
    target: int | None  # the period's own target, if one was set
    cells: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class IndicatorResult:
    indicator_id: int
    value: int  # the whole programme so far: ledger + manual
    ledger: int
    manual: int
    baseline: int
    target: int | None
    periods: tuple[PeriodValue, ...]
    # The whole programme so far, per breakdown and attribute value (ledger rows only;
    # manual entries carry no disaggregation and count under "" in no breakdown).
    cells: dict[str, dict[str, int]]
    last_row_id: int  # the newest ledger row counted: the evidence is the rule's rows up to it
    computed_at: datetime
    rag: str  # RagStatus value
    expected: int | None  # what the target called for by now (time elapsed × target)

    @property
    def progress(self) -> float | None:
        """value / target (may exceed 1), None without a target."""
        if not self.target:
            return None
        return self.value / self.target
