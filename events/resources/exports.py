"""Registration and attendance exports (django-import-export): one row per registration
(or check-in), one column per registration question. Every cell is made safe to open in a
spreadsheet and the rows stream from a queryset iterator.

Codes never appear: statuses, sectors, countries and methods by their labels, times in the
event's own zone (named in its own column) and in the reader's language format. The
date of the occurrence stays 2026-05-12: it is what the sign-in sheet import reads back,
whatever language the file was made in. An attendance export ends with a row per
occurrence for the walk-ins counted without a name, and a "People" column to add up."""

import logging
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from import_export import fields

from core.exports import StreamingExportResource
from core.spreadsheets import spreadsheet_safe
from people.enums import Country, Sector
from programmes.selectors import Scope

from ..admin_selectors import scoped
from ..enums import AttendanceMethod, QuestionKind, RegistrationStatus
from ..labels import moment_label, zone_label
from ..models import AnonymousAttendance, Attendance, EventPage, Registration
from ..schedule import zone

logger = logging.getLogger(__name__)

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


# No zone is more than 14 hours from UTC: a local day lies within this of the UTC one.
ZONE_MARGIN = timedelta(hours=14)


def events_held_between(start: date, end: date) -> list[int]:
    """The events (original pages: registrations belong to them) held at least partly
    between two dates, each by its own calendar: its first day (``start_date``, already the
    event's local date) no later than ``end``, and its last day (the end of its last
    occurrence, as the event's clocks show it) no earlier than ``start``. A series without
    an end is held on. The server's midnight never moves an event in or out: a Vilnius
    debate ending at 00:30 on the 11th ended on the 11th, wherever the server is."""
    earliest = datetime.combine(start, time.min, tzinfo=UTC) - ZONE_MARGIN
    candidates = (
        EventPage.objects.filter(alias_of__isnull=True, start_date__lte=end)
        .filter(Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=earliest))
        .values_list("pk", "time_zone", "last_ends_at")
    )
    return [
        pk
        for pk, time_zone, last_ends_at in candidates
        if last_ends_at is None or last_ends_at.astimezone(zone(time_zone)).date() >= start
    ]


def registration_export_queryset(
    *,
    event: EventPage | None = None,
    start: date | None = None,
    end: date | None = None,
    scope: Scope | None = None,
) -> QuerySet:
    """One dict per registration of ``event`` (already checked against the reader's
    scope), or of every event held between ``start`` and ``end`` whose people ``scope``
    may see; everything the export shows, in one query."""
    queryset = Registration.objects.all()
    if event is not None:
        queryset = queryset.filter(event=event)
    else:
        queryset = scoped(queryset, _required(scope)).filter(
            event_id__in=events_held_between(start, end)
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
    *,
    event: EventPage | None = None,
    start: date | None = None,
    end: date | None = None,
    scope: Scope | None = None,
) -> QuerySet:
    """One dict per check-in at ``event``, or at any event between ``start`` and ``end``
    whose people ``scope`` may see."""
    queryset = Attendance.objects.all()
    if event is not None:
        queryset = queryset.filter(event=event)
    else:
        queryset = scoped(queryset, _required(scope)).filter(occurrence_date__range=(start, end))
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


def anonymous_export_rows(
    *,
    event: EventPage | None = None,
    start: date | None = None,
    end: date | None = None,
    scope: Scope | None = None,
) -> list[dict]:
    """The walk-ins counted without a name, one row per occurrence, shaped like the rows
    of ``attendance_export_queryset`` (for the attendance export's last rows)."""
    queryset = AnonymousAttendance.objects.filter(count__gt=0)
    if event is not None:
        queryset = queryset.filter(event=event)
    else:
        queryset = scoped(queryset, _required(scope)).filter(occurrence_date__range=(start, end))
    return [
        {**dict.fromkeys(ANONYMOUS_BLANK), **row, "anonymous": True}
        for row in queryset.order_by("occurrence_date", "event_id").values(
            "event_id",
            "occurrence_date",
            people=F("count"),
            event_title=F("event__title"),
            event_starts_at=F("event__starts_at"),
            time_zone=F("event__time_zone"),
        )
    ]


ANONYMOUS_BLANK = (
    "pk",
    "checked_in_at",
    "method",
    "status",
    "answers",
    "created_at",
    "confirmed_at",
    *_person_values(),
)


def _required(scope: Scope | None) -> Scope:
    if scope is None:  # an export across events always says whose
        raise ValueError("an export across events needs the reader's scope")
    return scope


def _local(value: datetime | None, time_zone: str) -> str:
    """A time as the clock showed it where the event happened, in the reader's format."""
    if value is None:
        return ""
    return moment_label(value.astimezone(zone(time_zone)))


class RegistrationExportResource(StreamingExportResource):
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
    time_zone = fields.Field(column_name=gettext_lazy("Time zone"))

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
            "time_zone",
            *self._questions,
        ]
        # Labels resolved once per export, not once per row.
        self._sector_labels = {key: str(label) for key, label in Sector.choices}
        self._country_labels = {key: str(label) for key, label in Country.choices}
        self._status_labels = {key: str(label) for key, label in RegistrationStatus.choices}
        self._yes, self._no = _("yes"), _("no")
        self._zone_labels: dict[str, str] = {}

    def extra_order(self) -> tuple[str, ...]:
        return ()

    def dehydrate_event(self, row):
        return row["event_title"]

    def dehydrate_event_starts(self, row):
        return _local(row["event_starts_at"], row["time_zone"])

    def dehydrate_name(self, row):
        return row["name"] or (row["email"] or "").split("@", 1)[0]

    def dehydrate_email(self, row):
        return row["email"] or ""

    def dehydrate_organisation(self, row):
        return row["organisation"] or ""

    def dehydrate_sector(self, row):
        return self._sector_labels.get(row["sector"] or "", row["sector"] or "")

    def dehydrate_country(self, row):
        return self._country_labels.get(row["country"] or "", row["country"] or "")

    def dehydrate_region(self, row):
        return row["region"] or ""

    def dehydrate_status(self, row):
        return self._status_labels.get(row["status"] or "", row["status"] or "")

    def dehydrate_registered_at(self, row):
        return _local(row["created_at"], row["time_zone"])

    def dehydrate_confirmed_at(self, row):
        return _local(row["confirmed_at"], row["time_zone"])

    def dehydrate_time_zone(self, row):
        key = row["time_zone"]
        if key not in self._zone_labels:
            self._zone_labels[key] = zone_label(key)
        return self._zone_labels[key]

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

    def cell(self, name: str, field):
        if name in self._questions:
            return self._answer(self._questions[name])
        return super().cell(name, field)


class AttendanceExportResource(RegistrationExportResource):
    """One row per check-in: the registration's columns, and when and how; then one row
    per occurrence for the walk-ins counted without a name (``anonymous``, from
    ``anonymous_export_rows``). "People" is 1 on a check-in's row and the number counted on
    a walk-ins' row, so its sum is everyone who came."""

    occurrence_date = fields.Field(column_name=gettext_lazy("Date of the occurrence"))
    checked_in_at = fields.Field(column_name=gettext_lazy("Checked in at"))
    method = fields.Field(column_name=gettext_lazy("Method"))
    people = fields.Field(column_name=gettext_lazy("People"))

    def __init__(self, *, anonymous: list[dict] = (), **kwargs):
        super().__init__(**kwargs)
        self._method_labels = {key: str(label) for key, label in AttendanceMethod.choices}
        self._anonymous_label = _("Walk-ins without an e-mail address (counted, not named)")
        self._anonymous = list(anonymous)

    def extra_order(self) -> tuple[str, ...]:
        return ("occurrence_date", "checked_in_at", "method", "people")

    def dehydrate_occurrence_date(self, row):
        return row["occurrence_date"].isoformat()

    def dehydrate_checked_in_at(self, row):
        return _local(row["checked_in_at"], row["time_zone"])

    def dehydrate_method(self, row):
        if row.get("anonymous"):
            return self._anonymous_label
        return self._method_labels.get(row["method"], row["method"])

    def dehydrate_people(self, row):
        return row.get("people", 1)

    def dehydrate_name(self, row):
        return "" if row.get("anonymous") else super().dehydrate_name(row)

    def rows(self, queryset):
        yield from super().rows(queryset)
        if self._anonymous:
            plan = [
                self.cell(self.get_field_name(field), field) for field in self.get_export_fields()
            ]
            for row in self._anonymous:
                yield [spreadsheet_safe(cell(row)) for cell in plan]


EXPORTS = {
    "registrations": (RegistrationExportResource, registration_export_queryset),
    "attendance": (AttendanceExportResource, attendance_export_queryset),
}
# Rows an export adds after its queryset's, by kind: the attendance export's walk-ins.
EXTRA_ROWS = {"attendance": anonymous_export_rows}
