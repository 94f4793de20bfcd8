"""Organisers and admins must protect their accounts with TOTP before doing anything else."""

from functools import cache

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
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
    "wagtailadmin_logout",
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


class AdminGateMiddleware:
    """Signed-in people without admin access get a 403 page at the Wagtail admin.

    Wagtail would send them to the log-in page, which is allauth's: allauth sends a signed-in
    person straight back to ``next``, the admin, and the two would redirect to each other for
    ever. Visitors who are not signed in still go to the log-in page; Wagtail's log-out works.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(_admin_prefix())
            and not request.path.startswith(_admin_open_paths())
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            raise PermissionDenied
        if (
            user is not None
            and not user.is_superuser
            and request.path.startswith(_admin_superuser_paths())
        ):
            raise PermissionDenied
        if (
            user is not None
            and user.is_authenticated
            and not user.is_superuser
            and _translation_refused(request, user)
        ):
            raise PermissionDenied
        return self.get_response(request)


# wagtail-localize's views that start or update translations of one page check only the
# site-wide "submit translation" right: an organiser may use them for the pages her
# programme's group may edit, not for another programme's.
_TRANSLATION_VIEWS = {
    "wagtail_localize:submit_page_translation": "page",
    "wagtail_localize:update_translations": "source",
    # No snippet is translatable today; if one becomes so, only admins translate it until
    # its own rule is written.
    "wagtail_localize:submit_snippet_translation": "snippet",
}


def _translation_refused(request, user) -> bool:
    from django.urls import Resolver404, resolve

    from wagtail.models import Page

    if not request.path.startswith(_admin_prefix()):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    kind = _TRANSLATION_VIEWS.get(match.view_name)
    if kind is None:
        return False
    object_id = next(iter(match.args), None) or next(iter(match.kwargs.values()), None)
    if kind == "snippet":
        return True
    if kind == "page":
        page = Page.objects.filter(pk=object_id).first()
    else:
        from wagtail_localize.models import TranslationSource

        source = TranslationSource.objects.filter(pk=object_id).first()
        instance = source.get_source_instance() if source is not None else None
        page = instance if isinstance(instance, Page) else None
        if source is not None and page is None:
            return False  # a snippet's translations: the snippet's own permissions apply
    if page is None:
        return False  # wagtail-localize answers 404 itself
    page = Page.objects.get(pk=page.alias_of_id) if page.alias_of_id else page
    return not page.permissions_for_user(user).can_edit()


@cache
def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


@cache
def _admin_superuser_paths() -> tuple[str, ...]:
    """Admin pages for admins only. Wagtail's site history lists the log entries of every
    kind of record a user holds any permission on, whoever's they are: for an organiser,
    other programmes' certificate codes, cohorts and organisers' names. Each page's own
    history stays, under Wagtail's page permissions."""
    return (
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:site_history_results"),
        # wagtail-localize's report lists every programme's translations, unchecked.
        reverse("wagtail_localize:translations_report"),
        reverse("wagtail_localize:translations_report_results"),
    )


@cache
def _admin_open_paths() -> tuple[str, ...]:
    prefix = _admin_prefix()
    return (reverse("wagtailadmin_logout"), f"{prefix}login/", f"{prefix}password_reset/")
