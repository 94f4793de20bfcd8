"""Certificates of course completion or event attendance, verifiable by a public code."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .enums import CertificateKind, CertificateStatus


class Certificate(models.Model):
    """One certificate. The subject is what it certifies (an enrolment, a registration).

    At most one valid certificate exists per (subject, kind); a reissue revokes the old one
    and points it at its replacement, so an old code still verifies as "revoked". Rows are
    never deleted: a code that once verified must never become "unknown". Write through
    ``certificates.services`` only. Its e-mail is a row of the site's outbox
    (``certificates.tasks``).
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
    # A snapshot taken at issue: a later change of display name needs a reissue.
    holder_name = models.CharField(_("name on the certificate"), max_length=200)
    title = models.CharField(_("what it certifies"), max_length=300)
    completed_on = models.DateField(_("completed on"))
    issued_on = models.DateField(_("issued on"))
    # Also snapshots: the language the certificate speaks (the holder's, when it was issued),
    # the course's length, and for attendance the occurrence's own start and end in the
    # event's zone, so a certificate reads the same for as long as its code verifies.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    duration_minutes = models.PositiveIntegerField(_("length (minutes)"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True, default="")
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
        editable=False,
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The programmes whose course or event it certifies, when it was issued: their
    # organisers see it in the admin.
    programmes = models.ManyToManyField(
        "programmes.Programme", verbose_name=_("programmes"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "kind"],
                condition=models.Q(status=CertificateStatus.VALID),
                name="certificate_one_valid_per_subject",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=CertificateStatus.VALID, revoked_at__isnull=True)
                    | models.Q(status=CertificateStatus.REVOKED, revoked_at__isnull=False)
                ),
                name="certificate_revoked_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        """The public verification page: the URL printed on the certificate and in its QR."""
        return reverse("certificates:verify", kwargs={"code": self.code})

    def get_download_url(self) -> str:
        return reverse("certificates:download", kwargs={"code": self.code})

    def clean(self) -> None:
        if self.completed_on and self.issued_on and self.completed_on > self.issued_on:
            raise ValidationError(
                {"completed_on": _("The completion date cannot be after the date of issue.")}
            )

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    @property
    def language_code(self) -> str:
        """The language to render it in: its own, or for a certificate issued before
        certificates had one, its holder's."""
        if self.language:
            return self.language
        profile = getattr(self.holder, "profile", None) if self.holder_id else None
        return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE
