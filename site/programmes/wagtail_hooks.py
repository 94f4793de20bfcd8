"""Programmes in the Wagtail admin: the programmes list and dashboards (``viewsets``), the
"Your programmes" panel on the admin's home page, and a Help menu that leads to Linkage's
own organiser guide instead of Wagtail's editor guide."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .components import programmes_home_panel
from .viewsets import ProgrammeViewSet

ORGANISER_GUIDE_MENU_NAME = "linkage-organiser-guide"
# Wagtail's own help items that lead to wagtail.org.
WAGTAIL_GUIDE_ITEMS = ("editor-guide",)
WAGTAIL_WHATS_NEW_PREFIX = "whats-new-in-wagtail"


@hooks.register("register_admin_viewset")
def register_programme_viewset():
    return ProgrammeViewSet("programmes")


@hooks.register("construct_homepage_panels")
def add_programmes_panel(request, panels):
    panel = programmes_home_panel(request)
    if panel is not None:
        panels.append(panel)


@hooks.register("register_help_menu_item")
def register_organiser_guide_menu_item():
    return MenuItem(
        _("Organiser guide"),
        settings.LINKAGE_ORGANISER_GUIDE_URL,
        name=ORGANISER_GUIDE_MENU_NAME,
        icon_name="help",
        order=900,
    )


@hooks.register("construct_help_menu")
def remove_wagtail_guides(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in WAGTAIL_GUIDE_ITEMS
        and not item.name.startswith(WAGTAIL_WHATS_NEW_PREFIX)
    ]


@hooks.register("construct_reports_menu")
def hide_site_history_from_organisers(request, menu_items):
    """Site history and wagtail-localize's Translations report are for admins
    (people.middleware refuses their URLs to anyone else): they show every programme's
    log entries and translations."""
    if not request.user.is_superuser:
        # wagtail-localize's Translations report lists every programme's translations too.
        hidden = {"site-history", "translations"}
        menu_items[:] = [item for item in menu_items if item.name not in hidden]
