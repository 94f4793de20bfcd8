"""What learners do: cohorts, enrolments, lesson completions and knowledge-check attempts.

Enrolments and completions are keyed on the course's and the lesson's
``translation_key``, so they hold in every language of the course.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from ..enums import CheckKind, CompletionMethod, EnrolmentSource


class CohortRun(models.Model):
    """A run of a course with a start and an end, for learners who go through it together."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="cohorts",
    )
    course_key = models.UUIDField(editable=False, db_index=True)
    title = models.CharField(_("title"), max_length=200, help_text=_("E.g. 'Kaunas, spring 2026'"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    notes = models.TextField(_("notes for learners"), blank=True)

    # The course is picked from a list of the organiser's own courses (CohortRunForm),
    # not with the page chooser, which browses every programme's pages.
    panels = [
        FieldPanel("course", widget=forms.Select),
        FieldPanel("title"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["starts_on", "title"]
        verbose_name = _("cohort run")
        verbose_name_plural = _("cohort runs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        # In the reader's language's date format (the enrolment forms list cohorts so).
        starts = formats.date_format(self.starts_on, "SHORT_DATE_FORMAT")
        ends = formats.date_format(self.ends_on, "SHORT_DATE_FORMAT")
        return f"{self.title} ({starts}–{ends})"

    def save(self, *args, **kwargs):
        if self.course_id:
            self.course_key = self.course.translation_key
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A cohort cannot end before it starts.")})

    @property
    def has_ended(self) -> bool:
        return self.ends_on < timezone.localdate()


class Enrolment(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    cohort = models.ForeignKey(
        CohortRun,
        verbose_name=_("cohort"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolments",
    )
    source = models.CharField(
        _("how"), max_length=16, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    # "Resume where I left off": the lesson the learner last opened.
    last_lesson_key = models.UUIDField(null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # The code of the certificate issued on completion, kept here so pages and the export
    # link to it without reaching into the certificates app's tables.
    certificate_code = models.CharField(_("certificate code"), max_length=64, blank=True)

    class Meta:
        ordering = ["-enrolled_at", "-pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "course_key"], name="enrolment_once_per_course"
            )
        ]
        indexes = [
            models.Index(fields=["course_key", "completed_at"], name="enrolment_course_done")
        ]
        permissions = [
            ("export_enrolment", _("Can export learner reports")),
            ("import_enrolment", _("Can enrol learners in bulk")),
        ]

    def __str__(self) -> str:
        return f"{self.person_id}:{self.course_key}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class LessonCompletion(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="completions")
    lesson_key = models.UUIDField()
    completed_at = models.DateTimeField(default=timezone.now)
    method = models.CharField(max_length=16, choices=CompletionMethod.choices)

    class Meta:
        ordering = ["completed_at"]
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson_key"], name="lesson_completed_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}:{self.lesson_key}"


class CheckAttempt(models.Model):
    """One submitted attempt at a knowledge check, graded on the server.

    ``check_key`` is the StreamField block id, the same in every translation.
    """

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    check_key = models.CharField(max_length=64)
    kind = models.CharField(max_length=16, choices=CheckKind.choices)
    lesson_key = models.UUIDField(null=True, blank=True)
    number = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField(
        help_text=_("Per cent of questions answered correctly.")
    )
    passed = models.BooleanField()
    # {question id: [answer ids]}, exactly as graded.
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("knowledge-check attempt")
        verbose_name_plural = _("knowledge-check attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "check_key", "number"], name="attempt_number_once"
            ),
            models.CheckConstraint(condition=models.Q(score__lte=100), name="attempt_score_max"),
        ]
        indexes = [models.Index(fields=["enrolment", "kind"], name="attempt_enrolment_kind")]

    def __str__(self) -> str:
        return f"{self.enrolment_id}:{self.check_key}#{self.number}"
