"""What the catalogue, course, lesson and pre-/post-test pages show: their template
context, built from the other selectors. The page models call these (a model never
imports a view); writes (remembering the lesson opened) stay in the models' callers.

Query budget (see tests/courses/test_query_counts.py): the course page reads the
enrolment, the outline (lessons with their modules and, for a learner, what is done) and
the attempts; its languages come from the page chrome's translations of the page."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from core.pages import live_translations

from ..checks import check_from_block
from ..forms import CatalogueFilterForm, EnrolForm
from ..models import CourseIndexPage, CoursePage, CourseSectionPage, LessonPage
from .catalogue import catalogue
from .checks import check_state, course_test_states
from .learning import (
    attempts_by_check,
    course_languages,
    course_outline,
    course_progress,
    enrolment_for,
    open_cohorts,
    prerequisites_missing,
    resume_lesson,
)


def catalogue_context(request, index: CourseIndexPage | CourseSectionPage) -> dict:
    """The catalogue, or one programme's section of it, with its filters."""
    form = CatalogueFilterForm(request.GET or None)
    filters = form.filters()
    entries = catalogue(index=index, person=request.user, **filters)
    return {"filter_form": form, "entries": entries, "filtered": bool(filters)}


def _learning(request, course: CoursePage):
    """The learner's enrolment, the outline (with what is done), the attempts and the
    progress: four queries for a learner, one for a visitor."""
    enrolment = enrolment_for(person=request.user, course_key=course.translation_key)
    outline = course_outline(course=course, enrolment=enrolment)
    completed = {lesson.key for lesson in outline.lessons if lesson.done}
    attempts = attempts_by_check(enrolment=enrolment)
    progress = course_progress(
        enrolment=enrolment,
        course=course,
        lesson_keys=outline.lesson_keys,
        completed_keys=completed,
        attempts=attempts,
    )
    return enrolment, outline, completed, attempts, progress


def up_url(url: str) -> str:
    """The address of the page above, from a page's own (Wagtail's addresses follow the
    tree): the course's catalogue or programme section, without reading it."""
    if not url:
        return "/"
    return url.rstrip("/").rsplit("/", 1)[0] + "/"


def course_page_context(request, course: CoursePage) -> dict:
    user = request.user
    enrolment, outline, completed, attempts, progress = _learning(request, course)
    course_url = course.get_url(request) or ""
    context = {
        "up_url": up_url(course_url),
        "enrolment": enrolment,
        "outline": outline,
        "progress": progress,
        # Read when the template gets there, after the page chrome has read the page's
        # translations: no query of its own.
        "languages": SimpleLazyObject(
            lambda: course_languages(course=course, translations=live_translations(request, course))
        ),
        "tests": course_test_states(
            course=course,
            enrolment=enrolment,
            progress=progress,
            attempts=attempts,
            course_url=course_url,
        ),
    }
    if enrolment is None:
        context["cohorts"] = cohorts = open_cohorts(course_key=course.translation_key)
        if user.is_authenticated:
            # Only someone signed in is offered the enrolment form (or told what to do first).
            context.update(
                missing_prerequisites=prerequisites_missing(course=course, person=user),
                enrol_form=EnrolForm(cohorts=cohorts),
            )
    else:
        context["resume"] = resume_lesson(
            enrolment=enrolment, outline=outline, completed_keys=completed
        )
    return context


def lesson_course(lesson: LessonPage) -> CoursePage:
    """The lesson's course: the parent Wagtail's routing already loaded, or one query."""
    parent = getattr(lesson, "_cached_parent_obj", None)
    if isinstance(parent, CoursePage):
        return parent
    return CoursePage.objects.get(path=lesson.path[: -lesson.steplen])


def lesson_page_context(request, lesson: LessonPage) -> dict:
    course = lesson_course(lesson)
    enrolment, outline, completed, attempts, progress = _learning(request, course)
    previous, following = outline.neighbours(lesson.translation_key)
    body = [
        (
            block,
            check_state(
                check=check_from_block(block),
                attempts=attempts.get(str(block.id), []),
                enrolment=enrolment,
                action=reverse(
                    "courses:check_submit", kwargs={"page_id": lesson.pk, "block_id": block.id}
                ),
            )
            if block.block_type == "knowledge_check"
            else None,
        )
        for block in lesson.body
    ]
    return {
        "course": course,
        "enrolment": enrolment,
        "outline": outline,
        "progress": progress,
        "lesson_done": lesson.translation_key in completed,
        "has_checks": any(state for _block, state in body),
        "body_items": body,
        "previous_lesson": previous,
        "next_lesson": following,
    }


def course_test_context(request, course: CoursePage, kind: str) -> dict | None:
    """The pre- or post-test page of a course; None when the course has no such test."""
    if course.test_block(kind) is None:
        return None
    enrolment = enrolment_for(person=request.user, course_key=course.translation_key)
    attempts = attempts_by_check(enrolment=enrolment)
    progress = course_progress(enrolment=enrolment, course=course, attempts=attempts)
    states = course_test_states(
        course=course,
        enrolment=enrolment,
        progress=progress,
        attempts=attempts,
        course_url=course.get_url(request) or "",
    )
    return {
        "page": course,
        "self": course,
        "course": course,
        "enrolment": enrolment,
        "progress": progress,
        "test": next((s for s in states if s.check.kind == kind), None),
        "kind": kind,
    }
