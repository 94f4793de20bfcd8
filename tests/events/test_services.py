"""Registration, the waiting list, approval, check-in and change notices."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from certificates.models import Certificate
from core.enums import OutboxStatus
from core.models import OutboxMessage
from core.outbox import outbox_send
from events import services
from events.enums import RegistrationStatus
from events.messages import reminders_due
from events.models import Attendance, OccurrenceChange, Registration
from events.schedule import Schedule
from impact.models import Participation
from tests.factories import UserFactory
from tests.factories.events import a_date, event_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return [UserFactory(email=f"person{i}@example.org") for i in range(5)]


def statuses(event):
    return list(
        Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True)
    )


def test_registrations_beyond_capacity_go_to_the_waiting_list(people):
    event = event_page(capacity=2)
    for person in people[:4]:
        services.registration_create(event=event, person=person)
    assert statuses(event) == ["confirmed", "confirmed", "waitlisted", "waitlisted"]


def test_registering_twice_returns_the_same_registration(people):
    event = event_page()
    first = services.registration_create(event=event, person=people[0])
    again = services.registration_create(event=event, person=people[0])
    assert (again.pk, Registration.objects.count()) == (first.pk, 1)


def test_a_translation_shares_the_capacity_of_the_original(people):
    from wagtail.models import Locale

    event = event_page(capacity=1)
    lithuanian = Locale.objects.get_or_create(language_code="lt")[0]
    translation = event.copy_for_translation(lithuanian, copy_parents=True)
    translation.save_revision().publish()
    services.registration_create(event=event, person=people[0])
    second = services.registration_create(event=translation.specific, person=people[1])
    assert (second.event_id, second.status) == (event.pk, "waitlisted")


def test_cancelling_offers_the_seat_to_the_first_on_the_waiting_list(people, settings):
    settings.EVENTS_OFFER_HOURS = 48
    event = event_page(capacity=1)
    confirmed = services.registration_create(event=event, person=people[0])
    first_waiting = services.registration_create(event=event, person=people[1])
    services.registration_create(event=event, person=people[2])
    services.registration_cancel(registration=confirmed, by=people[0])
    first_waiting.refresh_from_db()
    assert statuses(event) == ["cancelled", "offered", "waitlisted"]
    assert first_waiting.offer_expires_at - timezone.now() == pytest.approx(
        timedelta(hours=48), abs=timedelta(minutes=1)
    )


def test_an_offer_never_outlives_the_start_of_the_event(people, settings):
    settings.EVENTS_OFFER_HOURS = 24 * 30
    event = event_page(capacity=1, start_date=a_date(2))
    confirmed = services.registration_create(event=event, person=people[0])
    waiting = services.registration_create(event=event, person=people[1])
    services.registration_cancel(registration=confirmed)
    waiting.refresh_from_db()
    assert waiting.offer_expires_at == event.starts_at


def test_accepting_an_offer_confirms_and_an_expired_offer_passes_the_seat_on(people):
    event = event_page(capacity=1)
    confirmed = services.registration_create(event=event, person=people[0])
    second = services.registration_create(event=event, person=people[1])
    third = services.registration_create(event=event, person=people[2])
    services.registration_cancel(registration=confirmed)
    second.refresh_from_db()
    later = second.offer_expires_at + timedelta(minutes=1)
    with pytest.raises(ValidationError, match="expired"):
        services.offer_accept(registration=second, now=later)
    assert services.offers_expire(now=later) == 1
    third.refresh_from_db()
    accepted = services.offer_accept(registration=third, now=later)
    assert (statuses(event), accepted.status) == (
        ["cancelled", "expired", "confirmed"],
        "confirmed",
    )


def test_closed_and_cancelled_events_refuse_registration_with_a_reason(people):
    closed = event_page(registration_closes_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        services.registration_create(event=closed, person=people[0])
    assert error.value.messages == ["Registration has closed."]
    cancelled = event_page(status="cancelled")
    with pytest.raises(ValidationError) as error:
        services.registration_create(event=cancelled, person=people[0])
    assert error.value.messages == ["This event is cancelled."]


def test_registration_not_yet_open_says_when_in_the_events_own_time_zone(people):
    opens = datetime(2030, 3, 4, 8, 30, tzinfo=ZoneInfo("UTC"))
    event = event_page(
        start_date=date(2030, 4, 1),
        time_zone="Europe/Belgrade",
        country="XK",
        registration_opens_at=opens,
    )

    is_open, why = services.registration_is_open(event=event, now=opens - timedelta(days=1))

    # 08:30 UTC is 09:30 in Pristina, written as the reader's language writes it, the zone
    # in words (never Belgrade).
    assert (is_open, why) == (
        False,
        "Registration opens on Monday 4 March 2030, 09:30 (Central European Time).",
    )


def test_required_and_choice_answers_are_checked_on_the_server(people):
    event = event_page(
        questions=[
            {
                "type": "question",
                "value": {
                    "label": "Dietary needs",
                    "help_text": "",
                    "kind": "choice",
                    "choices": "None\nVegetarian\nHalal",
                    "required": True,
                },
            },
            {
                "type": "question",
                "value": {
                    "label": "Access needs",
                    "help_text": "",
                    "kind": "text",
                    "choices": "",
                    "required": False,
                },
            },
        ]
    )
    ids = [q["id"] for q in event.question_list]
    with pytest.raises(ValidationError) as error:
        services.registration_create(event=event, person=people[0], answers={ids[0]: "Pizza"})
    assert error.value.message_dict == {ids[0]: ["Choose one of the options offered."]}
    registration = services.registration_create(
        event=event, person=people[0], answers={ids[0]: "Halal", ids[1]: " Wheelchair ", "x": 1}
    )
    assert registration.answers == {ids[0]: "Halal", ids[1]: "Wheelchair"}


def test_approval_confirms_while_seats_last(people):
    organiser = UserFactory(email="ruta@example.org")
    event = event_page(capacity=1, requires_approval=True)
    first = services.registration_create(event=event, person=people[0])
    second = services.registration_create(event=event, person=people[1])
    assert (first.status, second.status) == ("pending", "pending")
    services.registration_approve(registration=first, by=organiser)
    services.registration_approve(registration=second, by=organiser)
    assert statuses(event) == ["confirmed", "waitlisted"]
    with pytest.raises(ValidationError):
        services.registration_reject(registration=first, by=organiser)


def confirmed(event, person):
    return Registration.objects.create(
        event=event, person=person, status="confirmed", confirmed_at=timezone.now()
    )


def test_check_in_writes_one_ledger_row_and_a_certificate(
    people, django_capture_on_commit_callbacks
):
    event = event_page(
        attendance_certificates=True,
        start_date=a_date(0),
        start_time=time(0, 0),
        end_time=time(23, 59),
    )
    registration = confirmed(event, people[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_check_in(registration=registration)
        _attendance, created_again = services.attendance_check_in(registration=registration)
    assert created_again is False
    assert list(Participation.objects.values_list("kind", "person_id")) == [
        ("event_attended", people[0].pk)
    ]
    certificate = Certificate.objects.get()
    assert (certificate.kind, certificate.holder_id) == ("event_attendance", people[0].pk)
    assert any(m.attachments and m.attachments[0][0].endswith(".pdf") for m in mail.outbox)


def test_a_certificate_of_attendance_is_in_the_holders_language_with_the_translated_title(
    people, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    event = event_page(
        title="Joint risk assessment",
        attendance_certificates=True,
        start_date=a_date(0),
        start_time=time(0, 0),
        end_time=time(23, 59),
    )
    translated = event.copy_for_translation(
        Locale.objects.get_or_create(language_code="lt")[0], copy_parents=True
    ).specific
    translated.title = "Bendras rizikos vertinimas"
    translated.save_revision().publish()
    people[0].profile.preferred_language = "lt"
    people[0].profile.save()
    people[1].profile.preferred_language = "ar"  # no Arabic translation: the original's title
    people[1].profile.save()

    with django_capture_on_commit_callbacks(execute=True):
        for person in people[:2]:
            services.attendance_check_in(registration=confirmed(event, person))

    issued = dict(Certificate.objects.values_list("holder__profile__preferred_language", "title"))
    assert issued == {"lt": "Bendras rizikos vertinimas", "ar": "Joint risk assessment"}
    assert sorted(Certificate.objects.values_list("language", flat=True)) == ["ar", "lt"]


def test_check_in_refuses_a_date_the_event_does_not_happen_and_opens_a_day_early(people):
    event = event_page(start_date=a_date(10))
    registration = confirmed(event, people[0])
    with pytest.raises(ValidationError, match="does not take place"):
        services.attendance_check_in(
            registration=registration, occurrence_date=event.start_date + timedelta(days=1)
        )
    with pytest.raises(ValidationError, match="opens the day before"):
        services.attendance_check_in(registration=registration)
    assert Attendance.objects.count() == 0


def test_a_change_of_time_raises_sequence_and_notifies_each_registrant_once(
    people, django_capture_on_commit_callbacks
):
    event = event_page(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, person=people[0])
    event.refresh_from_db()
    assert event.sequence == 0
    mail.outbox.clear()
    event.start_time, event.end_time = time(11, 0), time(14, 0)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
        event.save_revision().publish()  # publishing again without a change: no notice
    event.refresh_from_db()
    assert event.sequence == 1
    assert [m.subject for m in mail.outbox] == [f"Changed: {event.title}"]
    attachment = mail.outbox[0].attachments[0]
    assert "SEQUENCE:1" in attachment[1] and attachment[2].startswith("text/calendar")


def test_cancelling_an_event_sends_a_cancel_with_the_same_uid(
    people, django_capture_on_commit_callbacks
):
    event = event_page()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, person=people[0])
    confirmation = mail.outbox[-1].attachments[0][1]
    event.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    cancel = mail.outbox[-1].attachments[0][1]
    uid = [line for line in confirmation.splitlines() if line.startswith("UID:")]
    assert uid == [line for line in cancel.splitlines() if line.startswith("UID:")]
    assert "METHOD:CANCEL" in cancel and "STATUS:CANCELLED" in cancel


def test_reminders_are_queued_once_per_offset_even_when_run_twice(
    people, settings, django_capture_on_commit_callbacks
):
    settings.EVENTS_REMINDER_OFFSETS_HOURS = [72, 2]
    event = event_page(start_date=a_date(10))
    registration = services.registration_create(event=event, person=people[0])
    Registration.objects.filter(pk=registration.pk).update(
        confirmed_at=timezone.now() - timedelta(days=30)
    )
    start = event.starts_at
    three_days_before = start - timedelta(hours=71)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_due(now=three_days_before) == 1
        assert reminders_due(now=three_days_before) == 0
        assert reminders_due(now=start - timedelta(hours=1)) == 1
        assert reminders_due(now=start - timedelta(minutes=30)) == 0
    keys = list(
        OutboxMessage.objects.filter(kind="events.reminder")
        .order_by("pk")
        .values_list("key", flat=True)
    )
    prefix = f"events:{registration.pk}:reminder:{event.start_date.isoformat()}"
    assert keys == [f"{prefix}:72h", f"{prefix}:2h"]
    assert len([m for m in mail.outbox if m.subject.startswith("Reminder")]) == 2


def test_a_message_sent_twice_is_sent_once(people, django_capture_on_commit_callbacks):
    event = event_page()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, person=people[0])
    message = OutboxMessage.objects.get(kind="events.confirmation")
    assert outbox_send(message_id=message.pk).status == "skipped"
    assert len(mail.outbox) == 1


def test_every_two_months_on_the_second_tuesday_keeps_local_time_across_dst():
    schedule = Schedule(
        start_date=date(2026, 1, 13),
        start_time=time(10, 0),
        end_date=date(2026, 1, 13),
        end_time=time(12, 0),
        time_zone="Europe/Belgrade",
        recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=4",
    )
    starts = [
        o.start for o in schedule.occurrences(after=datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC")))
    ]
    assert [(s.date(), s.hour) for s in starts] == [
        (date(2026, 1, 13), 10),
        (date(2026, 3, 10), 10),
        (date(2026, 5, 12), 10),
        (date(2026, 7, 14), 10),
    ]
    assert [s.utcoffset() for s in starts] == [timedelta(hours=1)] * 2 + [timedelta(hours=2)] * 2


@pytest.mark.parametrize(
    "until",
    ["UNTIL=20270209", "UNTIL=20270209T100000", "UNTIL=20270209T090000Z"],
)
def test_until_includes_the_occurrence_on_its_day_in_the_events_zone(until):
    schedule = Schedule(
        start_date=date(2026, 12, 8),
        start_time=time(10, 0),
        end_date=date(2026, 12, 8),
        end_time=time(12, 0),
        time_zone="Europe/Belgrade",
        recurrence=f"FREQ=MONTHLY;BYDAY=2TU;{until}",
    )
    keys = [
        o.key for o in schedule.occurrences(after=datetime(2026, 12, 1, tzinfo=ZoneInfo("UTC")))
    ]
    assert keys == [date(2026, 12, 8), date(2027, 1, 12), date(2027, 2, 9)]


def test_a_bounded_rule_is_listed_in_full_even_years_ahead():
    schedule = Schedule(
        start_date=date(2026, 12, 1),
        start_time=time(10, 0),
        end_date=date(2026, 12, 1),
        end_time=time(11, 0),
        time_zone="Europe/Vilnius",
        recurrence="FREQ=YEARLY;COUNT=5",
    )
    assert [o.key.year for o in schedule.occurrences()] == [2026, 2027, 2028, 2029, 2030]
    assert schedule.last_end().year == 2030


def test_moved_and_cancelled_occurrences(people):
    event = event_page(
        start_date=date(2026, 12, 8),
        recurrence="FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
        time_zone="Europe/Belgrade",
    )
    OccurrenceChange.objects.create(page=event, original_date=date(2027, 1, 12), action="cancel")
    OccurrenceChange.objects.create(
        page=event, original_date=date(2027, 2, 9), action="move", new_date=date(2027, 2, 10)
    )
    occurrences = event.schedule().occurrences(after=datetime(2026, 12, 1, tzinfo=ZoneInfo("UTC")))
    assert [(o.key, o.start.date(), o.cancelled, o.moved) for o in occurrences] == [
        (date(2026, 12, 8), date(2026, 12, 8), False, False),
        (date(2027, 1, 12), date(2027, 1, 12), True, False),
        (date(2027, 2, 9), date(2027, 2, 10), False, True),
    ]


def test_an_unreadable_repeat_rule_is_refused_with_an_example():
    with pytest.raises(ValidationError) as error:
        event_page(recurrence="EVERY OTHER TUESDAY")
    assert "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU" in error.value.message_dict["recurrence"][0]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_never_give_the_last_seat_twice():
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    event = event_page(capacity=5)
    people = [UserFactory(email=f"rush{i}@example.org") for i in range(30)]

    def attempt(person):
        try:
            return services.registration_create(event=event, person=person).status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(attempt, people))
    assert (results.count("confirmed"), results.count("waitlisted")) == (5, 25)
    assert Registration.objects.filter(event=event, status="confirmed").count() == 5


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_confirmation_is_sent_by_a_real_worker(celery_worker_live, people):
    import time as clock

    event = event_page()
    services.registration_create(event=event, person=people[0])
    message = OutboxMessage.objects.get(kind="events.confirmation")
    for _ in range(300):
        message.refresh_from_db()
        if message.status == OutboxStatus.SENT:
            break
        clock.sleep(0.1)
    assert (message.status, message.attempts) == (OutboxStatus.SENT, 1)
    assert [m.to for m in mail.outbox] == [[people[0].email]]
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_cancelling_a_confirmed_place_withdraws_it_from_the_persons_calendar(
    people, django_capture_on_commit_callbacks
):
    event = event_page()
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(event=event, person=people[0])
        services.registration_cancel(registration=registration, by=people[0])
    withdrawn = mail.outbox[-1]
    name, content, mimetype = withdrawn.attachments[0]
    assert (withdrawn.subject, mimetype) == (
        f"Registration cancelled: {event.title}",
        "text/calendar; method=CANCEL",
    )
    assert "METHOD:CANCEL" in content and f"UID:event-{event.translation_key}@" in content


def test_leaving_the_waiting_list_sends_no_calendar_cancellation(
    people, django_capture_on_commit_callbacks
):
    event = event_page(capacity=1)
    services.registration_create(event=event, person=people[0])
    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.registration_create(event=event, person=people[1])
        services.registration_cancel(registration=waiting, by=people[1])
    assert [m.subject for m in mail.outbox] == [f"Waiting list: {event.title}"]


def test_raising_the_number_of_places_offers_them_to_the_waiting_list(people):
    event = event_page(capacity=1)
    for person in people[:3]:
        services.registration_create(event=event, person=person)
    event.capacity = 2
    event.save_revision().publish()
    assert statuses(event) == ["confirmed", "offered", "waitlisted"]
    event.refresh_from_db()
    assert event.sequence == 0  # more places is not a change calendars need to hear about


def test_a_walk_in_entered_later_counts_when_the_occurrence_took_place(people, organiser):
    from events.schedule import aware

    day = a_date(-40)
    event = event_page(start_date=day, start_time=time(10, 0), end_time=time(13, 0))
    registration = services.registration_for_check_in(event=event, person=people[0])
    services.attendance_check_in(registration=registration, occurrence_date=day, by=organiser)
    assert list(Participation.objects.values_list("kind", "occurred_at")) == [
        ("event_attended", aware(day, time(10, 0), "Europe/Vilnius"))
    ]
