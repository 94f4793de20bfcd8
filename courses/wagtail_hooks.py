"""Courses in the Wagtail admin: cohort runs, course reports (with enrolment, import and
export), and a "Learners and report" button on every course page."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from . import admin_views
from .models import CohortRun, CoursePage


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
    if page.specific_class is CoursePage and user.has_perm("courses.view_enrolment"):
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
