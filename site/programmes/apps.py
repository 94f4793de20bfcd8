from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import outbox_scope, signals  # noqa: F401 (outbox_scope registers with core)

        signals.connect()
