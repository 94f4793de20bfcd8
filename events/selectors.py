"""Reads for the listing, the month view, the event page, the feeds and "My Linkage".

Every listing loads its events with a fixed number of queries: venue and region by join,
occurrence changes by one prefetch, whatever the number of events. An event page is one
query (the page with its venue, region, original page and seat count) plus its occurrence
changes when it has any, plus the reader's registration.
"""

import calendar as pycalendar
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    Exists,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import Page

from core.event_groups import event_groups
from core.fields import json_list_contains
from core.timezones import zone_known

from .enums import ACTIVE, SEAT_HOLDING, RegistrationStatus
from .models import EventPage, OccurrenceChange, Registration

PER_PAGE = 24


def events_base(*, locale=None) -> QuerySet:
    qs = (
        EventPage.objects.live()
        .public()
        .select_related("venue", "region", "locale")
        .prefetch_related(Prefetch("occurrence_changes", queryset=OccurrenceChange.objects.all()))
    )
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def events_filtered(*, index=None, locale=None, now: datetime | None = None, **filters) -> QuerySet:
    """Events under ``index`` (or all), with the listing's filters (and those of the
    groupings registered in ``core.event_groups``, by name); upcoming only unless ``past``
    is given. The query is the same shape for any filter.

    An event lives directly below the listing or below one of its programme sections
    (``EventSectionPage``): ``descendant_of`` finds both in the same single condition on
    the tree path."""
    now = now or timezone.now()
    qs = events_base(locale=locale)
    if index is not None:
        qs = qs.descendant_of(index)
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("country"):
        qs = qs.filter(country=filters["country"])
    if filters.get("region"):
        qs = qs.filter(region=filters["region"])
    if filters.get("format"):
        qs = qs.filter(event_format=filters["format"])
    for group in event_groups():
        # A grouping another app defines (a campaign's events): a subquery of ids, so the
        # listing stays one statement.
        if filters.get(group.name):
            qs = qs.filter(pk__in=group.event_ids(filters[group.name]))
    if filters.get("language"):
        qs = qs.filter(json_list_contains("languages", filters["language"]))
    if not filters.get("past"):
        qs = qs.filter(Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=now))
    return qs.order_by("starts_at", "pk")


def events_for_keys(*, keys, locale_id: int | None = None) -> list[EventPage]:
    """The live public events whose ``translation_key`` is among ``keys`` (values or a
    subquery), one page per event: its version in ``locale_id`` (a translation or an
    alias) when there is one, else its original (the first created), in the order of
    their first start. With venue, region and locale joined and the cancelled or moved
    dates prefetched: three queries (restrictions, pages, changes) whatever their number.

    For another app's view of "its" events (a campaign's calendar and feed), which knows
    them by translation key, the one identity shared by every language."""
    where = Q(alias_of__isnull=True)
    if locale_id is not None:
        where |= Q(locale_id=locale_id)
    chosen: dict = {}
    for event in events_base().filter(translation_key__in=keys).filter(where).order_by("pk"):
        kept = chosen.get(event.translation_key)
        if kept is None or (event.locale_id == locale_id and kept.locale_id != locale_id):
            chosen[event.translation_key] = event
    return sorted(chosen.values(), key=lambda event: (event.starts_at, event.pk))


# A counter every write that alters a public feed raises (``events.signals``): venues,
# occurrence changes, event pages saved, published, unpublished or deleted, translations.
FEED_VERSION_KEY = "events:feed-version"


def feed_version_bump() -> None:
    """Make every cached public feed stale. A counter lost from the cache comes back as a
    new value (the clock in nanoseconds), never as one a stale feed was stored under."""
    try:
        cache.incr(FEED_VERSION_KEY)
    except ValueError:
        cache.set(FEED_VERSION_KEY, time.time_ns(), None)


def events_version() -> tuple:
    """The cache key of the public feeds: the write counter, and (should a process miss a
    signal) the latest publish and the number of live events."""
    counter = cache.get(FEED_VERSION_KEY)
    if counter is None:
        cache.add(FEED_VERSION_KEY, time.time_ns(), None)
        counter = cache.get(FEED_VERSION_KEY)
    version = EventPage.objects.live().aggregate(latest=Max("last_published_at"), n=Count("pk"))
    return counter, version["latest"], version["n"]


def public_feed_events(*, index, filters: dict, since: datetime) -> list[EventPage]:
    """The events of a public feed: under ``index``, matching the listing's filters,
    upcoming or ended after ``since`` (cancelled ones too: they carry STATUS:CANCELLED)."""
    filters = {k: v for k, v in filters.items() if k != "past"}
    return list(
        events_filtered(index=index, past=True, **filters).filter(
            Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=since)
        )
    )


def calendar_facts(*, events, person=None) -> dict:
    """What ``events.ical.calendar_for`` needs beyond the pages, as its keyword arguments:
    the SEQUENCE of each event's original page, and the events ``person`` has a confirmed
    place at (one query each, whatever the number of events)."""
    keys = {event.translation_key for event in events}
    sequences: dict = {}
    rows = (
        EventPage.objects.filter(translation_key__in=keys)
        .order_by("pk")
        .values_list("translation_key", "sequence")
    )
    for key, sequence in rows:
        sequences.setdefault(key, sequence)
    confirmed: set = set()
    if getattr(person, "is_authenticated", False) and keys:
        confirmed = set(
            Registration.objects.filter(
                person=person,
                status=RegistrationStatus.CONFIRMED,
                event__translation_key__in=keys,
            ).values_list("event__translation_key", flat=True)
        )
    return {"sequences": sequences, "confirmed": confirmed}


def next_occurrence(event: EventPage, *, now: datetime | None = None):
    """The occurrence in progress or the next one, cancelled ones left out; None once the
    event is over."""
    occurrences = event.cached_schedule.occurrences(
        after=now or timezone.now(), limit=1, include_cancelled=False
    )
    return occurrences[0] if occurrences else None


# What ordering by the next occurrence needs of an event: its schedule, and when it ends.
SCHEDULE_FIELDS = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "time_zone",
    "recurrence",
    "starts_at",
    "ends_at",
    "last_ends_at",
)


def by_next_occurrence(events, *, now: datetime) -> list[tuple]:
    """(event, next occurrence) for each event, soonest next occurrence first (one in
    progress counts from its start), so a weekly series that began in January comes after
    a debate on 3 December; then the events that are over, the latest first."""
    upcoming, over = [], []
    for event in events:
        found = next_occurrence(event, now=now)
        if found is not None:
            upcoming.append(((found.start_utc, event.pk), event, found))
        else:
            ended = event.last_ends_at or event.ends_at or event.starts_at
            over.append(((-ended.timestamp(), event.pk), event, None))
    upcoming.sort(key=lambda row: row[0])
    over.sort(key=lambda row: row[0])
    return [(event, found) for _key, event, found in upcoming + over]


def _schedules_only(qs: QuerySet) -> list[EventPage]:
    """The events of ``qs`` with their schedules and nothing else: two queries (the rows,
    their cancelled or moved dates), whatever their number."""
    return list(
        qs.order_by()
        .select_related(None)
        .prefetch_related(None)
        .prefetch_related(Prefetch("occurrence_changes", queryset=OccurrenceChange.objects.all()))
        .only(*SCHEDULE_FIELDS)
    )


def page_by_next_occurrence(
    *, qs: QuerySet, page_number=None, now: datetime | None = None, per_page: int = PER_PAGE
):
    """One page of the events of ``qs`` in the order of their next occurrences
    (``by_next_occurrence``): (the page, its entries ``{"event", "next"}``). Three queries
    whatever the number of events: every event's schedule, their changed dates, then the
    page's events in full (with ``qs``'s joins; their schedules are the ones read first)."""
    now = now or timezone.now()
    ordered = by_next_occurrence(_schedules_only(qs), now=now)
    page_obj = Paginator(ordered, per_page).get_page(page_number)
    rows = list(page_obj.object_list)
    full = {}
    if rows:
        full = {e.pk: e for e in qs.prefetch_related(None).filter(pk__in=[e.pk for e, _n in rows])}
    entries = []
    for light, found in rows:
        event = full.get(light.pk)
        if event is None:  # unpublished between the two reads
            continue
        event.__dict__["cached_schedule"] = light.cached_schedule
        event._prefetched_objects_cache = light._prefetched_objects_cache
        entries.append({"event": event, "next": found})
    return page_obj, entries


# The widest difference between a local date and UTC's (UTC+14, UTC-12).
DAY_SLACK = timedelta(hours=14)


def month_grid(*, events, year: int, month: int) -> list[list[dict]]:
    """Weeks (Monday first) of days; each day lists (occurrence, event) starting that day
    where the event happens (its own local date, whatever the reader's or the server's
    zone), in the order of their local start times."""
    first = date(year, month, 1)
    last = date(year, month, pycalendar.monthrange(year, month)[1])
    after = datetime.combine(first, datetime.min.time(), tzinfo=UTC) - DAY_SLACK
    before = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    before += DAY_SLACK
    by_day: dict[date, list] = {}
    for event in events:
        for occurrence in event.cached_schedule.occurrences(after=after, before=before):
            day = occurrence.start.date()  # in the event's own zone
            if first <= day <= last:
                by_day.setdefault(day, []).append((occurrence, event))
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "entries": sorted(
                        by_day.get(day, []),
                        key=lambda e: (e[0].start.time(), e[0].start_utc, e[1].title, e[1].pk),
                    ),
                }
                for day in week
            ]
        )
    return weeks


def events_in_month(*, qs: QuerySet, year: int, month: int) -> QuerySet:
    """The events of ``qs`` that may have an occurrence on a local date of the month, in
    whatever zone they happen."""
    first = datetime(year, month, 1, tzinfo=UTC) - DAY_SLACK
    last_day = pycalendar.monthrange(year, month)[1]
    end = datetime(year, month, last_day, tzinfo=UTC) + timedelta(days=1) + DAY_SLACK
    return qs.filter(starts_at__lt=end).filter(
        Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=first)
    )


def visitor_today(person=None) -> date:
    """Today, for the month view's "today" and the month it opens on: the date in the
    visitor's own time zone when her profile names one, else in the site's
    (``settings.TIME_ZONE``). Only that highlight depends on who is looking: events are
    always placed on their own local dates (``month_grid``)."""
    signed_in = getattr(person, "is_authenticated", False)
    name = (getattr(getattr(person, "profile", None), "time_zone", "") if signed_in else "") or ""
    if name and zone_known(name):
        return timezone.localdate(timezone=ZoneInfo(name))
    return timezone.localdate(timezone=timezone.get_default_timezone())


def event_index_context(
    *,
    index,
    filters: dict,
    view: str,
    page_number=None,
    year: int = 0,
    month: int = 0,
    person=None,
) -> dict:
    """The listing (``view="list"``, paginated) or the month view of ``index`` with the
    listing's filters: a fixed number of queries whatever the number of events.
    ``person``: the visitor (``request.user``), whose profile's zone says which day is
    today (``visitor_today``)."""
    today = visitor_today(person)
    if view == "month":
        qs = events_filtered(index=index, **{**filters, "past": True})
        weeks = month_grid(
            events=list(events_in_month(qs=qs, year=year, month=month)),
            year=year,
            month=month,
        )
        previous = date(year - 1, 12, 1) if month == 1 else date(year, month - 1, 1)
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return {
            "month": date(year, month, 1),
            "weeks": weeks,
            "has_entries": any(d["entries"] for week in weeks for d in week if d["in_month"]),
            "previous_url": index.url
            + index.reverse_subpage("month", args=[previous.year, previous.month]),
            "next_url": index.url
            + index.reverse_subpage("month", args=[following.year, following.month]),
            "today": today,
        }
    page_obj, entries = page_by_next_occurrence(
        qs=events_filtered(index=index, **filters), page_number=page_number
    )
    return {
        "page_obj": page_obj,
        "entries": entries,
        "month_url": index.url + index.reverse_subpage("month", args=[today.year, today.month]),
    }


# --- the event page ----------------------------------------------------------------------


def _count(qs: QuerySet) -> Coalesce:
    return Coalesce(
        Subquery(qs.order_by().values(n=Func("pk", function="COUNT")), output_field=IntegerField()),
        Value(0),
    )


def _page_facts() -> dict:
    """Annotations for an event page: its original page (the first translation: the one
    registrations belong to) and that page's capacity, the seats taken, and whether any
    occurrence is cancelled or moved."""
    originals = EventPage.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    return {
        "facts_original_pk": Subquery(originals.values("pk")[:1]),
        "facts_capacity": Subquery(originals.values("capacity")[:1]),
        # Registrations all point at the original page: count them over the translations.
        "facts_seats_taken": _count(
            Registration.objects.filter(
                event__translation_key=OuterRef("translation_key"), status__in=SEAT_HOLDING
            )
        ),
        "facts_has_changes": Exists(OccurrenceChange.objects.filter(page=OuterRef("pk"))),
    }


def event_for_route(*, index, path_components: list[str]) -> tuple[EventPage, list[str]] | None:
    """The event a path below the listing leads to, and what is left of the path (the
    event's own routes): ``<event>/…`` directly below ``index``, or ``<section>/<event>/…``
    below one of its programme sections. Live or not: routing decides. As its specific
    class, with its venue, region, original page, seat count and occurrence changes: one
    query, two when some occurrence is cancelled or moved."""
    if not path_components:
        return None
    first = path_components[0]
    below_index = EventPage.objects.filter(path__startswith=index.path)
    where = Q(depth=index.depth + 1, slug=first)
    if len(path_components) > 1:
        # Sibling slugs are unique, so ``first`` names either an event or a section, never
        # both: at most one page matches.
        section_path = Page.objects.filter(
            path__startswith=index.path, depth=index.depth + 1, slug=first
        ).values("path")[:1]
        where |= Q(
            depth=index.depth + 2,
            slug=path_components[1],
            path__startswith=Subquery(section_path),
        )
    page = (
        below_index.filter(where)
        .select_related("venue", "region", "locale", "studyvisitpage")
        .annotate(**_page_facts())
        .first()
    )
    if page is None:
        return None
    facts = {name: getattr(page, name) for name in _page_facts()}
    specific = getattr(page, "studyvisitpage", None) or page
    if type(specific) is not specific.specific_class:  # a page type added later
        specific = specific.specific
    for name, value in facts.items():
        setattr(specific, name, value)
    if specific.facts_original_pk == specific.pk:
        specific.__dict__["original"] = specific
    if specific.facts_has_changes:
        prefetch_related_objects([specific], "occurrence_changes")
    else:
        specific._prefetched_objects_cache = {"occurrence_changes": OccurrenceChange.objects.none()}
    used = 1 if specific.depth == index.depth + 1 else 2
    return specific, path_components[used:]


def event_seats(*, event: EventPage) -> tuple[int | None, int | None, int]:
    """(original page's pk, its capacity, seats taken): from the routing query when the
    page came through it, else in one query."""
    if not hasattr(event, "facts_seats_taken"):
        row = (
            EventPage.objects.filter(pk=event.pk)
            .annotate(**_page_facts())
            .values("facts_original_pk", "facts_capacity", "facts_seats_taken")
            .first()
        )
        if row is None:  # a preview of a page never saved
            return None, event.capacity, 0
        for name, value in row.items():
            setattr(event, name, value)
    return event.facts_original_pk, event.facts_capacity, event.facts_seats_taken


def registration_for(*, event: EventPage, person) -> Registration | None:
    """The person's active registration for the event (any translation), or None; with
    ``waitlist_ahead``, how many wait before them (in the same query)."""
    if not getattr(person, "is_authenticated", False):
        return None
    original_pk, _capacity, _taken = event_seats(event=event)
    ahead = Registration.objects.filter(
        event_id=OuterRef("event_id"), status=RegistrationStatus.WAITLISTED
    ).filter(
        Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
        | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lt=OuterRef("pk"))
    )
    return (
        Registration.objects.filter(event_id=original_pk, person=person, status__in=ACTIVE)
        .annotate(waitlist_ahead=_count(ahead))
        .order_by("-created_at")
        .first()
    )


def waitlist_position(*, registration: Registration) -> int | None:
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = getattr(registration, "waitlist_ahead", None)
    if ahead is None:
        ahead = (
            Registration.objects.filter(
                event_id=registration.event_id, status=RegistrationStatus.WAITLISTED
            )
            .filter(
                Q(waitlisted_at__lt=registration.waitlisted_at)
                | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
            )
            .count()
        )
    return ahead + 1


def event_page_context(*, page: EventPage, person, now: datetime | None = None) -> dict:
    """What the event page shows a person (anonymous or signed in) beyond the page: the
    next dates, their registration, the free seats, and what they may see of the place."""
    now = now or timezone.now()
    occurrences = page.cached_schedule.occurrences(after=now, limit=8)
    _original_pk, capacity, taken = event_seats(event=page)
    registration = registration_for(event=page, person=person)
    confirmed = registration is not None and registration.status == RegistrationStatus.CONFIRMED
    return {
        "page": page,
        "self": page,
        "registration": registration,
        "RegistrationStatus": RegistrationStatus,
        "seats_left": None if capacity is None else max(capacity - taken, 0),
        "occurrences": occurrences,
        "next_occurrence": next((o for o in occurrences if not o.cancelled), None),
        "waitlist_position": waitlist_position(registration=registration) if registration else None,
        "ics_url": page.url + page.reverse_subpage("ics"),
        "show_online_link": bool(confirmed and page.online_url),
        "show_address": page.shows_address(confirmed=confirmed),
        "confirmed": confirmed,
    }


def person_registrations(*, person, now: datetime | None = None) -> list[Registration]:
    """A person's active registrations for events that are not over, in the order of the
    events' next occurrences."""
    now = now or timezone.now()
    registrations = list(
        Registration.objects.filter(person=person, status__in=ACTIVE)
        .filter(Q(event__last_ends_at__isnull=True) | Q(event__last_ends_at__gte=now))
        .select_related("event", "event__venue", "event__locale")
        .prefetch_related("event__occurrence_changes")
        .order_by("event__starts_at", "pk")
    )
    events = {registration.event_id: registration.event for registration in registrations}
    order = {
        event.pk: index
        for index, (event, _next) in enumerate(by_next_occurrence(events.values(), now=now))
    }
    return sorted(registrations, key=lambda registration: order[registration.event_id])


def person_feed_events(*, person) -> list[EventPage]:
    """Events in a person's private feed: those they hold a seat for, including cancelled
    ones (the feed must carry STATUS:CANCELLED) and recent past ones."""
    since = timezone.now() - timedelta(days=90)
    ids = Registration.objects.filter(person=person, status__in=SEAT_HOLDING).values("event_id")
    return list(
        events_base()
        .filter(pk__in=ids)
        .filter(Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=since))
        .order_by("starts_at")
    )


def person_event_data(person) -> list[dict]:
    """A person's registrations, answers and attendance, for their data export."""
    registrations = (
        Registration.objects.filter(person=person)
        .select_related("event")
        .prefetch_related("attendances")
        .order_by("created_at")
    )
    return [
        {
            "event": registration.event.title,
            "event_starts": registration.event.starts_at.isoformat(),
            "status": registration.status,
            "registered_at": registration.created_at.isoformat(),
            "confirmed_at": _iso(registration.confirmed_at),
            "cancelled_at": _iso(registration.cancelled_at),
            "answers": {
                question["label"]: registration.answers[question["id"]]
                for question in registration.event.question_list
                if question["id"] in registration.answers
            },
            "attended": [a.occurrence_date.isoformat() for a in registration.attendances.all()],
        }
        for registration in registrations
    ]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def attendance_sources(*, event_keys) -> list[tuple[type, QuerySet]]:
    """The ledger's sources for the attendance of events known by translation key: each
    attendance model (named, walk-ins) with a queryset of its ids as text (the ledger's
    ``source_id``). Public, so a campaign can count its events' attendance from the ledger
    without reading this app's tables."""
    from django.db.models import CharField
    from django.db.models.functions import Cast

    from .models import AnonymousAttendance, Attendance

    return [
        (
            model,
            model.objects.filter(event__translation_key__in=event_keys)
            .annotate(source_key=Cast("pk", CharField()))
            .values("source_key"),
        )
        for model in (Attendance, AnonymousAttendance)
    ]
