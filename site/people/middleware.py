"""Organisers and admins must protect their accounts with TOTP before doing anything else."""

from functools import cache

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import needs_two_factor

# Paths a person without TOTP may still reach: setting it up, signing out, leaving.
_ALLOWED_PREFIXES = ("/static/", "/media/", "/health/")
_ALLOWED_URL_NAMES = (
    "mfa_index",
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "account_login",
    "home:quick_exit",
    "home:safety",
    "set_language",
)


def has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.LINKAGE_REQUIRE_MFA_FOR_STAFF
            and user is not None
            and user.is_authenticated
            and not self._allowed(request.path)
            and needs_two_factor(user)
            and not has_totp(user)
        ):
            messages.warning(
                request,
                _("Organisers and administrators must set up two-factor authentication first."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        return path.startswith(_ALLOWED_PREFIXES) or path in _allowed_paths()


@cache
def _allowed_paths() -> frozenset[str]:
    return frozenset(reverse(name) for name in _ALLOWED_URL_NAMES)
