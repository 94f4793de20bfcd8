"""Our calendars read by a second, strict RFC 5545 parser (``ical``, the one Home Assistant
uses: it refuses what the standard does not allow) and expanded by it with the files' own
VTIMEZONEs: the dates a calendar app shows must be the dates the site shows."""

from datetime import UTC, date, datetime, time

from django.urls import reverse

import pytest
from ical.calendar_stream import IcsCalendarStream

from events import services
from events.ical import calendar_domain, invitation_ics
from events.models import OccurrenceChange, Registration
from tests.factories import UserFactory
from tests.factories.events import event_index_page, event_page

pytestmark = pytest.mark.django_db

FROM = datetime(2026, 1, 1, tzinfo=UTC)


def strict(data: bytes | str):
    text = data.decode() if isinstance(data, bytes) else data
    return IcsCalendarStream.calendar_from_ics(text)


@pytest.fixture
def series():
    """Every two months on the second Tuesday in Belgrade time, across DST, with one
    occurrence cancelled and one moved; and a single event in Vilnius."""
    index = event_index_page()
    meeting = event_page(
        index,
        title="Coordination mechanism",
        start_date=date(2026, 1, 13),
        start_time=time(10, 0),
        end_time=time(12, 0),
        time_zone="Europe/Belgrade",
        country="XK",
        recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6",
    )
    OccurrenceChange.objects.create(page=meeting, original_date=date(2026, 5, 12), action="cancel")
    OccurrenceChange.objects.create(
        page=meeting,
        original_date=date(2026, 7, 14),
        action="move",
        new_date=date(2026, 7, 16),
        new_start_time=time(14, 0),
    )
    meeting.save_revision().publish()
    training = event_page(
        index,
        title="Risk assessment training",
        start_date=date(2026, 10, 24),
        start_time=time(9, 30),
        end_time=time(16, 0),
        time_zone="Europe/Vilnius",
    )
    return index, meeting, training


def timeline(calendar) -> list[tuple[str, datetime]]:
    return [(e.summary, e.start.astimezone(UTC)) for e in calendar.timeline.start_after(FROM)]


def test_the_public_feed_parses_strictly_and_expands_to_the_sites_dates(client, series):
    index, meeting, training = series
    calendar = strict(client.get(index.url + "feed/").content)

    expected = [
        (meeting.title, o.start.astimezone(UTC))
        for o in meeting.schedule().occurrences(after=FROM, include_cancelled=False)
    ] + [(training.title, training.schedule().first_start.astimezone(UTC))]
    assert sorted(timeline(calendar), key=lambda row: row[1]) == sorted(
        expected, key=lambda row: row[1]
    )
    assert sorted(tz.tz_id for tz in calendar.timezones) == ["Europe/Belgrade", "Europe/Vilnius"]


def test_daylight_saving_keeps_the_meeting_at_ten_local_time(client, series):
    index, meeting, _training = series
    calendar = strict(client.get(index.url + "feed/").content)
    hours = [
        (start.date(), start.hour) for title, start in timeline(calendar) if title == meeting.title
    ]
    # 10:00 in Belgrade is 09:00 UTC in winter and 08:00 UTC in summer; the moved one is 14:00.
    assert hours == [
        (date(2026, 1, 13), 9),
        (date(2026, 3, 10), 9),
        (date(2026, 7, 16), 12),
        (date(2026, 9, 8), 8),
        (date(2026, 11, 10), 9),
    ]


def test_a_cancelled_event_stays_in_the_feed_as_cancelled(client, series):
    index, meeting, training = series
    training.status = "cancelled"
    training.save_revision().publish()
    calendar = strict(client.get(index.url + "feed/").content)
    statuses = {e.summary: str(e.status) for e in calendar.events if e.recurrence_id is None}
    assert statuses[training.title].endswith("CANCELLED")


def test_the_private_feed_and_e_mail_invitations_parse_strictly(client, series):
    index, meeting, training = series
    person = UserFactory(email="vjosa@example.org")
    Registration.objects.create(event=training, person=person, status="confirmed")
    token = services.calendar_token_for(person=person).token
    private = strict(client.get(reverse("events:my_feed", kwargs={"token": token})).content)
    assert [e.summary for e in private.events] == [training.title]

    request = strict(
        invitation_ics(training, domain=calendar_domain(), person=person, cancel=False)
    )
    cancel = strict(invitation_ics(training, domain=calendar_domain(), person=person, cancel=True))
    assert (request.method, cancel.method) == ("REQUEST", "CANCEL")
    assert (
        request.events[0].uid
        == cancel.events[0].uid
        == f"event-{training.translation_key}@testserver"
    )
    assert str(cancel.events[0].status).endswith("CANCELLED")
