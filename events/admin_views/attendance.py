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

from .. import admin_selectors, resources, services, walk_ins
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
    """Everyone registered for one occurrence, searchable, with a "Check in" button each;
    a walk-in by e-mail address (an account is made and they are invited if they have
    none); and the number of walk-ins without an e-mail address."""
    event = _event(request, page_id)
    occurrences = resources.occurrences_of(event)
    if request.method == "POST":
        return _check_in_post(request, event, occurrences)
    occurrence = _chosen_occurrence(occurrences, request.GET.get("date"))
    query = _search(request, request.GET.get("q", ""))
    people, checked_in, total, anonymous = [], 0, 0, 0
    if occurrence is not None:
        that_day = Attendance.objects.filter(
            registration=OuterRef("pk"), occurrence_date=occurrence.key
        )
        listed = Registration.objects.filter(event=event).filter(
            Q(status__in=ACTIVE) | Q(Exists(that_day))
        )
        total = listed.count()
        checked_in = Attendance.objects.filter(event=event, occurrence_date=occurrence.key).count()
        anonymous = admin_selectors.anonymous_count(event=event, occurrence_date=occurrence.key)
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
            "anonymous": anonymous,
            **_permissions(request.user),
            **_chrome(_("Check-in"), event, icon="tasks"),
        },
    )


def _check_in_post(request, event: EventPage, occurrences: list[Occurrence]):
    """Check in one registrant (``registration``); a walk-in by e-mail address (``email``,
    with ``name`` for someone new: registered and checked in together, or neither); or
    count walk-ins without an e-mail address (``anonymous_add``, or ``anonymous_set`` to
    correct the number)."""
    occurrence = _chosen_occurrence(occurrences, request.POST.get("date"))
    query = _search(request, request.POST.get("q", ""))
    anchor = ""
    if occurrence is None or occurrence.key.isoformat() != request.POST.get("date"):
        messages.error(request, _("Choose a date on which the event takes place."))
    elif "anonymous_add" in request.POST or "anonymous_set" in request.POST:
        anchor = _anonymous_post(request, event, occurrence)
    elif "email" in request.POST:
        anchor = _walk_in_post(request, event, occurrence)
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


def _walk_in_post(request, event: EventPage, occurrence: Occurrence) -> str:
    """Someone not on the list, by e-mail address. Whether the address already has an
    account is not said: an account is made (and an invitation sent) only if it has none."""
    email = request.POST.get("email", "").strip()
    name = request.POST.get("name", "").strip()[:120]
    if not email:
        messages.error(request, _("Write the person's e-mail address."))
        return ""
    try:
        with transaction.atomic():
            people = walk_ins.walk_ins_invite(event=event, entries=[(email, name)], by=request.user)
            person = next(iter(people.values()))
            registration = services.registration_for_check_in(event=event, person=person)
            _attendance, created = services.attendance_check_in(
                registration=registration, occurrence_date=occurrence.key, by=request.user
            )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return ""
    # Named as the organiser wrote it: an account's own name would tell her that the
    # address was already registered, and whose it is.
    _checked_in_message(request, registration, created, name=name or email)
    return f"#registration-{registration.pk}"


def _anonymous_post(request, event: EventPage, occurrence: Occurrence) -> str:
    try:
        if "anonymous_set" in request.POST:
            row = walk_ins.anonymous_attendance_set(
                event=event,
                occurrence_date=occurrence.key,
                count=request.POST.get("anonymous_set"),
                by=request.user,
            )
            messages.success(
                request,
                ngettext(
                    "Corrected: %(count)d walk-in without an e-mail address.",
                    "Corrected: %(count)d walk-ins without an e-mail address.",
                    row.count,
                )
                % {"count": row.count},
            )
        else:
            row, added = walk_ins.anonymous_attendance_add(
                event=event,
                occurrence_date=occurrence.key,
                count=request.POST.get("anonymous_add"),
                by=request.user,
            )
            messages.success(
                request,
                ngettext(
                    "%(added)d walk-in without an e-mail address added (%(count)d in all).",
                    "%(added)d walk-ins without an e-mail address added (%(count)d in all).",
                    added,
                )
                % {"added": added, "count": row.count},
            )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    return "#anonymous"


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


def _check_in_one(request, occurrence, *, registration) -> str:
    """Check in and say so; the anchor of the person's row, or "" when refused."""
    try:
        _attendance, created = services.attendance_check_in(
            registration=registration, occurrence_date=occurrence.key, by=request.user
        )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return ""
    _checked_in_message(request, registration, created)
    return f"#registration-{registration.pk}"


def _checked_in_message(request, registration: Registration, created: bool, name: str = "") -> None:
    name = name or registration.person.display_name
    if created:
        messages.success(request, _("%(name)s is checked in.") % {"name": name})
    else:
        messages.info(request, _("%(name)s was already checked in.") % {"name": name})


@_require("events.view_registration")
def sign_in_sheet(request, page_id: int):
    """A printable sheet: everyone confirmed, a signature column, empty rows for walk-ins."""
    event = _event(request, page_id)
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
        ("name", gettext_lazy("Name")),
        ("date", gettext_lazy("Date")),
        ("attended", gettext_lazy("Attended")),
    ]

    def refused(self, request):
        return forbidden(request)

    def get_target(self, page_id: int):
        return _event(self.request, page_id)

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
        anonymous = summary.get("anonymous", 0)
        sentences = [
            ngettext("%(count)d check-in recorded.", "%(count)d check-ins recorded.", new)
            % {"count": new}
        ]
        if anonymous:
            sentences.append(
                ngettext(
                    "%(count)d walk-in without an e-mail address counted.",
                    "%(count)d walk-ins without an e-mail address counted.",
                    anonymous,
                )
                % {"count": anonymous}
            )
        if skipped:
            sentences.append(
                ngettext(
                    "%(count)d row left as it was.", "%(count)d rows left as they were.", skipped
                )
                % {"count": skipped}
            )
        return " ".join(sentences)


import_attendance = ImportAttendance.as_view()
