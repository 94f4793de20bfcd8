"""Reads for organisers: per-course progress and completion, pre- against post-test, and
the learner export's queryset. Counting and averaging happen in SQL."""

from uuid import UUID

from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ..checks import Check
from ..enums import CheckKind
from ..models import CheckAttempt, CoursePage, Enrolment, LessonCompletion, LessonPage
from .learning import course_checks, course_lesson_keys, course_outline


def with_course_progress(queryset: QuerySet, *, course: CoursePage, lesson_keys=None) -> QuerySet:
    """Annotate enrolments of one course with ``lessons_done`` and ``progress`` (per cent,
    rounded down, 100 once complete), entirely in SQL: for reports and exports."""
    if lesson_keys is None:
        lesson_keys = course_lesson_keys(course_key=course.translation_key)
    has_pre, has_post = bool(course.pre_test), bool(course.post_test)
    total = len(lesson_keys) + has_pre + has_post
    done_lessons = (
        LessonCompletion.objects.filter(enrolment=OuterRef("pk"), lesson_key__in=list(lesson_keys))
        .order_by()
        .values("enrolment")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    queryset = queryset.annotate(
        lessons_done=Coalesce(Subquery(done_lessons, output_field=IntegerField()), 0),
        pre_test_done=Exists(
            CheckAttempt.objects.filter(enrolment=OuterRef("pk"), kind=CheckKind.PRE_TEST)
        ),
        post_test_passed=Exists(
            CheckAttempt.objects.filter(
                enrolment=OuterRef("pk"), kind=CheckKind.POST_TEST, passed=True
            )
        ),
    )
    done = F("lessons_done")
    if has_pre:
        done = done + Case(When(pre_test_done=True, then=Value(1)), default=Value(0))
    if has_post:
        done = done + Case(When(post_test_passed=True, then=Value(1)), default=Value(0))
    if total:
        percent = ExpressionWrapper(done * 100 / Value(total), output_field=IntegerField())
    else:
        percent = Value(0)
    return queryset.annotate(
        progress=Case(
            When(completed_at__isnull=False, then=Value(100)),
            default=percent,
            output_field=IntegerField(),
        )
    )


def pre_post_report(*, course_key: UUID) -> dict:
    """Pre-test against post-test, for learners who took both: the average score before
    and after (the pre-test's one attempt; the best post-test attempt) and the share who
    improved. One query."""
    pre = (
        CheckAttempt.objects.filter(enrolment=OuterRef("pk"), kind=CheckKind.PRE_TEST)
        .order_by("number")
        .values("score")[:1]
    )
    post = (
        CheckAttempt.objects.filter(enrolment=OuterRef("pk"), kind=CheckKind.POST_TEST)
        .order_by("-score")
        .values("score")[:1]
    )
    figures = (
        Enrolment.objects.filter(course_key=course_key)
        .annotate(
            pre_score=Subquery(pre, output_field=IntegerField()),
            post_score=Subquery(post, output_field=IntegerField()),
        )
        .filter(pre_score__isnull=False, post_score__isnull=False)
        .aggregate(
            learners=Count("pk"),
            pre_average=Avg("pre_score"),
            post_average=Avg("post_score"),
            improved=Count("pk", filter=Q(post_score__gt=F("pre_score"))),
        )
    )
    learners = figures["learners"] or 0
    return {
        "learners": learners,
        "pre_average": round(figures["pre_average"], 1) if learners else None,
        "post_average": round(figures["post_average"], 1) if learners else None,
        "improved": figures["improved"] or 0,
        "improved_share": round(100 * figures["improved"] / learners, 1) if learners else None,
    }


def course_report(*, course: CoursePage) -> dict:
    """Progress and completion of one course, for organisers. A fixed number of queries."""
    key = course.translation_key
    outline = course_outline(course=course)
    lesson_keys = {lesson.key for lesson in outline.lessons}
    enrolments = Enrolment.objects.filter(course_key=key)
    totals = with_course_progress(enrolments, course=course, lesson_keys=lesson_keys).aggregate(
        enrolled=Count("pk"),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        started=Count("pk", filter=Q(progress__gt=0)),
        average_progress=Avg("progress"),
    )
    per_lesson = dict(
        LessonCompletion.objects.filter(enrolment__course_key=key)
        .order_by()
        .values("lesson_key")
        .annotate(n=Count("pk"))
        .values_list("lesson_key", "n")
    )
    per_check = {
        row["check_key"]: row
        for row in CheckAttempt.objects.filter(enrolment__course_key=key)
        .order_by()
        .values("check_key")
        .annotate(
            learners=Count("enrolment", distinct=True),
            passed=Count("enrolment", filter=Q(passed=True), distinct=True),
            average_score=Avg("score"),
            attempts=Count("pk"),
        )
    }
    checks = [
        {
            "check": check,
            "label": _check_label(check, lesson),
            **per_check.get(
                check.id, {"learners": 0, "passed": 0, "attempts": 0, "average_score": None}
            ),
        }
        for check, lesson in course_checks(course=course)
    ]
    cohorts = list(
        enrolments.order_by()
        .values("cohort__title", "cohort__starts_on", "cohort__ends_on")
        .annotate(enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by("cohort__starts_on")
    )
    enrolled = totals["enrolled"] or 0
    return {
        "enrolled": enrolled,
        "completed": totals["completed"] or 0,
        "started": totals["started"] or 0,
        "completion_rate": round(100 * totals["completed"] / enrolled, 1) if enrolled else None,
        "average_progress": round(totals["average_progress"], 1) if enrolled else None,
        "lessons": [
            {"lesson": lesson, "completed": per_lesson.get(lesson.key, 0)}
            for lesson in outline.lessons
        ],
        "modules": outline.modules,
        "checks": checks,
        "cohorts": cohorts,
        "pre_post": pre_post_report(course_key=key),
    }


def _check_label(check: Check, lesson: LessonPage | None) -> str:
    if check.kind == CheckKind.PRE_TEST:
        return str(_("Pre-test"))
    if check.kind == CheckKind.POST_TEST:
        return str(_("Post-test"))
    return f"{lesson.title}: {check.title}" if lesson is not None else check.title


def course_learners(*, course: CoursePage) -> QuerySet:
    """Enrolments of a course with their progress, for the organiser's report page."""
    return (
        with_course_progress(
            Enrolment.objects.filter(course_key=course.translation_key), course=course
        )
        .select_related("person__profile", "cohort")
        .order_by("pk")
    )


def annotate_best_scores(queryset: QuerySet, *, check_keys: list[str]) -> QuerySet:
    """One ``score_<n>`` column per check: the learner's best score, or NULL."""
    annotations = {}
    for n, check_key in enumerate(check_keys):
        best = (
            CheckAttempt.objects.filter(enrolment=OuterRef("pk"), check_key=check_key)
            .order_by("-score")
            .values("score")[:1]
        )
        annotations[f"score_{n}"] = Subquery(best, output_field=IntegerField())
    return queryset.annotate(**annotations)


def learner_export_queryset(*, course: CoursePage, checks) -> QuerySet:
    """One dict per enrolment with everything the learner export shows, all computed in
    SQL (progress, best score per check) so the rows can stream from an iterator."""
    queryset = annotate_best_scores(
        with_course_progress(
            Enrolment.objects.filter(course_key=course.translation_key), course=course
        ),
        check_keys=[check.id for check, _lesson in checks],
    )
    return queryset.order_by("pk").values(
        "pk",
        "enrolled_at",
        "completed_at",
        "certificate_code",
        "progress",
        *[f"score_{n}" for n in range(len(checks))],
        name=F("person__profile__display_name"),
        email=F("person__email"),
        organisation=F("person__profile__organisation__name"),
        sector=F("person__profile__sector"),
        country=F("person__profile__country"),
        region=F("person__profile__region__name"),
        cohort_title=F("cohort__title"),
    )


def recent_completions(*, programme_ids, limit: int = 10, language_code: str = "") -> list[dict]:
    """The last ``limit`` completions in the courses of ``programme_ids``, newest first:
    each with the learner, the date and the course (in ``language_code`` where it exists
    in it, for its title; the report link works from any version). Two queries."""
    from .scope import programme_course_keys

    enrolments = list(
        Enrolment.objects.filter(
            course_key__in=programme_course_keys(programme_ids), completed_at__isnull=False
        )
        .select_related("person__profile")
        .order_by("-completed_at", "-pk")[:limit]
    )
    if not enrolments:
        return []
    versions: dict[UUID, CoursePage] = {}
    for course in (
        CoursePage.objects.filter(translation_key__in={e.course_key for e in enrolments})
        .select_related("locale")
        .defer_streamfields()
        .order_by("pk")
    ):
        current = versions.get(course.translation_key)
        if current is None or (
            course.locale.language_code == language_code
            and current.locale.language_code != language_code
        ):
            versions[course.translation_key] = course
    return [
        {
            "enrolment": enrolment,
            "learner": enrolment.person.display_name,
            "completed_at": enrolment.completed_at,
            "course": versions[enrolment.course_key],
        }
        for enrolment in enrolments
        if enrolment.course_key in versions
    ]
