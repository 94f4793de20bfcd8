"""What two feature apps share: the e-mail outbox."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import OutboxStatus


class OutboxMessage(models.Model):
    """One e-mail to one recipient, sent by ``core.outbox.outbox_send``.

    The row holds no body: the feature app that queued it registers a *composer* for its
    ``kind`` which builds the e-mail from ``source`` at send time (in ``language``), so
    personal data and attachments (an .ics, a PDF) are never copied here. ``key`` is unique:
    queuing the same message twice queues it once. Write through ``core.outbox`` only.
    """

    # A record of work to do, not content: Wagtail's "usage" listings never need it, and
    # indexing its references cost queries on every row written.
    wagtail_reference_index_ignore = True

    kind = models.CharField(_("kind"), max_length=64)
    key = models.CharField(_("key"), max_length=200, unique=True)
    source_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    source_id = models.CharField(max_length=64, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # Only for a recipient without an account; otherwise the user's address at send time.
    address = models.EmailField(_("address"), blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    # Filled in when the message is composed, so an organiser can tell messages apart.
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OutboxStatus.choices,
        default=OutboxStatus.QUEUED,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        permissions = [("retry_outboxmessage", _("Can send a failed e-mail again"))]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_status_due"),
            models.Index(fields=["source_type", "source_id"], name="outbox_source"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(status=OutboxStatus.SENT, sent_at__isnull=False)
                    | (~models.Q(status=OutboxStatus.SENT) & models.Q(sent_at__isnull=True))
                ),
                name="outbox_sent_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient}"

    @property
    def recipient(self) -> str:
        """The address it goes to: the account's current address, or the stored one."""
        if self.to_user_id is not None:
            return self.to_user.email
        return self.address


from .models_imports import *  # noqa: E402, F403  (the import jobs model, kept in its own file)
