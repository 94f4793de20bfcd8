"""courses/selectors.py: outline, progress, catalogue, reports."""

from django.utils import timezone

import pytest

from courses import selectors, services
from courses.checks import check_from_block
from courses.enums import CheckKind, Track
from courses.models import CheckAttempt, CourseModule, Enrolment, LessonCompletion
from people.enums import Sector

pytestmark = pytest.mark.django_db


def test_outline_groups_lessons_by_module_in_module_order(build_course):
    course, lessons = build_course(lessons=4, modules=("Why coordinate", "Who does what"))

    outline = selectors.course_outline(course=course)

    assert [(m.title, [e.page.pk for e in m.lessons]) for m in outline.modules] == [
        ("Why coordinate", [lessons[0].pk, lessons[2].pk]),
        ("Who does what", [lessons[1].pk, lessons[3].pk]),
    ]
    assert [e.page.pk for e in outline.lessons] == [
        lessons[0].pk,
        lessons[2].pk,
        lessons[1].pk,
        lessons[3].pk,
    ]


def test_outline_shows_untranslated_lessons_from_the_original(
    build_course, lt_locale, translated_parents
):
    course, (first, second) = build_course(lessons=2)
    translated_parents(course, lt_locale)
    course_lt = course.copy_for_translation(lt_locale)
    course_lt.save_revision().publish()
    first_lt = first.copy_for_translation(lt_locale)
    first_lt.save_revision().publish()

    outline = selectors.course_outline(course=course_lt.specific)

    assert [(e.page.pk, e.translated) for e in outline.lessons] == [
        (first_lt.pk, True),
        (second.pk, False),
    ]


def test_outline_is_one_query_with_modules_and_what_is_done(
    build_course, learner, lt_locale, translated_parents, django_assert_num_queries
):
    course, (first, second) = build_course(lessons=2, modules=("Why", "How"))
    translated_parents(course, lt_locale)
    course_lt = course.copy_for_translation(lt_locale)
    course_lt.save_revision().publish()
    first_lt = first.copy_for_translation(lt_locale)
    first_lt.save_revision().publish()
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    services.lesson_complete(enrolment=enrolment, lesson=second)
    course_lt = course_lt.specific_class.objects.get(pk=course_lt.pk)

    with django_assert_num_queries(1):
        outline = selectors.course_outline(course=course_lt, enrolment=enrolment)

    assert [
        (m.title, [(e.page.pk, e.translated, e.done) for e in m.lessons]) for m in outline.modules
    ] == [("Why", [(first_lt.pk, True, False)]), ("How", [(second.pk, False, True)])]


def test_outline_of_a_previewed_course_shows_its_unsaved_modules(build_course):
    course, (first, second) = build_course(lessons=2, modules=("Why", "How"))
    course = type(course).objects.get(pk=course.pk)
    why, how = course.modules.all()
    course.modules = [
        CourseModule(title="How, first", translation_key=how.translation_key, sort_order=0),
        CourseModule(title="Why", translation_key=why.translation_key, sort_order=1),
    ]

    outline = selectors.course_outline(course=course)

    assert [(m.title, [e.page.pk for e in m.lessons]) for m in outline.modules] == [
        ("How, first", [second.pk]),
        ("Why", [first.pk]),
    ]


@pytest.mark.parametrize(
    ("done", "pre", "post", "expected"),
    # 4 lessons + pre-test + post-test = 6 steps.
    [(0, False, False, 0), (1, False, False, 16), (2, True, False, 50), (4, True, True, 100)],
)
def test_progress_counts_lessons_and_tests_rounded_down(
    build_course, learner, done, pre, post, expected
):
    course, lessons = build_course(lessons=4, pre=True, post=True)
    enrolment = Enrolment.objects.create(person=learner, course_key=course.translation_key)
    for lesson in lessons[:done]:
        LessonCompletion.objects.create(
            enrolment=enrolment, lesson_key=lesson.translation_key, method="marked"
        )
    for kind, taken in ((CheckKind.PRE_TEST, pre), (CheckKind.POST_TEST, post)):
        if taken:
            CheckAttempt.objects.create(
                enrolment=enrolment, check_key=kind, kind=kind, number=1, score=90, passed=True
            )

    progress = selectors.course_progress(enrolment=enrolment, course=course)

    assert progress.percent == expected
    annotated = selectors.with_course_progress(Enrolment.objects.all(), course=course).get()
    assert annotated.progress == progress.percent


def test_progress_ignores_lessons_that_were_unpublished(build_course, learner):
    course, (first, second) = build_course(lessons=2)
    enrolment = Enrolment.objects.create(person=learner, course_key=course.translation_key)
    LessonCompletion.objects.create(
        enrolment=enrolment, lesson_key=second.translation_key, method="marked"
    )

    second.unpublish()

    assert selectors.course_progress(enrolment=enrolment, course=course).percent == 0


def test_sql_progress_for_many_courses_matches(build_course, learner):
    one, (a, _b) = build_course(lessons=2)
    two, (c,) = build_course(lessons=1)
    for course, lesson in ((one, a), (two, c)):
        enrolment = Enrolment.objects.create(person=learner, course_key=course.translation_key)
        LessonCompletion.objects.create(
            enrolment=enrolment, lesson_key=lesson.translation_key, method="marked"
        )

    rows = selectors.person_courses(person=learner)

    assert sorted((row.course.pk, row.progress.percent) for row in rows) == [
        (one.pk, 50),
        (two.pk, 100),
    ]


def test_resume_returns_the_last_lesson_opened_or_the_next_one_not_done(build_course, learner):
    course, (first, second, third) = build_course(lessons=3)
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    outline = selectors.course_outline(course=course)

    services.lesson_visit(enrolment=enrolment, lesson=second)
    assert (
        selectors.resume_lesson(enrolment=enrolment, outline=outline, completed_keys=set()).page
        == second
    )
    assert (
        selectors.resume_lesson(
            enrolment=enrolment,
            outline=outline,
            completed_keys={first.translation_key, second.translation_key},
        ).page
        == third
    )


# --- Catalogue ------------------------------------------------------------------------------


@pytest.fixture
def catalogue_courses(build_course, lt_locale, translated_parents):
    everyone, _ = build_course(
        title="Coordinated response", tracks=[Track.PROFESSIONAL, Track.MENTOR], lessons=0
    )
    police, _ = build_course(
        title="Trauma-informed interviewing", sectors=[Sector.POLICE], lessons=0
    )
    mentors, _ = build_course(
        title="Community mentor foundations", tracks=[Track.MENTOR], lessons=0
    )
    translated_parents(everyone, lt_locale)
    translated = everyone.copy_for_translation(lt_locale)
    translated.title = "Koordinuotas atsakas"
    translated.save_revision().publish()
    return everyone, police, mentors, translated


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            {},
            [
                "Coordinated response",
                "Trauma-informed interviewing",
                "Community mentor foundations",
            ],
        ),
        ({"track": Track.MENTOR}, ["Coordinated response", "Community mentor foundations"]),
        (
            {"sector": Sector.POLICE},
            [
                "Coordinated response",
                "Trauma-informed interviewing",
                "Community mentor foundations",
            ],
        ),
        ({"sector": Sector.HEALTH}, ["Coordinated response", "Community mentor foundations"]),
        ({"language": "lt"}, ["Coordinated response"]),
        ({"track": Track.PROFESSIONAL, "language": "lt"}, ["Coordinated response"]),
    ],
)
def test_catalogue_filters_by_track_sector_and_language(
    index, catalogue_courses, filters, expected
):
    entries = selectors.catalogue(index=index, **filters)

    assert [entry.course.title for entry in entries] == expected


def test_catalogue_lists_each_course_once_in_the_catalogue_language(
    index, catalogue_courses, lt_locale
):
    index_lt = index.get_translation(lt_locale)

    entries = selectors.catalogue(index=index_lt)

    assert [entry.course.title for entry in entries] == [
        "Koordinuotas atsakas",
        "Trauma-informed interviewing",
        "Community mentor foundations",
    ]
    assert [lang["code"] for lang in entries[0].languages] == ["en", "lt"]


# --- Reports --------------------------------------------------------------------------------


def _attempt(enrolment, kind, score, number=1):
    CheckAttempt.objects.create(
        enrolment=enrolment,
        check_key=str(kind),
        kind=kind,
        number=number,
        score=score,
        passed=score >= 50,
    )


def test_pre_post_report_averages_and_share_improved(build_course, person_factory):
    course, _ = build_course(lessons=1, pre=True, post=True)
    scores = {  # person: (pre, [post attempts])
        "a@example.org": (40, [60, 80]),  # improved: best post 80
        "b@example.org": (60, [60]),  # same
        "c@example.org": (80, [40]),  # worse
        "d@example.org": (20, [100]),  # improved
        "e@example.org": (50, []),  # no post-test: not counted
    }
    for email, (pre, posts) in scores.items():
        enrolment = Enrolment.objects.create(
            person=person_factory(email), course_key=course.translation_key
        )
        _attempt(enrolment, CheckKind.PRE_TEST, pre)
        for number, post in enumerate(posts, start=1):
            _attempt(enrolment, CheckKind.POST_TEST, post, number=number)

    figures = selectors.pre_post_report(course_key=course.translation_key)

    assert figures == {
        "learners": 4,
        "pre_average": 50.0,  # (40 + 60 + 80 + 20) / 4
        "post_average": 70.0,  # (80 + 60 + 40 + 100) / 4
        "improved": 2,
        "improved_share": 50.0,
    }


def test_pre_post_report_with_nobody_yet(build_course):
    course, _ = build_course(lessons=1, pre=True, post=True)

    assert selectors.pre_post_report(course_key=course.translation_key) == {
        "learners": 0,
        "pre_average": None,
        "post_average": None,
        "improved": 0,
        "improved_share": None,
    }


def test_course_report_counts_enrolled_started_and_completed(build_course, person_factory):
    course, (first, second) = build_course(lessons=2, checks={1})
    done = Enrolment.objects.create(
        person=person_factory("done@example.org"),
        course_key=course.translation_key,
        completed_at=timezone.now(),
    )
    half = Enrolment.objects.create(
        person=person_factory("half@example.org"), course_key=course.translation_key
    )
    Enrolment.objects.create(
        person=person_factory("new@example.org"), course_key=course.translation_key
    )
    for enrolment in (done, half):
        LessonCompletion.objects.create(
            enrolment=enrolment, lesson_key=first.translation_key, method="marked"
        )
    LessonCompletion.objects.create(
        enrolment=done, lesson_key=second.translation_key, method="check"
    )
    check = check_from_block(second.check_blocks()[0])
    CheckAttempt.objects.create(
        enrolment=done, check_key=check.id, kind="lesson", number=1, score=50, passed=False
    )
    CheckAttempt.objects.create(
        enrolment=done, check_key=check.id, kind="lesson", number=2, score=100, passed=True
    )

    report = selectors.course_report(course=course)

    assert (report["enrolled"], report["started"], report["completed"]) == (3, 2, 1)
    assert report["completion_rate"] == 33.3
    assert report["average_progress"] == 50.0  # (100 + 50 + 0) / 3
    assert [(row["lesson"].page.pk, row["completed"]) for row in report["lessons"]] == [
        (first.pk, 2),
        (second.pk, 1),
    ]
    (check_row,) = report["checks"]
    assert (
        check_row["learners"],
        check_row["passed"],
        check_row["attempts"],
        check_row["average_score"],
    ) == (
        1,
        1,
        2,
        75.0,
    )
