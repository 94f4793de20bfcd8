"""The organiser's side, in the Wagtail admin: course reports, enrolling learners one by
one or from a file (upload → preview → confirm), and the learner export.

Registered under /admin/courses/ by wagtail_hooks (which also puts them behind
Wagtail's admin access check); each view checks its own model permission too.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.auth import permission_denied

from core.exports import export_download
from core.imports import ImportView
from people.models import User

from . import resources, selectors, services
from .enums import EnrolmentSource
from .forms import EnrolmentUploadForm, OrganiserEnrolForm
from .models import CoursePage, Enrolment


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


@_require("courses.view_enrolment")
def index(request):
    courses = list(
        CoursePage.objects.all().select_related("locale").defer_streamfields().order_by("path")
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
    for course in courses:
        languages.setdefault(course.translation_key, []).append(course.locale.language_code)
    rows = [
        {
            "course": course,
            "languages": languages.get(key, []),
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
    course = get_object_or_404(CoursePage, pk=page_id)
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
    course = get_object_or_404(CoursePage, pk=page_id)
    cohorts = selectors.open_cohorts(course_key=course.translation_key)
    form = OrganiserEnrolForm(request.POST or None, cohorts=cohorts)
    if request.method == "POST" and form.is_valid():
        person = User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
        cohort = next((c for c in cohorts if c.pk == form.cleaned_data["cohort"]), None)
        if person is None:
            form.add_error(
                "email",
                _("No Linkage account uses this address. Ask the learner to sign up first."),
            )
        else:
            try:
                _enrolment, created = services.enrolment_create(
                    course=course,
                    person=person,
                    by=request.user,
                    cohort=cohort,
                    source=EnrolmentSource.ORGANISER,
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                if created:
                    messages.success(
                        request, _("%(name)s is enrolled.") % {"name": person.display_name}
                    )
                else:
                    messages.info(
                        request, _("%(name)s was already enrolled.") % {"name": person.display_name}
                    )
                return redirect("courses_admin:report", course.pk)
    return TemplateResponse(
        request,
        "courses/admin/enrol.html",
        {"course": course, "form": form, **_chrome(_("Enrol a learner"), course, course.title)},
    )


class ImportEnrolments(ImportView):
    """Upload → preview (a dry run, every bad row listed by line) → confirm (atomic)."""

    importer_path = "courses.resources.ENROLMENTS"
    permission = "courses.import_enrolment"
    template_name = "courses/admin/import.html"
    upload_form_class = EnrolmentUploadForm
    columns = [("email", gettext_lazy("E-mail")), ("cohort", gettext_lazy("Cohort"))]

    def get_target(self, page_id: int):
        return get_object_or_404(CoursePage, pk=page_id)

    def get_context(self, target) -> dict:
        return {"course": target, **_chrome(_("Import learners"), target, target.title)}

    def done_url(self, target) -> str:
        return reverse("courses_admin:report", args=[target.pk])

    def done_message(self, summary: dict) -> str:
        new, skipped = summary.get("new", 0), summary.get("skipped", 0)
        enrolled = ngettext("%(count)d learner enrolled.", "%(count)d learners enrolled.", new) % {
            "count": new
        }
        if not skipped:
            return enrolled
        already = ngettext(
            "%(count)d was already enrolled.", "%(count)d were already enrolled.", skipped
        ) % {"count": skipped}
        return f"{enrolled} {already}"


import_enrolments = ImportEnrolments.as_view()


@_require("courses.export_enrolment")
def export(request, page_id: int, fmt: str):
    course = get_object_or_404(CoursePage, pk=page_id)
    checks = selectors.course_checks(course=course)
    resource = resources.LearnerExportResource(checks=checks)
    queryset = selectors.learner_export_queryset(course=course, checks=checks)
    stem = (
        f"linkage-{slugify(course.title)[:40] or 'course'}-learners-{timezone.localdate():%Y%m%d}"
    )
    return export_download(resource, queryset, stem=stem, fmt=fmt, title=course.title)
