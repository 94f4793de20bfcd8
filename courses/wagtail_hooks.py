"""Courses in the Wagtail admin: cohort runs, course reports (with enrolment, import and
export), a "Learners and report" button on every course page, and the "Recent
completions" panel of a programme's dashboard.

Every one of them shows an organiser their own programmes' courses only
(``selectors.courses_visible_to``, ``selectors.cohorts_visible_to``): another
programme's cohort is a 404, even by its id, and its courses are not offered in a form.
"""

from django.http import Http404
from django.urls import include, path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from programmes.selectors import scope_for

from . import admin_views, selectors
from .forms import CohortRunForm
from .models import CohortRun, CoursePage

# --- Cohort runs ----------------------------------------------------------------------------


class CohortScopedObject:
    """A view of one cohort run: 404 unless it is a cohort of a course the user may see."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if instance is not None and not (
            selectors.cohorts_visible_to(self.request.user).filter(pk=instance.pk).exists()
        ):
            raise Http404
        return instance


class CohortIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.cohorts_visible_to(
            self.request.user, super().get_base_queryset()
        ).select_related("course")


class CohortEditView(CohortScopedObject, generic.EditView):
    pass


class CohortDeleteView(CohortScopedObject, generic.DeleteView):
    pass


class CohortInspectView(CohortScopedObject, generic.InspectView):
    pass


class CohortCopyView(CohortScopedObject, generic.CopyView):
    pass


class CohortHistoryView(CohortScopedObject, history.HistoryView):
    pass


class CohortUsageView(CohortScopedObject, usage.UsageView):
    pass


class CohortRunViewSet(ModelViewSet):
    model = CohortRun
    icon = "date"
    menu_label = _("Cohort runs")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "course", "starts_on", "ends_on"]
    list_filter = ["starts_on"]
    search_fields = ["title"]
    ordering = ["-starts_on"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "course", "starts_on", "ends_on", "notes"]
    edit_handler = ObjectList(CohortRun.panels, base_form_class=CohortRunForm)

    index_view_class = CohortIndexView
    edit_view_class = CohortEditView
    delete_view_class = CohortDeleteView
    inspect_view_class = CohortInspectView
    copy_view_class = CohortCopyView
    history_view_class = CohortHistoryView
    usage_view_class = CohortUsageView


# --- Course reports -------------------------------------------------------------------------


class CourseReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_enrolment")


admin_urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:page_id>/", admin_views.report, name="report"),
    path("<int:page_id>/enrol/", admin_views.enrol, name="enrol"),
    path("<int:page_id>/import/", admin_views.import_enrolments, name="import"),
    path("<int:page_id>/export.<str:fmt>", admin_views.export, name="export"),
]


@hooks.register("register_admin_urls")
def register_course_admin_urls():
    return [path("courses/", include((admin_urlpatterns, "courses_admin")))]


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return CohortRunViewSet("cohort_runs")


@hooks.register("register_admin_menu_item")
def register_course_reports_menu_item():
    return CourseReportsMenuItem(
        _("Course reports"), reverse("courses_admin:index"), icon_name="tasks", order=305
    )


def _report_button(page, user, priority):
    """On a course the user may see the learners of (no query per page: the user's
    courses are read once per request)."""
    if (
        page.specific_class is CoursePage
        and user.has_perm("courses.view_enrolment")
        and selectors.course_visible_to(user, page)
    ):
        yield Button(
            _("Learners and report"),
            reverse("courses_admin:report", args=[page.pk]),
            icon_name="tasks",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def course_report_header_button(page, user, view_name=None, next_url=None):
    yield from _report_button(page, user, priority=40)


@hooks.register("register_page_listing_more_buttons")
def course_report_listing_button(page, user, next_url=None):
    yield from _report_button(page, user, priority=45)


# --- Programme dashboard --------------------------------------------------------------------


class RecentCompletionsPanel(Component):
    """The last ten completions in a programme's courses: who, which course, when; each
    row leads to the course's report."""

    name = "recent_course_completions"
    order = 200
    template_name = "courses/admin/recent_completions.html"
    limit = 10

    def __init__(self, programme):
        self.programme = programme

    def get_context_data(self, parent_context=None):
        return {
            "programme": self.programme,
            "completions": selectors.recent_completions(
                programme_ids=[self.programme.pk],
                limit=self.limit,
                language_code=translation.get_language() or "",
            ),
        }


@hooks.register("linkage_programme_dashboard_panels")
def programme_recent_completions(request, programme) -> list[Component]:
    if not scope_for(request.user).allows({programme.pk}):
        return []
    if not request.user.has_perm("courses.view_enrolment"):
        return []
    return [RecentCompletionsPanel(programme)]
