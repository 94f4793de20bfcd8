"""Security headers Django 5.2 doesn't set itself: a Content-Security-Policy without
'unsafe-inline' and a Permissions-Policy that turns off what the site never uses."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "media-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
# Wagtail's admin still relies on inline styles and scripts; it is for signed-in staff
# with TOTP and never for the public, so it alone gets them.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = ("/admin/", "/django-admin/")

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith(self.admin_prefixes)
        response.headers.setdefault(
            "Content-Security-Policy", ADMIN_CSP if is_admin else PUBLIC_CSP
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that paths without a language prefix follow the
    visitor's choice (the language cookie, then Accept-Language) instead of always English.

    Pages are served per language with a prefix (/lt/, /ar/), English without one; account
    pages, My Linkage and the safety page have no prefix, and the language switcher's
    set_language form must still change their language.
    """

    def process_request(self, request):
        language = translation.get_language_from_request(request, check_path=True)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # A page asked for without a prefix in another language than English (/ with the
        # Arabic cookie) goes to its prefixed address (/ar/), where Wagtail serves it.
        language = translation.get_language()
        if (
            response.status_code == 404
            and language != settings.LANGUAGE_CODE
            and not translation.get_language_from_path(request.path_info)
        ):
            urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
            language_path = f"/{language}{request.path_info}"
            if is_valid_path(language_path, urlconf):
                script_prefix = get_script_prefix()
                redirect = self.response_redirect_class(
                    request.get_full_path().replace(script_prefix, f"{script_prefix}{language}/", 1)
                )
                patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
                return redirect
        return super().process_response(request, response)
