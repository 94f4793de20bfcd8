"""The sign-in sheet import (django-import-export): a scanned or typed sheet with the
columns email, name, date and attended. A dry run first, which writes nothing at all; the
real run checks everyone in through ``events.services`` in one transaction, and any bad
row rolls the whole file back. Reading uploads and the upload → preview → confirm flow:
``core``.

People without an account (an e-mail address Linkage does not know) get one, with an
invitation (``events.walk_ins``); a row with a name and no e-mail address is counted as an
anonymous walk-in, and its name is not kept. Importing the same sheet again invites nobody
twice and counts nobody twice."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from import_export import fields, resources, widgets

from core.imports import Importer, RowProgressMixin, import_result_preview
from people.models import User

from ..admin_selectors import event_for
from ..enums import AttendanceMethod
from ..labels import day_label
from ..models import AnonymousAttendance, Attendance, EventPage
from ..schedule import HORIZON, Occurrence
from ..services import CHECK_IN_EARLIEST, attendance_check_in_many
from ..walk_ins import anonymous_attendance_add, sheet_digest, walk_ins_invite

logger = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class NewPerson:
    """An e-mail address without a Linkage account: an account is made on confirmation."""

    email: str


class PersonWidget(widgets.Widget):
    """An e-mail address → the person with that Linkage account (looked up in bulk), a
    ``NewPerson`` for an address without one, or None for an empty cell."""

    def __init__(self, resource):
        super().__init__()
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        email = _email(value)
        if not email:
            return None
        person = self.resource.people.get(email)
        if person is not None:
            return person
        try:
            validate_email(email)
        except ValidationError as error:
            raise ValueError(
                _("“%(value)s” is not an e-mail address.") % {"value": email}
            ) from error
        return NewPerson(email)


def _email(value) -> str:
    return str(value or "").strip().lower()


def _name(value) -> str:
    return " ".join(str(value or "").split())[:120]


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
                _("The event does not take place on %(day)s.") % {"day": day_label(day)}
            )
        if self.resource.starts[key] - timezone.now() > CHECK_IN_EARLIEST:
            raise ValueError(
                _("Check-in for %(day)s opens the day before.") % {"day": day_label(key)}
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


class AttendanceImportResource(RowProgressMixin, resources.ModelResource):
    email = fields.Field(attribute="person", column_name="email")
    name = fields.Field(attribute="name", column_name="name")
    date = fields.Field(attribute="occurrence_date", column_name="date")
    attended = fields.Field(attribute="attended", column_name="attended")

    class Meta:
        model = Attendance
        fields = ("email", "name", "date", "attended")
        import_id_fields = ()
        skip_diff = True
        report_skipped = True
        store_row_values = True
        clean_model_instances = False
        use_transactions = True
        # No savepoint around every row (two queries each): the preview writes nothing, and
        # the real run checks everyone in at once at the end (attendance_check_in_many).
        use_bulk = True

    def __init__(self, *, event: EventPage, by=None):
        super().__init__()
        self.event = event
        self.by = by
        self.fields["email"].widget = PersonWidget(self)
        self.fields["date"].widget = OccurrenceWidget(self)
        self.fields["attended"].widget = AttendedWidget()
        # Held in memory (modelcluster serves a loaded relation without a query), so the
        # schedule is not read again for every check-in.
        event.occurrence_changes = list(event.occurrence_changes.all())
        occurrences = occurrences_of(event)
        self.days = occurrence_days(occurrences)
        self.starts = {occurrence.key: occurrence.start for occurrence in occurrences}
        self.first_day = event.start_date
        self.people: dict[str, User] = {}
        self.attended: set[tuple[str, date]] = set()
        self.notes: dict[int, str] = {}
        self.checked_in = 0
        self.anonymous = 0  # walk-ins without an e-mail address: to count, or counted
        self.anonymous_rows: set[int] = set()
        self.sheets: dict[date, str] = {}  # occurrence → digest of its nameless rows
        self.counted: set[date] = set()  # occurrences this sheet's nameless rows counted at
        self.pending: list[tuple[int, Attendance]] = []
        self._rows_by_key: dict[tuple, int] = {}

    def before_import(self, dataset, **kwargs):
        """Three queries for the whole file: the people named in it, who is already checked
        in, and which occurrences this very sheet's nameless rows were counted at before."""
        emails = {_email(value) for value in dataset["email"]} - {""}
        self.people = {
            person.email_lower: person
            for person in User.objects.select_related("profile")
            .annotate(email_lower=Lower("email"))
            .filter(email_lower__in=emails)
        }
        self.attended = set(
            Attendance.objects.filter(event=self.event)
            .annotate(email_lower=Lower("registration__person__email"))
            .values_list("email_lower", "occurrence_date")
        )
        self._sheets_read(dataset)

    def _sheets_read(self, dataset) -> None:
        """The digest of each occurrence's nameless rows (read from the cells as they are:
        rows with a bad cell refuse the file anyway), and the occurrences it was counted at."""
        names: dict[date, set[str]] = {}

        def column(name: str) -> list:
            return dataset[name] if name in dataset.headers else [""] * len(dataset)

        for email, name, day, attended in zip(
            column("email"), column("name"), column("date"), column("attended"), strict=True
        ):
            if _email(email) or not _name(name):
                continue
            try:
                key = self.days.get(parse_day(str(day)) if str(day or "").strip() else None)
                if key is None and not str(day or "").strip():
                    key = self.days.get(self.first_day)
                if not AttendedWidget().clean(attended):
                    continue
            except ValueError:
                continue
            if key is not None:
                names.setdefault(key, set()).add(_name(name).casefold())
        self.sheets = {
            key: sheet_digest(event=self.event, occurrence_date=key, names=found)
            for key, found in names.items()
        }
        if self.sheets:
            for key, sheets in AnonymousAttendance.objects.filter(
                event=self.event, occurrence_date__in=self.sheets
            ).values_list("occurrence_date", "sheets"):
                if self.sheets[key] in sheets:
                    self.counted.add(key)

    def get_instance(self, instance_loader, row):
        return None  # every row is a new check-in, or skipped

    def init_instance(self, row=None):
        # By id: a related object set per row costs more than the rest of the row.
        instance = Attendance(
            event_id=self.event.pk,
            method=AttendanceMethod.IMPORT,
            checked_in_by_id=getattr(self.by, "pk", None),
        )
        instance.person, instance.name, instance.attended = None, "", True
        instance.skip_note = ""
        return instance

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)  # raises the bad cells
        number = kwargs.get("row_number")
        person, name = instance.person, _name(instance.name)
        if person is None:
            key = ("name", name.casefold(), instance.occurrence_date)
        else:
            key = ("email", _email(person.email), instance.occurrence_date)
        first = self._rows_by_key.setdefault(key, number)
        if not instance.attended:
            instance.skip_note = _("Marked as not attended.")
        elif person is None and not name:
            instance.skip_note = _("No e-mail address and no name: left out.")
        elif first != number:
            instance.skip_note = _("Also on line %(line)d.") % {"line": self.line_number(first)}
        elif person is None and instance.occurrence_date in self.counted:
            instance.skip_note = _("Already counted: this sheet was imported before.")
        elif person is not None and key[1:] in self.attended:
            instance.skip_note = _("Already checked in.")
        if instance.skip_note:
            self.notes[number] = instance.skip_note
        elif person is None:
            self.anonymous_rows.add(number)
            self.anonymous += 1

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not any(str(value or "").strip() for value in row.values()):
            return True  # a blank line
        return bool(instance.skip_note) and not import_validation_errors

    def save_instance(self, instance, is_create, row, **kwargs):
        if kwargs.get("dry_run"):
            return  # the preview writes nothing, not even inside a rolled-back transaction
        self.pending.append((kwargs.get("row_number"), instance))

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """Everyone on the sheet checked in at once, after the last row was read (in the
        import's transaction): people without an account invited first, the nameless rows
        counted per occurrence. A refused row refuses the whole file, walk-ins and
        invitations included, and its message is shown on its line."""
        pending, self.pending = self.pending, []
        if dry_run or not pending:
            return
        named = [(n, i) for n, i in pending if i.person is not None]
        nameless: dict[date, int] = {}
        for _n, instance in pending:
            if instance.person is None:
                nameless[instance.occurrence_date] = nameless.get(instance.occurrence_date, 0) + 1
        try:
            invited = {}
            new = [(i.person.email, _name(i.name)) for _n, i in named if _is_new(i.person)]
            if new:
                invited = walk_ins_invite(event=self.event, entries=new, by=self.by)
            summary = (
                attendance_check_in_many(
                    event=self.event,
                    rows=[
                        (
                            invited[i.person.email] if _is_new(i.person) else i.person,
                            i.occurrence_date,
                        )
                        for _n, i in named
                    ],
                    by=self.by,
                    method=AttendanceMethod.IMPORT,
                )
                if named
                else None
            )
            counted = 0
            for key, count in sorted(nameless.items()):
                _row, added = anonymous_attendance_add(
                    event=self.event,
                    occurrence_date=key,
                    count=count,
                    by=self.by,
                    sheet=self.sheets.get(key, ""),
                )
                counted += added
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                self.handle_import_error(result, error, raise_errors)
                return
            for index, errors in error.error_dict.items():
                number, _instance = named[index]
                row_result = result.rows[number - 1]
                row_result.validation_error = ValidationError({NON_FIELD_ERRORS: errors})
                result.append_invalid_row(
                    number, row_result.row_values or {}, row_result.validation_error
                )
            return
        except Exception as error:  # logged by the preview; the file is rolled back
            self.handle_import_error(result, error, raise_errors)
            return
        self.checked_in = summary.checked_in if summary is not None else 0
        self.anonymous = counted


def _is_new(person) -> bool:
    return isinstance(person, NewPerson)


def attendance_import(
    *, event: EventPage, by, dataset, line_numbers, dry_run: bool, progress=None
) -> dict:
    """Check in (or preview checking in) everyone on a sign-in sheet; return the preview.
    A real run is one transaction: any bad row rolls the whole file back."""
    resource = AttendanceImportResource(event=event, by=by)
    resource.line_numbers = line_numbers
    resource.progress = progress
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    return import_preview(result, resource)


def import_preview(result, resource: AttendanceImportResource) -> dict:
    """Turn an import Result into what the organiser sees: one entry per non-blank row,
    with how many people the file checks in and how many it counts without a name. The
    names on nameless rows are not kept, not even in the preview."""
    preview = import_result_preview(
        result,
        columns=("email", "name", "date", "attended"),
        line_of=resource.line_number,
        notes=resource.notes,
        label="attendance import",
    )
    anonymous_lines = {resource.line_number(number) for number in resource.anonymous_rows}
    for row in [*preview["rows"], *preview["invalid"]]:
        if not _email(row.get("email")):
            row["name"] = _("(counted without a name)") if row["line"] in anonymous_lines else ""
    return {**preview, "checked_in": resource.checked_in, "anonymous": resource.anonymous}


class AttendanceImporter(Importer):
    columns = ("email", "name", "date", "attended")
    # The registration and attendance exports' own headers, so an export reads back as is.
    aliases = {
        "email": (gettext_lazy("E-mail"),),
        "name": (gettext_lazy("Name"),),
        "date": (gettext_lazy("Date of the occurrence"), gettext_lazy("Date")),
        "attended": (gettext_lazy("Attended"),),
    }

    def run(self, *, target_id, by, dataset, lines, dry_run, progress=None) -> dict:
        # The job's owner must still be allowed to see this event's people (an organiser
        # who left the programme between preview and confirmation is refused).
        event = event_for(user=by, page_id=target_id)
        if event is None or event.pk != target_id:
            raise PermissionDenied("import into an event outside the user's programmes")
        return attendance_import(
            event=event,
            by=by,
            dataset=dataset,
            line_numbers=lines,
            dry_run=dry_run,
            progress=progress,
        )


ATTENDANCE = AttendanceImporter()
