"""The ledger in the Wagtail admin.

* Organisers (``impact.view_participation``) get the impact summary: aggregates only.
* Admins also get the ledger row by row, with the person and never a demographic: list,
  inspect and export show ``PERSON_ROW_FIELDS``, and the rows come from
  ``participation_person_rows``, which refuses anyone else. Nobody adds, edits or deletes
  rows here: only impact.services writes them.

Values are in words (role, sector, country and kind by their labels, dates in the admin's
language), in the list, its filters, the inspect view and the export alike.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import Participation
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
    add_to_admin_menu = True
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


class SummaryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("impact.view_participation")


admin_urlpatterns = [
    path("", admin_views.summary, name="summary"),
    path("summary.csv", admin_views.summary_csv, name="summary_csv"),
]


@hooks.register("register_admin_urls")
def register_impact_admin_urls():
    return [path("impact/", include((admin_urlpatterns, "impact_admin")))]


@hooks.register("register_admin_menu_item")
def register_summary_menu_item():
    return SummaryMenuItem(
        _("Impact summary"), reverse("impact_admin:summary"), icon_name="table", order=900
    )


@hooks.register("register_admin_viewset")
def register_participation_viewset():
    return ParticipationViewSet("participation")
