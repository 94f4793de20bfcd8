"""The public event pages: listing, filters, month view, registration, private feed."""

from datetime import date, time

from django.urls import reverse
from django.utils import timezone

import pytest

from events import services
from events.models import CalendarToken, Registration
from tests.factories import UserFactory
from tests.factories.events import a_date, event_index_page, event_page

pytestmark = pytest.mark.django_db

ONLINE = "https://meet.linkage.local/room-7"


@pytest.fixture
def index():
    return event_index_page()


@pytest.fixture
def person(client):
    user = UserFactory(email="vjosa@example.org")
    client.force_login(user)
    return user


def warm(fn):
    fn()
    return fn


def test_filters_narrow_the_listing_and_the_feed(index, client):
    event_page(index, title="Vilnius training", country="LT")
    event_page(
        index,
        title="Gjilan meeting",
        country="XK",
        kind="coordination_meeting",
        time_zone="Europe/Belgrade",
        languages=["sq", "sr"],
    )
    response = client.get(index.url + "?country=XK")
    assert [e["event"].title for e in response.context["entries"]] == ["Gjilan meeting"]
    body = response.content.decode()
    assert 'rel="alternate" type="text/calendar"' in body
    feed = client.get(response.context["feed_url"])
    text = feed.content.decode()
    assert (feed["Content-Type"], "Gjilan meeting" in text, "Vilnius training" in text) == (
        "text/calendar; charset=utf-8",
        True,
        False,
    )


def test_a_bad_filter_value_is_ignored_not_an_error(index, client):
    event_page(index)
    response = client.get(index.url + "?kind=nonsense&region=abc&page=999")
    assert (response.status_code, len(response.context["entries"])) == (200, 1)


def test_past_events_are_hidden_unless_asked_for_and_then_come_after(index, client):
    event_page(index, title="Last year", start_date=a_date(-365))
    event_page(index, title="Last month", start_date=a_date(-30))
    event_page(index, title="Next week", start_date=a_date(7))
    upcoming = client.get(index.url)
    everything = client.get(index.url + "?past=on")
    assert [e["event"].title for e in upcoming.context["entries"]] == ["Next week"]
    assert [e["event"].title for e in everything.context["entries"]] == [
        "Next week",
        "Last month",
        "Last year",
    ]


def test_month_out_of_range_is_a_404(index, client):
    assert client.get(index.url + "month/2026/13/").status_code == 404


def test_event_page_shows_local_time_with_its_zone_and_offers_the_ics(index, client):
    page = event_page(
        index,
        start_time=time(10, 0),
        end_time=time(12, 30),
        time_zone="Europe/Belgrade",
        country="XK",
    )
    body = client.get(page.url).content.decode()
    # Named in words (CLDR's generic name): a Kosovo event is never on "Belgrade" time.
    assert "10:00–12:30</time>" in body
    assert '<span class="event-zone">Central European Time</span>' in body
    assert "Belgrade" not in body
    assert f'href="{page.url}calendar/"' in body
    ics = client.get(page.url + "calendar/")
    assert ics["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in ics["Content-Disposition"]


def test_online_link_only_for_confirmed_registrants(index, client, person):
    page = event_page(index, event_format="hybrid", online_url=ONLINE, capacity=1)
    assert ONLINE not in client.get(page.url).content.decode()
    assert ONLINE not in client.get(page.url + "calendar/").content.decode()
    services.registration_create(event=page, person=person)
    assert ONLINE in client.get(page.url).content.decode()
    other = UserFactory(email="waiting@example.org")
    services.registration_create(event=page, person=other)
    client.force_login(other)
    assert ONLINE not in client.get(page.url).content.decode()


def test_register_then_cancel_through_the_site(index, client, person):
    page = event_page(index, capacity=1)
    response = client.post(reverse("events:register", args=[page.pk]))
    assert response.status_code == 302
    registration = Registration.objects.get(person=person)
    assert registration.status == "confirmed"
    client.post(reverse("events:cancel", args=[registration.pk]))
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_a_required_question_left_empty_shows_the_form_again_with_the_message(
    index, client, person
):
    page = event_page(
        index,
        questions=[
            {
                "type": "question",
                "value": {
                    "label": "Access needs",
                    "help_text": "",
                    "kind": "text",
                    "choices": "",
                    "required": True,
                },
            }
        ],
    )
    response = client.post(reverse("events:register", args=[page.pk]), {})
    assert response.status_code == 400
    body = response.content.decode()
    field = response.context["form"].fields[f"q_{page.question_list[0]['id']}"]
    assert field.widget.attrs["aria-invalid"] == "true"
    error_id = field.widget.attrs["aria-describedby"]
    assert f'id="{error_id}"' in body and "This field is required." in body
    assert Registration.objects.count() == 0


def test_nobody_can_cancel_someone_elses_registration(index, client, person):
    page = event_page(index)
    theirs = services.registration_create(event=page, person=UserFactory(email="x@example.org"))
    assert client.post(reverse("events:cancel", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "confirmed"


def test_registering_needs_an_account(index, client):
    page = event_page(index)
    response = client.post(reverse("events:register", args=[page.pk]))
    assert (response.status_code, Registration.objects.count()) == (302, 0)
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("member", [True, False])
def test_registration_follows_the_event_s_group_restriction(index, client, person, member):
    """A member of the group the event is restricted to may register; anyone else gets the
    same 404 as for a page that does not exist."""
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    page = event_page(index)
    group = Group.objects.create(name="Kaunas coordination group")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    if member:
        person.groups.add(group)
    response = client.post(reverse("events:register", args=[page.pk]))
    assert (response.status_code, Registration.objects.count()) == (
        (302, 1) if member else (404, 0)
    )


def test_waitlisted_person_takes_an_offered_place_from_my_linkage(index, client, person):
    page = event_page(index, capacity=1)
    first = services.registration_create(event=page, person=UserFactory(email="a@example.org"))
    mine = services.registration_create(event=page, person=person)
    services.registration_cancel(registration=first)
    dashboard = client.get("/my/").content.decode()
    assert "Take the place" in dashboard
    client.post(reverse("events:accept", args=[mine.pk]), {"next": "/my/"})
    mine.refresh_from_db()
    assert mine.status == "confirmed"


def test_private_feed_lists_my_events_and_a_new_address_kills_the_old(index, client, person):
    page = event_page(index, title="My training")
    event_page(index, title="Someone else's")
    services.registration_create(event=page, person=person)
    token = services.calendar_token_for(person=person).token
    url = reverse("events:my_feed", kwargs={"token": token})
    dashboard = client.get("/my/").content.decode()
    assert f'<link rel="alternate" type="text/calendar" href="{url}"' in dashboard
    feed = client.get(url).content.decode()
    assert ("My training" in feed, "Someone else's" in feed) == (True, False)
    client.post(reverse("events:feed_rotate"))
    assert client.get(url).status_code == 404
    new = CalendarToken.objects.get(person=person).token
    assert new != token
    assert client.get(reverse("events:my_feed", kwargs={"token": new})).status_code == 200


def test_study_visit_page_shows_its_itinerary(index, client):
    from events.models import StudyVisitPage

    visit = StudyVisitPage(
        title="Study visit to Madrid",
        slug="madrid",
        summary="EU training on trafficking and GBV.",
        start_date=date(2027, 3, 2),
        start_time=time(9, 0),
        end_date=date(2027, 3, 4),
        end_time=time(17, 0),
        time_zone="Europe/Madrid",
        country="ES",
        languages=["en", "es"],
        destination="Madrid",
        host_organisations="Fundación ANAR\nMinistry of Equality",
        itinerary=[
            {
                "type": "day",
                "value": {
                    "day": "2027-03-02",
                    "title": "Arrival",
                    "items": [
                        {
                            "starts_at": "09:00",
                            "ends_at": "11:00",
                            "title": "Welcome",
                            "place": "City Hall",
                            "description": "",
                        }
                    ],
                },
            }
        ],
    )
    index.add_child(instance=visit)
    visit.save_revision().publish()
    body = client.get(visit.url).content.decode()
    assert (visit.kind, "Welcome" in body, "Ministry of Equality" in body) == (
        "study_visit",
        True,
        True,
    )


@pytest.mark.parametrize("n", [1, 3])
def test_my_events_panel_queries_do_not_grow_with_registrations(
    n, index, client, person, django_assert_num_queries
):
    for i in range(n):
        services.registration_create(event=event_page(index, title=f"Event {i}"), person=person)
    get = warm(lambda: client.get("/my/"))
    # The dashboard's own queries (people/test_views.py) plus the prefetch of the events'
    # occurrence changes and the site lookup of their links.
    with django_assert_num_queries(16):
        response = get()
    assert response.content.decode().count('class="my-events__item"') == n


def test_a_published_change_reaches_the_cached_public_feed(
    index, client, django_assert_num_queries
):
    page = event_page(index, title="Before")
    url = index.url + "feed/"
    assert "SUMMARY:Before" in client.get(url).content.decode()
    # Built once: now only Wagtail's routing, the page and the version query, no events.
    with django_assert_num_queries(8) as queries:
        cached = client.get(url)
    assert not any("events_occurrencechange" in q["sql"] for q in queries.captured_queries)
    assert "SUMMARY:Before" in cached.content.decode()
    page.title = "After"
    page.save_revision().publish()
    assert "SUMMARY:After" in client.get(url).content.decode()


def test_a_confidential_address_only_reaches_confirmed_participants(index, client, person):
    from events.models import Venue

    shelter = Venue.objects.create(
        name="Safe House Drita",
        address="Rruga e Fshehtë 7",
        city="Gjakovë/Djakovica",
        country="XK",
        directions="Ring twice at the green door.",
        address_private=True,
    )
    page = event_page(index, venue=shelter, country="XK", capacity=1, time_zone="Europe/Belgrade")
    secrets = ("Safe House Drita", "Rruga e Fshehtë", "green door")

    public_views = [
        client.get(page.url).content.decode(),
        client.get(page.url + "calendar/").content.decode(),
        client.get(index.url + "feed/").content.decode(),
    ]
    assert [any(s in body for s in secrets) for body in public_views] == [False, False, False]
    assert "Gjakovë/Djakovica" in public_views[0]

    services.registration_create(event=page, person=person)
    token = services.calendar_token_for(person=person).token
    mine = [
        client.get(page.url).content.decode(),
        client.get(reverse("events:my_feed", kwargs={"token": token})).content.decode(),
    ]
    assert ["Safe House Drita" in body for body in mine] == [True, True]
    assert "green door" in mine[0]


def test_a_waitlisted_persons_e_mail_leaves_out_a_confidential_address(
    index, person, django_capture_on_commit_callbacks
):
    from django.core import mail

    from events.models import Venue

    shelter = Venue.objects.create(
        name="Safe House Drita",
        address="Rruga e Fshehtë 7",
        city="Gjakovë/Djakovica",
        country="XK",
        address_private=True,
    )
    page = event_page(index, venue=shelter, country="XK", capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=page, person=UserFactory(email="first@example.org"))
        services.registration_create(event=page, person=person)
    confirmed, waitlisted = mail.outbox
    assert ("Rruga e Fshehtë" in confirmed.body, "Rruga e Fshehtë" in waitlisted.body) == (
        True,
        False,
    )


def test_my_linkage_shows_the_next_date_of_a_series_not_its_first(index, client, person):
    from tests.factories.events import first_rule_date

    start = first_rule_date("FREQ=WEEKLY", a_date(-21))
    page = event_page(index, start_date=start, recurrence="FREQ=WEEKLY;COUNT=10")
    Registration.objects.create(event=page, person=person, status="confirmed")
    body = client.get("/my/").content.decode()
    upcoming = page.schedule().occurrences(after=timezone.now(), limit=1)[0]
    assert f'<time datetime="{upcoming.start.isoformat()}"' in body
    assert f'<time datetime="{page.schedule().first_start.isoformat()}"' not in body


@pytest.fixture
def grouping():
    """A grouping another app could register (core.event_groups): events knows none by name."""
    from core.event_groups import event_group_register, event_group_unregister

    chosen: dict[str, list[int]] = {}
    event_group_register(
        "series",
        label="Series",
        empty_label="All series",
        choices=lambda language: [("spring", f"Spring ({language})")],
        event_ids=lambda value: chosen.get(value, []),
    )
    yield chosen
    event_group_unregister("series")


def test_a_registered_grouping_is_a_select_of_its_choices_and_filters(index, client, grouping):
    kept = event_page(index, title="Kept")
    event_page(index, title="Other")
    grouping["spring"] = [kept.pk]

    response = client.get(index.url + "?series=spring")

    assert [e["event"].title for e in response.context["entries"]] == ["Kept"]
    assert list(response.context["filter_form"].fields["series"].choices) == [
        ("", "All series"),
        ("spring", "Spring (en)"),
    ]
    assert '<label for="id_series">Series</label><select name="series" id="id_series">' in (
        response.content.decode()
    )


def test_a_value_a_grouping_does_not_offer_is_the_fields_error_and_not_applied(
    index, client, grouping
):
    event_page(index, title="Training")

    response = client.get(index.url + "?series=autumn")

    body = response.content.decode()
    assert (response.status_code, [e["event"].title for e in response.context["entries"]]) == (
        200,
        ["Training"],
    )
    assert "autumn is not one of the available choices. This filter was not applied." in body
    assert response.context["query"] == ""
