"""The month view's "today": the visitor's today in her profile's time zone when she has
one, else the site's (settings.TIME_ZONE), whatever day the server's clock is on. The events
themselves stay on their own local dates."""

from datetime import UTC, date, datetime, time

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string

import pytest

from events import selectors
from tests.factories import UserFactory
from tests.factories.events import event_index_page, event_page

pytestmark = pytest.mark.django_db

# 23:30 UTC on Monday 14 December 2026: already the 15th in Brussels (the site's zone),
# still the 14th in New York.
NOW = datetime(2026, 12, 14, 23, 30, tzinfo=UTC)


@pytest.fixture
def now(monkeypatch, settings):
    settings.TIME_ZONE = "Europe/Brussels"
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)
    return NOW


def visitor(time_zone: str):
    person = UserFactory()
    person.profile.time_zone = time_zone
    person.profile.save()
    return person


@pytest.mark.parametrize(
    ("person", "today"),
    [
        (lambda: None, date(2026, 12, 15)),
        (AnonymousUser, date(2026, 12, 15)),
        (lambda: visitor(""), date(2026, 12, 15)),  # no zone of her own: the site's
        (lambda: visitor("America/New_York"), date(2026, 12, 14)),
        (lambda: visitor("Pacific/Kiritimati"), date(2026, 12, 15)),
        (lambda: visitor("Not/A_Zone"), date(2026, 12, 15)),  # an old, unknown value
    ],
)
def test_today_is_the_visitors_own_else_the_sites(now, person, today):
    assert selectors.visitor_today(person()) == today


def test_the_month_view_marks_the_visitors_today(now):
    index = event_index_page()
    for day in (14, 15):
        event_page(
            index,
            title=f"Event on the {day}th",
            start_date=date(2026, 12, day),
            start_time=time(10, 0),
            end_time=time(12, 0),
        )

    def marked(person) -> list[str]:
        context = selectors.event_index_context(
            index=index, filters={}, view="month", year=2026, month=12, person=person
        )
        html = render_to_string("events/includes/month.html", context)
        return [
            part.split("<a ", 1)[1].split(">", 1)[1].split("<", 1)[0]
            for part in html.split('class="event-month__day event-month__day--today"')[1:]
        ]

    assert (marked(None), marked(visitor("America/New_York"))) == (
        ["Event on the 15th"],
        ["Event on the 14th"],
    )


def test_the_month_page_itself_marks_the_signed_in_visitors_today(now, client):
    """The page view passes the visitor on (the selector alone would prove nothing)."""
    index = event_index_page()
    for day in (14, 15):
        event_page(
            index,
            title=f"Event on the {day}th",
            start_date=date(2026, 12, day),
            start_time=time(10, 0),
            end_time=time(12, 0),
        )
    client.force_login(visitor("America/New_York"))

    html = client.get(f"{index.url}month/2026/12/").content.decode()

    today = html.split('class="event-month__day event-month__day--today"')[1]
    assert "Event on the 14th" in today.split("event-month__day")[0]
