"""Events below a programme's section of the listing (/events/<programme>/<event>/) and
directly below the listing: the listing, the month view, the feed and routing find both."""

import pytest

from tests.factories.events import a_date, event_index_page, event_page, programme_section
from tests.factories.programmes import programme_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return event_index_page()


@pytest.fixture
def both(index):
    """An event in "Test programme"'s section, one in another programme's, one at the top."""
    other = programme_section(programme_make("Other programme", "other", countries=["XK"]))
    return [
        event_page(title="Kaunas training", slug="kaunas", start_date=a_date(5)),
        event_page(other, title="Gjilan meeting", slug="gjilan", start_date=a_date(6)),
        event_page(index, title="Open webinar", slug="webinar", start_date=a_date(7)),
    ]


def test_an_event_in_a_section_is_served_below_the_programme_slug(both, client):
    kaunas, gjilan, webinar = both

    assert [page.url for page in both] == [
        "/events/test/kaunas/",
        "/events/other/gjilan/",
        "/events/webinar/",
    ]
    for page in both:
        response = client.get(page.url)
        assert (response.status_code, response.context["page"].pk) == (200, page.pk)
        assert response.context["page"].events_listing.pk == event_index_page().pk
    download = client.get(kaunas.url + "calendar/")
    assert (download.status_code, download["Content-Type"]) == (
        200,
        "text/calendar; charset=utf-8",
    )


def test_the_event_page_links_back_to_the_listing_not_the_section(both, client):
    content = client.get(both[0].url).content.decode()
    assert '<a href="/events/">Events</a>' in content


def test_the_listing_month_view_and_feed_show_events_at_both_depths(both, index, client):
    listing = client.get(index.url)
    day = a_date(5)
    month = client.get(index.url + index.reverse_subpage("month", args=[day.year, day.month]))
    feed = client.get(index.url + "feed/")

    assert [entry["event"].title for entry in listing.context["entries"]] == [
        "Kaunas training",
        "Gjilan meeting",
        "Open webinar",
    ]
    in_month = {e[1].title for week in month.context["weeks"] for d in week for e in d["entries"]}
    assert in_month >= {page.title for page in both if page.start_date.month == day.month}
    assert feed.content.decode().count("BEGIN:VEVENT") == 3


@pytest.mark.parametrize(
    "path",
    [
        "test/nothing/",
        "other/kaunas/",  # an event of one section asked for below another
        "kaunas/",  # a section's event asked for at the top
        "test/kaunas/nothing/",
    ],
)
def test_paths_that_lead_to_no_event_are_not_served_as_one(path, both, index, client):
    assert client.get(index.url + path).status_code == 404


def test_a_draft_in_a_section_is_404(index, client):
    draft = event_page(publish=False, live=False, slug="draft")
    assert client.get(index.url + "test/draft/").status_code == 404
    assert draft.get_parent().specific.programme.slug == "test"
