"""Error pages. Each one offers the quick exit (400, 403 and 404 through base.html; 500 has its
own copy, as it must render without the database)."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation


def _render(request, template_name: str, status: int, context: dict | None = None):
    try:
        request.get_host()
    except DisallowedHost:
        # A forged Host header: the chrome (site root, menus) would ask for it again and fail.
        body = loader.get_template(template_name).render(context or {})
        return HttpResponse(body, status=status)
    return render(request, template_name, context, status=status)


def bad_request(request, exception=None):
    return _render(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _render(request, "403.html", 403)


def csrf_failure(request, reason: str = ""):
    """A form sent without its security token (cookies blocked, or a page left open too long)."""
    return _render(request, "403.html", 403, {"csrf_failed": True})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: context processors would touch the session and the database,
    # which may be what failed. The language is already active (LocaleMiddleware): the page
    # says so, and runs right to left in Arabic and Persian.
    context = {
        "LANGUAGE_CODE": translation.get_language() or settings.LANGUAGE_CODE,
        "LANGUAGE_BIDI": translation.get_language_bidi(),
    }
    return HttpResponseServerError(loader.get_template("500.html").render(context))
