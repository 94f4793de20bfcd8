"""Requests that carry a NUL byte are refused before anything reaches the database; and
under DEBUG, errors still answer with the site's own pages (``FriendlyErrorsMiddleware``).

NUL bytes: PostgreSQL cannot store or even compare text with a NUL character: a ``%00`` in a path
(``/attend/calendar/%00.ics``), a search box or a form field would end in a 500 deep inside
whichever view got it. One check at the edge answers all of them with a 400 and a page a
person understands, with the quick exit, on SQLite and PostgreSQL alike.

Cookies are not refused (a visitor could not get past a bad cookie, not even to quick exit):
a cookie with a NUL is dropped, as if the browser had not sent it.
"""

import copy
import logging

from django.conf import settings
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.urls import Resolver404, get_resolver, resolve
from django.utils import translation
from django.utils.log import log_response

logger = logging.getLogger(__name__)

NUL = "\x00"
FORM_CONTENT_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def request_has_nul(request: HttpRequest) -> bool:
    """True if the path, the query string or a form field (not a file's contents) has a NUL.

    Raises ``MultiPartParserError`` for a form body that cannot be read at all.
    """
    if NUL in request.path or NUL in request.path_info or _has_nul(request.GET):
        return True
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        return _has_nul(request.POST) or any(NUL in name for name in request.FILES)
    return False


def bad_request_response(request: HttpRequest):
    """The friendly 400 page, rendered for a copy of the request without the offending path,
    query and form, so nothing of them is echoed back (the language switcher's ``next``)."""
    clean = copy.copy(request)
    clean.path = clean.path_info = "/"
    clean.META = {**request.META, "PATH_INFO": "/", "QUERY_STRING": ""}
    clean.GET = QueryDict()
    clean.POST = QueryDict()
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        response = render(clean, "400.html", status=400)
    # Answered before XFrameOptionsMiddleware runs: no page of ours may be framed.
    response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
    return response


class RefuseNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.COOKIES = {
            name: value
            for name, value in request.COOKIES.items()
            if NUL not in name and NUL not in value
        }
        try:
            refused = request_has_nul(request)
        except MultiPartParserError:
            refused = True
        if refused:
            return bad_request_response(request)
        return self.get_response(request)


class FriendlyErrorsMiddleware:
    """Our own 404 and 500 pages, quick exit included, under ``DEBUG`` too (``make run``).

    Django answers errors with its technical pages when ``DEBUG`` is on: no quick exit, in
    English, with the settings on show. With ``LINKAGE_FRIENDLY_ERRORS`` (on unless the
    environment turns it off, for a developer who wants the debug page) the site's own error
    handlers (``handler404`` and the rest in the URLconf) answer instead, in every mode, and
    the traceback still goes to the log (the ``django.request`` logger, as Django logs it).
    Without ``DEBUG`` this does nothing: Django calls the same handlers itself.

    Last in ``MIDDLEWARE``: its ``process_exception`` runs first, and what it returns still
    passes through the others (Wagtail's redirects see the 404).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def enabled() -> bool:
        return settings.DEBUG and getattr(settings, "LINKAGE_FRIENDLY_ERRORS", True)

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and self.enabled() and _unresolved(request):
            # No URL pattern matched: Django answered before any view ran.
            friendly = self._page(request, 404, Http404(request.path))
            return friendly or response
        return response

    def process_exception(self, request, exception):
        if not self.enabled():
            return None
        if isinstance(exception, Http404):
            return self._page(request, 404, exception)
        if isinstance(exception, PermissionDenied):
            return None  # Django shows handler403 in every mode
        if isinstance(exception, BadRequest | SuspiciousOperation):
            response = self._page(request, 400, exception)
            if response is not None:
                log_response(
                    "%s: %s", str(exception), request.path,
                    response=response, request=request, exception=exception,
                )  # fmt: skip
            return response
        signals.got_request_exception.send(sender=None, request=request)
        response = self._page(request, 500, exception)
        if response is not None:
            log_response(
                "%s: %s", "Internal Server Error", request.path,
                response=response, request=request, exception=exception,
            )  # fmt: skip
        return response

    @staticmethod
    def _page(request, status: int, exception: Exception):
        """The URLconf's handler for ``status``; if even that fails, the 500 handler (which
        needs no database); if that fails too, None: Django's own page, as without us."""
        resolver = get_resolver(getattr(request, "urlconf", None))
        try:
            handler = resolver.resolve_error_handler(status)
            if status == 500:
                return handler(request)
            return handler(request, exception=exception)
        except Exception:
            logger.exception("The %s page failed; showing the 500 page", status)
        if status == 500:
            return None
        try:
            return resolver.resolve_error_handler(500)(request)
        except Exception:
            logger.exception("The 500 page failed")
            return None


def _unresolved(request) -> bool:
    try:
        resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return True
    return False
