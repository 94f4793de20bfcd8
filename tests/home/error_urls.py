"""The site's URLs and error handlers, plus a view that fails: for the error page tests."""

from django.urls import path

from config.urls import *  # noqa: F403 - the handlers come with it
from config.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("the database fell over")


urlpatterns = [path("boom/", boom), *site_urlpatterns]
