"""Responses of the event pages' routes (``EventIndexPage`` and ``EventPage``): the
listing and month view, the public feed, the event page and its download.

Page models call these, so the models never import ``events.views``; the data comes from
``events.selectors`` and the calendar files from ``events.ical``.
"""

import hashlib
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _

from wagtail.models import Page, PageViewRestriction

from . import selectors, services
from .forms import EventFilterForm, RegistrationForm
from .ical import calendar_domain, calendar_for, event_ics

# Feeds keep recent past events, so a calendar does not lose what just happened.
FEED_PAST_DAYS = 180
FEED_CACHE_SECONDS = 60 * 60
# A shared proxy may keep the public feed but must ask again before each use: a venue
# that became confidential must not be served from a proxy. Unchanged, the answer is a
# bodiless 304 (the ETag is the cache key, which holds the feed version).
PUBLIC_FEED_CACHE_CONTROL = "public, no-cache"


def ics_response(data: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    # A download may hold a confirmed person's online link and address: never shared.
    response["Cache-Control"] = "private, max-age=300" if download else PUBLIC_FEED_CACHE_CONTROL
    return response


def route_to_event(index, request, path_components):
    """The route to an event below the listing (directly, or below a programme's section:
    /events/<programme>/<event>/) in one query, its venue, original page and seat count
    included (Wagtail's routing takes two or three, and the page's context more), or None
    for the listing's own routes and any other child."""
    if not path_components:
        return None
    if index.live:
        try:
            index.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            pass
        else:
            return None
    found = selectors.event_for_route(index=index, path_components=path_components)
    if found is None:
        return None
    child, remaining = found
    if child.depth == index.depth + 1:
        child._cached_parent_obj = index  # as Wagtail's routing does: get_parent() is free
    # The page's "Events" link leads to the listing, whichever section holds the event.
    child.events_listing = index
    return child.route(request, remaining)


def event_index(request, index, *, view: str, year: int = 0, month: int = 0):
    form = EventFilterForm(request.GET or None)
    filters = form.filters()
    query = form.query_string()
    if view == "month" and not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    context = {
        "page": index,
        "self": index,
        "filter_form": form,
        "filtered": bool(filters),
        "query": query,
        "feed_url": index.url + index.reverse_subpage("feed") + (f"?{query}" if query else ""),
        "view": view,
        **selectors.event_index_context(
            index=index,
            filters=filters,
            view=view,
            page_number=request.GET.get("page"),
            year=year,
            month=month,
            # "Today" on the month view is the visitor's own when her profile names a zone.
            person=request.user if request.user.is_authenticated else None,
        ),
    }
    return TemplateResponse(request, "events/event_index_page.html", context)


def public_feed(request, index):
    """A subscribable feed: all upcoming and recent events under the index, or those of a
    filter (the listing's query string). Built once per version of the events (see
    ``selectors.events_version``), language, filter and day; revalidated by ETag."""
    form = EventFilterForm(request.GET or None)
    domain = calendar_domain()
    parts = (
        index.pk,
        translation.get_language(),
        form.query_string(),
        selectors.events_version(),
        timezone.localdate(),
        domain,
    )
    key = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()
    etag = f'"{key[:32]}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        not_modified["Cache-Control"] = PUBLIC_FEED_CACHE_CONTROL
        not_modified["ETag"] = etag
        return not_modified
    data = cache.get("events:feed:" + key)
    if data is None:
        since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
        events = selectors.public_feed_events(index=index, filters=form.filters(), since=since)
        facts = selectors.calendar_facts(events=events)
        title = _("Linkage events") + f" – {index.title}"
        data = calendar_for(events, domain=domain, name=title, **facts)
        cache.set("events:feed:" + key, data, FEED_CACHE_SECONDS)
    response = ics_response(data, "linkage-events.ics", download=False)
    response["ETag"] = etag
    return response


def event_detail(request, page, *, form=None, status: int = 200):
    """The event page; ``form`` is a registration form sent back with its errors."""
    context = selectors.event_page_context(page=page, person=request.user)
    is_open, why_closed = services.registration_is_open(event=page)
    if (
        form is None
        and is_open
        and context["registration"] is None
        and request.user.is_authenticated
    ):
        form = RegistrationForm(questions=page.question_list)
    context.update(registration_open=is_open, registration_closed_reason=why_closed, form=form)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def event_download(request, page):
    """The event as a file to import. A confirmed registrant's carries their online link
    and the confidential address; everyone else's not."""
    person = request.user if request.user.is_authenticated else None
    facts = selectors.calendar_facts(events=[page], person=person)
    data = event_ics(
        page,
        domain=calendar_domain(),
        sequence=facts["sequences"].get(page.translation_key),
        confirmed=page.translation_key in facts["confirmed"],
    )
    return ics_response(data, f"{page.slug}.ics", download=True)


def view_restrictions(page):
    """The view restrictions of ``page`` and its ancestors, an alias's those of its source:
    what ``Page.get_view_restrictions`` gives, in one query instead of two."""
    steplen = page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    pages = Page.objects.filter(path__in=paths)
    return PageViewRestriction.objects.filter(
        Q(page__in=pages.filter(alias_of__isnull=True).values("pk"))
        | Q(page__in=pages.filter(alias_of__isnull=False).values("alias_of_id"))
    )
