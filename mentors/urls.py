"""The mentoring pages, at /mentoring/ under the language prefix (config.urls)."""

from django.urls import path

from . import views

app_name = "mentors"

urlpatterns = [
    path("ask/", views.ask, name="ask"),
    path("ask/thanks/", views.ask_thanks, name="ask_thanks"),
    path("ask-training/", views.ask_training, name="ask_training"),
    path("ask-training/thanks/", views.ask_training_thanks, name="ask_training_thanks"),
    path("code-of-conduct/", views.code_of_conduct, name="code_of_conduct"),
    path("profile/", views.profile, name="profile"),
    path("profile/status/", views.profile_status, name="profile_status"),
    path("matches/<int:match_id>/", views.match_detail, name="match"),
    path("matches/<int:match_id>/feedback/<str:stage>/", views.feedback, name="feedback"),
    path("matches/<int:match_id>/<str:action>/", views.match_action, name="match_action"),
    path("sessions/new/", views.session_new, name="session_new"),
    path("concern/", views.concern, name="concern"),
    path("concern/thanks/", views.concern_thanks, name="concern_thanks"),
]
