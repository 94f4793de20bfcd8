from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import MeetingFormat, SessionKind, SessionSize, SupportCategory


class MentoringSession(models.Model):
    """A session a mentor logs: support (anonymous counts only), community networking or
    a training of professionals (known registered people and/or a count).

    Women supported are counted once each, never once per session or per kind of help: a
    match's woman once for the whole match (``services.session_log``), any other woman
    through ``women_new``, the number the mentor gives of women supported for the first
    time in this session. The support counts (``SupportCount``) say what kind of help was
    given, not how many women were supported."""

    mentor = models.ForeignKey(
        "mentors.MentorProfile",
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    match = models.ForeignKey(
        "mentors.Match",
        verbose_name=_("match"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=SessionKind.choices)
    size = models.CharField(
        _("one-to-one or group"),
        max_length=16,
        choices=SessionSize.choices,
        default=SessionSize.ONE_TO_ONE,
    )
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(720)]
    )
    format = models.CharField(_("format"), max_length=16, choices=MeetingFormat.choices)
    topic = models.CharField(
        _("topic"),
        max_length=200,
        help_text=_("A few words, e.g. “Visit to the health centre”. Never details of violence."),
    )
    # Networking and training: registered people by account; others as a count.
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered participants"),
        blank=True,
        related_name="mentoring_sessions_attended",
    )
    anonymous_count = models.PositiveSmallIntegerField(_("other participants (a count)"), default=0)
    # Support only: women counted for the first time here (not the match's woman, who is
    # counted once with her match).
    women_new = models.PositiveSmallIntegerField(
        _("women supported for the first time in this session"),
        default=0,
        validators=[MaxValueValidator(500)],
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        indexes = [models.Index(fields=["mentor", "date"], name="mentor_session_date")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.date:%Y-%m-%d}"


class SupportCount(models.Model):
    """One coarse kind of help a support session gave, and to how many of the women there
    (at most one in a one-to-one session). The breakdown of the help given, not the count of
    women supported (see ``MentoringSession``). Never names."""

    session = models.ForeignKey(
        MentoringSession, on_delete=models.CASCADE, related_name="support_counts"
    )
    category = models.CharField(_("category"), max_length=16, choices=SupportCategory.choices)
    count = models.PositiveSmallIntegerField(
        _("women"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )

    class Meta:
        ordering = ["category"]
        verbose_name = _("women supported")
        verbose_name_plural = _("women supported")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "category"], name="support_count_once_per_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} ×{self.count}"
