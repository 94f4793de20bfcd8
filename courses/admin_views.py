"""The organiser's side, in the Wagtail admin: course reports, enrolling learners (typed
in, or from a file: upload → preview → confirm), and the learner export.

Registered under /admin/courses/ by wagtail_hooks (which also puts them behind
Wagtail's admin access check); each view checks its own model permission too, and reads
courses only through ``selectors.courses_visible_to``: an organiser sees the courses of
their programmes, and a course of another programme is a 404, even by its id.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.auth import permission_denied

from core.exports import export_download
from core.imports import ImportView

from . import resources, selectors, services
from .forms import EnrolmentUploadForm, OrganiserEnrolForm
from .models import CoursePage, Enrolment
from .selectors import LANGUAGE_NAMES


def _require(permission: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return permission_denied(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _chrome(title: str, course: CoursePage | None = None, subtitle: str = "") -> dict:
    crumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("courses_admin:index"), "label": _("Course reports")},
    ]
    if course is not None:
        crumbs.append(
            {"url": reverse("courses_admin:report", args=[course.pk]), "label": course.title}
        )
    crumbs.append({"url": "", "label": f"{title}: {subtitle}" if subtitle else title})
    return {
        "page_title": title,
        "page_subtitle": subtitle,
        "header_title": f"{title}: {subtitle}" if subtitle else title,
        "header_icon": "tasks",
        "breadcrumbs_items": crumbs,
    }


def _course_or_404(request, page_id: int) -> CoursePage:
    course = selectors.course_for(user=request.user, page_id=page_id)
    if course is None:
        raise Http404
    return course


@_require("courses.view_enrolment")
def index(request):
    courses = list(
        selectors.courses_visible_to(request.user)
        .select_related("locale", "programme")
        .prefetch_related("shared_with")
        .defer_streamfields()
        .order_by("path")
    )
    originals: dict = {}
    for course in courses:
        originals.setdefault(course.translation_key, course)
    counts = {
        row["course_key"]: row
        for row in Enrolment.objects.filter(course_key__in=list(originals))
        .order_by()
        .values("course_key")
        .annotate(enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)))
    }
    languages: dict = {}
    programmes: dict = {}
    for course in courses:
        code = course.locale.language_code
        languages.setdefault(course.translation_key, []).append(LANGUAGE_NAMES.get(code, code))
        owners = programmes.setdefault(course.translation_key, {})
        for programme in [course.programme, *course.shared_with.all()]:
            if programme is not None:
                owners.setdefault(programme.pk, programme.name)
    rows = [
        {
            "course": course,
            "languages": languages.get(key, []),
            "programmes": sorted(programmes.get(key, {}).values()),
            "enrolled": counts.get(key, {}).get("enrolled", 0),
            "completed": counts.get(key, {}).get("completed", 0),
        }
        for key, course in originals.items()
    ]
    return TemplateResponse(
        request, "courses/admin/index.html", {"rows": rows, **_chrome(_("Course reports"))}
    )


@_require("courses.view_enrolment")
def report(request, page_id: int):
    course = _course_or_404(request, page_id)
    learners = Paginator(selectors.course_learners(course=course), 50).get_page(
        request.GET.get("p")
    )
    return TemplateResponse(
        request,
        "courses/admin/report.html",
        {
            "course": course,
            "report": selectors.course_report(course=course),
            "learners": learners,
            "can_export": request.user.has_perm("courses.export_enrolment"),
            "can_enrol": request.user.has_perm("courses.add_enrolment"),
            "can_import": request.user.has_perm("courses.import_enrolment"),
            **_chrome(_("Report"), course, course.title),
        },
    )


@_require("courses.add_enrolment")
def enrol(request, page_id: int):
    course = _course_or_404(request, page_id)
    cohorts = selectors.open_cohorts(course_key=course.translation_key)
    form = OrganiserEnrolForm(request.POST or None, cohorts=cohorts)
    if request.method == "POST" and form.is_valid():
        cohort = next((c for c in cohorts if c.pk == form.cleaned_data["cohort"]), None)
        try:
            done = services.enrolments_by_organiser(
                course=course,
                entries=form.cleaned_data["learners"],
                by=request.user,
                cohort=cohort,
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _enrolled_message(done))
            return redirect("courses_admin:report", course.pk)
    return TemplateResponse(
        request,
        "courses/admin/enrol.html",
        {"course": course, "form": form, **_chrome(_("Enrol learners"), course, course.title)},
    )


def _enrolled_message(done: list) -> str:
    """For one person, their name ("Rūta is enrolled."); for a team, the counts."""
    if len(done) == 1:
        (one,) = done
        name = one.person.display_name
        if not one.created:
            return _("%(name)s was already enrolled.") % {"name": name}
        # Whether the address already had an account is not said: that it is registered on
        # a site about violence is the person's own business.
        return _("%(name)s is enrolled and told by e-mail.") % {"name": name}
    new = sum(1 for row in done if row.created)
    invited = sum(1 for row in done if row.invited)
    return enrolment_sentences(new=new, invited=invited, already=len(done) - new)


def enrolment_sentences(*, new: int, invited: int = 0, already: int = 0) -> str:  # noqa: ARG001
    """What an enrolment of several people did, in whole sentences with plurals."""
    sentences = [
        ngettext("%(count)d learner enrolled.", "%(count)d learners enrolled.", new)
        % {"count": new}
    ]
    if new:
        # Who had an account already is not said (see enrolment_message).
        sentences.append(
            _("Each is told by e-mail; anyone new to Linkage is invited to choose a password.")
        )
    if already:
        sentences.append(
            ngettext("%(count)d was already enrolled.", "%(count)d were already enrolled.", already)
            % {"count": already}
        )
    return " ".join(sentences)


class ImportEnrolments(ImportView):
    """Upload → preview (a dry run, every bad row listed by line) → confirm (atomic)."""

    importer_path = "courses.resources.ENROLMENTS"
    permission = "courses.import_enrolment"
    template_name = "courses/admin/import.html"
    upload_form_class = EnrolmentUploadForm
    columns = [
        ("email", gettext_lazy("E-mail")),
        ("name", gettext_lazy("Name")),
        ("cohort", gettext_lazy("Cohort")),
    ]

    def get_target(self, page_id: int):
        return _course_or_404(self.request, page_id)

    def get_context(self, target) -> dict:
        return {"course": target, **_chrome(_("Import learners"), target, target.title)}

    def done_url(self, target) -> str:
        return reverse("courses_admin:report", args=[target.pk])

    def done_message(self, summary: dict) -> str:
        return enrolment_sentences(
            new=summary.get("new", 0),
            invited=summary.get("invited", 0),
            already=summary.get("skipped", 0),
        )


import_enrolments = ImportEnrolments.as_view()


@_require("courses.export_enrolment")
def export(request, page_id: int, fmt: str):
    course = _course_or_404(request, page_id)
    checks = selectors.course_checks(course=course)
    resource = resources.LearnerExportResource(checks=checks)
    queryset = selectors.learner_export_queryset(course=course, checks=checks)
    stem = (
        f"linkage-{slugify(course.title)[:40] or 'course'}-learners-{timezone.localdate():%Y%m%d}"
    )
    return export_download(resource, queryset, stem=stem, fmt=fmt, title=course.title)
