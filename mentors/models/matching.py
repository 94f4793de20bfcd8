from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..enums import (
    MATCH_HOLDING,
    DeclineReason,
    EndReason,
    MatchStatus,
    RoundStatus,
    UnmatchedReason,
)


class MatchingRound(models.Model):
    """One run of the matcher over a programme's open requests and active mentors. A draft
    until an organiser accepts it (offers go to the mentors) or discards it (a rerun)."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="matching_rounds",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("run"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted or discarded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("accepted or discarded"), null=True, blank=True)
    # The weights used (MENTORS_MATCH_WEIGHTS and the priority bonus as they were).
    weights = models.JSONField(_("weights"), default=dict)
    total_score = models.FloatField(_("total score"), default=0)
    # The same data matched greedily (first come, best mentor first), for comparison.
    greedy_score = models.FloatField(_("greedy total score"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("matching round")
        verbose_name_plural = _("matching rounds")

    def __str__(self) -> str:
        return _("Round %(number)s") % {"number": self.pk}


class Suggestion(models.Model):
    """The engine's answer for one request in a round: a mentor with the score's
    per-criterion breakdown, or no mentor and the reason."""

    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="suggestions")
    request = models.ForeignKey(
        "mentors.MentoringRequest", on_delete=models.CASCADE, related_name="suggestions"
    )
    mentor = models.ForeignKey(
        "mentors.MentorProfile",
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    score = models.FloatField(_("score"), default=0)
    # {"expertise": {"value": 0.5, "weight": 4, "points": 2.0, "detail": "..."}, ...}
    breakdown = models.JSONField(_("breakdown"), default=dict)
    reason = models.CharField(
        _("why unmatched"), max_length=24, choices=UnmatchedReason.choices, blank=True
    )
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["round", "-score", "pk"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        constraints = [
            models.UniqueConstraint(fields=["round", "request"], name="suggestion_once_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.request_id} → {self.mentor_id or '-'}"


class Match(models.Model):
    """A mentor and a request, from the offer to the end. Capacity counts the holding
    states; only one match per request can hold at a time (a partial unique constraint
    backs the service's lock)."""

    request = models.ForeignKey(
        "mentors.MentoringRequest",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        related_name="matches",
    )
    mentor = models.ForeignKey(
        "mentors.MentorProfile",
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="matches",
    )
    round = models.ForeignKey(
        MatchingRound,
        verbose_name=_("round"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="matches",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    score = models.FloatField(_("score"), default=0)
    breakdown = models.JSONField(_("breakdown"), default=dict)
    proposed_at = models.DateTimeField(_("offered"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason for declining"), max_length=16, choices=DeclineReason.choices, blank=True
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    paused_at = models.DateTimeField(_("paused"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(
        _("why it ended"), max_length=24, choices=EndReason.choices, blank=True
    )
    # Shown to organisers only; never details of violence.
    note = models.CharField(_("note"), max_length=300, blank=True)
    mentor_conduct_accepted_at = models.DateTimeField(null=True, blank=True)
    # Nudges, each sent once (see mentors.tasks).
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    midpoint_sent_at = models.DateTimeField(null=True, blank=True)
    closing_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status__in=[status.value for status in MATCH_HOLDING]),
                name="match_one_holding_per_request",
            ),
        ]
        indexes = [models.Index(fields=["mentor", "status"], name="match_mentor_status")]

    def __str__(self) -> str:
        return _("Match %(number)s") % {"number": self.pk}
