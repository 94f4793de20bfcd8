"""courses/services.py: enrolment rules, progress, knowledge-check attempts, completion."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from courses import selectors, services
from courses.checks import SubmissionRefused, check_from_block
from courses.enums import CheckKind, CompletionMethod, EnrolmentSource
from courses.models import (
    CheckAttempt,
    CohortRun,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from impact.enums import ParticipationKind
from impact.models import Participation

pytestmark = pytest.mark.django_db


def lesson_check(lesson):
    return check_from_block(lesson.check_blocks()[0])


def course_check(course, kind):
    return check_from_block(course.test_block(kind), kind=kind)


# --- Enrolment ------------------------------------------------------------------------------


def test_enrolment_create_keys_on_the_course_translation_key(build_course, learner):
    course, _ = build_course()

    enrolment, created = services.enrolment_create(course=course, person=learner)

    assert created is True
    assert (enrolment.course_key, enrolment.source) == (
        course.translation_key,
        EnrolmentSource.SELF,
    )


def test_enrolling_twice_returns_the_first_enrolment(build_course, learner):
    course, _ = build_course()
    first, _ = services.enrolment_create(course=course, person=learner)

    second, created = services.enrolment_create(course=course, person=learner)

    assert (second, created, Enrolment.objects.count()) == (first, False, 1)


def test_enrolment_in_an_unpublished_course_is_refused(build_course, learner):
    course, _ = build_course()
    course.unpublish()

    with pytest.raises(ValidationError) as refused:
        services.enrolment_create(course=course, person=learner)

    assert refused.value.code == "closed"


def test_enrolment_needs_the_prerequisite_and_names_it_with_a_link(build_course, learner):
    required, _ = build_course(title="Coordinated response to violence against women")
    course, _ = build_course(title="Trauma-informed interviewing", requires=[required])

    with pytest.raises(services.PrerequisitesMissing) as refused:
        services.enrolment_create(course=course, person=learner)

    assert refused.value.courses == [required]
    assert refused.value.messages == [
        "This course requires “Coordinated response to violence against women”. Complete it first."
    ]
    assert refused.value.message_html() == (
        f'This course requires <a href="{required.url}">Coordinated response to violence against '
        "women</a>. Complete it first."
    )


def test_enrolment_is_allowed_once_the_prerequisite_is_completed(build_course, learner):
    required, _ = build_course()
    course, _ = build_course(requires=[required])
    Enrolment.objects.create(
        person=learner, course_key=required.translation_key, completed_at=timezone.now()
    )

    _enrolment, created = services.enrolment_create(course=course, person=learner)

    assert created is True


def test_enrolment_in_an_ended_cohort_is_refused(build_course, learner):
    course, _ = build_course()
    cohort = CohortRun.objects.create(
        course=course,
        title="Autumn",
        starts_on=datetime.date(2020, 9, 1),
        ends_on=datetime.date(2020, 10, 1),
    )

    with pytest.raises(ValidationError) as refused:
        services.enrolment_create(course=course, person=learner, cohort=cohort)

    assert refused.value.code == "cohort_ended"


def test_enrolment_in_another_course_cohort_is_refused(build_course, learner):
    course, _ = build_course()
    other, _ = build_course()
    today = timezone.localdate()
    cohort = CohortRun.objects.create(
        course=other, title="Spring", starts_on=today, ends_on=today + datetime.timedelta(days=30)
    )

    with pytest.raises(ValidationError) as refused:
        services.enrolment_create(course=course, person=learner, cohort=cohort)

    assert refused.value.code == "cohort"


# --- Lessons and progress -------------------------------------------------------------------


def test_learner_marks_a_lesson_complete(build_course, learner):
    course, (first, _second) = build_course(lessons=2)
    enrolment, _ = services.enrolment_create(course=course, person=learner)

    completion = services.lesson_complete(enrolment=enrolment, lesson=first)

    assert (completion.lesson_key, completion.method) == (
        first.translation_key,
        CompletionMethod.MARKED,
    )
    assert selectors.course_progress(enrolment=enrolment, course=course).percent == 50


def test_lesson_with_a_check_cannot_just_be_marked_complete(build_course, learner):
    course, (lesson,) = build_course(lessons=1, checks={0})
    enrolment, _ = services.enrolment_create(course=course, person=learner)

    with pytest.raises(ValidationError) as refused:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)

    assert refused.value.code == "needs_check"
    assert LessonCompletion.objects.count() == 0


def test_passing_the_lesson_check_completes_the_lesson(build_course, learner, answers):
    course, (lesson, _other) = build_course(lessons=2, checks={0})
    enrolment, _ = services.enrolment_create(course=course, person=learner)

    attempt = services.check_submit(
        enrolment=enrolment,
        page=lesson,
        block_id=lesson_check(lesson).id,
        data=answers(lesson_check(lesson)),
    )

    assert (attempt.score, attempt.passed, attempt.number) == (100, True, 1)
    assert list(LessonCompletion.objects.values_list("lesson_key", "method")) == [
        (lesson.translation_key, CompletionMethod.CHECK)
    ]


def test_failing_the_lesson_check_does_not_complete_the_lesson(build_course, learner, answers):
    course, (lesson,) = build_course(lessons=1, checks={0})
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    check = lesson_check(lesson)

    attempt = services.check_submit(
        enrolment=enrolment, page=lesson, block_id=check.id, data=answers(check, right=False)
    )

    assert (attempt.score, attempt.passed) == (0, False)
    assert LessonCompletion.objects.count() == 0


def test_attempts_beyond_the_limit_are_refused(build_course, learner, answers):
    course, (lesson,) = build_course(lessons=1, checks={0})
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    check = lesson_check(lesson)
    for _attempt in range(check.max_attempts):
        services.check_submit(
            enrolment=enrolment, page=lesson, block_id=check.id, data=answers(check, right=False)
        )

    with pytest.raises(SubmissionRefused) as refused:
        services.check_submit(
            enrolment=enrolment, page=lesson, block_id=check.id, data=answers(check)
        )

    assert refused.value.code == "attempts"
    assert refused.value.messages == ["You have used all 3 attempts at this check."]
    assert CheckAttempt.objects.count() == 3


def test_a_passed_check_is_not_taken_again(build_course, learner, answers):
    course, (lesson,) = build_course(lessons=1, checks={0})
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    check = lesson_check(lesson)
    services.check_submit(enrolment=enrolment, page=lesson, block_id=check.id, data=answers(check))

    with pytest.raises(SubmissionRefused) as refused:
        services.check_submit(
            enrolment=enrolment, page=lesson, block_id=check.id, data=answers(check)
        )

    assert refused.value.code == "passed"


def test_a_replayed_attempt_number_is_refused(build_course, learner, answers):
    course, (lesson,) = build_course(lessons=1, checks={0})
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    check = lesson_check(lesson)
    services.check_submit(
        enrolment=enrolment,
        page=lesson,
        block_id=check.id,
        data=answers(check, right=False),
        attempt_number=1,
    )

    with pytest.raises(SubmissionRefused) as refused:
        services.check_submit(
            enrolment=enrolment,
            page=lesson,
            block_id=check.id,
            data=answers(check),
            attempt_number=1,
        )

    assert refused.value.code == "resubmitted"


def test_an_unknown_block_id_is_refused(build_course, learner, answers):
    course, (lesson,) = build_course(lessons=1, checks={0})
    enrolment, _ = services.enrolment_create(course=course, person=learner)

    with pytest.raises(SubmissionRefused) as refused:
        services.check_submit(enrolment=enrolment, page=lesson, block_id="no-such-block", data={})

    assert refused.value.code == "unknown"


def test_a_check_of_another_course_is_refused(build_course, learner, answers):
    course, _ = build_course(lessons=1)
    _other, (foreign,) = build_course(lessons=1, checks={0})
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    check = lesson_check(foreign)

    with pytest.raises(SubmissionRefused) as refused:
        services.check_submit(
            enrolment=enrolment, page=foreign, block_id=check.id, data=answers(check)
        )

    assert refused.value.code == "tampered"


def test_a_check_needs_an_enrolment(build_course, answers):
    _course, (lesson,) = build_course(lessons=1, checks={0})

    with pytest.raises(SubmissionRefused) as refused:
        services.check_submit(
            enrolment=None, page=lesson, block_id=lesson_check(lesson).id, data={}
        )

    assert refused.value.code == "not_enrolled"


# --- Pre- and post-tests --------------------------------------------------------------------


def test_post_test_waits_for_the_pre_test_and_every_lesson(build_course, learner, answers):
    course, (lesson,) = build_course(lessons=1, pre=True, post=True)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    post = course_check(course, CheckKind.POST_TEST)
    pre = course_check(course, CheckKind.PRE_TEST)

    with pytest.raises(SubmissionRefused) as before_pre:
        services.check_submit(
            enrolment=enrolment, page=course, block_id=post.id, data=answers(post)
        )
    services.check_submit(
        enrolment=enrolment, page=course, block_id=pre.id, data=answers(pre, right=False)
    )
    with pytest.raises(SubmissionRefused) as before_lessons:
        services.check_submit(
            enrolment=enrolment, page=course, block_id=post.id, data=answers(post)
        )

    assert before_pre.value.messages == ["Take the pre-test first."]
    assert before_lessons.value.messages == ["The post-test opens when every lesson is complete."]


def test_pre_test_is_taken_once(build_course, learner, answers):
    course, _ = build_course(lessons=1, pre=True)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    pre = course_check(course, CheckKind.PRE_TEST)
    services.check_submit(
        enrolment=enrolment, page=course, block_id=pre.id, data=answers(pre, right=False)
    )

    with pytest.raises(SubmissionRefused) as refused:
        services.check_submit(enrolment=enrolment, page=course, block_id=pre.id, data=answers(pre))

    assert refused.value.code == "attempts"


# --- Completion -----------------------------------------------------------------------------


def complete_course(course, lessons, enrolment, answers):
    pre = course_check(course, CheckKind.PRE_TEST)
    services.check_submit(
        enrolment=enrolment, page=course, block_id=pre.id, data=answers(pre, right=False)
    )
    for lesson in lessons:
        if lesson.check_blocks():
            check = lesson_check(lesson)
            services.check_submit(
                enrolment=enrolment, page=lesson, block_id=check.id, data=answers(check)
            )
        else:
            services.lesson_complete(enrolment=enrolment, lesson=lesson)
    post = course_check(course, CheckKind.POST_TEST)
    return services.check_submit(
        enrolment=enrolment, page=course, block_id=post.id, data=answers(post)
    )


def test_completion_is_recorded_the_moment_the_last_requirement_is_met(
    build_course,
    learner,
    answers,
    django_capture_on_commit_callbacks,
    certificates_issued,
):
    course, lessons = build_course(lessons=2, checks={1}, pre=True, post=True)
    enrolment, _ = services.enrolment_create(course=course, person=learner)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        complete_course(course, lessons, enrolment, answers)

    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    rows = Participation.objects.filter(kind=ParticipationKind.COURSE_COMPLETED)
    assert [(row.person, row.source) for row in rows] == [(learner, course)]
    assert certificates_issued() == 1
    assert callbacks, "the certificate e-mail is queued after commit"
    from django.core import mail

    from certificates.models import Certificate

    certificate = Certificate.objects.get()
    assert (
        certificate.subject,
        certificate.holder,
        certificate.holder_name,
        certificate.title,
    ) == (enrolment, learner, "Vjosa Berisha", course.title)
    assert enrolment.certificate_code == certificate.code
    assert [message.to for message in mail.outbox] == [[learner.email]]


def test_completion_counts_once_however_often_it_is_checked(
    build_course, learner, answers, django_capture_on_commit_callbacks, certificates_issued
):
    course, lessons = build_course(lessons=1, pre=True, post=True)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    complete_course(course, lessons, enrolment, answers)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = services.enrolment_refresh_completion(enrolment=enrolment)
        services.lesson_complete(enrolment=enrolment, lesson=lessons[0])

    assert again is False
    assert callbacks == []
    assert Participation.objects.filter(kind=ParticipationKind.COURSE_COMPLETED).count() == 1
    assert certificates_issued() == 1


def test_a_course_without_tests_completes_with_its_last_lesson(build_course, learner):
    course, (first, second) = build_course(lessons=2)
    enrolment, _ = services.enrolment_create(course=course, person=learner)

    services.lesson_complete(enrolment=enrolment, lesson=first)
    assert Enrolment.objects.get().completed_at is None
    services.lesson_complete(enrolment=enrolment, lesson=second)

    assert Enrolment.objects.get().completed_at is not None


def test_progress_follows_the_learner_across_translations(
    build_course, learner, lt_locale, translated_parents, answers
):
    course, (first, second) = build_course(lessons=2, checks={1})
    translated_parents(course, lt_locale)
    course_lt = course.copy_for_translation(lt_locale)
    course_lt.save_revision().publish()
    second_lt = second.copy_for_translation(lt_locale)
    second_lt.save_revision().publish()
    enrolment, _ = services.enrolment_create(course=course, person=learner)

    services.lesson_complete(enrolment=enrolment, lesson=first)
    check = lesson_check(second_lt)
    services.check_submit(
        enrolment=enrolment, page=second_lt, block_id=check.id, data=answers(check)
    )

    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert services.enrolment_create(course=course_lt.specific, person=learner) == (
        enrolment,
        False,
    )
    assert selectors.course_progress(enrolment=enrolment, course=course_lt.specific).percent == 100


def test_a_reissued_certificate_updates_the_enrolment_code(build_course, learner):
    from certificates.models import Certificate
    from certificates.services import certificate_reissue

    course, (lesson,) = build_course(lessons=1)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    services.lesson_complete(enrolment=enrolment, lesson=lesson)
    old = Certificate.objects.get()

    new = certificate_reissue(certificate=old, by=None, holder_name="Vjosa B.")

    enrolment.refresh_from_db()
    assert (enrolment.certificate_code, new.holder_name) == (new.code, "Vjosa B.")


def test_reopening_the_last_lesson_within_minutes_writes_nothing(
    build_course, learner, django_assert_num_queries
):
    course, (first, second) = build_course(lessons=2)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    services.lesson_visit(enrolment=enrolment, lesson=first)

    with django_assert_num_queries(0):
        services.lesson_visit(enrolment=enrolment, lesson=first)
    with django_assert_num_queries(1):
        services.lesson_visit(enrolment=enrolment, lesson=second)
    enrolment.last_activity_at -= services.VISIT_RESOLUTION
    with django_assert_num_queries(1):
        services.lesson_visit(enrolment=enrolment, lesson=second)

    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == second.translation_key


# --- The certificate ------------------------------------------------------------------------


def complete_in_english(course, lessons, learner):
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    for lesson in lessons:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    from certificates.models import Certificate

    return Certificate.objects.get()


def test_the_certificate_is_in_the_learners_language_with_the_courses_title_and_length(
    build_course, learner, lt_locale, translated_parents
):
    course, lessons = build_course(title="Coordinated response", lessons=1)
    translated_parents(course, lt_locale)
    course_lt = course.copy_for_translation(lt_locale)
    course_lt.title = "Koordinuotas atsakas"
    course_lt.save_revision().publish()
    learner.profile.preferred_language = "lt"
    learner.profile.save()

    certificate = complete_in_english(course, lessons, learner)

    assert (certificate.language, certificate.title, certificate.duration_minutes) == (
        "lt",
        "Koordinuotas atsakas",
        90,
    )


def test_without_a_translation_the_certificate_names_the_original_not_an_alias(
    build_course, learner, lt_locale, translated_parents
):
    course, lessons = build_course(title="Coordinated response", lessons=1)
    translated_parents(course, lt_locale)
    parent_lt = course.get_parent().get_translation(lt_locale)
    alias = course.create_alias(parent=parent_lt, update_locale=lt_locale)
    CoursePage.objects.filter(pk=alias.pk).update(title="Alias title, never shown")
    learner.profile.preferred_language = "lt"
    learner.profile.save()

    certificate = complete_in_english(course, lessons, learner)

    assert (certificate.language, certificate.title) == ("lt", "Coordinated response")


def test_an_english_learner_gets_the_original_title_whatever_language_she_studied_in(
    build_course, learner, lt_locale, translated_parents
):
    course, (lesson,) = build_course(title="Coordinated response", lessons=1)
    translated_parents(course, lt_locale)
    course_lt = course.copy_for_translation(lt_locale)
    course_lt.title = "Koordinuotas atsakas"
    course_lt.save_revision().publish()
    lesson_lt = lesson.copy_for_translation(lt_locale)
    lesson_lt.save_revision().publish()
    enrolment, _ = services.enrolment_create(
        course=CoursePage.objects.get(pk=course_lt.pk), person=learner
    )

    services.lesson_complete(enrolment=enrolment, lesson=LessonPage.objects.get(pk=lesson_lt.pk))

    from certificates.models import Certificate

    certificate = Certificate.objects.get()
    assert (certificate.language, certificate.title) == ("en", "Coordinated response")
