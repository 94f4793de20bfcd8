"""Query-count guards for the events' public pages and feeds.

The counts include the shared page chrome (menu, language switcher, footer: ``base.html``)
and Wagtail's routing: a change there moves every number here by the same amount. A count
that grows with the number of events or registrations means per-row queries crept in.
"""

from django.urls import reverse

import pytest

from events import services
from events.models import Registration, Venue
from people.models import Region
from tests.factories import UserFactory
from tests.factories.events import a_date, event_index_page, event_page, programme_section

pytestmark = pytest.mark.django_db

# Site, locale, the home and listing pages, the event (with its venue, region, original
# page and seat count in one query), its view restrictions, and the chrome.
EVENT_PAGE_ANONYMOUS = 9
# … plus the session, the user, their groups, and their registration.
EVENT_PAGE_SIGNED_IN = 13
INDEX_LIST = 14
MONTH_VIEW = 13
PRIVATE_FEED = 6


@pytest.fixture
def index():
    return event_index_page()


@pytest.fixture(params=["listing", "section"])
def parent(request, index):
    """Where the events live: directly below the listing, or below a programme's section
    (/events/<programme>/<event>/). Both cost the same queries."""
    return index if request.param == "listing" else programme_section()


def warm(client, url: str):
    """One request first: caches of site root paths and content types are filled."""
    client.get(url)
    return url


@pytest.fixture
def venue():
    return Venue.objects.create(
        name="Community centre Žirmūnai", address="Kalvarijų g. 1", city="Vilnius", country="LT"
    )


def test_event_page_anonymous(parent, venue, client, django_assert_num_queries):
    region = Region.objects.create(name="Vilnius city", country="LT")
    page = event_page(parent, venue=venue, region=region)
    url = warm(client, page.url)

    with django_assert_num_queries(EVENT_PAGE_ANONYMOUS):
        response = client.get(url)

    assert (response.status_code, response.context["seats_left"]) == (200, 2)


def test_event_page_signed_in_with_a_confirmed_place(
    parent, venue, client, django_assert_num_queries
):
    page = event_page(parent, venue=venue)
    person = UserFactory(email="vjosa@example.org")
    registration = services.registration_create(event=page, person=person)
    client.force_login(person)
    url = warm(client, page.url)

    with django_assert_num_queries(EVENT_PAGE_SIGNED_IN):
        response = client.get(url)

    context = response.context
    assert (context["registration"], context["seats_left"], context["show_address"]) == (
        registration,
        1,
        True,
    )


def test_event_page_of_a_waitlisted_person_counts_their_place_in_the_same_query(
    parent, client, django_assert_num_queries
):
    page = event_page(parent, capacity=1)
    for email in ("first@example.org", "second@example.org"):
        services.registration_create(event=page, person=UserFactory(email=email))
    person = UserFactory(email="vjosa@example.org")
    services.registration_create(event=page, person=person)
    client.force_login(person)
    url = warm(client, page.url)

    with django_assert_num_queries(EVENT_PAGE_SIGNED_IN):
        response = client.get(url)

    assert (response.context["waitlist_position"], response.context["seats_left"]) == (2, 0)


@pytest.mark.parametrize("n", [1, 3])
@pytest.mark.parametrize("query", ["", "?kind=training&country=LT&language=lt&format=in_person"])
def test_event_index_list(n, query, index, parent, venue, client, django_assert_num_queries):
    region = Region.objects.create(name="Vilnius city", country="LT")
    for i in range(n):
        event_page(
            parent, venue=venue, region=region, recurrence="FREQ=WEEKLY;COUNT=3" if i % 2 else ""
        )
    url = warm(client, index.url + query)

    with django_assert_num_queries(INDEX_LIST):
        response = client.get(url)

    assert len(response.context["entries"]) == n


@pytest.mark.parametrize("n", [1, 3])
def test_month_view(n, index, parent, client, django_assert_num_queries):
    day = a_date(0).replace(year=a_date(0).year + 1, month=3, day=10)
    for _ in range(n):
        event_page(parent, start_date=day, recurrence="FREQ=DAILY;COUNT=2")
    url = warm(client, index.url + index.reverse_subpage("month", args=[day.year, day.month]))

    with django_assert_num_queries(MONTH_VIEW):
        response = client.get(url)

    entries = [e for week in response.context["weeks"] for d in week for e in d["entries"]]
    assert len(entries) == 2 * n


@pytest.mark.parametrize("n", [1, 3])
def test_private_feed(n, parent, venue, client, django_assert_num_queries):
    person = UserFactory(email="vjosa@example.org")
    for i in range(n):
        page = event_page(
            parent,
            title=f"Training {i}",
            venue=venue,
            event_format="hybrid",
            online_url=f"https://meet.example.org/{i}",
            recurrence="FREQ=WEEKLY;COUNT=3" if i % 2 else "",
        )
        Registration.objects.create(event=page, person=person, status="confirmed")
    token = services.calendar_token_for(person=person).token
    url = warm(client, reverse("events:my_feed", kwargs={"token": token}))

    with django_assert_num_queries(PRIVATE_FEED):
        response = client.get(url)

    text = response.content.decode()
    assert (text.count("BEGIN:VEVENT"), text.count("Online link:")) == (n, n)
