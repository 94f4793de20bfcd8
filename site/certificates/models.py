"""Certificates of course completion or event attendance, verifiable by a public code."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .enums import CertificateKind


class Certificate(models.Model):
    """One certificate. The subject is what it certifies (an enrolment, a registration).

    At most one valid certificate exists per (subject, kind); a reissue revokes the old one
    and points it at its replacement, so an old code still verifies as "revoked".
    """

    code = models.CharField(_("verification code"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=CertificateKind.choices)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.CharField(max_length=64)
    subject = GenericForeignKey("subject_type", "subject_id")
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    holder_name = models.CharField(_("name on the certificate"), max_length=200)
    title = models.CharField(_("what it certifies"), max_length=300)
    completed_on = models.DateField(_("completed on"))
    issued_on = models.DateField(_("issued on"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    emailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    email_error = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "kind"],
                condition=models.Q(revoked_at__isnull=True),
                name="certificate_one_valid_per_subject",
            )
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("certificates:verify", kwargs={"code": self.code})

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
