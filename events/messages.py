"""Messages to registrants, sent through the site's outbox (``core.outbox``).

``message_enqueue`` queues one message in the transaction that caused it; the outbox key
is (registration, kind, key), so each message is queued once, ever (``key`` tells apart
messages of one kind: the occurrence and offset of a reminder, the sequence of an update).
``message_compose`` is the outbox composer for every kind (registered in ``apps.py``): it
renders the e-mail at send time, in the registrant's language, with its calendar file.

Reminders are found by ``reminders_due`` (the periodic task ``events.reminders_due``, every
ten minutes in ``CELERY_BEAT_SCHEDULE``); the offsets are ``EVENTS_REMINDER_OFFSETS_HOURS``.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.addresses import absolute_url
from core.models import OutboxMessage
from core.outbox import outbox_enqueue

from .enums import EventKind, EventStatus, MessageKind, RegistrationStatus
from .ical import calendar_domain, invitation_ics
from .models import EventPage, Registration
from .schedule import Occurrence, zone
from .when import days_of, moment_text, shows_viewer_time, viewer_text, when_text

KIND_PREFIX = "events."
OUTBOX_KINDS = [KIND_PREFIX + kind for kind in MessageKind.values]
WITH_INVITATION = {MessageKind.CONFIRMATION, MessageKind.UPDATE, MessageKind.REMINDER}
WITH_CANCELLATION = {MessageKind.CANCELLATION, MessageKind.WITHDRAWN}


def message_key(*, registration: Registration, kind: str, key: str = "") -> str:
    return f"events:{registration.pk}:{kind}:{key}"


def message_enqueue(*, registration: Registration, kind: str, key: str = "") -> bool:
    """Queue one message to the registrant, sent after commit; False if it was queued
    before (or the person has no address)."""
    person = registration.person
    if not person.email:
        return False
    profile = getattr(person, "profile", None)
    message = outbox_enqueue(
        kind=KIND_PREFIX + kind,
        source=registration,
        key=message_key(registration=registration, kind=kind, key=key),
        to_user=person,
        language=getattr(profile, "preferred_language", "") or "",
    )
    return message is not None


def message_compose(message: OutboxMessage) -> EmailMessage | None:
    """The outbox composer: the e-mail for one message, in the language that is active
    (the registrant's, set by the outbox); the outbox adds the recipient."""
    kind = message.kind.removeprefix(KIND_PREFIX)
    registration = message.source
    person = registration.person
    event = EventPage.objects.select_related("venue").get(pk=registration.event_id)
    language = translation.get_language() or settings.LANGUAGE_CODE
    event = (event.get_translation_or_none(_locale_for(language)) or event).specific
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    profile = getattr(person, "profile", None)
    context = {
        "kind": kind,
        "event": event,
        "registration": registration,
        "person": person,
        "when": when_lines(event, viewer_zone=getattr(profile, "time_zone", "") or ""),
        "offer_until": (
            moment_text(registration.offer_expires_at, event.time_zone)
            if registration.offer_expires_at
            else ""
        ),
        "url": absolute_url(event.get_url()),
        "my_url": absolute_url(reverse("people:dashboard")),
        "online_url": event.online_url if confirmed else "",
        "show_address": event.shows_address(confirmed=confirmed),
    }
    # Anything a template still writes with Django's own filters is in the event's zone too.
    with timezone.override(zone(event.time_zone)):
        subject = render_to_string("events/email/subject.txt", context).strip()
        body = render_to_string("events/email/message.txt", context)
    email = EmailMessage(subject=" ".join(subject.split()), body=body)
    domain = calendar_domain()
    if kind in WITH_INVITATION:
        cancel = event.is_cancelled
        email.attach(
            "event.ics",
            invitation_ics(
                event,
                domain=domain,
                person=person,
                cancel=cancel,
                sequence=event.original.sequence,
                confirmed=confirmed,
            ),
            "text/calendar; method=CANCEL" if cancel else "text/calendar; method=REQUEST",
        )
    elif kind in WITH_CANCELLATION:
        email.attach(
            "event.ics",
            invitation_ics(
                event, domain=domain, person=person, cancel=True, sequence=event.original.sequence
            ),
            "text/calendar; method=CANCEL",
        )
    return email


def when_lines(event, *, viewer_zone: str = "", now: datetime | None = None) -> list[str]:
    """The "When" of an e-mail, one line each, in the event's own time zone, named: the next
    three dates of a series (or the event's own date once it is over), each over its whole
    span; a study visit's days one by one below it; for an online or hybrid event the same
    in the reader's own zone when their profile names one."""
    schedule = event.cached_schedule
    occurrences = schedule.occurrences(
        after=now or timezone.now(), limit=3, include_cancelled=False
    )
    if not occurrences:
        first = Occurrence(
            key=schedule.start_date,
            original_start=schedule.first_start,
            start=schedule.first_start,
            end=schedule.first_end,
        )
        occurrences = [first]
    lines = []
    remote = shows_viewer_time(event)
    for occurrence in occurrences:
        line = when_text(occurrence.start, occurrence.end, event.time_zone)
        yours = (
            viewer_text(
                occurrence.start, occurrence.end, event_tz=event.time_zone, viewer_tz=viewer_zone
            )
            if remote
            else ""
        )
        lines.append(f"{line} ({yours})" if yours else line)
        if event.kind == EventKind.STUDY_VISIT:
            lines.extend(f"  – {day.text()}" for day in days_of(event, occurrence))
    return lines


def _locale_for(language: str):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=language).first()


def reminders_due(*, now: datetime | None = None) -> int:
    """Queue the reminders whose time has come: for each offset, each occurrence starting
    within that many hours, each confirmed registrant who registered before the reminder
    was due. Returns how many were queued (each one once, ever)."""
    now = now or timezone.now()
    offsets = sorted(settings.EVENTS_REMINDER_OFFSETS_HOURS)
    if not offsets:
        return 0
    horizon = now + timedelta(hours=max(offsets))
    events = (
        EventPage.objects.live()
        .filter(status=EventStatus.SCHEDULED, registrations__status=RegistrationStatus.CONFIRMED)
        .filter(
            Q(recurrence="", starts_at__gt=now, starts_at__lte=horizon)
            | (~Q(recurrence="") & (Q(last_ends_at__isnull=True) | Q(last_ends_at__gt=now)))
        )
        .distinct()
    )
    queued = 0
    for event in events:
        for occurrence in event.cached_schedule.occurrences(
            after=now, before=horizon, include_cancelled=False
        ):
            start = occurrence.start.astimezone(UTC)
            if start <= now:
                continue
            for hours in offsets:
                due = start - timedelta(hours=hours)
                if not (due <= now < start):
                    continue
                registrations = Registration.objects.filter(
                    event=event, status=RegistrationStatus.CONFIRMED, confirmed_at__lte=due
                ).select_related("person__profile")
                for registration in registrations:
                    with transaction.atomic():
                        queued += message_enqueue(
                            registration=registration,
                            kind=MessageKind.REMINDER,
                            key=f"{occurrence.key.isoformat()}:{hours}h",
                        )
    return queued
