"""The event editor's "Repeats" end to end through Wagtail's add and edit views: the fields
write the RRULE, a stored rule comes back into the fields, "Repeats" decides between the
fields and the advanced box, faults are named on the field at fault, and the next dates
are listed (without a script: after saving)."""

import re
from datetime import date, time, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import EventPage
from tests.factories.events import event_index_page, event_page

pytestmark = pytest.mark.django_db

# The second Tuesday of a month some way ahead: a bi-monthly meeting starts there.
YEAR = timezone.localdate().year + 1
START = date(YEAR, 1, 8) + timedelta(days=(1 - date(YEAR, 1, 8).weekday()) % 7)
MONDAY_BEFORE = START - timedelta(days=1)


def _data(**overrides) -> dict:
    """What the editor posts for a bi-monthly meeting on the second Tuesday, six times."""
    data = {
        "title": "Gjilan coordination mechanism",
        "slug": "gjilan-coordination",
        "kind": "coordination_meeting",
        "event_format": "in_person",
        "status": "scheduled",
        "summary": "The municipal coordination mechanism meets every two months.",
        "body": rich_text("<p>Police, social welfare, courts, shelters and NGOs.</p>"),
        "start_date": START.isoformat(),
        "start_time": "10:00",
        "end_date": START.isoformat(),
        "end_time": "12:00",
        "time_zone": "Europe/Belgrade",
        "repeat_freq": "MONTHLY",
        "repeat_interval": "2",
        "repeat_monthly_by": "weekday",
        "repeat_month_day": str(START.day),
        "repeat_ordinal": "2",
        "repeat_weekday": "TU",
        "repeat_ends": "count",
        "repeat_count": "6",
        "repeat_until": "",
        # What the script left in the advanced box: the fields win unless "Another rule".
        "recurrence": "FREQ=DAILY",
        "occurrence_changes": inline_formset([]),
        "country": "XK",
        "online_url": "",
        "interpretation": "",
        "registration_required": "on",
        "capacity": "25",
        "questions": streamfield([]),
    }
    data.update(overrides)
    weekdays = data.pop("repeat_weekdays", [])
    return {**nested_form_data(data), "languages": ["sq", "sr"], "repeat_weekdays": weekdays}


@pytest.fixture
def editor(superuser):
    from tests.factories import totp_activate

    totp_activate(superuser)
    client = Client()
    client.force_login(superuser)
    return client


def _add(client, parent, data, action="action-publish"):
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", parent.pk))
    return client.post(url, {**data, action: action.removeprefix("action-")})


def _errors(response) -> dict:
    assert response.status_code == 200, response
    return {name: " ".join(messages) for name, messages in response.context["form"].errors.items()}


def test_the_fields_write_the_rule_and_the_advanced_box_is_ignored(editor):
    response = _add(editor, event_index_page(), _data())

    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="gjilan-coordination")
    assert page.recurrence == "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6"
    assert [o.start.date() for o in page.schedule().occurrences()][:3] == [
        START,
        *[
            d
            for d in (
                date(YEAR, 3, day) for day in range(8, 15) if date(YEAR, 3, day).weekday() == 1
            )
        ],
        *[
            d
            for d in (
                date(YEAR, 5, day) for day in range(8, 15) if date(YEAR, 5, day).weekday() == 1
            )
        ],
    ]


@pytest.mark.parametrize(
    ("overrides", "rule"),
    [
        ({"repeat_freq": ""}, ""),
        (
            {"repeat_freq": "custom", "recurrence": "FREQ=MONTHLY;BYDAY=2TU,4TU"},
            "FREQ=MONTHLY;BYDAY=2TU,4TU",
        ),
        (
            {"repeat_freq": "WEEKLY", "repeat_weekdays": ["TU", "TH"], "repeat_ends": "never"},
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
        ),
        (
            {"repeat_monthly_by": "day", "repeat_ends": "until", "repeat_until": f"{YEAR}-12-31"},
            f"FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY={START.day};UNTIL={YEAR}1231",
        ),
        ({"repeat_freq": "YEARLY", "repeat_interval": "1", "repeat_ends": "never"}, "FREQ=YEARLY"),
        (
            {"repeat_freq": "DAILY", "repeat_interval": "", "repeat_count": "3"},
            "FREQ=DAILY;COUNT=3",
        ),
    ],
)
def test_repeats_decides_what_is_saved(editor, overrides, rule):
    response = _add(editor, event_index_page(), _data(**overrides))

    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get().recurrence == rule


def test_a_client_that_sends_only_the_raw_rule_is_taken_at_it(editor):
    data = _data(recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=4")
    data = {k: v for k, v in data.items() if not k.startswith("repeat_")}

    response = _add(editor, event_index_page(), data)

    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get().recurrence == "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=4"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"repeat_freq": "WEEKLY", "repeat_weekdays": []}, "repeat_weekdays", "Tick at least one"),
        ({"repeat_interval": "0"}, "repeat_interval", "1 to 99"),
        ({"repeat_interval": "100"}, "repeat_interval", "1 to 99"),
        (
            {"repeat_monthly_by": "day", "repeat_month_day": "31"},
            "repeat_month_day",
            "Not every month has a day 31",
        ),
        ({"repeat_monthly_by": "day", "repeat_month_day": ""}, "repeat_month_day", "from 1 to 28"),
        (
            {"repeat_ends": "until", "repeat_until": MONDAY_BEFORE.isoformat()},
            "repeat_until",
            "must end after the start date",
        ),
        ({"repeat_ends": "count", "repeat_count": "1"}, "repeat_count", "from 2 to 1000"),
        ({"repeat_ends": "count", "repeat_count": ""}, "repeat_count", "number of times"),
        ({"repeat_ends": "until", "repeat_until": ""}, "repeat_until", "last date"),
        # Every second Tuesday, starting on a Monday: the start must be one of the dates.
        (
            {"start_date": MONDAY_BEFORE.isoformat(), "end_date": MONDAY_BEFORE.isoformat()},
            "start_date",
            f"the first one is {START:%A} {START.day} {START:%B} {START.year}.",
        ),
        ({"repeat_freq": "custom", "recurrence": ""}, "recurrence", "Type the rule here"),
        (
            {"repeat_freq": "custom", "recurrence": "FREQ=DAILY;COUNT=3;UNTIL=20991231"},
            "recurrence",
            "not both",
        ),
        (
            {"repeat_freq": "custom", "recurrence": "FREQ=MONTHLY;BYDAY=2TU;BYMONTHDAY=13"},
            "recurrence",
            "almost never",
        ),
        (
            {"repeat_freq": "custom", "recurrence": "every other tuesday"},
            "recurrence",
            "could not be read",
        ),
    ],
)
def test_a_contradiction_is_refused_on_the_field_at_fault(editor, overrides, field, message):
    response = _add(editor, event_index_page(), _data(**overrides))

    errors = _errors(response)
    assert list(errors) == [field]
    assert message in errors[field]
    assert EventPage.objects.count() == 0


def test_the_fields_the_chosen_repeat_does_not_use_cannot_stop_a_save(editor):
    data = _data(
        repeat_ends="never",
        repeat_count="many",
        repeat_until="soon",
        repeat_month_day="x",
        repeat_interval="2",
    )

    response = _add(editor, event_index_page(), data)

    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get().recurrence == "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU"


def _edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6",
            {
                "repeat_freq": "MONTHLY",
                "repeat_interval": 2,
                "repeat_monthly_by": "weekday",
                "repeat_ordinal": "2",
                "repeat_weekday": "TU",
                "repeat_ends": "count",
                "repeat_count": 6,
            },
        ),
        (
            f"FREQ=WEEKLY;BYDAY=TU,FR;UNTIL={YEAR}0630",
            {
                "repeat_freq": "WEEKLY",
                "repeat_interval": 1,
                "repeat_weekdays": ["TU", "FR"],
                "repeat_ends": "until",
                "repeat_until": date(YEAR, 6, 30),
            },
        ),
        ("", {"repeat_freq": "", "repeat_weekdays": ["TU"], "repeat_ends": "never"}),
        ("FREQ=MONTHLY;BYDAY=2TU,4TU", {"repeat_freq": "custom"}),
    ],
)
def test_a_stored_rule_comes_back_into_the_fields(editor, rule, expected):
    page = event_page(start_date=START, recurrence=rule, time_zone="Europe/Belgrade", country="XK")

    form = _edit_form(editor, page).context["form"]

    assert {name: form[name].value() for name in expected} == expected


def test_a_rule_the_fields_cannot_say_opens_the_advanced_box(editor):
    page = event_page(start_date=START, recurrence="FREQ=MONTHLY;BYDAY=2TU,4TU")

    html = _edit_form(editor, page).content.decode()

    assert re.search(r'<details class="recurrence__advanced"\s+open>', html)
    assert 'value="FREQ=MONTHLY;BYDAY=2TU,4TU"' in html


def _resubmit(client, page, **overrides):
    """Post the edit form back as it came, with ``overrides``."""
    response = _edit_form(client, page)
    form = response.context["form"]
    data = _data(
        title=page.title,
        slug=page.slug,
        start_date=page.start_date.isoformat(),
        end_date=page.end_date.isoformat(),
        start_time=page.start_time.strftime("%H:%M"),
        end_time=page.end_time.strftime("%H:%M"),
        country=page.country,
        time_zone=page.time_zone,
        capacity=str(page.capacity),
        recurrence=page.recurrence,
        **{
            name: (value.isoformat() if isinstance(value, date) else value)
            for name in form.fields
            if name.startswith("repeat_")
            for value in [form[name].value()]
            if value is not None
        },
    )
    data.update(overrides)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return client.post(url, {**data, "action-publish": "publish"})


def test_re_saving_an_unchanged_event_keeps_its_rule_as_written_and_its_calendar_sequence(editor):
    # Written in another order than the fields write it: still the same rule.
    page = event_page(
        start_date=START,
        recurrence="BYDAY=2TU;FREQ=MONTHLY;COUNT=6;INTERVAL=2",
        time_zone="Europe/Belgrade",
        country="XK",
    )
    sequence = EventPage.objects.get(pk=page.pk).sequence

    response = _resubmit(editor, page, summary="Now with the agenda attached.")

    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(pk=page.pk)
    assert (page.summary, page.recurrence, page.sequence) == (
        "Now with the agenda attached.",
        "BYDAY=2TU;FREQ=MONTHLY;COUNT=6;INTERVAL=2",
        sequence,
    )


def test_changing_the_fields_of_a_stored_rule_rewrites_it(editor):
    page = event_page(start_date=START, recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6")

    response = _resubmit(editor, page, repeat_count="12")

    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(pk=page.pk).recurrence == (
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12"
    )


def test_the_editor_lists_the_next_six_dates_in_the_events_zone_named(editor):
    page = event_page(
        start_date=START,
        start_time=time(10, 0),
        end_time=time(12, 0),
        recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12",
        time_zone="Europe/Belgrade",
        country="XK",
    )

    html = _edit_form(editor, page).content.decode()

    preview = html[html.index("data-recurrence-dates") :]
    preview = preview[: preview.index("</ol>")]
    dates = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', preview)
    assert len(dates) == 6
    # The organiser's language's own date format (English here).
    day = formats.date_format(START, "DATE_FORMAT")
    assert dates[0] == (f"{START.isoformat()}T10:00:00+01:00", f"{day}, 10:00")
    assert day.startswith("Tuesday ")  # the weekday once, from the format itself
    assert "Local times in Kosovo — Pristina." in html
    assert "Belgrade" not in html[html.index("data-recurrence-zone") :][:300]


def test_the_preview_marks_a_cancelled_date(editor):
    from events.models import OccurrenceChange

    page = event_page(start_date=START, recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6")
    second = page.schedule().occurrences()[1].key
    OccurrenceChange.objects.create(page=page, original_date=second, action="cancel")
    page.save_revision()

    html = _edit_form(editor, page).content.decode()

    assert re.search(r"</time> — <strong>cancelled</strong>", html)


def test_the_editor_brings_its_script_and_styles_from_our_own_origin(editor):
    html = _edit_form(editor, event_page()).content.decode()

    assert re.search(r'<script src="/static/events/recurrence\.js', html)
    assert re.search(r'href="/static/events/recurrence\.css', html)
