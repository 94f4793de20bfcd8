"""The ledger in the Wagtail admin: read-only, for organisers (view_participation)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Participation


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Rows are written only by impact.services; nobody adds, edits or deletes them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Participation, ReadOnlyPolicy(Participation))


class ParticipationViewSet(ModelViewSet):
    model = Participation
    icon = "table"
    menu_label = _("Participation ledger")
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["kind", "occurred_at", "count", "role", "sector", "country", "region"]
    list_filter = ["kind", "role", "sector", "country"]
    list_export = ["kind", "occurred_at", "count", "role", "sector", "country", "region"]
    form_fields = ["kind"]


@hooks.register("register_admin_viewset")
def register_participation_viewset():
    return ParticipationViewSet("participation")
