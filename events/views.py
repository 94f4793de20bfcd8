"""Registration actions and the private feed, at /attend/ (``events.urls``), and the
"My events" panel of My Linkage. The event pages themselves are Wagtail's: their routes
are answered by ``events.pages_serve``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.addresses import absolute_url
from core.pages import page_viewable
from people.dashboard import Panel

from . import selectors, services
from .enums import RegistrationStatus
from .forms import RegistrationForm
from .ical import calendar_domain, calendar_for
from .models import CalendarToken, EventPage, Registration
from .pages_serve import event_detail, ics_response


def _back(page: EventPage, anchor: str = "registration"):
    return redirect(f"{page.url}#{anchor}")


@require_POST
@login_required
def register(request, page_id: int):
    page = get_object_or_404(EventPage.objects.live(), pk=page_id).specific
    if not page_viewable(request, page):
        raise Http404
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
        RegistrationStatus.CONFIRMED: _(
            "You are registered. A confirmation is on its way to your inbox."
        ),
        RegistrationStatus.WAITLISTED: _(
            "The event is full: you are on the waiting list. If a place frees up, we offer it "
            "to you by e-mail."
        ),
        RegistrationStatus.PENDING: _("Thank you: an organiser will confirm your place."),
        RegistrationStatus.OFFERED: _("A place is offered to you."),
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
    facts = selectors.calendar_facts(events=events, person=holder.person)
    data = calendar_for(events, domain=calendar_domain(), name=_("My Linkage events"), **facts)
    response = ics_response(data, "my-linkage-events.ics", download=False)
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
            "RegistrationStatus": RegistrationStatus,
            # On the one base address, never the host the request came in on.
            "feed_url": absolute_url(feed_path),
            "webcal_url": "webcal://" + absolute_url(feed_path).split("://", 1)[1],
        },
        order=30,
        alternates=(("text/calendar", feed_path, _("My events (private calendar)")),),
        stylesheets=("events/events.css",),
    )
