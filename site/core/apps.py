from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_locales_after_migrate, sender=self)
        post_migrate.connect(_site_after_migrate, sender=self)


def _locales_after_migrate(sender, using="default", **kwargs):
    """Every content language has its locale and its synchronised tree after ``migrate``
    (a language added to LANGUAGES appears with the next deploy)."""
    from .locales import locales_ensure, sync_enabled

    if sync_enabled() and using == "default":
        locales_ensure()


def _site_after_migrate(sender, using="default", **kwargs):
    """The default Site record follows LINKAGE_BASE_URL after every ``migrate``, so pages'
    full addresses and e-mails' links agree (core.addresses)."""
    from .addresses import default_site_align

    if using == "default":
        default_site_align()
