"""Messages to registrants (Celery). Each message is a row (``EventMessage``) created in
the transaction that caused it and unique per (registration, kind, key); the task claims
the row under a lock before sending, so a task that runs twice sends once.

Reminders are found by a periodic task (``events.reminders_due``, every ten minutes in
``CELERY_BEAT_SCHEDULE``); the offsets are ``EVENTS_REMINDER_OFFSETS_HOURS``.
"""

import logging
import smtplib
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from celery import shared_task

from .enums import MessageKind, RegistrationStatus
from .models import EventMessage, EventPage, Registration

logger = logging.getLogger(__name__)
TRANSIENT = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
)
WITH_INVITATION = {MessageKind.CONFIRMATION, MessageKind.UPDATE, MessageKind.REMINDER}


def event_message_enqueue(*, registration: Registration, kind: str, key: str = "") -> bool:
    """Create the message row now and send it after commit; False if it already exists."""
    try:
        with transaction.atomic():
            message = EventMessage.objects.create(registration=registration, kind=kind, key=key)
    except IntegrityError:
        return False
    transaction.on_commit(lambda: event_message_send_task.delay(message.pk))
    return True


@shared_task(name="events.message_send", bind=True, max_retries=5, acks_late=True)
def event_message_send_task(self, message_id: int) -> str:
    with transaction.atomic():
        message = (
            EventMessage.objects.select_for_update(of=("self",))
            .select_related("registration__person")
            .filter(pk=message_id)
            .first()
        )
        if message is None or message.sent_at is not None:
            return "skipped"
        EventMessage.objects.filter(pk=message.pk).update(sent_at=timezone.now())
    try:
        email = message_compose(message)
        if email is None:
            return "skipped"
        email.send()
    except TRANSIENT as exc:
        EventMessage.objects.filter(pk=message.pk).update(sent_at=None)
        if self.request.retries >= self.max_retries:
            EventMessage.objects.filter(pk=message.pk).update(error=str(exc)[:1000])
            raise
        raise self.retry(exc=exc, countdown=min(600, 30 * 2**self.request.retries)) from exc
    except Exception as exc:
        # Not worth retrying (a refused address, a broken template): say so on the row,
        # which shows it was not sent.
        EventMessage.objects.filter(pk=message.pk).update(sent_at=None, error=repr(exc)[:1000])
        raise
    EventMessage.objects.filter(pk=message.pk).update(error="")
    return "sent"


def message_compose(message: EventMessage):
    """The e-mail for one message, in the registrant's language; None if there is no one
    to send it to."""
    from django.core.mail import EmailMessage

    from .ical import calendar_domain, invitation_ics

    registration = message.registration
    person = registration.person
    if not person.email:
        return None
    event = EventPage.objects.select_related("venue").get(pk=registration.event_id)
    profile = getattr(person, "profile", None)
    language = getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        event = event.get_translation_or_none(_locale_for(language)) or event
        event = event.specific
        context = {
            "kind": message.kind,
            "event": event,
            "registration": registration,
            "person": person,
            "occurrences": event.cached_schedule.occurrences(
                after=timezone.now(), limit=3, include_cancelled=False
            ),
            "url": event.full_url or "",
            "my_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/my/",
            "online_url": event.online_url
            if registration.status == RegistrationStatus.CONFIRMED
            else "",
            "show_address": event.shows_address(
                confirmed=registration.status == RegistrationStatus.CONFIRMED
            ),
        }
        subject = render_to_string("events/email/subject.txt", context).strip()
        body = render_to_string("events/email/message.txt", context)
        email = EmailMessage(subject=" ".join(subject.split()), body=body, to=[person.email])
        domain = calendar_domain()
        if message.kind in WITH_INVITATION:
            email.attach(
                "event.ics",
                invitation_ics(event, domain=domain, person=person, cancel=event.is_cancelled),
                "text/calendar; method=REQUEST"
                if not event.is_cancelled
                else "text/calendar; method=CANCEL",
            )
        elif message.kind in (MessageKind.CANCELLATION, MessageKind.WITHDRAWN):
            email.attach(
                "event.ics",
                invitation_ics(event, domain=domain, person=person, cancel=True),
                "text/calendar; method=CANCEL",
            )
    return email


def _locale_for(language: str):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=language).first()


@shared_task(name="events.reminders_due")
def reminders_due_task() -> int:
    return reminders_due()


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
        .filter(status="scheduled", registrations__status=RegistrationStatus.CONFIRMED)
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
                )
                for registration in registrations:
                    with transaction.atomic():
                        queued += event_message_enqueue(
                            registration=registration,
                            kind=MessageKind.REMINDER,
                            key=f"{occurrence.key.isoformat()}:{hours}h",
                        )
    return queued


@shared_task(name="events.offers_expire")
def offers_expire_task() -> int:
    from .services import offers_expire

    return offers_expire()
