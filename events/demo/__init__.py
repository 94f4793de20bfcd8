"""Demo events for `make run` (home.demo_data runs this step after the foundation's people,
regions and pages). Idempotent: venues are found by name and pages by slug, and updated;
registration question ids are derived from the content (uuid5), so answers stay attached
across runs; registrations and check-ins go through ``events.services``, which return what
already exists.

Dates follow the day the demo runs, so there are always past and upcoming events: the
coordination meetings started about ten months ago, trainings are in the coming weeks and
the public debates fall on the 16 Days of Activism of the current (or next) campaign.

The listing comes first (a step of its own, before the programmes, so that saving a
programme gives it a section there); each event then goes below its programme's section
(``spec["programme"]``), or into the listing itself when the step runs without the
programmes. An event an earlier demo left directly in the listing moves into its section.
"""

import uuid
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Site

from home.demo_data import register_demo_step
from people.models import Region, User

from .. import services
from ..enums import (
    ACTIVE,
    AttendanceMethod,
    EventFormat,
    EventKind,
    EventStatus,
    OccurrenceAction,
)
from ..enums import RegistrationStatus as Status
from ..models import (
    Attendance,
    EventIndexPage,
    EventPage,
    EventSectionPage,
    OccurrenceChange,
    Registration,
    StudyVisitPage,
    Venue,
)
from ..schedule import aware, rrule_parse
from . import content
from .registrations import APPROVALS, CHECK_INS, REGISTRATIONS
from .study_visit import STUDY_VISIT
from .venues import VENUES

NAMESPACE = uuid.UUID("3b0c6f0e-52a4-4d0e-9d55-1f4b8e2a7c90")
MEETING_RULE = "FREQ=MONTHLY;INTERVAL=2;BYDAY={byday};COUNT=12"


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def sixteen_days_year(today: date) -> int:
    """The year of the 16 Days campaign the demo shows: this year's until its last day
    (10 December) has come, then next year's, so a debate is always still to come."""
    return today.year if today < date(today.year, 12, 10) else today.year + 1


def _on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _months_before(today: date, months: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, 1)


def _child(parent, model, slug, *, stray_in=None, **fields):
    """(page, created): the child page with this slug, created with ``fields`` if missing,
    else updated (not yet published). A page with this slug found below ``stray_in``
    instead (where an earlier demo put it) is moved below ``parent`` first."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None and stray_in is not None and stray_in.pk != parent.pk:
        page = model.objects.child_of(stray_in).filter(slug=slug).first()
        if page is not None:
            page.move(parent, pos="last-child")
            page = model.objects.get(pk=page.pk)
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        return page, True
    for name, value in fields.items():
        setattr(page, name, value)
    return page, False


def _parent(index, spec):
    """Where the event of ``spec`` goes: its programme's section (see programmes.demo)."""
    from programmes.demo import demo_parent

    return demo_parent(index, EventSectionPage, spec.get("programme"))


def _publish(page, created: bool, stdout) -> EventPage:
    page.save_revision().publish()
    stdout.write(
        f"  {'created' if created else 'updated'} {page._meta.verbose_name}: {page.title} "
        f"at {page.url}"
    )
    return type(page).objects.get(pk=page.pk)


def _questions(slug: str, specs) -> list[dict]:
    return [
        {
            "type": "question",
            "id": _id(slug, "question", key),
            "value": {
                "label": label,
                "help_text": help_text,
                "kind": kind,
                "choices": "\n".join(choices),
                "required": required,
            },
        }
        for key, label, kind, choices, required, help_text in specs
    ]


def _venues(stdout) -> dict[str, Venue]:
    venues = {}
    for spec in VENUES:
        venue = Venue.objects.filter(name=spec["name"]).first()
        created = venue is None
        venue = venue or Venue()
        for name, value in spec.items():
            setattr(venue, name, value)
        venue.full_clean()
        venue.save()
        venues[venue.name] = venue
        stdout.write(f"  {'created' if created else 'updated'} venue: {venue}")
    return venues


def _common(spec: dict, *, slug: str, venues, regions) -> dict:
    """The fields every demo event sets, from its spec."""
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "body": spec.get("body", ""),
        "start_time": spec["start_time"],
        "end_time": spec["end_time"],
        "time_zone": spec["time_zone"],
        "venue": venues.get(spec.get("venue")),
        "country": spec["country"],
        "region": regions.get(spec.get("region")),
        "online_url": spec.get("online_url", ""),
        "languages": spec["languages"],
        "interpretation": spec["interpretation"],
        "capacity": spec.get("capacity"),
        "questions": _questions(slug, spec.get("questions", [])),
        "status": EventStatus.SCHEDULED,
    }


def _meeting(index, spec, *, venues, regions, today, now, stdout) -> EventPage:
    """A bi-monthly meeting that began about ten months ago, with its exceptions placed on
    dates the rule gives, counted from the first occurrence still to come."""
    byday = spec["byday"]
    month_start = datetime.combine(_months_before(today, spec["months_back"]), spec["start_time"])
    first = next(iter(rrule_parse(f"FREQ=MONTHLY;BYDAY={byday};COUNT=1", dtstart=month_start)))
    fields = _common(
        {
            **spec,
            "body": content.MEETING_BODY,
            "capacity": 25,
            "questions": content.questions(spec["interpretation_choices"]),
        },
        slug=spec["slug"],
        venues=venues,
        regions=regions,
    )
    page, created = _child(
        _parent(index, spec),
        EventPage,
        spec["slug"],
        stray_in=index,
        kind=EventKind.COORDINATION_MEETING,
        event_format=EventFormat.IN_PERSON,
        start_date=first.date(),
        end_date=first.date(),
        recurrence=MEETING_RULE.format(byday=byday),
        registration_required=True,
        requires_approval=False,
        **fields,
    )
    occurrences = page.schedule(changes=[]).occurrences(
        before=aware(first.date() + timedelta(days=2 * 366), time(0), page.time_zone)
    )
    upcoming = next(n for n, occurrence in enumerate(occurrences) if occurrence.start > now)
    changes = []
    for offset, action, days, note in spec["changes"]:
        if not 0 <= upcoming + offset < len(occurrences):
            raise ValueError(f"{spec['slug']}: no occurrence {offset} from the next one")
        occurrence = occurrences[upcoming + offset]
        moved = action == "move"
        changes.append(
            OccurrenceChange(
                original_date=occurrence.key,
                action=OccurrenceAction.MOVE if moved else OccurrenceAction.CANCEL,
                new_date=occurrence.key + timedelta(days=days) if moved else None,
                note=note,
            )
        )
    page.occurrence_changes = changes
    return _publish(page, created, stdout)


def _event(index, spec, *, venues, regions, today, stdout) -> EventPage:
    start = _on_or_after(today + timedelta(days=spec["days"]), spec["weekday"])
    page, created = _child(
        _parent(index, spec),
        EventPage,
        spec["slug"],
        stray_in=index,
        kind=spec["kind"],
        event_format=spec["format"],
        start_date=start,
        end_date=start,
        recurrence="",
        registration_required=True,
        requires_approval=False,
        attendance_certificates=spec.get("certificates", False),
        **_common(spec, slug=spec["slug"], venues=venues, regions=regions),
    )
    return _publish(page, created, stdout)


def _itinerary(slug: str, start: date, days) -> list[dict]:
    return [
        {
            "type": "day",
            "id": _id(slug, "day", number),
            "value": {
                "day": (start + timedelta(days=number)).isoformat(),
                "title": theme,
                "items": [
                    {
                        "type": "item",
                        "id": _id(slug, "day", number, position),
                        "value": {
                            "starts_at": starts,
                            "ends_at": ends,
                            "title": what,
                            "place": where,
                            "description": details,
                        },
                    }
                    for position, (starts, ends, what, where, details) in enumerate(items)
                ],
            },
        }
        for number, (theme, items) in enumerate(days)
    ]


def _study_visit(index, *, venues, regions, today, stdout) -> StudyVisitPage:
    spec = STUDY_VISIT
    start = _on_or_after(today + timedelta(days=spec["days"]), spec["weekday"])
    closes = aware(start - timedelta(days=30), time(23, 59), spec["time_zone"])
    page, created = _child(
        _parent(index, spec),
        StudyVisitPage,
        spec["slug"],
        stray_in=index,
        kind=EventKind.STUDY_VISIT,
        event_format=EventFormat.IN_PERSON,
        start_date=start,
        end_date=start + timedelta(days=spec["length"] - 1),
        recurrence="",
        registration_required=True,
        requires_approval=True,
        registration_closes_at=closes,
        destination=spec["destination"],
        host_organisations="\n".join(spec["hosts"]),
        itinerary=_itinerary(spec["slug"], start, spec["itinerary"]),
        practical_information=spec["practical"],
        **_common(spec, slug=spec["slug"], venues=venues, regions=regions),
    )
    return _publish(page, created, stdout)


def _debate(index, spec, *, venues, regions, year, stdout) -> EventPage:
    on = date(year, spec["month"], spec["day"])
    page, created = _child(
        _parent(index, spec),
        EventPage,
        spec["slug"],
        stray_in=index,
        kind=EventKind.PUBLIC_DEBATE,
        event_format=EventFormat.IN_PERSON,
        start_date=on,
        end_date=on,
        recurrence="",
        registration_required=spec["capacity"] is not None,
        requires_approval=False,
        **_common(
            {**spec, "body": content.SIXTEEN_DAYS_BODY},
            slug=spec["slug"],
            venues=venues,
            regions=regions,
        ),
    )
    return _publish(page, created, stdout)


def _register(pages: dict[str, EventPage], people: dict[str, User], stdout) -> None:
    """Register the demo people through the services (so capacity, the waiting list and
    approval apply), then approve the places an organiser has confirmed."""
    for slug, entries in REGISTRATIONS.items():
        page = pages[slug]
        refused = ""
        for email, answers in entries:
            person = people.get(email)
            if person is None:
                continue
            raw = {_id(slug, "question", key): value for key, value in answers.items()}
            try:
                services.registration_create(event=page, person=person, answers=raw)
            except ValidationError as error:  # started already, or no registration needed
                refused = " ".join(error.messages)
        by_email, approved = APPROVALS.get(slug, ("", []))
        pending = Registration.objects.filter(
            event=page, person__email__in=approved, status=Status.PENDING
        )
        for registration in pending:
            services.registration_approve(registration=registration, by=people.get(by_email))
        statuses = Counter(Registration.objects.filter(event=page).values_list("status", flat=True))
        if not statuses:
            stdout.write(f"  no registrations for {page.title}: {refused}")
            continue
        summary = ", ".join(
            f"{statuses[status]} {status.label.lower()}" for status in Status if statuses[status]
        )
        stdout.write(f"  registrations for {page.title}: {summary}")


def _check_in(pages: dict[str, EventPage], people: dict[str, User], now, stdout) -> None:
    """Check people in at the last occurrence that has ended (once: a later run, when the
    last past occurrence is another one, adds nothing)."""
    for slug, (by_email, emails) in CHECK_INS.items():
        page = pages[slug]
        if Attendance.objects.filter(event=page).exists():
            continue
        past = [
            occurrence
            for occurrence in page.schedule().occurrences(before=now, include_cancelled=False)
            if occurrence.end <= now
        ]
        if not past:
            continue
        day = past[-1].key
        registrations = Registration.objects.filter(
            event=page, person__email__in=emails, status__in=ACTIVE
        ).select_related("person", "event")
        for registration in registrations:
            services.attendance_check_in(
                registration=registration,
                occurrence_date=day,
                by=people.get(by_email),
                method=AttendanceMethod.CHECK_IN,
            )
        stdout.write(f"  checked in {len(registrations)} people at {page.title} on {day:%d.%m.%Y}")


def event_listing(stdout) -> EventIndexPage:
    """The listing below the home page, created or brought up to date (and published)."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    index, created = _child(
        home,
        EventIndexPage,
        "events",
        title="Events and study visits",
        intro=content.INDEX_INTRO,
        show_in_menus=True,
    )
    index.save_revision().publish()
    stdout.write(f"Events: {'created' if created else 'updated'} the listing at {index.url}")
    return index


def load_demo_event_listing(*, stdout) -> None:
    event_listing(stdout)


def load_demo_events(*, stdout) -> None:
    from programmes.demo import demo_section_slugs_tidy

    today, now = timezone.localdate(), timezone.now()
    index = event_listing(stdout)
    venues = _venues(stdout)
    regions = {region.name: region for region in Region.objects.all()}
    common = {"venues": venues, "regions": regions, "today": today, "stdout": stdout}
    pages: dict[str, EventPage] = {}
    for spec in content.MEETINGS:
        pages[spec["slug"]] = _meeting(index, spec, now=now, **common)
    for spec in content.EVENTS:
        pages[spec["slug"]] = _event(index, spec, **common)
    pages[STUDY_VISIT["slug"]] = _study_visit(index, **common)
    year = sixteen_days_year(today)
    for spec in content.DEBATES:
        pages[spec["slug"]] = _debate(
            index, spec, venues=venues, regions=regions, year=year, stdout=stdout
        )
    emails = {email for entries in REGISTRATIONS.values() for email, _a in entries}
    emails |= {by for by, _emails in (*APPROVALS.values(), *CHECK_INS.values())}
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    _register(pages, people, stdout)
    _check_in(pages, people, now, stdout)
    demo_section_slugs_tidy(index, EventSectionPage)
    stdout.write(f"Events: {len(venues)} venues and {len(pages)} events at {index.url}")


register_demo_step(load_demo_event_listing, order=120)
register_demo_step(load_demo_events, order=300)

# The events in their programmes' languages: a step of its own (imported here, where
# autodiscovery finds the demo).
from . import languages  # noqa: E402, F401
