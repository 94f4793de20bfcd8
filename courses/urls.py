"""The learner's actions, at /learn/. Pages themselves are served by Wagtail."""

from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("courses/<int:page_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<int:page_id>/resume/", views.resume, name="resume"),
    path("lessons/<int:page_id>/complete/", views.lesson_complete, name="lesson_complete"),
    path("checks/<int:page_id>/<str:block_id>/", views.check_submit, name="check_submit"),
]
