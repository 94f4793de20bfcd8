"""Choices for courses. Import them anywhere without import cycles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    """Who a course is written for. A course can serve several tracks."""

    PROFESSIONAL = "professional", _("Professionals")
    MENTOR = "mentor", _("Community mentors")
    COMMUNITY = "community", _("Community members")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")


class CheckKind(models.TextChoices):
    """Where a knowledge check sits: in a lesson, or before or after the whole course."""

    LESSON = "lesson", _("Lesson check")
    PRE_TEST = "pre_test", _("Pre-test")
    POST_TEST = "post_test", _("Post-test")


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Enrolled themselves")
    ORGANISER = "organiser", _("Enrolled by an organiser")
    IMPORT = "import", _("Bulk import")


class CompletionMethod(models.TextChoices):
    MARKED = "marked", _("Marked complete by the learner")
    CHECK = "check", _("Knowledge check passed")


class CalloutTone(models.TextChoices):
    INFO = "info", _("Information")
    SAFETY = "safety", _("Safety first")
    PRACTICE = "practice", _("In practice")
    REFLECT = "reflect", _("Reflect")


class MediaKind(models.TextChoices):
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio")
