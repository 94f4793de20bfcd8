"""The organisers' ledger in the Wagtail admin: aggregates only (counts by kind and period,
broken down by one attribute), as a page and as a CSV file, for the organiser's programmes
(all of them, or one).

Registered under /admin/impact/ by wagtail_hooks; each view checks its own permission, and
what the numbers are made of comes from impact.selectors, which decides who sees what.
Everything is in words in the organiser's language: kinds and attributes by their labels,
months by name.
"""

import csv
from functools import wraps

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail.admin.auth import permission_denied

from .enums import LedgerBreakdown, LedgerPeriod
from .forms import SummaryForm
from .selectors import LedgerSummary, participation_summary


def _require(permission: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return permission_denied(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _summary(request) -> tuple[SummaryForm, LedgerSummary, object]:
    form = SummaryForm(request.GET or None, user=request.user)
    period, breakdown, programme = form.values()
    summary = participation_summary(
        user=request.user, period=period, breakdown=breakdown, programme=programme
    )
    return form, summary, programme


def _period_label(summary: LedgerSummary, when) -> str:
    if summary.period == LedgerPeriod.YEAR:
        return f"{when.year}"
    if summary.period == LedgerPeriod.QUARTER:
        return _("%(year)s Q%(quarter)s") % {
            "year": when.year,
            "quarter": (when.month - 1) // 3 + 1,
        }
    return formats.date_format(when, "YEAR_MONTH_FORMAT")


def _hidden(value) -> str:
    return _("hidden") if value is None else str(value)


@_require("impact.view_participation")
def summary(request):
    form, result, programme = _summary(request)
    title = _("Impact summary")
    rows = [
        {
            "kind": row.kind_label,
            "period": _period_label(result, row.period),
            "total": _hidden(row.total),
            "cells": [_hidden(value) for value in row.cells],
        }
        for row in result.rows
    ]
    query = request.GET.urlencode()
    return TemplateResponse(
        request,
        "impact/admin/summary.html",
        {
            "form": form,
            "summary": result,
            "breakdown_label": dict(LedgerBreakdown.choices).get(result.breakdown, ""),
            "rows": rows,
            "can_export": request.user.has_perm("impact.export_participation"),
            "export_url": reverse("impact_admin:summary_csv") + (f"?{query}" if query else ""),
            "programme": programme,
            "page_title": title,
            "page_subtitle": programme.name if programme else "",
            "header_title": title,
            "header_icon": "table",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": title},
            ],
        },
    )


@_require("impact.export_participation")
def summary_csv(request):
    _form, result, programme = _summary(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().strftime("%Y%m%d")
    name = f"linkage-impact-{programme.slug}" if programme else "linkage-impact"
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    prefix = dict(LedgerBreakdown.choices).get(result.breakdown, "")
    writer.writerow(
        [
            _("Kind"),
            _("Period"),
            _("Total"),
            *(f"{prefix}: {label}" for _v, label in result.columns),
        ]
    )
    for row in result.rows:
        writer.writerow(
            [
                row.kind_label,
                _period_label(result, row.period),
                _hidden(row.total),
                *(_hidden(value) for value in row.cells),
            ]
        )
    return response
