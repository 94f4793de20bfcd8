from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

ORGANISER_PERMISSIONS = (
    ("events", "registration", "view_registration"),
    ("events", "registration", "change_registration"),
    ("events", "registration", "export_registration"),
    ("events", "registration", "import_attendance"),
    ("events", "registration", "check_in_registration"),
    ("events", "attendance", "view_attendance"),
    ("events", "venue", "view_venue"),
    ("events", "venue", "add_venue"),
    ("events", "venue", "change_venue"),
    ("events", "venue", "delete_venue"),
    # The outbox: organisers see which e-mails failed and send them again.
    ("core", "outboxmessage", "view_outboxmessage"),
    ("core", "outboxmessage", "retry_outboxmessage"),
)


def _page_published(sender, instance, **kwargs):
    """A change of time, place or status raises SEQUENCE and notifies registrants."""
    from .models import EventPage
    from .services import event_published

    page = instance.specific if hasattr(instance, "specific") else instance
    if isinstance(page, EventPage):
        event_published(page=page)


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from core.outbox import register_composer
        from people.dashboard import register_panel
        from people.enums import Role
        from people.roles import register_permissions
        from people.selectors import register_data_section

        from . import signals  # noqa: F401  (feeds forget a change at once)
        from .messages import OUTBOX_KINDS, message_compose
        from .selectors import person_event_data
        from .views import dashboard_panel

        register_permissions(Role.ORGANISER, *ORGANISER_PERMISSIONS)
        from programmes.sections import register_section_type
        from programmes.selectors import register_people_source

        from .admin_selectors import programme_participants
        from .models import EventIndexPage, EventSectionPage

        register_section_type(EventIndexPage, EventSectionPage)
        # Who takes part in a programme's events: its organisers see these people.
        register_people_source("events", programme_participants)
        from .enums import MessageKind
        from .messages import KIND_PREFIX

        for kind in OUTBOX_KINDS:
            label = MessageKind(kind.removeprefix(KIND_PREFIX)).label
            register_composer(kind, message_compose, label=label)
        register_panel(dashboard_panel)
        register_data_section("event_registrations", person_event_data)
        page_published.connect(_page_published, dispatch_uid="events.page_published")
        # What the ledger's attendance rows are evidence of, for the impact indicators.
        from . import impact_activities

        impact_activities.register()
