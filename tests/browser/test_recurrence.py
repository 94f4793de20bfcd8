"""Issue 9's flow, clicked through: an organiser signs in with her password and TOTP code,
creates a bi-monthly meeting in her programme's events section with the repeat fields
("every 2 months on the second Tuesday, 6 times", no RRULE typed), sees its next dates in
the editor as she fills it in, publishes it, and finds the same dates on the event page."""

import re
from datetime import date, timedelta

from django.utils import timezone

import pytest

from events.models import EventPage, EventSectionPage
from tests.factories import PASSWORD, totp_activate
from tests.factories.events import event_index_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _second_tuesday(year: int, month: int) -> date:
    eighth = date(year, month, 8)
    return eighth + timedelta(days=(1 - eighth.weekday()) % 7)


def _months_later(day: date, months: int) -> tuple[int, int]:
    total = day.month - 1 + months
    return day.year + total // 12, total % 12 + 1


def _totp_code(authenticator) -> str:
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(authenticator.data["secret"], counters[len(counters) // 2]))


@pytest.fixture
def kosovo(live_server):
    """The Kosovo programme (its events section below the events listing) and its
    organiser, with TOTP set up as organisers must."""
    from tests.factories.programmes import organiser_of, programme_make

    event_index_page().save_revision().publish()
    programme = programme_make(
        "Kosovo coordination mechanisms",
        "kosovo",
        countries=["XK"],
        languages=["sq", "sr-latn"],
        time_zone="Europe/Belgrade",
    )
    from programmes.sections import programme_sections_ensure

    programme_sections_ensure(programme=programme)
    organiser = organiser_of(programme, email="organiser.kosovo@linkage.local")
    authenticator = totp_activate(organiser)
    section = EventSectionPage.objects.get(programme=programme)
    return programme, section, organiser, authenticator


def _sign_in_with_totp(page, live_server, email, authenticator):
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[type=email], input[name=login]").first.fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=password]")).locator(
        "button[type=submit]"
    ).first.click()
    page.wait_for_load_state()
    page.locator("input[name=code]").fill(_totp_code(authenticator))
    page.locator("form").filter(has=page.locator("input[name=code]")).locator(
        "button[type=submit]"
    ).first.click()
    page.wait_for_load_state()


def test_an_organiser_creates_a_bi_monthly_meeting_without_typing_a_rule(
    page, live_server, kosovo, screenshot, settings
):
    settings.MFA_TOTP_TOLERANCE = 1  # the code stays valid if a 30-second period ends mid-test
    programme, section, organiser, authenticator = kosovo
    year, month = _months_later(timezone.localdate(), 2)
    start = _second_tuesday(year, month)
    expected = [start]
    for _ in range(5):
        expected.append(_second_tuesday(*_months_later(expected[-1], 2)))

    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    _sign_in_with_totp(page, live_server, organiser.email, authenticator)
    page.goto(f"{live_server.url}/admin/pages/add/events/eventpage/{section.pk}/")
    page.wait_for_load_state()

    # The programme's zone is the default, named by country and city.
    zone = page.locator("select[name=time_zone]")
    assert zone.locator("option:checked").inner_text() == "Kosovo — Pristina"

    page.locator("#id_title").fill("Gjilan/Gnjilane coordination mechanism")
    page.locator("select[name=kind]").select_option("coordination_meeting")
    page.locator("#id_summary").fill("The municipal coordination mechanism meets.")
    page.locator("#id_start_date").fill(start.isoformat())
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("12:00")
    page.locator("input[name=languages][value=sq]").check()
    page.keyboard.press("Escape")  # close the date and time pickers

    # Monthly, every 2 months, on the second Tuesday, 6 times: no RRULE typed.
    page.get_by_label("Monthly", exact=True).check()
    assert page.locator("input[name=repeat_weekdays]").first.is_hidden()
    page.locator("#id_repeat_interval").fill("2")
    page.get_by_label("On the", exact=True).check()
    page.locator("select[name=repeat_ordinal]").select_option("2")
    page.locator("select[name=repeat_weekday]").select_option("TU")
    page.get_by_label("After", exact=True).check()
    page.locator("#id_repeat_count").fill("6")

    preview = page.locator("[data-recurrence-dates] li time")
    assert [item.get_attribute("datetime")[:10] for item in preview.all()] == [
        d.isoformat() for d in expected
    ]
    assert (
        "Local times in Kosovo — Pristina." in page.locator("[data-recurrence-zone]").inner_text()
    )
    page.locator("details.recurrence__advanced summary").click()
    assert page.locator("#id_recurrence").input_value() == (
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6"
    )
    screenshot("editor-preview")
    zone.scroll_into_view_if_needed()
    screenshot("editor-when")
    assert script_errors == []

    # Publish (in the menu beside "Save draft").
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name=re.compile("^Publish")).click()
    page.wait_for_load_state()
    event = EventPage.objects.get(title="Gjilan/Gnjilane coordination mechanism")
    assert (event.live, event.programme_id, event.recurrence, event.time_zone) == (
        True,
        programme.pk,
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6",
        "Europe/Belgrade",
    )

    # The editor lists the saved dates without a script too.
    page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    served = page.locator("[data-recurrence-dates] li time")
    assert [item.get_attribute("datetime")[:10] for item in served.all()] == [
        d.isoformat() for d in expected
    ]

    page.goto(f"{live_server.url}{event.url}")
    screenshot("event-page")
    listed = page.locator(".event-dates time")
    assert [item.get_attribute("datetime")[:10] for item in listed.all()][:6] == [
        d.isoformat() for d in expected
    ]
    assert page.external_requests == []
