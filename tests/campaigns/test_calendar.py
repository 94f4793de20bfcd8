"""campaigns.calendar: a campaign's own calendar, its linked events' occurrences day by day
in the campaign's zone, each time in the event's own zone, named."""

from datetime import date, time

from wagtail.models import Locale

import pytest

from campaigns.calendar import campaign_event_days
from campaigns.models import CampaignEvent
from events.models import OccurrenceChange
from tests.factories.campaigns import campaign_page, sixteen_days
from tests.factories.events import event_index_page, event_page

pytestmark = pytest.mark.django_db

FIRST, LAST = sixteen_days(2026)


@pytest.fixture
def index():
    return event_index_page()


@pytest.fixture
def campaign():
    return campaign_page(starts_on=FIRST, ends_on=LAST, time_zone="Europe/Vilnius")


def link(campaign, *events):
    for event in events:
        CampaignEvent.objects.create(page=campaign, event=event)


def summary(days) -> list:
    return [
        (day["day"], [(entry["title"], entry["when"], entry["kind"]) for entry in day["entries"]])
        for day in days
    ]


def test_occurrences_are_grouped_by_the_campaigns_day_and_timed_in_the_events_zone(index, campaign):
    debate = event_page(
        index,
        title="Public debate in Kaunas",
        kind="public_debate",
        start_date=date(2026, 11, 26),
        start_time=time(17, 0),
        end_time=time(19, 0),
        time_zone="Europe/Vilnius",
    )
    # 20:00 on the 27th in New York is 03:00 on the 28th in Vilnius: the campaign's day.
    webinar = event_page(
        index,
        title="Webinar for the diaspora",
        kind="webinar",
        event_format="online",
        online_url="https://meet.linkage.local/room-1",
        start_date=date(2026, 11, 27),
        start_time=time(20, 0),
        end_time=time(21, 0),
        time_zone="America/New_York",
        country="LT",
    )
    # Weekly on Tuesdays from 3 November: 1 and 8 December fall in the campaign.
    meeting = event_page(
        index,
        title="Coordination meeting",
        kind="coordination_meeting",
        start_date=date(2026, 11, 3),
        start_time=time(10, 0),
        end_time=time(12, 0),
        time_zone="Europe/Belgrade",
        country="XK",
        recurrence="FREQ=WEEKLY;COUNT=8",
    )
    after = event_page(index, title="After the campaign", start_date=date(2026, 12, 20))
    unlinked = event_page(index, title="Not in the campaign", start_date=date(2026, 11, 30))
    withdrawn = event_page(index, title="Withdrawn", start_date=date(2026, 11, 30))
    link(campaign, debate, webinar, meeting, after, withdrawn)
    withdrawn.unpublish()
    assert unlinked.live

    days = campaign_event_days(campaign=campaign)

    assert summary(days) == [
        (
            date(2026, 11, 26),
            [("Public debate in Kaunas", "17:00–19:00 Eastern European Time", "Public debate")],
        ),
        (
            date(2026, 11, 28),
            [
                (
                    "Webinar for the diaspora",
                    "Friday 27 November 2026, 20:00–21:00 Eastern Time",
                    "Webinar",
                )
            ],
        ),
        (
            date(2026, 12, 1),
            [("Coordination meeting", "10:00–12:00 Central European Time", "Coordination meeting")],
        ),
        (
            date(2026, 12, 8),
            [("Coordination meeting", "10:00–12:00 Central European Time", "Coordination meeting")],
        ),
    ]
    assert days[0]["entries"][0]["url"] == debate.url
    assert days[0]["entries"][0]["event"].pk == debate.pk


def test_a_cancelled_occurrence_stays_listed_and_says_so(index, campaign):
    meeting = event_page(
        index,
        title="Coordination meeting",
        start_date=date(2026, 11, 26),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    OccurrenceChange.objects.create(
        page=meeting, original_date=date(2026, 12, 3), action="cancel", note="Strike"
    )
    link(campaign, meeting)

    days = campaign_event_days(campaign=campaign)

    assert [(d["day"], d["entries"][0]["cancelled"], d["entries"][0]["note"]) for d in days] == [
        (date(2026, 11, 26), False, ""),
        (date(2026, 12, 3), True, "Strike"),
        (date(2026, 12, 10), False, ""),
    ]


def test_an_event_translated_into_the_campaigns_language_is_shown_in_it(index, campaign):
    debate = event_page(index, title="Public debate", start_date=date(2026, 11, 26))
    link(campaign, debate)
    locale = Locale.objects.get_or_create(language_code="lt")[0]
    lt_campaign = campaign.copy_for_translation(locale, copy_parents=True)
    lt_campaign.save_revision().publish()
    lt_debate = debate.copy_for_translation(locale, copy_parents=True)
    lt_debate.title = "Vieši debatai"
    lt_debate.save_revision().publish()
    lt_debate.refresh_from_db()

    english = campaign_event_days(campaign=campaign)
    lithuanian = campaign_event_days(campaign=lt_campaign)

    assert [(e["title"], e["url"]) for e in english[0]["entries"]] == [
        ("Public debate", debate.url)
    ]
    assert [(e["title"], e["url"]) for e in lithuanian[0]["entries"]] == [
        ("Vieši debatai", lt_debate.url)
    ]
    assert lt_debate.url.startswith("/lt/")


def test_an_event_without_a_version_in_the_campaigns_language_is_shown_in_its_original(
    index, campaign
):
    debate = event_page(index, title="Public debate", start_date=date(2026, 11, 26))
    link(campaign, debate)
    lt_campaign = campaign.copy_for_translation(
        Locale.objects.get_or_create(language_code="lt")[0], copy_parents=True
    )
    lt_campaign.save_revision().publish()

    days = campaign_event_days(campaign=lt_campaign)

    assert [e["event"].pk for e in days[0]["entries"]] == [debate.pk]


def test_a_campaign_without_events_has_an_empty_calendar(campaign):
    assert campaign_event_days(campaign=campaign) == []


@pytest.mark.parametrize("n", [1, 3])
def test_the_calendar_costs_the_same_queries_for_any_number_of_events(
    n, index, campaign, django_assert_num_queries
):
    events = [
        event_page(
            index,
            start_date=date(2026, 11, 25 + i),
            recurrence="FREQ=DAILY;COUNT=2" if i % 2 else "",
        )
        for i in range(n)
    ]
    OccurrenceChange.objects.create(
        page=events[0], original_date=date(2026, 11, 25), action="cancel"
    )
    link(campaign, *events)
    campaign_event_days(campaign=campaign)  # Wagtail's site root paths are cached

    # View restrictions, the events (with venue, region and locale), their changed dates.
    with django_assert_num_queries(3):
        days = campaign_event_days(campaign=campaign)

    assert sum(len(day["entries"]) for day in days) == n + n // 2
