from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Certificate
from .services import certificate_reissue, certificate_revoke


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    menu_order = 850
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["code", "holder_name", "title", "kind", "issued_on", "status"]
    list_filter = ["kind", "status", "issued_on"]
    search_fields = ["code", "holder_name", "title"]
    form_fields = ["holder_name", "title"]


def manage(request, pk: int):
    """Revoke (with a reason) or reissue (with a corrected name) one certificate."""
    if not request.user.has_perm("certificates.change_certificate"):
        raise PermissionDenied
    certificate = get_object_or_404(Certificate, pk=pk)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "revoke":
                certificate_revoke(
                    certificate=certificate, by=request.user, reason=request.POST.get("reason", "")
                )
                messages.success(request, _("Certificate revoked."))
            elif request.POST.get("action") == "reissue":
                new = certificate_reissue(
                    certificate=certificate,
                    by=request.user,
                    holder_name=request.POST.get("holder_name") or None,
                )
                messages.success(request, _("Reissued with code %(code)s.") % {"code": new.code})
                return redirect("certificates_manage", pk=new.pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("certificates_manage", pk=certificate.pk)
    return render(request, "certificates/admin/manage.html", {"certificate": certificate})


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificate")


@hooks.register("register_admin_urls")
def register_manage_url():
    return [path("certificates/<int:pk>/manage/", manage, name="certificates_manage")]


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
