from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateKind(models.TextChoices):
    COURSE_COMPLETION = "course_completion", _("Course completion")
    EVENT_ATTENDANCE = "event_attendance", _("Event attendance")


class VerificationStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    UNKNOWN = "unknown", _("Unknown")
