"""The organiser's side of events, in the Wagtail admin: registrations (approve, decline,
cancel), the on-screen check-in list, the printable sign-in sheet, the import of a
scanned or typed sign-in sheet (upload → preview → confirm) and the exports, per event
and across a date range.

Registered under /admin/events-admin/ by wagtail_hooks (which also puts them behind
Wagtail's admin access check); each view checks its own model permission too. A page id
of any translation of an event leads to its original page, where registrations live.
"""

from datetime import date
from functools import wraps

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courses import spreadsheets
from courses.forms import ImportConfirmForm, ImportUploadForm
from people.models import User

from . import resources, services
from .enums import ACTIVE
from .enums import RegistrationStatus as Status
from .models import Attendance, EventPage, Registration
from .schedule import Occurrence, zone

IMPORT_SALT = "events.attendance-import"
IMPORT_MAX_AGE = 60 * 60  # a preview may be confirmed for an hour
IMPORT_COLUMNS = ("date", "attended")
EXPORT_FORMATS = ("csv", "xlsx")
MAX_EXPORT_DAYS = 366
BLANK_ROWS = 10  # empty rows on a sign-in sheet, for walk-ins


# --- Forms (admin only) ---------------------------------------------------------------------


class SignInSheetUploadForm(ImportUploadForm):
    file = forms.FileField(
        label=gettext_lazy("CSV or Excel (.xlsx) file"),
        help_text=gettext_lazy(
            "One person per row. Columns: email (required); date (optional, 12.05.2026 or "
            "2026-05-12; empty means the event's first date); attended (optional, yes or "
            "no). The first row holds the column names."
        ),
    )


class ExportRangeForm(forms.Form):
    date_from = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Export"),
        choices=[
            ("registrations", gettext_lazy("Registrations")),
            ("attendance", gettext_lazy("Attendance")),
        ],
        initial="attendance",
        widget=forms.RadioSelect,
    )
    fmt = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[("csv", "CSV"), ("xlsx", gettext_lazy("Excel (.xlsx)"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end:
            if end < start:
                self.add_error("date_to", _("The end date must not be before the start date."))
            elif (end - start).days > MAX_EXPORT_DAYS:
                self.add_error(
                    "date_to",
                    _("Choose at most %(days)d days; export a longer period in parts.")
                    % {"days": MAX_EXPORT_DAYS},
                )
        return cleaned


# --- Helpers --------------------------------------------------------------------------------


def _require(permission: str):
    """Only people with ``permission``; others get a 403 page that says so (Wagtail's own
    ``permission_denied`` would redirect to the dashboard with a 302)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return TemplateResponse(
                    request,
                    "events/admin/forbidden.html",
                    _chrome(_("You do not have permission to do this"), icon="lock"),
                    status=403,
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _chrome(title: str, event: EventPage | None = None, icon: str = "group") -> dict:
    crumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("events_admin:index"), "label": _("Event registrations")},
    ]
    if event is not None:
        crumbs.append(
            {"url": reverse("events_admin:registrations", args=[event.pk]), "label": event.title}
        )
    header = f"{title}: {event.title}" if event is not None else title
    crumbs.append({"url": "", "label": header})
    return {
        "page_title": title,
        "page_subtitle": event.title if event is not None else "",
        "header_title": header,
        "header_icon": icon,
        "breadcrumbs_items": crumbs,
    }


def _event(page_id: int) -> EventPage:
    """The original page of the event ``page_id`` belongs to (from any translation)."""
    key = get_object_or_404(EventPage.objects.values_list("translation_key", flat=True), pk=page_id)
    event = (
        EventPage.objects.filter(translation_key=key)
        .select_related("venue", "region")
        .order_by("pk")
        .first()
    )
    event.original = event  # it is: spare the services the query that finds it
    return event


def _permissions(user) -> dict:
    return {
        "can_view": user.has_perm("events.view_registration"),
        "can_change": user.has_perm("events.change_registration"),
        "can_check_in": user.has_perm("events.check_in_registration"),
        "can_export": user.has_perm("events.export_registration"),
        "can_import": user.has_perm("events.import_attendance"),
    }


def _local_start(event: EventPage):
    return event.starts_at.astimezone(zone(event.time_zone))


def _chosen_occurrence(occurrences: list[Occurrence], requested: str | None):
    """The occurrence asked for (``?date=YYYY-MM-DD``, its key), else the one today or the
    next one, else the last one."""
    if requested:
        try:
            day = date.fromisoformat(requested)
        except ValueError:
            day = None
        for occurrence in occurrences:
            if occurrence.key == day:
                return occurrence
    now = timezone.now()
    for occurrence in occurrences:
        if occurrence.end.date() >= now.astimezone(occurrence.end.tzinfo).date():
            return occurrence
    return occurrences[-1] if occurrences else None


def _by_name(queryset):
    return queryset.select_related("person__profile__organisation").order_by(
        "person__profile__display_name", "person__email", "pk"
    )


def _answer_list(registration: Registration, questions: list[dict]) -> list[tuple[str, str]]:
    answers = registration.answers or {}
    shown = []
    for question in questions:
        if question["id"] not in answers:
            continue
        value = answers[question["id"]]
        if isinstance(value, bool):
            value = _("yes") if value else _("no")
        shown.append((question["label"], str(value)))
    return shown


# --- Index and registrations ----------------------------------------------------------------


@_require("events.view_registration")
def index(request):
    """Every event (its original page), upcoming first, with its registration counts."""
    now = timezone.now()
    upcoming = Q(last_ends_at__gte=now) | Q(last_ends_at__isnull=True)
    events = (
        EventPage.objects.exclude(
            Exists(
                EventPage.objects.filter(
                    translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
                )
            )
        )
        .defer_streamfields()
        .annotate(
            past=Case(When(upcoming, then=Value(False)), default=Value(True)),
            next_start=Case(When(upcoming, then=F("starts_at"))),
        )
        .order_by("past", F("next_start").asc(nulls_last=True), "-starts_at", "pk")
    )
    page = Paginator(events, 50).get_page(request.GET.get("p"))
    ids = [event.pk for event in page]
    counts = {
        row["event_id"]: row
        for row in Registration.objects.filter(event_id__in=ids)
        .order_by()
        .values("event_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status__in=(Status.WAITLISTED, Status.OFFERED))),
            pending=Count("pk", filter=Q(status=Status.PENDING)),
        )
    }
    attended = dict(
        Attendance.objects.filter(event_id__in=ids)
        .order_by()
        .values("event_id")
        .annotate(people=Count("registration", distinct=True))
        .values_list("event_id", "people")
    )
    rows = [
        {
            "event": event,
            "starts": _local_start(event),
            "confirmed": counts.get(event.pk, {}).get("confirmed", 0),
            "waiting": counts.get(event.pk, {}).get("waiting", 0),
            "pending": counts.get(event.pk, {}).get("pending", 0),
            "attended": attended.get(event.pk, 0),
        }
        for event in page
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
    event = _event(page_id)
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
            "counts": counts,
            "status": status,
            "attended": Attendance.objects.filter(event=event)
            .values("registration")
            .distinct()
            .count(),
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
    event = _event(page_id)
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


# --- Check-in and sign-in sheet -------------------------------------------------------------


@_require("events.check_in_registration")
def check_in(request, page_id: int):
    """Everyone registered for one occurrence, searchable, with a "Check in" button each."""
    event = _event(page_id)
    occurrences = resources.occurrences_of(event)
    if request.method == "POST":
        return _check_in_post(request, event, occurrences)
    occurrence = _chosen_occurrence(occurrences, request.GET.get("date"))
    query = request.GET.get("q", "").strip()[:100]
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
    query = request.POST.get("q", "").strip()[:100]
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
    else:
        registration = get_object_or_404(
            Registration.objects.select_related("person__profile"),
            pk=request.POST.get("registration") or 0,
            event=event,
        )
        anchor = _check_in_one(request, occurrence, registration=registration)
    params = {"q": query} if query else {}
    if occurrence is not None:
        params = {"date": occurrence.key.isoformat(), **params}
    url = reverse("events_admin:check_in", args=[event.pk])
    return redirect(f"{url}?{urlencode(params)}{anchor}")


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


@_require("events.import_attendance")
def import_attendance(request, page_id: int):
    """Upload → preview (a dry run, every bad row listed by line) → confirm (atomic)."""
    event = _event(page_id)
    context = {
        "event": event,
        "upload_form": SignInSheetUploadForm(),
        "first_day": event.start_date,
        **_chrome(_("Import a sign-in sheet"), event, icon="upload"),
    }

    if request.method == "POST" and "payload" in request.POST:
        table = _unsign(request, event)
        if table is None:
            messages.error(request, _("This preview has expired. Upload the file again."))
            return redirect("events_admin:import", event.pk)
        dataset, lines = table
        preview = resources.attendance_import(
            event=event, by=request.user, dataset=dataset, line_numbers=lines, dry_run=False
        )
        if preview["valid"]:
            messages.success(
                request,
                _("%(new)d check-ins recorded; %(skipped)d rows left as they were.")
                % {"new": preview["checked_in"], "skipped": preview["skipped"]},
            )
            return redirect("events_admin:registrations", event.pk)
        context.update(preview=preview)
        return TemplateResponse(request, "events/admin/import.html", context, status=400)

    if request.method == "POST":
        upload_form = SignInSheetUploadForm(request.POST, request.FILES)
        context["upload_form"] = upload_form
        if upload_form.is_valid():
            upload = upload_form.cleaned_data["file"]
            try:
                dataset, lines = spreadsheets.read_table(upload.read(), upload.import_format)
            except spreadsheets.TableError as error:
                upload_form.add_error("file", str(error))
            else:
                for column in IMPORT_COLUMNS:
                    if column not in dataset.headers:
                        dataset.append_col([""] * len(dataset), header=column)
                preview = resources.attendance_import(
                    event=event,
                    by=request.user,
                    dataset=dataset,
                    line_numbers=lines,
                    dry_run=True,
                )
                context.update(
                    preview=preview,
                    filename=upload.name,
                    confirm_form=ImportConfirmForm(
                        initial={"payload": _sign(request, event, dataset, lines)}
                    )
                    if preview["valid"] and preview["new"]
                    else None,
                )
        status = 200 if upload_form.is_valid() and context.get("preview", {}).get("valid") else 400
        return TemplateResponse(request, "events/admin/import.html", context, status=status)

    return TemplateResponse(request, "events/admin/import.html", context)


def _sign(request, event, dataset, lines) -> str:
    return signing.dumps(
        {
            "event": event.pk,
            "by": request.user.pk,
            "headers": list(dataset.headers),
            "rows": [list(row) for row in dataset],
            "lines": lines,
        },
        salt=IMPORT_SALT,
        compress=True,
    )


def _unsign(request, event):
    import tablib

    try:
        data = signing.loads(request.POST["payload"], salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
    except signing.BadSignature:
        return None
    if data.get("event") != event.pk or data.get("by") != request.user.pk:
        return None
    dataset = tablib.Dataset(headers=data["headers"])
    for row in data["rows"]:
        dataset.append(row)
    return dataset, data["lines"]


# --- Exports --------------------------------------------------------------------------------


def _download(resource, queryset, *, stem: str, fmt: str, title: str):
    if fmt == "xlsx":
        response = FileResponse(
            spreadsheets.xlsx_file(resource, queryset, title=title),
            as_attachment=True,
            filename=f"{stem}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = StreamingHttpResponse(
            spreadsheets.csv_stream(resource, queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    response["Cache-Control"] = "no-store"
    return response


@_require("events.export_registration")
def export(request, page_id: int, kind: str, fmt: str):
    """Registrations or attendance of one event, as CSV (streamed) or XLSX."""
    if kind not in resources.EXPORTS or fmt not in EXPORT_FORMATS:
        raise Http404
    event = _event(page_id)
    resource_class, rows = resources.EXPORTS[kind]
    resource = resource_class(questions=resources.question_columns([event]))
    stem = f"linkage-{slugify(event.title)[:40] or 'event'}-{kind}-{timezone.localdate():%Y%m%d}"
    return _download(resource, rows(event=event), stem=stem, fmt=fmt, title=event.title)


@_require("events.export_registration")
def export_range(request):
    """Registrations or attendance of every event between two dates (at most a year)."""
    form = ExportRangeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        kind, fmt = form.cleaned_data["kind"], form.cleaned_data["fmt"]
        resource_class, rows = resources.EXPORTS[kind]
        queryset = rows(start=start, end=end)
        event_ids = queryset.order_by().values_list("event_id", flat=True).distinct()
        events = EventPage.objects.filter(pk__in=event_ids).order_by("pk").only("questions")
        resource = resource_class(questions=resources.question_columns(events), with_event=True)
        stem = f"linkage-events-{kind}-{start:%Y%m%d}-{end:%Y%m%d}"
        return _download(resource, queryset, stem=stem, fmt=fmt, title=_("Events"))
    return TemplateResponse(
        request,
        "events/admin/export_range.html",
        {"form": form, **_chrome(_("Export across events"), icon="download")},
        status=400 if form.is_bound else 200,
    )
