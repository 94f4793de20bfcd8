"""Manual entries in the admin: the list (waiting for approval first), "Enter a number",
an entry's page with its history and, for a second organiser, approve or reject, and the
download of its evidence.

The rules are the engine's (``impact.indicators.services``: the entrant never approves
her own entry, only an organiser of the programme decides, a decision is final); the
views show its refusals in words, as form errors or messages. Every entry is found
through the user's programme scope: another programme's entry or file is a 404.
"""

import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.log_actions import registry as log_registry

from programmes.selectors import programmes_for, scope_for

from ..enums import ManualEntryStatus
from ..forms import ManualEntryForm, RejectForm
from ..indicators.services import (
    manual_entry_approve,
    manual_entry_reject,
    manual_entry_submit,
)
from ..models import ManualEntry
from .common import (
    ADD_MANUAL_ENTRY,
    VIEW_INDICATORS,
    VIEW_MANUAL_ENTRIES,
    chrome,
    date_text,
    moment_text,
    no_store,
    number,
    programme_for,
    require,
)

PER_PAGE = 50


def entries_visible_to(user):
    """The manual entries of the user's programmes' indicators (all, for an admin)."""
    return scope_for(user).filter(ManualEntry.objects.all(), "indicator__programme")


def entry_for(user, pk) -> ManualEntry:
    return get_object_or_404(
        entries_visible_to(user).select_related(
            "indicator__programme", "entered_by__profile", "decided_by__profile"
        ),
        pk=pk,
    )


def _crumbs() -> list:
    return [(reverse("impact_admin:manual_list"), _("Manual entries"))]


def _person(user) -> str:
    return user.display_name if user is not None else _("A deleted account")


def may_decide(user, entry: ManualEntry) -> bool:
    """Whether ``user`` is offered approve and reject: a pending entry entered by someone
    else, of a programme she organises (or she is an admin), as the service decides."""
    return (
        entry.status == ManualEntryStatus.PENDING
        and entry.entered_by_id != user.pk
        and (user.is_superuser or entry.indicator.programme.organisers.filter(pk=user.pk).exists())
    )


def _row(entry: ManualEntry) -> dict:
    programme = entry.indicator.programme
    return {
        "entry": entry,
        "url": reverse("impact_admin:manual_detail", args=[entry.pk]),
        "period": _("%(start)s to %(end)s")
        % {"start": date_text(entry.period_start), "end": date_text(entry.period_end)},
        "value": number(entry.value),
        "entered_by": _person(entry.entered_by),
        "entered_at": moment_text(entry.entered_at, programme),
        "decided_by": _person(entry.decided_by) if entry.decided_at else "",
        "decided_at": moment_text(entry.decided_at, programme),
        "status": entry.get_status_display(),
        "pending": entry.status == ManualEntryStatus.PENDING,
    }


@require(VIEW_MANUAL_ENTRIES)
def manual_list(request):
    """The user's programmes' entries, those waiting for approval first, then the newest."""
    entries = entries_visible_to(request.user)
    programme = None
    wanted = request.GET.get("programme", "")
    if wanted:
        if not wanted.isdigit():
            raise Http404
        programme = programme_for(request.user, wanted)
        entries = entries.filter(indicator__programme=programme)
    entries = (
        entries.select_related("indicator__programme", "entered_by__profile", "decided_by__profile")
        .annotate(
            waiting=Case(
                When(status=ManualEntryStatus.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("waiting", "-entered_at", "-pk")
    )
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("p"))
    programmes = list(programmes_for(request.user).order_by("name"))
    return TemplateResponse(
        request,
        "impact/admin/manual_list.html",
        {
            "rows": [_row(entry) for entry in page],
            "page": page,
            "programme": programme,
            "programmes": programmes if len(programmes) > 1 else [],
            "can_add": request.user.has_perm(ADD_MANUAL_ENTRY),
            "add_url": reverse("impact_admin:manual_add")
            + (f"?programme={programme.pk}" if programme else ""),
            **chrome(
                _("Manual entries"), icon="edit", subtitle=programme.name if programme else ""
            ),
        },
    )


@require(ADD_MANUAL_ENTRY)
def manual_add(request):
    """ "Enter a number" for an indicator of one of the user's programmes."""
    form = ManualEntryForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "GET":
        wanted = request.GET.get("indicator", "")
        if wanted.isdigit() and form.fields["indicator"].queryset.filter(pk=wanted).exists():
            form.initial["indicator"] = int(wanted)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = manual_entry_submit(
                indicator=data["indicator"],
                by=request.user,
                period_start=data["period_start"],
                period_end=data["period_end"],
                value=data["value"],
                note=data["note"],
                evidence=data.get("evidence"),
            )
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(
                request,
                _(
                    "The number is saved. It counts once another organiser of the programme "
                    "approves it."
                ),
            )
            return redirect("impact_admin:manual_detail", entry.pk)
    return TemplateResponse(
        request,
        "impact/admin/manual_form.html",
        {
            "form": form,
            **chrome(_("Enter a number"), crumbs=_crumbs(), icon="edit"),
        },
    )


def _history(entry: ManualEntry) -> list[dict]:
    programme = entry.indicator.programme
    logs = (
        log_registry.get_logs_for_instance(entry).select_related("user").order_by("timestamp", "pk")
    )
    return [
        {
            "when": moment_text(log.timestamp, programme),
            "who": log.user_display_name,
            "action": log.formatter.label if log.formatter else log.action,
            "message": log.message,
            "comment": log.comment,
        }
        for log in logs
    ]


def _detail(request, entry: ManualEntry, *, reject_form=None, refusals=(), status=200):
    programme = entry.indicator.programme
    decide = may_decide(request.user, entry)
    return TemplateResponse(
        request,
        "impact/admin/manual_detail.html",
        {
            "row": _row(entry),
            "entry": entry,
            "programme": programme,
            "may_decide": decide,
            "own_entry": entry.entered_by_id == request.user.pk,
            "reject_form": reject_form or RejectForm(),
            "refusals": list(refusals),
            "history": _history(entry),
            "evidence_url": reverse("impact_admin:manual_evidence", args=[entry.pk])
            if entry.evidence
            else "",
            "approve_url": reverse("impact_admin:manual_approve", args=[entry.pk]),
            "reject_url": reverse("impact_admin:manual_reject", args=[entry.pk]),
            "dashboard_url": reverse("impact_admin:dashboard", args=[programme.pk]),
            **chrome(
                _("Manual entry"),
                crumbs=_crumbs(),
                icon="edit",
                subtitle=str(entry.indicator),
            ),
        },
        status=status,
    )


def _refusals(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


@require(VIEW_MANUAL_ENTRIES)
def manual_detail(request, pk: int):
    return _detail(request, entry_for(request.user, pk))


@require(VIEW_MANUAL_ENTRIES)
@require_POST
def manual_approve(request, pk: int):
    entry = entry_for(request.user, pk)
    try:
        manual_entry_approve(entry=entry, by=request.user)
    except ValidationError as error:
        entry.refresh_from_db()
        return _detail(request, entry, refusals=_refusals(error), status=400)
    messages.success(request, _("Approved: the number now counts."))
    return redirect("impact_admin:manual_detail", entry.pk)


@require(VIEW_MANUAL_ENTRIES)
@require_POST
def manual_reject(request, pk: int):
    entry = entry_for(request.user, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _detail(request, entry, reject_form=form, status=400)
    try:
        manual_entry_reject(entry=entry, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        entry.refresh_from_db()
        return _detail(request, entry, reject_form=form, refusals=_refusals(error), status=400)
    messages.success(request, _("Rejected: the number does not count."))
    return redirect("impact_admin:manual_detail", entry.pk)


@require(VIEW_MANUAL_ENTRIES, VIEW_INDICATORS)
def manual_evidence(request, pk: int):
    """The entry's file, as an attachment under the name it was uploaded with, never
    kept by the browser or a proxy."""
    entry = entry_for(request.user, pk)
    if not entry.evidence:
        raise Http404
    name = entry.evidence_name or entry.evidence.name.rsplit("/", 1)[-1]
    try:
        handle = entry.evidence.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return no_store(response)
