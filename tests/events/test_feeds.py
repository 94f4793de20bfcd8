"""The cached public feed forgets what changed: the next request shows every write that
alters what the feed says, and a shared proxy must ask again before serving it."""

from datetime import time

from wagtail.models import Locale

import pytest

from events.models import OccurrenceChange, Venue
from tests.factories.events import a_date, event_index_page, event_page, first_rule_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return event_index_page()


@pytest.fixture
def shelter():
    return Venue.objects.create(
        name="Safe House Drita",
        address="Rruga e Fshehtë 7",
        city="Gjakovë/Djakovica",
        country="XK",
    )


def feed(client, index) -> str:
    return client.get(index.url + "feed/").content.decode()


def location(text: str) -> list[str]:
    """The LOCATION lines of a feed, unfolded."""
    unfolded = text.replace("\r\n ", "")
    return [line for line in unfolded.split("\r\n") if line.startswith("LOCATION")]


def test_an_address_made_confidential_leaves_the_next_feed(client, index, shelter):
    event_page(index, venue=shelter, country="XK")
    assert location(feed(client, index)) == [
        "LOCATION:Safe House Drita\\, Rruga e Fshehtë 7\\, Gjakovë/Djakovica"
    ]

    shelter.address_private = True
    shelter.save()

    assert location(feed(client, index)) == ["LOCATION:Gjakovë/Djakovica"]


def test_a_renamed_venue_shows_in_the_next_feed(client, index, shelter):
    event_page(index, venue=shelter, country="XK")
    feed(client, index)

    shelter.name = "Women's Centre Drita"
    shelter.save()

    assert location(feed(client, index)) == [
        "LOCATION:Women's Centre Drita\\, Rruga e Fshehtë 7\\, Gjakovë/Djakovica"
    ]


def series(index):
    start = first_rule_date("FREQ=WEEKLY", a_date(7))
    return event_page(index, start_date=start, recurrence="FREQ=WEEKLY;COUNT=4"), start


def test_a_cancelled_occurrence_shows_in_the_next_feed(client, index):
    page, start = series(index)
    assert "EXDATE" not in feed(client, index)

    OccurrenceChange.objects.create(page=page, original_date=start, action="cancel")

    assert f"EXDATE;TZID=Europe/Vilnius:{start:%Y%m%d}T100000" in feed(client, index)


def test_a_moved_occurrence_shows_in_the_next_feed(client, index):
    page, start = series(index)
    feed(client, index)

    OccurrenceChange.objects.create(
        page=page, original_date=start, action="move", new_start_time=time(15, 0)
    )

    text = feed(client, index)
    assert (
        f"RECURRENCE-ID;TZID=Europe/Vilnius:{start:%Y%m%d}T100000" in text,
        f"DTSTART;TZID=Europe/Vilnius:{start:%Y%m%d}T150000" in text,
    ) == (True, True)


def test_a_change_removed_shows_in_the_next_feed(client, index):
    page, start = series(index)
    change = OccurrenceChange.objects.create(page=page, original_date=start, action="cancel")
    assert "EXDATE" in feed(client, index)

    change.delete()

    assert "EXDATE" not in feed(client, index)


def test_a_published_translation_shows_in_the_next_feed_of_its_language(client, index):
    page = event_page(index, title="Risk assessment training")
    lithuanian = Locale.objects.create(language_code="lt")
    index.get_parent().copy_for_translation(lithuanian).save_revision().publish()
    lt_index = index.copy_for_translation(lithuanian)
    lt_index.save_revision().publish()
    translation = page.copy_for_translation(lithuanian)
    translation.title = "Rizikos vertinimo mokymai"
    translation.save_revision().publish()
    lt_index.refresh_from_db()
    url = lt_index.url + "feed/"
    assert "SUMMARY:Rizikos vertinimo mokymai" in client.get(url).content.decode()

    translation.title = "Rizikos vertinimas"
    translation.save_revision().publish()

    assert "SUMMARY:Rizikos vertinimas\r\n" in client.get(url).content.decode()


def test_an_unpublished_event_leaves_the_next_feed(client, index):
    page = event_page(index, title="Withdrawn training")
    assert "SUMMARY:Withdrawn training" in feed(client, index)

    page.unpublish()

    assert "Withdrawn training" not in feed(client, index)


def test_a_shared_proxy_must_revalidate_and_an_unchanged_feed_is_a_304(client, index, shelter):
    event_page(index, venue=shelter, country="XK")
    first = client.get(index.url + "feed/")

    again = client.get(index.url + "feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    shelter.address_private = True
    shelter.save()
    changed = client.get(index.url + "feed/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert (first.status_code, first["Cache-Control"]) == (200, "public, no-cache")
    assert (again.status_code, again.content, again["ETag"], again["Cache-Control"]) == (
        304,
        b"",
        first["ETag"],
        "public, no-cache",
    )
    assert (changed.status_code, changed["ETag"] != first["ETag"]) == (200, True)
    assert location(changed.content.decode()) == ["LOCATION:Gjakovë/Djakovica"]


def test_the_version_moves_again_when_the_change_is_committed(
    shelter, django_capture_on_commit_callbacks
):
    from events.selectors import events_version

    with django_capture_on_commit_callbacks(execute=True):
        shelter.address_private = True
        shelter.save()
        # A feed another request built now, from the rows before the commit, would be
        # stored under this version: it must not be the one after the commit.
        during = events_version()

    assert events_version() != during
