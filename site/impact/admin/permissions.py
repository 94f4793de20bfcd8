"""Who may do what with indicators and manual entries.

Organisers hold the model permissions below (``people.roles`` gives them to the
Organisers group, see ``impact.apps``), and use them only on their own programmes'
indicators: the permission policy answers per instance through the programme scope, and
every view answers 404 for an indicator outside it. Admins (superusers) do everything.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from programmes.selectors import scope_for

ORGANISER_PERMISSIONS = (
    ("impact", "indicator", "view_indicator"),
    ("impact", "indicator", "add_indicator"),
    ("impact", "indicator", "change_indicator"),
    ("impact", "indicator", "delete_indicator"),
    ("impact", "manualentry", "view_manualentry"),
    ("impact", "manualentry", "add_manualentry"),
)


class ProgrammeScopedPolicy(ModelPermissionPolicy):
    """Model permissions, on instances of the user's programmes only
    (``programme_path``: the lookup from the model to its programme's id)."""

    programme_path = "programme_id"

    def _programme_id(self, instance) -> int | None:
        value = instance
        for part in self.programme_path.split("__"):
            value = getattr(value, part, None)
        return value

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return scope_for(user).allows({self._programme_id(instance)})

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        path = self.programme_path.removesuffix("_id")
        return scope_for(user).filter(self.model._default_manager.all(), path)


class IndicatorPolicy(ProgrammeScopedPolicy):
    programme_path = "programme_id"


class ManualEntryPolicy(ProgrammeScopedPolicy):
    programme_path = "indicator__programme_id"
