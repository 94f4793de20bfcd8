"""The learner's side: the catalogue, course and lesson pages (their context), the
pre- and post-test pages, and the POST endpoints for enrolling, completing a lesson and
submitting a knowledge check. Every page works without JavaScript (plain forms, PRG)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Locale, Page

from people.dashboard import Panel

from . import selectors, services
from .checks import SubmissionRefused
from .enums import CheckKind
from .forms import CatalogueFilterForm, EnrolForm
from .models import CoursePage, LessonPage

# Refusals that are the learner's state (not tampering) answer 409; the rest 400.
_CONFLICT_CODES = {"attempts", "passed", "locked", "resubmitted"}


# --- Page contexts (called from the pages' get_context) -------------------------------------


def catalogue_context(request, index) -> dict:
    form = CatalogueFilterForm(request.GET or None)
    filters = form.filters()
    entries = selectors.catalogue(index=index, person=request.user, **filters)
    return {"filter_form": form, "entries": entries, "filtered": bool(filters)}


def course_page_context(request, course: CoursePage) -> dict:
    user = request.user
    enrolment = selectors.enrolment_for(person=user, course_key=course.translation_key)
    outline = selectors.course_outline(course=course)
    completed = selectors.completed_lesson_keys(enrolment=enrolment)
    attempts = selectors.attempts_by_check(enrolment=enrolment)
    progress = selectors.course_progress(
        enrolment=enrolment,
        course=course,
        lesson_keys=outline.lesson_keys,
        completed_keys=completed,
        attempts=attempts,
    )
    for lesson in outline.lessons:
        lesson.done = lesson.key in completed
    context = {
        "enrolment": enrolment,
        "outline": outline,
        "progress": progress,
        "languages": selectors.course_languages(course=course),
        "tests": selectors.course_test_states(
            course=course,
            enrolment=enrolment,
            progress=progress,
            attempts=attempts,
            course_url=course.get_url(request) or "",
        ),
    }
    if enrolment is None:
        cohorts = selectors.open_cohorts(course_key=course.translation_key)
        context.update(
            missing_prerequisites=selectors.prerequisites_missing(course=course, person=user),
            cohorts=cohorts,
            enrol_form=EnrolForm(cohorts=cohorts),
        )
    else:
        context.update(
            resume=selectors.resume_lesson(
                enrolment=enrolment, outline=outline, completed_keys=completed
            ),
        )
    return context


def lesson_page_context(request, lesson: LessonPage) -> dict:
    course = CoursePage.objects.get(path=lesson.path[: -lesson.steplen])
    enrolment = selectors.enrolment_for(person=request.user, course_key=course.translation_key)
    outline = selectors.course_outline(course=course)
    completed = selectors.completed_lesson_keys(enrolment=enrolment)
    attempts = selectors.attempts_by_check(enrolment=enrolment)
    progress = selectors.course_progress(
        enrolment=enrolment,
        course=course,
        lesson_keys=outline.lesson_keys,
        completed_keys=completed,
        attempts=attempts,
    )
    for entry in outline.lessons:
        entry.done = entry.key in completed
    if enrolment is not None:
        services.lesson_visit(enrolment=enrolment, lesson=lesson)
    previous, following = outline.neighbours(lesson.translation_key)
    body = [
        (
            block,
            selectors.check_state(
                check=selectors.check_from_block(block),
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


# --- Pre- and post-test pages (routes of CoursePage) ----------------------------------------


def course_test(request, course: CoursePage, kind: str):
    block = course.test_block(kind)
    if block is None:
        raise Http404
    enrolment = selectors.enrolment_for(person=request.user, course_key=course.translation_key)
    attempts = selectors.attempts_by_check(enrolment=enrolment)
    progress = selectors.course_progress(enrolment=enrolment, course=course, attempts=attempts)
    states = selectors.course_test_states(
        course=course,
        enrolment=enrolment,
        progress=progress,
        attempts=attempts,
        course_url=course.get_url(request) or "",
    )
    state = next((s for s in states if s.check.kind == kind), None)
    return TemplateResponse(
        request,
        "courses/course_test.html",
        {
            "page": course,
            "self": course,
            "course": course,
            "enrolment": enrolment,
            "progress": progress,
            "test": state,
            "kind": kind,
        },
    )


# --- Actions (POST, then redirect) ----------------------------------------------------------


def _back(page, fragment: str = "") -> HttpResponseRedirect:
    return _to((page.url or "/") + (f"#{fragment}" if fragment else ""))


def _to(url: str) -> HttpResponseRedirect:
    """Post/redirect/get: 303, so reloading never submits twice."""
    return HttpResponseRedirect(url, status=303)


@require_POST
@login_required
def enrol(request, page_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    cohorts = selectors.open_cohorts(course_key=course.translation_key)
    form = EnrolForm(request.POST, cohorts=cohorts)
    cohort = None
    if form.is_valid() and form.cleaned_data["cohort"]:
        cohort = next((c for c in cohorts if c.pk == form.cleaned_data["cohort"]), None)
    elif not form.is_valid():
        messages.error(request, _("Choose one of the cohorts offered."))
        return _back(course, "enrol")
    try:
        _enrolment, created = services.enrolment_create(
            course=course, person=request.user, cohort=cohort
        )
    except services.PrerequisitesMissing as refusal:
        messages.error(request, refusal.message_html(request))
        return _back(course, "enrol")
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return _back(course, "enrol")
    if created:
        messages.success(request, _("You are enrolled in “%(course)s”.") % {"course": course.title})
    else:
        messages.info(request, _("You are already enrolled in this course."))
    return _back(course, "progress")


@require_POST
@login_required
def lesson_complete(request, page_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=page_id)
    course = CoursePage.objects.get(path=lesson.path[: -lesson.steplen])
    enrolment = selectors.enrolment_for(person=request.user, course_key=lesson.course_key)
    if enrolment is None:
        messages.error(request, _("Enrol in the course to record your progress."))
        return _back(course, "enrol")
    try:
        services.lesson_complete(enrolment=enrolment, lesson=lesson, course=course)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return _back(lesson)
    if enrolment.completed_at is not None:
        messages.success(request, _("You have completed the course. Your certificate is ready."))
        return _back(course, "progress")
    messages.success(request, _("Lesson complete."))
    outline = selectors.course_outline(course=course)
    _previous, following = outline.neighbours(lesson.translation_key)
    return _back(following.page if following else course)


@require_POST
@login_required
def check_submit(request, page_id: int, block_id: str):
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not isinstance(page, LessonPage | CoursePage):
        raise Http404
    enrolment = selectors.enrolment_for(person=request.user, course_key=page.course_key)
    data = {key[2:]: request.POST.getlist(key) for key in request.POST if key.startswith("q-")}
    back_url, back_title = _check_home(page, block_id)
    was_complete = enrolment is not None and enrolment.completed_at is not None
    try:
        attempt_number = int(request.POST["attempt"]) if request.POST.get("attempt") else None
    except ValueError:
        refusal = SubmissionRefused(_("The attempt number is not valid."), code="tampered")
        return _refused(request, back_url, back_title, refusal)
    try:
        attempt = services.check_submit(
            enrolment=enrolment,
            page=page,
            block_id=block_id,
            data=data,
            attempt_number=attempt_number,
        )
    except SubmissionRefused as refusal:
        if refusal.code == "incomplete":
            messages.error(request, " ".join(refusal.messages))
            return _to(f"{back_url}#check-{block_id}")
        return _refused(request, back_url, back_title, refusal)
    score = {"score": attempt.score}
    if not was_complete and enrolment.completed_at is not None:
        messages.success(
            request, _("You passed and have completed the course. Your certificate is ready.")
        )
    elif attempt.kind == CheckKind.PRE_TEST:
        messages.success(request, _("Pre-test recorded: %(score)d %%.") % score)
    elif attempt.passed:
        messages.success(request, _("You passed with %(score)d %%.") % score)
    else:
        messages.warning(request, _("Not passed this time: %(score)d %%.") % score)
    return _to(f"{back_url}#check-{block_id}")


def _check_home(page, block_id: str) -> tuple[str, str]:
    """Where a check is taken (URL, title): the lesson, or the course's pre- or
    post-test page."""
    if isinstance(page, CoursePage):
        for kind, route in ((CheckKind.PRE_TEST, "pre_test"), (CheckKind.POST_TEST, "post_test")):
            block = page.test_block(kind)
            if block is not None and str(block.id) == block_id:
                return (page.url or "/") + page.reverse_subpage(route), page.title
    return page.url or "/", page.title


def _refused(request, back_url: str, back_title: str, refusal: SubmissionRefused):
    """A clear page, never a server error: 400 for a submission the form could not have
    produced, 409 for one that conflicts with the learner's state (attempts used up,
    already passed, not open yet, sent twice). Nothing is recorded."""
    status = 409 if refusal.code in _CONFLICT_CODES else 400
    return TemplateResponse(
        request,
        "courses/submission_refused.html",
        {"message": " ".join(refusal.messages), "back_url": back_url, "back_title": back_title},
        status=status,
    )


@require_GET
@login_required
def resume(request, page_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    enrolment = selectors.enrolment_for(person=request.user, course_key=course.translation_key)
    if enrolment is None:
        return redirect(course.url)
    outline = selectors.course_outline(course=course)
    lesson = selectors.resume_lesson(
        enrolment=enrolment,
        outline=outline,
        completed_keys=selectors.completed_lesson_keys(enrolment=enrolment),
    )
    return redirect(lesson.page.url if lesson else course.url)


# --- "My Linkage" ---------------------------------------------------------------------------


def dashboard_panel(request) -> Panel | None:
    """The learner's courses with progress bars, for people.dashboard."""
    if not request.user.is_authenticated:
        return None
    language = translation.get_language()
    rows = selectors.person_courses(person=request.user, language_code=language)
    try:
        locale = Locale.objects.get_for_language(language)
    except Locale.DoesNotExist:
        locale = None
    catalogue = selectors.catalogue_page(locale=locale)
    return Panel(
        title=_("My courses"),
        template="courses/dashboard_panel.html",
        context={"courses": rows, "catalogue": catalogue},
        order=20,
    )
