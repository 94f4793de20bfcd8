"""Indicator values, counted in SQL over the ledger, and their cache (``IndicatorValue``).

One query gives an indicator's whole-programme value and every period's; one more per
breakdown gives the same per attribute value; one reads the approved manual entries. No
ledger row is ever loaded into Python, and the number of queries does not depend on the
number of rows.

Distinct counts ("people", "activities held") over many periods are not written as one
``COUNT(DISTINCT ...)`` per period: each would sort the rows again. The ledger rows are
first reduced to one row per subject (a person, an activity) with the index of the first
period it appears in, or one per subject and period; an outer query then adds them up per
period (cumulative: first period ≤ i; per period: period = i). A deleted person keeps one
``deleted:<token>`` key across their rows, so they are still counted once; an anonymous
aggregate row (``aggregate:...``) adds its own count.
"""

import logging
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, datetime

from django.db import IntegrityError, connection, transaction
from django.db.models import (
    Case,
    CharField,
    F,
    IntegerField,
    Max,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone

from ..enums import IndicatorAccumulation, IndicatorMeasure, ManualEntryStatus
from ..models import Indicator, IndicatorValue, ManualEntry
from .periods import period_bounds, programme_periods, programme_today, programme_zone
from .rag import rag_status
from .rules import activity_key_expr, breakdown_field, indicator_rows
from .types import IndicatorResult, PeriodValue

# Bump when the stored shape changes: older values are then computed again.
DATA_VERSION = 1
AGGREGATE_PREFIX = "aggregate:"
logger = logging.getLogger(__name__)


# --- SQL -------------------------------------------------------------------------------------


def _period_index(bounds: list[tuple[datetime, datetime]]):
    """Which period a row falls in: -1 before the first, ``len(bounds)`` after the last."""
    if not bounds:
        return Value(0)
    whens = [When(occurred_at__lt=bounds[0][0], then=Value(-1))]
    whens += [When(occurred_at__lt=end, then=Value(i)) for i, (_start, end) in enumerate(bounds)]
    return Case(*whens, default=Value(len(bounds)), output_field=IntegerField())


def _subject(measure: str):
    """What a distinct count counts once, and how much each counts.

    People: the subject key (``person:<pk>``, ``deleted:<token>``); an anonymous
    aggregate row is a subject of its own (keyed by its id) weighing its ``count``. A
    person's rows all count one, so the largest ``count`` of a subject is its weight.
    Activities: the activity's key, weighing one."""
    if measure == IndicatorMeasure.ACTIVITIES:
        return activity_key_expr(), None
    subject = Case(
        When(
            subject_key__startswith=AGGREGATE_PREFIX,
            then=Concat(Value("row:"), Cast("pk", CharField()), output_field=CharField()),
        ),
        default=F("subject_key"),
        output_field=CharField(),
    )
    return subject, Max("count")


def _inner(rows: QuerySet, indicator, bounds, field: str | None) -> QuerySet:
    """The ledger rows reduced, in SQL, to one row per subject (per subject and period
    when counting per period), or for a sum of counts to one row per period; per
    attribute value (``attr``) for a breakdown. Columns: ``period``, ``weight`` (absent:
    each counts one), ``last`` (the newest row id), and ``subject`` for distinct counts."""
    group = {"attr": F(field)} if field else {}
    period = _period_index(bounds)
    if indicator.measure == IndicatorMeasure.COUNT:
        inner = rows.values(**group, period=period).annotate(weight=Sum("count"), last=Max("pk"))
        return inner.order_by()
    subject, weight = _subject(indicator.measure)
    weights = {"weight": weight} if weight is not None else {}
    if indicator.accumulation == IndicatorAccumulation.CUMULATIVE:
        inner = rows.values(**group, subject=subject).annotate(
            period=Min(period), last=Max("pk"), **weights
        )
    else:
        inner = rows.values(**group, subject=subject, period=period).annotate(
            last=Max("pk"), **weights
        )
    return inner.order_by()


def _outer_sql(indicator, inner: QuerySet, n_periods: int, grouped: bool) -> tuple[str, list]:
    """The query adding ``inner`` up: ([attr,] total, last row id, one column per period).
    Cumulative, a period counts every subject first seen in it or before (a subject's
    ``period`` is its first); per period, those seen in it."""
    q = connection.ops.quote_name
    annotations = inner.query.annotations
    weight = f"t.{q('weight')}" if "weight" in annotations else "1"
    period = f"t.{q('period')}"
    cumulative = indicator.accumulation == IndicatorAccumulation.CUMULATIVE
    if "subject" in annotations and not cumulative:
        # Each subject once overall, though it has a row per period: people and
        # activities count one each, an aggregate row its weight (it is a subject of
        # its own, in one period only).
        total = f"COUNT(DISTINCT t.{q('subject')}) + COALESCE(SUM({weight}), 0) - COUNT(*)"
    else:
        total = f"COALESCE(SUM({weight}), 0)"
    compare = "<=" if cumulative else "="
    columns = [total, f"MAX(t.{q('last')})"]
    columns += [
        f"COALESCE(SUM(CASE WHEN {period} {compare} {i} THEN {weight} ELSE 0 END), 0)"
        for i in range(n_periods)
    ]
    inner_sql, params = inner.query.sql_with_params()
    # Only our own column names and integers go into the text; values are parameters.
    select = ", ".join(columns)
    if grouped:
        attr = f"t.{q('attr')}"
        sql = f"SELECT {attr}, {select} FROM ({inner_sql}) t GROUP BY {attr}"  # noqa: S608
    else:
        sql = f"SELECT {select} FROM ({inner_sql}) t"  # noqa: S608
    return sql, list(params)


def _ledger_counts(indicator, bounds, *, until_id=None, breakdown=None) -> dict:
    """{attribute value (None without ``breakdown``): (total, last row id, [per period])}."""
    rows = indicator_rows(indicator, until_id=until_id)
    field = breakdown_field(indicator, breakdown) if breakdown else None
    inner = _inner(rows, indicator, bounds, field)
    sql, params = _outer_sql(indicator, inner, len(bounds), grouped=field is not None)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        records = cursor.fetchall()
    counts = {}
    for record in records:
        key, (total, last, *periods) = (record[0], record[1:]) if field else (None, record)
        counts[key] = (int(total), last, [int(v) for v in periods])
    return counts


def _manual_counts(indicator, periods, cumulative: bool) -> tuple[int, list[int]]:
    """Approved manual entries: the total, and per period (each in the period holding its
    last day; cumulative: in every period from then on)."""
    windows = {}
    for i, (start, end) in enumerate(periods):
        window = (
            Q(period_end__lt=end) if cumulative else Q(period_end__gte=start, period_end__lt=end)
        )
        windows[f"p{i}"] = Coalesce(Sum("value", filter=window), 0)
    sums = ManualEntry.objects.filter(
        indicator_id=indicator.pk, status=ManualEntryStatus.APPROVED
    ).aggregate(total=Coalesce(Sum("value"), 0), **windows)
    return int(sums["total"]), [int(sums[f"p{i}"]) for i in range(len(periods))]


# --- Computing -------------------------------------------------------------------------------


def indicator_compute(indicator: Indicator, *, today: date | None = None) -> IndicatorResult:
    """The indicator's value now, from the ledger and the approved manual entries.

    Queries: the programme (unless loaded), the regions and period targets (unless
    prefetched), the first row's date (only for a programme without a start date), one
    for the values, one per breakdown, one for the manual entries.
    """
    # Stamped before counting: an indicator changed while this runs is newer than the
    # result, which is then computed again on the next read.
    started = timezone.now()
    # Every query below reads them: load them once (nothing to do when prefetched).
    prefetch_related_objects([indicator], "regions", "period_targets")
    programme = indicator.programme
    zone = programme_zone(programme)
    today = today or programme_today(programme)
    first = None
    if programme.starts_on is None:
        earliest = indicator_rows(indicator).aggregate(first=Min("occurred_at"))["first"]
        first = timezone.localtime(earliest, zone).date() if earliest else None
    periods = programme_periods(programme, indicator.period, today=today, first=first)
    bounds = period_bounds(periods, zone)
    cumulative = indicator.accumulation == IndicatorAccumulation.CUMULATIVE

    # Without a GROUP BY the outer query gives one row, rows or none.
    ledger_total, last_row_id, ledger_periods = _ledger_counts(indicator, bounds)[None]
    last_row_id = last_row_id or 0
    whole_cells: dict[str, dict[str, int]] = {}
    period_cells: list[dict[str, dict[str, int]]] = [{} for _ in periods]
    for breakdown in indicator.breakdowns:
        whole_cells[breakdown] = {}
        for period in period_cells:
            period[breakdown] = {}
        if not last_row_id:
            continue
        counts = _ledger_counts(indicator, bounds, until_id=last_row_id, breakdown=breakdown)
        for attr, (total, _last, values) in sorted(counts.items()):
            if total:
                whole_cells[breakdown][attr] = total
            for period, value in zip(period_cells, values, strict=True):
                if value:
                    period[breakdown][attr] = value

    manual_total, manual_periods = _manual_counts(indicator, periods, cumulative)
    targets = {target.period_start: target.target for target in indicator.period_targets.all()}
    period_values = tuple(
        PeriodValue(
            start=start,
            end=end,
            value=ledger + manual,
            ledger=ledger,
            manual=manual,
            target=targets.get(start),
            cells=cells,
        )
        for (start, end), ledger, manual, cells in zip(
            periods, ledger_periods, manual_periods, period_cells, strict=True
        )
    )
    value = ledger_total + manual_total
    rag, expected = rag_status(
        value=value,
        target=indicator.target,
        starts_on=programme.starts_on,
        ends_on=programme.ends_on,
        today=today,
    )
    return IndicatorResult(
        indicator_id=indicator.pk,
        value=value,
        ledger=ledger_total,
        manual=manual_total,
        baseline=indicator.baseline,
        target=indicator.target,
        periods=period_values,
        cells=whole_cells,
        last_row_id=last_row_id,
        computed_at=started,
        rag=str(rag),
        expected=expected,
    )


# --- The cache -------------------------------------------------------------------------------


def result_to_data(result: IndicatorResult) -> dict:
    """``result`` as ``IndicatorValue.data`` keeps it (JSON: dates as ISO strings)."""
    data = asdict(result)
    data["computed_at"] = result.computed_at.isoformat()
    data["periods"] = [
        {**period, "start": period["start"].isoformat(), "end": period["end"].isoformat()}
        for period in data["periods"]
    ]
    data["version"] = DATA_VERSION
    return data


def result_from_data(data: dict) -> IndicatorResult:
    """The ``IndicatorResult`` that ``result_to_data`` kept."""
    fields = {key: value for key, value in data.items() if key != "version"}
    fields["computed_at"] = datetime.fromisoformat(data["computed_at"])
    fields["periods"] = tuple(
        PeriodValue(
            **{
                **period,
                "start": date.fromisoformat(period["start"]),
                "end": date.fromisoformat(period["end"]),
            }
        )
        for period in data["periods"]
    )
    return IndicatorResult(**fields)


def _stored(indicator: Indicator) -> IndicatorResult | None:
    """The cached result, unless there is none, it is of an older shape, or the indicator
    (its rule, targets, regions or activities, all saved with it) changed since."""
    try:
        computed = indicator.computed
    except IndicatorValue.DoesNotExist:
        return None
    if computed.data.get("version") != DATA_VERSION:
        return None
    if indicator.updated_at and computed.computed_at < indicator.updated_at:
        return None
    return result_from_data(computed.data)


def _figures(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "computed_at"}


def _store(pairs: list[tuple[Indicator, IndicatorResult]]) -> None:
    """Keep the results. A value whose figures changed is saved through the ORM: that is
    what tells listeners (the public pages' cache) that the figures changed. One whose
    figures did not (the beat's recount, most of the time) only gets its new time, with
    an UPDATE that sends no signal, so a quiet quarter of an hour empties no cache."""
    if not pairs:
        return
    existing = {
        value.indicator_id: value
        for value in IndicatorValue.objects.filter(indicator__in=[i.pk for i, _r in pairs])
    }
    alive = set(Indicator.objects.filter(pk__in=[i.pk for i, _r in pairs]).values_list("pk"))
    for indicator, result in pairs:
        # An indicator deleted while it was counted is skipped; one deleted after the
        # look above fails its own INSERT (a foreign key to nothing, on PostgreSQL), in
        # its own savepoint, not the rest of the batch.
        try:
            if (indicator.pk,) not in alive:
                raise IntegrityError(indicator.pk)
            with transaction.atomic():
                _store_one(indicator, result, existing.get(indicator.pk))
        except IntegrityError:
            logger.info("Indicator %s was deleted while it was counted: not stored", indicator.pk)


def _store_one(indicator: Indicator, result: IndicatorResult, current) -> None:
    data = result_to_data(result)
    if current is not None and _figures(current.data) == _figures(data):
        IndicatorValue.objects.filter(pk=current.pk).update(
            data=data, computed_at=result.computed_at
        )
        current.data, current.computed_at = data, result.computed_at
        indicator.computed = current
        return
    indicator.computed, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator,
        defaults={
            "data": data,
            "last_row_id": result.last_row_id,
            "computed_at": result.computed_at,
        },
    )


def indicator_result(indicator: Indicator) -> IndicatorResult:
    """The indicator's cached value; computed and stored if there is none yet (or the
    indicator changed since)."""
    result = _stored(indicator)
    if result is None:
        result = indicator_compute(indicator)
        _store([(indicator, result)])
    return result


def programme_results(programme) -> list[tuple[Indicator, IndicatorResult]]:
    """Every indicator of ``programme`` with its cached value, in the programme's order:
    one query when all are cached."""
    indicators = list(
        Indicator.objects.filter(programme=programme)
        .select_related("computed")
        .order_by("sort_order", "pk")
    )
    results, missing = [], []
    for indicator in indicators:
        indicator.programme = programme
        result = _stored(indicator)
        if result is None:
            result = indicator_compute(indicator)
            missing.append((indicator, result))
        results.append((indicator, result))
    _store(missing)
    return results


def indicators_refresh(*, programme_ids: Iterable[int] | None = None) -> int:
    """Compute the indicators of ``programme_ids`` (all when None) again and store them.
    Returns how many were computed."""
    indicators = Indicator.objects.select_related("programme").prefetch_related(
        "regions", "period_targets"
    )
    if programme_ids is not None:
        indicators = indicators.filter(programme_id__in=list(programme_ids))
    pairs = [(indicator, indicator_compute(indicator)) for indicator in indicators]
    _store(pairs)
    return len(pairs)
