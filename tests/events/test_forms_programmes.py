"""The event editor's programme parts (time zones by country with the programme's first,
its default zone, "Runs in", "Also run by") and the programme's events section that an
organiser creates events in."""

import re
from datetime import time, timedelta
from html import unescape

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from events.models import EventPage, EventSectionPage
from programmes.sections import programme_sections_ensure
from tests.factories.events import event_index_page, event_page

pytestmark = pytest.mark.django_db


def _section(programme) -> EventSectionPage:
    event_index_page()
    (section,) = [
        s for s in programme_sections_ensure(programme=programme) if isinstance(s, EventSectionPage)
    ]
    return section


@pytest.fixture
def organiser_client(organiser_with_totp) -> Client:
    client = Client()
    client.force_login(organiser_with_totp)
    return client


def _add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("events", "eventpage", parent.pk))


def _optgroups(html: str) -> dict[str, list[str]]:
    select = html[html.index('name="time_zone"') :]
    select = select[: select.index("</select>")]
    return {
        unescape(label): [unescape(o) for o in re.findall(r"<option [^>]*>([^<]+)</option>", body)]
        for label, body in re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    }


def _selected(html: str, name: str) -> str:
    select = html[html.index(f'name="{name}"') :]
    select = select[: select.index("</select>")]
    return [unescape(o) for o in re.findall(r"<option [^>]*selected[^>]*>([^<]+)</option>", select)]


def test_a_new_event_starts_in_the_programmes_zone_with_its_countries_first(
    organiser_client, programme, other_programme
):
    section = _section(programme)

    response = organiser_client.get(_add_url(section))

    assert response.status_code == 200
    html = response.content.decode()
    groups = _optgroups(html)
    assert list(groups) == ["The programme's countries", "All countries"]
    assert groups["The programme's countries"] == ["Lithuania — Vilnius"]
    assert "Lithuania — Vilnius" not in groups["All countries"]
    assert len(groups["All countries"]) > 300
    assert (_selected(html, "time_zone"), _selected(html, "country")) == (
        ["Lithuania — Vilnius"],
        ["Lithuania"],
    )


def test_a_kosovo_programmes_event_is_on_pristina_time_never_belgrade(superuser, other_programme):
    from tests.factories import totp_activate

    totp_activate(superuser)
    client = Client()
    client.force_login(superuser)
    section = _section(other_programme)

    html = client.get(_add_url(section)).content.decode()

    assert _optgroups(html)["The programme's countries"] == ["Kosovo — Pristina"]
    assert _selected(html, "time_zone") == ["Kosovo — Pristina"]


def test_an_event_in_serbia_on_belgrade_time_shows_serbia(superuser, other_programme):
    from tests.factories import totp_activate

    totp_activate(superuser)
    client = Client()
    client.force_login(superuser)
    other_programme.countries = ["XK", "RS"]
    other_programme.save()
    event = event_page(
        _section(other_programme), country="RS", time_zone="Europe/Belgrade", title="Novi Sad"
    )

    html = client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).content.decode()

    assert _optgroups(html)["The programme's countries"] == [
        "Kosovo — Pristina",
        "Serbia — Belgrade",
    ]
    assert _selected(html, "time_zone") == ["Serbia — Belgrade"]


def test_the_settings_say_where_the_event_runs_and_offer_the_other_programmes(
    organiser_client, programme, other_programme
):
    section = _section(programme)

    html = organiser_client.get(_add_url(section)).content.decode()

    runs_in = html[html.index(">Runs in<") :]
    assert re.search(r'<div class="w-field__textoutput"[^>]*>\s*([^<]+?)\s*</div>', runs_in).group(
        1
    ) == ("Test programme")
    boxes = re.findall(
        r'<input type="checkbox" name="shared_with" value="(\d+)"[^>]*>\s*([^<]+?)\s*</label>', html
    )
    assert boxes == [(str(other_programme.pk), "Other programme")]


def _meeting(**overrides) -> dict:
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    start = timezone.localdate() + timedelta(days=30)
    data = {
        "title": "Vilnius network meeting",
        "slug": "vilnius-network-meeting",
        "kind": "coordination_meeting",
        "event_format": "in_person",
        "status": "scheduled",
        "summary": "The help centres meet.",
        "body": rich_text("<p>Agenda to follow.</p>"),
        "start_date": start.isoformat(),
        "start_time": "10:00",
        "end_date": start.isoformat(),
        "end_time": "12:00",
        "time_zone": "Europe/Vilnius",
        "repeat_freq": "",
        "recurrence": "",
        "occurrence_changes": inline_formset([]),
        "country": "LT",
        "online_url": "",
        "interpretation": "",
        "capacity": "",
        "questions": streamfield([]),
    }
    data.update(overrides)
    shared = data.pop("shared_with", [])
    return {**nested_form_data(data), "languages": ["lt"], "shared_with": shared}


def test_an_organiser_creates_an_event_in_the_programmes_section_and_shares_it(
    organiser_client, programme, other_programme
):
    section = _section(programme)

    response = organiser_client.post(
        _add_url(section),
        {**_meeting(shared_with=[str(other_programme.pk)]), "action-publish": "publish"},
    )

    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="vilnius-network-meeting")
    assert (event.live, event.programme_id, event.programme_ids()) == (
        True,
        programme.pk,
        {programme.pk, other_programme.pk},
    )


def test_an_organiser_cannot_add_events_to_another_programmes_section(
    organiser_client, programme, other_programme
):
    _section(programme)
    others = _section(other_programme)

    response = organiser_client.get(_add_url(others))

    assert response.status_code in (302, 403)
    assert organiser_client.post(
        _add_url(others), {**_meeting(), "action-publish": "publish"}
    ).status_code in (302, 403)
    assert EventPage.objects.count() == 0


# --- the section page ---------------------------------------------------------------------


def test_a_section_lists_its_upcoming_live_events_in_their_own_zone(client, other_programme):
    section = _section(other_programme)
    soon = timezone.localdate() + timedelta(days=5)
    event_page(
        section,
        title="Gjilan coordination mechanism",
        start_date=soon,
        start_time=time(10, 0),
        end_time=time(12, 0),
        country="XK",
        time_zone="Europe/Belgrade",
    )
    event_page(section, title="Held last month", start_date=soon - timedelta(days=40))
    event_page(section, title="Still a draft", publish=False, live=False)
    event_page(event_index_page(), title="Not this programme's")

    response = client.get(section.url)

    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h2 class="event-card__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Gjilan coordination mechanism"]
    assert f"{soon:%A}" in html
    assert "10:00–12:00</time>" in html
    assert '<span class="event-zone">Central European Time</span>' in html
    assert "Belgrade" not in html
    assert "data-quick-exit" in html


def test_an_empty_section_says_so():
    from django.test import Client as PlainClient

    from tests.factories.programmes import programme_make

    section = _section(programme_make())

    response = PlainClient().get(section.url)

    assert response.status_code == 200
    assert "No upcoming events here yet." in response.content.decode()


@pytest.mark.parametrize("n", [1, 3])
def test_a_section_lists_its_events_in_a_fixed_number_of_queries(
    n, client, programme, django_assert_num_queries
):
    section = _section(programme)
    for i in range(n):
        event_page(section, title=f"Meeting {i}", slug=f"meeting-{i}")
    client.get(section.url)  # warm the site and locale caches

    with django_assert_num_queries(SECTION_QUERIES):
        response = client.get(section.url)

    assert len(response.context["entries"]) == n


SECTION_QUERIES = 16
