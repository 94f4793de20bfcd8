"""The outbox in the Wagtail admin: the e-mails the site sent or tried to send, failed ones
first to hand, and a "send again" action. Read-only otherwise: rows are written by
``core.outbox`` only. Organisers get ``view_outboxmessage`` and ``retry_outboxmessage``
from the feature apps that send e-mail (core imports no feature app).

Every view reads through ``core.outbox.outbox_visible_to``: an organiser sees (and sends
again) only the messages the registered rule allows them (programmes: those to their
programmes' people); any other id is a 404, as if it did not exist."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from .enums import OutboxStatus
from .models import OutboxMessage
from .outbox import outbox_kind_choices, outbox_kind_label, outbox_retry, outbox_visible_to

RETRY_PERMISSION = "core.retry_outboxmessage"
RETRYABLE = (OutboxStatus.FAILED, OutboxStatus.QUEUED)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Nobody adds, edits or deletes outbox rows here; they may only send them again."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(OutboxMessage, ReadOnlyPolicy(OutboxMessage))


class RetryColumn(Column):
    def get_value(self, instance):
        if instance.status not in RETRYABLE:
            return ""
        return format_html(
            '<a class="button button-small button-secondary" href="{}">{}</a>',
            reverse("core_outbox_retry", args=[instance.pk]),
            _("Send again"),
        )


class KindColumn(Column):
    def get_value(self, instance):
        return outbox_kind_label(instance.kind)


class OutboxFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("status"), choices=OutboxStatus.choices)
    # The kinds registered when the filter is shown, by their labels.
    kind = django_filters.ChoiceFilter(label=gettext_lazy("kind"), choices=outbox_kind_choices)

    class Meta:
        model = OutboxMessage
        fields = ["status", "kind"]


class OutboxIndexView(IndexView):
    def get_base_queryset(self):
        return outbox_visible_to(
            user=self.request.user, queryset=super().get_base_queryset()
        ).select_related("to_user")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if "kind" in row:
            row["kind"] = outbox_kind_label(item.kind)
        return row


class OutboxInspectView(InspectView):
    def get_object(self, queryset=None):
        visible = outbox_visible_to(user=self.request.user).select_related("to_user")
        return get_object_or_404(visible, pk=unquote(str(self.pk)))

    def get_kind_display_value(self):
        return outbox_kind_label(self.object.kind)


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    icon = "mail"
    menu_label = gettext_lazy("E-mails")
    menu_order = 860
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    list_display = [
        "created_at",
        Column("recipient", label=gettext_lazy("Recipient")),
        KindColumn("kind", label=gettext_lazy("Kind")),
        "subject",
        "status",
        "attempts",
        "last_error",
        RetryColumn("retry", label=gettext_lazy("Send again")),
    ]
    filterset_class = OutboxFilterSet
    search_fields = ["subject", "address", "to_user__email"]
    inspect_view_fields = [
        "recipient",
        "kind",
        "subject",
        "status",
        "attempts",
        "created_at",
        "claimed_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    form_fields = ["subject"]


def retry(request, pk: int):
    """Confirm (GET) and send a failed or waiting e-mail again (POST)."""
    if not request.user.has_perm(RETRY_PERMISSION):
        raise PermissionDenied
    visible = outbox_visible_to(user=request.user).select_related("to_user")
    message = get_object_or_404(visible, pk=pk)
    if request.method == "POST":
        try:
            outbox_retry(message=message, by=request.user)
            messages.success(request, _("The e-mail is queued again."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("core_outboxmessage:index")
    return render(request, "core/outbox_retry.html", {"message": message})


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet("core_outboxmessage")


@hooks.register("register_admin_urls")
def register_retry_url():
    return [path("outbox/<int:pk>/retry/", retry, name="core_outbox_retry")]
