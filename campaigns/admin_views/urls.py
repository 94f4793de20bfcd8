"""The campaign admin's URLs, included under /admin/campaigns/ (namespace
``campaigns_admin``) by wagtail_hooks. ``<pk>`` is a campaign's first page (the one its
translations come from); every view answers 404 for a campaign the reader may not see."""

from django.urls import path

from . import contacts, overview, reach, wall

urlpatterns = [
    path("", overview.campaign_list, name="index"),
    path("<int:pk>/", overview.campaign_dashboard, name="dashboard"),
    path("<int:pk>/reach/", reach.reach_list, name="reach"),
    path("<int:pk>/reach/add/", reach.reach_add, name="reach_add"),
    path("<int:pk>/reach/<int:record_pk>/", reach.reach_edit, name="reach_edit"),
    path("<int:pk>/reach/<int:record_pk>/delete/", reach.reach_delete, name="reach_delete"),
    path("<int:pk>/wall/", wall.wall, name="wall"),
    path("<int:pk>/wall/<int:pledge_pk>/", wall.wall_decide, name="wall_decide"),
    path("<int:pk>/contacts/", contacts.contacts_export, name="contacts"),
]
