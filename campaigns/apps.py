from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

ORGANISER_PERMISSIONS = (
    ("campaigns", "pledge", "view_pledge"),
    ("campaigns", "pledge", "moderate_pledge"),
    # Consent to follow-up was given to the campaign's organisers: the export is limited to
    # the campaign's own programme (campaigns.admin_selectors) and audit-logged.
    ("campaigns", "pledge", "export_pledge_contacts"),
    ("campaigns", "reachrecord", "view_reachrecord"),
    ("campaigns", "reachrecord", "add_reachrecord"),
    ("campaigns", "reachrecord", "change_reachrecord"),
    ("campaigns", "reachrecord", "delete_reachrecord"),
)


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from people.enums import Role
        from people.roles import register_permissions
        from programmes.sections import register_section_type

        from . import event_links, home_block, messages  # noqa: F401 (home_block: hooks)
        from .models import CampaignIndexPage, CampaignSectionPage

        register_permissions(Role.ORGANISER, *ORGANISER_PERMISSIONS)
        register_section_type(CampaignIndexPage, CampaignSectionPage)
        # The pledge e-mails (confirmation, "already pledged"); withdrawing consent sends none.
        messages.register()
        # The events listing's campaign filter: a choice of campaigns (events never
        # imports this app: it reads the choices from core's registry).
        event_links.register()
        # What the ledger's pledge and reach rows are evidence of, for the impact indicators.
        from . import impact_activities

        impact_activities.register()
