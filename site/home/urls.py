from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("exit/", views.quick_exit, name="quick_exit"),
    path("health/", views.health, name="health"),
    path("safety/", views.safety, name="safety"),
]
