"""Statuses shared by the feature apps, importable anywhere without cycles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxStatus(models.TextChoices):
    """Where an e-mail in the outbox is: ``QUEUED`` waits for a worker (again, after a
    transient error), ``SENDING`` is claimed by one, ``SENT`` was accepted by the mail
    server, ``FAILED`` will not be tried again without an organiser, ``CANCELLED`` is no
    longer needed (its subject is gone, or its recipient has no address)."""

    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Not needed")
