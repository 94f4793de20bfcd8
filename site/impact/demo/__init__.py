"""The demo programmes' indicators (``content``), counted from the demo's activity: a step
of `linkage_demo` that runs after every feature app's step.

Each indicator gets its milestones (targets per period) placed in its programme's own
reporting periods, from the programme's real dates. Lithuania's radio audience is a manual
entry approved by its second organiser; Kosovo's waits for approval (its programme has one
organiser: an admin decides). The values are computed again at the end.

Idempotent: indicators are found by programme and reference, targets by period, manual
entries by their note; a second run changes nothing unless the programme's dates moved.
Nothing here imports a feature app: the rules name the activity kinds the apps write
(``impact.activities``) as plain strings.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from home.demo_data import register_demo_step
from programmes.models import Programme

from ..enums import IndicatorAccumulation, IndicatorLevel, LedgerPeriod, ManualEntryStatus
from ..indicators.compute import indicators_refresh
from ..indicators.periods import programme_periods, programme_today
from ..indicators.services import manual_entry_approve, manual_entry_submit
from ..models import Indicator, IndicatorTarget, ManualEntry
from .content import INDICATORS, MANUAL_ENTRIES

CUMULATIVE, PER_PERIOD = IndicatorAccumulation.CUMULATIVE, IndicatorAccumulation.PER_PERIOD


def _month_start(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, 1)


def _months(start: date, end: date) -> int:
    """Whole or started months from ``start`` to ``end`` (exclusive), at least one."""
    return max(1, (end.year - start.year) * 12 + end.month - start.month + (end.day > 1))


def period_targets(programme: Programme, spec: dict) -> dict[date, int]:
    """{period start: target}: for a per-period indicator every period's share of the
    target (by the months of the programme it covers, adding up to the target); for a
    cumulative one the milestone at the end of each programme year, and the target in the
    last period."""
    starts_on, ends_on, target = programme.starts_on, programme.ends_on, spec["target"]
    if starts_on is None or ends_on is None or not target:
        return {}
    periods = programme_periods(programme, spec.get("period", LedgerPeriod.QUARTER), today=ends_on)
    total = _months(starts_on, ends_on + timedelta(days=1))
    targets: dict[date, int] = {}
    after = ends_on + timedelta(days=1)
    if spec.get("accumulation", CUMULATIVE) == PER_PERIOD:
        months = given = 0
        for start, end in periods:
            months += _months(max(start, starts_on), min(end, after))
            targets[start] = round(target * months / total) - given
            given += targets[start]
        return targets
    # The first day after each programme year, and after its end.
    year_ends = [_month_start(starts_on, 12 * year) for year in range(1, total // 12 + 1)]
    for year_end in sorted({min(day, after) for day in [*year_ends, after]}):
        last_day = year_end - timedelta(days=1)
        for start, end in periods:
            if start <= last_day < end:
                targets[start] = round(target * _months(starts_on, year_end) / total)
    return targets


def indicator_build(programme: Programme, spec: dict, *, order: int) -> tuple[Indicator, bool]:
    """(indicator, changed): the programme's indicator with ``spec``'s reference, created or
    brought up to date with its period targets. Saved only when something differs."""
    fields = {
        "name": spec["name"],
        "description": spec["description"],
        "unit": spec["unit"],
        "level": spec.get("level", IndicatorLevel.OUTPUT),
        "means_of_verification": spec["means_of_verification"],
        "baseline": 0,
        "target": spec["target"],
        "kinds": [str(kind) for kind in spec["kinds"]],
        "measure": spec["measure"],
        "accumulation": spec.get("accumulation", CUMULATIVE),
        "period": spec.get("period", LedgerPeriod.QUARTER),
        "roles": spec.get("roles", []),
        "activity_kinds": spec.get("activity_kinds", []),
        "breakdowns": [str(breakdown) for breakdown in spec["breakdowns"]],
        "sort_order": order,
    }
    indicator = Indicator.objects.filter(programme=programme, code=spec["code"]).first()
    created = indicator is None
    indicator = indicator or Indicator(programme=programme, code=spec["code"])
    changed = created or any(getattr(indicator, name) != value for name, value in fields.items())
    if changed:
        for name, value in fields.items():
            setattr(indicator, name, value)
        indicator.full_clean()
        indicator.save()
    if _targets_ensure(indicator, period_targets(programme, spec)):
        if not changed:
            indicator.save(update_fields=["updated_at"])  # its stored value is stale now
        changed = True
    return indicator, changed


def _targets_ensure(indicator: Indicator, wanted: dict[date, int]) -> bool:
    """Make the indicator's period targets ``wanted``; whether anything changed."""
    existing = {target.period_start: target for target in indicator.period_targets.all()}
    stale = [target.pk for start, target in existing.items() if start not in wanted]
    if stale:
        IndicatorTarget.objects.filter(pk__in=stale).delete()
    changed = bool(stale)
    for start, value in wanted.items():
        if start not in existing:
            IndicatorTarget.objects.create(indicator=indicator, period_start=start, target=value)
            changed = True
        elif existing[start].target != value:
            existing[start].target = value
            existing[start].save(update_fields=["target"])
            changed = True
    return changed


def _last_month(programme: Programme) -> tuple[date, date]:
    """The last whole month before today, within the programme."""
    end = _month_start(programme_today(programme), 0) - timedelta(days=1)
    start = max(_month_start(end, 0), programme.starts_on or end)
    return start, max(start, end)


def manual_entries_ensure(indicators: dict[tuple[str, str], Indicator]) -> list[ManualEntry]:
    """The demo's manual entries, submitted and (where the demo has a second organiser)
    approved through the services, each once: found again by its indicator and note."""
    User = get_user_model()
    entries = []
    for slug, code, entered, approved, value, note, evidence in MANUAL_ENTRIES:
        indicator = indicators.get((slug, code))
        by = User.objects.filter(email=entered).first()
        if indicator is None or by is None:
            continue
        entry = ManualEntry.objects.filter(indicator=indicator, note=note).first()
        if entry is None:
            start, end = _last_month(indicator.programme)
            entry = manual_entry_submit(
                indicator=indicator,
                by=by,
                period_start=start,
                period_end=end,
                value=value,
                note=note,
                evidence=ContentFile(evidence[1].encode(), name=evidence[0]) if evidence else None,
            )
        approver = User.objects.filter(email=approved).first() if approved else None
        if approver is not None and entry.status == ManualEntryStatus.PENDING:
            entry = manual_entry_approve(entry=entry, by=approver)
        entries.append(entry)
    return entries


def load_demo_indicators(*, stdout) -> None:
    programmes = Programme.objects.in_bulk(INDICATORS, field_name="slug")
    built: dict[tuple[str, str], Indicator] = {}
    changed = 0
    for slug, specs in INDICATORS.items():
        programme = programmes.get(slug)
        if programme is None:
            continue
        for order, spec in enumerate(specs):
            indicator, saved = indicator_build(programme, spec, order=order)
            built[(slug, spec["code"])] = indicator
            changed += saved
    entries = manual_entries_ensure(built)
    computed = indicators_refresh(programme_ids=[programme.pk for programme in programmes.values()])
    pending = sum(entry.status == ManualEntryStatus.PENDING for entry in entries)
    stdout.write(
        f"Impact: {len(built)} indicators in {len(programmes)} programmes ({changed} saved), "
        f"{len(entries)} manual entries ({pending} waiting for approval), "
        f"{computed} values computed"
    )


# After every feature app's step (campaigns' is 450): it counts what they recorded.
register_demo_step(load_demo_indicators, order=900)
