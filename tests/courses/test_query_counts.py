"""Query-count guards: the catalogue, a course page, a lesson page and the "My Linkage"
panel run the same number of queries for 1 or 3 lessons, enrolments or courses.

The counts include the base template's own queries (menu, language switcher, settings).
"""

from django.template.loader import render_to_string
from django.test import RequestFactory

import pytest

from courses import services
from courses.views import dashboard_panel

pytestmark = pytest.mark.django_db

# Measured once; a change means a page started (or stopped) doing per-item queries, or the
# base template changed. Both deserve a look.
# Each page count includes base.html's own 9 (menu, language switcher, safety settings,
# account menu permissions).
CATALOGUE_QUERIES = 23
COURSE_PAGE_QUERIES = 27
LESSON_PAGE_QUERIES = 30  # includes the UPDATE that remembers the lesson for "resume"
PANEL_QUERIES = 4


@pytest.fixture
def enrolled(learner, build_course, person_factory):
    """n courses of n lessons each, the learner enrolled in all with one lesson done, and n
    other learners in each course."""

    def make(n):
        courses = []
        others = [person_factory(f"other{i}@example.org") for i in range(n)]
        for _ in range(n):
            course, lessons = build_course(
                lessons=n, checks={0}, pre=True, post=True, modules=("A", "B")
            )
            enrolment, _ = services.enrolment_create(course=course, person=learner)
            if len(lessons) > 1:
                services.lesson_complete(enrolment=enrolment, lesson=lessons[1])
            for other in others:
                services.enrolment_create(course=course, person=other)
            courses.append((course, lessons))
        return courses

    return make


def warm(fn):
    """Run once first: a running site has its caches (site root paths, content types) warm."""
    fn()
    return fn


@pytest.mark.parametrize("n", [1, 3])
def test_catalogue_queries_do_not_grow_with_courses(
    n, index, enrolled, learner_client, django_assert_num_queries
):
    enrolled(n)

    get = warm(lambda: learner_client.get(index.url))

    with django_assert_num_queries(CATALOGUE_QUERIES):
        response = get()
    assert len(response.context["entries"]) == n


@pytest.mark.parametrize("n", [1, 3])
def test_course_page_queries_do_not_grow_with_lessons_or_enrolments(
    n, enrolled, learner_client, django_assert_num_queries
):
    ((course, _lessons), *_rest) = enrolled(n)

    get = warm(lambda: learner_client.get(course.url))

    with django_assert_num_queries(COURSE_PAGE_QUERIES):
        response = get()
    assert len(response.context["outline"].lessons) == n


@pytest.mark.parametrize("n", [1, 3])
def test_lesson_page_queries_do_not_grow_with_lessons(
    n, enrolled, learner_client, django_assert_num_queries
):
    ((_course, lessons), *_rest) = enrolled(n)

    get = warm(lambda: learner_client.get(lessons[0].url))

    with django_assert_num_queries(LESSON_PAGE_QUERIES):
        response = get()
    assert len(response.context["outline"].lessons) == n


@pytest.mark.parametrize("n", [1, 3])
def test_dashboard_panel_queries_do_not_grow_with_enrolments(
    n, enrolled, learner, django_assert_num_queries
):
    enrolled(n)
    request = RequestFactory().get("/my/")
    request.user = learner

    def render():
        panel = dashboard_panel(request)
        return panel, render_to_string(panel.template, {"panel": panel, "request": request})

    warm(render)
    with django_assert_num_queries(PANEL_QUERIES):
        panel, html = render()
    assert len(panel.context["courses"]) == n
    assert html.count("<progress") == n
