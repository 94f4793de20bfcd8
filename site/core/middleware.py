"""Requests that carry a NUL byte are refused before anything reaches the database.

PostgreSQL cannot store or even compare text with a NUL character: a ``%00`` in a path
(``/attend/calendar/%00.ics``), a search box or a form field would end in a 500 deep inside
whichever view got it. One check at the edge answers all of them with a 400 and a page a
person understands, with the quick exit, on SQLite and PostgreSQL alike.

Cookies are not refused (a visitor could not get past a bad cookie, not even to quick exit):
a cookie with a NUL is dropped, as if the browser had not sent it.
"""

import copy

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils import translation

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
