"""Every events admin URL that shows or exports people, for three readers: the organiser of
the event's programme and an admin see its registrants; the organiser of another
programme gets a refusal (403 or 404, also for ids guessed) and never sees them, their
answers included, in any page or file."""

import io
from dataclasses import dataclass
from datetime import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client
from django.urls import reverse

import openpyxl
import pytest

from core.models_imports import ImportJob
from events.enums import RegistrationStatus
from events.models import AnonymousAttendance, Attendance, EventPage, Registration
from programmes.selectors import people_visible_to
from tests.factories import OrganisationFactory, totp_activate, user_with_role
from tests.factories.events import a_date, event_index_page, event_page, programme_section

pytestmark = pytest.mark.django_db

DIET = "7a4c1f0e-0000-4000-8000-000000000011"
DAY = a_date(-7)  # check-in is open, sheets come in afterwards
# What must never reach another programme's organiser: A's registrant and her answer.
SECRETS = ("amina.sekreti@example.org", "Amina Sekreti", "Gluten-free and no pork")
OTHERS = ("dren.other@example.org", "Dren Tjetri")


def diet_question():
    return {
        "type": "question",
        "id": DIET,
        "value": {
            "label": "Dietary needs",
            "help_text": "",
            "kind": "text",
            "choices": "",
            "required": False,
        },
    }


def an_event(parent, **fields):
    return event_page(
        parent,
        start_date=DAY,
        start_time=time(10, 0),
        end_time=time(13, 0),
        capacity=20,
        questions=[diet_question()],
        **fields,
    )


def registered(event, email, name, *, answer="", status=RegistrationStatus.CONFIRMED):
    from django.utils import timezone

    from people.enums import Role

    person = user_with_role(
        Role.PROFESSIONAL,
        email=email,
        profile__display_name=name,
        profile__organisation=OrganisationFactory(name=f"Organisation of {name}"),
    )
    return Registration.objects.create(
        event=event,
        person=person,
        status=status,
        confirmed_at=timezone.now(),
        answers={DIET: answer} if answer else {},
    )


@dataclass
class World:
    event: EventPage  # programme A's ("Test programme")
    other_event: EventPage  # programme B's ("Other programme")
    registration: Registration
    other_registration: Registration


@pytest.fixture
def world(programme, other_programme) -> World:
    event = an_event(programme_section(programme), title="Kaunas training", slug="kaunas")
    other = an_event(programme_section(other_programme), title="Gjilan meeting", slug="gjilan")
    return World(
        event=event,
        other_event=other,
        registration=registered(event, SECRETS[0], SECRETS[1], answer=SECRETS[2]),
        other_registration=registered(other, *OTHERS),
    )


def client_of(user) -> Client:
    totp_activate(user)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def readers(organiser, other_organiser, superuser) -> dict[str, Client]:
    return {
        "own": client_of(organiser),
        "other": client_of(other_organiser),
        "admin": client_of(superuser),
    }


def body(response) -> str:
    """Everything a response says, whatever its form: a page, a CSV or an Excel file."""
    if isinstance(response, (StreamingHttpResponse, FileResponse)):
        data = b"".join(response.streaming_content)
    else:
        data = response.content
    if data[:2] == b"PK":
        book = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    return data.decode("utf-8-sig", errors="replace")


def sheet_file():
    text = f"email,name,date\n{SECRETS[0]},{SECRETS[1]},{DAY:%d.%m.%Y}\n"
    return SimpleUploadedFile("sign-in.csv", text.encode(), content_type="text/csv")


def job_of(client, event, django_capture_on_commit_callbacks) -> ImportJob:
    """A previewed sign-in sheet of ``event`` uploaded by ``client``'s user."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events_admin:import", args=[event.pk]), {"file": sheet_file()})
    return ImportJob.objects.latest("pk")


def url(name, event, *args):
    return reverse(f"events_admin:{name}", args=[event.pk, *args])


RANGE = {"date_from": a_date(-10).isoformat(), "date_to": a_date(0).isoformat()}

# name → (method, url and data for the world and an import job)
REQUESTS = {
    "registrations": lambda w, job: ("get", url("registrations", w.event), {}),
    "registrations filtered": lambda w, job: (
        "get",
        url("registrations", w.event),
        {"status": "confirmed"},
    ),
    "approve": lambda w, job: (
        "post",
        url("registration_decide", w.event, w.registration.pk, "approve"),
        {},
    ),
    "decline": lambda w, job: (
        "post",
        url("registration_decide", w.event, w.registration.pk, "decline"),
        {},
    ),
    "cancel": lambda w, job: (
        "post",
        url("registration_decide", w.event, w.registration.pk, "cancel"),
        {},
    ),
    "check-in list": lambda w, job: ("get", url("check_in", w.event), {"q": "amina"}),
    "check in": lambda w, job: (
        "post",
        url("check_in", w.event),
        {"registration": w.registration.pk, "date": DAY.isoformat()},
    ),
    "check in a walk-in": lambda w, job: (
        "post",
        url("check_in", w.event),
        {"email": SECRETS[0], "date": DAY.isoformat()},
    ),
    "count walk-ins": lambda w, job: (
        "post",
        url("check_in", w.event),
        {"anonymous_add": "3", "date": DAY.isoformat()},
    ),
    "sign-in sheet": lambda w, job: ("get", url("sign_in_sheet", w.event), {}),
    "import form": lambda w, job: ("get", url("import", w.event), {}),
    "import upload": lambda w, job: ("post", url("import", w.event), {"file": sheet_file()}),
    "import preview": lambda w, job: ("get", url("import", w.event), {"job": job.pk}),
    "import confirm": lambda w, job: ("post", url("import", w.event), {"job": job.pk}),
    "registrations CSV": lambda w, job: ("get", url("export", w.event, "registrations", "csv"), {}),
    "registrations Excel": lambda w, job: (
        "get",
        url("export", w.event, "registrations", "xlsx"),
        {},
    ),
    "attendance CSV": lambda w, job: ("get", url("export", w.event, "attendance", "csv"), {}),
    "attendance Excel": lambda w, job: ("get", url("export", w.event, "attendance", "xlsx"), {}),
}
# Pages that list several events: another programme's organiser opens them, and finds
# only their own programme's people there.
LISTINGS = {
    "index": lambda w, job: ("get", reverse("events_admin:index"), {}),
    "registrations across dates, CSV": lambda w, job: (
        "get",
        reverse("events_admin:export_range"),
        {**RANGE, "kind": "registrations", "fmt": "csv"},
    ),
    "registrations across dates, Excel": lambda w, job: (
        "get",
        reverse("events_admin:export_range"),
        {**RANGE, "kind": "registrations", "fmt": "xlsx"},
    ),
    "attendance across dates, CSV": lambda w, job: (
        "get",
        reverse("events_admin:export_range"),
        {**RANGE, "kind": "attendance", "fmt": "csv"},
    ),
    "attendance across dates, Excel": lambda w, job: (
        "get",
        reverse("events_admin:export_range"),
        {**RANGE, "kind": "attendance", "fmt": "xlsx"},
    ),
}


def written(world) -> tuple:
    """What any of the requests could have changed."""
    return (
        sorted(Registration.objects.values_list("pk", "status")),
        Attendance.objects.count(),
        AnonymousAttendance.objects.count(),
        ImportJob.objects.count(),
    )


def checked_in(world, client):
    """A check-in on A's event, so attendance files have a row to leak."""
    client.post(
        url("check_in", world.event),
        {"registration": world.registration.pk, "date": DAY.isoformat()},
    )


@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_another_programmes_organiser_is_refused_and_sees_nobody(
    name, world, readers, django_capture_on_commit_callbacks
):
    checked_in(world, readers["own"])
    job = job_of(readers["own"], world.event, django_capture_on_commit_callbacks)
    method, target, data = REQUESTS[name](world, job)
    before = written(world)

    response = getattr(readers["other"], method)(target, data)

    assert response.status_code in (403, 404)
    text = body(response)
    assert [secret for secret in SECRETS if secret in text] == []
    assert written(world) == before


@pytest.mark.parametrize("name", sorted(REQUESTS))
@pytest.mark.parametrize("reader", ["own", "admin"])
def test_the_programmes_organiser_and_an_admin_are_served(
    name, reader, world, readers, django_capture_on_commit_callbacks
):
    checked_in(world, readers["own"])
    job = job_of(readers[reader], world.event, django_capture_on_commit_callbacks)
    method, target, data = REQUESTS[name](world, job)

    response = getattr(readers[reader], method)(target, data)

    assert response.status_code in (200, 302)
    if method == "get" and name != "import form":
        text = body(response)
        shown = {"sign-in sheet": SECRETS[1:2], "check-in list": SECRETS[:2]}.get(name, SECRETS[:1])
        assert [secret for secret in shown if secret in text] == list(shown)


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_listings_show_each_organiser_their_own_programmes_people_only(
    name, world, readers, django_capture_on_commit_callbacks
):
    checked_in(world, readers["own"])
    readers["other"].post(
        url("check_in", world.other_event),
        {"registration": world.other_registration.pk, "date": DAY.isoformat()},
    )
    _method, target, data = LISTINGS[name](world, None)

    other = body(readers["other"].get(target, data))
    own = body(readers["own"].get(target, data))
    admin = body(readers["admin"].get(target, data))

    people = OTHERS[:1] if "across" in name else ("Gjilan meeting",)
    assert [secret for secret in (*SECRETS, "Kaunas training") if secret in other] == []
    assert [found for found in people if found in other] == list(people)
    assert SECRETS[0] in own or "Kaunas training" in own
    assert OTHERS[0] not in own and "Gjilan meeting" not in own
    assert (SECRETS[0] in admin or "Kaunas training" in admin) and (
        OTHERS[0] in admin or "Gjilan meeting" in admin
    )


# --- Ids guessed ------------------------------------------------------------------------------


def test_a_registration_id_of_another_programme_through_ones_own_event_is_404(world, readers):
    other = readers["other"]
    before = written(world)

    decided = other.post(
        url("registration_decide", world.other_event, world.registration.pk, "cancel")
    )
    checked = other.post(
        url("check_in", world.other_event),
        {"registration": world.registration.pk, "date": DAY.isoformat()},
    )

    assert (decided.status_code, checked.status_code) == (404, 404)
    assert written(world) == before


def test_an_import_job_of_another_programme_through_ones_own_event_is_404(
    world, readers, django_capture_on_commit_callbacks
):
    job = job_of(readers["own"], world.event, django_capture_on_commit_callbacks)
    other = readers["other"]
    target = url("import", world.other_event)

    preview = other.get(target, {"job": job.pk})
    confirm = other.post(target, {"job": job.pk})

    assert (preview.status_code, confirm.status_code) == (404, 404)
    assert Attendance.objects.count() == 0


def test_an_import_job_is_its_uploaders_alone_even_in_the_same_programme(
    world, readers, programme, django_capture_on_commit_callbacks
):
    from tests.factories.programmes import organiser_of

    job = job_of(readers["own"], world.event, django_capture_on_commit_callbacks)
    colleague = client_of(organiser_of(programme, email="jurate@example.org"))

    preview = colleague.get(url("import", world.event), {"job": job.pk})
    confirm = colleague.post(url("import", world.event), {"job": job.pk})

    assert (job.created_by.email, preview.status_code, confirm.status_code) == (
        "ruta@example.org",
        404,
        404,
    )
    assert Attendance.objects.count() == 0


def test_a_translation_of_another_programmes_event_is_404(world, readers):
    from wagtail.models import Locale

    locale = Locale.objects.get_or_create(language_code="lt")[0]
    section = world.event.get_parent()
    section.get_parent().get_parent().copy_for_translation(locale)
    section.get_parent().specific.copy_for_translation(locale)
    section.specific.copy_for_translation(locale)
    translation = world.event.copy_for_translation(locale)

    assert readers["other"].get(url("registrations", translation)).status_code == 404
    assert readers["own"].get(url("registrations", translation)).status_code == 200


def test_an_event_outside_any_programme_is_an_admins_alone(readers):
    open_event = an_event(event_index_page(), title="Open webinar", slug="open")
    registered(open_event, "open@example.org", "Open Person")

    assert open_event.programme_id is None
    assert [readers[who].get(url("registrations", open_event)).status_code for who in readers] == [
        404,
        404,
        200,
    ]


def test_a_shared_event_shows_its_people_to_both_programmes(world, readers, other_programme):
    world.event.shared_with.add(other_programme)
    world.event.save()  # a parental relation is written when the page is

    response = readers["other"].get(url("registrations", world.event))

    assert response.status_code == 200
    assert SECRETS[0] in body(response)


def test_a_missing_event_id_is_404_like_a_refused_one(readers):
    assert readers["admin"].get(
        reverse("events_admin:registrations", args=[999999])
    ).status_code == (404)


# --- The "Registrations and attendance" buttons ----------------------------------------------


def test_the_registrations_button_shows_only_on_ones_own_programmes_events(
    world, organiser, other_organiser, superuser
):
    from events.wagtail_hooks import event_registrations_listing_button

    def shown(user, page):
        user = type(user).objects.get(pk=user.pk)  # a fresh request's user
        return [str(b.label) for b in event_registrations_listing_button(page, user)]

    assert shown(organiser, world.event) == ["Registrations and attendance"]
    assert shown(other_organiser, world.event) == []
    assert shown(superuser, world.event) == ["Registrations and attendance"]


# --- Who an organiser may see -----------------------------------------------------------------


def test_people_of_a_programme_are_its_events_registrants(world, organiser, other_organiser):
    assert list(people_visible_to(organiser).values_list("email", flat=True)) == [SECRETS[0]]
    assert list(people_visible_to(other_organiser).values_list("email", flat=True)) == [OTHERS[0]]


def test_the_people_source_counts_shared_events_and_any_programme(world, other_programme):
    from events.admin_selectors import programme_participants

    world.event.shared_with.add(other_programme)
    world.event.save()  # a parental relation is written when the page is

    def emails(ids):
        from people.models import User

        return sorted(
            User.objects.filter(pk__in=programme_participants(ids)).values_list("email", flat=True)
        )

    assert emails(frozenset({other_programme.pk})) == sorted([SECRETS[0], OTHERS[0]])
    assert emails(None) == sorted([SECRETS[0], OTHERS[0]])
