import logging
from contextlib import suppress
from http.cookies import CookieError

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from wagtail.models import Site

from .models import SafetySettings

logger = logging.getLogger(__name__)


def exit_url_for(request) -> str:
    site = Site.find_for_request(request)
    if site is None:
        return settings.LINKAGE_DEFAULT_EXIT_URL
    return SafetySettings.for_site(site).exit_url or settings.LINKAGE_DEFAULT_EXIT_URL


def _known_cookies() -> dict[str, tuple[str, str | None]]:
    """Every cookie this site may set, by name: (path, domain) to delete it with."""
    from allauth.mfa import app_settings as mfa_settings

    return {
        settings.SESSION_COOKIE_NAME: (
            settings.SESSION_COOKIE_PATH,
            settings.SESSION_COOKIE_DOMAIN,
        ),
        settings.CSRF_COOKIE_NAME: (settings.CSRF_COOKIE_PATH, settings.CSRF_COOKIE_DOMAIN),
        settings.LANGUAGE_COOKIE_NAME: (
            settings.LANGUAGE_COOKIE_PATH,
            settings.LANGUAGE_COOKIE_DOMAIN,
        ),
        CookieStorage.cookie_name: (settings.SESSION_COOKIE_PATH, settings.SESSION_COOKIE_DOMAIN),
        mfa_settings.TRUST_COOKIE_NAME: (
            mfa_settings.TRUST_COOKIE_PATH,
            mfa_settings.TRUST_COOKIE_DOMAIN,
        ),
    }


@csrf_exempt  # leaving must never fail on a missing token; it only ends the session
@never_cache
def quick_exit(request):
    """End the server session at once and go to the neutral site.

    The button's script empties localStorage and sessionStorage, then calls this with
    location.replace(); without JavaScript the link lands here too. Every cookie goes: the
    known ones (session, CSRF, language, messages, MFA trust) and any other the browser sent.
    Clear-Site-Data asks the browser to drop this site's cache, cookies and storage, so the
    back button cannot bring the page back from the cache.
    """
    target = exit_url_for(request)
    logout(request)
    request.session.flush()
    response = HttpResponseRedirect(target)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    response["Cache-Control"] = "no-store"
    cookies = {name: ("/", None) for name in request.COOKIES}
    cookies.update(_known_cookies())
    for name, (path, domain) in cookies.items():
        # A name Set-Cookie cannot carry is skipped; Clear-Site-Data still asks for it to go.
        with suppress(CookieError):
            response.delete_cookie(name, path=path, domain=domain)
    return response


def _check(name: str, probe) -> tuple[str, bool]:
    try:
        probe()
    except Exception:
        logger.exception("health check %s failed", name)
        return name, False
    return name, True


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    cache.set("health:probe", "ok", 10)
    if cache.get("health:probe") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _broker() -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER and not settings.CELERY_BROKER_URL:
        return  # no broker configured: tasks run in-process
    from config.celery_app import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


@never_cache
def health(request):
    checks = dict(
        _check(name, probe)
        for name, probe in (
            ("database", _database),
            ("cache", _cache),
            ("broker", _broker),
        )
    )
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )


def safety(request):
    """What quick exit does and does not erase, how to browse more safely, and helplines."""
    return render(request, "home/safety.html")
