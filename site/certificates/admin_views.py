"""Revoke and reissue, the only changes a certificate allows, in the Wagtail admin.

Registered under /admin/certificates/ by wagtail_hooks. The certificate viewset itself is
read-only (no add, edit or delete): what a valid code verifies for never changes in place.
A certificate outside the organiser's programmes is a 404 here, as in the list.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.auth import permission_denied

from .forms import ReissueForm, RevokeForm
from .selectors import certificates_visible_to
from .services import certificate_reissue, certificate_revoke

MANAGE_PERMISSION = "certificates.change_certificate"


def may_manage(user) -> bool:
    """Who may revoke and reissue: organisers and admins (``change_certificate``)."""
    return user.has_perm(MANAGE_PERMISSION)


def _render(request, certificate, *, revoke_form=None, reissue_form=None):
    title = _("Revoke or reissue")
    return TemplateResponse(
        request,
        "certificates/admin/manage.html",
        {
            "certificate": certificate,
            "revoke_form": revoke_form or RevokeForm(prefix="revoke"),
            "reissue_form": reissue_form
            or ReissueForm(
                prefix="reissue",
                initial={"holder_name": certificate.holder_name, "title": certificate.title},
            ),
            "page_title": title,
            "page_subtitle": certificate.code,
            "header_title": f"{title}: {certificate.code}",
            "header_icon": "doc-full",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("certificate:index"), "label": _("Certificates")},
                {"url": "", "label": f"{title}: {certificate.code}"},
            ],
        },
    )


def _form_error(form, error: ValidationError) -> None:
    """Put a service's refusal on the form, on the field it names when the form has it."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _certificate(request, pk: int):
    return get_object_or_404(certificates_visible_to(user=request.user), pk=pk)


def manage(request, pk: int):
    if not may_manage(request.user):
        return permission_denied(request)
    return _render(request, _certificate(request, pk))


def revoke(request, pk: int):
    if not may_manage(request.user):
        return permission_denied(request)
    certificate = _certificate(request, pk)
    if request.method != "POST":
        return redirect("certificates_manage", pk=pk)
    form = RevokeForm(request.POST, prefix="revoke")
    if form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(
                request, _("Certificate %(code)s revoked.") % {"code": certificate.code}
            )
            return redirect("certificates_manage", pk=certificate.pk)
    return _render(request, certificate, revoke_form=form)


def reissue(request, pk: int):
    if not may_manage(request.user):
        return permission_denied(request)
    certificate = _certificate(request, pk)
    if request.method != "POST":
        return redirect("certificates_manage", pk=pk)
    form = ReissueForm(request.POST, prefix="reissue")
    if form.is_valid():
        try:
            new = certificate_reissue(
                certificate=certificate,
                by=request.user,
                holder_name=form.cleaned_data["holder_name"],
                title=form.cleaned_data["title"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Reissued with code %(code)s.") % {"code": new.code})
            return redirect("certificates_manage", pk=new.pk)
    return _render(request, certificate, reissue_form=form)
