"""The "Recent completions" panel of a programme's dashboard (the
``linkage_programme_dashboard_panels`` hook): the last completions in that programme's
courses, each leading to the course's report, in a fixed number of queries."""

from django.test import RequestFactory
from django.urls import reverse
from django.utils import formats, timezone

from wagtail import hooks

import pytest

from courses import services
from courses.wagtail_hooks import RecentCompletionsPanel

pytestmark = pytest.mark.django_db

PANEL_QUERIES = 2  # the completions with their learners, then the courses' titles


def panels_for(user, programme) -> list:
    """The courses app's panels among every app's for this programme's dashboard."""
    request = RequestFactory().get("/admin/")
    request.user = user
    return [
        panel
        for hook in hooks.get_hooks("linkage_programme_dashboard_panels")
        for panel in hook(request, programme)
        if isinstance(panel, RecentCompletionsPanel)
    ]


@pytest.fixture
def completed(build_course, person_factory):
    """n learners who completed one course of the test programme each, the newest last."""

    def make(n, *, parent=None, prefix="learner"):
        rows = []
        for i in range(n):
            course, (lesson,) = build_course(title=f"Course {prefix} {i}", lessons=1, parent=parent)
            person = person_factory(f"{prefix}{i}@example.org", name=f"{prefix.title()} {i}")
            enrolment, _ = services.enrolment_create(course=course, person=person)
            services.lesson_complete(enrolment=enrolment, lesson=lesson, course=course)
            enrolment.refresh_from_db()
            rows.append((course, person, enrolment))
        return rows

    return make


def test_the_panel_is_registered_for_the_programmes_organisers_and_admins(
    programme, organiser, other_organiser, superuser
):
    (panel,) = panels_for(organiser, programme)

    assert (panel.order, panel.programme) == (200, programme)
    assert len(panels_for(superuser, programme)) == 1
    assert panels_for(other_organiser, programme) == []


def test_the_panel_lists_the_programmes_completions_newest_first_with_links(
    completed, programme, organiser, other_section
):
    ours = completed(2)
    completed(1, parent=other_section, prefix="other")
    (panel,) = panels_for(organiser, programme)

    html = panel.render_html({})

    rows = panel.get_context_data()["completions"]
    assert [(row["learner"], row["course"].title) for row in rows] == [
        ("Learner 1", "Course learner 1"),
        ("Learner 0", "Course learner 0"),
    ]
    course, _person, enrolment = ours[1]
    assert f'href="{reverse("courses_admin:report", args=[course.pk])}"' in html
    day = formats.date_format(timezone.localtime(enrolment.completed_at), "SHORT_DATE_FORMAT")
    assert f">{day}</time>" in html
    assert "Other 0" not in html and "other0@example.org" not in html


def test_the_panel_says_when_nobody_has_completed_yet(programme, organiser):
    (panel,) = panels_for(organiser, programme)

    assert "Nobody has completed a course of this programme yet." in panel.render_html({})


def test_the_panel_shows_the_last_ten(completed, programme, organiser):
    completed(11)
    (panel,) = panels_for(organiser, programme)

    rows = panel.get_context_data()["completions"]

    assert [row["learner"] for row in rows] == [f"Learner {i}" for i in range(10, 0, -1)]


@pytest.mark.parametrize("n", [1, 3])
def test_the_panel_runs_the_same_queries_for_1_or_3_completions(
    n, completed, programme, organiser, django_assert_num_queries
):
    completed(n)
    (panel,) = panels_for(organiser, programme)

    with django_assert_num_queries(PANEL_QUERIES):
        html = panel.render_html({})

    assert html.count("<time ") == n
