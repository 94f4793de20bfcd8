"""events/ical.py: calendar files that clients read the same way the site does.

Every file built here also goes through ``assert_strict``: CRLF, lines of at most 75
octets, balanced BEGIN/END, one UID/DTSTAMP/DTSTART per VEVENT, DTSTAMP in UTC, no ``Z``
mixed with ``TZID``, a VTIMEZONE for every TZID and all of them before the first VEVENT,
and icalendar's own parser reporting no errors on any component.
"""

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from wagtail.models import Locale, Site

import icalendar
import pytest
from dateutil.rrule import rrulestr

from events.ical import calendar_for, event_ics, invitation_ics, vtimezone
from events.models import EventIndexPage, EventPage, OccurrenceChange, Registration, Venue
from events.selectors import calendar_facts
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DOMAIN = "linkage.example.org"
NOW = datetime(2026, 1, 2, 8, 30, tzinfo=UTC)
TIMED = {"DTSTART", "DTEND", "EXDATE", "RECURRENCE-ID"}

# --- a strict reading of the raw bytes ---------------------------------------------------


def content_lines(data: bytes) -> list[bytes]:
    """The unfolded content lines, after checking the physical ones: CRLF only, ≤ 75 octets."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    assert [line for line in physical if b"\r" in line or b"\n" in line] == []
    assert [line for line in physical if len(line) > 75] == []
    lines: list[bytes] = []
    for line in physical:
        if line[:1] in (b" ", b"\t"):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def split_line(line: bytes) -> tuple[str, dict[str, str], str]:
    """(NAME, {PARAM: value}, value) of one content line; quoted parameter values may hold
    ``:`` and ``;``."""
    text = line.decode()
    quoted, cut = False, None
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            cut = index
            break
    assert cut is not None, text
    head, value = text[:cut], text[cut + 1 :]
    name, *params = re.findall(r'(?:[^;"]|"[^"]*")+', head)
    return name.upper(), dict(p.split("=", 1) for p in params), value


def assert_strict(data: bytes) -> icalendar.Calendar:
    stack: list[str] = []
    vevents: list[list[tuple[str, dict, str]]] = []
    tzids_defined: list[str] = []
    tzids_used: set[str] = set()
    for line in content_lines(data):
        name, params, value = split_line(line)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                assert "VTIMEZONE" not in stack
                vevents.append([])
            continue
        if name == "END":
            assert stack.pop() == value
            continue
        if stack[-1] == "VTIMEZONE" and name == "TZID":
            assert vevents == [], "a VTIMEZONE after a VEVENT"
            tzids_defined.append(value)
        if stack[-1] == "VEVENT":
            vevents[-1].append((name, params, value))
        if "TZID" in params:
            tzids_used.add(params["TZID"])
    assert stack == []
    assert vevents
    for properties in vevents:
        names = [name for name, _params, _value in properties]
        assert [names.count(n) for n in ("UID", "DTSTAMP", "DTSTART")] == [1, 1, 1]
        (stamp,) = [value for name, _params, value in properties if name == "DTSTAMP"]
        assert stamp.endswith("Z")
        timed = [(params, value) for name, params, value in properties if name in TIMED]
        with_tzid = {("TZID" in params, value.endswith("Z")) for params, value in timed}
        assert with_tzid in ({(True, False)}, {(False, True)}), "Z mixed with TZID"
    masters = [
        [value for name, _params, value in properties if name == "UID"]
        for properties in vevents
        if "RECURRENCE-ID" not in {name for name, _params, _value in properties}
    ]
    assert len(masters) == len({tuple(uid) for uid in masters}), "a UID used twice"
    assert sorted(tzids_defined) == sorted(tzids_used)
    assert b"RDATE" not in data
    calendar = icalendar.Calendar.from_ical(data)
    assert [(c.name, c.errors) for c in calendar.walk() if c.errors] == []
    return calendar


def unfolded(data: bytes) -> str:
    return "\r\n".join(line.decode() for line in content_lines(data))


def vevents(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return list(calendar.walk("VEVENT"))


def raw(data: bytes, name: str) -> list[str]:
    """Every content line of property ``name`` in the VEVENTs, unfolded, as written."""
    found, inside = [], []
    for line in content_lines(data):
        prop, _params, value = split_line(line)
        if prop == "BEGIN":
            inside.append(value)
        elif prop == "END":
            inside.pop()
        elif prop == name and inside[-1:] == ["VEVENT"]:
            found.append(line.decode())
    return found


# --- pages ------------------------------------------------------------------------------


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def index(home) -> EventIndexPage:
    page = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=page)
    return page


@pytest.fixture
def make_event(index):
    """Events built to order: ``make_event(recurrence="FREQ=WEEKLY;COUNT=4")``."""
    counter = iter(range(1, 1000))

    def build(**fields) -> EventPage:
        n = next(counter)
        defaults = {
            "title": f"Case conferencing training {n}",
            "slug": f"training-{n}",
            "kind": "training",
            "summary": "Working together on cases of violence against women.",
            "start_date": date(2026, 1, 13),
            "start_time": time(10),
            "end_time": time(12),
            "time_zone": "Europe/Vilnius",
            "country": "LT",
            "languages": ["en"],
        }
        page = EventPage(**{**defaults, **fields})
        index.add_child(instance=page)
        return page

    return build


def change(page: EventPage, original: date, **fields) -> None:
    action = "move" if fields else "cancel"
    OccurrenceChange.objects.create(page=page, original_date=original, action=action, **fields)


BIMONTHLY = "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=6"


@pytest.fixture
def bimonthly(make_event) -> EventPage:
    """Every two months on the second Tuesday, 10:00–12:00 in Pristina (Europe/Belgrade)."""
    return make_event(time_zone="Europe/Belgrade", country="XK", recurrence=BIMONTHLY)


# --- VTIMEZONE --------------------------------------------------------------------------


def observances(component: icalendar.Timezone) -> list[tuple]:
    return [
        (
            sub.name,
            sub.decoded("DTSTART"),
            sub["RRULE"].to_ical().decode() if "RRULE" in sub else None,
            sub["TZOFFSETFROM"].to_ical(),
            sub["TZOFFSETTO"].to_ical(),
            str(sub["TZNAME"]),
        )
        for sub in component.subcomponents
    ]


def test_vtimezone_vilnius_is_a_yearly_daylight_and_standard_pair():
    component = vtimezone("Europe/Vilnius", year=2026)

    assert (str(component["TZID"]), observances(component)) == (
        "Europe/Vilnius",
        [
            (
                "DAYLIGHT",
                datetime(1970, 3, 29, 3),
                "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
                "+0200",
                "+0300",
                "EEST",
            ),
            (
                "STANDARD",
                datetime(1970, 10, 25, 4),
                "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
                "+0300",
                "+0200",
                "EET",
            ),
        ],
    )
    assert b"RDATE" not in component.to_ical()


def test_vtimezone_new_york_counts_weeks_from_the_start_of_the_month():
    component = vtimezone("America/New_York", year=2026)

    assert [(o[0], o[1], o[2]) for o in observances(component)] == [
        ("DAYLIGHT", datetime(1970, 3, 8, 2), "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"),
        (
            "STANDARD",
            datetime(1970, 11, 1, 2),
            "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
        ),
    ]


@pytest.mark.parametrize(
    ("tz_name", "offset", "tzname"),
    [("Europe/Istanbul", "+0300", "+03"), ("UTC", "+0000", "UTC"), ("Asia/Tokyo", "+0900", "JST")],
)
def test_vtimezone_without_daylight_saving_is_one_standard(tz_name, offset, tzname):
    component = vtimezone(tz_name, year=2026)

    assert observances(component) == [
        ("STANDARD", datetime(1970, 1, 1), None, offset, offset, tzname)
    ]


@pytest.mark.parametrize(
    "tz_name",
    [
        # Every country the programmes run in, and both hemispheres.
        "Europe/Tirane",
        "Europe/Sarajevo",
        "Europe/Belgrade",
        "Europe/Vilnius",
        "Europe/Podgorica",
        "Europe/Skopje",
        "Europe/Ljubljana",
        "Europe/Madrid",
        "Atlantic/Canary",
        "Europe/Rome",
        "Europe/Athens",
        "Europe/Zagreb",
        "Europe/Dublin",
        "America/New_York",
        "Australia/Sydney",
    ],
)
def test_vtimezone_gives_the_same_offsets_as_zoneinfo_for_years_ahead(tz_name):
    """Read back by icalendar (ignoring the name), the rules match tzdata: at noon every
    day, and every quarter of an hour on the days the offset changes."""
    from_file = vtimezone(tz_name, year=2026).to_tz(lookup_tzid=False)
    from_tzdata = ZoneInfo(tz_name)
    days = [datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=n) for n in range(6 * 365 + 1)]
    changes = [
        day
        for day in days
        if day.astimezone(from_tzdata).utcoffset()
        != (day + timedelta(days=1)).astimezone(from_tzdata).utcoffset()
    ]
    moments = [day + timedelta(hours=12) for day in days]
    moments += [day + timedelta(minutes=15 * n) for day in changes for n in range(96)]

    wrong = [
        moment
        for moment in moments
        if moment.astimezone(from_file).utcoffset() != moment.astimezone(from_tzdata).utcoffset()
    ]

    assert (len(changes), wrong) == (12, [])  # two changes a year, 2025 to 2030


def test_vtimezone_is_a_fresh_component_each_time():
    first = vtimezone("Europe/Vilnius", year=2026)
    first.add("x-changed", "yes")

    assert vtimezone("Europe/Vilnius", year=2026) == vtimezone("Europe/Vilnius", year=2026)
    assert "X-CHANGED" not in vtimezone("Europe/Vilnius", year=2026)


# --- calendars --------------------------------------------------------------------------


def test_feed_header_and_one_vtimezone_per_zone_before_the_events(make_event):
    vilnius = make_event()
    belgrade = make_event(time_zone="Europe/Belgrade", country="XK")
    vilnius_again = make_event(start_date=date(2026, 2, 3))

    data = calendar_for([vilnius, belgrade, vilnius_again], domain=DOMAIN, name="Events", now=NOW)
    calendar = assert_strict(data)

    assert {k: str(v) for k, v in calendar.items()} == {
        "PRODID": "-//Linkage//Events//EN",
        "VERSION": "2.0",
        "CALSCALE": "GREGORIAN",
        "X-WR-CALNAME": "Events",
    }
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"] * 2 + ["VEVENT"] * 3
    assert [str(c["TZID"]) for c in calendar.walk("VTIMEZONE")] == [
        "Europe/Belgrade",
        "Europe/Vilnius",
    ]
    assert data.rindex(b"END:VTIMEZONE") < data.index(b"BEGIN:VEVENT")
    assert raw(data, "DTSTART") == [
        "DTSTART;TZID=Europe/Vilnius:20260113T100000",
        "DTSTART;TZID=Europe/Belgrade:20260113T100000",
        "DTSTART;TZID=Europe/Vilnius:20260203T100000",
    ]


def test_event_properties(make_event):
    venue = Venue.objects.create(
        name="Community Centre", address="Gedimino pr. 1\nFloor 2", city="Vilnius", country="LT"
    )
    page = make_event(venue=venue, end_date=date(2026, 1, 14), end_time=time(16, 30))

    data = calendar_for([page], domain=DOMAIN, name="Events", now=NOW)
    (event,) = vevents(assert_strict(data))

    vilnius = ZoneInfo("Europe/Vilnius")
    assert {name: event.decoded(name) for name in event} == {
        "UID": f"event-{page.translation_key}@{DOMAIN}",
        "DTSTAMP": NOW,
        "SEQUENCE": 0,
        "DTSTART": datetime(2026, 1, 13, 10, tzinfo=vilnius),
        "DTEND": datetime(2026, 1, 14, 16, 30, tzinfo=vilnius),
        "SUMMARY": page.title,
        "DESCRIPTION": f"{page.summary}\n\n{page.full_url}",
        "URL": page.full_url,
        "LOCATION": "Community Centre, Gedimino pr. 1, Floor 2, Vilnius",
        "CATEGORIES": ["Training"],
        "STATUS": "CONFIRMED",
    }


def test_online_event_is_located_online(make_event):
    page = make_event(event_format="online", online_url="https://meet.example.org/room-42")

    (event,) = vevents(assert_strict(calendar_for([page], domain=DOMAIN, name="Events")))

    assert str(event["LOCATION"]) == "Online"


def test_uid_is_stable_across_builds(make_event):
    page = make_event()

    first = calendar_for([page], domain=DOMAIN, name="Events")
    second = calendar_for([EventPage.objects.get(pk=page.pk)], domain=DOMAIN, name="Events")

    assert raw(first, "UID") == raw(second, "UID") == [f"UID:event-{page.translation_key}@{DOMAIN}"]


def test_feed_dtstamp_is_the_last_publication_so_the_feed_is_stable(make_event):
    page = make_event()
    page.save_revision().publish()
    page.refresh_from_db()

    first = calendar_for([page], domain=DOMAIN, name="Events")
    second = calendar_for([page], domain=DOMAIN, name="Events", now=NOW + timedelta(days=3))

    assert first == second
    assert raw(first, "DTSTAMP") == [
        "DTSTAMP:" + page.last_published_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    ]


@pytest.fixture
def translated(index, make_event) -> tuple[EventPage, EventPage]:
    """An event (SEQUENCE 4) and its Lithuanian translation (whose own field says 0)."""
    page = make_event()
    lithuanian = Locale.objects.get_or_create(language_code="lt")[0]
    index.get_parent().copy_for_translation(lithuanian)
    index.copy_for_translation(lithuanian)
    translation = page.copy_for_translation(lithuanian)
    EventPage.objects.filter(pk=page.pk).update(sequence=4)
    EventPage.objects.filter(pk=translation.pk).update(sequence=0)
    return EventPage.objects.get(pk=page.pk), EventPage.objects.get(pk=translation.pk)


def test_translation_shares_uid_and_takes_the_original_sequence(translated):
    page, translation = translated

    english = calendar_for(
        [page], domain=DOMAIN, name="Events", now=NOW, **calendar_facts(events=[page])
    )
    lithuanian = calendar_for(
        [translation],
        domain=DOMAIN,
        name="Renginiai",
        now=NOW,
        **calendar_facts(events=[translation]),
    )

    assert (raw(english, "UID"), raw(english, "SEQUENCE")) == (
        [f"UID:event-{page.translation_key}@{DOMAIN}"],
        ["SEQUENCE:4"],
    )
    assert (raw(lithuanian, "UID"), raw(lithuanian, "SEQUENCE")) == (
        raw(english, "UID"),
        raw(english, "SEQUENCE"),
    )


def test_feed_keeps_the_first_translation_given_of_each_event(translated):
    page, translation = translated

    data = calendar_for([translation, page], domain=DOMAIN, name="Renginiai", now=NOW)

    assert [str(e["URL"]) for e in vevents(assert_strict(data))] == [translation.full_url]


# --- recurrence -------------------------------------------------------------------------


def expand(calendar: icalendar.Calendar) -> list[datetime]:
    """The master VEVENT's occurrences in UTC, expanded in the time zone the file's own
    VTIMEZONE describes (not the one the client may know by name)."""
    (vtz,) = calendar.walk("VTIMEZONE")
    master = next(e for e in vevents(calendar) if "RRULE" in e)
    start = master.decoded("DTSTART").replace(tzinfo=vtz.to_tz(lookup_tzid=False))
    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=start)
    return [moment.astimezone(UTC) for moment in rule]


def test_every_two_months_on_the_second_tuesday_stays_at_ten_local_across_dst(bimonthly):
    data = calendar_for([bimonthly], domain=DOMAIN, name="Events", now=NOW)
    calendar = assert_strict(data)

    assert raw(data, "RRULE") == ["RRULE:FREQ=MONTHLY;COUNT=6;INTERVAL=2;BYDAY=2TU"]
    assert expand(calendar) == [
        datetime(2026, 1, 13, 9, tzinfo=UTC),  # CET: 10:00 is 09:00Z
        datetime(2026, 3, 10, 9, tzinfo=UTC),
        datetime(2026, 5, 12, 8, tzinfo=UTC),  # CEST: 10:00 is 08:00Z
        datetime(2026, 7, 14, 8, tzinfo=UTC),
        datetime(2026, 9, 8, 8, tzinfo=UTC),
        datetime(2026, 11, 10, 9, tzinfo=UTC),
    ]
    assert expand(calendar) == [o.start_utc for o in bimonthly.schedule().occurrences()]


def test_cancelled_occurrence_is_an_exdate_in_the_zone_and_type_of_dtstart(bimonthly):
    change(bimonthly, date(2026, 3, 10))
    change(bimonthly, date(2026, 9, 8))

    data = calendar_for([bimonthly], domain=DOMAIN, name="Events", now=NOW)
    assert_strict(data)

    assert raw(data, "DTSTART") == ["DTSTART;TZID=Europe/Belgrade:20260113T100000"]
    assert raw(data, "EXDATE") == ["EXDATE;TZID=Europe/Belgrade:20260310T100000,20260908T100000"]


def test_moved_occurrence_is_a_second_vevent_with_the_same_uid_and_a_recurrence_id(bimonthly):
    EventPage.objects.filter(pk=bimonthly.pk).update(sequence=2)
    change(bimonthly, date(2026, 5, 12), new_date=date(2026, 5, 14), new_start_time=time(14))
    facts = calendar_facts(events=[bimonthly])

    data = calendar_for([bimonthly], domain=DOMAIN, name="Events", now=NOW, **facts)
    calendar = assert_strict(data)

    belgrade = ZoneInfo("Europe/Belgrade")
    uid = f"event-{bimonthly.translation_key}@{DOMAIN}"
    assert [
        (
            str(e["UID"]),
            e.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in e else None,
            e.decoded("DTSTART"),
            e.decoded("DTEND"),
            e.decoded("SEQUENCE"),
            "RRULE" in e,
        )
        for e in vevents(calendar)
    ] == [
        (
            uid,
            None,
            datetime(2026, 1, 13, 10, tzinfo=belgrade),
            datetime(2026, 1, 13, 12, tzinfo=belgrade),
            2,
            True,
        ),
        (
            uid,
            datetime(2026, 5, 12, 10, tzinfo=belgrade),
            datetime(2026, 5, 14, 14, tzinfo=belgrade),
            datetime(2026, 5, 14, 16, tzinfo=belgrade),
            2,
            False,
        ),
    ]
    assert raw(data, "RECURRENCE-ID") == ["RECURRENCE-ID;TZID=Europe/Belgrade:20260512T100000"]


@pytest.mark.parametrize(
    ("rule", "until"),
    [
        # events.schedule reads a date UNTIL as the end of that day in Vilnius (EEST).
        ("FREQ=WEEKLY;UNTIL=20260630", "UNTIL=20260630T205959Z"),
        # A UTC UNTIL stays the same instant.
        ("FREQ=WEEKLY;UNTIL=20260127T100000Z", "UNTIL=20260127T100000Z"),
        ("FREQ=WEEKLY;UNTIL=20260630T235959", "UNTIL=20260630T205959Z"),
        ("RRULE:FREQ=WEEKLY;UNTIL=20260127T120000", "UNTIL=20260127T100000Z"),
    ],
)
def test_until_is_written_in_utc(make_event, rule, until):
    page = make_event(recurrence=rule)

    data = calendar_for([page], domain=DOMAIN, name="Events", now=NOW)
    calendar = assert_strict(data)

    assert raw(data, "RRULE") == [f"RRULE:FREQ=WEEKLY;{until}"]
    assert expand(calendar) == [o.start_utc for o in page.schedule().occurrences()]


def test_cancelled_single_event_changes_its_status_only(make_event):
    page = make_event()
    change(page, date(2026, 1, 13))

    data = calendar_for([page], domain=DOMAIN, name="Events", now=NOW)
    assert_strict(data)

    assert (raw(data, "STATUS"), raw(data, "EXDATE"), raw(data, "DTSTART")) == (
        ["STATUS:CANCELLED"],
        [],
        ["DTSTART;TZID=Europe/Vilnius:20260113T100000"],
    )


# --- cancellation and privacy ----------------------------------------------------------


def test_cancelled_event_stays_in_the_feed_as_cancelled(make_event):
    kept = make_event()
    cancelled = make_event(status="cancelled")

    data = calendar_for([kept, cancelled], domain=DOMAIN, name="Events", now=NOW)
    calendar = assert_strict(data)

    assert [(str(e["SUMMARY"]), str(e["STATUS"])) for e in vevents(calendar)] == [
        (kept.title, "CONFIRMED"),
        (cancelled.title, "CANCELLED"),
    ]


ONLINE_URL = "https://meet.example.org/linkage-case-conferencing-room-42?pwd=secret"


@pytest.fixture
def hybrid(make_event) -> EventPage:
    return make_event(event_format="hybrid", online_url=ONLINE_URL, recurrence=BIMONTHLY)


def test_online_link_never_in_a_public_calendar(hybrid):
    change(hybrid, date(2026, 5, 12), new_start_time=time(11))
    confirmed = UserFactory(email="vjosa@example.org")
    Registration.objects.create(event=hybrid, person=confirmed, status="confirmed")

    feed = calendar_for([hybrid], domain=DOMAIN, name="Events", now=NOW)
    download = event_ics(hybrid, domain=DOMAIN)

    assert_strict(feed), assert_strict(download)
    assert ONLINE_URL not in unfolded(feed)
    assert ONLINE_URL not in unfolded(download)


@pytest.mark.parametrize("status", ["offered", "waitlisted", "pending", "cancelled"])
def test_online_link_not_for_a_registration_that_is_not_confirmed(hybrid, status):
    person = UserFactory(email="amina@example.org")
    Registration.objects.create(event=hybrid, person=person, status=status)

    facts = calendar_facts(events=[hybrid], person=person)
    data = calendar_for([hybrid], domain=DOMAIN, name="Mine", now=NOW, **facts)

    assert_strict(data)
    assert ONLINE_URL not in unfolded(data)


def test_online_link_in_a_confirmed_registrants_private_calendar(hybrid, make_event):
    change(hybrid, date(2026, 5, 12), new_start_time=time(11))
    other = make_event(event_format="online", online_url="https://meet.example.org/other")
    person = UserFactory(email="vjosa@example.org")
    Registration.objects.create(event=hybrid, person=person, status="confirmed")

    facts = calendar_facts(events=[hybrid, other], person=person)
    data = calendar_for([hybrid, other], domain=DOMAIN, name="Mine", now=NOW, **facts)
    calendar = assert_strict(data)

    with_link = f"{hybrid.summary}\n\n{hybrid.full_url}\n\nOnline link: {ONLINE_URL}"
    assert [str(e["DESCRIPTION"]) for e in vevents(calendar)] == [
        with_link,  # the series
        with_link,  # its moved occurrence
        f"{other.summary}\n\n{other.full_url}",  # not registered
    ]
    assert [str(e["URL"]) for e in vevents(calendar)] == [hybrid.full_url] * 2 + [other.full_url]


# --- downloads and invitations ----------------------------------------------------------


def test_event_download_is_published_with_one_vtimezone(make_event):
    page = make_event()

    calendar = assert_strict(event_ics(page, domain=DOMAIN))

    assert (str(calendar["METHOD"]), str(calendar["X-WR-CALNAME"])) == ("PUBLISH", page.title)
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE", "VEVENT"]


def test_invitation_requests_with_organiser_attendee_and_the_online_link(hybrid):
    person = UserFactory(email="vjosa@example.org", profile__display_name="Vjosa Berisha")
    Registration.objects.create(event=hybrid, person=person, status="confirmed")

    data = invitation_ics(hybrid, domain=DOMAIN, person=person, cancel=False, confirmed=True)
    calendar = assert_strict(data)

    (event,) = vevents(calendar)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert raw(data, "ORGANIZER") == ["ORGANIZER;CN=Linkage:mailto:no-reply@linkage.local"]
    assert raw(data, "ATTENDEE") == [
        'ATTENDEE;CN="Vjosa Berisha";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT;RSVP=FALSE:'
        "mailto:vjosa@example.org"
    ]
    assert (str(event["STATUS"]), str(event["DESCRIPTION"])) == (
        "CONFIRMED",
        f"{hybrid.summary}\n\n{hybrid.full_url}\n\nOnline link: {ONLINE_URL}",
    )


def test_invitation_cancel_keeps_uid_and_sequence(hybrid):
    EventPage.objects.filter(pk=hybrid.pk).update(sequence=3)
    change(hybrid, date(2026, 5, 12), new_start_time=time(11))
    person = UserFactory(email="vjosa@example.org")
    Registration.objects.create(event=hybrid, person=person, status="confirmed")
    facts = calendar_facts(events=[hybrid], person=person)
    sequence = facts["sequences"][hybrid.translation_key]
    request = invitation_ics(
        hybrid, domain=DOMAIN, person=person, cancel=False, sequence=sequence, confirmed=True
    )

    data = invitation_ics(
        hybrid, domain=DOMAIN, person=person, cancel=True, sequence=sequence, confirmed=True
    )
    calendar = assert_strict(data)

    (event,) = vevents(calendar)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert (raw(data, "UID"), raw(data, "SEQUENCE"), raw(data, "STATUS")) == (
        raw(request, "UID")[:1],
        ["SEQUENCE:3"],
        ["STATUS:CANCELLED"],
    )
    assert ONLINE_URL not in unfolded(data)


def test_invitation_to_someone_not_confirmed_has_no_online_link(hybrid):
    person = UserFactory(email="amina@example.org")
    Registration.objects.create(event=hybrid, person=person, status="waitlisted")

    data = invitation_ics(hybrid, domain=DOMAIN, person=person, cancel=False)

    assert_strict(data)
    assert ONLINE_URL not in unfolded(data)


# --- queries ----------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_feed_queries_do_not_grow_with_the_events(make_event, count, django_assert_num_queries):
    person = UserFactory(email="vjosa@example.org")
    for _ in range(count):
        page = make_event(recurrence=BIMONTHLY, online_url=ONLINE_URL)
        change(page, date(2026, 3, 10))
        Registration.objects.create(event=page, person=person, status="confirmed")
    pages = EventPage.objects.select_related("venue").prefetch_related("occurrence_changes")
    calendar_for(list(pages), domain=DOMAIN, name="Warm-up", now=NOW)  # site root paths cache

    with django_assert_num_queries(4):  # pages, changes, sequences, registrations
        events = list(pages.all())
        facts = calendar_facts(events=events, person=person)
        data = calendar_for(events, domain=DOMAIN, name="Mine", now=NOW, **facts)

    assert len(vevents(assert_strict(data))) == count


def test_building_a_calendar_reads_nothing_from_the_database(make_event, django_assert_num_queries):
    person = UserFactory(email="vjosa@example.org")
    created = make_event(recurrence=BIMONTHLY, online_url=ONLINE_URL)
    change(created, date(2026, 3, 10))
    Registration.objects.create(event=created, person=person, status="confirmed")
    events = list(EventPage.objects.select_related("venue").prefetch_related("occurrence_changes"))
    page = events[0]
    facts = calendar_facts(events=events, person=person)
    calendar_for(events, domain=DOMAIN, name="Warm-up", now=NOW, **facts)  # site root paths

    with django_assert_num_queries(0):
        feed = calendar_for(events, domain=DOMAIN, name="Mine", now=NOW, **facts)
        download = event_ics(page, domain=DOMAIN, sequence=2, confirmed=True, now=NOW)
        invitation = invitation_ics(
            page, domain=DOMAIN, person=person, cancel=False, sequence=2, confirmed=True, now=NOW
        )

    assert [ONLINE_URL in unfolded(data) for data in (feed, download, invitation)] == [True] * 3
    assert (raw(download, "SEQUENCE")[0], raw(invitation, "SEQUENCE")[0]) == (
        "SEQUENCE:2",
        "SEQUENCE:2",
    )
