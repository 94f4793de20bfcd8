"""Events in the Wagtail admin: venues, event registrations (with check-in, the sign-in
sheet, its import and the exports), a "Registrations and attendance" button on the event
and study visit pages whose people the user may see, and the "Upcoming events" panel of a
programme's dashboard."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn as WagtailBooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from . import admin_selectors, admin_urls
from .models import EventPage, Venue


class BooleanColumn(WagtailBooleanColumn):
    """Wagtail's tick and cross, titled "Yes"/"No" in the reader's language (Wagtail's own
    title is the Python value, read aloud as "True")."""

    cell_template_name = "events/admin/yes_no_cell.html"


class VenueViewSet(ModelViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 312
    add_to_admin_menu = True
    # Yes/no shown as icons with their words for screen readers, not "True"/"False".
    list_display = [
        "name",
        "city",
        "country",
        BooleanColumn("step_free", label=_("step-free access")),
        BooleanColumn("address_private", label=_("confidential address")),
    ]
    list_filter = ["country", "step_free", "address_private"]
    search_fields = ["name", "city", "address"]
    ordering = ["country", "city", "name"]


class EventRegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.view_registration")


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [path("events-admin/", include((admin_urls.urlpatterns, "events_admin")))]


@hooks.register("register_admin_viewset")
def register_venue_viewset():
    return VenueViewSet("venues")


@hooks.register("register_admin_menu_item")
def register_event_registrations_menu_item():
    return EventRegistrationsMenuItem(
        _("Event registrations"), reverse("events_admin:index"), icon_name="date", order=306
    )


def _registrations_button(page, user, priority):
    """Only where the list behind it opens: an event of one of the user's programmes (any
    event for an admin). The keys are read once per request, not once per listed page."""
    page_class = page.specific_class
    if (
        page_class is not None
        and issubclass(page_class, EventPage)
        and user.has_perm("events.view_registration")
        and admin_selectors.event_key_visible(user=user, translation_key=page.translation_key)
    ):
        yield Button(
            _("Registrations and attendance"),
            reverse("events_admin:registrations", args=[page.pk]),
            icon_name="group",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def event_registrations_header_button(page, user, view_name=None, next_url=None):
    yield from _registrations_button(page, user, priority=40)


@hooks.register("register_page_listing_more_buttons")
def event_registrations_listing_button(page, user, next_url=None):
    yield from _registrations_button(page, user, priority=45)


@hooks.register("linkage_programme_dashboard_panels")
def programme_upcoming_events_panel(request, programme):
    from .admin_panels import UpcomingEventsPanel

    return [UpcomingEventsPanel(request=request, programme=programme)]
