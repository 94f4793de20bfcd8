"""Reads of indicators, each kept to what the reader may see (``programmes.selectors``):
organisers their programmes' indicators, admins all; another programme's is a 404.

The evidence behind a value is the activities it counted, never the people: one line per
activity and kind, grouped in SQL over the rows the stored value counted.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Max, Min, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from programmes.selectors import scope_for

from ..activities import activity_labels
from ..enums import ParticipationKind
from ..models import Indicator
from .compute import indicator_result
from .periods import programme_zone
from .present import may_see_small_cells
from .rules import activity_id_expr, activity_type_expr, indicator_rows
from .types import IndicatorResult


def indicators_visible_to(user) -> QuerySet[Indicator]:
    return scope_for(user).filter(Indicator.objects.all(), "programme")


def indicator_for(user, pk: int) -> Indicator:
    """One indicator ``user`` may see, with its programme; Http404 for any other."""
    return get_object_or_404(indicators_visible_to(user).select_related("programme"), pk=pk)


@dataclass(frozen=True)
class EvidenceRow:
    activity_type_id: int
    activity_id: str
    label: str  # the activity, in the active language
    kind: str  # ParticipationKind value
    kind_label: str
    first_date: date  # in the programme's time zone; the month's first day when hidden
    last_date: date
    rows: int | None  # ledger rows; None: hidden ("<5")
    count: int | None  # their counts added up; None: hidden


def indicator_evidence(
    indicator: Indicator, *, user, result: IndicatorResult | None = None
) -> list[EvidenceRow]:
    """The activities behind ``result`` (default: the stored value), newest first: the
    rule's rows up to the last one it counted, grouped by activity and kind. For anyone
    but the programme's organisers, no activity's numbers are shown at all (``None``),
    and its dates only to the month: one activity's count, set against the values of the
    periods it falls in, would give away another's that was hidden."""
    if not scope_for(user).allows([indicator.programme_id]):
        raise Http404
    result = result or indicator_result(indicator)
    if not result.last_row_id:
        return []
    grouped = (
        indicator_rows(indicator, until_id=result.last_row_id)
        .values("kind", type_id=activity_type_expr(), activity=activity_id_expr())
        .annotate(
            first=Min("occurred_at"),
            last=Max("occurred_at"),
            rows=Count("pk"),
            total=Sum("count"),
        )
        .order_by(F("last").desc(), "kind", "type_id", "activity")
    )
    groups = list(grouped)
    labels = activity_labels((g["type_id"], g["activity"]) for g in groups)
    kinds = dict(ParticipationKind.choices)
    exact = may_see_small_cells(user, indicator.programme)
    zone = programme_zone(indicator.programme)

    def day(instant) -> date:
        local = timezone.localtime(instant, zone).date()
        return local if exact else local.replace(day=1)

    return [
        EvidenceRow(
            activity_type_id=g["type_id"],
            activity_id=g["activity"],
            label=labels[(g["type_id"], g["activity"])],
            kind=g["kind"],
            kind_label=str(kinds.get(g["kind"], g["kind"])),
            first_date=day(g["first"]),
            last_date=day(g["last"]),
            rows=g["rows"] if exact else None,
            count=g["total"] if exact else None,
        )
        for g in groups
    ]
