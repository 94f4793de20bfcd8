from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateKind(models.TextChoices):
    """What a certificate proves. The subject is a course enrolment or an event registration."""

    COURSE_COMPLETION = "course_completion", _("Course completion")
    EVENT_ATTENDANCE = "event_attendance", _("Event attendance")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")


class VerificationStatus(models.TextChoices):
    """What the public verification page says about a code."""

    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    UNKNOWN = "unknown", _("Unknown")
