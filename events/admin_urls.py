"""The events admin's URLs, included under /admin/events-admin/ (namespace ``events_admin``)
by wagtail_hooks."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("export/", admin_views.export_range, name="export_range"),
    path("<int:page_id>/", admin_views.registrations, name="registrations"),
    path(
        "<int:page_id>/registrations/<int:registration_id>/<slug:action>/",
        admin_views.registration_decide,
        name="registration_decide",
    ),
    path("<int:page_id>/check-in/", admin_views.check_in, name="check_in"),
    path("<int:page_id>/sign-in-sheet/", admin_views.sign_in_sheet, name="sign_in_sheet"),
    path("<int:page_id>/import/", admin_views.import_attendance, name="import"),
    path("<int:page_id>/export/<slug:kind>.<slug:fmt>", admin_views.export, name="export"),
]
