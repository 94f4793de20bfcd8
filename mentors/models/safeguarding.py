from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedTextField

from ..enums import BlockSource, ConcernStatus, FeedbackRespondent, FeedbackStage


class DoNotMatch(models.Model):
    """A pair the matcher must never propose: a mentor and a requester (by the request, and
    by the requester's contact digest so a new request from her is kept apart too)."""

    mentor = models.ForeignKey(
        "mentors.MentorProfile",
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="do_not_match",
    )
    request = models.ForeignKey(
        "mentors.MentoringRequest",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="do_not_match",
    )
    requester_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    source = models.CharField(_("set by"), max_length=16, choices=BlockSource.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("do-not-match pair")
        verbose_name_plural = _("do-not-match pairs")

    def __str__(self) -> str:
        return f"{self.mentor_id} ≠ {self.request_id or self.requester_key[:8]}"


class ConcernReport(models.Model):
    """ "Report a concern": read by the programme's organisers. The text is encrypted."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="mentoring_concerns",
    )
    match = models.ForeignKey(
        "mentors.Match",
        verbose_name=_("match"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerns",
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Blank once erased: MENTORS_CONTACT_RETENTION_DAYS after it was resolved.
    text = EncryptedTextField(_("what happened"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ConcernStatus.choices, default=ConcernStatus.OPEN
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")

    def __str__(self) -> str:
        return str(_("Concern %(number)s") % {"number": self.pk})


class FeedbackResponse(models.Model):
    """Midpoint or closing feedback on a match, from the mentor or the one supported."""

    match = models.ForeignKey("mentors.Match", on_delete=models.CASCADE, related_name="feedback")
    stage = models.CharField(_("stage"), max_length=16, choices=FeedbackStage.choices)
    respondent = models.CharField(_("from"), max_length=16, choices=FeedbackRespondent.choices)
    rating = models.PositiveSmallIntegerField(
        _("how is it going"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    went_well = models.TextField(_("what went well"), max_length=1000, blank=True)
    could_improve = models.TextField(_("what could be better"), max_length=1000, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["match", "stage", "respondent"], name="feedback_once_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} · {self.get_respondent_display()}"
