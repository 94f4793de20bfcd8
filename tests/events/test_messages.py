"""Messages to registrants go through the outbox: queued once, composed at send time in
the registrant's language with the calendar file, marked sent only once accepted."""

import ast
import smtplib
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

import pytest

from core.enums import OutboxStatus
from core.models import OutboxMessage
from core.outbox import outbox_requeue_stale, outbox_send
from events import services
from tests.factories import UserFactory
from tests.factories.events import event_page

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


class RecipientRefusedBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"vjosa@example.org": (550, b"5.1.1 No such user")})


class Reply421Backend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPResponseException(421, b"4.3.2 Service not available")


class WorkerKilled(BaseException):
    pass


class KilledMidSendBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise WorkerKilled


@pytest.fixture
def person():
    return UserFactory(email="vjosa@example.org")


def confirmation_of(person):
    event = event_page()
    services.registration_create(event=event, person=person)  # not committed: not sent yet
    return event, OutboxMessage.objects.get(kind="events.confirmation")


def test_a_registration_queues_one_message_for_the_registrant(person):
    event, message = confirmation_of(person)
    registration = event.registrations.get()
    assert (message.key, message.to_user_id, message.source, message.status) == (
        f"events:{registration.pk}:confirmation:",
        person.pk,
        registration,
        OutboxStatus.QUEUED,
    )


def test_a_refused_address_is_recorded_as_failed_not_sent(person, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RecipientRefusedBackend"
    _event, message = confirmation_of(person)
    assert outbox_send(message_id=message.pk).status == OutboxStatus.FAILED
    message.refresh_from_db()
    assert (message.status, message.sent_at, message.last_error) == (
        OutboxStatus.FAILED,
        None,
        "SMTPRecipientsRefused: vjosa@example.org 550 5.1.1 No such user",
    )


def test_a_421_reply_leaves_the_message_queued_for_another_try(person, settings):
    settings.EMAIL_BACKEND = f"{__name__}.Reply421Backend"
    _event, message = confirmation_of(person)
    assert outbox_send(message_id=message.pk).status == OutboxStatus.QUEUED
    message.refresh_from_db()
    assert (message.status, message.sent_at, message.last_error) == (
        OutboxStatus.QUEUED,
        None,
        "SMTPResponseException: 421 4.3.2 Service not available",
    )


def test_a_worker_killed_while_sending_does_not_lose_the_confirmation(person, settings):
    settings.EMAIL_BACKEND = f"{__name__}.KilledMidSendBackend"
    event, message = confirmation_of(person)
    now = timezone.now()
    with pytest.raises(WorkerKilled):
        outbox_send(message_id=message.pk, now=now)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_requeue_stale(now=now + timedelta(minutes=20)) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxStatus.SENT, 2)
    sent = mail.outbox[0]
    assert (sent.to, sent.subject, sent.attachments[0][2]) == (
        ["vjosa@example.org"],
        f"You are registered: {event.title}",
        "text/calendar; method=REQUEST",
    )


def test_the_message_is_composed_in_the_registrants_language(person):
    person.profile.preferred_language = "lt"
    person.profile.save()
    _event, message = confirmation_of(person)
    assert message.language == "lt"
    outbox_send(message_id=message.pk)
    message.refresh_from_db()
    assert message.subject == mail.outbox[0].subject


def _imports(path: Path, package: str) -> set[str]:
    """Every module a file imports (absolute names), at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            module = package if node.level else ""
            module = ".".join(part for part in (module, node.module or "") if part)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _reaches(imports: set[str], module: str) -> bool:
    return any(name == module or name.startswith(module + ".") for name in imports)


def test_no_import_cycle_between_services_messages_tasks_and_the_outbox():
    services_imports = _imports(ROOT / "events" / "services.py", "events")
    messages_imports = _imports(ROOT / "events" / "messages.py", "events")
    outbox_imports = _imports(ROOT / "site" / "core" / "outbox.py", "core")
    assert (
        _reaches(services_imports, "events.tasks"),
        _reaches(messages_imports, "events.tasks"),
        _reaches(messages_imports, "events.services"),
        _reaches(outbox_imports, "core.tasks"),
    ) == (False, False, False, False)
    # The one direction that exists: tasks call services.
    assert _reaches(_imports(ROOT / "events" / "tasks.py", "events"), "events.services")
