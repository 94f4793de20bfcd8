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

        from .page_cache import signals_connect

        # Cached pages go stale when a page, an image, a setting… they show changes.
        signals_connect()


def _wagtail_migrated(using: str) -> bool:
    """Whether Wagtail's and wagtail-localize's tables exist (``migrate core 0001`` on an
    empty database runs this signal before they do)."""
    from django.db import connections

    tables = set(connections[using].introspection.table_names())
    return {"wagtailcore_site", "wagtailcore_locale", "wagtail_localize_localesynchronization"} <= (
        tables
    )


def _locales_after_migrate(sender, using="default", **kwargs):
    """Every content language has its locale and its synchronised tree after ``migrate``
    (a language added to LANGUAGES appears with the next deploy)."""
    from .locales import locales_ensure, sync_enabled

    if sync_enabled() and using == "default" and _wagtail_migrated(using):
        locales_ensure()


def _site_after_migrate(sender, using="default", **kwargs):
    """The default Site record follows LINKAGE_BASE_URL after every ``migrate``, so pages'
    full addresses and e-mails' links agree (core.addresses); a change is logged, since it
    overrides what an admin may have set by hand."""
    import logging

    from .addresses import default_site_align

    if using == "default" and _wagtail_migrated(using) and default_site_align():
        logging.getLogger(__name__).warning(
            "The default Site now follows LINKAGE_BASE_URL (%s).", sender.name
        )
