"""events/admin_views.py and wagtail_hooks.py: registrations (approve, decline, cancel), the
check-in list, the sign-in sheet, the sign-in sheet import (upload → preview → confirm),
the exports per event and across dates, all behind their permissions."""

import io
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import openpyxl
import pytest

from events.enums import AttendanceMethod, RegistrationStatus
from events.models import Attendance, EventPage, Registration
from impact.enums import ParticipationKind
from impact.models import Participation
from people.enums import Role
from tests.factories import OrganisationFactory, UserFactory, totp_activate, user_with_role
from tests.factories.events import programme_section

pytestmark = pytest.mark.django_db

EVENT_PERMISSIONS = (
    "view_registration",
    "change_registration",
    "check_in_registration",
    "export_registration",
    "import_attendance",
)
DIET = "7a4c1f0e-0000-4000-8000-000000000001"
INTERPRETATION = "7a4c1f0e-0000-4000-8000-000000000002"
# A week ago: check-in opens the day before an occurrence, and sheets come in afterwards.
EVENT_DAY = date.today() - timedelta(days=7)
DAY = f"{EVENT_DAY:%d.%m.%Y}"
NEXT_DAY = f"{EVENT_DAY + timedelta(days=1):%d.%m.%Y}"


def grant(user, *codenames):
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
    )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def question(block_id, label, kind="text"):
    return {
        "type": "question",
        "id": block_id,
        "value": {"label": label, "help_text": "", "kind": kind, "choices": "", "required": False},
    }


def make_event(**fields) -> EventPage:
    return EventPage(
        **{
            "title": "Safety planning training",
            "slug": "safety-planning",
            "kind": "training",
            "summary": "Safety planning with survivors, for social workers and police.",
            "start_date": EVENT_DAY,
            "start_time": time(10, 0),
            "end_time": time(13, 0),
            "time_zone": "Europe/Vilnius",
            "country": "LT",
            "languages": ["en"],
            "capacity": 20,
            "questions": [
                question(DIET, "Dietary needs"),
                question(INTERPRETATION, "I need interpretation", kind="checkbox"),
            ],
            **fields,
        }
    )


@pytest.fixture
def event(home_page, programme) -> EventPage:
    """An event of "Test programme" (which ``organiser`` runs), in its section."""
    page = make_event()
    programme_section(programme).add_child(instance=page)
    return page


@pytest.fixture
def organiser_client(organiser_with_totp) -> Client:
    grant(organiser_with_totp, *EVENT_PERMISSIONS)
    return logged_in(organiser_with_totp)


@pytest.fixture
def viewer_client(db) -> Client:
    """In the admin, allowed to see registrations and nothing else."""
    viewer = UserFactory(email="viewer@example.org")
    viewer.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    grant(viewer, "view_registration")
    totp_activate(viewer)
    return logged_in(viewer)


@pytest.fixture
def register(event):
    """register("amina@example.org", name=..., status=..., answers=...) → Registration."""
    count = 0

    def make(email, *, name="Amina Hoxha", status=RegistrationStatus.CONFIRMED, answers=None):
        nonlocal count
        count += 1
        person = user_with_role(
            Role.PROFESSIONAL,
            email=email,
            profile__display_name=name,
            profile__organisation=OrganisationFactory(name=f"Centre {count}"),
        )
        return Registration.objects.create(
            event=event,
            person=person,
            status=status,
            confirmed_at=timezone.now() if status == RegistrationStatus.CONFIRMED else None,
            answers=answers or {},
        )

    return make


def upload(text: str, name="sign-in.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def url(name, event, *args):
    return reverse(f"events_admin:{name}", args=[event.pk, *args])


# --- Permissions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["registrations", "check_in", "sign_in_sheet", "import", "export_registrations"]
)
def test_a_professional_never_reaches_the_events_admin(name, event, register, professional):
    register("amina@example.org")
    target = (
        url("export", event, "registrations", "csv")
        if name == "export_registrations"
        else url(name, event)
    )

    response = logged_in(professional).get(target)

    # A signed-in person without admin access gets the admin gate's 403 page (sending them
    # to the login, which is allauth's, would loop), never the view.
    assert (response.status_code, response.get("Location")) == (403, None)


@pytest.mark.parametrize(
    "method, name, args",
    [
        ("get", "check_in", ()),
        ("post", "check_in", ()),
        ("get", "import", ()),
        ("get", "export", ("attendance", "csv")),
        ("post", "registration_decide", ("REGISTRATION", "cancel")),
    ],
)
def test_without_the_permission_the_admin_answers_403(
    method, name, args, event, register, viewer_client
):
    registration = register("amina@example.org")
    args = [registration.pk if arg == "REGISTRATION" else arg for arg in args]

    response = getattr(viewer_client, method)(url(name, event, *args))

    assert response.status_code == 403
    assert registration.attendances.count() == 0
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_permission_without_a_programme_shows_no_event_and_nobody(event, register, viewer_client):
    """The model permission opens the admin's doors; which events (and people) are behind
    them is the programme's: someone who runs none sees none."""
    register("amina@example.org")

    index = viewer_client.get(reverse("events_admin:index"))
    registrations = viewer_client.get(url("registrations", event))

    assert (index.status_code, index.context["rows"]) == (200, [])
    assert registrations.status_code == 404
    assert "amina@example.org" not in index.content.decode()


# --- Index and registrations -------------------------------------------------------------


def test_index_lists_events_with_their_counts(event, register, organiser_client):
    register("amina@example.org")
    register("besa@example.org", status=RegistrationStatus.PENDING)
    register("dren@example.org", status=RegistrationStatus.WAITLISTED)

    response = organiser_client.get(reverse("events_admin:index"))

    assert response.status_code == 200
    assert [
        (row["event"].pk, row["confirmed"], row["waiting"], row["pending"], row["attended"])
        for row in response.context["rows"]
    ] == [(event.pk, 1, 1, 1, 0)]


def test_registrations_show_answers_by_question_label(event, register, organiser_client):
    register("amina@example.org", answers={DIET: "Vegetarian", INTERPRETATION: True})

    response = organiser_client.get(url("registrations", event))

    (registration,) = response.context["registrations"]
    assert registration.answer_list == [
        ("Dietary needs", "Vegetarian"),
        ("I need interpretation", "yes"),
    ]
    assert "Vegetarian" in response.content.decode()


def test_approve_confirms_a_pending_registration(event, register, organiser_client, organiser):
    registration = register("amina@example.org", status=RegistrationStatus.PENDING)

    response = organiser_client.post(url("registration_decide", event, registration.pk, "approve"))

    registration.refresh_from_db()
    assert response.status_code == 302
    assert (registration.status, registration.decided_by) == (
        RegistrationStatus.CONFIRMED,
        organiser,
    )


def test_decline_rejects_a_pending_registration(event, register, organiser_client):
    registration = register("amina@example.org", status=RegistrationStatus.PENDING)

    organiser_client.post(url("registration_decide", event, registration.pk, "decline"))

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REJECTED


def test_approving_a_confirmed_registration_shows_the_refusal(event, register, organiser_client):
    registration = register("amina@example.org")

    response = organiser_client.post(
        url("registration_decide", event, registration.pk, "approve"), follow=True
    )

    assert [str(message) for message in response.context["messages"]] == [
        "Only a registration awaiting approval can be approved."
    ]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancel_by_an_organiser(event, register, organiser_client):
    registration = register("amina@example.org")

    organiser_client.post(url("registration_decide", event, registration.pk, "cancel"))

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_a_translation_leads_to_the_original_event(event, register, organiser_client):
    from wagtail.models import Locale

    register("amina@example.org")
    locale = Locale.objects.get_or_create(language_code="lt")[0]
    section = event.get_parent()
    section.get_parent().get_parent().copy_for_translation(locale)  # home
    section.get_parent().specific.copy_for_translation(locale)  # the listing
    section.specific.copy_for_translation(locale)
    translation = event.copy_for_translation(locale)

    response = organiser_client.get(url("registrations", translation))

    assert response.context["event"].pk == event.pk
    assert len(response.context["registrations"]) == 1


# --- Check-in -------------------------------------------------------------------------------


def test_check_in_records_attendance_and_the_ledger_once(
    event, register, organiser_client, organiser
):
    registration = register("amina@example.org")
    data = {"registration": registration.pk, "date": EVENT_DAY.isoformat()}

    first = organiser_client.post(url("check_in", event), data)
    organiser_client.post(url("check_in", event), data)

    assert first.status_code == 302
    assert first["Location"].endswith(
        f"?date={EVENT_DAY.isoformat()}#registration-{registration.pk}"
    )
    assert list(
        Attendance.objects.values_list("registration", "occurrence_date", "checked_in_by", "method")
    ) == [(registration.pk, EVENT_DAY, organiser.pk, AttendanceMethod.CHECK_IN)]
    assert list(
        Participation.objects.filter(kind=ParticipationKind.EVENT_ATTENDED).values_list(
            "person", flat=True
        )
    ) == [registration.person_id]


def test_check_in_list_shows_who_is_checked_in(event, register, organiser_client):
    amina = register("amina@example.org", name="Amina Hoxha")
    register("besa@example.org", name="Besa Krasniqi")
    organiser_client.post(
        url("check_in", event), {"registration": amina.pk, "date": EVENT_DAY.isoformat()}
    )

    response = organiser_client.get(url("check_in", event))

    assert response.context["occurrence"].key == EVENT_DAY
    assert [
        (r.person.display_name, r.checked_in_at is not None) for r in response.context["people"]
    ] == [("Amina Hoxha", True), ("Besa Krasniqi", False)]
    assert (response.context["checked_in"], response.context["total"]) == (1, 2)


def test_check_in_search_by_name_or_e_mail(event, register, organiser_client):
    register("amina@example.org", name="Amina Hoxha")
    register("besa@example.org", name="Besa Krasniqi")

    by_name = organiser_client.get(url("check_in", event), {"q": "krasn"})
    by_email = organiser_client.get(url("check_in", event), {"q": "AMINA@"})

    assert [r.person.email for r in by_name.context["people"]] == ["besa@example.org"]
    assert [r.person.email for r in by_email.context["people"]] == ["amina@example.org"]


def test_a_walk_in_is_registered_and_checked_in(event, organiser_client):
    person = user_with_role(Role.PROFESSIONAL, email="walkin@example.org")

    organiser_client.post(
        url("check_in", event), {"email": "Walkin@example.org", "date": EVENT_DAY.isoformat()}
    )

    assert list(Attendance.objects.values_list("registration__person", "registration__status")) == [
        (person.pk, RegistrationStatus.CONFIRMED)
    ]


def test_check_in_on_a_day_without_the_event_is_refused(event, register, organiser_client):
    registration = register("amina@example.org")

    response = organiser_client.post(
        url("check_in", event),
        {"registration": registration.pk, "date": (EVENT_DAY + timedelta(days=1)).isoformat()},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Choose a date on which the event takes place."
    ]
    assert Attendance.objects.count() == 0


def test_sign_in_sheet_lists_confirmed_people_and_empty_rows(event, register, organiser_client):
    register("amina@example.org", name="Amina Hoxha")
    register("besa@example.org", name="Besa Krasniqi", status=RegistrationStatus.WAITLISTED)

    response = organiser_client.get(url("sign_in_sheet", event), {"blank": 3})

    content = response.content.decode()
    assert response.status_code == 200
    assert [r.person.display_name for r in response.context["registrants"]] == ["Amina Hoxha"]
    assert list(response.context["blank_rows"]) == [2, 3, 4]
    assert "Safety planning training" in content
    # The event's own wall-clock time (Vilnius), its zone in words, the weekday once.
    assert f"{date_format(EVENT_DAY, 'DATE_FORMAT')}, 10:00–13:00</time>" in content
    assert '<span class="event-zone">Eastern European Time</span>' in content
    assert "Besa" not in content


# --- Import ---------------------------------------------------------------------------------


def preview_of(client, event, file, capture):
    """Upload ``file`` and follow to its job page (the preview task runs on commit)."""
    with capture(execute=True):
        response = client.post(url("import", event), {"file": file})
    assert response.status_code == 302
    return client.get(response.url)


def test_import_with_a_bad_row_writes_nothing_and_names_the_line(
    event, register, organiser_client, django_capture_on_commit_callbacks
):
    register("amina@example.org")
    register("besa@example.org")

    response = preview_of(
        organiser_client,
        event,
        upload(
            "email,date,attended\n"
            f"amina@example.org,{DAY},yes\n"
            "\n"
            "nobody@example,,\n"
            f"besa@example.org,{NEXT_DAY},yes\n"
            f"amina@example.org,{EVENT_DAY:%d/%m/%Y},\n"
        ),
        django_capture_on_commit_callbacks,
    )

    next_day = date_format(EVENT_DAY + timedelta(days=1), "DATE_FORMAT")
    assert [(row["line"], row["messages"]) for row in response.context["errors"]] == [
        (4, ["“nobody@example” is not an e-mail address."]),
        (5, [f"The event does not take place on {next_day}."]),
        (6, [f"“{EVENT_DAY:%d/%m/%Y}” is not a date: write it as 12.05.2026 or 2026-05-12."]),
    ]
    assert "Line 4 (nobody@example): “nobody@example” is not an e-mail address." in (
        response.content.decode()
    )
    assert response.context["confirm_form"] is None
    assert Attendance.objects.count() == 0


def test_a_valid_import_previews_then_checks_everyone_in(
    event, register, organiser_client, organiser, django_capture_on_commit_callbacks
):
    amina = register("amina@example.org")
    besa = register("besa@example.org", status=RegistrationStatus.WAITLISTED)
    user_with_role(Role.PROFESSIONAL, email="dren@example.org")
    register("fjolla@example.org")
    sheet = (
        "Email;Date;Attended\n"
        f"AMINA@example.org;{EVENT_DAY.isoformat()};yes\n"
        "besa@example.org;;\n"
        f"dren@example.org;{DAY}.;\n"
        "fjolla@example.org;;no\n"
    )

    preview = preview_of(organiser_client, event, upload(sheet), django_capture_on_commit_callbacks)

    assert (preview.context["preview"]["new"], preview.context["preview"]["skipped"]) == (3, 1)
    assert Attendance.objects.count() == 0
    job = preview.context["job"]

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = organiser_client.post(url("import", event), {"job": job.pk})

    assert confirmed.status_code == 302
    assert sorted(
        Attendance.objects.values_list("registration__person__email", "method", "checked_in_by")
    ) == [
        ("amina@example.org", AttendanceMethod.IMPORT, organiser.pk),
        ("besa@example.org", AttendanceMethod.IMPORT, organiser.pk),
        ("dren@example.org", AttendanceMethod.IMPORT, organiser.pk),
    ]
    assert Participation.objects.filter(kind=ParticipationKind.EVENT_ATTENDED).count() == 3
    amina.refresh_from_db()
    besa.refresh_from_db()
    assert (amina.status, besa.status) == (RegistrationStatus.CONFIRMED,) * 2
    job.refresh_from_db()
    assert (job.status, bytes(job.data), job.summary["checked_in"]) == ("done", b"", 3)


def test_the_registration_export_reads_back_as_a_sign_in_sheet_unchanged(
    event, register, organiser_client, django_capture_on_commit_callbacks
):
    """Its "E-mail" header is the sheet's email column: organisers tick off the export."""
    register("amina@example.org")
    register("besa@example.org")
    export = organiser_client.get(url("export", event, "registrations", "csv"))
    sheet = b"".join(export.streaming_content).decode("utf-8-sig")

    preview = preview_of(organiser_client, event, upload(sheet), django_capture_on_commit_callbacks)

    assert (preview.context["preview"]["new"], preview.context["preview"]["invalid"]) == (2, 0)


@pytest.mark.parametrize("job_id", ["forged", "999999"])
def test_import_refuses_a_confirmation_of_no_job(event, organiser_client, job_id):
    response = organiser_client.post(url("import", event), {"job": job_id})

    assert response.status_code == 404
    assert Attendance.objects.count() == 0


def test_import_of_an_xlsx_sheet(
    event, register, organiser_client, django_capture_on_commit_callbacks
):
    register("amina@example.org")
    book = openpyxl.Workbook()
    book.active.append(["email", "date"])
    book.active.append(["amina@example.org", EVENT_DAY])  # a real date cell
    data = io.BytesIO()
    book.save(data)

    preview = preview_of(
        organiser_client,
        event,
        SimpleUploadedFile("sheet.xlsx", data.getvalue()),
        django_capture_on_commit_callbacks,
    )

    assert preview.context["preview"]["new"] == 1


def test_an_xlsx_formula_without_a_saved_value_refuses_the_file(event, register, organiser_client):
    register("amina@example.org")
    book = openpyxl.Workbook()
    book.active.append(["email", "date"])
    book.active.append(['=LOWER("AMINA@example.org")', ""])  # never calculated: no value
    data = io.BytesIO()
    book.save(data)

    response = organiser_client.post(
        url("import", event), {"file": SimpleUploadedFile("sheet.xlsx", data.getvalue())}
    )

    assert response.status_code == 400
    assert response.context["upload_form"].errors["file"] == [
        "Cell A2 holds a formula whose result was never saved. Open the file in a spreadsheet "
        "program, save it, and upload it again (or paste the values instead of the formula)."
    ]
    assert Attendance.objects.count() == 0


@pytest.mark.parametrize("n", [1, 3])
def test_a_sheet_preview_runs_the_same_queries_for_1_or_3_people(
    n, event, registered, organiser, django_assert_num_queries
):
    from core.spreadsheets import read_table
    from events.resources import attendance_import
    from events.resources.imports import ATTENDANCE

    people = registered(n)
    sheet = "email\n" + "".join(f"{r.person.email}\n" for r in people)
    dataset, lines = read_table(sheet.encode(), "csv", columns=ATTENDANCE.columns)
    event.original = event

    with django_assert_num_queries(12):  # 3 reads; the rest are savepoints
        preview = attendance_import(
            event=event, by=organiser, dataset=dataset, line_numbers=lines, dry_run=True
        )

    assert (preview["new"], preview["invalid"]) == (n, [])


# --- Exports --------------------------------------------------------------------------------


def test_registration_csv_has_question_columns_and_neutralises_formulas(
    event, register, organiser_client
):
    register(
        "amina@example.org",
        answers={DIET: '=HYPERLINK("http://evil.example","x")', INTERPRETATION: False},
    )

    response = organiser_client.get(url("export", event, "registrations", "csv"))

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith(
        'attachment; filename="linkage-safety-planning-training-registrations-'
    )
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Name,E-mail,Organisation,Sector,Country,Region or municipality,Status,"
        "Registered at,Confirmed at,Time zone,Dietary needs,I need interpretation"
    )
    cells = lines[1].split(",")
    assert cells[:3] == ["Amina Hoxha", "amina@example.org", "Centre 1"]
    assert (cells[6], cells[9]) == ("Confirmed", "Eastern European Time")
    assert lines[1].endswith(',"\'=HYPERLINK(""http://evil.example"",""x"")",no')


def test_attendance_xlsx_in_the_event_time_zone(event, register, organiser_client):
    registration = register("amina@example.org")
    organiser_client.post(
        url("check_in", event), {"registration": registration.pk, "date": EVENT_DAY.isoformat()}
    )
    attendance = Attendance.objects.get()

    response = organiser_client.get(url("export", event, "attendance", "xlsx"))

    assert isinstance(response, FileResponse)
    rows = list(
        openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(
            values_only=True
        )
    )
    assert rows[0][9:14] == (
        "Date of the occurrence",
        "Checked in at",
        "Method",
        "People",
        "Time zone",
    )
    local = timezone.localtime(attendance.checked_in_at, timezone=event_zone())
    assert rows[1][9:14] == (
        EVENT_DAY.isoformat(),
        date_format(local, "SHORT_DATETIME_FORMAT"),
        "Checked in on screen",
        1,
        "Eastern European Time",
    )


def event_zone():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Vilnius")


REGISTRATIONS_CSV = {"kind": "registrations", "fmt": "csv"}


@pytest.mark.parametrize(
    "date_from, date_to, error",
    [
        ("2030-03-31", "2030-03-01", "The end date must not be before the start date."),
        ("2030-01-01", "2031-01-03", "Choose at most 366 days; export a longer period in parts."),
    ],
)
def test_date_range_export_validates_the_range(date_from, date_to, error, organiser_client):
    response = organiser_client.get(
        reverse("events_admin:export_range"),
        {"date_from": date_from, "date_to": date_to, "kind": "attendance", "fmt": "csv"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {"date_to": [error]}


@pytest.mark.parametrize(
    "date_from, date_to, errors",
    [
        (
            "0001-01-01",
            "0001-01-02",
            {
                "date_from": ["Choose a date between 2000 and 2100."],
                "date_to": ["Choose a date between 2000 and 2100."],
            },
        ),
        ("2030-01-01", "9999-12-31", {"date_to": ["Choose a date between 2000 and 2100."]}),
    ],
)
def test_date_range_export_outside_any_calendar_is_refused_not_a_500(
    date_from, date_to, errors, organiser_client
):
    response = organiser_client.get(
        reverse("events_admin:export_range"),
        {"date_from": date_from, "date_to": date_to, "kind": "attendance", "fmt": "xlsx"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors == errors


def test_export_neutralises_formulas_in_question_labels_too(event, register, organiser_client):
    event.questions = [question(DIET, '=HYPERLINK("http://evil.example","Diet")')]
    event.save()
    register("amina@example.org", answers={DIET: "None"})

    csv_response = organiser_client.get(url("export", event, "registrations", "csv"))
    xlsx_response = organiser_client.get(url("export", event, "registrations", "xlsx"))

    header = b"".join(csv_response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert header.endswith(',"\'=HYPERLINK(""http://evil.example"",""Diet"")"')
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content))).active
    cell = sheet.cell(row=1, column=11)
    assert (cell.value, cell.data_type) == ('\'=HYPERLINK("http://evil.example","Diet")', "s")


def test_xlsx_export_of_an_event_whose_title_excel_forbids_in_a_sheet_name(
    event, register, organiser_client
):
    event.title = "Safety planning: police / social work [Q3] - what? who*? a very long title"
    event.save()
    register("amina@example.org")

    response = organiser_client.get(url("export", event, "registrations", "xlsx"))

    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Safety planning- police - socia"]


def test_check_in_with_a_registration_id_that_is_not_a_number(event, organiser_client):
    response = organiser_client.post(
        url("check_in", event),
        {"registration": "12abc", "date": EVENT_DAY.isoformat()},
        follow=True,
    )

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Choose a person from the list to check in."
    ]
    assert Attendance.objects.count() == 0


def test_a_very_long_check_in_search_is_cut_with_a_message(event, register, organiser_client):
    register("amina@example.org", name="Amina Hoxha")

    response = organiser_client.get(url("check_in", event), {"q": "Amina" + "x" * 100_000})

    assert response.status_code == 200
    assert response.context["query"] == "Amina" + "x" * 95
    assert [str(m) for m in response.context["messages"]] == [
        "Searches are limited to 100 characters; only the first ones were used."
    ]


def test_date_range_export_covers_the_events_in_it(event, register, organiser_client):
    register("amina@example.org", answers={DIET: "Halal"})

    response = organiser_client.get(
        reverse("events_admin:export_range"),
        {"date_from": EVENT_DAY - timedelta(days=3), "date_to": EVENT_DAY, **REGISTRATIONS_CSV},
    )
    outside = organiser_client.get(
        reverse("events_admin:export_range"),
        {
            "date_from": EVENT_DAY + timedelta(days=1),
            "date_to": EVENT_DAY + timedelta(days=9),
            **REGISTRATIONS_CSV,
        },
    )

    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Event,Event starts,Name,")
    starts = date_format(datetime.combine(EVENT_DAY, time(10, 0)), "SHORT_DATETIME_FORMAT")
    assert lines[1].startswith(f"Safety planning training,{starts},Amina Hoxha,")
    assert lines[1].endswith(",Halal,")
    assert len(b"".join(outside.streaming_content).decode("utf-8-sig").splitlines()) == 1


@pytest.mark.parametrize("server_zone", ["America/New_York", "Pacific/Kiritimati", "UTC"])
def test_date_range_export_takes_each_events_own_days_not_the_servers(
    server_zone, event, register, organiser_client, settings
):
    """A Vilnius debate from 00:30 to 02:00 on the event day is held on that day, by
    Vilnius' calendar, whatever day the server's clock says it is."""
    settings.TIME_ZONE = server_zone
    event.start_time, event.end_time = time(0, 30), time(2, 0)
    event.save()
    register("amina@example.org")

    def exported(first: date, last: date) -> list[str]:
        response = organiser_client.get(
            reverse("events_admin:export_range"),
            {"date_from": first, "date_to": last, **REGISTRATIONS_CSV},
        )
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
        return [line.split(",")[2] for line in lines[1:]]

    day_before = EVENT_DAY - timedelta(days=1)
    day_after = EVENT_DAY + timedelta(days=1)
    assert (
        exported(EVENT_DAY, EVENT_DAY),
        exported(day_before, day_before),
        exported(day_after, day_after),
    ) == (["Amina Hoxha"], [], [])


# --- Admin chrome ---------------------------------------------------------------------------


def test_event_pages_get_a_registrations_button(event, organiser_with_totp):
    from events.wagtail_hooks import event_registrations_header_button

    grant(organiser_with_totp, "view_registration")
    organiser_with_totp = type(organiser_with_totp).objects.get(pk=organiser_with_totp.pk)

    (button,) = event_registrations_header_button(event, organiser_with_totp)

    assert (str(button.label), button.url) == (
        "Registrations and attendance",
        url("registrations", event),
    )
    assert list(event_registrations_header_button(event.get_parent(), organiser_with_totp)) == []


def test_venues_are_managed_in_the_admin(superuser):
    totp_activate(superuser)
    client = logged_in(superuser)

    listing = client.get(reverse("venues:index"))
    form = client.get(reverse("venues:add"))

    assert (listing.status_code, form.status_code) == (200, 200)
    assert "Accessibility" in form.content.decode()


# --- Query counts ---------------------------------------------------------------------------


@pytest.fixture
def registered(register):
    def make(n):
        return [
            register(f"person{i}@example.org", name=f"Person {i}", answers={DIET: "None"})
            for i in range(n)
        ]

    return make


# Measured once; a change means a view started (or stopped) doing per-row queries, or the
# admin chrome changed (each count includes Wagtail's own: session, user, permissions for
# the menu, locales). Both deserve a look. The index reads every event's schedule first
# (to list them by their next dates), then the page's events, then their counts.
QUERIES = {"index": 19, "registrations": 19, "check_in": 19, "sign_in_sheet": 11}


@pytest.mark.parametrize("n", [1, 3])
@pytest.mark.parametrize("name", ["registrations", "check_in", "sign_in_sheet"])
def test_lists_run_the_same_queries_for_1_or_3_people(
    name, n, event, registered, organiser_client, django_assert_num_queries
):
    people = registered(n)
    organiser_client.post(
        url("check_in", event), {"registration": people[0].pk, "date": EVENT_DAY.isoformat()}
    )
    organiser_client.get(url(name, event))  # warm: the caches a running site has

    with django_assert_num_queries(QUERIES[name]):
        response = organiser_client.get(url(name, event))

    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 3])
def test_index_runs_the_same_queries_for_1_or_3_events(
    n, event, register, organiser_client, django_assert_num_queries
):
    index = event.get_parent()
    for i in range(1, n):
        index.add_child(instance=make_event(title=f"Coordination meeting {i}", slug=f"meeting-{i}"))
    for page in EventPage.objects.all():
        Registration.objects.create(
            event=page, person=UserFactory(), status=RegistrationStatus.CONFIRMED
        )
    organiser_client.get(reverse("events_admin:index"))

    with django_assert_num_queries(QUERIES["index"]):
        response = organiser_client.get(reverse("events_admin:index"))

    assert [row["confirmed"] for row in response.context["rows"]] == [1] * n


@pytest.mark.parametrize(
    "summary, message",
    [
        ({"checked_in": 1, "skipped": 0}, "1 check-in recorded."),
        ({"checked_in": 2, "skipped": 1}, "2 check-ins recorded. 1 row left as it was."),
        (
            {"checked_in": 0, "anonymous": 3, "skipped": 2},
            "0 check-ins recorded. 3 walk-ins without an e-mail address counted. "
            "2 rows left as they were.",
        ),
    ],
)
def test_the_sign_in_sheet_import_reports_in_whole_sentences(summary, message):
    from events.admin_views.attendance import ImportAttendance

    assert ImportAttendance().done_message(summary) == message


# --- Human labels -----------------------------------------------------------------------------


def test_lists_and_files_show_labels_never_codes(event, organiser_client):
    from people.enums import Country, Sector

    person = user_with_role(
        Role.PROFESSIONAL,
        email="arben@example.org",
        profile__display_name="Arben Krasniqi",
        profile__sector=Sector.SOCIAL_SERVICES,
        profile__country=Country.XK,
    )
    Registration.objects.create(
        event=event, person=person, status=RegistrationStatus.WAITLISTED, answers={}
    )

    index = organiser_client.get(reverse("events_admin:index")).content.decode()
    page = organiser_client.get(url("registrations", event)).content.decode()
    csv = b"".join(
        organiser_client.get(url("export", event, "registrations", "csv")).streaming_content
    ).decode("utf-8-sig")

    assert "Eastern European Time" in index and "Europe/Vilnius" not in index
    assert "On the waiting list" in page and ">waitlisted<" not in page
    row = csv.splitlines()[1].split(",")
    assert row[3:7] == ["Social services", "Kosovo", "", "On the waiting list"]
    assert row[9] == "Eastern European Time"
    for code in ("social_services", "XK", "waitlisted", "Europe/Vilnius"):
        assert code not in csv
