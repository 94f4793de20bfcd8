"""The pledge flow, at /campaign-pledges/ under the language prefix (config.urls): not
/campaigns/, which is the campaigns listing's page address."""

from django.urls import path, re_path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("pledge/<int:page_id>/", views.pledge_submit, name="pledge_submit"),
    path("pledge/sent/", views.pledge_sent, name="pledge_sent"),
    path("pledge/confirm/<str:token>/", views.pledge_confirm, name="pledge_confirm"),
    path("pledge/confirmed/", views.pledge_confirmed, name="pledge_confirmed"),
    path("pledge/consent/<str:token>/", views.consent_withdraw, name="consent_withdraw"),
    re_path(r"^colours/(?P<hex_colour>[0-9A-Fa-f]{6})\.css$", views.colours_css, name="colours"),
]
