from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.profile_edit, name="profile"),
    path("privacy/", views.privacy, name="privacy"),
    path("data.json", views.data_export, name="data_export"),
    path("delete/", views.account_delete, name="delete"),
]
