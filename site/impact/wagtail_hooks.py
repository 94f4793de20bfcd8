"""The ledger and the indicators in the Wagtail admin, under one "Impact" menu.

* Organisers (``impact.view_participation``) get the impact summary: aggregates only.
* Admins also get the ledger row by row, with the person and never a demographic: list,
  inspect and export show ``PERSON_ROW_FIELDS``, and the rows come from
  ``participation_person_rows``, which refuses anyone else. Nobody adds, edits or deletes
  rows here: only impact.services writes them.

Indicators, each programme's impact dashboard, the evidence behind a value, manual entries
and the "Impact" panels of the home page and of a programme's dashboard are in
``impact.admin`` (see its package docstring), for organisers (their own programmes only)
and admins.

Values are in words (role, sector, country and kind by their labels, dates in the admin's
language), in the list, its filters, the inspect view and the export alike.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .admin import urls as impact_admin_urls
from .admin.common import ADD_MANUAL_ENTRY, VIEW_INDICATORS, VIEW_MANUAL_ENTRIES
from .admin.permissions import IndicatorPolicy
from .admin.viewsets import IndicatorViewSet
from .indicators import log_actions  # noqa: F401 (the manual entries' audit log actions)
from .models import Indicator, Participation
from .selectors import PERSON_ROW_FIELDS, ledger_rows_allowed, participation_person_rows


class LedgerRowsPolicy(ModelPermissionPolicy):
    """Row by row, the ledger is for admins only, and read-only for them too."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return ledger_rows_allowed(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions, include_superusers=True):
        if any(action in ("add", "change", "delete") for action in actions):
            return self.user_model._default_manager.none()
        return self.user_model._default_manager.filter(is_active=True, is_superuser=True)


register_permission_policy(Participation, LedgerRowsPolicy(Participation))
register_permission_policy(Indicator, IndicatorPolicy(Indicator))


def _when(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


class LedgerIndexView(IndexView):
    custom_field_preprocess = {"occurred_at": {IndexView.FORMAT_CSV: _when}}

    def get_base_queryset(self):
        return participation_person_rows(user=self.request.user)

    def to_row_dict(self, item):
        """The export says what the list says: labels, not the stored codes."""
        row = super().to_row_dict(item)
        for field in row:
            display = getattr(item, f"get_{field}_display", None)
            if display is not None:
                row[field] = str(display())
        return row

    def stream_csv(self, queryset):
        """The CSV is written while the response streams, after the view has returned: keep
        the admin's language and time zone for it."""
        language, zone = translation.get_language(), timezone.get_current_timezone()
        rows = super().stream_csv(queryset)

        def localised():
            with translation.override(language), timezone.override(zone):
                yield from rows

        return localised()


class LedgerInspectView(InspectView):
    def get_object(self, queryset=None):
        rows = participation_person_rows(user=self.request.user)
        return get_object_or_404(rows, pk=unquote(str(self.pk)))


class ParticipationViewSet(ModelViewSet):
    model = Participation
    icon = "table"
    menu_label = _("Participation ledger (rows)")
    menu_order = 901
    add_to_admin_menu = False  # in the "Impact" menu
    index_view_class = LedgerIndexView
    inspect_view_class = LedgerInspectView
    inspect_view_enabled = True
    inspect_view_fields = list(PERSON_ROW_FIELDS)
    copy_view_enabled = False
    # An anonymous count (walk-ins, a deleted account) reads "Anonymous", not "None".
    list_display = [
        Column("person", label=_("person"), accessor="person_label"),
        *PERSON_ROW_FIELDS[1:],
    ]
    list_filter = ["kind", "role", "sector", "country"]
    list_export = list(PERSON_ROW_FIELDS)
    form_fields = ["kind"]


MENU_ORDER = 900
indicator_viewset = IndicatorViewSet("impact_indicator")


class ImpactMenuItem(MenuItem):
    """A menu item shown to people for whom ``shown(user)`` is true."""

    def __init__(self, label, url, *, shown, **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown = shown

    def is_shown(self, request):
        return self.shown(request.user)


def _any_indicator_permission(user) -> bool:
    return any(user.has_perm(f"impact.{action}_indicator") for action in ("view", "add", "change"))


def impact_menu_items() -> list[MenuItem]:
    items = [
        (
            _("Impact dashboard"),
            reverse("impact_admin:dashboard_index"),
            "dashboard",
            "tasks",
            lambda user: user.has_perm(VIEW_INDICATORS),
        ),
        (
            _("Indicators"),
            reverse("impact_indicator:index"),
            "indicators",
            "list-ol",
            _any_indicator_permission,
        ),
        (
            _("Manual entries"),
            reverse("impact_admin:manual_list"),
            "manual-entries",
            "edit",
            lambda user: user.has_perm(VIEW_MANUAL_ENTRIES) or user.has_perm(ADD_MANUAL_ENTRY),
        ),
        (
            _("Impact summary"),
            reverse("impact_admin:summary"),
            "summary",
            "table",
            lambda user: user.has_perm("impact.view_participation"),
        ),
        (
            _("Participation ledger (rows)"),
            reverse("participation:index"),
            "ledger-rows",
            "table",
            ledger_rows_allowed,
        ),
    ]
    return [
        ImpactMenuItem(label, url, shown=shown, name=f"impact-{name}", icon_name=icon, order=order)
        for order, (label, url, name, icon, shown) in enumerate(items, start=1)
    ]


admin_urlpatterns = [
    path("", admin_views.summary, name="summary"),
    path("summary.csv", admin_views.summary_csv, name="summary_csv"),
    *impact_admin_urls.urlpatterns,
]


@hooks.register("register_admin_urls")
def register_impact_admin_urls():
    return [path("impact/", include((admin_urlpatterns, "impact_admin")))]


@hooks.register("register_admin_menu_item")
def register_impact_menu():
    # Shown when at least one of its items is (Wagtail hides an empty submenu).
    return SubmenuMenuItem(
        _("Impact"),
        Menu(items=impact_menu_items()),
        name="impact",
        icon_name="tasks",
        order=MENU_ORDER,
    )


@hooks.register("register_admin_viewset")
def register_participation_viewset():
    return ParticipationViewSet("participation")


@hooks.register("register_admin_viewset")
def register_indicator_viewset():
    return indicator_viewset


@hooks.register("construct_homepage_panels")
def add_impact_panel(request, panels):
    from .admin.panels import home_panel

    panel = home_panel(request)
    if panel is not None:
        panels.append(panel)


@hooks.register("linkage_programme_dashboard_panels")
def impact_programme_panel(request, programme):
    from .admin.panels import programme_panel

    return programme_panel(request, programme)
