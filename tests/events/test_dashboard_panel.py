"""The "Upcoming events" panel of a programme's dashboard: the next occurrences of the
programme's events (owned or shared), with seats, waiting list and pending approvals, in
each event's own time zone, named; nothing for someone who does not run the programme."""

from datetime import time

from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks

import pytest

from events.admin_panels import UpcomingEventsPanel
from events.enums import RegistrationStatus
from events.models import Registration
from programmes.selectors import scope_for
from tests.factories import UserFactory
from tests.factories.events import a_date, event_page, programme_section

pytestmark = pytest.mark.django_db


def panel_for(user, programme):
    (panel,) = [
        panel
        for hook in hooks.get_hooks("linkage_programme_dashboard_panels")
        for panel in hook(request_of(user), programme)
        if isinstance(panel, UpcomingEventsPanel)
    ]
    return panel


def request_of(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def register(event, status, n=1):
    for _ in range(n):
        Registration.objects.create(event=event, person=UserFactory(), status=status)


def test_the_panel_lists_the_next_dates_with_what_needs_attention(
    programme, other_programme, organiser
):
    meeting = event_page(
        title="Coordination meeting",
        start_date=a_date(3),
        start_time=time(18, 0),
        end_time=time(20, 0),
        time_zone="Europe/Belgrade",
        country="XK",
        recurrence="FREQ=WEEKLY;COUNT=2",
        capacity=10,
        requires_approval=True,
    )
    register(meeting, RegistrationStatus.CONFIRMED, 2)
    register(meeting, RegistrationStatus.WAITLISTED)
    register(meeting, RegistrationStatus.PENDING, 3)
    shared = event_page(
        programme_section(other_programme), title="Shared webinar", start_date=a_date(5)
    )
    shared.shared_with.add(programme)
    shared.save()
    event_page(programme_section(other_programme), title="Not ours", start_date=a_date(1))
    event_page(title="Over", start_date=a_date(-5))

    panel = panel_for(organiser, programme)
    context = panel.get_context_data({})
    html = panel.render_html({"request": request_of(organiser)})

    assert (panel.order, str(panel.title)) == (100, "Upcoming events")
    assert [
        (
            item["row"].event.title,
            item["row"].occurrence.start.date(),
            item["row"].taken,
            item["row"].capacity,
            item["row"].waiting,
            item["row"].pending,
            item["row"].shared,
            item["url"],
        )
        for item in context["rows"]
    ] == [
        ("Coordination meeting", a_date(3), 2, 10, 1, 3, False, registrations_url(meeting)),
        ("Shared webinar", a_date(5), 0, 2, 0, 0, True, registrations_url(shared)),
        ("Coordination meeting", a_date(10), 2, 10, 1, 3, False, registrations_url(meeting)),
    ]
    # In the event's own zone (18:00 in Pristina), the zone named in words, never Belgrade.
    assert "18:00–20:00</time>" in html
    assert '<span class="event-zone">Central European Time</span>' in html
    assert "Europe/Belgrade" not in html and "Belgrade" not in html
    assert "2 of 10" in html
    assert "Not ours" not in html and "Over" not in html


def registrations_url(event):
    return reverse("events_admin:registrations", args=[event.pk])


def test_another_programmes_organiser_gets_an_empty_panel(programme, other_organiser):
    event_page(title="Kaunas training")

    assert panel_for(other_organiser, programme).get_context_data({})["rows"] == []


@pytest.mark.parametrize("n", [1, 3])
def test_the_panel_reads_the_same_queries_for_1_or_3_events(
    n, programme, organiser, django_assert_num_queries
):
    for i in range(n):
        event = event_page(
            title=f"Training {i}",
            start_date=a_date(2 + i),
            recurrence="FREQ=DAILY;COUNT=2" if i % 2 else "",
        )
        register(event, RegistrationStatus.CONFIRMED)
    panel = panel_for(organiser, programme)
    scope_for(organiser)
    organiser.has_perm("events.view_registration")  # the request's caches, filled

    # The events, their cancelled or moved dates, and their registration counts.
    with django_assert_num_queries(3):
        rows = panel.get_context_data({})["rows"]

    assert len(rows) == n + n // 2
    assert all(item["row"].occurrence.start >= timezone.now() for item in rows)
