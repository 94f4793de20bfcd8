from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_delete
from django.utils.translation import gettext_lazy as _


def _person_deleting(sender, instance, **kwargs):
    # However a person is deleted (My Linkage, the Wagtail admin, the shell), the apps that
    # keep something about them (the ledger) are told first, through people.hooks.
    from .hooks import person_deleting

    person_deleting(instance)


def _ensure_groups(sender, **kwargs):
    # Run once, after the last app has migrated, so every permission can exist.
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label != with_models[-1].label:
        return
    from .roles import ensure_role_groups

    ensure_role_groups()


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.page_cache import shown_on_pages_register

        # Organisations and regions appear on public pages (partners, filters).
        shown_on_pages_register("people.Organisation", "people.Region")
        from django.conf import settings

        post_migrate.connect(_ensure_groups, dispatch_uid="people.ensure_role_groups")
        pre_delete.connect(
            _person_deleting, sender=settings.AUTH_USER_MODEL, dispatch_uid="people.deleting"
        )

        from allauth.account.signals import password_reset

        from core.outbox import register_composer

        from .invitations import OUTBOX_KIND, invitation_accepted, invitation_compose

        register_composer(OUTBOX_KIND, invitation_compose, label=_("Invitation to Linkage"))
        password_reset.connect(invitation_accepted, dispatch_uid="people.invitation_accepted")
