"""Programmes and users in the Wagtail admin.

* ``ProgrammeViewSet``: admins (superusers) add, edit and delete programmes and choose their
  organisers; an organiser sees a read-only list and inspect page of the programmes they
  run (``programmes.selectors``), and nothing of the others (404 on a guessed id). Each row
  leads to the programme's dashboard.
* ``UserViewSet``: Wagtail's users list (admins only, by Wagtail's own user permissions)
  with each person's role and programmes. Wagtail uses it through ``user_viewset`` of the
  users app config (``programmes.apps.LinkageUsersConfig``).
"""

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Prefetch, Q
from django.http import Http404
from django.urls import path
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.users.views import users as wagtail_users
from wagtail.utils.urlpatterns import decorate_urlpatterns

from people.enums import Role
from people.roles import GROUP_NAMES

from .admin_views import programme_dashboard, refuse_with_403
from .components import choice_labels, dashboard_url, date_label, period_label, time_zone_label
from .forms import ProgrammeForm
from .models import Programme
from .selectors import programmes_for, scope_for

# --- Who may do what with programmes ---------------------------------------------------


class ProgrammePermissionPolicy(BasePermissionPolicy):
    """Admins do everything. An organiser may view the programmes they run; nobody else
    adds, changes or deletes programmes, whatever Django permissions they hold."""

    def user_has_permission(self, user, action):
        scope = scope_for(user)
        if scope.everything:
            return True
        return action == "view" and not scope.nothing

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        admins = Q(is_superuser=True)
        if "view" in actions:
            admins |= Q(
                groups__name=GROUP_NAMES[Role.ORGANISER], organised_programmes__isnull=False
            )
        return get_user_model().objects.filter(admins, is_active=True).distinct()

    def user_has_permission_for_instance(self, user, action, instance):
        scope = scope_for(user)
        if scope.everything:
            return True
        return action == "view" and scope.allows({instance.pk})

    def instances_user_has_any_permission_for(self, user, actions):
        scope = scope_for(user)
        if scope.everything:
            return Programme.objects.all()
        if "view" in actions:
            return programmes_for(user)
        return Programme.objects.none()


register_permission_policy(Programme, ProgrammePermissionPolicy(Programme))


# --- Programmes ----------------------------------------------------------------------------


class DashboardColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{}">{}</a>', dashboard_url(instance), _("Open dashboard"))


class ProgrammeIndexView(IndexView):
    def get_base_queryset(self):
        return (
            programmes_for(self.request.user)
            .select_related("lead_organisation")
            .prefetch_related(
                Prefetch(
                    "organisers",
                    queryset=get_user_model().objects.select_related("profile").order_by("email"),
                )
            )
        )


class ProgrammeInspectView(InspectView):
    """The programme in words: countries and languages by name, dates in the admin's
    language, the time zone by country and city."""

    def get_object(self, queryset=None):
        programme = (
            programmes_for(self.request.user)
            .select_related("lead_organisation")
            .filter(pk=unquote(str(self.pk)))
            .first()
        )
        if programme is None:
            raise Http404
        return programme

    def get_countries_display_value(self):
        return choice_labels(self.object, "countries") or "-"

    def get_languages_display_value(self):
        return choice_labels(self.object, "languages") or "-"

    def get_starts_on_display_value(self):
        return date_label(self.object.starts_on) or "-"

    def get_ends_on_display_value(self):
        return date_label(self.object.ends_on) or "-"

    def get_time_zone_display_value(self):
        return time_zone_label(self.object)

    def get_organisers_display_value(self):
        users = self.object.organisers.select_related("profile").order_by("email")
        return ", ".join(f"{user.display_name} <{user.email}>" for user in users) or "-"


class ProgrammeViewSet(ModelViewSet):
    model = Programme
    icon = "clipboard-list"
    menu_label = gettext_lazy("Programmes")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ProgrammeIndexView
    inspect_view_class = ProgrammeInspectView
    ordering = ["name"]
    search_fields = ["name", "slug", "funder", "grant_number"]
    list_display = [
        "name",
        Column(
            "lead_organisation",
            label=gettext_lazy("Lead organisation"),
            accessor=lambda p: p.lead_organisation or "",
        ),
        Column(
            "countries",
            label=gettext_lazy("Countries"),
            accessor=lambda p: choice_labels(p, "countries"),
        ),
        Column(
            "languages",
            label=gettext_lazy("Working languages"),
            accessor=lambda p: choice_labels(p, "languages"),
        ),
        Column("period", label=gettext_lazy("Period"), accessor=period_label),
        Column(
            "organisers",
            label=gettext_lazy("Organisers"),
            accessor=lambda p: ", ".join(user.display_name for user in p.organisers.all()),
        ),
        DashboardColumn("dashboard", label=gettext_lazy("Dashboard")),
    ]
    inspect_view_fields = [
        "name",
        "slug",
        "lead_organisation",
        "partner_organisations",
        "funder",
        "grant_number",
        "starts_on",
        "ends_on",
        "countries",
        "languages",
        "time_zone",
        "organisers",
    ]

    def get_form_class(self, for_update=False):
        return ProgrammeForm

    def get_permissions_to_register(self):
        # Django permissions on programmes would mean nothing: the policy above decides.
        return Permission.objects.none()

    @cached_property
    def dashboard_view(self):
        return programme_dashboard

    def get_urlpatterns(self):
        return decorate_urlpatterns(
            [
                *super().get_urlpatterns(),
                path("<int:pk>/dashboard/", self.dashboard_view, name="dashboard"),
            ],
            refuse_with_403,
        )


# --- Users ---------------------------------------------------------------------------------

ROLE_LABELS = dict(Role.choices)


def role_of(user) -> str:
    """``people.roles.user_role`` from the groups prefetched with the listing (the same
    order: admin, organiser, mentor, professional), without a query per row."""
    if user.is_superuser:
        return Role.ADMIN
    names = {group.name for group in user.groups.all()}
    for role in (Role.ORGANISER, Role.MENTOR, Role.PROFESSIONAL):
        if GROUP_NAMES[role] in names:
            return role
    return ""


def programmes_of(user) -> str:
    if user.is_superuser:
        return _("All programmes")
    return ", ".join(programme.name for programme in user.organised_programmes.all())


class UserIndexView(wagtail_users.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("profile")
            .prefetch_related(
                "groups",
                Prefetch("organised_programmes", queryset=Programme.objects.order_by("name")),
            )
        )

    @cached_property
    def columns(self):
        columns = [column for column in super().columns if column.name != "is_superuser"]
        position = next(
            (i + 1 for i, column in enumerate(columns) if column.name == self.model.USERNAME_FIELD),
            len(columns),
        )
        columns[position:position] = [
            Column(
                "role",
                label=gettext_lazy("Role"),
                accessor=lambda user: ROLE_LABELS.get(role_of(user), ""),
                width="12%",
            ),
            Column(
                "programmes", label=gettext_lazy("Programmes"), accessor=programmes_of, width="20%"
            ),
        ]
        return columns


class UserViewSet(wagtail_users.UserViewSet):
    index_view_class = UserIndexView

    def get_urlpatterns(self):
        return decorate_urlpatterns(super().get_urlpatterns(), refuse_with_403)
