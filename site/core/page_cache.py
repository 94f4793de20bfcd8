"""Full pages for anonymous visitors, served from Django's cache before the rest of the
middleware stack runs.

A campaign link shared on 25 November brings thousands of visitors who all get the same
page. ``PageCacheMiddleware`` sits right after the security headers and WhiteNoise in
``MIDDLEWARE``: a page already in the cache is answered there, without sessions, locale
resolution, CSRF, authentication, messages, URL resolution, Wagtail's routing or a single
database query. Everything else goes down the stack as before, and what comes back is kept
only when it is the same for every anonymous visitor:

- the request: GET (or HEAD, answered from a GET's entry), no session cookie, not an
  account, admin or personal address, no query string other than tracking parameters
  (``utm_*``, ``fbclid``…, which are dropped before the page sees them);
- the response: 200 or a redirect, not streamed, not too big, for an anonymous user, no
  cookie set, the CSRF token never asked for, no ``Cache-Control: private``/``no-store``/
  ``no-cache`` (``never_cache``), a public content type.

The key is the scheme, host, path and the language the request would be answered in (the
language prefix, else the language cookie, else Accept-Language: what
``home.middleware.LocaleMiddleware`` activates), so a Lithuanian visitor on an unprefixed
address is never given the English page, nor the English visitor her redirect.

Invalidation is a generation number kept in the same cache: ``invalidate()`` raises it,
and an entry stored under an older generation is never served again (it is overwritten
or expires). The generation travels inside each entry, so a lookup is one round trip
(``get_many``), and a page rendered while an editor published is stored under the
generation it was rendered in, which the publish has already left behind.

Each worker keeps a copy of the entries it served and of the generation (the
``page_cache_local`` cache, Django's local-memory backend) and, for
GENERATION_CHECK_SECONDS, answers from memory without a round trip to Redis: a publish
reaches every worker within a second (the publishing process at once).

Signals wired in ``core.apps`` call ``invalidate()`` for pages (published, unpublished,
moved, deleted), images, documents, collections, settings, locales, redirects, sites and
view restrictions; feature apps call it for their own data (events: venues and dates;
campaigns: pledge totals).

A view may shorten its page's life with ``cache_for(response, seconds)`` (a campaign page
until the next midnight in the campaign's zone). A cache that fails (Redis down) is
logged and the page is served uncached.
"""

import logging
import time
from functools import cache as memoize
from hashlib import sha256
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path, get_language_from_request

logger = logging.getLogger(__name__)

CACHE_ALIAS = "default"
# Each worker's own copy (Django's local-memory backend) in front of the shared cache: a hit
# then needs no round trip to Redis. Optional: without this alias in CACHES, every lookup
# asks the shared cache.
LOCAL_ALIAS = "page_cache_local"
# How long a worker trusts the generation number it last read: another process's
# invalidate() reaches every worker within this time (this process's own, at once).
GENERATION_CHECK_SECONDS = 1.0
GENERATION_KEY = "page_cache:generation"
KEY_PREFIX = "page_cache:page:"
# The header that tells a bench, a test or an operator what happened. It says nothing
# about who asked: only whether this address was answered from the cache.
STATUS_HEADER = "X-Cache"
# Pages bigger than this are rendered for each visitor rather than filling the cache.
MAX_BYTES = 1024 * 1024
# Addresses that are personal, administrative or have side effects, with or without a
# language prefix: never looked up nor stored, whatever their responses say.
SKIPPED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/cms/",
    "/accounts/",
    "/my/",
    "/documents/",
    "/exit/",
    "/health/",
    "/i18n/",
    "/_util/",
)
# Parameters that trackers add to shared links (a Facebook click adds a new fbclid each
# time): the page is the same without them.
TRACKING_PREFIXES = ("utm_", "mc_")
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "igshid", "twclid", "yclid"}
)
PUBLIC_TYPES = ("text/", "image/")
PUBLIC_APPLICATION_TYPES = frozenset(
    {
        "application/json",
        "application/javascript",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/pdf",
    }
)
# Pages, and redirects: a Lithuanian browser following an English link is sent on to the
# Lithuanian page, an answer LocaleMiddleware only finds after rendering a 404.
CACHEABLE_STATUSES = frozenset({200, 301, 302, 307, 308})
REFUSING_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})
# Headers a cached copy must not repeat: the server, Django or this module set them anew.
NOT_STORED_HEADERS = frozenset({"date", "set-cookie", STATUS_HEADER.lower()})
_LIFETIME_ATTRIBUTE = "_page_cache_seconds"
_WARNING_INTERVAL = 60.0
_last_warning = 0.0


def page_cache_seconds() -> int:
    return int(getattr(settings, "LINKAGE_PAGE_CACHE_SECONDS", 0) or 0)


def cache_for(response: HttpResponse, seconds: float) -> HttpResponse:
    """Keep ``response`` in the page cache ``seconds`` at most (never, for 0 or less).
    Several calls keep the shortest. Returns the response."""
    current = getattr(response, _LIFETIME_ATTRIBUTE, None)
    seconds = int(seconds)
    setattr(response, _LIFETIME_ATTRIBUTE, seconds if current is None else min(current, seconds))
    return response


def invalidate() -> None:
    """Every cached page is stale from now on; and again after the current transaction
    commits, so a page another request renders from the rows as they were before the
    commit is not kept either."""
    _bump()
    if connection.in_atomic_block:
        transaction.on_commit(_bump)


def _local():
    return caches[LOCAL_ALIAS] if LOCAL_ALIAS in settings.CACHES else None


def _bump() -> None:
    local = _local()
    if local is not None:
        local.delete(GENERATION_KEY)
    store = caches[CACHE_ALIAS]
    try:
        try:
            store.incr(GENERATION_KEY)
        except ValueError:  # never set, or evicted: a value no entry can carry
            store.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception as error:
        _warn("could not invalidate", error)


def _warn(what: str, error: Exception) -> None:
    """One line a minute at most: a Redis outage must not flood the log."""
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= _WARNING_INTERVAL:
        _last_warning = now
        logger.warning("Page cache unavailable (%s): %r; serving pages uncached.", what, error)


# --- The request ----------------------------------------------------------------------


def _is_tracking(name: str) -> bool:
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def _eligible(request: HttpRequest, path_language: str | None) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    path = request.path_info
    if path_language:
        path = path[len(path_language) + 1 :]  # "/lt/accounts/" -> "/accounts/"
    if path.startswith(SKIPPED_PREFIXES):
        return False
    query = request.META.get("QUERY_STRING", "")
    return not query or all(
        _is_tracking(name) for name, _value in parse_qsl(query, keep_blank_values=True)
    )


def _drop_tracking(request: HttpRequest) -> None:
    """The page is rendered as if the tracking parameters were not there, so what is stored
    never repeats one visitor's click identifier to the next (the language switcher's
    ``next``, canonical links)."""
    if request.META.get("QUERY_STRING"):
        request.META["QUERY_STRING"] = ""
        request.GET = QueryDict()


def _key(request: HttpRequest, path_language: str | None) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the stack answers it (400)
    # What LocaleMiddleware activates: get_language_from_request(request, check_path=True).
    language = path_language or get_language_from_request(request)
    raw = "|".join((request.scheme, host, request.path, language))
    return KEY_PREFIX + sha256(raw.encode()).hexdigest()


# --- The response ---------------------------------------------------------------------


def _cache_control(response: HttpResponse) -> dict[str, str | None]:
    directives = {}
    for part in cc_delim_re.split(response.get("Cache-Control", "")):
        name, _sep, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value.strip('"') or None
    return directives


def _public_type(response: HttpResponse) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type.startswith(PUBLIC_TYPES) or content_type in PUBLIC_APPLICATION_TYPES


def _lifetime(request: HttpRequest, response: HttpResponse, seconds: int) -> int:
    """How long ``response`` may be kept (0: not at all)."""
    if response.status_code not in CACHEABLE_STATUSES or response.streaming or response.cookies:
        return 0
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return 0
    # The token is per visitor: a page that asked for it (a form with {% csrf_token %}) is
    # not anyone else's. CsrfViewMiddleware leaves this key once the token was handed out.
    if "CSRF_COOKIE_NEEDS_UPDATE" in request.META or "CSRF_COOKIE_USED" in request.META:
        return 0
    if not _public_type(response) or len(response.content) > MAX_BYTES:
        return 0
    directives = _cache_control(response)
    if REFUSING_DIRECTIVES & directives.keys():
        return 0
    limits = [seconds]
    own = getattr(response, _LIFETIME_ATTRIBUTE, None)
    if own is not None:
        limits.append(own)
    for name in ("s-maxage", "max-age"):
        if directives.get(name, "").isdigit():
            limits.append(int(directives[name]))
            break
    return max(min(limits), 0)


def _entry(generation: int, response: HttpResponse, timeout: int) -> tuple:
    """(generation, expiry time, a copy of the response): the cache pickles it, and each
    hit unpickles a response of its own, its headers ready (as Django's CacheMiddleware
    keeps responses)."""
    copy = HttpResponse(response.content, status=response.status_code)
    for name, value in response.headers.items():
        if name.lower() not in NOT_STORED_HEADERS:
            copy.headers[name] = value
    # As CommonMiddleware sets it: without it the server would send the page in chunks.
    copy.headers["Content-Length"] = str(len(response.content))
    return (generation, time.time() + timeout, copy)


def _fresh(entry, generation) -> bool:
    return entry is not None and entry[0] == generation and entry[1] > time.time()


def _keep_locally(local, key: str, entry: tuple) -> None:
    """A copy in this worker, for as long as the entry lives."""
    if local is not None:
        timeout = entry[1] - time.time()
        if timeout > 0:
            local.set(key, entry, timeout=timeout)


def _lookup(store, local, key: str) -> tuple[int | None, tuple | None]:
    """(the current generation, the entry for ``key`` if it is fresh). Raises whatever the
    shared cache raises."""
    generation = local.get(GENERATION_KEY) if local is not None else None
    if generation is not None:  # read less than GENERATION_CHECK_SECONDS ago
        entry = local.get(key)
        if _fresh(entry, generation):
            return generation, entry
        entry = store.get(key)
    else:
        values = store.get_many([GENERATION_KEY, key])
        generation = values.get(GENERATION_KEY)
        if generation is None:  # never set, or evicted: a value no entry can carry
            store.add(GENERATION_KEY, time.time_ns(), timeout=None)
            generation = store.get(GENERATION_KEY)
        if local is not None and generation is not None:
            local.set(GENERATION_KEY, generation, timeout=GENERATION_CHECK_SECONDS)
        entry = values.get(key)
    if not _fresh(entry, generation):
        return generation, None
    _keep_locally(local, key, entry)
    return generation, entry


class PageCacheMiddleware:
    """Place after SecurityMiddleware, the security headers and WhiteNoise, before
    anything that reads the session, the language or the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        if seconds <= 0:
            return self.get_response(request)
        path_language = get_language_from_path(request.path_info)
        if not _eligible(request, path_language):
            return self.get_response(request)
        key = _key(request, path_language)
        if key is None:
            return self.get_response(request)
        store, local = caches[CACHE_ALIAS], _local()
        try:
            generation, entry = _lookup(store, local, key)
        except Exception as error:
            _warn("read", error)
            return self.get_response(request)
        if entry is not None:
            response = entry[2]
            response[STATUS_HEADER] = "hit"
            return response
        _drop_tracking(request)
        response = self.get_response(request)
        if request.method == "GET" and generation is not None:
            self._store(store, local, key, generation, request, response, seconds)
        response[STATUS_HEADER] = "miss"
        return response

    @staticmethod
    def _store(store, local, key, generation, request, response, seconds) -> None:
        timeout = _lifetime(request, response, seconds)
        if timeout <= 0:
            return
        entry = _entry(generation, response, timeout)
        try:
            store.set(key, entry, timeout=timeout)
        except Exception as error:
            _warn("write", error)
            return
        _keep_locally(local, key, entry)


# --- What makes pages stale -----------------------------------------------------------


# Models of other apps whose rows public pages show ("app_label.ModelName"), registered by
# those apps (core imports none of them): saving or deleting one makes every page fresh.
_SHOWN_ELSEWHERE: set[str] = set()


def shown_on_pages_register(*labels: str) -> None:
    """A feature app's rows that public pages show outside a page's own publish (a course's
    cohort dates, a programme's or organisation's name, regions in filters)."""
    _SHOWN_ELSEWHERE.update(labels)
    _shown_on_pages.cache_clear()


@memoize
def _shown_on_pages(model: type) -> str:
    """How rows of ``model`` change what public pages show: "always" (saved or deleted:
    locales, sites, redirects, view restrictions, site settings' inline rows such as the
    helplines), "changed" (edited or deleted, not when created: a new image, document or
    collection is on no page until a page using it is published, and settings rows are
    created with their defaults by the first page that reads them), or "" (not at all).
    Pages themselves are handled by the publish, unpublish, move and delete signals."""
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Collection, Locale, Site

    settings_models = (BaseSiteSetting, BaseGenericSetting)
    if model._meta.label in _SHOWN_ELSEWHERE:
        return "always"
    if issubclass(model, (Locale, Site, Redirect, BaseViewRestriction)):
        return "always"
    if issubclass(model, (AbstractImage, AbstractDocument, Collection, *settings_models)):
        return "changed"
    # A setting's inline rows; a page's inline rows change with its publish.
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey) and issubclass(field.related_model, settings_models):
            return "always"
    return ""


def _on_page_change(sender, **kwargs) -> None:
    invalidate()


def _on_save(sender, instance=None, created=False, raw=False, **kwargs) -> None:
    if raw:  # loaddata
        return
    shown = _shown_on_pages(type(instance))
    if shown == "always" or (shown == "changed" and not created):
        invalidate()


def _on_delete(sender, instance=None, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page) or _shown_on_pages(type(instance)):
        invalidate()


def signals_connect() -> None:
    """Called once from ``CoreConfig.ready``."""
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_on_page_change, dispatch_uid="core.page_cache.published")
    page_unpublished.connect(_on_page_change, dispatch_uid="core.page_cache.unpublished")
    post_page_move.connect(_on_page_change, dispatch_uid="core.page_cache.moved")
    post_save.connect(_on_save, dispatch_uid="core.page_cache.saved")
    post_delete.connect(_on_delete, dispatch_uid="core.page_cache.deleted")
