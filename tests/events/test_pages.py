"""Event pages in the Wagtail editor: where they can go, and the add form end to end."""

from datetime import date, time

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import (
    EventIndexPage,
    EventPage,
    EventSectionPage,
    OccurrenceChange,
    StudyVisitPage,
)
from home.models import HomePage
from tests.factories.events import event_index_page, event_page

pytestmark = pytest.mark.django_db


def test_events_live_only_under_the_listing_or_a_programme_section():
    for model in (EventPage, StudyVisitPage):
        assert model.parent_page_types == ["events.EventIndexPage", "events.EventSectionPage"]
    assert EventSectionPage.parent_page_types == ["events.EventIndexPage"]
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
            "with this rule, the first one is Tuesday 10 March 2026.",
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
    assert "The event does not take place on Wednesday 11 March 2026:" in response.content.decode()
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


# --- serving ------------------------------------------------------------------------------


def _imports(path: str) -> set[str]:
    import ast
    from pathlib import Path

    tree = ast.parse(Path(path).read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_page_models_never_import_views_and_calendars_never_import_models():
    from pathlib import Path

    models = {
        str(path): sorted(i for i in _imports(str(path)) if i.endswith("views"))
        for path in sorted(Path("events/models").glob("*.py"))
    }
    assert {path: found for path, found in models.items() if found} == {}
    assert sorted(i for i in _imports("events/ical.py") if "models" in i) == []


@pytest.mark.parametrize(
    ("status", "text"),
    [
        ("confirmed", "You are registered."),
        ("waitlisted", "You are on the waiting list (number 1)."),
        ("pending", "Your registration awaits an organiser"),
        ("offered", "Take the place"),
    ],
)
def test_the_event_page_tells_a_person_where_their_registration_stands(status, text, client):
    from django.utils import timezone

    from events.models import Registration
    from tests.factories import UserFactory

    page = event_page()
    person = UserFactory(email="vjosa@example.org")
    Registration.objects.create(
        event=page, person=person, status=status, waitlisted_at=timezone.now()
    )
    client.force_login(person)

    body = client.get(page.url).content.decode()

    assert (text in body, "Cancel my registration" in body) == (
        True,
        status in ("confirmed", "pending"),
    )


def test_a_translated_event_page_counts_the_seats_of_the_original(client):
    from wagtail.models import Locale

    from events import services
    from tests.factories import UserFactory

    index = event_index_page()
    page = event_page(index, capacity=3)
    person = UserFactory(email="vjosa@example.org")
    services.registration_create(event=page, person=person)
    lithuanian = Locale.objects.create(language_code="lt")
    index.get_parent().copy_for_translation(lithuanian).save_revision().publish()
    index.copy_for_translation(lithuanian).save_revision().publish()
    translation = page.copy_for_translation(lithuanian)
    translation.save_revision().publish()
    translation.refresh_from_db()
    client.force_login(person)

    response = client.get(translation.url)

    assert (response.status_code, response.context["seats_left"]) == (200, 2)
    assert response.context["registration"].event_id == page.pk


def test_unknown_and_draft_events_are_404_and_the_listings_own_routes_still_work(client):
    index = event_index_page()
    draft = event_page(index, publish=False, live=False, slug="draft")

    assert [
        client.get(index.url + "nothing-here/").status_code,
        client.get(draft.url or index.url + "draft/").status_code,
        client.get(index.url + "feed/").status_code,
        client.get(index.url + "month/2027/3/").status_code,
    ] == [404, 404, 200, 200]


def test_a_restricted_listing_keeps_its_events_from_anonymous_readers(client):
    from wagtail.models import PageViewRestriction

    index = event_index_page()
    page = event_page(index)
    PageViewRestriction.objects.create(page=index, restriction_type="login")

    response = client.get(page.url)

    assert (response.status_code, response["Location"].startswith("/accounts/login/")) == (
        302,
        True,
    )


def test_a_study_visit_is_served_as_a_study_visit(client):
    index = event_index_page()
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
        languages=["en"],
        destination="Madrid",
        host_organisations="Fundación ANAR",
    )
    index.add_child(instance=visit)
    visit.save_revision().publish()

    response = client.get(visit.url)

    assert (type(response.context["page"]), response.context["page"].hosts) == (
        StudyVisitPage,
        ["Fundación ANAR"],
    )


def test_an_event_page_preview_renders():
    page = event_page(event_index_page())

    response = page.make_preview_request()

    assert (response.status_code, response.context_data["seats_left"]) == (200, 2)


def test_an_events_cancelled_date_shows_on_its_page_and_in_its_download(client):
    from tests.factories.events import a_date, first_rule_date

    start = first_rule_date("FREQ=WEEKLY", a_date(7))
    page = event_page(start_date=start, recurrence="FREQ=WEEKLY;COUNT=3")
    OccurrenceChange.objects.create(page=page, original_date=start, action="cancel")

    body = client.get(page.url).content.decode()
    download = client.get(page.url + "calendar/").content.decode()

    assert ("<strong>cancelled</strong>" in body, f"{start:%Y%m%d}T100000" in download) == (
        True,
        True,
    )
