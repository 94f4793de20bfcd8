"""Reads of the ledger. Aggregation happens in SQL."""

from django.db.models import Sum

from .models import Participation


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
    """Public statistics hide counts at or below the threshold (None means "hidden")."""
    from django.conf import settings

    limit = settings.LINKAGE_SMALL_COUNT_THRESHOLD if threshold is None else threshold
    return None if 0 < value <= limit else value
