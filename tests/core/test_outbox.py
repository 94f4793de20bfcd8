"""The e-mail outbox: claim, send, mark sent only when accepted, retry what is transient,
record what is not, and recover a message whose worker died mid-send. The mail backends
below fail the way real SMTP servers and networks do."""

import smtplib
from datetime import timedelta

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

import pytest

from core import outbox
from core.enums import OutboxStatus
from core.models import OutboxMessage
from core.tasks import outbox_send_task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
KIND = "tests.note"


class Reply421Backend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPResponseException(421, b"4.3.2 Service not available")


class RecipientRefusedBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"vjosa@example.org": (550, b"5.1.1 No such user")})


class Reply554Backend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPDataError(554, b"5.7.1 Message rejected")


class ConnectionLostBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionError("Connection reset by peer")


class WorkerKilled(BaseException):
    """What the process sees when it is killed: nothing it may catch as an error."""


class KilledMidSendBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise WorkerKilled


class FlakyBackend(BaseEmailBackend):
    """Refuses with 421 the first time, then delivers to the locmem outbox."""

    calls = 0

    def send_messages(self, messages):
        type(self).calls += 1
        if type(self).calls == 1:
            raise smtplib.SMTPResponseException(421, b"4.3.2 Try again later")
        mail.outbox.extend(messages)
        return len(messages)


def backend(name: str) -> str:
    return f"{__name__}.{name}"


def compose_note(message):
    return EmailMessage(subject="A note", body="Hello")


@pytest.fixture(autouse=True)
def note_composer():
    outbox.register_composer(KIND, compose_note)
    yield
    outbox._COMPOSERS.pop(KIND, None)


@pytest.fixture
def person():
    return UserFactory(email="vjosa@example.org")


def enqueue(person, key="note:1"):
    return outbox.outbox_enqueue(kind=KIND, source=person, key=key, to_user=person)


def state(message):
    message.refresh_from_db()
    return (message.status, message.attempts, message.last_error, message.sent_at is not None)


def test_a_message_is_queued_once_per_key_and_sent_after_commit(
    person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = enqueue(person)
        again = enqueue(person)
    assert (again, OutboxMessage.objects.count()) == (None, 1)
    assert [(m.to, m.subject) for m in mail.outbox] == [(["vjosa@example.org"], "A note")]
    assert state(message) == (OutboxStatus.SENT, 1, "", True)
    assert message.subject == "A note"


def test_sending_twice_sends_once(person):
    message = enqueue(person)
    first = outbox.outbox_send(message_id=message.pk)
    second = outbox.outbox_send(message_id=message.pk)
    assert (first.status, second.status, len(mail.outbox)) == ("sent", "skipped", 1)


def test_a_421_reply_is_retried_later_with_backoff(person, settings):
    settings.EMAIL_BACKEND = backend("Reply421Backend")
    message = enqueue(person)
    now = timezone.now()
    outcome = outbox.outbox_send(message_id=message.pk, now=now)
    assert outcome == outbox.Outcome(OutboxStatus.QUEUED, retry_in=60.0)
    assert state(message) == (
        OutboxStatus.QUEUED,
        1,
        "SMTPResponseException: 421 4.3.2 Service not available",
        False,
    )
    assert message.next_attempt_at == now + timedelta(seconds=60)
    # Not due yet: nothing is claimed, the task is told when to come back.
    early = outbox.outbox_send(message_id=message.pk, now=now + timedelta(seconds=10))
    assert (early, message.attempts) == (outbox.Outcome("skipped", retry_in=50.0), 1)


def test_the_backoff_doubles_up_to_an_hour():
    minutes = [outbox.backoff(n).total_seconds() / 60 for n in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_transient_error_fails_for_good_after_the_last_attempt(person, settings):
    settings.EMAIL_BACKEND = backend("Reply421Backend")
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = enqueue(person)
    now = timezone.now()
    outcomes = []
    for _attempt in range(3):
        outcomes.append(outbox.outbox_send(message_id=message.pk, now=now).status)
        now += timedelta(hours=2)
    assert outcomes == ["queued", "queued", "failed"]
    assert state(message) == (
        OutboxStatus.FAILED,
        3,
        "SMTPResponseException: 421 4.3.2 Service not available",
        False,
    )


@pytest.mark.parametrize(
    ("name", "error"),
    [
        (
            "RecipientRefusedBackend",
            "SMTPRecipientsRefused: vjosa@example.org 550 5.1.1 No such user",
        ),
        ("Reply554Backend", "SMTPDataError: 554 5.7.1 Message rejected"),
    ],
)
def test_a_permanent_refusal_fails_at_once_with_the_error(person, settings, name, error):
    settings.EMAIL_BACKEND = backend(name)
    message = enqueue(person)
    assert outbox.outbox_send(message_id=message.pk).status == OutboxStatus.FAILED
    message.refresh_from_db()
    assert (message.status, message.attempts, message.sent_at) == (OutboxStatus.FAILED, 1, None)
    assert message.last_error == error


def test_a_lost_connection_is_retried(person, settings):
    settings.EMAIL_BACKEND = backend("ConnectionLostBackend")
    message = enqueue(person)
    assert outbox.outbox_send(message_id=message.pk).status == OutboxStatus.QUEUED
    assert state(message) == (
        OutboxStatus.QUEUED,
        1,
        "ConnectionError: Connection reset by peer",
        False,
    )


def test_a_worker_killed_mid_send_loses_nothing(person, settings):
    settings.EMAIL_BACKEND = backend("KilledMidSendBackend")
    message = enqueue(person)
    now = timezone.now()
    with pytest.raises(WorkerKilled):
        outbox.outbox_send(message_id=message.pk, now=now)
    assert state(message) == (OutboxStatus.SENDING, 1, "", False)
    # Too soon to tell a slow worker from a dead one: left alone.
    assert outbox.outbox_requeue_stale(now=now + timedelta(minutes=5)) == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.outbox_requeue_stale(now=now + timedelta(minutes=16)) == 1
    assert state(message) == (OutboxStatus.SENT, 2, "", True)
    assert [m.to for m in mail.outbox] == [["vjosa@example.org"]]


def test_a_message_whose_subject_is_gone_is_cancelled(person):
    message = enqueue(person)
    OutboxMessage.objects.filter(pk=message.pk).update(source_id="0")
    assert outbox.outbox_send(message_id=message.pk).status == OutboxStatus.CANCELLED
    assert state(message) == (
        OutboxStatus.CANCELLED,
        1,
        "What this e-mail was about no longer exists.",
        False,
    )
    assert mail.outbox == []


def test_a_broken_composer_fails_the_message_with_its_error(person):
    def broken(message):
        raise ValueError("template missing")

    outbox.register_composer(KIND, broken)
    message = enqueue(person)
    assert outbox.outbox_send(message_id=message.pk).status == OutboxStatus.FAILED
    assert state(message) == (OutboxStatus.FAILED, 1, "ValueError: template missing", False)


def test_a_failed_message_can_be_sent_again(person, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = backend("Reply554Backend")
    message = enqueue(person)
    outbox.outbox_send(message_id=message.pk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        outbox.outbox_retry(message=message)
    assert state(message) == (OutboxStatus.SENT, 1, "", True)
    with pytest.raises(ValidationError) as refused:
        outbox.outbox_retry(message=message)
    assert refused.value.messages == ["Only an e-mail that failed or waits can be sent again."]


def test_enqueue_refuses_an_unknown_kind_and_a_missing_recipient(person):
    with pytest.raises(ValueError):
        outbox.outbox_enqueue(kind="tests.unknown", source=person, key="x", to_user=person)
    with pytest.raises(ValidationError) as refused:
        outbox.outbox_enqueue(kind=KIND, source=person, key="x")
    assert refused.value.messages == ["An e-mail needs a recipient."]


def test_the_task_records_a_transient_failure_and_does_not_loop_when_eager(person, settings):
    settings.EMAIL_BACKEND = backend("Reply421Backend")
    message = enqueue(person)
    assert outbox_send_task.apply(args=[message.pk]).get() == "queued"
    assert state(message)[:2] == (OutboxStatus.QUEUED, 1)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_retries_a_421_and_then_sends(celery_worker_live, settings):
    import time as clock

    settings.EMAIL_BACKEND = backend("FlakyBackend")
    settings.OUTBOX_BACKOFF_SECONDS = 1
    FlakyBackend.calls = 0
    person = UserFactory(email="amina@example.org")
    message = enqueue(person, key="note:worker")  # autocommit: dispatched at once
    for _ in range(300):
        message.refresh_from_db()
        if message.status == OutboxStatus.SENT:
            break
        clock.sleep(0.1)
    assert state(message) == (OutboxStatus.SENT, 2, "", True)
    assert ([m.to for m in mail.outbox], FlakyBackend.calls) == ([["amina@example.org"]], 2)


def test_many_messages_are_queued_once_per_key_in_fixed_queries(
    person, django_capture_on_commit_callbacks, django_assert_num_queries
):
    others = [UserFactory(email=f"learner{i}@example.org") for i in range(3)]
    enqueue(others[0], key="note:learner0")  # already queued: skipped

    messages = [
        {"key": f"note:learner{i}", "source": u, "to_user": u} for i, u in enumerate(others)
    ]
    # Keys already queued; the insert, in a savepoint; the new rows' ids.
    with django_capture_on_commit_callbacks(execute=True), django_assert_num_queries(5):
        queued = outbox.outbox_enqueue_many(kind=KIND, messages=messages + messages[1:])

    assert sorted(m.key for m in queued) == ["note:learner1", "note:learner2"]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "learner1@example.org",
        "learner2@example.org",
    ]
    assert outbox.outbox_enqueue_many(kind=KIND, messages=messages) == []


def test_many_messages_refuse_an_unknown_kind_and_a_missing_recipient(person):
    with pytest.raises(ValueError):
        outbox.outbox_enqueue_many(kind="tests.unknown", messages=[{"key": "x", "to_user": person}])
    with pytest.raises(ValidationError) as refused:
        outbox.outbox_enqueue_many(kind=KIND, messages=[{"key": "x", "source": person}])
    assert (refused.value.messages, OutboxMessage.objects.count()) == (
        ["An e-mail needs a recipient."],
        0,
    )
