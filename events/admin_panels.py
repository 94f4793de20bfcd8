"""The events panel of a programme's dashboard (``programmes.components``): the next
occurrences of the programme's events, owned or shared, with what needs the organiser's
attention (seats, the waiting list, registrations awaiting approval)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from .admin_selectors import programme_upcoming


class UpcomingEventsPanel(Component):
    name = "events_upcoming"
    title = _("Upcoming events")
    template_name = "events/admin/programme_upcoming_panel.html"
    order = 100

    def __init__(self, *, request, programme):
        self.request = request
        self.programme = programme

    def get_context_data(self, parent_context=None):
        user = self.request.user
        rows = programme_upcoming(user=user, programme=self.programme)
        can_view = user.has_perm("events.view_registration")
        return {
            "panel": self,
            "programme": self.programme,
            "rows": [
                {
                    "row": row,
                    "url": reverse("events_admin:registrations", args=[row.event.pk])
                    if can_view
                    else "",
                }
                for row in rows
            ],
            "index_url": reverse("events_admin:index") if can_view else "",
        }
