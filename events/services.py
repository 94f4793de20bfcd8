"""Every write with a rule in the events app: registration, the waiting list, approval,
check-in, and what happens when an event's time, place or status changes.

Capacity: a seat is held by a CONFIRMED or OFFERED registration. Every change that takes
or frees a seat runs in a transaction that first locks the event's original page row
(``SELECT … FOR UPDATE``), so concurrent requests for the last seat are served one after
the other and the seat is never given twice (pretix serialises bookings the same way).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.enums import CertificateKind
from certificates.services import certificate_issue, certificate_issue_many, holder_language
from certificates.tasks import certificate_email_enqueue
from impact.enums import ParticipationKind
from impact.services import participation_record, participation_record_many

from .enums import ACTIVE, SEAT_HOLDING, AttendanceMethod, MessageKind, QuestionKind
from .enums import RegistrationStatus as Status
from .impact_activities import attendance_activity, occurrence_key
from .labels import day_label, zone_label
from .messages import message_enqueue
from .models import Attendance, CalendarToken, EventPage, Registration
from .schedule import zone
from .when import moment_local_text

MAX_ANSWER_LENGTH = 2000
# People can be checked in from a day before an occurrence starts (a desk set up early,
# an organiser in another time zone), never earlier.
CHECK_IN_EARLIEST = timedelta(days=1)
BATCH_SIZE = 2000


def _message(registration: Registration, kind: str, key: str = "") -> None:
    message_enqueue(registration=registration, kind=kind, key=key)


def _lock(event: EventPage) -> EventPage:
    """The event's original page, locked for the rest of the transaction."""
    return (
        EventPage.objects.select_for_update(of=("self",))
        .only("pk", "capacity", "sequence", "status", "schedule_fingerprint", "translation_key")
        .get(pk=event.original.pk)
    )


def seats_taken(*, event: EventPage) -> int:
    return Registration.objects.filter(event=event.original, status__in=SEAT_HOLDING).count()


def seats_left(*, event: EventPage) -> int | None:
    """Free seats, or None when the event has no limit."""
    capacity = event.original.capacity
    if capacity is None:
        return None
    return max(capacity - seats_taken(event=event), 0)


def registration_is_open(*, event: EventPage, now: datetime | None = None) -> tuple[bool, str]:
    """(open, why not) for the public page and for ``registration_create``."""
    now = now or timezone.now()
    if not event.registration_required:
        return False, _("No registration is needed: just come.")
    if event.is_cancelled:
        return False, _("This event is cancelled.")
    if event.registration_opens_at and now < event.registration_opens_at:
        return False, _("Registration opens on %(when)s (%(zone)s).") % {
            "when": moment_local_text(event.registration_opens_at, event.time_zone),
            "zone": zone_label(event.time_zone),
        }
    closes = event.registration_closes_at or _registration_deadline(event)
    if closes is not None and now >= closes:
        return False, _("Registration has closed.")
    return True, ""


def _registration_deadline(event: EventPage) -> datetime | None:
    """Without a closing date, registration closes when the last occurrence starts."""
    if event.is_recurring:
        return event.last_ends_at
    return event.starts_at


def answers_clean(*, event: EventPage, raw: dict) -> dict:
    """The answers to the event's questions, keyed by question id; ValidationError names
    each question that is missing or wrong. Unknown keys are dropped."""
    cleaned, errors = {}, {}
    for question in event.question_list:
        value = raw.get(question["id"])
        if question["kind"] == QuestionKind.CHECKBOX:
            value = value in (True, "on", "true", "yes", "1")
            if question["required"] and not value:
                errors[question["id"]] = _("Please tick this box to go on.")
            cleaned[question["id"]] = value
            continue
        value = (value or "").strip() if isinstance(value, str) else ""
        if len(value) > MAX_ANSWER_LENGTH:
            errors[question["id"]] = _("Please keep this under %(n)s characters.") % {
                "n": MAX_ANSWER_LENGTH
            }
        elif question["kind"] == QuestionKind.CHOICE and value and value not in question["choices"]:
            errors[question["id"]] = _("Choose one of the options offered.")
        elif question["required"] and not value:
            errors[question["id"]] = _("Please answer this question.")
        if value:
            cleaned[question["id"]] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def registration_create(
    *, event: EventPage, person, answers: dict | None = None, now: datetime | None = None
) -> Registration:
    """Register ``person``: confirmed while seats are left, otherwise on the waiting list;
    awaiting approval when the event asks for it. Registering twice returns the existing
    active registration."""
    now = now or timezone.now()
    is_open, why = registration_is_open(event=event, now=now)
    if not is_open:
        raise ValidationError(why)
    cleaned = answers_clean(event=event, raw=answers or {})
    original = _lock(event)
    existing = Registration.objects.filter(event=original, person=person, status__in=ACTIVE).first()
    if existing is not None:
        return existing
    registration = Registration(event=original, person=person, answers=cleaned)
    if event.requires_approval:
        registration.status = Status.PENDING
    elif original.capacity is None or seats_taken(event=original) < original.capacity:
        registration.status, registration.confirmed_at = Status.CONFIRMED, now
    else:
        registration.status, registration.waitlisted_at = Status.WAITLISTED, now
    try:
        with transaction.atomic():
            registration.save(force_insert=True)
    except IntegrityError:  # pragma: no cover - the lock above makes this unreachable
        return Registration.objects.get(event=original, person=person, status__in=ACTIVE)
    _message(registration, _first_message(registration.status))
    return registration


def _first_message(status: str) -> str:
    return {
        Status.CONFIRMED: MessageKind.CONFIRMATION,
        Status.WAITLISTED: MessageKind.WAITLISTED,
        Status.PENDING: MessageKind.PENDING,
    }[status]


def _locked_registration(registration: Registration) -> tuple[EventPage, Registration]:
    event = _lock(registration.event)
    return event, Registration.objects.select_for_update().get(pk=registration.pk)


@transaction.atomic
def registration_cancel(*, registration: Registration, by=None) -> Registration:
    """Cancel (by the registrant, or an organiser). A freed seat goes to the waiting list."""
    event, locked = _locked_registration(registration)
    if locked.status not in ACTIVE:
        raise ValidationError(_("This registration is no longer active."))
    held_seat = locked.holds_seat
    had_invitation = locked.status == Status.CONFIRMED
    locked.status, locked.cancelled_at, locked.offer_expires_at = (
        Status.CANCELLED,
        timezone.now(),
        None,
    )
    if by is not None and by.pk != locked.person_id:
        locked.decided_by = by
    locked.save(update_fields=["status", "cancelled_at", "offer_expires_at", "decided_by"])
    if had_invitation:
        # Their calendar has the event from the confirmation: withdraw it there too.
        _message(locked, MessageKind.WITHDRAWN)
    if held_seat:
        seats_fill(event=event)
    return locked


@transaction.atomic
def registration_approve(*, registration: Registration, by) -> Registration:
    """An organiser approves: confirmed if a seat is left, else first in the queue from now."""
    event, locked = _locked_registration(registration)
    if locked.status != Status.PENDING:
        raise ValidationError(_("Only a registration awaiting approval can be approved."))
    now = timezone.now()
    locked.decided_by = by
    if event.capacity is None or seats_taken(event=event) < event.capacity:
        locked.status, locked.confirmed_at = Status.CONFIRMED, now
    else:
        locked.status, locked.waitlisted_at = Status.WAITLISTED, now
    locked.save(update_fields=["status", "confirmed_at", "waitlisted_at", "decided_by"])
    _message(locked, _first_message(locked.status))
    return locked


@transaction.atomic
def registration_reject(*, registration: Registration, by) -> Registration:
    _event, locked = _locked_registration(registration)
    if locked.status != Status.PENDING:
        raise ValidationError(_("Only a registration awaiting approval can be declined."))
    locked.status, locked.decided_by = Status.REJECTED, by
    locked.save(update_fields=["status", "decided_by"])
    _message(locked, MessageKind.REJECTED)
    return locked


@transaction.atomic
def offer_accept(*, registration: Registration, now: datetime | None = None) -> Registration:
    """The person takes the place offered to them, before the offer expires."""
    now = now or timezone.now()
    _event, locked = _locked_registration(registration)
    if locked.status == Status.CONFIRMED:
        return locked
    if locked.status != Status.OFFERED:
        raise ValidationError(_("There is no place on offer for this registration."))
    if locked.offer_expires_at and locked.offer_expires_at <= now:
        raise ValidationError(
            _("Sorry: this offer has expired and the place went to the next person.")
        )
    locked.status, locked.confirmed_at, locked.offer_expires_at = Status.CONFIRMED, now, None
    locked.save(update_fields=["status", "confirmed_at", "offer_expires_at"])
    _message(locked, MessageKind.CONFIRMATION)
    return locked


def seats_fill(*, event: EventPage, now: datetime | None = None) -> list[Registration]:
    """Offer free seats to the waiting list, first in first out. The caller holds the lock
    on the event (``_lock``). Each offer expires after EVENTS_OFFER_HOURS, or when the event
    starts if that is sooner; then the next person is offered the place."""
    if event.capacity is None:
        waiting = Registration.objects.filter(event=event, status=Status.WAITLISTED)
        free = waiting.count()
    else:
        free = event.capacity - seats_taken(event=event)
    if free <= 0:
        return []
    now = now or timezone.now()
    expires = now + timedelta(hours=settings.EVENTS_OFFER_HOURS)
    page = EventPage.objects.only("starts_at", "last_ends_at", "recurrence").get(pk=event.pk)
    deadline = page.last_ends_at if page.recurrence else page.starts_at
    if deadline is not None and deadline <= now:
        return []
    if deadline is not None:
        expires = min(expires, deadline)
    offered = list(
        Registration.objects.select_for_update()
        .filter(event=event, status=Status.WAITLISTED)
        .order_by("waitlisted_at", "pk")[:free]
    )
    for registration in offered:
        registration.status, registration.offer_expires_at = Status.OFFERED, expires
        registration.save(update_fields=["status", "offer_expires_at"])
        _message(registration, MessageKind.OFFER, key=expires.isoformat())
    return offered


def offers_expire(*, now: datetime | None = None) -> int:
    """Expired offers lose their place, which goes to the next person. Run by beat."""
    now = now or timezone.now()
    expired = 0
    event_ids = set(
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    )
    for event_id in event_ids:
        with transaction.atomic():
            event = _lock(EventPage(pk=event_id))
            expired += Registration.objects.filter(
                event=event, status=Status.OFFERED, offer_expires_at__lte=now
            ).update(status=Status.EXPIRED)
            seats_fill(event=event, now=now)
    return expired


CHECK_IN_STATUSES = (Status.CONFIRMED, Status.OFFERED, Status.WAITLISTED, Status.PENDING)


def occurrence_refusal(*, event: EventPage, occurrence_date: date, occurrence, now) -> str:
    """Why nobody can be checked in (or counted) for the occurrence held on
    ``occurrence_date`` (``occurrence``: the schedule's, or None), or "" when they can."""
    if occurrence is None or occurrence.cancelled:
        return _("%(event)s does not take place on %(day)s.") % {
            "event": event.title,
            "day": day_label(occurrence_date),
        }
    if occurrence.start - now > CHECK_IN_EARLIEST:
        return _("Check-in for %(day)s opens the day before.") % {"day": day_label(occurrence_date)}
    return ""


def _check_in_refusal(
    *, event: EventPage, registration: Registration, occurrence_date: date, occurrence, now
) -> str:
    """Why this registration cannot be checked in for the occurrence held on
    ``occurrence_date`` (``occurrence``: the schedule's, or None), or "" when it can."""
    if registration.status not in CHECK_IN_STATUSES:
        return _("%(person)s's registration is %(status)s: it cannot be checked in.") % {
            "person": registration.person.display_name,
            "status": registration.get_status_display(),
        }
    return occurrence_refusal(
        event=event, occurrence_date=occurrence_date, occurrence=occurrence, now=now
    )


def _certificate_entry(
    event: EventPage, attendance: Attendance, person, programmes: set[int], occurrence
) -> dict:
    """A certificate of attendance: the event's title, and the occurrence attended in the
    event's own time and zone (the certificate writes them in the holder's language, so the
    title carries no date of its own). Issued in the holder's language, with the event's
    title in it when the event is translated into it."""
    language = holder_language(person)
    return {
        "subject": attendance,
        "holder": person,
        "holder_name": person.display_name,
        "title": _title_in(event, language),
        "language": language,
        "starts_at": occurrence.start,
        "ends_at": occurrence.end,
        "time_zone": event.time_zone,
        "kind": CertificateKind.EVENT_ATTENDANCE,
        # Never after today where the event is (a check-in opens the day before).
        "completed_on": min(
            attendance.occurrence_date, timezone.localdate(timezone=zone(event.time_zone))
        ),
        "programmes": programmes,
    }


def _title_in(event: EventPage, language: str) -> str:
    """The event's title in ``language``: its live translation's (never an alias, which is
    the original's words), else the original's."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    translated = event.get_translation_or_none(locale) if locale is not None else None
    if translated is not None and translated.live and not translated.alias_of_id:
        return translated.title
    return event.title


@transaction.atomic
def attendance_check_in(
    *,
    registration: Registration,
    occurrence_date: date | None = None,
    by=None,
    method: str = AttendanceMethod.CHECK_IN,
) -> tuple[Attendance, bool]:
    """Record that a registrant came. Idempotent per occurrence. Writes ``event_attended``
    to the ledger and, when the event offers them, issues a certificate of attendance."""
    event = registration.event
    schedule = event.schedule()
    if occurrence_date is None:
        occurrence_date = schedule.start_date
    occurrence = schedule.occurrence(occurrence_date)
    refusal = _check_in_refusal(
        event=event,
        registration=registration,
        occurrence_date=occurrence_date,
        occurrence=occurrence,
        now=timezone.now(),
    )
    if refusal:
        raise ValidationError(refusal)
    attendance = Attendance.objects.filter(
        registration=registration, occurrence_date=occurrence_date
    ).first()
    created = attendance is None
    if created:
        if registration.status != Status.CONFIRMED:
            # Came without a confirmed place (a walk-in from the waiting list): they were
            # there, so they are confirmed now; no seat accounting is needed after the fact.
            registration.status, registration.confirmed_at = Status.CONFIRMED, timezone.now()
            registration.save(update_fields=["status", "confirmed_at"])
        attendance = Attendance.objects.create(
            event=event,
            registration=registration,
            occurrence_date=occurrence_date,
            checked_in_by=by,
            method=method,
        )
    # The ledger counts the attendance when the occurrence took place, not when it was
    # entered: a sign-in sheet typed in next month still counts in this month's reports.
    # It counts for the event's programme and those it is shared with.
    programmes = event.programme_ids()
    participation_record(
        kind=ParticipationKind.EVENT_ATTENDED,
        source=attendance,
        person=registration.person,
        occurred_at=occurrence.start,
        programmes=programmes,
        # Evidence of this occurrence of the event, held where the event was.
        activity_key=occurrence_key(event.pk, occurrence_date),
        **attendance_activity(event),
    )
    if event.attendance_certificates:
        certificate = certificate_issue(
            **_certificate_entry(event, attendance, registration.person, programmes, occurrence)
        )
        certificate_email_enqueue(certificate=certificate)
    return attendance, created


@dataclass(frozen=True)
class CheckInSummary:
    """What ``attendance_check_in_many`` did: ``checked_in`` new attendances (of which
    ``confirmed`` walk-ins confirmed on the way), ``already`` rows checked in before."""

    checked_in: int
    already: int
    confirmed: int
    attendances: list[Attendance]


def _registrations_for_check_in(*, event: EventPage, people) -> dict[int, Registration]:
    """Each person's latest registration for the (original) event, a walk-in created as
    confirmed for those who have none active. Two queries for any number of people."""
    people = {person.pk: person for person in people}
    found: dict[int, Registration] = {}
    for registration in (
        Registration.objects.filter(event=event, person_id__in=people)
        .only("pk", "event_id", "person_id", "status", "created_at", "confirmed_at")
        .order_by("person_id", "-created_at", "-pk")
    ):
        found.setdefault(registration.person_id, registration)
    found = {pk: r for pk, r in found.items() if r.status in ACTIVE}
    now = timezone.now()
    walk_ins = Registration.objects.bulk_create(
        [
            Registration(event=event, person=person, status=Status.CONFIRMED, confirmed_at=now)
            for pk, person in people.items()
            if pk not in found
        ],
        batch_size=BATCH_SIZE,
    )
    found.update((registration.person_id, registration) for registration in walk_ins)
    for pk, registration in found.items():
        registration.person = people[pk]
    return found


@transaction.atomic
def attendance_check_in_many(
    *,
    event: EventPage,
    rows: Iterable[tuple[Registration | object, date | None]],
    by=None,
    method: str = AttendanceMethod.CHECK_IN,
) -> CheckInSummary:
    """``attendance_check_in`` for a whole sheet: rows of (registration or person, date of
    the occurrence or None for the first), in one transaction and a few queries whatever
    the number. A person without an active registration becomes a confirmed walk-in. Any
    refused row refuses them all: ValidationError maps each refused row's index to why.
    Idempotent: rows already checked in are counted in ``already`` and change nothing."""
    original = event.original
    _lock(original)
    rows = list(rows)
    people = [item for item, _day in rows if not isinstance(item, Registration)]
    by_person = _registrations_for_check_in(event=original, people=people) if people else {}
    given = {
        registration.pk: registration
        for registration in Registration.objects.select_related("person__profile").filter(
            pk__in=[item.pk for item, _day in rows if isinstance(item, Registration)]
        )
    }
    schedule = original.schedule()
    occurrences: dict[date, object] = {}
    now = timezone.now()
    resolved, refusals = [], {}
    for index, (item, day) in enumerate(rows):
        registration = given.get(item.pk) if isinstance(item, Registration) else by_person[item.pk]
        if registration is None or registration.event_id != original.pk:
            refusals[index] = _("This registration is not for %(event)s.") % {
                "event": original.title
            }
            continue
        day = day or schedule.start_date
        if day not in occurrences:
            occurrences[day] = schedule.occurrence(day)
        refusal = _check_in_refusal(
            event=original,
            registration=registration,
            occurrence_date=day,
            occurrence=occurrences[day],
            now=now,
        )
        if refusal:
            refusals[index] = refusal
        else:
            resolved.append((registration, day))
    if refusals:
        raise ValidationError({index: [message] for index, message in refusals.items()})

    existing = {
        (registration_id, day): pk
        for pk, registration_id, day in Attendance.objects.filter(event=original).values_list(
            "pk", "registration_id", "occurrence_date"
        )
    }
    # By id: a related object set on every one of thousands of rows costs seconds.
    checked_in_by_id = getattr(by, "pk", None)
    registrations = {registration.pk: registration for registration, _day in resolved}
    new: dict[tuple[int, date], Attendance] = {}
    for registration, day in resolved:
        key = (registration.pk, day)
        if key not in existing and key not in new:
            new[key] = Attendance(
                event_id=original.pk,
                registration_id=registration.pk,
                occurrence_date=day,
                checked_in_by_id=checked_in_by_id,
                method=method,
            )
    # Came without a confirmed place (walk-ins from the waiting list): confirmed now.
    unconfirmed = {
        registration_id
        for registration_id, _day in new
        if registrations[registration_id].status != Status.CONFIRMED
    }
    if unconfirmed:
        Registration.objects.filter(pk__in=unconfirmed).update(
            status=Status.CONFIRMED, confirmed_at=now
        )
        for registration_id in unconfirmed:
            registrations[registration_id].status = Status.CONFIRMED
            registrations[registration_id].confirmed_at = now
    created = Attendance.objects.bulk_create(list(new.values()), batch_size=BATCH_SIZE)

    # Every row, new or not, as attendance_check_in does: the ledger and the certificates
    # are idempotent, so a sheet entered again repairs what is missing and doubles nothing.
    attended = {(a.registration_id, a.occurrence_date): a for a in created}
    for key in {(registration.pk, day) for registration, day in resolved} - attended.keys():
        attended[key] = Attendance(
            pk=existing[key], event_id=original.pk, registration_id=key[0], occurrence_date=key[1]
        )
    programmes = original.programme_ids()
    participation_record_many(
        kind=ParticipationKind.EVENT_ATTENDED,
        entries=[
            (
                attendance,
                registrations[registration_id].person,
                occurrences[day].start,
                occurrence_key(original.pk, day),
            )
            for (registration_id, day), attendance in attended.items()
        ],
        programmes=programmes,
        **attendance_activity(original),
    )
    if original.attendance_certificates:
        certificates = certificate_issue_many(
            entries=[
                _certificate_entry(
                    original,
                    attendance,
                    registrations[registration_id].person,
                    programmes,
                    occurrences[day],
                )
                for (registration_id, day), attendance in attended.items()
            ]
        )
        for certificate in certificates:
            certificate_email_enqueue(certificate=certificate)
    return CheckInSummary(
        checked_in=len(created),
        already=len(resolved) - len(created),
        confirmed=len(unconfirmed),
        attendances=created,
    )


def registration_for_check_in(*, event: EventPage, person) -> Registration:
    """The person's registration for the event, created as a walk-in when there is none."""
    return _registrations_for_check_in(event=event.original, people=[person])[person.pk]


def event_published(*, page: EventPage) -> bool:
    """Called when an event page is published. When its time, place or status changed,
    raise SEQUENCE (calendars ignore a change without it) and tell every registrant, with
    the calendar change attached. Places added since the last publish go to the waiting
    list. Returns whether the schedule changed."""
    original = page.original
    if original.pk != page.pk:
        return False  # translations follow the original's schedule
    fingerprint = page.fingerprint()
    with transaction.atomic():
        locked = _lock(page)
        previous = locked.schedule_fingerprint
        changed = previous != fingerprint
        if changed:
            sequence = locked.sequence + (1 if previous else 0)
            EventPage.objects.filter(pk=locked.pk).update(
                schedule_fingerprint=fingerprint, sequence=sequence
            )
            page.sequence = locked.sequence = sequence
            page.schedule_fingerprint = fingerprint
            if previous:
                kind = MessageKind.CANCELLATION if page.is_cancelled else MessageKind.UPDATE
                for registration in Registration.objects.filter(
                    event=locked, status__in=SEAT_HOLDING
                ):
                    _message(registration, kind, key=str(sequence))
        if not page.is_cancelled:
            seats_fill(event=locked)
    return changed


def calendar_token_for(*, person) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(person=person)
    return token


def calendar_token_rotate(*, person) -> CalendarToken:
    """A new secret for the private feed: the old address stops working at once."""
    from .models.registrations import calendar_token_new

    token, created = CalendarToken.objects.get_or_create(person=person)
    if not created:
        token.token = calendar_token_new()
        token.save(update_fields=["token", "created_at"])
    return token
