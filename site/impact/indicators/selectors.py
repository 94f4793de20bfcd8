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
from .suppression import suppress_list
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
    first_date: date  # in the programme's time zone
    last_date: date
    rows: int | None  # ledger rows; None: hidden ("<5")
    count: int | None  # their counts added up


def indicator_evidence(
    indicator: Indicator, *, user, result: IndicatorResult | None = None
) -> list[EvidenceRow]:
    """The activities behind ``result`` (default: the stored value), newest first: the
    rule's rows up to the last one it counted, grouped by activity and kind. For anyone
    but the programme's organisers, small numbers are hidden as in the value itself."""
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
    rows = [g["rows"] for g in groups]
    counts = [g["total"] for g in groups]
    if not may_see_small_cells(user, indicator.programme):
        rows, _total = suppress_list(rows)
        counts, _total = suppress_list(counts)
    zone = programme_zone(indicator.programme)
    return [
        EvidenceRow(
            activity_type_id=g["type_id"],
            activity_id=g["activity"],
            label=labels[(g["type_id"], g["activity"])],
            kind=g["kind"],
            kind_label=str(kinds.get(g["kind"], g["kind"])),
            first_date=timezone.localtime(g["first"], zone).date(),
            last_date=timezone.localtime(g["last"], zone).date(),
            rows=row_count,
            count=count,
        )
        for g, row_count, count in zip(groups, rows, counts, strict=True)
    ]
