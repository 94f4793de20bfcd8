"""Campaigns in the Wagtail admin: the "Campaigns" menu item (the campaigns list, each
campaign's dashboard, reach records and pledge wall) for organisers and admins, its URLs
under /admin/campaigns/, the audit log's action names, and the panel of a programme's
dashboard.

The views (``admin_views``) read through the user's programme scope; the menu item only
hides what the user could not open anyway."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .admin_views.common import ICON, VIEW_PERMISSIONS
from .enums import ReachBasis, ReachChannel

MENU_ORDER = 330


class CampaignsMenuItem(MenuItem):
    """Shown to people who may read pledges or reach (organisers, admins)."""

    def is_shown(self, request):
        return any(request.user.has_perm(permission) for permission in VIEW_PERMISSIONS)


@hooks.register("register_admin_urls")
def register_campaigns_admin_urls():
    from .admin_views import urls

    return [path("campaigns/", include((urls.urlpatterns, "campaigns_admin")))]


@hooks.register("register_admin_menu_item")
def register_campaigns_menu():
    return CampaignsMenuItem(
        _("Campaigns"),
        reverse("campaigns_admin:index"),
        name="campaigns",
        icon_name=ICON,
        order=MENU_ORDER,
    )


class ReachFormatter(LogFormatter):
    """A reach record's entry in words: "Recorded: 1,200 people, Media, estimated"."""

    label = _("Reach")
    verb = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        channel = dict(ReachChannel.choices).get(data.get("channel"), data.get("channel", ""))
        basis = dict(ReachBasis.choices).get(data.get("basis"), data.get("basis", ""))
        return _("%(verb)s: %(people)s people, %(channel)s, %(basis)s") % {
            "verb": self.verb,
            "people": data.get("people", "?"),
            "channel": channel,
            "basis": basis,
        }


class ReachAddFormatter(ReachFormatter):
    label = _("Record reach")
    verb = _("Reach recorded")


class ReachChangeFormatter(ReachFormatter):
    label = _("Correct reach")
    verb = _("Reach corrected")


class ReachDeleteFormatter(ReachFormatter):
    label = _("Delete reach")
    verb = _("Reach deleted")


class ContactsExportFormatter(LogFormatter):
    label = _("Export follow-up contacts")

    def format_message(self, log_entry):
        return _("Follow-up contacts exported: %(count)s addresses") % {
            "count": (log_entry.data or {}).get("count", "?")
        }


@hooks.register("register_log_actions")
def register_campaigns_log_actions(actions):
    actions.register_action("campaigns.reach_add")(ReachAddFormatter)
    actions.register_action("campaigns.reach_change")(ReachChangeFormatter)
    actions.register_action("campaigns.reach_delete")(ReachDeleteFormatter)
    actions.register_action("campaigns.contacts_export")(ContactsExportFormatter)


@hooks.register("linkage_programme_dashboard_panels")
def campaigns_programme_panel(request, programme):
    from .admin_views import programme_panel

    return programme_panel(request, programme)
