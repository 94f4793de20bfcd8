"""courses/resources.py: bulk enrolment (preview, bad rows by line, atomic) and the
learner export (columns, escaped cells, streaming CSV, XLSX)."""

import types

from django.utils import formats, timezone

import openpyxl
import pytest

from core import spreadsheets
from courses import resources, selectors, services
from courses.enums import EnrolmentSource
from courses.models import CohortRun, Enrolment
from people.models import User

pytestmark = pytest.mark.django_db


# --- Import ---------------------------------------------------------------------------------


@pytest.fixture
def people(person_factory):
    return {
        name: person_factory(f"{name}@example.org")
        for name in ("amina", "fatima", "olena", "zahra")
    }


def run_import(course, organiser, text, *, dry_run):
    dataset, lines = spreadsheets.read_table(
        text.encode("utf-8"), "csv", columns=("email", "name", "cohort")
    )
    return resources.enrolment_import(
        course=course, by=organiser, dataset=dataset, line_numbers=lines, dry_run=dry_run
    )


def test_import_preview_lists_bad_rows_by_line_and_writes_nothing(build_course, organiser, people):
    required, _ = build_course(title="Coordinated response")
    course, _ = build_course(title="Trauma-informed interviewing", requires=[required])
    Enrolment.objects.create(
        person=people["zahra"], course_key=required.translation_key, completed_at=timezone.now()
    )
    Enrolment.objects.create(person=people["olena"], course_key=course.translation_key)
    text = (
        "email,cohort\n"
        "zahra@example.org,\n"  # line 2: fine
        "nobody@example.org,\n"  # line 3: no account, so no course completed either
        "not-an-address,\n"  # line 4: not an e-mail address
        "\n"  # line 5: blank, ignored
        "amina@example.org,\n"  # line 6: prerequisite missing
        "ZAHRA@example.org,\n"  # line 7: duplicate of line 2
        "olena@example.org,\n"  # line 8: already enrolled, skipped
        "fatima@example.org,Autumn\n"  # line 9: no such cohort
    )

    preview = run_import(course, organiser, text, dry_run=True)

    assert [(row["line"], row["messages"]) for row in preview["invalid"]] == [
        (3, ["This course requires “Coordinated response”. Complete it first."]),
        (4, ["“not-an-address” is not an e-mail address."]),
        (6, ["This course requires “Coordinated response”. Complete it first."]),
        (7, ["This learner is already on line 2."]),
        (9, ["This course has no cohort called “Autumn”."]),
    ]
    assert (preview["valid"], preview["new"], preview["skipped"]) == (False, 1, 1)
    assert Enrolment.objects.filter(course_key=course.translation_key).count() == 1


def test_import_writes_nothing_unless_every_row_is_valid(build_course, organiser, people):
    course, _ = build_course()

    preview = run_import(
        course,
        organiser,
        "email,name\namina@example.org,\nnew@example.org,New Person\nnot-an-address,\n",
        dry_run=False,
    )

    assert preview["valid"] is False
    assert Enrolment.objects.count() == 0
    assert not User.objects.filter(email="new@example.org").exists()  # nobody invited


def test_import_of_a_valid_file_enrols_everyone_with_their_cohort(build_course, organiser, people):
    course, _ = build_course()
    today = timezone.localdate()
    cohort = CohortRun.objects.create(
        course=course,
        title="Barcelona",
        starts_on=today,
        ends_on=today + timezone.timedelta(days=30),
    )

    preview = run_import(
        course,
        organiser,
        "email,cohort\namina@example.org,barcelona\nfatima@example.org,\n",
        dry_run=False,
    )

    assert (preview["valid"], preview["new"]) == (True, 2)
    assert sorted(
        Enrolment.objects.values_list("person__email", "cohort", "source", "enrolled_by")
    ) == [
        ("amina@example.org", cohort.pk, EnrolmentSource.IMPORT, organiser.pk),
        ("fatima@example.org", None, EnrolmentSource.IMPORT, organiser.pk),
    ]


# --- Export ---------------------------------------------------------------------------------


@pytest.fixture
def exported(build_course, learner, answers):
    course, lessons = build_course(lessons=2, checks={0}, pre=True, post=True)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    learner.profile.display_name = "=cmd|' /C calc'!A0"
    learner.profile.save()
    checks = selectors.course_checks(course=course)
    pre, lesson_check, _post = (check for check, _lesson in checks)
    services.check_submit(
        enrolment=enrolment, page=course, block_id=pre.id, data=answers(pre, right=False)
    )
    services.check_submit(
        enrolment=enrolment, page=lessons[0], block_id=lesson_check.id, data=answers(lesson_check)
    )
    resource = resources.LearnerExportResource(checks=checks)
    queryset = selectors.learner_export_queryset(course=course, checks=checks)
    return types.SimpleNamespace(
        course=course, lessons=lessons, resource=resource, queryset=queryset, enrolment=enrolment
    )


def test_export_has_the_columns_hr_and_funders_ask_for(exported):
    assert exported.resource.get_export_headers() == [
        "Name",
        "E-mail",
        "Organisation",
        "Sector",
        "Country",
        "Region or municipality",
        "Cohort",
        "Enrolled on",
        "Progress (%)",
        "Pre-test score (%)",
        f"Check: {exported.lessons[0].title} (%)",
        "Post-test score (%)",
        "Completed on",
        "Certificate code",
    ]


def test_export_row_is_escaped_and_complete(exported):
    (row,) = list(exported.resource.rows(exported.queryset))

    assert row == [
        "'=cmd|' /C calc'!A0",
        "vjosa@example.org",
        "Centre for Social Welfare Gjilan/Gnjilane",
        "Social services",
        "Kosovo",
        "Gjilan/Gnjilane",
        "",
        formats.date_format(
            timezone.localdate(exported.enrolment.enrolled_at), "SHORT_DATE_FORMAT"
        ),
        50,  # pre-test + 1 of 2 lessons + post-test = 2 of 4 steps
        0,
        100,
        None,
        "",
        "",
    ]


def test_csv_export_streams_lazily(exported):
    stream = spreadsheets.csv_stream(exported.resource, exported.queryset)

    assert isinstance(stream, types.GeneratorType)
    text = "".join(stream)
    assert text.startswith("\ufeffName,E-mail,Organisation,")
    assert "\r\n'=cmd|' /C calc'!A0,vjosa@example.org," in text


def test_xlsx_export_opens_with_the_same_columns(exported):
    book = openpyxl.load_workbook(spreadsheets.xlsx_file(exported.resource, exported.queryset))
    rows = list(book.active.iter_rows(values_only=True))

    assert list(rows[0]) == exported.resource.get_export_headers()
    assert rows[1][0] == "'=cmd|' /C calc'!A0"
    assert rows[1][8] == 50


def test_export_carries_the_completion_date_and_certificate_code(build_course, learner):
    course, (lesson,) = build_course(lessons=1)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    services.lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    checks = selectors.course_checks(course=course)
    resource = resources.LearnerExportResource(checks=checks)

    (row,) = resource.rows(selectors.learner_export_queryset(course=course, checks=checks))

    assert row[-3:] == [
        100,
        formats.date_format(timezone.localdate(enrolment.completed_at), "SHORT_DATE_FORMAT"),
        enrolment.certificate_code,
    ]
    assert enrolment.certificate_code
