"""Reads for learners: a course's versions, outline and knowledge checks; enrolment,
progress and where to resume; prerequisites; the state of each check. A fixed number of
queries each, whatever the number of lessons or enrolments."""

from dataclasses import dataclass, field
from uuid import UUID

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from ..checks import Check, check_from_block
from ..enums import CheckKind
from ..models import (
    CheckAttempt,
    CohortRun,
    CourseModule,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)

LANGUAGE_NAMES = dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def canonical_course(*, course_key: UUID) -> CoursePage | None:
    """The original version of a course (the first created), whatever its language."""
    return CoursePage.objects.filter(translation_key=course_key).order_by("pk").first()


def course_lesson_keys(*, course_key: UUID) -> set[UUID]:
    """The lessons a learner must complete: every live lesson of the course in any of its
    languages, counted once per translation_key."""
    return set(
        LessonPage.objects.live()
        .filter(course_key=course_key)
        .values_list("translation_key", flat=True)
        .distinct()
    )


def course_languages(*, course: CoursePage, translations=None) -> list[dict]:
    """The languages a course is written in: its original and its live translations, not
    the aliases that show the original in the other languages' trees. Pass its versions
    when they are already read (e.g. ``core.pages.live_translations``; aliases among them
    are left out here)."""
    versions = translations
    if versions is None:
        versions = (
            CoursePage.objects.live()
            .filter(translation_key=course.translation_key, alias_of__isnull=True)
            .select_related("locale")
            .order_by("locale__language_code")
            .defer_streamfields()
        )
    return [
        {
            "code": version.locale.language_code,
            "name": LANGUAGE_NAMES.get(version.locale.language_code, version.locale.language_code),
            "page": version,
            "current": version.pk == course.pk,
        }
        for version in versions
        if not version.alias_of_id
    ]


@dataclass
class OutlineLesson:
    page: LessonPage
    translated: bool = True  # False: shown from another language, not yet translated
    done: bool = False

    @property
    def key(self) -> UUID:
        return self.page.translation_key


@dataclass
class OutlineModule:
    title: str
    summary: str = ""
    key: UUID | None = None
    lessons: list[OutlineLesson] = field(default_factory=list)


@dataclass
class Outline:
    course: CoursePage
    modules: list[OutlineModule]
    lessons: list[OutlineLesson]

    @property
    def lesson_keys(self) -> set[UUID]:
        return {lesson.key for lesson in self.lessons}

    def position(self, key: UUID) -> int | None:
        return next((i for i, lesson in enumerate(self.lessons) if lesson.key == key), None)

    def neighbours(self, key: UUID) -> tuple[OutlineLesson | None, OutlineLesson | None]:
        i = self.position(key)
        if i is None:
            return None, None
        previous = self.lessons[i - 1] if i > 0 else None
        following = self.lessons[i + 1] if i + 1 < len(self.lessons) else None
        return previous, following


def course_outline(
    *, course: CoursePage, with_body: bool = False, enrolment: Enrolment | None = None
) -> Outline:
    """The course's modules and lessons in order, in the course's language.

    One query: the course's own live lessons, plus those of its other languages that are
    not translated into this one (shown with ``translated=False`` rather than left out:
    they still count), each with its module's title, summary and order. Given an
    enrolment, each lesson also says whether the learner completed it (``done``).
    """
    own = Q(path__startswith=course.path, depth=course.depth + 1)
    translated_here = LessonPage.objects.live().filter(
        own, translation_key=OuterRef("translation_key")
    )
    lessons = (
        LessonPage.objects.live()
        .filter(course_key=course.translation_key)
        .filter(own | ~Exists(translated_here))
        .select_related("locale")
        .order_by("path")
    )
    in_memory = _unsaved_modules(course)
    if in_memory is None:
        module = CourseModule.objects.filter(
            page_id=course.pk, translation_key=OuterRef("module_key")
        )
        lessons = lessons.annotate(
            module_title=Subquery(module.values("title")[:1]),
            module_summary=Subquery(module.values("summary")[:1]),
            module_order=Subquery(module.values("sort_order")[:1]),
        )
    if enrolment is not None:
        lessons = lessons.annotate(
            done=Exists(
                LessonCompletion.objects.filter(
                    enrolment=enrolment, lesson_key=OuterRef("translation_key")
                )
            )
        )
    if not with_body:
        lessons = lessons.defer_streamfields()
    own_lessons, foreign = [], {}
    for lesson in lessons:
        if lesson.path.startswith(course.path):
            own_lessons.append(lesson)
        else:
            foreign.setdefault(lesson.translation_key, lesson)
    entries = [OutlineLesson(page=lesson) for lesson in own_lessons] + [
        OutlineLesson(page=lesson, translated=False) for lesson in foreign.values()
    ]
    groups: dict[UUID, tuple[int, OutlineModule]] = {}
    if in_memory is not None:
        for order, module in enumerate(in_memory):
            groups[module.translation_key] = (
                order,
                OutlineModule(
                    title=module.title, summary=module.summary, key=module.translation_key
                ),
            )
    loose = OutlineModule(title="")
    for entry in entries:
        page = entry.page
        entry.done = bool(getattr(page, "done", False))
        if in_memory is None and page.module_title is not None and page.module_key not in groups:
            groups[page.module_key] = (
                page.module_order or 0,
                OutlineModule(
                    title=page.module_title, summary=page.module_summary, key=page.module_key
                ),
            )
        group = groups.get(page.module_key)
        (group[1] if group else loose).lessons.append(entry)
    modules = [group for _order, group in sorted(groups.values(), key=lambda g: g[0])]
    modules = [group for group in modules if group.lessons]
    if loose.lessons:
        modules.append(loose)
    ordered = [entry for group in modules for entry in group.lessons]
    return Outline(course=course, modules=modules, lessons=ordered)


def _unsaved_modules(course: CoursePage):
    """The modules of a course being previewed (held in memory, not yet saved), else None."""
    related = getattr(course, "_cluster_related_objects", {})
    if "modules" in related:
        return sorted(related["modules"], key=lambda m: m.sort_order or 0)
    return None


def course_checks(*, course: CoursePage) -> list[tuple[Check, LessonPage | None]]:
    """Every knowledge check of a course in order: pre-test, lesson checks, post-test.

    Lesson checks come from the course's own lessons (this version)."""
    checks: list[tuple[Check, LessonPage | None]] = []
    pre = course.test_block(CheckKind.PRE_TEST)
    if pre is not None:
        checks.append((check_from_block(pre, kind=CheckKind.PRE_TEST), None))
    for outline_lesson in course_outline(course=course, with_body=True).lessons:
        for block in outline_lesson.page.check_blocks():
            checks.append((check_from_block(block, kind=CheckKind.LESSON), outline_lesson.page))
    post = course.test_block(CheckKind.POST_TEST)
    if post is not None:
        checks.append((check_from_block(post, kind=CheckKind.POST_TEST), None))
    return checks


def enrolment_for(*, person, course_key: UUID) -> Enrolment | None:
    if not getattr(person, "is_authenticated", False):
        return None
    return (
        Enrolment.objects.select_related("cohort")
        .filter(person=person, course_key=course_key)
        .first()
    )


def completed_lesson_keys(*, enrolment: Enrolment | None) -> set[UUID]:
    if enrolment is None:
        return set()
    return set(enrolment.completions.values_list("lesson_key", flat=True))


def attempts_by_check(*, enrolment: Enrolment | None) -> dict[str, list[CheckAttempt]]:
    """All of an enrolment's attempts, grouped by check, oldest first."""
    grouped: dict[str, list[CheckAttempt]] = {}
    if enrolment is None:
        return grouped
    for attempt in enrolment.attempts.order_by("number"):
        grouped.setdefault(attempt.check_key, []).append(attempt)
    return grouped


@dataclass
class Progress:
    lessons_total: int = 0
    lessons_done: int = 0
    has_pre_test: bool = False
    pre_test_done: bool = False
    has_post_test: bool = False
    post_test_passed: bool = False
    completed: bool = False

    @property
    def total(self) -> int:
        return self.lessons_total + self.has_pre_test + self.has_post_test

    @property
    def done(self) -> int:
        return (
            self.lessons_done
            + (self.has_pre_test and self.pre_test_done)
            + (self.has_post_test and self.post_test_passed)
        )

    @property
    def percent(self) -> int:
        """Rounded down, so 100 % means every requirement is met."""
        if self.completed:
            return 100
        return (100 * self.done) // self.total if self.total else 0

    @property
    def requirements_met(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @property
    def lessons_complete(self) -> bool:
        return self.lessons_done >= self.lessons_total


def course_progress(
    *,
    enrolment: Enrolment | None,
    course: CoursePage,
    lesson_keys: set[UUID] | None = None,
    completed_keys: set[UUID] | None = None,
    attempts: dict[str, list[CheckAttempt]] | None = None,
) -> Progress:
    """A learner's progress through a course. Pass what the caller already loaded to
    save queries; the rest is read (at most three queries)."""
    if lesson_keys is None:
        lesson_keys = course_lesson_keys(course_key=course.translation_key)
    progress = Progress(
        lessons_total=len(lesson_keys),
        has_pre_test=bool(course.pre_test),
        has_post_test=bool(course.post_test),
    )
    if enrolment is None:
        return progress
    if completed_keys is None:
        completed_keys = completed_lesson_keys(enrolment=enrolment)
    if attempts is None:
        attempts = attempts_by_check(enrolment=enrolment)
    flat = [attempt for group in attempts.values() for attempt in group]
    progress.lessons_done = len(lesson_keys & completed_keys)
    progress.pre_test_done = any(a.kind == CheckKind.PRE_TEST for a in flat)
    progress.post_test_passed = any(a.kind == CheckKind.POST_TEST and a.passed for a in flat)
    progress.completed = enrolment.completed_at is not None
    return progress


def resume_lesson(*, enrolment: Enrolment | None, outline: Outline, completed_keys: set[UUID]):
    """Where to pick up: the lesson last opened, unless it is done, then the first lesson
    not yet done; the first lesson for someone who has not started."""
    if not outline.lessons:
        return None
    if enrolment is not None and enrolment.last_lesson_key:
        position = outline.position(enrolment.last_lesson_key)
        if position is not None:
            last = outline.lessons[position]
            if last.key not in completed_keys:
                return last
            following = [
                lesson
                for lesson in outline.lessons[position + 1 :]
                if lesson.key not in completed_keys
            ]
            if following:
                return following[0]
    pending = [lesson for lesson in outline.lessons if lesson.key not in completed_keys]
    return pending[0] if pending else outline.lessons[0]


def prerequisites_missing(*, course: CoursePage, person) -> list[CoursePage]:
    """The courses this one requires that the person has not completed, shown in the
    course's language when they exist in it. At most three queries."""
    required = [p.course for p in course.prerequisites.select_related("course")]
    if not required:
        return []
    keys = [c.translation_key for c in required]
    done = set()
    if getattr(person, "is_authenticated", False):
        done = set(
            Enrolment.objects.filter(
                person=person, course_key__in=keys, completed_at__isnull=False
            ).values_list("course_key", flat=True)
        )
    missing = [c for c in required if c.translation_key not in done]
    if not missing:
        return []
    localized = {
        page.translation_key: page
        for page in CoursePage.objects.live()
        .filter(
            translation_key__in=[c.translation_key for c in missing], locale_id=course.locale_id
        )
        .defer_streamfields()
    }
    return [localized.get(c.translation_key, c) for c in missing]


def open_cohorts(*, course_key: UUID) -> list[CohortRun]:
    """Cohorts a learner can still join: those that have not ended."""
    return list(
        CohortRun.objects.filter(course_key=course_key, ends_on__gte=timezone.localdate()).order_by(
            "starts_on"
        )
    )


def person_course_data(person) -> list[dict]:
    """A person's enrolments, completed lessons and knowledge-check attempts (with their
    answers), for their data export. Courses are named in the language they were
    first written in."""
    from ..models import CoursePage, Enrolment

    enrolments = list(
        Enrolment.objects.filter(person=person)
        .prefetch_related("completions", "attempts")
        .order_by("enrolled_at")
    )
    titles = dict(
        CoursePage.objects.filter(translation_key__in={e.course_key for e in enrolments})
        .order_by("-pk")
        .values_list("translation_key", "title")
    )
    return [
        {
            "course": titles.get(enrolment.course_key, str(enrolment.course_key)),
            "enrolled_at": enrolment.enrolled_at.isoformat(),
            "completed_at": enrolment.completed_at.isoformat() if enrolment.completed_at else None,
            "certificate_code": enrolment.certificate_code or None,
            "lessons_completed": [
                {"lesson": str(c.lesson_key), "at": c.completed_at.isoformat(), "how": c.method}
                for c in enrolment.completions.all()
            ],
            "knowledge_check_attempts": [
                {
                    "check": a.check_key,
                    "kind": a.kind,
                    "number": a.number,
                    "score": a.score,
                    "passed": a.passed,
                    "answers": a.answers,
                    "submitted_at": a.submitted_at.isoformat(),
                }
                for a in enrolment.attempts.all()
            ],
        }
        for enrolment in enrolments
    ]
