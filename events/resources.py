"""The shape of every events import and export (django-import-export resources). Reading
uploads and writing files: ``courses.spreadsheets``, shared with the courses app.

- ``AttendanceImportResource``: a scanned or typed sign-in sheet (email, date, attended).
  A dry run first, which writes nothing at all; the real run checks everyone in through
  ``events.services`` in one transaction, and any bad row rolls the whole file back.
- ``RegistrationExportResource`` and ``AttendanceExportResource``: one row per
  registration (or check-in), one column per registration question. Every cell is made
  safe to open in a spreadsheet and the rows stream from a queryset iterator.
"""

import logging
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from import_export import fields, resources, widgets

from courses.spreadsheets import spreadsheet_safe
from people.enums import Country, Sector
from people.models import User

from .enums import AttendanceMethod, QuestionKind, RegistrationStatus
from .models import Attendance, EventPage, Registration
from .schedule import HORIZON, Occurrence, zone
from .services import CHECK_IN_EARLIEST, attendance_check_in, registration_for_check_in

logger = logging.getLogger(__name__)

EXPORT_CHUNK = 2000

# --- Import ---------------------------------------------------------------------------------

DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S")
# Sign-in sheets are typed in the language of the room: English, Albanian, the Yugoslav
# languages, Lithuanian and German answers are understood.
YES = {"yes", "y", "true", "1", "x", "✓", "✔", "po", "da", "taip", "ja"}
NO = {"no", "n", "false", "0", "jo", "ne", "nein"}


def parse_day(text: str) -> date:
    """12.05.2026, 12.05.2026. or 2026-05-12 (an Excel date cell reads as the latter)."""
    value = text.strip().rstrip(".")
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(
        _("“%(value)s” is not a date: write it as 12.05.2026 or 2026-05-12.") % {"value": text}
    )


class PersonWidget(widgets.Widget):
    """An e-mail address → the person with that Linkage account (looked up in bulk)."""

    def __init__(self, resource):
        super().__init__()
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        email = str(value or "").strip().lower()
        if not email:
            raise ValueError(_("The e-mail address is missing."))
        person = self.resource.people.get(email)
        if person is not None:
            return person
        try:
            validate_email(email)
        except ValidationError as error:
            raise ValueError(
                _("“%(value)s” is not an e-mail address.") % {"value": email}
            ) from error
        raise ValueError(_("No Linkage account uses this e-mail."))


class OccurrenceWidget(widgets.Widget):
    """A date on the sheet → the occurrence of the event held that day (its key).

    Empty means the event's first date. A moved occurrence is found by the day it was
    actually held; every day of a multi-day event leads to that occurrence."""

    def __init__(self, resource):
        super().__init__()
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        day = parse_day(text) if text else self.resource.first_day
        key = self.resource.days.get(day)
        if key is None:
            raise ValueError(
                _("The event does not take place on %(day)s.") % {"day": f"{day:%d.%m.%Y}"}
            )
        if self.resource.starts[key] - timezone.now() > CHECK_IN_EARLIEST:
            raise ValueError(
                _("Check-in for %(day)s opens the day before.") % {"day": f"{key:%d.%m.%Y}"}
            )
        return key


class AttendedWidget(widgets.Widget):
    """yes / no; empty means yes (the person is on the sheet)."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().casefold()
        if not text or text in YES:
            return True
        if text in NO:
            return False
        raise ValueError(
            _("Write yes or no in the attended column, not “%(value)s”.") % {"value": value}
        )


def occurrences_of(event: EventPage) -> list[Occurrence]:
    """Every occurrence that takes place, however far ahead the event is: the schedule's
    own horizon counts from today, so an event two years ahead would have none."""
    schedule = event.schedule()
    before = max(timezone.now(), schedule.first_start) + HORIZON
    if event.last_ends_at is not None and event.last_ends_at >= before:
        before = event.last_ends_at + timedelta(days=1)
    return schedule.occurrences(before=before, include_cancelled=False)


def occurrence_days(occurrences: Iterable[Occurrence]) -> dict[date, date]:
    """Each local day the event is held on → the key of the occurrence held that day."""
    days: dict[date, date] = {}
    for occurrence in occurrences:
        day, last = occurrence.start.date(), occurrence.end.date()
        if occurrence.end.time() == time.min and last > day:
            last -= timedelta(days=1)  # ends at midnight: the next day is not part of it
        while day <= last:
            days.setdefault(day, occurrence.key)
            day += timedelta(days=1)
    return days


class AttendanceImportResource(resources.ModelResource):
    email = fields.Field(attribute="person", column_name="email")
    date = fields.Field(attribute="occurrence_date", column_name="date")
    attended = fields.Field(attribute="attended", column_name="attended")

    class Meta:
        model = Attendance
        fields = ("email", "date", "attended")
        import_id_fields = ()
        skip_diff = True
        report_skipped = True
        store_row_values = True
        clean_model_instances = False
        use_transactions = True

    def __init__(self, *, event: EventPage, by=None):
        super().__init__()
        self.event = event
        self.by = by
        self.fields["email"].widget = PersonWidget(self)
        self.fields["date"].widget = OccurrenceWidget(self)
        self.fields["attended"].widget = AttendedWidget()
        occurrences = occurrences_of(event)
        self.days = occurrence_days(occurrences)
        self.starts = {occurrence.key: occurrence.start for occurrence in occurrences}
        self.first_day = event.start_date
        self.people: dict[str, User] = {}
        self.attended: set[tuple[int, date]] = set()
        self.notes: dict[int, str] = {}
        self.checked_in = 0
        self._rows_by_key: dict[tuple[int, date], int] = {}

    # Line numbers: set by the caller from read_table(); row numbers are 1-based.
    line_numbers: list[int] = []

    def line_number(self, row_number: int | None) -> int:
        if row_number is None:
            return 0
        if 0 < row_number <= len(self.line_numbers):
            return self.line_numbers[row_number - 1]
        return row_number + 1

    def before_import(self, dataset, **kwargs):
        """Two queries for the whole file: the people named in it, and who is already
        checked in."""
        emails = {str(value or "").strip().lower() for value in dataset["email"]} - {""}
        self.people = {
            person.email_lower: person
            for person in User.objects.annotate(email_lower=Lower("email")).filter(
                email_lower__in=emails
            )
        }
        self.attended = set(
            Attendance.objects.filter(event=self.event).values_list(
                "registration__person_id", "occurrence_date"
            )
        )

    def get_instance(self, instance_loader, row):
        return None  # every row is a new check-in, or skipped

    def init_instance(self, row=None):
        instance = Attendance(
            event=self.event, method=AttendanceMethod.IMPORT, checked_in_by=self.by
        )
        instance.person, instance.attended, instance.skip_note = None, True, ""
        return instance

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)  # raises the bad cells
        number = kwargs.get("row_number")
        key = (instance.person.pk, instance.occurrence_date)
        first = self._rows_by_key.setdefault(key, number)
        if not instance.attended:
            instance.skip_note = _("Marked as not attended.")
        elif first != number:
            instance.skip_note = _("Also on line %(line)d.") % {"line": self.line_number(first)}
        elif key in self.attended:
            instance.skip_note = _("Already checked in.")
        if instance.skip_note:
            self.notes[number] = instance.skip_note

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not any(str(value or "").strip() for value in row.values()):
            return True  # a blank line
        return bool(instance.skip_note) and not import_validation_errors

    def save_instance(self, instance, is_create, row, **kwargs):
        if kwargs.get("dry_run"):
            return  # the preview writes nothing, not even inside a rolled-back transaction
        registration = registration_for_check_in(event=self.event, person=instance.person)
        attendance, created = attendance_check_in(
            registration=registration,
            occurrence_date=instance.occurrence_date,
            by=self.by,
            method=AttendanceMethod.IMPORT,
        )
        instance.pk = attendance.pk
        self.checked_in += int(created)


def attendance_import(*, event: EventPage, by, dataset, line_numbers, dry_run: bool) -> dict:
    """Check in (or preview checking in) everyone on a sign-in sheet; return the preview.
    A real run is one transaction: any bad row rolls the whole file back."""
    resource = AttendanceImportResource(event=event, by=by)
    resource.line_numbers = line_numbers
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    for error in result.base_errors:
        logger.warning("attendance import failed: %r", error.error)
    return import_preview(result, resource)


def import_preview(result, resource: AttendanceImportResource) -> dict:
    """Turn an import Result into what the organiser sees: one entry per non-blank row."""
    from import_export.results import RowResult

    rows = []
    for number, row_result in enumerate(result.rows, start=1):
        values = row_result.row_values or {}
        if row_result.import_type == RowResult.IMPORT_TYPE_SKIP and not any(
            str(v or "").strip() for v in values.values()
        ):
            continue
        line = resource.line_number(number)
        entry = {
            "line": line,
            "email": values.get("email", ""),
            "date": values.get("date", ""),
            "attended": values.get("attended", ""),
            "status": row_result.import_type,
            "messages": [resource.notes[number]] if number in resource.notes else [],
        }
        if row_result.validation_error is not None:
            entry["status"] = "invalid"
            entry["messages"] = list(row_result.validation_error.messages)
        elif row_result.errors:
            for error in row_result.errors:
                logger.warning("attendance import, line %s: %r", line, error.error)
            entry["status"] = "invalid"
            entry["messages"] = [_("This row could not be imported.")]
        rows.append(entry)
    invalid = [row for row in rows if row["status"] == "invalid"]
    return {
        "rows": rows,
        "invalid": invalid,
        "new": sum(1 for row in rows if row["status"] == RowResult.IMPORT_TYPE_NEW),
        "skipped": sum(1 for row in rows if row["status"] == RowResult.IMPORT_TYPE_SKIP),
        "checked_in": resource.checked_in,
        "valid": not invalid and not result.base_errors,
    }


# --- Export ---------------------------------------------------------------------------------


def question_columns(events: Iterable[EventPage]) -> list[tuple[str, dict[str, str]]]:
    """One column per question: (label, {question id: kind}). Questions with the same label
    in several events ("Dietary needs") share a column, so a date-range export stays
    narrow."""
    columns: dict[str, tuple[str, dict[str, str]]] = {}
    for event in events:
        for question in event.question_list:
            label = str(question["label"]).strip()
            columns.setdefault(label.casefold(), (label, {}))[1][question["id"]] = question["kind"]
    return list(columns.values())


def _person_values(prefix: str = "") -> dict:
    p = f"{prefix}person__"
    return {
        "name": F(f"{p}profile__display_name"),
        "email": F(f"{p}email"),
        "organisation": F(f"{p}profile__organisation__name"),
        "sector": F(f"{p}profile__sector"),
        "country": F(f"{p}profile__country"),
        "region": F(f"{p}profile__region__name"),
    }


def _period(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00) in the site's time zone."""
    first = timezone.make_aware(datetime.combine(start, time.min))
    after = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    return first, after


def registration_export_queryset(
    *, event: EventPage | None = None, start: date | None = None, end: date | None = None
) -> QuerySet:
    """One dict per registration of ``event``, or of every event held between ``start``
    and ``end``; everything the export shows, in one query."""
    queryset = Registration.objects.all()
    if event is not None:
        queryset = queryset.filter(event=event)
    else:
        first, after = _period(start, end)
        queryset = queryset.filter(event__starts_at__lt=after).filter(
            Q(event__last_ends_at__gte=first) | Q(event__last_ends_at__isnull=True)
        )
    return queryset.order_by("event__starts_at", "event_id", "created_at", "pk").values(
        "pk",
        "event_id",
        "status",
        "answers",
        "created_at",
        "confirmed_at",
        event_title=F("event__title"),
        event_starts_at=F("event__starts_at"),
        time_zone=F("event__time_zone"),
        **_person_values(),
    )


def attendance_export_queryset(
    *, event: EventPage | None = None, start: date | None = None, end: date | None = None
) -> QuerySet:
    """One dict per check-in at ``event``, or at any event between ``start`` and ``end``."""
    queryset = Attendance.objects.all()
    if event is not None:
        queryset = queryset.filter(event=event)
    else:
        queryset = queryset.filter(occurrence_date__range=(start, end))
    return queryset.order_by("occurrence_date", "event_id", "checked_in_at", "pk").values(
        "pk",
        "event_id",
        "occurrence_date",
        "checked_in_at",
        "method",
        status=F("registration__status"),
        answers=F("registration__answers"),
        created_at=F("registration__created_at"),
        confirmed_at=F("registration__confirmed_at"),
        event_title=F("event__title"),
        event_starts_at=F("event__starts_at"),
        time_zone=F("event__time_zone"),
        **_person_values("registration__"),
    )


def _local(value: datetime | None, time_zone: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A time as the clock showed it where the event happened."""
    if value is None:
        return ""
    return value.astimezone(zone(time_zone)).strftime(fmt)


class RegistrationExportResource(resources.Resource):
    """One row per registration. Rows are dicts from ``registration_export_queryset``; times
    are in the event's own time zone. Question columns are added per export."""

    event = fields.Field(column_name=gettext_lazy("Event"))
    event_starts = fields.Field(column_name=gettext_lazy("Event starts"))
    name = fields.Field(column_name=gettext_lazy("Name"))
    email = fields.Field(column_name=gettext_lazy("E-mail"))
    organisation = fields.Field(column_name=gettext_lazy("Organisation"))
    sector = fields.Field(column_name=gettext_lazy("Sector"))
    country = fields.Field(column_name=gettext_lazy("Country"))
    region = fields.Field(column_name=gettext_lazy("Region or municipality"))
    status = fields.Field(column_name=gettext_lazy("Status"))
    registered_at = fields.Field(column_name=gettext_lazy("Registered at"))
    confirmed_at = fields.Field(column_name=gettext_lazy("Confirmed at"))

    EVENT_COLUMNS = ("event", "event_starts")
    BASE_ORDER = (
        "name",
        "email",
        "organisation",
        "sector",
        "country",
        "region",
        "status",
        "registered_at",
        "confirmed_at",
    )

    def __init__(self, *, questions: Iterable[tuple[str, dict[str, str]]] = (), with_event=False):
        """``questions``: from ``question_columns()``; ``with_event``: add the event's title
        and start (for exports across events)."""
        super().__init__()
        self._questions: dict[str, dict[str, str]] = {}
        for n, (label, kinds) in enumerate(questions):
            name = f"question_{n}"
            self.fields[name] = fields.Field(column_name=label)
            self._questions[name] = kinds
        self._order = [
            *(self.EVENT_COLUMNS if with_event else ()),
            *self.BASE_ORDER,
            *self.extra_order(),
            *self._questions,
        ]
        # Labels resolved once per export, not once per row.
        self._sector_labels = {key: str(label) for key, label in Sector.choices}
        self._country_labels = {key: str(label) for key, label in Country.choices}
        self._status_labels = {key: str(label) for key, label in RegistrationStatus.choices}
        self._yes, self._no = _("yes"), _("no")

    def extra_order(self) -> tuple[str, ...]:
        return ()

    def get_export_order(self):
        return self._order

    def export_field(self, field, instance, **kwargs):
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

    def dehydrate_event(self, row):
        return row["event_title"]

    def dehydrate_event_starts(self, row):
        return _local(row["event_starts_at"], row["time_zone"])

    def dehydrate_name(self, row):
        return row["name"] or row["email"].split("@", 1)[0]

    def dehydrate_email(self, row):
        return row["email"]

    def dehydrate_organisation(self, row):
        return row["organisation"] or ""

    def dehydrate_sector(self, row):
        return self._sector_labels.get(row["sector"] or "", row["sector"] or "")

    def dehydrate_country(self, row):
        return self._country_labels.get(row["country"] or "", row["country"] or "")

    def dehydrate_region(self, row):
        return row["region"] or ""

    def dehydrate_status(self, row):
        return self._status_labels.get(row["status"], row["status"])

    def dehydrate_registered_at(self, row):
        return _local(row["created_at"], row["time_zone"])

    def dehydrate_confirmed_at(self, row):
        return _local(row["confirmed_at"], row["time_zone"])

    def _answer(self, kinds: dict[str, str]):
        def cell(row):
            answers = row["answers"] or {}
            for question_id, kind in kinds.items():
                if question_id not in answers:
                    continue
                value = answers[question_id]
                if kind == QuestionKind.CHECKBOX:
                    return self._yes if value else self._no
                return "" if value is None else str(value)
            return ""

        return cell

    def rows(self, queryset) -> Iterator[list]:
        """Export rows one at a time from a server-side iterator; each cell through its
        dehydrate method and ``spreadsheet_safe``, as ``export_field`` would."""
        plan = []
        for field in self.get_export_fields():
            name = self.get_field_name(field)
            if name in self._questions:
                plan.append(self._answer(self._questions[name]))
            else:
                plan.append(getattr(self, f"dehydrate_{name}", None) or field.export)
        for row in queryset.iterator(chunk_size=EXPORT_CHUNK):
            yield [spreadsheet_safe(cell(row)) for cell in plan]


class AttendanceExportResource(RegistrationExportResource):
    """One row per check-in: the registration's columns, and when and how."""

    occurrence_date = fields.Field(column_name=gettext_lazy("Date of the occurrence"))
    checked_in_at = fields.Field(column_name=gettext_lazy("Checked in at"))
    method = fields.Field(column_name=gettext_lazy("Method"))

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._method_labels = {key: str(label) for key, label in AttendanceMethod.choices}

    def extra_order(self) -> tuple[str, ...]:
        return ("occurrence_date", "checked_in_at", "method")

    def dehydrate_occurrence_date(self, row):
        return row["occurrence_date"].isoformat()

    def dehydrate_checked_in_at(self, row):
        return _local(row["checked_in_at"], row["time_zone"])

    def dehydrate_method(self, row):
        return self._method_labels.get(row["method"], row["method"])


EXPORTS = {
    "registrations": (RegistrationExportResource, registration_export_queryset),
    "attendance": (AttendanceExportResource, attendance_export_queryset),
}


__all__ = [
    "EXPORTS",
    "AttendanceExportResource",
    "AttendanceImportResource",
    "RegistrationExportResource",
    "attendance_import",
    "question_columns",
]
