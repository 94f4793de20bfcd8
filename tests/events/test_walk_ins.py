"""People without accounts: a walk-in with an e-mail address becomes an invited person who
counts like anyone; a walk-in without one is a number per occurrence, never a name. A
sign-in sheet imported twice invites nobody twice and counts nobody twice. The ledger and
certificates carry the event's programmes."""

import io
from datetime import time

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import openpyxl
import pytest

from certificates.models import Certificate
from core.models import OutboxMessage
from core.models_imports import ImportJob
from events import walk_ins
from events.enums import RegistrationStatus
from events.models import AnonymousAttendance, Attendance, Registration
from impact.enums import ParticipationKind
from impact.models import Participation
from people.models import Invitation, User
from tests.factories import UserFactory, totp_activate
from tests.factories.events import a_date, event_page

pytestmark = pytest.mark.django_db

DAY = a_date(-2)
SHEET = (
    "E-mail,Name,Date\n"
    "known@example.org,Known Person,\n"
    "NEW.one@example.org,Drita Berisha,\n"
    "new.two@example.org,Ona Jonaitė,\n"
    ",Walk-in Without Address,\n"
    ",Another Nameless,\n"
    f",,{DAY:%d.%m.%Y}\n"
)


@pytest.fixture
def event(programme, other_programme):
    """A training of "Test programme", shared with "Other programme", two days ago."""
    page = event_page(
        start_date=DAY,
        start_time=time(10, 0),
        end_time=time(13, 0),
        capacity=None,
        languages=["lt", "en"],
        attendance_certificates=True,
    )
    page.shared_with.add(other_programme)
    page.save()
    return page


@pytest.fixture
def client(organiser) -> Client:
    totp_activate(organiser)
    client = Client()
    client.force_login(organiser)
    return client


def import_sheet(client, event, text, capture):
    """Upload, preview, confirm; the job."""
    target = reverse("events_admin:import", args=[event.pk])
    upload = SimpleUploadedFile("sheet.csv", text.encode(), content_type="text/csv")
    with capture(execute=True):
        client.post(target, {"file": upload})
    job = ImportJob.objects.latest("pk")
    preview = client.get(target, {"job": job.pk})
    with capture(execute=True):
        client.post(target, {"job": job.pk})
    job.refresh_from_db()
    return preview, job


def ledger(event):
    """Event attendance rows: (person's e-mail or None, count)."""
    return sorted(
        (row.person.email if row.person else "", row.count)
        for row in Participation.objects.filter(kind=ParticipationKind.EVENT_ATTENDED)
    )


# --- The sign-in sheet ----------------------------------------------------------------------


def test_a_sheet_invites_the_unknown_counts_the_nameless_and_checks_everyone_in(
    event, client, organiser, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.org")

    preview, job = import_sheet(client, event, SHEET, django_capture_on_commit_callbacks)

    text = preview.content.decode()
    assert preview.context["preview"]["anonymous"] == 2
    assert (
        "2 rows have a name but no e-mail address: they will be counted as anonymous "
        "walk-ins, and the names are not kept."
    ) in text
    assert "(counted without a name)" in text
    # Not even the preview kept on the job holds the names of the nameless.
    assert "Walk-in Without Address" not in str(job.summary)
    assert (job.status, job.summary["checked_in"], job.summary["anonymous"]) == ("done", 3, 2)
    assert sorted(
        Attendance.objects.values_list("registration__person__email", "method", "checked_in_by")
    ) == [
        ("known@example.org", "import", organiser.pk),
        ("new.one@example.org", "import", organiser.pk),
        ("new.two@example.org", "import", organiser.pk),
    ]
    invited = User.objects.get(email="new.one@example.org")
    assert (invited.display_name, invited.has_usable_password()) == ("Drita Berisha", False)
    assert invited.profile.preferred_language == "lt"  # the event's first language
    assert sorted(Invitation.objects.values_list("user__email", "invited_by")) == [
        ("new.one@example.org", organiser.pk),
        ("new.two@example.org", organiser.pk),
    ]
    assert list(AnonymousAttendance.objects.values_list("occurrence_date", "count")) == [(DAY, 2)]
    assert ledger(event) == [
        ("", 2),
        ("known@example.org", 1),
        ("new.one@example.org", 1),
        ("new.two@example.org", 1),
    ]


def test_importing_the_same_sheet_twice_makes_one_account_and_one_invitation_per_person(
    event, client, django_capture_on_commit_callbacks
):
    import_sheet(client, event, SHEET, django_capture_on_commit_callbacks)
    state = (
        sorted(User.objects.values_list("email", flat=True)),
        Invitation.objects.count(),
        OutboxMessage.objects.filter(kind="people.invitation").count(),
        Attendance.objects.count(),
        list(AnonymousAttendance.objects.values_list("count", flat=True)),
        ledger(event),
    )

    preview, job = import_sheet(client, event, SHEET, django_capture_on_commit_callbacks)

    assert state[1:3] == (3, 3)  # known@ is created on the first import too: invited
    assert (
        sorted(User.objects.values_list("email", flat=True)),
        Invitation.objects.count(),
        OutboxMessage.objects.filter(kind="people.invitation").count(),
        Attendance.objects.count(),
        list(AnonymousAttendance.objects.values_list("count", flat=True)),
        ledger(event),
    ) == state
    notes = [row["messages"] for row in preview.context["preview_rows"]]
    assert notes == [["Already checked in."]] * 3 + [
        ["Already counted: this sheet was imported before."]
    ] * 2 + [["No e-mail address and no name: left out."]]
    assert (job.status, job.summary["new"]) == ("done", 0)


def test_a_second_sheet_with_other_nameless_walk_ins_adds_them(
    event, client, django_capture_on_commit_callbacks
):
    import_sheet(client, event, "email,name\n,Ana\n,Besa\n", django_capture_on_commit_callbacks)
    import_sheet(client, event, "email,name\n,Ana\n,Dita\n", django_capture_on_commit_callbacks)

    assert list(AnonymousAttendance.objects.values_list("count", flat=True)) == [4]
    assert ledger(event) == [("", 4)]


def test_a_refused_row_refuses_the_invitations_and_counts_too(
    event, client, django_capture_on_commit_callbacks
):
    sheet = (
        "email,name,date\n"
        "new@example.org,New Person,\n"
        ",Nameless,\n"
        f"x@example.org,X,{a_date(30):%d.%m.%Y}\n"  # too early: refuses the file
    )

    preview, job = import_sheet(client, event, sheet, django_capture_on_commit_callbacks)

    assert job.status == "refused"
    assert (User.objects.filter(email="new@example.org").exists(), Invitation.objects.count()) == (
        False,
        0,
    )
    assert (AnonymousAttendance.objects.count(), Participation.objects.count()) == (0, 0)


# --- The check-in page ----------------------------------------------------------------------


def check_in(client, event, **data):
    return client.post(
        reverse("events_admin:check_in", args=[event.pk]),
        {"date": DAY.isoformat(), **data},
        follow=True,
    )


def test_a_walk_in_with_a_new_address_is_invited_and_checked_in(event, client):
    response = check_in(client, event, email="Vesa@Example.org", name="Vesa Gashi")
    check_in(client, event, email="vesa@example.org", name="Someone Else")

    assert [str(m) for m in response.context["messages"]] == ["Vesa Gashi is checked in."]
    person = User.objects.get(email="vesa@example.org")
    assert (person.display_name, Invitation.objects.filter(user=person).count()) == (
        "Vesa Gashi",
        1,
    )
    assert list(Attendance.objects.values_list("registration__person__email", flat=True)) == [
        "vesa@example.org"
    ]


def test_a_walk_in_never_learns_whether_an_address_had_an_account(event, client):
    UserFactory(email="existing@example.org", profile__display_name="Existing Person")

    known = check_in(client, event, email="existing@example.org", name="Typed Name")
    unknown = check_in(client, event, email="unknown@example.org", name="Typed Name")

    # Both named as typed: the account's own name would reveal that it existed, and whose.
    assert [str(m) for m in known.context["messages"]] == ["Typed Name is checked in."]
    assert [str(m) for m in unknown.context["messages"]] == ["Typed Name is checked in."]
    assert "No Linkage account" not in known.content.decode() + unknown.content.decode()


def test_walk_ins_without_an_address_are_counted_shown_and_corrected(event, client, programme):
    check_in(client, event, anonymous_add="3")
    added = check_in(client, event, anonymous_add="2")

    assert [str(m) for m in added.context["messages"]] == [
        "2 walk-ins without an e-mail address added (5 in all)."
    ]
    assert added.context["anonymous"] == 5
    assert "And 5 walk-ins without an e-mail address." in added.content.decode()
    assert ledger(event) == [("", 5)]

    corrected = check_in(client, event, anonymous_set="4")

    assert [str(m) for m in corrected.context["messages"]] == [
        "Corrected: 4 walk-ins without an e-mail address."
    ]
    (row,) = Participation.objects.all()
    assert (row.person, row.count, row.occurred_at.date()) == (None, 4, DAY)
    assert sorted(row.programmes.values_list("slug", flat=True)) == ["other", "test"]

    check_in(client, event, anonymous_set="0")
    assert (AnonymousAttendance.objects.get().count, Participation.objects.count()) == (0, 0)


@pytest.mark.parametrize("value", ["-1", "abc", "10001", ""])
def test_a_walk_in_count_that_is_not_a_number_of_people_is_refused(event, client, value):
    response = check_in(client, event, anonymous_add=value)

    assert [str(m) for m in response.context["messages"]] == [
        "Give a whole number of people between 0 and 10000."
    ]
    assert Participation.objects.count() == 0


def test_walk_ins_are_not_counted_on_a_day_without_the_event(event, organiser):
    with pytest.raises(ValidationError) as refused:
        walk_ins.anonymous_attendance_add(
            event=event, occurrence_date=a_date(-1), count=2, by=organiser
        )
    assert refused.value.messages == [
        f"Risk assessment training does not take place on {walk_ins_day(a_date(-1))}."
    ]
    assert AnonymousAttendance.objects.count() == 0


def walk_ins_day(day):
    from events.labels import day_label

    return day_label(day)


def test_the_attendance_export_totals_the_walk_ins(event, client):
    person = UserFactory(email="amina@example.org", profile__display_name="Amina Hoxha")
    registration = Registration.objects.create(
        event=event, person=person, status=RegistrationStatus.CONFIRMED
    )
    check_in(client, event, registration=registration.pk)
    check_in(client, event, anonymous_add="3")

    response = client.get(reverse("events_admin:export", args=[event.pk, "attendance", "xlsx"]))

    rows = list(
        openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(
            values_only=True
        )
    )
    header = rows[0]
    people = header.index("People")
    assert [(row[0], row[header.index("Method")], row[people]) for row in rows[1:]] == [
        ("Amina Hoxha", "Checked in on screen", 1),
        (None, "Walk-ins without an e-mail address (counted, not named)", 3),
    ]
    assert sum(row[people] for row in rows[1:]) == 4


# --- The ledger and certificates carry the programmes -------------------------------------------


def test_a_check_in_records_the_events_programmes_in_the_ledger_and_the_certificate(event, client):
    person = UserFactory(email="amina@example.org")
    registration = Registration.objects.create(
        event=event, person=person, status=RegistrationStatus.CONFIRMED
    )

    check_in(client, event, registration=registration.pk)

    participation = Participation.objects.get(person=person)
    certificate = Certificate.objects.get(holder=person)
    assert sorted(participation.programmes.values_list("slug", flat=True)) == ["other", "test"]
    assert sorted(certificate.programmes.values_list("slug", flat=True)) == ["other", "test"]


def test_a_sheet_records_the_events_programmes_in_the_ledger_and_the_certificates(
    event, client, django_capture_on_commit_callbacks
):
    import_sheet(
        client,
        event,
        "email,name\nnew@example.org,New Person\n",
        django_capture_on_commit_callbacks,
    )

    participation = Participation.objects.get(person__email="new@example.org")
    certificate = Certificate.objects.get(holder__email="new@example.org")
    assert sorted(participation.programmes.values_list("slug", flat=True)) == ["other", "test"]
    assert sorted(certificate.programmes.values_list("slug", flat=True)) == ["other", "test"]
