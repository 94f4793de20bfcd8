"""courses/views.py and the page templates: what learners do in the browser. Page privacy
is in test_views_privacy.py, the query-count guards in test_query_counts.py."""

from django.contrib.messages import get_messages
from django.urls import reverse

import pytest

from courses import services
from courses.checks import check_from_block
from courses.enums import CheckKind
from courses.models import CheckAttempt, Enrolment, LessonCompletion

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def submit_url(page, block_id):
    return reverse("courses:check_submit", kwargs={"page_id": page.pk, "block_id": block_id})


def form_data(check, data, attempt=None):
    post = {f"q-{question}": answer_ids for question, answer_ids in data.items()}
    if attempt is not None:
        post["attempt"] = str(attempt)
    return post


# --- Pages ----------------------------------------------------------------------------------


def test_catalogue_filters_with_a_plain_get_form(client, index, build_course):
    build_course(title="Trauma-informed interviewing", sectors=["police"], lessons=0)
    build_course(title="Community mentor foundations", tracks=["mentor"], lessons=0)

    response = client.get(index.url, {"track": "mentor", "sector": "", "language": ""})

    assert response.status_code == 200
    assert [entry.course.title for entry in response.context["entries"]] == [
        "Community mentor foundations"
    ]
    assert b'<form method="get"' in response.content


def test_catalogue_ignores_a_bad_filter_value(client, index, build_course):
    build_course(lessons=0)

    response = client.get(index.url, {"track": "<script>"})

    assert response.status_code == 200
    assert len(response.context["entries"]) == 1


def test_course_page_invites_visitors_to_sign_in(client, build_course):
    course, _ = build_course(lessons=2)

    response = client.get(course.url)

    assert response.status_code == 200
    assert reverse("account_login").encode() in response.content
    assert response.context["enrolment"] is None


def test_course_page_shows_progress_bar_and_resume_link(learner_client, learner, build_course):
    course, (first, _second) = build_course(lessons=2)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    services.lesson_complete(enrolment=enrolment, lesson=first)

    response = learner_client.get(course.url)

    assert (
        b'<progress id="progress-course" max="100" value="50">50 %</progress>' in response.content
    )
    assert reverse("courses:resume", args=[course.pk]).encode() in response.content


def test_lesson_page_renders_its_check_as_a_form(learner_client, learner, build_course):
    course, (lesson,) = build_course(lessons=1, checks={0})
    services.enrolment_create(course=course, person=learner)
    check = check_from_block(lesson.check_blocks()[0])

    response = learner_client.get(lesson.url)

    assert response.status_code == 200
    assert submit_url(lesson, check.id).encode() in response.content
    assert f'name="q-{check.questions[0].id}"'.encode() in response.content
    assert Enrolment.objects.get().last_lesson_key == lesson.translation_key


def test_pre_test_page_has_its_own_url(learner_client, learner, build_course):
    course, _ = build_course(lessons=1, pre=True)
    services.enrolment_create(course=course, person=learner)

    response = learner_client.get(course.url + course.reverse_subpage("pre_test"))

    assert response.status_code == 200
    assert response.context["test"].check.kind == CheckKind.PRE_TEST


# --- Enrolment ------------------------------------------------------------------------------


def test_learner_enrols_with_a_post(learner_client, learner, build_course):
    course, _ = build_course()

    response = learner_client.post(reverse("courses:enrol", args=[course.pk]))

    assert response.status_code == 303
    assert Enrolment.objects.filter(person=learner, course_key=course.translation_key).count() == 1
    assert messages_of(response) == [f"You are enrolled in “{course.title}”."]


def test_enrolment_refused_names_the_missing_course_with_a_link(learner_client, build_course):
    required, _ = build_course(title="Coordinated response")
    course, _ = build_course(requires=[required])

    response = learner_client.post(reverse("courses:enrol", args=[course.pk]))

    assert Enrolment.objects.count() == 0
    assert messages_of(response) == [
        f'This course requires <a href="{required.url}">Coordinated response</a>. '
        "Complete it first."
    ]
    page = learner_client.get(course.url)
    assert [c.pk for c in page.context["missing_prerequisites"]] == [required.pk]


def test_enrolling_needs_a_signed_in_person(client, build_course):
    course, _ = build_course()

    response = client.post(reverse("courses:enrol", args=[course.pk]))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_enrol_accepts_only_post(learner_client, build_course):
    course, _ = build_course()

    assert learner_client.get(reverse("courses:enrol", args=[course.pk])).status_code == 405


# --- Lessons and checks ---------------------------------------------------------------------


def test_marking_a_lesson_complete_moves_on_to_the_next(learner_client, learner, build_course):
    course, (first, second) = build_course(lessons=2)
    services.enrolment_create(course=course, person=learner)

    response = learner_client.post(reverse("courses:lesson_complete", args=[first.pk]))

    assert (response.status_code, response["Location"]) == (303, second.url)
    assert LessonCompletion.objects.count() == 1


def test_resume_goes_to_the_last_lesson_opened(learner_client, learner, build_course):
    course, (_first, second) = build_course(lessons=2)
    services.enrolment_create(course=course, person=learner)
    learner_client.get(second.url)

    response = learner_client.get(reverse("courses:resume", args=[course.pk]))

    assert response["Location"] == second.url


def test_passing_a_check_completes_the_lesson_and_shows_feedback(
    learner_client, learner, build_course, answers
):
    course, (lesson, _other) = build_course(lessons=2, checks={0})
    services.enrolment_create(course=course, person=learner)
    check = check_from_block(lesson.check_blocks()[0])

    response = learner_client.post(
        submit_url(lesson, check.id), form_data(check, answers(check), attempt=1)
    )

    assert (response.status_code, response["Location"]) == (303, f"{lesson.url}#check-{check.id}")
    assert messages_of(response) == ["You passed with 100 %."]
    assert LessonCompletion.objects.get().method == "check"
    page = learner_client.get(lesson.url)
    assert b"Passed." in page.content and b"You chose: Right. About Right" in page.content


def test_failed_then_passed_check(learner_client, learner, build_course, answers):
    course, (lesson,) = build_course(lessons=1, checks={0})
    services.enrolment_create(course=course, person=learner)
    check = check_from_block(lesson.check_blocks()[0])

    failed = learner_client.post(
        submit_url(lesson, check.id), form_data(check, answers(check, right=False), 1)
    )
    passed = learner_client.post(submit_url(lesson, check.id), form_data(check, answers(check), 2))

    assert messages_of(failed) == ["Not passed this time: 0 %."]
    assert (
        messages_of(passed)[-1]
        == "You passed and have completed the course. Your certificate is ready."
    )
    assert list(CheckAttempt.objects.values_list("number", "passed")) == [(1, False), (2, True)]


@pytest.mark.parametrize(
    "tamper", ["answer_from_other_question", "unknown_question", "two_radio_answers"]
)
def test_tampered_submission_is_refused_with_a_clear_message(
    learner_client, learner, build_course, tamper
):
    course, (lesson,) = build_course(lessons=1)
    lesson.body = [
        lesson.body.raw_data[0],
        {
            "type": "knowledge_check",
            "id": "check",
            "value": {
                "title": "Check",
                "intro": "",
                "pass_mark": 50,
                "max_attempts": 3,
                "questions": [
                    {
                        "type": "item",
                        "id": "q1",
                        "value": {
                            "kind": "single",
                            "prompt": "One?",
                            "answers": [
                                {
                                    "type": "item",
                                    "id": "a1",
                                    "value": {"text": "Yes", "correct": True, "feedback": ""},
                                },
                                {
                                    "type": "item",
                                    "id": "a2",
                                    "value": {"text": "No", "correct": False, "feedback": ""},
                                },
                            ],
                        },
                    },
                    {
                        "type": "item",
                        "id": "q2",
                        "value": {
                            "kind": "single",
                            "prompt": "Two?",
                            "answers": [
                                {
                                    "type": "item",
                                    "id": "b1",
                                    "value": {"text": "Yes", "correct": True, "feedback": ""},
                                },
                                {
                                    "type": "item",
                                    "id": "b2",
                                    "value": {"text": "No", "correct": False, "feedback": ""},
                                },
                            ],
                        },
                    },
                ],
            },
        },
    ]
    lesson.save_revision().publish()
    services.enrolment_create(course=course, person=learner)
    data = {
        "answer_from_other_question": {"q-q1": ["b1"], "q-q2": ["b2"]},
        "unknown_question": {"q-q1": ["a1"], "q-q2": ["b1"], "q-q3": ["a1"]},
        "two_radio_answers": {"q-q1": ["a1", "a2"], "q-q2": ["b1"]},
    }[tamper]

    response = learner_client.post(submit_url(lesson, "check"), data)

    assert response.status_code == 400
    assert b"Submission not accepted" in response.content
    assert b"Nothing was recorded" in response.content
    assert CheckAttempt.objects.count() == 0


def test_unknown_block_id_is_refused_not_a_server_error(learner_client, learner, build_course):
    course, (lesson,) = build_course(lessons=1, checks={0})
    services.enrolment_create(course=course, person=learner)

    response = learner_client.post(submit_url(lesson, "00000000-no-such-block"), {"q-x": ["y"]})

    assert response.status_code == 400
    assert b"This knowledge check does not exist" in response.content


def test_bad_attempt_number_is_refused_not_a_server_error(
    learner_client, learner, build_course, answers
):
    course, (lesson,) = build_course(lessons=1, checks={0})
    services.enrolment_create(course=course, person=learner)
    check = check_from_block(lesson.check_blocks()[0])

    response = learner_client.post(
        submit_url(lesson, check.id), {**form_data(check, answers(check)), "attempt": "x"}
    )

    assert response.status_code == 400


def test_attempt_beyond_the_limit_is_refused(learner_client, learner, build_course, answers):
    course, (lesson,) = build_course(lessons=1, checks={0})
    services.enrolment_create(course=course, person=learner)
    check = check_from_block(lesson.check_blocks()[0])
    for number in range(1, check.max_attempts + 1):
        learner_client.post(
            submit_url(lesson, check.id), form_data(check, answers(check, right=False), number)
        )

    response = learner_client.post(submit_url(lesson, check.id), form_data(check, answers(check)))

    assert response.status_code == 409
    assert b"You have used all 3 attempts at this check." in response.content
    assert CheckAttempt.objects.count() == 3


def test_unanswered_question_sends_the_learner_back(learner_client, learner, build_course):
    course, (lesson,) = build_course(lessons=1, checks={0})
    services.enrolment_create(course=course, person=learner)
    check = check_from_block(lesson.check_blocks()[0])

    response = learner_client.post(submit_url(lesson, check.id), {})

    assert response.status_code == 303
    assert messages_of(response) == ["Answer every question before you submit."]


def test_check_without_enrolment_is_refused(learner_client, build_course, answers):
    _course, (lesson,) = build_course(lessons=1, checks={0})
    check = check_from_block(lesson.check_blocks()[0])

    response = learner_client.post(submit_url(lesson, check.id), form_data(check, answers(check)))

    assert response.status_code == 400
    assert b"Enrol in the course to take its checks." in response.content


def test_completed_course_links_to_the_certificate(learner_client, learner, build_course):
    course, (lesson,) = build_course(lessons=1)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    services.lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()

    response = learner_client.get(course.url)

    code = enrolment.certificate_code
    assert reverse("certificates:download", kwargs={"code": code}).encode() in response.content
    assert reverse("certificates:verify", kwargs={"code": code}).encode() in response.content
    assert b'value="100">100 %</progress>' in response.content


def test_my_linkage_shows_my_courses_with_a_progress_bar(learner_client, learner, build_course):
    course, (first, _second) = build_course(lessons=2)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    services.lesson_complete(enrolment=enrolment, lesson=first)

    response = learner_client.get(reverse("people:dashboard"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "My courses" in content
    assert f'<progress id="progress-{enrolment.pk}" max="100" value="50">50 %</progress>' in content
    assert reverse("courses:resume", args=[course.pk]) in content


def test_course_page_does_not_check_prerequisites_for_visitors(client, build_course):
    required, _ = build_course(lessons=0)
    course, _ = build_course(lessons=1, requires=[required])

    response = client.get(course.url)

    assert (response.status_code, "missing_prerequisites" in response.context) == (200, False)
