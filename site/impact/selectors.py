"""Reads of the ledger. Aggregation happens in SQL.

Who may see what, in one place:

* ``participation_visible_to(user=...)`` is the set of ledger rows whose numbers a person
  may see at all. Every other read starts from it. An organiser counts only the rows of
  their own programmes (``Participation.programmes``, as ``programmes.selectors`` says);
  an admin counts everything.
* Organisers see the ledger only as aggregates (``participation_summary``): counts by kind
  and period, broken down by one attribute at a time; a breakdown by a demographic hides
  small counts (under ``LINKAGE_SMALL_COUNT_THRESHOLD``).
* Row-level reads are for admins (``participation_person_rows``), and carry the person or
  the demographics, never both: the consent text promises that gender, age band and
  migrant background are used only in statistics without a name.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear

from .enums import DEMOGRAPHIC_BREAKDOWNS, LedgerBreakdown, LedgerPeriod, ParticipationKind
from .models import Participation

DEMOGRAPHIC_FIELDS = tuple(str(b) for b in DEMOGRAPHIC_BREAKDOWNS)
# What an admin's row-level view and export of the ledger may show: the person and the
# coarse attributes, never a demographic (tests/impact/test_admin.py holds it to this).
PERSON_ROW_FIELDS = (
    "person",
    "kind",
    "occurred_at",
    "count",
    "role",
    "sector",
    "country",
    "region",
)
_TRUNC = {
    LedgerPeriod.MONTH: TruncMonth,
    LedgerPeriod.QUARTER: TruncQuarter,
    LedgerPeriod.YEAR: TruncYear,
}


def participation_totals(*, person=None) -> dict[str, int]:
    """Sum of counts per kind, for everyone or for one person."""
    rows = Participation.objects.all()
    if person is not None:
        rows = rows.filter(person=person)
    return {
        row["kind"]: row["total"]
        for row in rows.values("kind").annotate(total=Sum("count")).order_by("kind")
    }


def suppress_small(value: int, *, threshold: int | None = None) -> int | None:
    """Public statistics hide counts under the threshold (None means "hidden"): with the
    default of 5, a count from 1 to 4 shows as "<5"; 0 is shown."""
    limit = settings.LINKAGE_SMALL_COUNT_THRESHOLD if threshold is None else threshold
    return None if 0 < value < limit else value


def _in_programmes(rows: QuerySet[Participation], programme_ids) -> QuerySet[Participation]:
    """``rows`` that belong to any of ``programme_ids``: an EXISTS on the link table, so a
    row of two of them is still one row, counted once."""
    through = Participation.programmes.through
    return rows.filter(
        Exists(
            through.objects.filter(
                participation_id=OuterRef("pk"), programme_id__in=list(programme_ids)
            )
        )
    )


def participation_visible_to(*, user, programme=None) -> QuerySet[Participation]:
    """The ledger rows whose numbers ``user`` may see (in aggregate): for an organiser, the
    rows of their programmes; all of them for an admin; none for anyone without
    ``impact.view_participation``. ``programme`` narrows to one programme (one of the
    user's own: any other gives nothing)."""
    from programmes.selectors import scope_for

    if not (user and user.is_active and user.has_perm("impact.view_participation")):
        return Participation.objects.none()
    scope = scope_for(user)
    rows = Participation.objects.all()
    if programme is not None:
        programme_id = getattr(programme, "pk", programme)
        if not scope.allows([programme_id]):
            return Participation.objects.none()
        return _in_programmes(rows, [programme_id])
    if scope.everything:
        return rows
    if scope.nothing:
        return Participation.objects.none()
    return _in_programmes(rows, scope.programme_ids)


def ledger_rows_allowed(user) -> bool:
    """Only admins read the ledger row by row."""
    return bool(user and user.is_active and user.is_superuser)


def participation_person_rows(*, user) -> QuerySet[Participation]:
    """Ledger rows with the person, for an admin: demographics are not even loaded."""
    if not ledger_rows_allowed(user):
        raise PermissionDenied
    return (
        participation_visible_to(user=user)
        .select_related("person__profile")
        .defer(*DEMOGRAPHIC_FIELDS)
    )


def person_participation_data(user) -> list[dict]:
    """A person's own ledger rows, for their data export (people.hooks data section)."""
    return [
        {
            "kind": row.kind,
            "occurred_at": row.occurred_at.isoformat(),
            "source": f"{row.source_type.app_label}.{row.source_type.model}:{row.source_id}",
            "snapshot": {
                "role": row.role,
                "sector": row.sector,
                "country": row.country,
                "region": row.region,
                "gender": row.gender,
                "age_band": row.age_band,
                "migrant_background": row.migrant_background,
            },
        }
        for row in Participation.objects.filter(person=user).select_related("source_type")
    ]


@dataclass(frozen=True)
class SummaryRow:
    kind: str
    period: date
    total: int | None
    cells: tuple[int | None, ...]  # one per column of the summary; None means hidden

    @property
    def kind_label(self) -> str:
        return str(dict(ParticipationKind.choices).get(self.kind, self.kind))


@dataclass(frozen=True)
class LedgerSummary:
    period: str
    breakdown: str
    columns: tuple[tuple[str, str], ...]  # (value, label); "" is "not known"
    rows: tuple[SummaryRow, ...]
    suppressed: bool  # small counts are hidden in this summary
    threshold: int


def _column_labels(breakdown: str, present: set[str]) -> tuple[tuple[str, str], ...]:
    from django.utils.translation import gettext as _

    from people.enums import DEMOGRAPHIC_CHOICES, Country, Role, Sector

    choices = {
        LedgerBreakdown.ROLE: Role,
        LedgerBreakdown.SECTOR: Sector,
        LedgerBreakdown.COUNTRY: Country,
        **{LedgerBreakdown(str(k)): v for k, v in DEMOGRAPHIC_CHOICES.items()},
    }.get(breakdown)
    labels = dict(choices.choices) if choices else {}
    if breakdown in DEMOGRAPHIC_BREAKDOWNS:
        # Every answer is a column (a zero is a count too), in the questionnaire's order.
        values = [*labels, ""]
    else:
        values = sorted(present - {""}, key=lambda v: str(labels.get(v, v))) + (
            [""] if "" in present else []
        )
    return tuple((v, str(labels.get(v, v)) if v else _("Not known")) for v in values)


def _suppress_row(cells: list[int], total: int, limit: int) -> tuple[list[int | None], int | None]:
    """Hide the small cells of one row, and enough others that none can be worked out by
    subtracting the shown cells from the total."""
    hidden = {i for i, v in enumerate(cells) if 0 < v < limit}
    if len(hidden) == 1:
        others = sorted((v, i) for i, v in enumerate(cells) if i not in hidden)
        if others:
            hidden.add(others[0][1])
        else:
            return [None], None
    return [None if i in hidden else v for i, v in enumerate(cells)], total


def participation_summary(
    *,
    user,
    period: str = LedgerPeriod.MONTH,
    breakdown: str = LedgerBreakdown.NONE,
    programme=None,
) -> LedgerSummary:
    """Counts by kind and period, disaggregated by one attribute: the organisers' ledger,
    for all the user's programmes or for one (``programme``).

    Broken down by a demographic, counts under ``LINKAGE_SMALL_COUNT_THRESHOLD`` (1 to 4
    with the default of 5) are hidden (for admins too: this table is what gets shared),
    with secondary suppression.
    """
    if period not in LedgerPeriod.values:
        raise ValueError(period)
    if breakdown not in LedgerBreakdown.values:
        raise ValueError(breakdown)
    limit = settings.LINKAGE_SMALL_COUNT_THRESHOLD
    group = ["kind", "when"] + ([breakdown] if breakdown else [])
    aggregated = (
        participation_visible_to(user=user, programme=programme)
        .annotate(when=_TRUNC[period]("occurred_at"))
        .values(*group)
        .annotate(total=Sum("count"))
        .order_by("-when", "kind")
    )
    counts: dict[tuple[str, date], dict[str, int]] = {}
    present: set[str] = set()
    for row in aggregated:
        when = row["when"].date() if hasattr(row["when"], "date") else row["when"]
        value = row[breakdown] if breakdown else ""
        present.add(value)
        cell = counts.setdefault((row["kind"], when), {})
        cell[value] = cell.get(value, 0) + row["total"]
    columns = _column_labels(breakdown, present) if breakdown else ()
    suppressed = breakdown in DEMOGRAPHIC_BREAKDOWNS
    rows = []
    for (kind, when), by_value in sorted(
        counts.items(), key=lambda i: (-i[0][1].toordinal(), i[0][0])
    ):
        total = sum(by_value.values())
        cells = [by_value.get(value, 0) for value, _label in columns]
        shown, shown_total = _suppress_row(cells, total, limit) if suppressed else (cells, total)
        rows.append(SummaryRow(kind=kind, period=when, total=shown_total, cells=tuple(shown)))
    return LedgerSummary(
        period=period,
        breakdown=breakdown,
        columns=columns,
        rows=tuple(rows),
        suppressed=suppressed,
        threshold=limit,
    )
