"""Mentoring in the Wagtail admin: the "Mentoring" menu (Mentor pool, Requests, Matching
rounds, Matches, Concerns, Matching weights) for organisers and admins, its URLs under
/admin/mentoring/, the audit log's action names, and the panel of a programme's dashboard.

The views (``admin_views``) read through the user's programme scope; menu items only hide
what the user could not open anyway."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.log_actions import LogFormatter

from . import admin_urls
from .enums import EndReason, MatchStatus

MENU_ORDER = 320


class PermissionMenuItem(MenuItem):
    """A menu item shown to people holding ``permission``."""

    def __init__(self, label, url, *, permission: str, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_mentoring_admin_urls():
    return [path("mentoring/", include((admin_urls.urlpatterns, "mentors_admin")))]


def mentoring_menu_items() -> list[MenuItem]:
    items = [
        (_("Mentor pool"), "pool", "mentorprofile", "group"),
        (_("Requests"), "requests", "mentoringrequest", "help"),
        (_("Matching rounds"), "rounds", "matchinground", "resubmit"),
        (_("Matches"), "matches", "match", "link"),
        (_("Concerns"), "concerns", "concernreport", "warning"),
        (_("Matching weights"), "weights", "matchinground", "cogs"),
    ]
    return [
        PermissionMenuItem(
            label,
            reverse(f"mentors_admin:{name}"),
            permission=f"mentors.view_{model}",
            name=f"mentoring-{name}",
            icon_name=icon,
            order=order,
        )
        for order, (label, name, model, icon) in enumerate(items, start=1)
    ]


@hooks.register("register_admin_menu_item")
def register_mentoring_menu():
    # Shown when at least one of its items is (Wagtail hides an empty submenu).
    return SubmenuMenuItem(
        _("Mentoring"),
        Menu(items=mentoring_menu_items()),
        name="mentoring",
        icon_name="group",
        order=MENU_ORDER,
    )


@hooks.register("register_log_actions")
def register_mentoring_log_actions(actions):
    for action, label, message in (
        ("mentors.round_run", _("Run a matching round"), _("Matching round run")),
        ("mentors.round_accept", _("Accept a matching round"), _("Matching round accepted")),
        ("mentors.round_discard", _("Discard a matching round"), _("Matching round discarded")),
        (
            "mentors.suggestion_override",
            _("Change a suggested mentor"),
            _("Suggested mentor changed"),
        ),
        ("mentors.match_view", _("View a match"), _("Match viewed")),
        ("mentors.concern_view", _("View a concern"), _("Concern viewed")),
        ("mentors.profile_approve", _("Approve a mentor"), _("Mentor approved")),
    ):
        actions.register_action(action, label, message)
    actions.register_action("mentors.match_change")(MatchChangeFormatter)


class MatchChangeFormatter(LogFormatter):
    """ "mentors.match_change" in words, from the entry's data: ``{"change": "end_early",
    "reason": <EndReason>}``, ``{"change": "block"}`` or ``{"status": <MatchStatus>}``."""

    label = _("Change a match")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        change = data.get("change")
        if change == "end_early" and data.get("reason") in EndReason.values:
            return _("Ended early: %(reason)s") % {"reason": EndReason(data["reason"]).label}
        if change == "block":
            return _("Kept apart from further matching")
        if data.get("status") in MatchStatus.values:
            return _("Status changed to: %(status)s") % {
                "status": MatchStatus(data["status"]).label
            }
        return _("Match changed")


@hooks.register("linkage_programme_dashboard_panels")
def mentoring_programme_panel(request, programme):
    from .admin_views import programme_panel

    return programme_panel(request, programme)
