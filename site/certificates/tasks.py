"""E-mail a certificate to its holder, once, through the site's outbox (``core.outbox``).

``certificate_email_enqueue`` queues the e-mail (keyed by the certificate, so it is queued
once); ``certificate_email_compose`` is the outbox composer that attaches the PDF at send
time, so the PDF is never stored and a certificate revoked meanwhile is not sent.
"""

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _

from celery import shared_task

from core.addresses import absolute_url
from core.models import OutboxMessage
from core.outbox import OutboxCancel, outbox_enqueue, outbox_send

from .models import Certificate
from .pdf import certificate_pdf

OUTBOX_KIND = "certificates.email"


def verify_url_for(certificate: Certificate) -> str:
    """The verification page's full address on the site's base URL (LINKAGE_BASE_URL): the
    link in the e-mail, on the PDF and in its QR code."""
    return absolute_url(reverse("certificates:verify", kwargs={"code": certificate.code}))


def _key(certificate: Certificate) -> str:
    return f"{OUTBOX_KIND}:{certificate.pk}"


def certificate_email_enqueue(*, certificate: Certificate) -> OutboxMessage | None:
    """Queue the certificate's e-mail, sent after commit. None when it was queued before,
    or when there is no one to send it to."""
    holder = certificate.holder
    if not certificate.is_valid or holder is None or not holder.email:
        return None
    # The e-mail speaks the certificate's language, like the PDF it carries.
    return outbox_enqueue(
        kind=OUTBOX_KIND,
        source=certificate,
        key=_key(certificate),
        to_user=holder,
        language=certificate.language_code,
    )


def certificate_email_compose(message: OutboxMessage) -> EmailMessage:
    """The outbox composer, in the holder's language (active while it runs)."""
    certificate = message.source
    if not certificate.is_valid:
        raise OutboxCancel(_("The certificate was revoked before it was sent."))
    url = verify_url_for(certificate)
    email = EmailMessage(
        subject=_("Your Linkage certificate: %(title)s") % {"title": certificate.title},
        body=_(
            "Hello %(name)s,\n\nyour certificate is attached. Anyone can check it at\n"
            "%(url)s\n\nThe Linkage team"
        )
        % {"name": certificate.holder_name, "url": url},
    )
    email.attach(
        f"certificate-{certificate.code}.pdf",
        certificate_pdf(certificate=certificate, verify_url=url),
        "application/pdf",
    )
    return email


@shared_task(name="certificates.email")
def certificate_email_task(certificate_id: int) -> str:
    """Queue and send a certificate's e-mail now. Kept under its old name for tasks queued
    before the outbox existed; running it twice sends once (the outbox key)."""
    certificate = (
        Certificate.objects.select_related("holder__profile").filter(pk=certificate_id).first()
    )
    if certificate is None:
        return "skipped"
    certificate_email_enqueue(certificate=certificate)
    message = OutboxMessage.objects.filter(key=_key(certificate)).first()
    if message is None:
        return "skipped"
    return outbox_send(message_id=message.pk).status
