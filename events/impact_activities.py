"""The events' part of the ledger's activities (``impact.activities``).

An attendance (named or a walk-in count) is evidence of one occurrence of an event: its
activity is the event's original page (language-independent, like registrations), its key
names the occurrence (``events.eventpage:<pk>:<date>``), so "trainings held" counts a
three-session course as three; its kind is the event's (``EventKind``: training,
coordination meeting, ...) and its place the event's country and region. Organisers may
limit an indicator to their programme's events. Registered at ``EventsConfig.ready()``.
"""

from datetime import date

from django.utils.translation import gettext_lazy as _

from impact.activities import (
    programme_page_options,
    register_activity_kinds,
    register_activity_options,
)

from .enums import EventKind
from .models import EventPage

# What the ledger needs of an event, and nothing else (an event's original may have been
# loaded with only its seat-keeping fields).
_ACTIVITY_FIELDS = ("kind", "country", "region_id", "content_type_id")


def occurrence_key(event_pk: int, occurrence_date: date) -> str:
    """The ledger's key of one occurrence of an event: each is an activity held."""
    return f"events.eventpage:{event_pk}:{occurrence_date.isoformat()}"


def attendance_activity(event: EventPage) -> dict:
    """The activity fields shared by the attendances at ``event`` (its original page), for
    ``impact.services``: at most one query for the region's name, and one more only when
    the event was loaded without the fields it needs."""
    if set(_ACTIVITY_FIELDS) & event.get_deferred_fields():
        event = EventPage.objects.only("pk", "kind", "country", "region", "content_type").get(
            pk=event.pk
        )
    return {
        "activity": event,
        "activity_kind": event.kind,
        "activity_country": event.country,
        "activity_region": event.region.name if event.region_id else "",
    }


def event_options(programme):
    """The programme's events (owned or shared, study visits too), each once, by title."""
    return programme_page_options(EventPage, programme)


def register() -> None:
    register_activity_kinds(_("Events"), EventKind.choices)
    register_activity_options(event_options)
