"""The counting rule of an indicator, as SQL: which ledger rows it counts.

Everything here builds querysets and expressions; nothing loads a ledger row. The rows of
an indicator are its programme's rows (an EXISTS on ``Participation.programmes``, so a row
shared by two programmes is one row) of the rule's kinds, narrowed by its filters. An
empty filter list means "no filter".

Rows written before the ledger recorded activities carry no ``activity_*`` values; for
them the source (a course, an event) stands in as the activity: ``activity_type_expr``,
``activity_id_expr`` and ``activity_key_expr`` say so once, for the filters, the
"activities held" count and the evidence alike.
"""

from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat

from ..enums import ActivityScope, IndicatorMeasure, LedgerBreakdown
from ..models import IndicatorActivity, Participation

# "Activities held" by country or region: where the activity took place (every other
# breakdown, and people by place, read the row's snapshot).
_PLACE_OF_ACTIVITY = {
    LedgerBreakdown.COUNTRY: "activity_country",
    LedgerBreakdown.REGION: "activity_region",
}


def activity_type_expr():
    """The content type of a row's activity: its own, else its source's."""
    return Coalesce(F("activity_type"), F("source_type"))


def activity_id_expr():
    """The id of a row's activity, paired with ``activity_type_expr``."""
    return Case(
        When(activity_type__isnull=True, then=F("source_id")),
        default=F("activity_id"),
        output_field=CharField(),
    )


def activity_key_expr():
    """What tells a row's activity apart from others (an event's occurrences each have
    one): its ``activity_key``, else one built from its source."""
    return Case(
        When(
            activity_key="",
            then=Concat(
                Value("source:"),
                Cast("source_type_id", CharField()),
                Value(":"),
                F("source_id"),
                output_field=CharField(),
            ),
        ),
        default=F("activity_key"),
        output_field=CharField(),
    )


def breakdown_field(indicator, breakdown: str) -> str:
    """The ledger column an indicator's ``breakdown`` groups by. Activities are placed
    where they took place; people by their snapshot."""
    if indicator.measure == IndicatorMeasure.ACTIVITIES and breakdown in _PLACE_OF_ACTIVITY:
        return _PLACE_OF_ACTIVITY[breakdown]
    if breakdown not in LedgerBreakdown.values or not breakdown:
        raise ValueError(breakdown)
    return breakdown


def _chosen_activities(indicator) -> Q:
    """Rows whose activity is one of the indicator's chosen ones: an EXISTS for each form a
    row can take (its own activity, or its source standing in for it)."""
    chosen = IndicatorActivity.objects.filter(indicator_id=indicator.pk)
    own = chosen.filter(
        activity_type_id=OuterRef("activity_type_id"), activity_id=OuterRef("activity_id")
    )
    by_source = chosen.filter(
        activity_type_id=OuterRef("source_type_id"), activity_id=OuterRef("source_id")
    )
    return Q(Exists(own), activity_type__isnull=False) | Q(
        Exists(by_source), activity_type__isnull=True
    )


def indicator_rows(indicator, *, until_id: int | None = None) -> QuerySet[Participation]:
    """The ledger rows ``indicator`` counts; with ``until_id``, only those up to that row
    (the rows a stored value counted: its evidence).

    Countries and regions are the person's (the row's snapshot) or, for "activities
    held", where the activity took place; regions are matched by name, as the ledger keeps
    them. The indicator's regions are read with ``indicator.regions.all()``, so a prefetch
    saves that query.
    """
    through = Participation.programmes.through
    rows = Participation.objects.filter(
        Exists(
            through.objects.filter(
                participation_id=OuterRef("pk"), programme_id=indicator.programme_id
            )
        ),
        kind__in=list(indicator.kinds),
    )
    activities = indicator.measure == IndicatorMeasure.ACTIVITIES
    if indicator.roles:
        rows = rows.filter(role__in=list(indicator.roles))
    if indicator.sectors:
        rows = rows.filter(sector__in=list(indicator.sectors))
    if indicator.countries:
        field = "activity_country" if activities else "country"
        rows = rows.filter(**{f"{field}__in": list(indicator.countries)})
    regions = sorted({region.name for region in indicator.regions.all()})
    if regions:
        field = "activity_region" if activities else "region"
        rows = rows.filter(**{f"{field}__in": regions})
    if indicator.activity_kinds:
        rows = rows.filter(activity_kind__in=list(indicator.activity_kinds))
    if indicator.activity_scope == ActivityScope.CHOSEN:
        rows = rows.filter(_chosen_activities(indicator))
    if until_id is not None:
        rows = rows.filter(pk__lte=until_id)
    return rows
