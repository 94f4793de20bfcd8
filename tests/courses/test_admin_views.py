"""courses/admin_views.py and wagtail_hooks.py: reports, enrolment by organisers, the
import flow (upload → preview → confirm) and the export, behind their permissions."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse

import openpyxl
import pytest

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
        {"email": "VJOSA@example.org", "cohort": ""},
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
        reverse("courses_admin:enrol", args=[course.pk]), {"email": "vjosa@example.org"}
    )

    assert response.status_code == 200
    assert (
        "This course requires “Coordinated response”. Complete it first."
        in response.content.decode()
    )
    assert Enrolment.objects.count() == 0


def test_import_upload_preview_then_confirm(organiser_client, build_course, person_factory):
    course, _ = build_course()
    person_factory("amina@example.org")
    person_factory("fatima@example.org")
    url = reverse("courses_admin:import", args=[course.pk])

    preview = organiser_client.post(
        url, {"file": upload("email\namina@example.org\nfatima@example.org\n")}
    )

    assert preview.status_code == 200
    assert preview.context["preview"]["new"] == 2
    assert Enrolment.objects.count() == 0
    payload = preview.context["confirm_form"].initial["payload"]

    confirmed = organiser_client.post(url, {"payload": payload})

    assert confirmed.status_code == 302
    assert Enrolment.objects.count() == 2


def test_import_with_bad_rows_shows_them_by_line_and_offers_no_confirm(
    organiser_client, build_course, person_factory
):
    course, _ = build_course()
    person_factory("amina@example.org")

    response = organiser_client.post(
        reverse("courses_admin:import", args=[course.pk]),
        {"file": upload("email\namina@example.org\nnobody@example.org\n")},
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Line 3 (nobody@example.org): No Linkage account uses nobody@example.org." in content
    assert response.context["confirm_form"] is None
    assert Enrolment.objects.count() == 0


def test_import_refuses_a_tampered_preview(organiser_client, build_course):
    course, _ = build_course()

    response = organiser_client.post(
        reverse("courses_admin:import", args=[course.pk]), {"payload": "forged"}
    )

    assert response.status_code == 302
    assert Enrolment.objects.count() == 0


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
