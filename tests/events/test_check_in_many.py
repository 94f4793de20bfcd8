"""Checking a whole sign-in sheet in at once (``attendance_check_in_many``): the same
outcome as checking each row in, idempotent, and a number of queries that does not grow
with the sheet."""

from datetime import time

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

import pytest

from certificates.models import Certificate
from events import services
from events.enums import AttendanceMethod, RegistrationStatus
from events.labels import day_label
from events.models import Attendance, Registration
from events.schedule import aware
from impact.models import Participation
from tests.factories import UserFactory
from tests.factories.events import a_date, event_page

pytestmark = pytest.mark.django_db

DAY = a_date(-3)
# The ledger's share of a sheet, whatever its length: the rows already there, the people's
# profiles and groups, the insert, the new rows' ids and their programmes (the event's,
# read once, and one insert linking them), in a savepoint of its own.
LEDGER = 9


def an_event(**fields):
    return event_page(
        start_date=DAY,
        start_time=time(10, 0),
        end_time=time(13, 0),
        capacity=None,
        attendance_certificates=True,
        **fields,
    )


def registered(event, person, status=RegistrationStatus.CONFIRMED):
    return Registration.objects.create(
        event=event, person=person, status=status, confirmed_at=timezone.now()
    )


def sheet(event, people, organiser):
    """A confirmed person, a waitlisted walk-in, one already checked in, one unregistered."""
    confirmed = registered(event, people[0])
    waitlisted = registered(event, people[1], RegistrationStatus.WAITLISTED)
    already = registered(event, people[2])
    services.attendance_check_in(registration=already, occurrence_date=DAY, by=organiser)
    return [confirmed, waitlisted, already, people[3]]


def state(event):
    """Everything a check-in writes, without ids and timestamps."""
    return {
        "registrations": sorted(
            Registration.objects.filter(event=event).values_list("person__email", "status")
        ),
        "attendances": sorted(
            Attendance.objects.filter(event=event).values_list(
                "registration__person__email", "occurrence_date", "checked_in_by_id"
            )
        ),
        "ledger": sorted(
            Participation.objects.filter(
                source_id__in=[
                    str(pk) for pk in Attendance.objects.filter(event=event).values_list("pk")
                ]
            ).values_list("person__email", "kind", "occurred_at", "role", "subject_key")
        ),
        "certificates": sorted(
            Certificate.objects.filter(
                subject_id__in=[
                    str(pk)
                    for pk in Attendance.objects.filter(event=event).values_list("pk", flat=True)
                ]
            ).values_list("holder__email", "kind", "title", "completed_on", "status")
        ),
    }


@pytest.fixture
def people():
    return [UserFactory(email=f"person{i}@example.org") for i in range(5)]


def test_a_sheet_has_the_same_outcome_as_checking_in_row_by_row(people, organiser):
    one_by_one, at_once = an_event(slug="one"), an_event(slug="all", title="Risk assessment")
    at_once.title = one_by_one.title
    at_once.save()
    for item in sheet(one_by_one, people, organiser):
        registration = (
            item
            if isinstance(item, Registration)
            else services.registration_for_check_in(event=one_by_one, person=item)
        )
        services.attendance_check_in(registration=registration, occurrence_date=DAY, by=organiser)
    rows = [(item, DAY) for item in sheet(at_once, people, organiser)]

    summary = services.attendance_check_in_many(
        event=at_once, rows=rows, by=organiser, method=AttendanceMethod.IMPORT
    )

    assert (summary.checked_in, summary.already, summary.confirmed) == (3, 1, 1)
    assert state(at_once) == state(one_by_one)
    assert state(at_once)["registrations"] == [
        ("person0@example.org", "confirmed"),
        ("person1@example.org", "confirmed"),
        ("person2@example.org", "confirmed"),
        ("person3@example.org", "confirmed"),
    ]


def test_a_cancelled_registration_refuses_the_sheet_with_the_same_message(people, organiser):
    event = an_event()
    cancelled = registered(event, people[1], RegistrationStatus.CANCELLED)
    rows = [(registered(event, people[0]), DAY), (cancelled, DAY), (people[2], DAY)]
    with pytest.raises(ValidationError) as one:
        services.attendance_check_in(registration=cancelled, occurrence_date=DAY)

    with pytest.raises(ValidationError) as many:
        services.attendance_check_in_many(event=event, rows=rows, by=organiser, method="import")

    assert {k: [e.message for e in v] for k, v in many.value.error_dict.items()} == {
        1: one.value.messages
    }
    assert one.value.messages == [
        f"{people[1].display_name}'s registration is Cancelled: it cannot be checked in."
    ]
    # One transaction: the walk-in made for row 3 is gone with everything else.
    assert (Attendance.objects.count(), Registration.objects.count()) == (0, 2)


def test_a_day_the_event_does_not_take_place_or_too_early_is_refused(people):
    later = event_page(start_date=a_date(10))
    rows = [(people[0], a_date(11)), (people[1], None)]
    with pytest.raises(ValidationError) as refused:
        services.attendance_check_in_many(event=later, rows=rows, method="import")
    assert {k: [e.message for e in v] for k, v in refused.value.error_dict.items()} == {
        0: [f"Risk assessment training does not take place on {day_label(a_date(11))}."],
        1: [f"Check-in for {day_label(a_date(10))} opens the day before."],
    }


def test_entering_the_same_sheet_again_doubles_nothing(people, organiser):
    event = an_event()
    rows = [(item, DAY) for item in sheet(event, people, organiser)]
    services.attendance_check_in_many(event=event, rows=rows, by=organiser, method="import")
    before = state(event)

    again = services.attendance_check_in_many(
        event=event, rows=rows + rows[:1], by=organiser, method="import"
    )

    assert (again.checked_in, again.already, again.confirmed) == (0, 5, 0)
    assert state(event) == before
    assert Participation.objects.count() == 4
    assert Certificate.objects.count() == 4


def test_the_ledger_counts_the_attendance_when_the_occurrence_started(people):
    event = an_event()
    services.attendance_check_in_many(event=event, rows=[(people[0], DAY)], method="import")
    assert list(Participation.objects.values_list("kind", "occurred_at")) == [
        ("event_attended", aware(DAY, time(10, 0), event.time_zone))
    ]


@pytest.mark.parametrize("count", [1, 5])
def test_walk_ins_are_checked_in_in_a_fixed_number_of_queries(
    count, people, organiser, django_assert_num_queries
):
    event = event_page(start_date=DAY, capacity=None)
    event.occurrence_changes = list(event.occurrence_changes.all())
    event.original = event
    rows = [(person, DAY) for person in people[:count]]
    # Lock, registrations, walk-ins, attendance read and insert, the ledger, and the
    # transaction's savepoint and its release.
    with django_assert_num_queries(5 + LEDGER + 2):
        services.attendance_check_in_many(event=event, rows=rows, by=organiser, method="import")
    assert Attendance.objects.count() == count


@pytest.mark.parametrize("count", [1, 5])
def test_waitlisted_registrations_are_checked_in_in_a_fixed_number_of_queries(
    count, people, organiser, django_assert_num_queries
):
    event = event_page(start_date=DAY, capacity=None)
    event.occurrence_changes = list(event.occurrence_changes.all())
    event.original = event
    rows = [
        (registered(event, person, RegistrationStatus.WAITLISTED), DAY) for person in people[:count]
    ]
    # Without certificates: their e-mails are queued one at a time (core.outbox has no
    # bulk enqueue), seven queries each. Lock, registrations, their update, attendance
    # read and insert, the ledger, the savepoint and its release.
    with django_assert_num_queries(5 + LEDGER + 2):
        services.attendance_check_in_many(event=event, rows=rows, by=organiser, method="import")
    assert sorted(Registration.objects.values_list("status", flat=True)) == ["confirmed"] * count


@pytest.mark.parametrize("count", [1, 5])
def test_confirming_a_sign_in_sheet_takes_a_fixed_number_of_queries(
    count, people, organiser, django_assert_num_queries
):
    import tablib

    from events.resources.imports import ATTENDANCE

    event = event_page(start_date=DAY, capacity=None)
    for person in people[:count]:
        registered(event, person, RegistrationStatus.WAITLISTED)
    dataset = tablib.Dataset(
        *[(person.email, f"{DAY:%d.%m.%Y}", "yes") for person in people[:count]],
        headers=["email", "date", "attended"],
    )
    # PostgreSQL adds one: django-import-export resets the attendance id sequence after
    # a run that created rows (SELECT setval(...)); SQLite has no sequence to reset. The
    # organiser's programmes are read once (is the event still theirs?).
    expected = 30 if connection.vendor == "postgresql" else 29
    with django_assert_num_queries(expected):
        preview = ATTENDANCE.run(
            target_id=event.pk,
            by=organiser,
            dataset=dataset,
            lines=list(range(2, count + 2)),
            dry_run=False,
        )
    assert (preview["valid"], preview["checked_in"]) == (True, count)
    assert sorted(Attendance.objects.values_list("registration__person__email", "method")) == [
        (person.email, "import") for person in people[:count]
    ]


def test_a_row_refused_on_confirmation_is_named_by_its_line(people, organiser, monkeypatch):
    import tablib

    from events.resources import imports

    def refuse(**kwargs):
        raise ValidationError({1: ["This registration is not for this event."]})

    monkeypatch.setattr(imports, "attendance_check_in_many", refuse)
    event = event_page(start_date=DAY, capacity=None)
    dataset = tablib.Dataset(
        *[(person.email, "", "yes") for person in people[:2]],
        headers=["email", "date", "attended"],
    )
    preview = imports.ATTENDANCE.run(
        target_id=event.pk, by=organiser, dataset=dataset, lines=[2, 5], dry_run=False
    )
    assert [(row["line"], row["messages"]) for row in preview["invalid"]] == [
        (5, ["This registration is not for this event."])
    ]
    assert (preview["valid"], Registration.objects.count()) == (False, 0)
