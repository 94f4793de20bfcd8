"""Certificates in the Wagtail admin: read-only list and inspect view, with "Revoke or
reissue" buttons. There is no add, edit or delete: certificates are issued by
certificates.services when a course or an event is completed, and changed only by revoking
or reissuing them (admin_views), so a code never verifies for something it did not say.

Organisers see the certificates of their own programmes only
(``selectors.certificates_visible_to``): the list, its filters, the inspect view and the
revoke and reissue pages all read through it, and any other id is a 404."""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from . import admin_views
from .enums import CertificateKind, CertificateStatus
from .models import Certificate
from .selectors import certificates_visible_to

READ_ONLY_ACTIONS = ("add", "change", "delete")


class CertificatePolicy(ModelPermissionPolicy):
    """Nobody adds, edits or deletes a certificate in the admin, superusers included."""

    def user_has_permission(self, user, action):
        if action in READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions, include_superusers=True):
        actions = [action for action in actions if action not in READ_ONLY_ACTIONS]
        if not actions:
            return self.user_model._default_manager.none()
        return super().users_with_any_permission(actions, include_superusers)


register_permission_policy(Certificate, CertificatePolicy(Certificate))


def _manage_url(certificate: Certificate) -> str:
    return reverse("certificates_manage", args=[certificate.pk])


def _programmes_of(request):
    """The programmes a person may filter by: their own (all of them for an admin)."""
    from programmes.models import Programme
    from programmes.selectors import programmes_for

    if request is None:
        return Programme.objects.none()
    return programmes_for(request.user)


class CertificateFilterSet(WagtailFilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=gettext_lazy("programme"),
        queryset=_programmes_of,
        method="filter_programme",
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("kind"), choices=CertificateKind.choices)
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("status"), choices=CertificateStatus.choices
    )
    issued_on = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("issued on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = ["programme", "kind", "status", "issued_on"]

    def filter_programme(self, queryset, name, value):
        if value is None:
            return queryset
        through = Certificate.programmes.through
        return queryset.filter(
            pk__in=through.objects.filter(programme=value).values("certificate_id")
        )


class ProgrammesColumn(Column):
    """The programmes a certificate belongs to, by name (prefetched by the index view)."""

    def get_value(self, instance):
        return ", ".join(sorted(programme.name for programme in instance.programmes.all()))


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        return certificates_visible_to(user=self.request.user).prefetch_related("programmes")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_valid and admin_views.may_manage(self.request.user):
            buttons.append(
                ListingButton(
                    gettext_lazy("Revoke or reissue"),
                    url=_manage_url(instance),
                    icon_name="undo",
                    priority=5,
                )
            )
        return buttons


class CertificateInspectView(InspectView):
    def get_object(self, queryset=None):
        visible = certificates_visible_to(user=self.request.user)
        return get_object_or_404(visible, pk=unquote(str(self.pk)))

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.is_valid and admin_views.may_manage(self.request.user):
            buttons.append(
                Button(
                    gettext_lazy("Revoke or reissue"),
                    url=_manage_url(self.object),
                    icon_name="undo",
                    priority=5,
                )
            )
        return buttons


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    menu_order = 850
    add_to_admin_menu = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "code",
        "holder_name",
        "title",
        "kind",
        "issued_on",
        "status",
        ProgrammesColumn("programmes", label=gettext_lazy("Programmes")),
    ]
    filterset_class = CertificateFilterSet
    inspect_view_fields = [
        "code",
        "holder_name",
        "title",
        "kind",
        "completed_on",
        "issued_on",
        "status",
        "revoked_at",
        "revoked_reason",
        "replaced_by",
        "programmes",
    ]
    search_fields = ["code", "holder_name", "title"]
    # The edit and add views exist in Wagtail's viewset, but CertificatePolicy refuses them
    # to everyone; these fields only keep the viewset well-formed.
    form_fields = ["revoked_reason"]


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificate")


@hooks.register("register_admin_urls")
def register_manage_urls():
    return [
        path("certificates/<int:pk>/manage/", admin_views.manage, name="certificates_manage"),
        path("certificates/<int:pk>/revoke/", admin_views.revoke, name="certificates_revoke"),
        path("certificates/<int:pk>/reissue/", admin_views.reissue, name="certificates_reissue"),
    ]


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action(
        "certificates.revoke",
        gettext_lazy("Revoke certificate"),
        gettext_lazy("Certificate revoked"),
    )
    actions.register_action(
        "certificates.reissue",
        gettext_lazy("Reissue certificate"),
        gettext_lazy("Certificate reissued"),
    )
