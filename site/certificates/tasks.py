"""E-mail a certificate to its holder, once."""

import logging
import smtplib

from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from celery import shared_task

from .models import Certificate
from .pdf import certificate_pdf

logger = logging.getLogger(__name__)
TRANSIENT = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
)


def verify_url_for(certificate: Certificate) -> str:
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "certificates:verify", kwargs={"code": certificate.code}
    )


@shared_task(name="certificates.email", bind=True, max_retries=5, acks_late=True)
def certificate_email_task(self, certificate_id: int) -> str:
    """Send the PDF to the holder. Running it twice sends one e-mail: `emailed_at` is set
    under a row lock before sending, and cleared again if sending fails."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("holder__profile")
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None or not certificate.is_valid or certificate.emailed_at:
            return "skipped"
        if certificate.holder is None or not certificate.holder.email:
            return "skipped"
        Certificate.objects.filter(pk=certificate.pk).update(emailed_at=timezone.now())
    profile = getattr(certificate.holder, "profile", None)
    language = getattr(profile, "preferred_language", "") or "en"
    url = verify_url_for(certificate)
    try:
        with translation.override(language):
            message = EmailMessage(
                subject=_("Your Linkage certificate: %(title)s") % {"title": certificate.title},
                body=_(
                    "Hello %(name)s,\n\nyour certificate is attached. Anyone can check it at\n"
                    "%(url)s\n\nThe Linkage team"
                )
                % {"name": certificate.holder_name, "url": url},
                to=[certificate.holder.email],
            )
            message.attach(
                f"certificate-{certificate.code}.pdf",
                certificate_pdf(certificate=certificate, verify_url=url, language=language),
                "application/pdf",
            )
            message.send()
    except TRANSIENT as exc:
        Certificate.objects.filter(pk=certificate.pk).update(emailed_at=None)
        if self.request.retries >= self.max_retries:
            Certificate.objects.filter(pk=certificate.pk).update(email_error=str(exc)[:1000])
            raise
        raise self.retry(exc=exc, countdown=min(600, 30 * 2**self.request.retries)) from exc
    Certificate.objects.filter(pk=certificate.pk).update(email_error="")
    return "sent"


def certificate_email_enqueue(*, certificate: Certificate) -> None:
    transaction.on_commit(lambda: certificate_email_task.delay(certificate.pk))
