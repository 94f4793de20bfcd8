"""events/demo: the demo events, venues, registrations and check-ins of `linkage_demo`."""

from collections import Counter
from datetime import date
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

import pytest

from events.demo import load_demo_events, sixteen_days_year
from events.enums import EventKind, OccurrenceAction
from events.models import (
    Attendance,
    EventPage,
    OccurrenceChange,
    Registration,
    StudyVisitPage,
    Venue,
)
from impact.enums import ParticipationKind
from impact.models import Participation

pytestmark = pytest.mark.django_db


def english(model=EventPage):
    """The English originals: every page also has an alias in each other language, and
    some a translation."""
    return model.objects.filter(locale=Locale.get_default())


def snapshot() -> dict[str, int]:
    return {
        "events": english().count(),
        "translations": EventPage.objects.filter(alias_of__isnull=True).count() - english().count(),
        "every_language": EventPage.objects.count(),
        "study_visits": english(StudyVisitPage).count(),
        "venues": Venue.objects.count(),
        "registrations": Registration.objects.count(),
        "attendance": Attendance.objects.count(),
        "occurrence_changes": OccurrenceChange.objects.filter(
            page__locale=Locale.get_default()
        ).count(),
        "attended_in_ledger": Participation.objects.filter(
            kind=ParticipationKind.EVENT_ATTENDED
        ).count(),
    }


@pytest.fixture
def events_demo(site, monkeypatch):
    """The foundation's people, regions and pages, and the events step alone (the other
    apps' steps are tested with them), run once."""
    monkeypatch.setattr("home.demo_data.demo_steps", lambda: [load_demo_events])
    call_command("linkage_demo", stdout=StringIO())


def test_the_demo_command_twice_adds_no_event_venue_registration_or_attendance(site):
    call_command("linkage_demo", stdout=StringIO())
    first = snapshot()

    call_command("linkage_demo", stdout=StringIO())

    assert snapshot() == first
    assert first == {
        # Three recurring meetings, four trainings, a webinar, a conference, a community
        # session, a study visit and four debates: study visits are events too.
        "events": 15,
        # In Lithuanian (two), Albanian, Macedonian, Spanish and Italian.
        "translations": 6,
        "every_language": 15 * 12,  # each in all twelve languages, as itself or an alias
        "study_visits": 1,
        "venues": 9,
        "registrations": 36,
        "attendance": 3,
        "occurrence_changes": 3,
        "attended_in_ledger": 3,
    }


def test_demo_registrations_fill_one_event_and_wait_for_approval_on_the_study_visit(
    events_demo,
):
    statuses = Counter(Registration.objects.values_list("status", flat=True))
    full = english().get(slug="trafficking-identification-belgrade")
    visit = english(StudyVisitPage).get()

    assert statuses == {"confirmed": 32, "waitlisted": 2, "pending": 2}
    assert Counter(full.registrations.values_list("status", flat=True)) == {
        "confirmed": 4,
        "waitlisted": 2,
    }
    assert Counter(visit.registrations.values_list("status", flat=True)) == {
        "confirmed": 2,
        "pending": 2,
    }


def test_demo_meetings_repeat_with_a_cancelled_and_a_moved_occurrence_on_rule_dates(
    events_demo,
):
    meetings = english().filter(kind=EventKind.COORDINATION_MEETING).order_by("slug")
    now = timezone.now()

    with_both = [
        meeting.slug
        for meeting in meetings
        if set(meeting.occurrence_changes.values_list("action", flat=True))
        == {OccurrenceAction.CANCEL, OccurrenceAction.MOVE}
    ]
    assert with_both == ["coordination-mechanism-gjilan"]
    for meeting in meetings:
        assert meeting.recurrence.startswith("FREQ=MONTHLY;INTERVAL=2;BYDAY=")
        occurrences = meeting.schedule().occurrences()
        assert len(occurrences) == 12
        assert occurrences[0].start < now < occurrences[-1].start
        for change in meeting.occurrence_changes.all():
            assert meeting.schedule(changes=[]).occurrence(change.original_date) is not None


def test_demo_checks_people_in_at_a_past_meeting(events_demo):
    attendance = Attendance.objects.select_related("event", "registration__person")

    assert sorted(a.registration.person.email for a in attendance) == [
        "justice@linkage.local",
        "organiser.kosovo@linkage.local",
        "social@linkage.local",
    ]
    assert {(a.event.slug, a.occurrence_date < timezone.localdate()) for a in attendance} == {
        ("coordination-mechanism-gjilan", True)
    }


def test_demo_has_16_days_debates_of_which_one_is_still_to_come(events_demo):
    # This year's 16 Days until their last day, 10 December; then next year's. (A campaign
    # page links them: the campaigns demo, not a tag on the event.)
    year = sixteen_days_year(timezone.localdate())
    debates = english().filter(kind=EventKind.PUBLIC_DEBATE)

    assert {
        date(year, 11, 25) <= day <= date(year, 12, 10)
        for day in debates.values_list("start_date", flat=True)
    } == {True}
    assert debates.count() == 4
    assert debates.filter(starts_at__gte=timezone.now()).exists()


def test_demo_online_links_stay_on_our_own_domain(events_demo):
    links = english().exclude(online_url="").values_list("online_url", flat=True)

    assert sorted(links) == [
        "https://meet.linkage.local/interpreters",
        "https://meet.linkage.local/shc-national-conference",
    ]
