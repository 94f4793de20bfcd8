"""A programme's impact dashboard, and the evidence behind one indicator's value.

The dashboard shows a card per indicator: its value against its target (a progress bar
with the figures in words), its status against the time elapsed in the programme (in
words, with an icon and a colour), how much of it was entered by hand, its trend per
reporting period (an SVG chart and the same figures in a table), and its breakdowns.
Values come from the cache the engine keeps (``IndicatorValue``): a fixed number of
queries whatever the number of indicators. Small numbers are hidden from everyone but the
programme's own organisers (``present.may_see_small_cells``).

The evidence page lists the activities counted (never a person) and the approved manual
entries, with their notes and files.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from programmes.selectors import programmes_for

from ..enums import IndicatorAccumulation, ManualEntryStatus, RagStatus
from ..indicators.compute import indicator_result, indicators_refresh, programme_results
from ..indicators.present import may_see_small_cells, presented
from ..indicators.selectors import indicator_evidence, indicator_for
from ..models import ManualEntry
from .charts import Entry, trend_chart
from .common import (
    ADD_MANUAL_ENTRY,
    VIEW_INDICATORS,
    chrome,
    date_text,
    isolated,
    moment_text,
    month_text,
    number,
    percent_text,
    programme_for,
    require,
    zone_of,
)

RAG_ICONS = {
    RagStatus.GREEN: "success",
    RagStatus.AMBER: "warning",
    RagStatus.RED: "error",
    RagStatus.NONE: "help",
}


def hidden_text() -> str:
    """What a hidden small number reads as ("<5")."""
    from django.conf import settings

    return f"<{settings.LINKAGE_SMALL_COUNT_THRESHOLD}"


def figure(value) -> str:
    """A presented number in words: "1,200", or "<5" when it is hidden."""
    return hidden_text() if value is None else number(value)


def dashboard_crumbs(programme) -> list:
    return [
        (reverse("impact_admin:dashboard_index"), _("Impact dashboard")),
        (reverse("impact_admin:dashboard", args=[programme.pk]), isolated(programme.name)),
    ]


def _period_entries(indicator, view) -> list[Entry]:
    unit = indicator.unit
    entries = []
    for row in view.periods:
        title = _("%(period)s: %(value)s %(unit)s") % {
            "period": row.label,
            "value": figure(row.value),
            "unit": unit,
        }
        if row.target is not None:
            title = _("%(figures)s; target %(target)s") % {
                "figures": title,
                "target": number(row.target),
            }
        entries.append(
            Entry(
                value=row.value,
                value_text=figure(row.value),
                label=row.label,
                title=title,
                target=row.target,
            )
        )
    return entries


def progress_text(value, target) -> str:
    """ "48 of 60 (80%)", "<5 of 60", or the value alone without a target."""
    if not target:
        return figure(value)
    if value is None:
        return _("%(value)s of %(target)s") % {"value": figure(value), "target": number(target)}
    return _("%(value)s of %(target)s (%(percent)s)") % {
        "value": number(value),
        "target": number(target),
        "percent": percent_text(round(100 * value / target)),
    }


def indicator_card(indicator, result, view, *, programme) -> dict:
    """What the dashboard shows of one indicator (no query)."""
    rag = view.rag or RagStatus.NONE
    periods = [
        {
            "label": row.label,
            "value": figure(row.value),
            "target": number(row.target) if row.target is not None else "–",
            "manual": figure(row.manual) if getattr(row, "manual", None) != 0 else "",
        }
        for row in view.periods
    ]
    bars = indicator.accumulation == IndicatorAccumulation.PER_PERIOD
    return {
        "indicator": indicator,
        "result": result,
        "view": view,
        "value": figure(view.value),
        "progress": progress_text(view.value, view.target),
        "progress_max": view.target or 0,
        "progress_value": min(view.value, view.target)
        if view.value is not None and view.target
        else None,
        "target": number(view.target) if view.target is not None else "",
        "baseline": number(view.baseline),
        "rag": str(rag),
        "rag_label": view.rag_label,
        "rag_icon": RAG_ICONS.get(rag, "help"),
        "expected": number(view.expected) if view.expected is not None else "",
        "manual": view.manual,
        "manual_text": figure(view.manual) if view.manual != 0 else "",
        "periods": periods,
        "has_period_targets": any(row.target is not None for row in view.periods),
        "has_manual": any(getattr(row, "manual", None) != 0 for row in view.periods),
        "chart": trend_chart(
            _period_entries(indicator, view),
            bars=bars,
            rtl=translation.get_language_bidi(),
            number=number,
        ),
        "bars": bars,
        "breakdowns": [_breakdown(table) for table in view.breakdowns],
        "computed_at": moment_text(result.computed_at, programme),
        "evidence_url": reverse("impact_admin:evidence", args=[indicator.pk]),
        "edit_url": reverse("impact_indicator:edit", args=[indicator.pk]),
    }


def _breakdown(table) -> dict:
    return {
        "key": table.key,
        "label": table.label,
        "columns": [label for _code, label in table.columns],
        "rows": [
            {"label": label, "cells": [figure(cell) for cell in cells], "total": figure(total)}
            for label, cells, total in table.rows
        ],
        "totals": _totals(table),
    }


def _totals(table) -> dict | None:
    totals = getattr(table, "totals", None)
    if totals is None:
        return None
    label, cells, total = totals
    return {"label": label, "cells": [figure(cell) for cell in cells], "total": figure(total)}


def programme_cards(request, programme) -> list[dict]:
    """Every indicator of ``programme``, presented for the reader."""
    suppress = not may_see_small_cells(request.user, programme)
    return [
        indicator_card(
            indicator,
            result,
            presented(indicator, result, suppress=suppress),
            programme=programme,
        )
        for indicator, result in programme_results(programme)
    ]


@require(VIEW_INDICATORS)
def dashboard_index(request):
    """Choose a programme, or go straight to the only one."""
    programmes = list(programmes_for(request.user).order_by("name"))
    if len(programmes) == 1:
        return redirect("impact_admin:dashboard", programmes[0].pk)
    rows = [
        {"programme": programme, "url": reverse("impact_admin:dashboard", args=[programme.pk])}
        for programme in programmes
    ]
    return TemplateResponse(
        request,
        "impact/admin/dashboard_index.html",
        {"rows": rows, **chrome(_("Impact dashboard"))},
    )


@require(VIEW_INDICATORS)
def dashboard(request, programme_pk: int):
    programme = programme_for(request.user, programme_pk)
    cards = programme_cards(request, programme)
    # The figures are at least as fresh as the oldest of them.
    oldest = min((card["result"].computed_at for card in cards), default=None)
    pending = ManualEntry.objects.filter(
        indicator__programme=programme, status=ManualEntryStatus.PENDING
    ).count()
    context = {
        "programme": programme,
        "cards": cards,
        "computed_at": moment_text(oldest, programme),
        "zone": zone_of(programme),
        "pending": pending,
        "pending_url": reverse("impact_admin:manual_list") + f"?programme={programme.pk}",
        "recompute_url": reverse("impact_admin:recompute", args=[programme.pk]),
        "export_xlsx_url": reverse("impact_admin:donor_export", args=[programme.pk, "xlsx"]),
        "export_csv_url": reverse("impact_admin:donor_export", args=[programme.pk, "csv"]),
        "add_url": reverse("impact_indicator:add") + f"?programme={programme.pk}",
        "can_add": request.user.has_perm("impact.add_indicator"),
        "can_change": request.user.has_perm("impact.change_indicator"),
        "can_export": request.user.has_perm("impact.export_participation"),
        "can_enter": request.user.has_perm(ADD_MANUAL_ENTRY),
        "enter_url": reverse("impact_admin:manual_add"),
        "dates": _dates(programme),
        **chrome(
            _("Impact dashboard"),
            crumbs=dashboard_crumbs(programme)[:1],
            subtitle=programme.name,
        ),
    }
    return TemplateResponse(request, "impact/admin/dashboard.html", context)


def _dates(programme) -> str:
    from ..forms import programme_dates

    return programme_dates(programme)


@require(VIEW_INDICATORS)
@require_POST
def recompute(request, programme_pk: int):
    """Compute every indicator of the programme again now (the worker does it anyway
    every few minutes and whenever rows arrive)."""
    programme = programme_for(request.user, programme_pk)
    count = indicators_refresh(programme_ids=[programme.pk])
    messages.success(
        request,
        ngettext(
            "%(count)s indicator computed again.",
            "%(count)s indicators computed again.",
            count,
        )
        % {"count": count},
    )
    return redirect("impact_admin:dashboard", programme.pk)


@require(VIEW_INDICATORS)
def evidence(request, pk: int):
    """What one indicator counted: the activities (no names) and the approved manual
    entries."""
    indicator = indicator_for(request.user, pk)
    programme = indicator.programme
    result = indicator_result(indicator)
    view = presented(indicator, result, suppress=not may_see_small_cells(request.user, programme))
    rows = [
        {
            "label": row.label,
            "kind": row.kind_label,
            # Readers of suppressed figures get months and no per-activity numbers (they
            # could be subtracted from the periods): "not shown", never a false "<5".
            "first": month_text(row.first_date) if view.suppressed else date_text(row.first_date),
            "last": month_text(row.last_date) if view.suppressed else date_text(row.last_date),
            "rows": _("not shown") if row.rows is None else number(row.rows),
            "count": _("not shown") if row.count is None else number(row.count),
        }
        for row in indicator_evidence(indicator, user=request.user, result=result)
    ]
    entries = list(
        ManualEntry.objects.filter(indicator=indicator, status=ManualEntryStatus.APPROVED)
        .select_related("entered_by__profile", "decided_by__profile")
        .order_by("period_end", "pk")
    )
    context = {
        "indicator": indicator,
        "programme": programme,
        "rows": rows,
        "entries": [
            {
                "entry": entry,
                "period": _("%(start)s to %(end)s")
                % {"start": date_text(entry.period_start), "end": date_text(entry.period_end)},
                # Parts of the manual total: hidden, like it, from readers of suppressed
                # figures.
                "value": figure(None) if view.suppressed else number(entry.value),
                "evidence_url": reverse("impact_admin:manual_evidence", args=[entry.pk])
                if entry.evidence
                else "",
                "detail_url": reverse("impact_admin:manual_detail", args=[entry.pk]),
            }
            for entry in entries
        ],
        "computed_at": moment_text(result.computed_at, programme),
        "dashboard_url": reverse("impact_admin:dashboard", args=[programme.pk]),
        "ledger": figure(view.ledger),
        "manual": figure(view.manual),
        **chrome(
            _("Evidence"),
            crumbs=dashboard_crumbs(programme),
            subtitle=str(indicator),
        ),
    }
    return TemplateResponse(request, "impact/admin/evidence.html", context)
