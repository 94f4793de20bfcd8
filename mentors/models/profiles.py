from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import ChoiceListField
from people.enums import SPOKEN_LANGUAGES, Country

from ..enums import AVAILABILITY_SLOTS, Expertise, LanguageLevel, MeetingFormat, MentorStatus


class MentorProfile(models.Model):
    """A mentor in one programme's pool. A person mentoring in two programmes has two
    profiles: each programme approves and counts its own mentors."""

    # Emptied when she deletes her account (mentors.privacy): the profile stays, anonymous
    # and alumna, so her matches, sessions and the programme's counts survive her.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentor_profiles",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="mentor_profiles",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MentorStatus.choices, default=MentorStatus.APPLICANT
    )
    bio = models.TextField(
        _("a short introduction"),
        max_length=600,
        blank=True,
        help_text=_("What you would like the organisers to know about you (600 characters)."),
    )
    countries = ChoiceListField(_("countries served"), item_choices=Country.choices)
    regions = models.ManyToManyField(
        "people.Region", verbose_name=_("regions or municipalities served"), blank=True
    )
    formats = ChoiceListField(_("how you can meet"), item_choices=MeetingFormat.choices)
    availability = ChoiceListField(
        _("weekly availability"), item_choices=AVAILABILITY_SLOTS, blank=True
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("The most women or organisations you can support at the same time."),
    )
    expertise = ChoiceListField(_("areas of expertise"), item_choices=Expertise.choices)
    conduct_accepted_at = models.DateTimeField(_("code of conduct accepted"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["programme", "person__email"]
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor pool")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "programme"], name="mentor_profile_once_per_programme"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """Her name as organisers read it, or a plain word once she deleted her account."""
        if not self.person_id:
            return str(_("Former mentor (account deleted)"))
        return self.person.display_name

    @property
    def is_matchable(self) -> bool:
        return self.status == MentorStatus.ACTIVE


class MentorLanguage(models.Model):
    profile = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=8, choices=SPOKEN_LANGUAGES)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=LanguageLevel.choices, default=LanguageLevel.FLUENT
    )

    class Meta:
        ordering = ["-level", "language"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "language"], name="mentor_language_once_per_profile"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_language_display()} ({self.get_level_display()})"
