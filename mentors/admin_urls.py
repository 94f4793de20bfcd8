"""The mentoring admin's URLs, included under /admin/mentoring/ (namespace
``mentors_admin``) by wagtail_hooks."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("pool/", admin_views.pool, name="pool"),
    path("pool/<int:pk>/", admin_views.mentor, name="mentor"),
    path("pool/<int:pk>/approve/", admin_views.mentor_approve, name="mentor_approve"),
    path("pool/<int:pk>/status/", admin_views.mentor_status, name="mentor_status"),
    path("requests/", admin_views.requests, name="requests"),
    path("requests/<int:pk>/", admin_views.request_detail, name="request"),
    path("rounds/", admin_views.round_list, name="rounds"),
    path("rounds/run/", admin_views.round_run, name="round_run"),
    path("rounds/<int:pk>/", admin_views.round_detail, name="round"),
    path("rounds/<int:pk>/accept/", admin_views.round_accept, name="round_accept"),
    path("rounds/<int:pk>/rerun/", admin_views.round_rerun, name="round_rerun"),
    path("rounds/<int:pk>/discard/", admin_views.round_discard, name="round_discard"),
    path(
        "rounds/<int:pk>/suggestions/<int:suggestion_pk>/",
        admin_views.suggestion_change,
        name="suggestion_change",
    ),
    path("matches/", admin_views.match_list, name="matches"),
    path("matches/<int:pk>/", admin_views.match_detail, name="match"),
    path("matches/<int:pk>/end/", admin_views.match_end, name="match_end"),
    path("matches/<int:pk>/block/", admin_views.match_block, name="match_block"),
    path("concerns/", admin_views.concern_list, name="concerns"),
    path("concerns/<int:pk>/", admin_views.concern_detail, name="concern"),
    path("concerns/<int:pk>/resolve/", admin_views.concern_resolve, name="concern_resolve"),
    path("weights/", admin_views.weights, name="weights"),
]
