"""courses/admin_views.py and wagtail_hooks.py: reports, enrolment by organisers, the
import flow (upload → preview → confirm) and the export, behind their permissions."""

import io
from datetime import timedelta

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from core.imports import PREVIEW_ROWS
from core.models import ImportJob, ImportJobStatus
from courses import services
from courses.enums import EnrolmentSource
from courses.models import Enrolment

pytestmark = pytest.mark.django_db


def upload(text: str, name="learners.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_organisers_see_the_course_reports(organiser_client, build_course, learner):
    course, _ = build_course(lessons=2, pre=True, post=True)
    services.enrolment_create(course=course, person=learner)

    index = organiser_client.get(reverse("courses_admin:index"))
    report = organiser_client.get(reverse("courses_admin:report", args=[course.pk]))

    assert index.status_code == 200
    assert [row["enrolled"] for row in index.context["rows"]] == [1]
    assert report.status_code == 200
    assert report.context["report"]["enrolled"] == 1
    assert b"vjosa@example.org" in report.content


def test_learners_cannot_open_the_reports(learner_client, build_course):
    course, _ = build_course()

    response = learner_client.get(reverse("courses_admin:report", args=[course.pk]))

    assert response.status_code in (302, 403)
    assert "vjosa" not in response.content.decode()


def test_organiser_enrols_a_learner_by_e_mail(organiser_client, organiser, build_course, learner):
    course, _ = build_course()

    response = organiser_client.post(
        reverse("courses_admin:enrol", args=[course.pk]),
        {"learners": "VJOSA@example.org", "cohort": ""},
    )

    assert response.status_code == 302
    assert list(Enrolment.objects.values_list("person", "source", "enrolled_by")) == [
        (learner.pk, EnrolmentSource.ORGANISER, organiser.pk)
    ]


def test_organiser_enrolment_shows_the_prerequisite_refusal(
    organiser_client, build_course, learner
):
    required, _ = build_course(title="Coordinated response")
    course, _ = build_course(requires=[required])

    response = organiser_client.post(
        reverse("courses_admin:enrol", args=[course.pk]), {"learners": "vjosa@example.org"}
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Line 1 (vjosa@example.org): This course requires “Coordinated response”. "
        "Complete it first."
    ]
    assert Enrolment.objects.count() == 0


def preview_of(client, url, file, capture):
    """Upload ``file`` and follow to its job page (the preview task runs on commit)."""
    with capture(execute=True):
        response = client.post(url, {"file": file})
    assert response.status_code == 302
    return client.get(response.url)


def test_import_upload_preview_then_confirm(
    organiser_client, build_course, person_factory, django_capture_on_commit_callbacks
):
    course, _ = build_course()
    person_factory("amina@example.org")
    person_factory("fatima@example.org")
    url = reverse("courses_admin:import", args=[course.pk])

    preview = preview_of(
        organiser_client,
        url,
        upload("email\namina@example.org\nfatima@example.org\n"),
        django_capture_on_commit_callbacks,
    )

    assert preview.status_code == 200
    assert (preview.context["preview"]["new"], preview.context["preview"]["invalid"]) == (2, 0)
    assert Enrolment.objects.count() == 0
    job = preview.context["job"]
    assert (job.status, bytes(job.data)) == (
        ImportJobStatus.PREVIEWED,
        b"email\namina@example.org\nfatima@example.org\n",
    )

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = organiser_client.post(url, {"job": job.pk})

    assert (confirmed.status_code, confirmed.url) == (302, f"{url}?job={job.pk}")
    assert Enrolment.objects.count() == 2
    result = organiser_client.get(confirmed.url)
    assert "2 rows: 2 new, 0 left as they are, 0 to fix." in result.content.decode()
    job.refresh_from_db()
    # The file (personal data) is erased as soon as the job ends; the counts stay.
    assert (job.status, bytes(job.data), job.done, job.total) == (
        ImportJobStatus.DONE,
        b"",
        2,
        2,
    )


def test_import_with_bad_rows_shows_them_by_line_and_offers_no_confirm(
    organiser_client, build_course, person_factory, django_capture_on_commit_callbacks
):
    course, _ = build_course()
    person_factory("amina@example.org")

    response = preview_of(
        organiser_client,
        reverse("courses_admin:import", args=[course.pk]),
        upload("email\namina@example.org\nnobody-at-example.org\n"),
        django_capture_on_commit_callbacks,
    )

    content = response.content.decode()
    assert "Line 3 (nobody-at-example.org): “nobody-at-example.org” is not an e-mail" in content
    assert response.context["confirm_form"] is None
    assert Enrolment.objects.count() == 0
    job = response.context["job"]
    assert (job.status, bytes(job.data)) == (ImportJobStatus.REFUSED, b"")


def test_import_preview_shows_counts_and_a_page_never_the_whole_file(
    organiser_client, build_course, person_factory, django_capture_on_commit_callbacks
):
    course, _ = build_course()
    good = [person_factory(f"learner{n}@example.org").email for n in range(60)]
    bad = [f"nobody{n}-at-example.org" for n in range(120)]

    response = preview_of(
        organiser_client,
        reverse("courses_admin:import", args=[course.pk]),
        upload("email\n" + "\n".join(good + bad) + "\n"),
        django_capture_on_commit_callbacks,
    )

    summary = response.context["preview"]
    assert (summary["new"], summary["invalid"], response.context["job"].total) == (60, 120, 180)
    assert len(response.context["preview_rows"]) == PREVIEW_ROWS
    assert [row["line"] for row in response.context["errors"]] == list(range(62, 162))
    assert "The first 100 are listed." in response.content.decode()


def test_import_job_page_shows_progress_while_it_runs(organiser_client, organiser, build_course):
    course, _ = build_course()
    job = ImportJob.objects.create(
        created_by=organiser,
        kind="courses.resources.ENROLMENTS",
        target_id=course.pk,
        status=ImportJobStatus.RUNNING,
        filename="learners.csv",
        total=400,
    )
    cache.set(f"core:import-job:{job.pk}:done", 250)

    response = organiser_client.get(
        reverse("courses_admin:import", args=[course.pk]) + f"?job={job.pk}"
    )

    assert response["Refresh"] == "2"
    assert '<progress id="import-progress" max="400" value="250">' in response.content.decode()


@pytest.mark.parametrize("job_id", ["forged", "0", "999999"])
def test_import_refuses_a_confirmation_of_no_job(organiser_client, build_course, job_id):
    course, _ = build_course()

    response = organiser_client.post(
        reverse("courses_admin:import", args=[course.pk]), {"job": job_id}
    )

    assert response.status_code == 404
    assert Enrolment.objects.count() == 0


def test_import_refuses_another_organisers_job(
    organiser_client, build_course, person_factory, superuser
):
    course, _ = build_course()
    person_factory("amina@example.org")
    job = ImportJob.objects.create(
        created_by=superuser,
        kind="courses.resources.ENROLMENTS",
        target_id=course.pk,
        status=ImportJobStatus.PREVIEWED,
        import_format="csv",
        data=b"email\namina@example.org\n",
        total=1,
    )

    response = organiser_client.post(
        reverse("courses_admin:import", args=[course.pk]), {"job": job.pk}
    )

    assert response.status_code == 404
    assert Enrolment.objects.count() == 0


def test_an_old_preview_cannot_be_confirmed_and_its_file_is_erased(
    organiser_client, organiser, build_course, person_factory
):
    course, _ = build_course()
    person_factory("amina@example.org")
    job = ImportJob.objects.create(
        created_by=organiser,
        kind="courses.resources.ENROLMENTS",
        target_id=course.pk,
        status=ImportJobStatus.PREVIEWED,
        import_format="csv",
        data=b"email\namina@example.org\n",
        total=1,
    )
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=2))
    url = reverse("courses_admin:import", args=[course.pk])

    response = organiser_client.post(url, {"job": job.pk}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "This preview has expired. Upload the file again."
    ]
    job.refresh_from_db()
    assert (job.status, bytes(job.data), Enrolment.objects.count()) == (
        ImportJobStatus.EXPIRED,
        b"",
        0,
    )


def test_import_refuses_a_file_with_a_column_named_twice(organiser_client, build_course):
    course, _ = build_course()

    response = organiser_client.post(
        reverse("courses_admin:import", args=[course.pk]),
        {"file": upload("email,cohort,Email\na@example.org,,b@example.org\n")},
    )

    assert response.status_code == 400
    assert response.context["upload_form"].errors["file"] == [
        "The column “email” is named twice in the first row. Keep one."
    ]
    assert ImportJob.objects.count() == 0


def test_import_refuses_a_file_that_is_not_a_table(organiser_client, build_course):
    course, _ = build_course()

    response = organiser_client.post(
        reverse("courses_admin:import", args=[course.pk]),
        {"file": upload("hello", name="notes.txt")},
    )

    assert response.status_code == 400
    assert "Upload a .csv or .xlsx file." in response.content.decode()


def test_csv_export_streams(organiser_client, build_course, learner):
    course, _ = build_course(lessons=1)
    services.enrolment_create(course=course, person=learner)

    response = organiser_client.get(reverse("courses_admin:export", args=[course.pk, "csv"]))

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="linkage-course-1-learners-'
    )
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Name,E-mail,Organisation,Sector,Country,Region or municipality,")
    assert lines[1].startswith("Vjosa Berisha,vjosa@example.org,")


def test_xlsx_export(organiser_client, build_course, learner):
    course, _ = build_course(lessons=1)
    services.enrolment_create(course=course, person=learner)

    response = organiser_client.get(reverse("courses_admin:export", args=[course.pk, "xlsx"]))

    assert isinstance(response, FileResponse)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert list(book.active.iter_rows(values_only=True))[1][:2] == (
        "Vjosa Berisha",
        "vjosa@example.org",
    )


def test_cohort_runs_are_managed_in_the_admin(organiser_client):
    response = organiser_client.get(reverse("cohort_runs:index"))

    assert response.status_code == 200


def test_course_pages_get_a_learners_and_report_button(build_course, organiser):
    from courses.wagtail_hooks import course_report_header_button

    course, (lesson,) = build_course(lessons=1)

    (button,) = course_report_header_button(course, organiser)

    assert (str(button.label), button.url) == (
        "Learners and report",
        reverse("courses_admin:report", args=[course.pk]),
    )
    assert list(course_report_header_button(lesson, organiser)) == []


# --- Query-count guards -----------------------------------------------------------------------

# Measured once; a change means the report or the learner list started (or stopped) doing
# per-learner queries, or the admin chrome changed. Both deserve a look. One of them reads
# the organiser's programmes (programmes.selectors.scope_for), once per request.
REPORT_QUERIES = 24
EXPORT_QUERIES = 12


@pytest.fixture
def enrolled(build_course, person_factory):
    def make(n):
        course, lessons = build_course(lessons=2)
        for i in range(n):
            person = person_factory(f"learner{i}@example.org")
            enrolment, _created = services.enrolment_create(course=course, person=person)
            services.lesson_complete(enrolment=enrolment, lesson=lessons[0], course=course)
        return course

    return make


@pytest.mark.parametrize("n", [1, 3])
def test_the_course_report_runs_the_same_queries_for_1_or_3_learners(
    n, enrolled, organiser_client, django_assert_num_queries
):
    course = enrolled(n)
    url = reverse("courses_admin:report", args=[course.pk])
    organiser_client.get(url)  # warm: the caches a running site has

    with django_assert_num_queries(REPORT_QUERIES):
        response = organiser_client.get(url)

    assert len(response.context["learners"]) == n


@pytest.mark.parametrize("n", [1, 3])
def test_the_learner_list_export_runs_the_same_queries_for_1_or_3_learners(
    n, enrolled, organiser_client, django_assert_num_queries
):
    course = enrolled(n)
    url = reverse("courses_admin:export", args=[course.pk, "csv"])
    organiser_client.get(url)

    with django_assert_num_queries(EXPORT_QUERIES):
        response = organiser_client.get(url)
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()

    assert len(lines) == n + 1


TOLD = " Each is told by e-mail; anyone new to Linkage is invited to choose a password."


@pytest.mark.parametrize(
    "summary, message",
    [
        (
            {"new": 1, "skipped": 0},
            "1 learner enrolled." + TOLD,
        ),
        (
            {"new": 2, "skipped": 1},
            "2 learners enrolled." + TOLD + " 1 was already enrolled.",
        ),
        ({"new": 0, "skipped": 3}, "0 learners enrolled. 3 were already enrolled."),
    ],
)
def test_the_enrolment_import_reports_in_whole_sentences(summary, message):
    from courses.admin_views import ImportEnrolments

    assert ImportEnrolments().done_message(summary) == message
