"""Event pages in the Wagtail editor: where they can go, and the add form end to end."""

from datetime import date, time

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import EventIndexPage, EventPage, OccurrenceChange, StudyVisitPage
from home.models import HomePage
from tests.factories.events import event_index_page, event_page

pytestmark = pytest.mark.django_db


def test_events_live_only_under_the_listing():
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert StudyVisitPage.parent_page_types == ["events.EventIndexPage"]
    assert EventIndexPage.can_create_at(HomePage()) is True
    assert EventPage.can_create_at(HomePage()) is False


def _form(**overrides):
    data = {
        "title": "Gjilan coordination mechanism",
        "slug": "gjilan-coordination",
        "kind": "coordination_meeting",
        "event_format": "in_person",
        "status": "scheduled",
        "summary": "The municipal coordination mechanism meets every two months.",
        "body": rich_text("<p>Police, social welfare, courts, shelters and NGOs.</p>"),
        "start_date": "2026-01-13",
        "start_time": "10:00",
        "end_date": "2026-01-13",
        "end_time": "12:00",
        "time_zone": "Europe/Belgrade",
        "recurrence": "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6",
        "occurrence_changes": inline_formset(
            [{"original_date": "2026-03-10", "action": "cancel", "note": "Election day"}]
        ),
        "country": "XK",
        "online_url": "",
        "interpretation": "Albanian ↔ Serbian",
        "campaign": "",
        "registration_required": "on",
        "capacity": "25",
        "questions": streamfield(
            [
                (
                    "question",
                    {
                        "label": "Interpretation needed",
                        "help_text": "",
                        "kind": "choice",
                        "choices": "None\nAlbanian → Serbian\nSerbian → Albanian",
                        "required": "on",
                    },
                )
            ]
        ),
    }
    data.update(overrides)
    # A list is several values of one field (checkboxes), not a nested form.
    return {**nested_form_data(data), "languages": ["sq", "sr"]}


@pytest.fixture
def editor(superuser):
    from tests.factories import totp_activate

    totp_activate(superuser)
    client = Client()
    client.force_login(superuser)
    return client


def _add(client, index, data):
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk))
    return client.post(url, {**data, "action-publish": "publish"})


def test_an_organiser_creates_a_recurring_meeting_in_the_editor(editor):
    index = event_index_page()
    response = _add(editor, index, _form())
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="gjilan-coordination")
    assert (page.live, page.languages, page.question_list[0]["choices"]) == (
        True,
        ["sq", "sr"],
        ["None", "Albanian → Serbian", "Serbian → Albanian"],
    )
    assert list(OccurrenceChange.objects.values_list("original_date", "action")) == [
        (date(2026, 3, 10), "cancel")
    ]
    # UTC copies: 10:00 in Belgrade in January is 09:00 UTC.
    assert (page.starts_at.hour, page.start_time) == (9, time(10, 0))


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"recurrence": "every other tuesday"}, "recurrence", "could not be read"),
        ({"end_time": "09:00"}, "end_time", "must end after it starts"),
        (
            {"start_date": "2026-01-14", "end_date": "2026-01-14"},
            "start_date",
            "with this rule, the first one is 10.03.2026",
        ),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
        ({"event_format": "online"}, "online_url", "needs its online link"),
    ],
)
def test_the_editor_refuses_bad_input_with_a_message(editor, overrides, field, message):
    index = event_index_page()
    response = _add(editor, index, _form(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field])
    assert EventPage.objects.count() == 0


def test_a_cancelled_date_the_rule_never_gives_is_refused(editor):
    index = event_index_page()
    data = _form(
        occurrence_changes=inline_formset(
            [{"original_date": "2026-03-11", "action": "cancel", "note": ""}]
        )
    )
    response = _add(editor, index, data)
    assert response.status_code == 200
    assert "The event does not take place on 11.03.2026" in response.content.decode()
    assert EventPage.objects.count() == 0


def test_a_copied_event_starts_its_own_calendar_history():
    original = event_page()
    original.start_time, original.end_time = time(11, 0), time(14, 0)
    original.save_revision().publish()
    original.refresh_from_db()
    assert original.sequence == 1
    copy = original.copy(update_attrs={"slug": "copy", "title": "Copy"}, keep_live=False)
    assert (
        copy.sequence,
        copy.schedule_fingerprint,
        copy.translation_key != original.translation_key,
    ) == (
        0,
        "",
        True,
    )
