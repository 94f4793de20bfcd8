"""Check-in on screen, the printable sign-in sheet, and the import of a filled-in sheet
(upload → preview → confirm)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.imports import ImportView
from people.models import User

from .. import resources, services
from ..enums import ACTIVE
from ..enums import RegistrationStatus as Status
from ..models import Attendance, EventPage, Registration
from ..schedule import Occurrence
from .common import (
    BLANK_ROWS,
    MAX_QUERY,
    SignInSheetUploadForm,
    _by_name,
    _chosen_occurrence,
    _chrome,
    _event,
    _int_or_none,
    _permissions,
    _require,
    forbidden,
)

# --- Check-in and sign-in sheet -------------------------------------------------------------


@_require("events.check_in_registration")
def check_in(request, page_id: int):
    """Everyone registered for one occurrence, searchable, with a "Check in" button each."""
    event = _event(page_id)
    occurrences = resources.occurrences_of(event)
    if request.method == "POST":
        return _check_in_post(request, event, occurrences)
    occurrence = _chosen_occurrence(occurrences, request.GET.get("date"))
    query = _search(request, request.GET.get("q", ""))
    people, checked_in, total = [], 0, 0
    if occurrence is not None:
        that_day = Attendance.objects.filter(
            registration=OuterRef("pk"), occurrence_date=occurrence.key
        )
        listed = Registration.objects.filter(event=event).filter(
            Q(status__in=ACTIVE) | Q(Exists(that_day))
        )
        total = listed.count()
        checked_in = Attendance.objects.filter(event=event, occurrence_date=occurrence.key).count()
        if query:
            listed = listed.filter(
                Q(person__profile__display_name__icontains=query)
                | Q(person__email__icontains=query)
                | Q(person__profile__organisation__name__icontains=query)
            )
        people = list(
            _by_name(listed).annotate(checked_in_at=Subquery(that_day.values("checked_in_at")[:1]))
        )
    return TemplateResponse(
        request,
        "events/admin/check_in.html",
        {
            "event": event,
            "occurrences": occurrences,
            "occurrence": occurrence,
            "query": query,
            "people": people,
            "checked_in": checked_in,
            "total": total,
            **_permissions(request.user),
            **_chrome(_("Check-in"), event, icon="tasks"),
        },
    )


def _check_in_post(request, event: EventPage, occurrences: list[Occurrence]):
    """Check in one registrant (``registration``), or a walk-in by the e-mail address of
    their account (``email``: registered and checked in together, or neither)."""
    occurrence = _chosen_occurrence(occurrences, request.POST.get("date"))
    query = _search(request, request.POST.get("q", ""))
    anchor = ""
    if occurrence is None or occurrence.key.isoformat() != request.POST.get("date"):
        messages.error(request, _("Choose a date on which the event takes place."))
    elif "email" in request.POST:
        email = request.POST["email"].strip()
        person = (
            User.objects.select_related("profile").filter(email__iexact=email).first()
            if email
            else None
        )
        if person is None:
            messages.error(request, _("No Linkage account uses this e-mail."))
        else:
            anchor = _check_in_one(request, occurrence, person=person, event=event)
    elif (registration_id := _int_or_none(request.POST.get("registration"))) is None:
        messages.error(request, _("Choose a person from the list to check in."))
    else:
        registration = get_object_or_404(
            Registration.objects.select_related("person__profile"),
            pk=registration_id,
            event=event,
        )
        anchor = _check_in_one(request, occurrence, registration=registration)
    params = {"q": query} if query else {}
    if occurrence is not None:
        params = {"date": occurrence.key.isoformat(), **params}
    url = reverse("events_admin:check_in", args=[event.pk])
    return redirect(f"{url}?{urlencode(params)}{anchor}")


def _search(request, text: str) -> str:
    """The search text, cut to ``MAX_QUERY`` characters with a message saying so."""
    query = text.strip()
    if len(query) > MAX_QUERY:
        messages.warning(
            request,
            _("Searches are limited to %(count)d characters; only the first ones were used.")
            % {"count": MAX_QUERY},
        )
        query = query[:MAX_QUERY].strip()
    return query


def _check_in_one(request, occurrence, *, registration=None, person=None, event=None) -> str:
    """Check in and say so; the anchor of the person's row, or "" when refused."""
    try:
        with transaction.atomic():
            if registration is None:
                registration = services.registration_for_check_in(event=event, person=person)
            _attendance, created = services.attendance_check_in(
                registration=registration, occurrence_date=occurrence.key, by=request.user
            )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return ""
    name = registration.person.display_name
    if created:
        messages.success(request, _("%(name)s is checked in.") % {"name": name})
    else:
        messages.info(request, _("%(name)s was already checked in.") % {"name": name})
    return f"#registration-{registration.pk}"


@_require("events.view_registration")
def sign_in_sheet(request, page_id: int):
    """A printable sheet: everyone confirmed, a signature column, empty rows for walk-ins."""
    event = _event(page_id)
    occurrences = resources.occurrences_of(event)
    occurrence = _chosen_occurrence(occurrences, request.GET.get("date"))
    try:
        blank = min(max(int(request.GET.get("blank", BLANK_ROWS)), 0), 100)
    except ValueError:
        blank = BLANK_ROWS
    registrants = list(_by_name(Registration.objects.filter(event=event, status=Status.CONFIRMED)))
    return TemplateResponse(
        request,
        "events/admin/sign_in_sheet.html",
        {
            "event": event,
            "occurrence": occurrence,
            "occurrences": occurrences,
            "registrants": registrants,
            "blank_rows": range(len(registrants) + 1, len(registrants) + blank + 1),
            "blank": blank,
        },
    )


# --- Import ---------------------------------------------------------------------------------


class ImportAttendance(ImportView):
    """Upload → preview (a dry run, every bad row listed by line) → confirm (atomic)."""

    importer_path = "events.resources.imports.ATTENDANCE"
    permission = "events.import_attendance"
    template_name = "events/admin/import.html"
    upload_form_class = SignInSheetUploadForm
    columns = [
        ("email", gettext_lazy("E-mail")),
        ("date", gettext_lazy("Date")),
        ("attended", gettext_lazy("Attended")),
    ]

    def refused(self, request):
        return forbidden(request)

    def get_target(self, page_id: int):
        return _event(page_id)

    def get_context(self, target) -> dict:
        return {
            "event": target,
            "first_day": target.start_date,
            **_permissions(self.request.user),
            **_chrome(_("Import a sign-in sheet"), target, icon="upload"),
        }

    def done_url(self, target) -> str:
        return reverse("events_admin:registrations", args=[target.pk])

    def done_message(self, summary: dict) -> str:
        new, skipped = summary.get("checked_in", 0), summary.get("skipped", 0)
        recorded = ngettext(
            "%(count)d check-in recorded.", "%(count)d check-ins recorded.", new
        ) % {"count": new}
        if not skipped:
            return recorded
        unchanged = ngettext(
            "%(count)d row left as it was.", "%(count)d rows left as they were.", skipped
        ) % {"count": skipped}
        return f"{recorded} {unchanged}"


import_attendance = ImportAttendance.as_view()
