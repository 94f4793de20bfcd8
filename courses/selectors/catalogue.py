"""Reads across courses: the catalogue and a person's courses for "My Linkage". Progress
for many enrolments at once is computed in SQL (correlated subqueries)."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ..enums import CheckKind
from ..models import (
    CheckAttempt,
    CourseIndexPage,
    CoursePage,
    CourseSectionPage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from ..models.fields import json_list_contains
from .learning import LANGUAGE_NAMES, Progress


@dataclass
class CatalogueEntry:
    course: CoursePage
    languages: list[dict]
    enrolment: Enrolment | None = None


def catalogue(
    *,
    index: CourseIndexPage | CourseSectionPage,
    person=None,
    track: str = "",
    sector: str = "",
    language: str = "",
) -> list[CatalogueEntry]:
    """Every live course under any language version of this catalogue (directly, or in a
    programme's section of it), once each, in the catalogue's language when it exists in
    it (its translation, or the alias that shows the original there). ``index`` may be a
    programme's section: then its courses only. Four queries at most.

    A course's languages, and the ``language`` filter, are the languages it is written in:
    its original and its translations, not the aliases that stand in for it in every other
    language's tree (with those, every course would be "in" every language)."""
    placements = Q(pk__in=[])
    # A course sits directly under the catalogue or one level down, in a section; nothing
    # else below the catalogue is a course, so every course below it is in it.
    for path in (
        type(index)
        .objects.filter(translation_key=index.translation_key)
        .values_list("path", flat=True)
    ):
        placements |= Q(path__startswith=path)
    courses = CoursePage.objects.live().filter(placements).defer_streamfields()
    if track:
        courses = courses.filter(json_list_contains("tracks", track))
    if sector:
        courses = courses.filter(json_list_contains("sectors", sector) | Q(sectors=[]))
    if language:
        courses = courses.filter(
            translation_key__in=CoursePage.objects.live()
            .filter(locale__language_code=language, alias_of__isnull=True)
            .values("translation_key")
        )
    chosen: dict[UUID, CoursePage] = {}
    for course in courses.order_by("path"):
        current = chosen.get(course.translation_key)
        if current is None or (
            course.locale_id == index.locale_id and current.locale_id != index.locale_id
        ):
            chosen[course.translation_key] = course
    if not chosen:
        return []
    ordered = sorted(chosen.values(), key=lambda c: (c.locale_id != index.locale_id, c.path))
    languages: dict[UUID, list[dict]] = {}
    for key, code in (
        CoursePage.objects.live()
        .filter(translation_key__in=list(chosen), alias_of__isnull=True)
        .order_by("locale__language_code")
        .values_list("translation_key", "locale__language_code")
    ):
        languages.setdefault(key, []).append({"code": code, "name": LANGUAGE_NAMES.get(code, code)})
    enrolments = {}
    if getattr(person, "is_authenticated", False):
        enrolments = {
            e.course_key: e
            for e in Enrolment.objects.filter(person=person, course_key__in=list(chosen))
        }
    return [
        CatalogueEntry(
            course=course,
            languages=languages.get(course.translation_key, []),
            enrolment=enrolments.get(course.translation_key),
        )
        for course in ordered
    ]


def catalogue_page(*, locale) -> CourseIndexPage | None:
    """The catalogue in a language, or in any language when it is not translated."""
    pages = list(CourseIndexPage.objects.live().select_related("locale").order_by("pk"))
    for page in pages:
        if page.locale_id == getattr(locale, "pk", None):
            return page
    return pages[0] if pages else None


def _live_lesson_keys(course_key_ref):
    return LessonPage.objects.live().filter(course_key=course_key_ref).values("translation_key")


def with_lesson_counts(queryset: QuerySet) -> QuerySet:
    """Annotate enrolments (of any courses) with ``lessons_total``, ``lessons_done``,
    ``pre_test_done`` and ``post_test_passed``, as correlated subqueries."""
    total = (
        LessonPage.objects.live()
        .filter(course_key=OuterRef("course_key"))
        .order_by()
        .values("course_key")
        .annotate(n=Count("translation_key", distinct=True))
        .values("n")[:1]
    )
    done = (
        LessonCompletion.objects.filter(
            enrolment=OuterRef("pk"),
            lesson_key__in=_live_lesson_keys(OuterRef(OuterRef("course_key"))),
        )
        .order_by()
        .values("enrolment")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return queryset.annotate(
        lessons_total=Coalesce(Subquery(total, output_field=IntegerField()), 0),
        lessons_done=Coalesce(Subquery(done, output_field=IntegerField()), 0),
        pre_test_done=Exists(
            CheckAttempt.objects.filter(enrolment=OuterRef("pk"), kind=CheckKind.PRE_TEST)
        ),
        post_test_passed=Exists(
            CheckAttempt.objects.filter(
                enrolment=OuterRef("pk"), kind=CheckKind.POST_TEST, passed=True
            )
        ),
    )


@dataclass
class LearnerCourse:
    enrolment: Enrolment
    course: CoursePage
    progress: Progress


def person_courses(*, person, language_code: str | None = None) -> list[LearnerCourse]:
    """A person's enrolments with their progress, for "My Linkage". Two queries."""
    enrolments = list(
        with_lesson_counts(Enrolment.objects.filter(person=person))
        .select_related("cohort")
        .order_by("completed_at", "-enrolled_at")
    )
    if not enrolments:
        return []
    versions: dict[UUID, CoursePage] = {}
    for version in (
        CoursePage.objects.live()
        .filter(translation_key__in=[e.course_key for e in enrolments])
        .select_related("locale")
        .order_by("pk")
    ):
        current = versions.get(version.translation_key)
        if current is None or (
            version.locale.language_code == language_code
            and current.locale.language_code != language_code
        ):
            versions[version.translation_key] = version
    rows = []
    for enrolment in enrolments:
        course = versions.get(enrolment.course_key)
        if course is None:
            continue
        progress = Progress(
            lessons_total=enrolment.lessons_total,
            lessons_done=min(enrolment.lessons_done, enrolment.lessons_total),
            has_pre_test=bool(course.pre_test),
            pre_test_done=enrolment.pre_test_done,
            has_post_test=bool(course.post_test),
            post_test_passed=enrolment.post_test_passed,
            completed=enrolment.completed_at is not None,
        )
        rows.append(LearnerCourse(enrolment=enrolment, course=course, progress=progress))
    return rows
