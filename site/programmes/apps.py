from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users import apps as wagtail_users_apps


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.page_cache import shown_on_pages_register

        # A programme's name appears on its courses', events' and campaigns' pages.
        shown_on_pages_register("programmes.Programme")
        from . import outbox_scope, signals  # noqa: F401 (outbox_scope registers with core)

        signals.connect()


class LinkageUsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's users app with Linkage's users list (each person's role and programmes).
    Listed in INSTALLED_APPS instead of "wagtail.users"; ``default = False`` keeps it from
    being taken for this app's own config."""

    default = False
    user_viewset = "programmes.viewsets.UserViewSet"
