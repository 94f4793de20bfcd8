"""Reads for the listing, the month view, the feeds and "My Linkage".

Every listing loads its events with a fixed number of queries: venue and region by join,
occurrence changes by one prefetch, whatever the number of events.
"""

import calendar as pycalendar
from datetime import UTC, date, datetime, timedelta

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from core.fields import json_list_contains

from .enums import ACTIVE, SEAT_HOLDING, RegistrationStatus
from .models import EventPage, OccurrenceChange, Registration


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
    """Events under ``index`` (or all), with the listing's filters; upcoming only unless
    ``past`` is given. The query is the same shape for any filter."""
    now = now or timezone.now()
    qs = events_base(locale=locale)
    if index is not None:
        qs = qs.child_of(index)
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("country"):
        qs = qs.filter(country=filters["country"])
    if filters.get("region"):
        qs = qs.filter(region=filters["region"])
    if filters.get("format"):
        qs = qs.filter(event_format=filters["format"])
    if filters.get("campaign"):
        qs = qs.filter(campaign=filters["campaign"])
    if filters.get("language"):
        qs = qs.filter(json_list_contains("languages", filters["language"]))
    if not filters.get("past"):
        qs = qs.filter(Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=now))
    return qs.order_by("starts_at", "pk")


def events_version() -> tuple:
    """Changes whenever any event is published, unpublished or deleted: the latest publish
    and the number of live events (a cache key for feeds)."""
    version = EventPage.objects.live().aggregate(latest=Max("last_published_at"), n=Count("pk"))
    return version["latest"], version["n"]


def next_occurrence(event: EventPage, *, now: datetime | None = None):
    occurrences = event.cached_schedule.occurrences(after=now or timezone.now(), limit=1)
    return occurrences[0] if occurrences else None


def month_grid(*, events, year: int, month: int, tz) -> list[list[dict]]:
    """Weeks (Monday first) of days; each day lists (occurrence, event) starting that local
    day in the viewer's zone ``tz``."""
    first = date(year, month, 1)
    last = date(year, month, pycalendar.monthrange(year, month)[1])
    after = datetime.combine(first, datetime.min.time(), tzinfo=tz)
    before = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    by_day: dict[date, list] = {}
    for event in events:
        for occurrence in event.cached_schedule.occurrences(after=after, before=before):
            day = occurrence.start.astimezone(tz).date()
            by_day.setdefault(day, []).append((occurrence, event))
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "entries": sorted(by_day.get(day, []), key=lambda e: e[0].start),
                }
                for day in week
            ]
        )
    return weeks


def events_in_month(*, qs: QuerySet, year: int, month: int, tz) -> QuerySet:
    first = datetime(year, month, 1, tzinfo=tz)
    last_day = pycalendar.monthrange(year, month)[1]
    end = datetime(year, month, last_day, tzinfo=tz) + timedelta(days=1)
    return qs.filter(starts_at__lt=end.astimezone(UTC)).filter(
        Q(last_ends_at__isnull=True) | Q(last_ends_at__gte=first.astimezone(UTC))
    )


def registration_for(*, event: EventPage, person) -> Registration | None:
    """The person's active registration for the event (any translation), or None."""
    if not getattr(person, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(event_id=event.original.pk, person=person, status__in=ACTIVE)
        .order_by("-created_at")
        .first()
    )


def waitlist_position(*, registration: Registration) -> int | None:
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=RegistrationStatus.WAITLISTED,
        )
        .filter(
            Q(waitlisted_at__lt=registration.waitlisted_at)
            | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def person_registrations(*, person, now: datetime | None = None) -> list[Registration]:
    """A person's active registrations for events that are not over, soonest first."""
    now = now or timezone.now()
    return list(
        Registration.objects.filter(person=person, status__in=ACTIVE)
        .filter(Q(event__last_ends_at__isnull=True) | Q(event__last_ends_at__gte=now))
        .select_related("event", "event__venue", "event__locale")
        .prefetch_related("event__occurrence_changes")
        .order_by("event__starts_at")
    )


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
