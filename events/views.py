"""The public side of events: listing, month view, event pages, registration, calendars.

Pages are served by Wagtail (their routes call the functions here); registration actions
and the private feed live at /attend/ (``events.urls``).
"""

import hashlib
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.dashboard import Panel

from . import selectors, services
from .forms import EventFilterForm, RegistrationForm
from .ical import calendar_domain, calendar_for
from .ical import event_ics as event_ics_bytes
from .models import CalendarToken, EventPage, Registration

PER_PAGE = 24
# Feeds keep recent past events, so a calendar does not lose what just happened.
FEED_PAST_DAYS = 180
FEED_CACHE_SECONDS = 60 * 60


def _domain() -> str:
    return calendar_domain()


def _ics_response(data: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300" if download else "public, max-age=900"
    return response


def event_index(request, index, *, view: str, year: int | None = None, month: int | None = None):
    form = EventFilterForm(request.GET or None)
    filters = form.filters()
    query = form.query_string()
    feed_url = index.url + index.reverse_subpage("feed") + (f"?{query}" if query else "")
    context = {
        "page": index,
        "self": index,
        "filter_form": form,
        "filtered": bool(filters),
        "query": query,
        "feed_url": feed_url,
        "view": view,
    }
    today = timezone.localdate()
    if view == "month":
        if not (1 <= month <= 12 and 2000 <= year <= 2100):
            raise Http404
        tz = timezone.get_current_timezone()
        qs = selectors.events_in_month(
            qs=selectors.events_filtered(index=index, past=True, **_without_past(filters)),
            year=year,
            month=month,
            tz=tz,
        )
        first = date(year, month, 1)
        previous = date(year - 1, 12, 1) if month == 1 else date(year, month - 1, 1)
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        weeks = selectors.month_grid(events=list(qs), year=year, month=month, tz=tz)
        context.update(
            month=first,
            weeks=weeks,
            has_entries=any(day["entries"] for week in weeks for day in week if day["in_month"]),
            previous_url=index.url
            + index.reverse_subpage("month", args=[previous.year, previous.month]),
            next_url=index.url
            + index.reverse_subpage("month", args=[following.year, following.month]),
            today=today,
        )
    else:
        paginator = Paginator(selectors.events_filtered(index=index, **filters), PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        now = timezone.now()
        entries = [
            {"event": event, "next": selectors.next_occurrence(event, now=now)}
            for event in page_obj.object_list
        ]
        context.update(
            page_obj=page_obj,
            entries=entries,
            month_url=index.url + index.reverse_subpage("month", args=[today.year, today.month]),
        )
    return TemplateResponse(request, "events/event_index_page.html", context)


def _without_past(filters: dict) -> dict:
    return {k: v for k, v in filters.items() if k != "past"}


def public_feed(request, index):
    """A subscribable feed: all upcoming and recent events under the index, or those of a
    filter (the listing's query string)."""
    form = EventFilterForm(request.GET or None)
    filters = _without_past(form.filters())
    # Calendar apps poll feeds all day. A built feed is kept until any event is published,
    # unpublished or deleted (the key holds the latest publish and the number of live
    # events), or the day changes.
    version = selectors.events_version()
    key = (
        "events:feed:"
        + hashlib.sha256(
            "|".join(
                str(part)
                for part in (
                    index.pk,
                    translation.get_language(),
                    form.query_string(),
                    version,
                    timezone.localdate(),
                    _domain(),
                )
            ).encode()
        ).hexdigest()
    )
    data = cache.get(key)
    if data is None:
        since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
        events = list(
            selectors.events_filtered(index=index, past=True, **filters).filter(
                Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=since)
            )
        )
        title = _("Linkage events") + f" – {index.title}"
        data = calendar_for(events, domain=_domain(), name=title)
        cache.set(key, data, FEED_CACHE_SECONDS)
    return _ics_response(data, "linkage-events.ics", download=False)


def event_detail(request, page: EventPage, *, form=None, status: int = 200):
    """The event page; ``form`` is a registration form sent back with its errors."""
    occurrences = page.cached_schedule.occurrences(after=timezone.now(), limit=8)
    registration = selectors.registration_for(event=page, person=request.user)
    confirmed = registration is not None and registration.status == "confirmed"
    is_open, why_closed = services.registration_is_open(event=page)
    if form is None and is_open and registration is None and request.user.is_authenticated:
        form = RegistrationForm(questions=page.question_list)
    context = {
        "page": page,
        "self": page,
        "registration": registration,
        "registration_open": is_open,
        "registration_closed_reason": why_closed,
        "seats_left": services.seats_left(event=page),
        "form": form,
        "occurrences": occurrences,
        "next_occurrence": next((o for o in occurrences if not o.cancelled), None),
        "waitlist_position": selectors.waitlist_position(registration=registration)
        if registration
        else None,
        "ics_url": page.url + page.reverse_subpage("ics"),
        "show_online_link": bool(confirmed and page.online_url),
        "show_address": page.shows_address(confirmed=confirmed),
    }
    return TemplateResponse(request, page.get_template(request), context, status=status)


def event_ics(request, page: EventPage):
    # A confirmed registrant's download carries their online link; everyone else's not.
    person = request.user if request.user.is_authenticated else None
    data = event_ics_bytes(page, domain=_domain(), private_for=person)
    return _ics_response(data, f"{page.slug}.ics", download=True)


def _back(page: EventPage, anchor: str = "registration"):
    return redirect(f"{page.url}#{anchor}")


@require_POST
@login_required
def register(request, page_id: int):
    page = get_object_or_404(EventPage.objects.live().public(), pk=page_id).specific
    form = RegistrationForm(request.POST, questions=page.question_list)
    if form.is_valid():
        try:
            registration = services.registration_create(
                event=page, person=request.user, answers=form.answers()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _status_message(registration))
            return _back(page)
    # Show the form again with its errors, on the event page.
    return event_detail(request, page, form=form, status=400)


def _status_message(registration: Registration) -> str:
    return {
        "confirmed": _("You are registered. A confirmation is on its way to your inbox."),
        "waitlisted": _(
            "The event is full: you are on the waiting list. If a place frees up, we offer it "
            "to you by e-mail."
        ),
        "pending": _("Thank you: an organiser will confirm your place."),
        "offered": _("A place is offered to you."),
    }.get(registration.status, _("Your registration is saved."))


def _own_registration(request, registration_id: int) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("event"), pk=registration_id, person=request.user
    )


@require_POST
@login_required
def cancel(request, registration_id: int):
    registration = _own_registration(request, registration_id)
    try:
        services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your registration is cancelled. Thank you for telling us."))
    return _redirect_next(request, registration)


@require_POST
@login_required
def accept(request, registration_id: int):
    registration = _own_registration(request, registration_id)
    try:
        services.offer_accept(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The place is yours. A confirmation is on its way."))
    return _redirect_next(request, registration)


def _redirect_next(request, registration: Registration):
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    page = registration.event.specific
    return _back(page)


def my_feed(request, token: str):
    """The private "my events" feed. The token is the only credential: unknown or rotated
    tokens get a plain 404, the same for both."""
    holder = CalendarToken.objects.select_related("person").filter(token=token).first()
    if holder is None or not holder.person.is_active:
        raise Http404
    events = selectors.person_feed_events(person=holder.person)
    data = calendar_for(
        events, domain=_domain(), name=_("My Linkage events"), private_for=holder.person
    )
    response = _ics_response(data, "my-linkage-events.ics", download=False)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@login_required
def feed_rotate(request):
    services.calendar_token_rotate(person=request.user)
    messages.success(
        request,
        _("Your calendar address has changed. The old one no longer works: subscribe again."),
    )
    return redirect(reverse("people:dashboard") + "#my-events")


def dashboard_panel(request) -> Panel | None:
    """The person's registrations and their private calendar address, for "My Linkage"."""
    if not request.user.is_authenticated:
        return None
    token = services.calendar_token_for(person=request.user)
    feed_path = reverse("events:my_feed", kwargs={"token": token.token})
    return Panel(
        title=_("My events"),
        template="events/dashboard_panel.html",
        context={
            "registrations": selectors.person_registrations(person=request.user),
            "feed_url": request.build_absolute_uri(feed_path),
            "webcal_url": "webcal://" + request.get_host() + feed_path,
        },
        order=30,
        alternates=(("text/calendar", feed_path, _("My events (private calendar)")),),
        stylesheets=("events/events.css",),
    )
