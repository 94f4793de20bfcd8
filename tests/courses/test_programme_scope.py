"""Programmes in the courses admin: an organiser sees their own programmes' courses, cohorts
and learners, and nothing of another programme's, whichever URL they try (ids guessed
included); a course shared with another programme is visible to both; a course outside
every programme is for admins only."""

import io
import types
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from core.models import ImportJob
from courses import services
from courses.models import CohortRun, Enrolment
from programmes.selectors import people_visible_to
from tests.factories import totp_activate

pytestmark = pytest.mark.django_db

OURS = ("ruta.ours@example.org", "Rūta Ourlearner")
THEIRS = ("arta.theirs@example.org", "Arta Theirlearner")


def client_for(user) -> Client:
    totp_activate(user)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(build_course, person_factory, organiser, other_organiser, superuser, other_section):
    """The test programme's course (with a learner and a cohort) and the other programme's
    course (with its own learner), and a signed-in client for each kind of user."""
    ours, _ = build_course(title="Our course", lessons=1)
    our_learner = person_factory(OURS[0], name=OURS[1])
    services.enrolment_create(course=ours, person=our_learner)
    today = timezone.localdate()
    cohort = CohortRun.objects.create(
        course=ours, title="Kaunas spring", starts_on=today, ends_on=today + timedelta(days=30)
    )
    theirs, _ = build_course(title="Their course", lessons=1, parent=other_section)
    their_learner = person_factory(THEIRS[0], name=THEIRS[1])
    services.enrolment_create(course=theirs, person=their_learner)
    return types.SimpleNamespace(
        ours=ours,
        theirs=theirs,
        cohort=cohort,
        own=client_for(organiser),
        other=client_for(other_organiser),
        admin=client_for(superuser),
    )


def share(course, programme) -> None:
    """Share a course with another programme, as its editor does (a page's relations are
    written when it is saved)."""
    course.shared_with.add(programme)
    course.save()


def upload():
    text = f"email,name\n{OURS[0]},\nnew.person@example.org,New Person\n"
    return SimpleUploadedFile("learners.csv", text.encode(), content_type="text/csv")


def body(response) -> str:
    """Everything a response shows: its HTML, CSV, or every cell of its workbook."""
    if getattr(response, "streaming", False):
        data = b"".join(response.streaming_content)
    else:
        data = response.content
    if data.startswith(b"PK"):  # an .xlsx file
        book = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(
            str(cell) for row in book.active.iter_rows(values_only=True) for cell in row
        )
    return data.decode("utf-8-sig")


# Every course admin URL that shows or exports people, or acts on a course's learners:
# (name, method, url of the test programme's course or cohort, POST data).
URLS = {
    "index": ("get", lambda w: reverse("courses_admin:index"), None),
    "report": ("get", lambda w: reverse("courses_admin:report", args=[w.ours.pk]), None),
    "enrol (form)": ("get", lambda w: reverse("courses_admin:enrol", args=[w.ours.pk]), None),
    "enrol": (
        "post",
        lambda w: reverse("courses_admin:enrol", args=[w.ours.pk]),
        lambda: {"learners": "Someone New, someone.new@example.org"},
    ),
    "import (form)": ("get", lambda w: reverse("courses_admin:import", args=[w.ours.pk]), None),
    "import": (
        "post",
        lambda w: reverse("courses_admin:import", args=[w.ours.pk]),
        lambda: {"file": upload()},
    ),
    "export.csv": (
        "get",
        lambda w: reverse("courses_admin:export", args=[w.ours.pk, "csv"]),
        None,
    ),
    "export.xlsx": (
        "get",
        lambda w: reverse("courses_admin:export", args=[w.ours.pk, "xlsx"]),
        None,
    ),
    "cohort runs": ("get", lambda w: reverse("cohort_runs:index"), None),
    "cohort run (edit)": (
        "get",
        lambda w: reverse("cohort_runs:edit", args=[w.cohort.pk]),
        None,
    ),
    "cohort run (inspect)": (
        "get",
        lambda w: reverse("cohort_runs:inspect", args=[w.cohort.pk]),
        None,
    ),
}
# Lists, answered 200 to anyone with the permission: they must simply leave it out.
LISTS = {"index", "cohort runs"}
# What each URL shows of the test programme when it may.
SHOWS = {
    "index": "Our course",
    "report": OURS[0],
    "enrol (form)": "Our course",
    "import (form)": "Our course",
    "export.csv": OURS[0],
    "export.xlsx": OURS[0],
    "cohort runs": "Kaunas spring",
    "cohort run (edit)": "Kaunas spring",
    "cohort run (inspect)": "Kaunas spring",
}


def call(client, name, world, django_capture_on_commit_callbacks):
    method, url, data = URLS[name]
    with django_capture_on_commit_callbacks(execute=True):
        if method == "post":
            return client.post(url(world), data())
        return client.get(url(world))


@pytest.mark.parametrize("name", list(URLS))
def test_another_programmes_organiser_is_refused_and_sees_none_of_its_people(
    name, world, django_capture_on_commit_callbacks
):
    enrolments, jobs = Enrolment.objects.count(), ImportJob.objects.count()

    response = call(world.other, name, world, django_capture_on_commit_callbacks)

    if name in LISTS:
        assert response.status_code == 200
        assert "Our course" not in body(response)
        assert "Kaunas spring" not in body(response)
    else:
        assert response.status_code in (403, 404)
    text = body(response)
    assert OURS[0] not in text and OURS[1] not in text
    assert (Enrolment.objects.count(), ImportJob.objects.count()) == (enrolments, jobs)


@pytest.mark.parametrize("name", list(URLS))
@pytest.mark.parametrize("who", ["own", "admin"])
def test_the_programmes_organiser_and_an_admin_see_its_people(
    who, name, world, django_capture_on_commit_callbacks
):
    response = call(getattr(world, who), name, world, django_capture_on_commit_callbacks)

    if URLS[name][0] == "post":
        assert response.status_code == 302
        assert response.url.startswith(reverse("courses_admin:report", args=[world.ours.pk])) or (
            "?job=" in response.url
        )
    else:
        assert response.status_code == 200
        text = body(response)
        assert SHOWS[name] in text
        # Nobody's page mixes in the other programme's people (the admin's index lists
        # their course, never its learners).
        assert THEIRS[0] not in text and THEIRS[1] not in text


def test_an_organisers_course_index_lists_only_their_programmes_courses(world, index, build_course):
    build_course(title="Open to all", lessons=0, parent=index)

    own = world.own.get(reverse("courses_admin:index"))
    other = world.other.get(reverse("courses_admin:index"))
    admin = world.admin.get(reverse("courses_admin:index"))

    assert [row["course"].title for row in own.context["rows"]] == ["Our course"]
    assert [row["course"].title for row in other.context["rows"]] == ["Their course"]
    assert sorted(row["course"].title for row in admin.context["rows"]) == [
        "Open to all",
        "Our course",
        "Their course",
    ]
    assert [row["programmes"] for row in own.context["rows"]] == [["Test programme"]]


def test_a_shared_course_is_visible_to_both_programmes_organisers(world, other_programme):
    share(world.ours, other_programme)

    for client in (world.own, world.other):
        index = client.get(reverse("courses_admin:index"))
        report = client.get(reverse("courses_admin:report", args=[world.ours.pk]))
        assert "Our course" in [row["course"].title for row in index.context["rows"]]
        assert report.status_code == 200
        assert OURS[0] in report.content.decode()
    their_index = world.other.get(reverse("courses_admin:index"))
    assert [row["programmes"] for row in their_index.context["rows"]] == [
        ["Other programme", "Test programme"],
        ["Other programme"],
    ]


def test_a_course_outside_every_programme_is_for_admins_only(world, index, build_course):
    open_course, _ = build_course(title="Open to all", lessons=0, parent=index)
    url = reverse("courses_admin:report", args=[open_course.pk])

    assert open_course.programme_id is None
    assert [world.own.get(url).status_code, world.admin.get(url).status_code] == [404, 200]


def test_the_people_of_a_programmes_courses_are_visible_to_its_organisers_only(
    world, organiser, other_organiser, other_programme
):
    ours = set(people_visible_to(organiser).values_list("email", flat=True))
    theirs = set(people_visible_to(other_organiser).values_list("email", flat=True))

    assert OURS[0] in ours and THEIRS[0] not in ours
    assert THEIRS[0] in theirs and OURS[0] not in theirs

    share(world.ours, other_programme)
    assert OURS[0] in set(people_visible_to(other_organiser).values_list("email", flat=True))


def test_the_learners_and_report_button_shows_only_on_the_organisers_own_courses(
    world, organiser, other_organiser, superuser
):
    from courses.wagtail_hooks import course_report_header_button

    assert [
        len(list(course_report_header_button(world.ours, user)))
        for user in (
            organiser,
            other_organiser,
            superuser,
        )
    ] == [1, 0, 1]
    assert len(list(course_report_header_button(world.theirs, other_organiser))) == 1


def test_the_cohort_form_offers_only_the_organisers_courses(world):
    response = world.other.get(reverse("cohort_runs:add"))

    choices = [label for _value, label in response.context["form"].fields["course"].choices]
    assert choices[1:] == ["Their course (English)"]


def test_a_cohort_cannot_be_added_to_another_programmes_course_by_its_id(world):
    today = timezone.localdate()

    response = world.other.post(
        reverse("cohort_runs:add"),
        {
            "course": world.ours.pk,
            "title": "Guessed",
            "starts_on": today.isoformat(),
            "ends_on": today.isoformat(),
            "notes": "",
        },
    )

    assert response.status_code == 200
    assert "course" in response.context["form"].errors
    assert not CohortRun.objects.filter(title="Guessed").exists()


def test_another_programmes_cohort_cannot_be_deleted(world):
    response = world.other.post(reverse("cohort_runs:delete", args=[world.cohort.pk]))

    assert response.status_code == 404
    assert CohortRun.objects.filter(pk=world.cohort.pk).exists()


def test_an_import_run_for_an_organiser_who_left_the_programme_is_refused(
    world, organiser, programme
):
    from django.core.exceptions import PermissionDenied

    from core import spreadsheets
    from courses.resources import ENROLMENTS
    from people.models import User
    from programmes.services import programme_organiser_remove

    dataset, lines = spreadsheets.read_table(upload().read(), "csv", columns=ENROLMENTS.columns)
    programme_organiser_remove(programme=programme, user=organiser)

    with pytest.raises(PermissionDenied):
        ENROLMENTS.run(
            target_id=world.ours.pk,
            by=User.objects.get(pk=organiser.pk),
            dataset=dataset,
            lines=lines,
            dry_run=False,
        )
    assert Enrolment.objects.filter(course_key=world.ours.translation_key).count() == 1


def test_the_report_button_follows_a_change_of_the_organisers_programmes(
    world, other_organiser, programme
):
    from courses.wagtail_hooks import course_report_header_button
    from programmes.services import programme_organiser_add

    before = list(course_report_header_button(world.ours, other_organiser))
    programme_organiser_add(programme=programme, user=other_organiser)

    assert (len(before), len(list(course_report_header_button(world.ours, other_organiser)))) == (
        0,
        1,
    )
