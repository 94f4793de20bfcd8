"""Fixtures for the programmes tests: the events and courses listings (so that programmes
get their sections of the page tree), signed-in admin clients, and a fake source of
participants for ``people_visible_to``."""

from django.test import Client

import pytest

from courses.models import CourseIndexPage
from events.models import EventIndexPage
from programmes import selectors
from tests.factories import totp_activate


@pytest.fixture
def indexes(home_page) -> dict:
    """The events listing and the course catalogue, published below the home page."""
    events = EventIndexPage(title="Events", slug="events")
    home_page.add_child(instance=events)
    events.save_revision().publish()
    courses = CourseIndexPage(title="Courses", slug="courses")
    home_page.add_child(instance=courses)
    courses.save_revision().publish()
    return {"events": events, "courses": courses}


# The suite's programmes, created once the listings exist, so they get their sections.
@pytest.fixture
def programme(indexes, programme):
    return programme


@pytest.fixture
def other_programme(indexes, other_programme):
    return other_programme


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def organiser_client(organiser_with_totp) -> Client:
    return logged_in(organiser_with_totp)


@pytest.fixture
def other_organiser_client(other_organiser) -> Client:
    totp_activate(other_organiser)
    return logged_in(other_organiser)


@pytest.fixture
def superuser_client(superuser) -> Client:
    totp_activate(superuser)
    return logged_in(superuser)


@pytest.fixture
def participants(monkeypatch):
    """``participants[programme_id] = {person ids}``: who takes part in which programme, as a
    feature app's people source would say."""
    from django.contrib.auth import get_user_model

    taking_part: dict[int, set[int]] = {}

    def source(ids):
        wanted = set()
        for programme_id, people in taking_part.items():
            if ids is None or programme_id in ids:
                wanted |= people
        return get_user_model().objects.filter(pk__in=wanted).values("pk")

    monkeypatch.setattr(selectors, "_people_sources", {"test": source})
    return taking_part
