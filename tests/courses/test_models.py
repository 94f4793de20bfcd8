"""courses/models: the page hierarchy, lessons keyed to their course, modules, choice lists."""

import uuid

from django.core.exceptions import ValidationError

from wagtail.test.utils import WagtailPageTestCase

import pytest

from courses.enums import Track
from courses.forms import LessonPageForm
from courses.models import CourseIndexPage, CoursePage, CourseSectionPage, LessonPage
from courses.models.fields import json_list_contains
from home.models import HomePage, StandardPage


class TestPageHierarchy(WagtailPageTestCase):
    def test_catalogue_goes_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertCanNotCreateAt(StandardPage, CourseIndexPage)

    def test_courses_go_under_the_catalogue_or_a_programmes_section_of_it(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage, CourseSectionPage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage, CourseSectionPage})
        self.assertAllowedParentPageTypes(CourseSectionPage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CourseSectionPage, {CoursePage})

    def test_lessons_go_under_a_course_only_and_have_no_children(self):
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())


def test_lesson_keeps_its_course_key_in_step_with_its_parent(build_course):
    course, (lesson,) = build_course(lessons=1)

    assert lesson.course_key == course.translation_key


def test_translated_lesson_has_the_same_course_key(build_course, lt_locale, translated_parents):
    course, (lesson,) = build_course(lessons=1)
    translated_parents(course, lt_locale)
    course.copy_for_translation(lt_locale)

    translated = lesson.copy_for_translation(lt_locale)

    assert (translated.course_key, translated.translation_key) == (
        course.translation_key,
        lesson.translation_key,
    )


def test_translated_course_keeps_module_keys_so_lessons_stay_grouped(
    build_course, lt_locale, translated_parents
):
    course, _lessons = build_course(lessons=1, modules=("One", "Two"))
    translated_parents(course, lt_locale)

    translated = course.copy_for_translation(lt_locale)

    assert [m.translation_key for m in translated.modules.all()] == [
        m.translation_key for m in course.modules.all()
    ]
    assert {m.locale_id for m in translated.modules.all()} == {lt_locale.pk}


def test_moved_lesson_counts_toward_its_new_course(build_course):
    first, (lesson,) = build_course(lessons=1)
    second, _ = build_course(lessons=0)

    lesson.move(second, pos="last-child")

    assert LessonPage.objects.get(pk=lesson.pk).course_key == second.translation_key


def test_lesson_form_offers_the_parent_course_modules(build_course):
    course, (lesson,) = build_course(lessons=1, modules=("Why coordinate", "Who does what"))
    form_class = LessonPage.get_edit_handler().get_form_class()

    form = form_class(instance=lesson, parent_page=course, for_user=None)

    assert form.fields["module_key"].choices == [
        ("", "No module"),
        *[(str(m.translation_key), m.title) for m in course.modules.all()],
    ]
    assert issubclass(form_class, LessonPageForm)


def test_tracks_must_come_from_the_choices(build_course):
    course, _ = build_course(lessons=0)
    course.tracks = ["professional", "astronaut"]

    with pytest.raises(ValidationError) as error:
        course.full_clean()

    assert "tracks" in error.value.message_dict


@pytest.mark.parametrize(
    ("value", "expected"), [("mentor", {"Both"}), ("professional", {"Both", "Professionals"})]
)
def test_json_list_contains_matches_whole_items(build_course, value, expected):
    build_course(title="Both", tracks=[Track.PROFESSIONAL, Track.MENTOR], lessons=0)
    build_course(title="Professionals", tracks=[Track.PROFESSIONAL], lessons=0)
    build_course(title="Community", tracks=[Track.COMMUNITY], lessons=0)

    titles = set(
        CoursePage.objects.filter(json_list_contains("tracks", value)).values_list(
            "title", flat=True
        )
    )

    assert titles == expected


def test_course_cannot_require_itself(build_course):
    from courses.models import CoursePrerequisite

    course, _ = build_course(lessons=0)
    prerequisite = CoursePrerequisite(page=course, course=course)

    with pytest.raises(ValidationError):
        prerequisite.clean()


def test_cohort_cannot_end_before_it_starts(build_course):
    import datetime

    from courses.models import CohortRun

    course, _ = build_course(lessons=0)
    cohort = CohortRun(
        course=course,
        title="Kaunas",
        starts_on=datetime.date(2026, 5, 1),
        ends_on=datetime.date(2026, 4, 1),
    )

    with pytest.raises(ValidationError):
        cohort.full_clean()


def test_cohort_takes_the_course_key(build_course):
    import datetime

    from courses.models import CohortRun

    course, _ = build_course(lessons=0)
    cohort = CohortRun.objects.create(
        course=course,
        title="Kaunas",
        starts_on=datetime.date(2026, 5, 1),
        ends_on=datetime.date(2026, 6, 1),
    )

    assert isinstance(cohort.course_key, uuid.UUID) and cohort.course_key == course.translation_key


def test_page_models_never_import_views():
    """Views import models, never the other way round: the pages' context comes from
    courses.selectors.pages."""
    import ast
    import inspect

    import courses.models.pages as module

    tree = ast.parse(inspect.getsource(module))
    imported = [
        f"{'.' * node.level}{node.module or ''}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]

    assert [name for name in imported if name.rsplit(".", 1)[-1] == "views"] == []
