"""courses/views.py and page privacy: a course restricted by Wagtail's page privacy (here to
a group; tests/core/test_pages.py covers login and password) accepts no enrolment, lesson
completion, knowledge-check submission or resume from someone it keeps out, and its pages
are served to members only."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from courses import services
from courses.checks import check_from_block
from courses.models import CheckAttempt, Enrolment, LessonCompletion

pytestmark = pytest.mark.django_db


def submit_url(page, block_id):
    return reverse("courses:check_submit", kwargs={"page_id": page.pk, "block_id": block_id})


def form_data(check, data, attempt=None):
    post = {f"q-{question}": answer_ids for question, answer_ids in data.items()}
    if attempt is not None:
        post["attempt"] = str(attempt)
    return post


@pytest.fixture
def private_course(build_course, learner):
    """A course visible only to the group "Police trainers" (one lesson with a check, one
    without); the learner is enrolled in it."""
    course, lessons = build_course(lessons=2, checks={0})
    services.enrolment_create(course=course, person=learner)
    group = Group.objects.create(name="Police trainers")
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return course, lessons, group


def act(client, action, course, lessons, answers):
    if action == "enrol":
        return client.post(reverse("courses:enrol", args=[course.pk]))
    if action == "complete":
        return client.post(reverse("courses:lesson_complete", args=[lessons[1].pk]))
    if action == "resume":
        return client.get(reverse("courses:resume", args=[course.pk]))
    check = check_from_block(lessons[0].check_blocks()[0])
    return client.post(submit_url(lessons[0], check.id), form_data(check, answers(check), 1))


def recorded() -> tuple[int, int, int]:
    return Enrolment.objects.count(), LessonCompletion.objects.count(), CheckAttempt.objects.count()


ACTIONS = ["enrol", "complete", "check", "resume"]


@pytest.mark.parametrize("action", ACTIONS)
def test_restricted_course_sends_visitors_to_sign_in(client, private_course, answers, action):
    before = recorded()

    response = act(client, action, *private_course[:2], answers)

    assert (response.status_code, response["Location"].split("?")[0]) == (
        302,
        reverse("account_login"),
    )
    assert recorded() == before


@pytest.mark.parametrize("action", ACTIONS)
def test_restricted_course_refuses_someone_outside_its_groups(
    client, private_course, person_factory, answers, action
):
    course, lessons, _group = private_course
    outsider = person_factory("outsider@example.org")
    if action != "enrol":
        services.enrolment_create(course=course, person=outsider)
    client.force_login(outsider)
    before = recorded()

    response = act(client, action, course, lessons, answers)

    assert response.status_code == 404
    assert recorded() == before


@pytest.mark.parametrize(
    ("action", "status", "added"),
    [
        ("enrol", 303, (1, 0, 0)),
        ("complete", 303, (0, 1, 0)),
        ("check", 303, (0, 1, 1)),
        ("resume", 302, (0, 0, 0)),
    ],
)
def test_restricted_course_accepts_a_member_of_its_group(
    client, private_course, person_factory, answers, action, status, added
):
    course, lessons, group = private_course
    member = person_factory("member@example.org")
    member.groups.add(group)
    if action != "enrol":
        services.enrolment_create(course=course, person=member)
    client.force_login(member)
    before = recorded()

    response = act(client, action, course, lessons, answers)

    assert response.status_code == status
    assert tuple(now - then for now, then in zip(recorded(), before, strict=True)) == added


@pytest.mark.parametrize(("who", "status"), [("outsider", 302), ("member", 200)])
def test_restricted_course_and_lesson_pages_are_served_to_members_only(
    client, private_course, person_factory, who, status
):
    course, lessons, group = private_course
    person = person_factory(f"{who}@example.org")
    if who == "member":
        person.groups.add(group)
    client.force_login(person)

    statuses = [client.get(page.url).status_code for page in (course, lessons[0])]

    assert statuses == [status, status]
