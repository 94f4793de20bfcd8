"""courses/demo.py: the demo courses, their Lithuanian translation and demo learners."""

import io

from django.core.management.base import OutputWrapper

import pytest

from courses.demo import load_demo_courses
from courses.models import CheckAttempt, CohortRun, CourseModule, CoursePage, Enrolment, LessonPage
from impact.models import Participation
from people.enums import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people(person_factory):
    for email in ("police@linkage.local", "health@linkage.local", "social@linkage.local"):
        person_factory(email)
    for email in ("mentor.amina@linkage.local", "mentor.fatima@linkage.local"):
        person_factory(email, role=Role.MENTOR)


def snapshot():
    return {
        "courses": CoursePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "modules": CourseModule.objects.count(),
        "cohorts": CohortRun.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "completed": Enrolment.objects.filter(completed_at__isnull=False).count(),
        "attempts": CheckAttempt.objects.count(),
        "ledger": Participation.objects.count(),
    }


def test_demo_courses_are_idempotent(home, lt_locale, demo_people):
    load_demo_courses(stdout=OutputWrapper(io.StringIO()))
    first = snapshot()

    load_demo_courses(stdout=OutputWrapper(io.StringIO()))

    assert snapshot() == first
    assert first["courses"] == 4  # three courses, one of them also in Lithuanian
    assert first["completed"] == 3 and first["ledger"] == 3


def test_demo_has_three_courses_with_lessons_and_checks_and_one_translation(home, lt_locale):
    load_demo_courses(stdout=OutputWrapper(io.StringIO()))

    english = CoursePage.objects.filter(locale__language_code="en").order_by("path")
    assert [c.title for c in english] == [
        "Coordinated response to violence against women",
        "Trauma-informed interviewing",
        "Community mentor foundations",
    ]
    for course in english:
        lessons = LessonPage.objects.child_of(course).live()
        assert lessons.count() >= 4
        assert any(lesson.specific.check_blocks() for lesson in lessons)
    translated = CoursePage.objects.get(locale=lt_locale)
    assert translated.live and translated.title == "Koordinuotas atsakas į smurtą prieš moteris"
    assert translated.translation_key == english[0].translation_key
    assert LessonPage.objects.child_of(translated).live().count() == 6
