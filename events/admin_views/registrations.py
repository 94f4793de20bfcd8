"""The events index and an event's registrations (approve, decline, cancel)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import admin_selectors, selectors, services
from ..enums import ACTIVE
from ..enums import RegistrationStatus as Status
from ..models import Attendance, Registration
from .common import (
    _answer_list,
    _chrome,
    _event,
    _first_occurrence,
    _permissions,
    _require,
)

# --- Index and registrations ----------------------------------------------------------------


@_require("events.view_registration")
def index(request):
    """The events whose people the user may see (each by its original page), upcoming
    first, with their registration and attendance counts."""
    page, entries = selectors.page_by_next_occurrence(
        qs=admin_selectors.event_listing(user=request.user),
        page_number=request.GET.get("p"),
        per_page=50,
    )
    counts = admin_selectors.event_counts(event_ids=[entry["event"].pk for entry in entries])
    rows = [
        {
            "event": entry["event"],
            "next": entry["next"] or _first_occurrence(entry["event"]),
            **counts[entry["event"].pk],
        }
        for entry in entries
    ]
    return TemplateResponse(
        request,
        "events/admin/index.html",
        {
            "rows": rows,
            "events": page,
            **_permissions(request.user),
            **_chrome(_("Event registrations"), icon="date"),
        },
    )


@_require("events.view_registration")
def registrations(request, page_id: int):
    event = _event(request, page_id)
    status = request.GET.get("status", "")
    queryset = (
        Registration.objects.filter(event=event)
        .select_related("person__profile__organisation")
        .annotate(attended=Exists(Attendance.objects.filter(registration=OuterRef("pk"))))
        .order_by("created_at", "pk")
    )
    if status in Status.values:
        queryset = queryset.filter(status=status)
    else:
        status = ""
    listed = Paginator(queryset, 100).get_page(request.GET.get("p"))
    questions = event.question_list
    for registration in listed:
        registration.answer_list = _answer_list(registration, questions)
    totals = Registration.objects.filter(event=event).aggregate(
        **{value: Count("pk", filter=Q(status=value)) for value in Status.values}
    )
    counts = [
        {"status": value, "label": label, "count": totals[value]} for value, label in Status.choices
    ]
    return TemplateResponse(
        request,
        "events/admin/registrations.html",
        {
            "event": event,
            "registrations": listed,
            "Status": Status,
            "counts": counts,
            "status": status,
            "attended": Attendance.objects.filter(event=event)
            .values("registration")
            .distinct()
            .count(),
            "anonymous": admin_selectors.anonymous_totals(event=event),
            "active_statuses": ACTIVE,
            **_permissions(request.user),
            **_chrome(_("Registrations"), event),
        },
    )


DECISIONS = {
    "approve": services.registration_approve,
    "decline": services.registration_reject,
    "cancel": services.registration_cancel,
}


@require_POST
@_require("events.change_registration")
def registration_decide(request, page_id: int, registration_id: int, action: str):
    """Approve or decline a registration awaiting approval, or cancel one."""
    event = _event(request, page_id)
    decide = DECISIONS.get(action)
    if decide is None:
        raise Http404
    registration = get_object_or_404(
        Registration.objects.select_related("person__profile"), pk=registration_id, event=event
    )
    name = registration.person.display_name
    try:
        decided = decide(registration=registration, by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        if decided.status == Status.CONFIRMED:
            messages.success(request, _("%(name)s's place is confirmed.") % {"name": name})
        elif decided.status == Status.WAITLISTED:
            messages.warning(
                request,
                _("No place was free: %(name)s is on the waiting list.") % {"name": name},
            )
        elif decided.status == Status.REJECTED:
            messages.success(request, _("%(name)s's registration is declined.") % {"name": name})
        else:
            messages.success(request, _("%(name)s's registration is cancelled.") % {"name": name})
    url = reverse("events_admin:registrations", args=[event.pk])
    status = request.POST.get("status", "")
    return redirect(f"{url}?{urlencode({'status': status})}" if status in Status.values else url)
