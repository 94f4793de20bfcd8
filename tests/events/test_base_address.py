"""Every link events send out (registration e-mails, their calendar files, the public feed,
an event's download) is on the site's one base address, LINKAGE_BASE_URL, even when the
request that caused it came in on another host name."""

from django.core import mail
from django.test import override_settings
from django.urls import reverse

import icalendar
import pytest

from tests.factories import UserFactory
from tests.factories.events import event_index_page, event_page

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("other_host"),
]

BASE = "https://linkage.example.org"
OTHER = "evil.example"


@pytest.fixture
def other_host():
    with override_settings(LINKAGE_BASE_URL=BASE, ALLOWED_HOSTS=["testserver", OTHER]):
        yield


@pytest.fixture
def index():
    return event_index_page()


def calendar_links(data: bytes) -> list[tuple[str, str]]:
    """(UID, URL) of each event in a calendar file."""
    calendar = icalendar.Calendar.from_ical(data)
    return [
        (str(component["UID"]), str(component.get("URL", "")))
        for component in calendar.walk("VEVENT")
    ]


def test_a_registration_e_mail_links_to_the_base_address(
    index, client, django_capture_on_commit_callbacks
):
    page = event_page(index)
    client.force_login(UserFactory(email="vjosa@example.org"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:register", args=[page.pk]), HTTP_HOST=OTHER)

    (message,) = mail.outbox
    assert [line for line in message.body.splitlines() if "://" in line] == [
        f"{BASE}{page.url}",
        "Your registrations and a private calendar address are in My Linkage: " + f"{BASE}/my/",
    ]
    ((_name, data, _type),) = message.attachments
    assert calendar_links(data) == [
        (f"event-{page.translation_key}@linkage.example.org", f"{BASE}{page.url}")
    ]


def test_the_public_feed_and_an_event_download_link_to_the_base_address(index, client):
    page = event_page(index)

    feed = client.get(index.url + "feed/", HTTP_HOST=OTHER)
    download = client.get(page.url + "calendar/", HTTP_HOST=OTHER)

    expected = [(f"event-{page.translation_key}@linkage.example.org", f"{BASE}{page.url}")]
    assert (feed.status_code, download.status_code) == (200, 200)
    assert (calendar_links(feed.content), calendar_links(download.content)) == (
        expected,
        expected,
    )


def test_my_linkage_gives_the_private_feed_on_the_base_address(client):
    person = UserFactory()
    client.force_login(person)

    html = client.get(reverse("people:dashboard"), HTTP_HOST=OTHER).content.decode()

    assert f"{BASE}/attend/calendar/" in html
    assert "webcal://linkage.example.org/attend/calendar/" in html
    assert OTHER not in html
