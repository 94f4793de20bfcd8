"""Reads for the organiser's side of events: the events admin (registrations, check-in,
sign-in sheets, imports, exports), its buttons and the programme dashboard panel.

Every one of them goes through ``programmes.selectors.scope_for``: an organiser reads an
event, its registrations (answers included), its check-ins and its anonymous walk-ins only
when the event belongs to a programme they run (its owner, or one it is shared with). An
admin reads everything. An event outside any programme is an admin's alone. A refusal
looks like an id that does not exist (the views answer 404), so guessing ids tells nothing.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone

from programmes.selectors import Scope, scope_for

from .enums import RegistrationStatus as Status
from .models import AnonymousAttendance, Attendance, EventPage, Registration

# Relations from an event page, and from what hangs off one, to its programmes.
EVENT_PATHS = ("programme", "shared_with")
VIA_EVENT = ("event__programme", "event__shared_with")


def events_for(user) -> QuerySet[EventPage]:
    """The event pages whose people ``user`` may see."""
    return scope_for(user).filter(EventPage.objects.all(), *EVENT_PATHS)


def event_for(*, user, page_id: int) -> EventPage | None:
    """The original page (the first translation: where registrations live) of the event
    ``page_id`` belongs to, when ``user`` may see its people; else None. One query."""
    scope = scope_for(user)
    if scope.nothing:
        return None
    key = EventPage.objects.filter(pk=page_id).values("translation_key")[:1]
    first = EventPage.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    event = (
        scope.filter(EventPage.objects.filter(translation_key=Subquery(key)), *EVENT_PATHS)
        .annotate(original_pk=Subquery(first.values("pk")[:1]))
        .select_related("venue", "region")
        .order_by("pk")
        .first()
    )
    if event is None or event.pk != event.original_pk:
        return None  # the original is not theirs, whatever a translation says
    event.__dict__["original"] = event  # it is: spare the services the query that finds it
    return event


def event_keys_for(user) -> frozenset:
    """The translation keys of the events whose people ``user`` may see, once per request
    (cached on the user object, as ``scope_for`` is): the page listing asks per row."""
    cached = getattr(user, "_linkage_event_keys", None)
    if cached is None:
        cached = frozenset(events_for(user).values_list("translation_key", flat=True))
        user._linkage_event_keys = cached
    return cached


def event_listing(*, user) -> QuerySet[EventPage]:
    """The events admin's index: the original page of every event whose people ``user``
    may see, upcoming first (soonest first), then past ones (latest first)."""
    now = timezone.now()
    upcoming = Q(last_ends_at__gte=now) | Q(last_ends_at__isnull=True)
    translations = EventPage.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return (
        events_for(user)
        .exclude(Exists(translations))
        .defer_streamfields()
        .annotate(
            past=Case(When(upcoming, then=Value(False)), default=Value(True)),
            next_start=Case(When(upcoming, then=F("starts_at"))),
        )
        .order_by("past", F("next_start").asc(nulls_last=True), "-starts_at", "pk")
    )


def event_counts(*, event_ids: list[int]) -> dict[int, dict[str, int]]:
    """For each event: confirmed, waiting (waiting list and offered), pending approval,
    people who came, and walk-ins counted without a name. Three queries for any number."""
    counts = {
        pk: {"confirmed": 0, "waiting": 0, "pending": 0, "attended": 0, "anonymous": 0}
        for pk in event_ids
    }
    for row in (
        Registration.objects.filter(event_id__in=event_ids)
        .order_by()
        .values("event_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status__in=(Status.WAITLISTED, Status.OFFERED))),
            pending=Count("pk", filter=Q(status=Status.PENDING)),
        )
    ):
        counts[row.pop("event_id")].update(row)
    for event_id, people in (
        Attendance.objects.filter(event_id__in=event_ids)
        .order_by()
        .values("event_id")
        .annotate(people=Count("registration", distinct=True))
        .values_list("event_id", "people")
    ):
        counts[event_id]["attended"] = people
    for event_id, number in (
        AnonymousAttendance.objects.filter(event_id__in=event_ids)
        .order_by()
        .values("event_id")
        .annotate(number=Sum("count"))
        .values_list("event_id", "number")
    ):
        counts[event_id]["anonymous"] = number or 0
    return counts


def event_key_visible(*, user, translation_key) -> bool:
    """Whether ``user`` may see the people of the event with this translation key."""
    scope = scope_for(user)
    if scope.everything:
        return True
    return not scope.nothing and translation_key in event_keys_for(user)


def registrations_for(user) -> QuerySet[Registration]:
    return scope_for(user).filter(Registration.objects.all(), *VIA_EVENT)


def attendance_for(user) -> QuerySet[Attendance]:
    return scope_for(user).filter(Attendance.objects.all(), *VIA_EVENT)


def anonymous_attendance_for(user) -> QuerySet[AnonymousAttendance]:
    return scope_for(user).filter(AnonymousAttendance.objects.all(), *VIA_EVENT)


def scoped(queryset: QuerySet, scope: Scope) -> QuerySet:
    """A queryset of registrations, check-ins or walk-in counts narrowed to ``scope``."""
    return scope.filter(queryset, *VIA_EVENT)


def programme_participants(programme_ids: frozenset[int] | None) -> QuerySet:
    """The people who registered for (and so who came to) events of ``programme_ids``
    (``None``: of any programme), for ``programmes.selectors.people_visible_to``."""
    if programme_ids is None:
        in_programmes = Q(event__programme__isnull=False) | Q(event__shared_with__isnull=False)
    else:
        in_programmes = Q(event__programme__in=programme_ids) | Q(
            event__shared_with__in=programme_ids
        )
    return Registration.objects.filter(in_programmes).values("person_id")


def anonymous_count(*, event: EventPage, occurrence_date) -> int:
    return (
        AnonymousAttendance.objects.filter(event=event, occurrence_date=occurrence_date)
        .values_list("count", flat=True)
        .first()
        or 0
    )


def anonymous_totals(*, event: EventPage) -> int:
    return AnonymousAttendance.objects.filter(event=event).aggregate(n=Sum("count"))["n"] or 0


# --- The programme dashboard ------------------------------------------------------------------

UPCOMING_EVENTS = 100  # events read to find the next occurrences
UPCOMING_ROWS = 8  # occurrences shown


@dataclass(frozen=True)
class UpcomingOccurrence:
    event: EventPage
    occurrence: object  # events.schedule.Occurrence, in the event's own time zone
    taken: int
    capacity: int | None
    waiting: int
    pending: int
    shared: bool  # the programme uses an event another programme owns


def programme_upcoming(
    *, user, programme, now: datetime | None = None, limit: int = UPCOMING_ROWS
) -> list[UpcomingOccurrence]:
    """The next occurrences of ``programme``'s events (owned or shared with it), soonest
    first, each with its event's seats, waiting list and pending approvals. Nothing when
    ``user`` may not see the programme. Three queries whatever the number of events."""
    scope = scope_for(user)
    if not scope.allows({programme.pk}):
        return []
    now = now or timezone.now()
    translations = EventPage.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    events = list(
        EventPage.objects.live()
        .filter(Q(programme=programme) | Q(pk__in=shared_with_programme(programme)))
        .exclude(Exists(translations))
        .filter(Q(last_ends_at__gte=now) | Q(last_ends_at__isnull=True))
        .defer_streamfields()
        .prefetch_related("occurrence_changes")
        .order_by("starts_at", "pk")[:UPCOMING_EVENTS]
    )
    if not events:
        return []
    counts = {
        row["event_id"]: row
        for row in Registration.objects.filter(event_id__in=[e.pk for e in events])
        .order_by()
        .values("event_id")
        .annotate(
            taken=Count("pk", filter=Q(status__in=(Status.CONFIRMED, Status.OFFERED))),
            waiting=Count("pk", filter=Q(status=Status.WAITLISTED)),
            pending=Count("pk", filter=Q(status=Status.PENDING)),
        )
    }
    rows = []
    for event in events:
        found = counts.get(event.pk, {})
        for occurrence in event.cached_schedule.occurrences(
            after=now, limit=limit, include_cancelled=False
        ):
            rows.append(
                UpcomingOccurrence(
                    event=event,
                    occurrence=occurrence,
                    taken=found.get("taken", 0),
                    capacity=event.capacity,
                    waiting=found.get("waiting", 0),
                    pending=found.get("pending", 0),
                    shared=event.programme_id != programme.pk,
                )
            )
    rows.sort(key=lambda row: (row.occurrence.start, row.event.pk))
    return rows[:limit]


def shared_with_programme(programme) -> QuerySet:
    """Ids of the event pages ``programme`` uses without owning them."""
    return EventPage.shared_with.through.objects.filter(programme=programme).values("eventpage_id")
