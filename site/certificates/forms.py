"""Forms for the only two changes a certificate allows: revoke it, or reissue it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Certificate


def _field_max(name: str) -> int:
    return Certificate._meta.get_field(name).max_length


def no_nul(value: str) -> None:
    if "\x00" in (value or ""):
        raise ValidationError(
            _("This text contains an invisible control character (NUL). Type it again."),
            code="null_characters_not_allowed",
        )


def _text(label, name: str, **kwargs) -> forms.CharField:
    field = forms.CharField(label=label, max_length=_field_max(name), **kwargs)
    # Our message replaces Django's terse "Null characters are not allowed."
    field.validators = [v for v in field.validators if v.code != "null_characters_not_allowed"]
    field.validators.append(no_nul)
    return field


class RevokeForm(forms.Form):
    reason = _text(
        _("Reason for revoking"),
        "revoked_reason",
        error_messages={"required": _("Say why the certificate is revoked.")},
        help_text=_("Kept in the certificate's history. The holder does not see it."),
    )


class ReissueForm(forms.Form):
    holder_name = _text(
        _("Name on the new certificate"),
        "holder_name",
        error_messages={"required": _("Give the name to print on the new certificate.")},
    )
    title = _text(
        _("What it certifies"),
        "title",
        error_messages={"required": _("Say what the new certificate certifies.")},
    )
    reason = _text(
        _("Reason for reissuing"),
        "revoked_reason",
        error_messages={"required": _("Say why the certificate is reissued.")},
        help_text=_("Kept in the certificate's history."),
    )
