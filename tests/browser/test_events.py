"""Issue 4's flow, clicked through: register for an event, add it to a calendar, cancel,
and the person first on the waiting list is offered the place and takes it."""

import re

from django.core import mail

import pytest

from events import services
from events.models import Registration
from tests.browser.test_foundation import _sign_up_and_verify
from tests.factories import PASSWORD, UserFactory
from tests.factories.events import a_date, event_page, first_rule_date

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _log_in(page, live_server, email):
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[type=email], input[name=login]").first.fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=password]")).locator(
        "button[type=submit]"
    ).first.click()
    page.wait_for_load_state()


def test_register_add_to_calendar_cancel_and_the_waiting_list_moves(
    chromium, page, live_server, screenshot
):
    event = event_page(
        title="Joint risk assessment",
        capacity=1,
        questions=[
            {
                "type": "question",
                "value": {
                    "label": "Access needs",
                    "help_text": "Tell us what would help you take part.",
                    "kind": "text",
                    "choices": "",
                    "required": False,
                },
            }
        ],
    )
    _sign_up_and_verify(page, live_server)

    page.goto(f"{live_server.url}{event.url}")
    page.get_by_label(re.compile("Access needs")).fill("Step-free entrance")
    page.get_by_role("button", name="Register", exact=True).click()
    page.wait_for_load_state()
    screenshot("registered")
    assert "You are registered." in page.locator("main").inner_text()
    registration = Registration.objects.get(person__email="amira@example.org")
    assert (registration.status, list(registration.answers.values())) == (
        "confirmed",
        ["Step-free entrance"],
    )
    assert any(m.subject == "You are registered: Joint risk assessment" for m in mail.outbox)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    with open(download_info.value.path(), "rb") as ics:
        calendar = ics.read().decode()
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert f"UID:event-{event.translation_key}@" in calendar

    # Someone else joins the waiting list of the now-full event.
    waiting = UserFactory(email="waiting@example.org")
    assert services.registration_create(event=event, person=waiting).status == "waitlisted"

    page.get_by_role("button", name="Cancel my registration").click()
    page.wait_for_load_state()
    screenshot("cancelled")
    assert "Your registration is cancelled." in page.locator("main").inner_text()

    # The person first on the waiting list sees the offer in My Linkage and takes it.
    context = chromium.new_context(viewport={"width": 390, "height": 900})
    other = context.new_page()
    try:
        _log_in(other, live_server, "waiting@example.org")
        other.goto(f"{live_server.url}/my/")
        other.get_by_role("button", name=re.compile("^Take the place")).click()
        other.wait_for_load_state()
        other.screenshot(path="test-artifacts/events-offer-taken.png", full_page=True)
        assert "The place is yours." in other.locator("main").inner_text()
    finally:
        context.close()
    assert Registration.objects.get(person=waiting).status == "confirmed"
    assert page.external_requests == []


def test_event_pages_fit_a_320px_screen_and_keep_the_quick_exit(chromium, live_server):
    from events.models import Venue

    venue = Venue.objects.create(
        name="Municipal Assembly Hall",
        address="Rruga e Dëshmorëve 12",
        city="Gjilan/Gnjilane",
        country="XK",
        step_free=True,
        accessibility_notes="Ramp at the side entrance; the lift reaches every floor.",
    )
    event = event_page(
        title="Coordination mechanism of Gjilan/Gnjilane, bi-monthly meeting",
        venue=venue,
        country="XK",
        time_zone="Europe/Belgrade",
        start_date=first_rule_date("FREQ=MONTHLY;BYDAY=2TU", a_date(1)),
        recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6",
    )
    index = event.get_parent().specific
    day = event.start_date
    context = chromium.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    try:
        for path in (
            index.url,
            f"{index.url}month/{day.year}/{day.month}/",
            event.url,
        ):
            page.goto(f"{live_server.url}{path}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert (path, overflow) == (path, 0)
            assert page.locator("a[data-quick-exit]").first.is_visible()
        page.screenshot(path="test-artifacts/event-page-320.png", full_page=True)
    finally:
        context.close()
