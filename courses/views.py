"""The learner's actions: enrolling, completing a lesson, submitting a knowledge check and
resuming, as plain forms with post/redirect/get (no JavaScript needed); and the "My
Linkage" panel. The pages themselves are Wagtail's: their context is built by
``selectors.pages``.

Every action checks the course's page privacy (login, password, groups) as Wagtail does
before serving the page: someone who may not see a course cannot act on it either."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Locale, Page

from core.pages import page_viewable
from people.dashboard import Panel

from . import selectors, services
from .checks import SubmissionRefused
from .enums import CheckKind
from .forms import EnrolForm
from .models import CoursePage, LessonPage

# Refusals that are the learner's state (not tampering) answer 409; the rest 400.
_CONFLICT_CODES = {"attempts", "passed", "locked", "resubmitted"}


# --- Actions (POST, then redirect) ----------------------------------------------------------


def _back(page, fragment: str = "") -> HttpResponseRedirect:
    return _to((page.url or "/") + (f"#{fragment}" if fragment else ""))


def _to(url: str) -> HttpResponseRedirect:
    """Post/redirect/get: 303, so reloading never submits twice."""
    return HttpResponseRedirect(url, status=303)


def _viewable(queryset, request, **lookup):
    """The live page, or 404 when it does not exist or its privacy settings keep this
    person out (the same answer, so a restricted course is not revealed)."""
    page = get_object_or_404(queryset.live(), **lookup)
    if not page_viewable(request, page):
        raise Http404
    return page


@require_POST
@login_required
def enrol(request, page_id: int):
    course = _viewable(CoursePage.objects, request, pk=page_id)
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
    lesson = _viewable(LessonPage.objects, request, pk=page_id)
    course = selectors.lesson_course(lesson)
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
    page = _viewable(Page.objects, request, pk=page_id).specific
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
    course = _viewable(CoursePage.objects, request, pk=page_id)
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
