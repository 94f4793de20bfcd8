"""Security headers Django 5.2 doesn't set itself: a Content-Security-Policy without
'unsafe-inline' and a Permissions-Policy that turns off what the site never uses."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import iri_to_uri

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

    A page address that is not found in the visitor's language leads to the same page in
    that language when there is one: /events/ with the Lithuanian cookie, or an old
    /lt/events/ after the Lithuanian listing got its own slug, both go to /lt/renginiai/.
    Every page exists in every synchronised language (``core.locales``), so this never
    leads to a "not found"; anything else stays a 404 rather than a redirect to one.
    """

    def process_request(self, request):
        language = translation.get_language_from_request(request, check_path=True)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # Only a GET or HEAD is sent on (a redirected POST would lose its form).
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            target = self._same_page_in_language(request)
            if target is not None:
                redirect = self.response_redirect_class(target)
                patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
                return redirect
        return super().process_response(request, response)

    def _same_page_in_language(self, request) -> str | None:
        """Where the visitor meant to go, in the active language, or None."""
        language = translation.get_language()
        if language == settings.LANGUAGE_CODE:
            return None
        path = request.path_info
        prefixed = translation.get_language_from_path(path)
        if prefixed:
            path = path[len(prefixed) + 1 :]  # "/lt/events/" -> "/events/"
        target = page_url_in_language(request, path, language)
        if target is None and not prefixed:
            # Not a page: another address that has a prefixed form (/_util/login/).
            urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
            language_path = f"/{language}{path}"
            if is_valid_path(language_path, urlconf) and not _is_page_route(language_path, urlconf):
                target = f"{get_script_prefix().rstrip('/')}{language_path}"
        if target is None:
            return None
        if request.META.get("QUERY_STRING"):
            target = f"{target}?{request.META['QUERY_STRING']}"
        # Compared percent-encoded: a Unicode slug against the encoded request path would
        # otherwise never match, and a page that answers 404 would redirect to itself.
        return None if iri_to_uri(target) == iri_to_uri(request.get_full_path()) else target


def _is_page_route(path: str, urlconf) -> bool:
    from django.urls import resolve

    return resolve(path, urlconf).url_name == "wagtail_serve"


def page_url_in_language(request, path: str, language: str) -> str | None:
    """The address of the page at ``path`` in the default language's tree (and of the route
    below it, for a routable page: /events/2026/12/), in ``language``: its translation or
    alias (or, in a language without a home page, the default language's page at the
    language's prefix, where Wagtail serves it). None when there is no such page or no
    live version of it in that language."""
    from django.http import Http404

    from wagtail.models import Locale, Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page.specific
    components = [component for component in path.split("/") if component]
    try:
        found = root.route(request, components)
    except Http404:
        return None
    page = found[0]  # a RouteResult: (page, args, kwargs)
    locale = Locale.objects.filter(language_code=language).first()
    version = page.get_translation_or_none(locale) if locale else None
    if version is None or not version.live:
        if locale is None or not root.get_translations().filter(locale=locale, live=True).exists():
            # A language without a home page of its own: Wagtail serves the default
            # language's pages at its prefixed addresses.
            return f"{get_script_prefix().rstrip('/')}/{language}{path}"
        return None
    url = version.get_url(request)
    if not url:
        return None
    own = [c for c in page.url_path[len(root.url_path) :].split("/") if c]
    rest = components[len(own) :] if components[: len(own)] == own else []
    if rest:
        url = f"{url.rstrip('/')}/{'/'.join(rest)}/"
    return url
