"""Every kind and status in the events app, importable anywhere without cycles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    COORDINATION_MEETING = "coordination_meeting", _("Coordination meeting")
    CONFERENCE = "conference", _("Conference")
    PUBLIC_DEBATE = "public_debate", _("Public debate")
    WEBINAR = "webinar", _("Webinar")
    COMMUNITY_SESSION = "community_session", _("Community session")
    STUDY_VISIT = "study_visit", _("Study visit")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class OccurrenceAction(models.TextChoices):
    CANCEL = "cancel", _("Cancel this occurrence")
    MOVE = "move", _("Move this occurrence")


class RegistrationStatus(models.TextChoices):
    """``CONFIRMED`` and ``OFFERED`` hold a seat; ``PENDING`` and ``WAITLISTED`` wait for one."""

    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Place offered")
    CANCELLED = "cancelled", _("Cancelled")
    REJECTED = "rejected", _("Not approved")
    EXPIRED = "expired", _("Offer expired")


SEAT_HOLDING = (RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED)
ACTIVE = (
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.OFFERED,
)


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Paragraph")
    CHOICE = "choice", _("One of a list")
    CHECKBOX = "checkbox", _("Yes or no")


class AttendanceMethod(models.TextChoices):
    CHECK_IN = "check_in", _("Checked in on screen")
    IMPORT = "import", _("Imported from a sign-in sheet")


class MessageKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirmation")
    WAITLISTED = "waitlisted", _("On the waiting list")
    PENDING = "pending", _("Awaiting approval")
    OFFER = "offer", _("Place offered")
    REMINDER = "reminder", _("Reminder")
    UPDATE = "update", _("Update")
    CANCELLATION = "cancellation", _("Cancellation")
    REJECTED = "rejected", _("Not approved")
    WITHDRAWN = "withdrawn", _("Registration cancelled")


# Languages an event can be held or interpreted in: wider than the UI languages.
EVENT_LANGUAGES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("sr", _("Serbian")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("mk", _("Macedonian")),
    ("me", _("Montenegrin")),
    ("lt", _("Lithuanian")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("tr", _("Turkish")),
    ("rom", _("Romani")),
    ("fr", _("French")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("es", _("Spanish")),
    ("el", _("Greek")),
    ("sgn", _("Sign language")),
]
