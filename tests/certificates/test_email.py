"""A certificate's e-mail goes through the outbox: the PDF is attached at send time, a
refusal is recorded as a failure (never as sent), a 421 is tried again, and a certificate
revoked before sending is not sent."""

import datetime
import smtplib

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

import pytest

from certificates.enums import CertificateKind
from certificates.services import certificate_issue, certificate_revoke
from certificates.tasks import certificate_email_enqueue
from core.enums import OutboxStatus
from core.models import OutboxMessage
from core.outbox import outbox_send
from people.models import Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Reply554Backend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPDataError(554, b"5.7.1 Message rejected as spam")


class Reply421Backend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPResponseException(421, b"4.7.0 Try again later")


@pytest.fixture
def certificate():
    return certificate_issue(
        subject=Organisation.objects.create(name="Enrolment stand-in"),
        holder=UserFactory(email="vjosa@example.org"),
        holder_name="Vjosa Berisha",
        title="Coordinated response",
        kind=CertificateKind.COURSE_COMPLETION,
        completed_on=datetime.date(2026, 11, 20),
    )


def queued(certificate) -> OutboxMessage:
    message = certificate_email_enqueue(certificate=certificate)
    assert certificate_email_enqueue(certificate=certificate) is None  # queued once
    return message


def test_the_pdf_is_attached_when_the_message_is_sent(certificate):
    message = queued(certificate)
    assert outbox_send(message_id=message.pk).status == OutboxStatus.SENT
    sent = mail.outbox[0]
    assert (sent.to, sent.subject, sent.attachments[0][0], sent.attachments[0][2]) == (
        ["vjosa@example.org"],
        "Your Linkage certificate: Coordinated response",
        f"certificate-{certificate.code}.pdf",
        "application/pdf",
    )
    assert sent.attachments[0][1][:4] == b"%PDF"


def test_a_permanent_refusal_is_recorded_and_does_not_look_sent(certificate, settings):
    settings.EMAIL_BACKEND = f"{__name__}.Reply554Backend"
    message = queued(certificate)
    outbox_send(message_id=message.pk)
    message.refresh_from_db()
    assert (message.status, message.sent_at, message.last_error) == (
        OutboxStatus.FAILED,
        None,
        "SMTPDataError: 554 5.7.1 Message rejected as spam",
    )


def test_a_421_reply_is_tried_again(certificate, settings):
    settings.EMAIL_BACKEND = f"{__name__}.Reply421Backend"
    message = queued(certificate)
    outbox_send(message_id=message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (
        OutboxStatus.QUEUED,
        1,
        "SMTPResponseException: 421 4.7.0 Try again later",
    )


def test_a_certificate_revoked_before_sending_is_not_sent(certificate):
    message = queued(certificate)
    certificate_revoke(certificate=certificate, by=None, reason="wrong name")
    assert outbox_send(message_id=message.pk).status == OutboxStatus.CANCELLED
    message.refresh_from_db()
    assert (message.status, message.last_error, mail.outbox) == (
        OutboxStatus.CANCELLED,
        "The certificate was revoked before it was sent.",
        [],
    )
