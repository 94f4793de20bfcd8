"""What the events admin views share: permission checks, the admin chrome, finding the
event's original page, the occurrence to show, and the admin-only forms."""

from datetime import date
from functools import wraps

from django import forms
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import ImportUploadForm

from ..admin_selectors import event_for
from ..models import EventPage, Registration
from ..schedule import Occurrence

MAX_EXPORT_DAYS = 366
# Exports cover events between these years; other dates are typing mistakes (and the
# first and last days Python can hold cannot be turned into a time range).
EXPORT_YEARS = (2000, 2100)
MAX_QUERY = 100  # characters in a check-in search
BLANK_ROWS = 10  # empty rows on a sign-in sheet, for walk-ins


# --- Forms (admin only) ---------------------------------------------------------------------


class SignInSheetUploadForm(ImportUploadForm):
    file = forms.FileField(
        label=gettext_lazy("CSV or Excel (.xlsx) file"),
        help_text=gettext_lazy(
            "One person per row. Columns: email (the column is required; a row without an "
            "address is counted as an anonymous walk-in); name (for someone without an "
            "account); date (optional, 12.05.2026 or 2026-05-12; empty means the event's "
            "first date); attended (optional, yes or no). The first row holds the column "
            "names."
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
        first, last = EXPORT_YEARS
        for name, day in (("date_from", start), ("date_to", end)):
            if day is not None and not first <= day.year <= last:
                self.add_error(
                    name,
                    _("Choose a date between %(first)d and %(last)d.")
                    % {"first": first, "last": last},
                )
                cleaned[name] = None
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


def forbidden(request):
    """A 403 page that says so (Wagtail's own ``permission_denied`` would redirect to the
    dashboard with a 302)."""
    return TemplateResponse(
        request,
        "events/admin/forbidden.html",
        _chrome(_("You do not have permission to do this"), icon="lock"),
        status=403,
    )


def _int_or_none(value) -> int | None:
    """A positive whole number typed or sent by a form, or None."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        return None
    return int(text) or None


def _require(permission: str):
    """Only people with ``permission``; others get ``forbidden``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return forbidden(request)
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


def _event(request, page_id: int) -> EventPage:
    """The original page of the event ``page_id`` belongs to (from any translation), or 404
    when the user may not see its people (another programme's event, or one outside any
    programme for an organiser): a refused id looks like one that does not exist."""
    event = event_for(user=request.user, page_id=page_id)
    if event is None:
        raise Http404
    return event


def _permissions(user) -> dict:
    return {
        "can_view": user.has_perm("events.view_registration"),
        "can_change": user.has_perm("events.change_registration"),
        "can_check_in": user.has_perm("events.check_in_registration"),
        "can_export": user.has_perm("events.export_registration"),
        "can_import": user.has_perm("events.import_attendance"),
    }


def _first_occurrence(event: EventPage) -> Occurrence:
    """The event's first date (for one that is over), in its own zone."""
    schedule = event.cached_schedule
    return Occurrence(
        key=schedule.start_date,
        original_start=schedule.first_start,
        start=schedule.first_start,
        end=schedule.first_end,
    )


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
