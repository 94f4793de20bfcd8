"""Every time shown for an event is its own: the wall-clock time where it happens, its zone
named in words, whatever zone the server is in.

Three series, one each in Vilnius (Europe/Vilnius), Brussels (Europe/Brussels) and Prishtina
(Kosovo, on Europe/Belgrade), repeat weekly across the last Sunday of March, when Europe
moves its clocks forward. The server runs on New York time (then on UTC): a page that wrote
a time in the server's zone would show 10:00 in Vilnius as 04:00 or 03:00, and a UTC copy
would move by an hour across the change. Every ``<time>`` on the month view, the list, the
event page and My Linkage, and every "When" line of the e-mails, must read as the event's
calendar does.
"""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest

from events.models import StudyVisitPage
from tests.factories import UserFactory
from tests.factories.events import a_date, event_index_page, event_page

pytestmark = pytest.mark.django_db

YEAR = date.today().year + 1
MARCH_31 = date(YEAR, 3, 31)
DST_SUNDAY = MARCH_31 - timedelta(days=(MARCH_31.weekday() + 1) % 7)  # the last Sunday
EET, CET = "Eastern European Time", "Central European Time"

# (title, zone, country, weekday before the change, start, end, zone in words)
SERIES = [
    ("Vilnius debate", "Europe/Vilnius", "LT", 4, time(17, 0), time(19, 0), EET),
    ("Brussels webinar", "Europe/Brussels", "BE", 3, time(18, 0), time(19, 30), CET),
    ("Prishtina coordination", "Europe/Belgrade", "XK", 2, time(10, 0), time(12, 0), CET),
]
TIME_TAG = re.compile(
    r'<time datetime="([^"]+)">([^<]+)</time> <span class="event-zone">([^<]+)</span>'
    r'(?: <span class="event-zone event-zone--yours">\(([^<]+)\)</span>)?'
)


@pytest.fixture(params=["America/New_York", "UTC"])
def server_zone(request, settings):
    """The server's own zone is neither of the events' (Europe/Brussels by default)."""
    settings.TIME_ZONE = request.param
    return request.param


def first_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def series_dates(weekday: int) -> list[date]:
    """Three weekly dates: the one before the change of clocks, then two after it."""
    first = first_on_or_before(DST_SUNDAY - timedelta(days=1), weekday)
    return [first + timedelta(weeks=n) for n in range(3)]


def day(on: date) -> str:
    """How English writes a day: "Thursday 25 March 2027" (the weekday once)."""
    return date_format(on, "DATE_FORMAT")


def clock(at: time) -> str:
    return date_format(datetime.combine(date(2000, 1, 1), at), "TIME_FORMAT")


def iso(on: date, at: time, tz_name: str) -> str:
    return datetime.combine(on, at, tzinfo=ZoneInfo(tz_name)).isoformat()


def expected(title: str, *, times_only: bool = False) -> list[tuple[str, str, str]]:
    """(ISO moment with the local offset, text, zone) of each date of a series."""
    _title, tz_name, _country, weekday, start, end, words = next(s for s in SERIES if s[0] == title)
    rows = []
    for on in series_dates(weekday):
        text = f"{clock(start)}–{clock(end)}"
        rows.append((iso(on, start, tz_name), text if times_only else f"{day(on)}, {text}", words))
    return rows


def times_in(html: str) -> list[tuple[str, str, str]]:
    return [(moment, text, zone) for moment, text, zone, _yours in TIME_TAG.findall(html)]


@pytest.fixture
def events():
    index = event_index_page()
    pages = {}
    for title, tz_name, country, weekday, start, end, _words in SERIES:
        dates = series_dates(weekday)
        online = title == "Brussels webinar"
        pages[title] = event_page(
            index,
            title=title,
            slug=title.lower().replace(" ", "-"),
            start_date=dates[0],
            start_time=start,
            end_time=end,
            time_zone=tz_name,
            country=country,
            recurrence="FREQ=WEEKLY;COUNT=3",
            capacity=None,
            event_format="online" if online else "in_person",
            online_url="https://meet.example.org/webinar" if online else "",
        )
    return pages


def test_the_series_cross_a_change_of_clocks_in_every_zone(events):
    """The fixture's premise: each series' UTC offset changes between its first two dates."""
    for title, *_rest in SERIES:
        first, second, _third = events[title].cached_schedule.occurrences()
        assert first.start.utcoffset() + timedelta(hours=1) == second.start.utcoffset()
        assert first.start.time() == second.start.time()


def test_the_month_view_shows_each_date_at_its_own_local_time(events, server_zone, client):
    index = event_index_page()
    shown = []
    for month in sorted({(d.year, d.month) for s in SERIES for d in series_dates(s[3])}):
        response = client.get(index.url + index.reverse_subpage("month", args=list(month)))
        assert response.status_code == 200
        shown += times_in(response.content.decode())

    wanted = [row for title, *_rest in SERIES for row in expected(title, times_only=True)]
    assert sorted(shown) == sorted(wanted)
    for week in response.context["weeks"]:
        for cell in week:
            assert all(o.start.date() == cell["date"] for o, _event in cell["entries"])


def test_the_month_view_orders_a_day_by_local_start_time(server_zone, client):
    """09:30 in Vilnius is 08:30 in Brussels, but a day is read by its local clocks."""
    index = event_index_page()
    on = a_date(20)
    event_page(
        index,
        title="Brussels at nine",
        start_date=on,
        start_time=time(9, 0),
        end_time=time(10, 0),
        time_zone="Europe/Brussels",
        country="BE",
    )
    event_page(
        index,
        title="Vilnius at half past nine",
        start_date=on,
        start_time=time(9, 30),
        end_time=time(16, 30),
        time_zone="Europe/Vilnius",
        country="LT",
    )
    event_page(
        index,
        title="Vilnius at five",
        start_date=on,
        start_time=time(17, 0),
        end_time=time(19, 0),
        time_zone="Europe/Vilnius",
        country="LT",
    )

    response = client.get(index.url + index.reverse_subpage("month", args=[on.year, on.month]))

    cell = next(c for week in response.context["weeks"] for c in week if c["date"] == on)
    assert [event.title for _occurrence, event in cell["entries"]] == [
        "Brussels at nine",
        "Vilnius at half past nine",
        "Vilnius at five",
    ]
    html = response.content.decode()
    assert [(text, zone) for _m, text, zone in times_in(html)] == [
        ("09:00–10:00", CET),
        ("09:30–16:30", EET),
        ("17:00–19:00", EET),
    ]


def test_the_list_shows_each_series_next_date_at_its_own_local_time(events, server_zone, client):
    response = client.get(event_index_page().url)

    html = response.content.decode()
    assert sorted(times_in(html)) == sorted(expected(title)[0] for title, *_r in SERIES)
    assert "Belgrade" not in html


def test_the_event_page_lists_every_date_at_its_own_local_time(events, server_zone, client):
    for title, *_rest in SERIES:
        html = client.get(events[title].url).content.decode()

        # "Next:" first, then the list of the next dates.
        assert times_in(html) == [expected(title)[0], *expected(title)], title
        assert "Belgrade" not in html


def test_my_linkage_and_the_emails_say_the_events_own_times(
    events, server_zone, client, django_capture_on_commit_callbacks
):
    person = UserFactory(email="drita@example.org")
    client.force_login(person)
    for title, *_rest in SERIES:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("events:register", args=[events[title].pk]))
        assert response.status_code == 302

    html = client.get(reverse("people:dashboard")).content.decode()
    panel = html[html.index('id="my-events"') :]
    # Soonest next date first: the Tuesday meeting, the Wednesday webinar, the Thursday debate.
    assert times_in(panel) == [
        expected("Prishtina coordination")[0],
        expected("Brussels webinar")[0],
        expected("Vilnius debate")[0],
    ]

    bodies = {message.subject: message.body for message in mail.outbox}
    for title, *_rest in SERIES:
        body = bodies[f"You are registered: {title}"]
        when = body[body.index("When: ") + len("When: ") :].split("\n")[:3]
        assert when == [f"{text} {zone}" for _moment, text, zone in expected(title)]
        assert "Belgrade" not in body and "Europe/" not in body


def test_the_list_is_ordered_by_each_events_next_date(server_zone, client):
    """A series that began weeks ago comes after a debate that is sooner than its next date."""
    index = event_index_page()
    start = a_date(-36)
    event_page(
        index,
        title="Monthly meeting",
        start_date=start,
        recurrence="FREQ=WEEKLY;INTERVAL=4;COUNT=6",
    )  # -36, -8, +20, +48…
    event_page(index, title="Debate", start_date=a_date(5))
    event_page(index, title="Later training", start_date=a_date(30))
    event_page(index, title="Last year", start_date=a_date(-365))

    upcoming = client.get(index.url).context["entries"]
    everything = client.get(index.url + "?past=on").context["entries"]

    assert [(e["event"].title, e["next"].start.date()) for e in upcoming] == [
        ("Debate", a_date(5)),
        ("Monthly meeting", a_date(20)),
        ("Later training", a_date(30)),
    ]
    assert [e["event"].title for e in everything] == [
        "Debate",
        "Monthly meeting",
        "Later training",
        "Last year",
    ]


def test_the_registration_confirmation_gives_a_vilnius_training_at_0930(
    server_zone, client, django_capture_on_commit_callbacks
):
    """The reported case: "08:30–15:30 (Europe/Vilnius)" for a 09:30–16:30 training."""
    on = a_date(12)
    page = event_page(start_date=on, start_time=time(9, 30), end_time=time(16, 30))
    person = UserFactory(email="ruta@example.org")
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:register", args=[page.pk]))

    (message,) = mail.outbox
    assert f"When: {day(on)}, 09:30–16:30 {EET}\n" in message.body
    assert "Europe/Vilnius" not in message.body and "08:30" not in message.body


# --- Several days -------------------------------------------------------------------------


@pytest.fixture
def study_visit():
    index = event_index_page()
    first = first_on_or_before(a_date(60), 0)  # a Monday
    days = [
        ("09:00", "17:30", "EU law and practice"),
        ("08:30", "18:00", "Visits to shelters"),
        ("09:00", "13:00", "Lessons learnt"),
    ]
    page = StudyVisitPage(
        title="Study visit to Brussels",
        slug="study-visit",
        summary="Three days with the EU's own services.",
        start_date=first,
        start_time=time(9, 0),
        end_date=first + timedelta(days=2),
        end_time=time(13, 0),
        time_zone="Europe/Brussels",
        country="BE",
        languages=["en"],
        capacity=None,
        destination="Brussels",
        host_organisations="European Commission",
        itinerary=[
            {
                "type": "day",
                "id": f"day-{n}",
                "value": {
                    "day": (first + timedelta(days=n)).isoformat(),
                    "title": theme,
                    "items": [
                        {
                            "type": "item",
                            "id": f"item-{n}",
                            "value": {
                                "starts_at": starts,
                                "ends_at": ends,
                                "title": theme,
                                "place": "",
                                "description": "",
                            },
                        }
                    ],
                },
            }
            for n, (starts, ends, theme) in enumerate(days)
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_a_study_visits_confirmation_gives_every_day(
    study_visit, server_zone, client, django_capture_on_commit_callbacks
):
    person = UserFactory(email="arta@example.org")
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:register", args=[study_visit.pk]))

    (message,) = mail.outbox
    first = study_visit.start_date
    monday, tuesday, wednesday = (first + timedelta(days=n) for n in range(3))
    when = message.body[message.body.index("When: ") :].split("\n")[:4]
    month_day = date_format(monday, "MONTH_DAY_FORMAT")
    assert when == [
        f"When: Monday {month_day}, 09:00 – {day(wednesday)}, 13:00 {CET}",
        f"  – {day(monday)}, 09:00–17:30",
        f"  – {day(tuesday)}, 08:30–18:00",
        f"  – {day(wednesday)}, 09:00–13:00",
    ]


def test_a_study_visits_page_gives_its_whole_span_and_names_the_itinerarys_zone(
    study_visit, server_zone, client
):
    html = client.get(study_visit.url).content.decode()

    monday = study_visit.start_date
    wednesday = monday + timedelta(days=2)
    span = f"Monday {date_format(monday, 'MONTH_DAY_FORMAT')}, 09:00 – {day(wednesday)}, 13:00"
    assert times_in(html)[0] == (iso(monday, time(9, 0), "Europe/Brussels"), span, CET)
    assert f"Times are local times there: {CET}." in html


# --- The reader's own zone, for online events --------------------------------------------


def set_zone(person, tz_name: str) -> None:
    person.profile.time_zone = tz_name
    person.profile.save()


def yours_in(html: str) -> list[str]:
    return [yours for _m, _t, _z, yours in TIME_TAG.findall(html) if yours]


def test_an_online_event_also_gives_the_readers_own_time(events, server_zone, client):
    webinar = events["Brussels webinar"]
    person = UserFactory(email="egle@example.org")
    client.force_login(person)

    assert yours_in(client.get(webinar.url).content.decode()) == []

    set_zone(person, "Europe/Vilnius")
    html = client.get(webinar.url).content.decode()

    # 18:00–19:30 in Brussels is 19:00–20:30 in Vilnius, on both sides of the change.
    assert yours_in(html) == [f"19:00–20:30 your time, {EET}"] * 4
    assert times_in(html)[0] == expected("Brussels webinar")[0]


def test_the_readers_own_time_names_the_day_when_it_is_another_one_there(events, client):
    webinar = events["Brussels webinar"]
    person = UserFactory(email="maria@example.org")
    set_zone(person, "Pacific/Auckland")  # 18:00 in Brussels is the next morning there
    client.force_login(person)

    html = client.get(webinar.url).content.decode()

    on = series_dates(3)[0]
    local = datetime.combine(on, time(18, 0), tzinfo=ZoneInfo("Europe/Brussels"))
    there = local.astimezone(ZoneInfo("Pacific/Auckland"))
    until = there + timedelta(minutes=90)
    assert yours_in(html)[0] == (
        f"{day(there.date())}, {clock(there.time())}–{clock(until.time())} your time, "
        "New Zealand Time"
    )


def test_an_in_person_event_never_gives_the_readers_own_time(events, client):
    person = UserFactory(email="ilir@example.org")
    set_zone(person, "America/New_York")
    client.force_login(person)

    html = client.get(events["Prishtina coordination"].url).content.decode()

    assert yours_in(html) == []
    assert "your time" not in html


def test_the_confirmation_of_an_online_event_gives_the_readers_own_time(
    events, server_zone, client, django_capture_on_commit_callbacks
):
    webinar = events["Brussels webinar"]
    with_zone = UserFactory(email="jurgita@example.org")
    set_zone(with_zone, "Europe/Vilnius")
    without = UserFactory(email="ana@example.org")
    for person in (with_zone, without):
        client.force_login(person)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("events:register", args=[webinar.pk]))

    bodies = {tuple(message.to): message.body for message in mail.outbox}
    first = expected("Brussels webinar")[0]
    assert f"When: {first[1]} {CET} (19:00–20:30 your time, {EET})\n" in bodies[(with_zone.email,)]
    assert f"When: {first[1]} {CET}\n" in bodies[(without.email,)]
    assert "your time" not in bodies[(without.email,)]


# --- Feeds --------------------------------------------------------------------------------


def test_the_calendar_file_carries_local_times_with_their_tzid(events, server_zone, client):
    page = events["Prishtina coordination"]
    first = series_dates(2)[0]

    text = client.get(page.url + "calendar/").content.decode()

    assert f"DTSTART;TZID=Europe/Belgrade:{first:%Y%m%d}T100000" in text
    assert "BEGIN:VTIMEZONE" in text.split("BEGIN:VEVENT")[0]


def test_a_moment_is_written_in_the_events_zone_not_the_servers(server_zone):
    from events.when import moment_text

    opens = datetime(YEAR, 1, 15, 8, 30, tzinfo=ZoneInfo("UTC"))

    assert timezone.get_current_timezone_name() == server_zone
    assert moment_text(opens, "Europe/Vilnius") == f"{day(opens.date())}, 10:30 {EET}"
    assert moment_text(opens, "Europe/Belgrade") == f"{day(opens.date())}, 09:30 {CET}"


# --- Certificates of attendance -----------------------------------------------------------


def test_a_certificate_of_attendance_keeps_the_occurrence_in_the_events_own_zone(
    django_capture_on_commit_callbacks,
):
    from certificates.models import Certificate
    from events import services
    from events.models import Registration

    page = event_page(
        title="Prishtina coordination",
        attendance_certificates=True,
        start_date=a_date(0),
        start_time=time(9, 30),
        end_time=time(16, 30),
        time_zone="Europe/Belgrade",
        country="XK",
    )
    registration = Registration.objects.create(
        event=page, person=UserFactory(email="vlora@example.org"), status="confirmed"
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_check_in(registration=registration)

    certificate = Certificate.objects.get()
    belgrade = ZoneInfo("Europe/Belgrade")
    assert (
        certificate.title,
        certificate.starts_at.astimezone(belgrade).replace(tzinfo=None),
        certificate.ends_at.astimezone(belgrade).replace(tzinfo=None),
        certificate.time_zone,
    ) == (
        "Prishtina coordination",
        datetime.combine(a_date(0), time(9, 30)),
        datetime.combine(a_date(0), time(16, 30)),
        "Europe/Belgrade",
    )
