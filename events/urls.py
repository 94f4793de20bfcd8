"""Registration actions and the private calendar feed, at /attend/. Pages are Wagtail's."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/<int:page_id>/register/", views.register, name="register"),
    path("registrations/<int:registration_id>/cancel/", views.cancel, name="cancel"),
    path("registrations/<int:registration_id>/accept/", views.accept, name="accept"),
    path("calendar/<str:token>.ics", views.my_feed, name="my_feed"),
    path("calendar/new-address/", views.feed_rotate, name="feed_rotate"),
]
