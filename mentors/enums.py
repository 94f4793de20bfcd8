"""Every status and kind of the mentors app: import them anywhere without cycles."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class MentorStatus(models.TextChoices):
    """applicant → in training → active ⇄ paused → alumni."""

    APPLICANT = "applicant", _("Applicant")
    IN_TRAINING = "in_training", _("In training")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ALUMNI = "alumni", _("Alumni")


class LanguageLevel(models.IntegerChoices):
    """How well a mentor speaks a language. Matching needs "conversational" or better."""

    BASIC = 1, _("Basic")
    CONVERSATIONAL = 2, _("Conversational")
    FLUENT = 3, _("Fluent")
    NATIVE = 4, _("First language")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class Expertise(models.TextChoices):
    """What a mentor can help with, and what a request needs help with."""

    OUTREACH = "outreach", _("Community outreach")
    RIGHTS = "rights", _("Rights and legal orientation")
    HEALTH = "health", _("Access to health care")
    HOUSING_WORK = "housing_work", _("Housing and employment")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    INTERPRETING = "interpreting", _("Interpreting")
    TRAINING = "training", _("Training professionals")


DAYS = (
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
)
PARTS_OF_DAY = (
    ("morning", _("morning")),
    ("afternoon", _("afternoon")),
    ("evening", _("evening")),
)
# Weekly availability in 21 coarse slots ("mon-morning" … "sun-evening"): enough to see
# whether two people can meet, without a calendar of anyone's life.
AVAILABILITY_SLOTS = [
    # Lazy: the labels are said in the reader's language, not fixed when the module loads.
    (f"{day}-{part}", format_lazy("{}, {}", day_label, part_label))
    for day, day_label in DAYS
    for part, part_label in PARTS_OF_DAY
]


class RequestKind(models.TextChoices):
    SUPPORT = "support", _("A woman asks for support")
    TRAINING = "training", _("An organisation asks for a mentor-led session or training")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a mentor")
    MATCHED = "matched", _("Matched")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text or messaging app")
    EMAIL = "email", _("E-mail")
    THROUGH_SERVICE = "service", _("Through the service or organisation that filed this")


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft: to review")
    ACCEPTED = "accepted", _("Accepted: offers sent")
    DISCARDED = "discarded", _("Discarded")


class UnmatchedReason(models.TextChoices):
    """Why the engine left a request without a mentor: the first constraint that stopped
    every mentor in the pool."""

    NO_ACTIVE_MENTOR = "no_active_mentor", _("The programme has no active mentor")
    NO_LANGUAGE = "no_language", _("No active mentor speaks any of her languages")
    NO_PLACE = (
        "no_place",
        _("No mentor who speaks her language works in her region, or online on both sides"),
    )
    BLOCKED = (
        "blocked",
        _("Every mentor who would fit declined her before or is kept apart from her"),
    )
    NO_CAPACITY = "no_capacity", _("Every mentor who would fit is at full capacity")
    OUTCOMPETED = (
        "outcompeted",
        _("The mentors who would fit went to requests that waited longer or fitted better"),
    )


class MatchStatus(models.TextChoices):
    """proposed → accepted → active ⇄ paused → completed, or ended early (with a reason);
    declined (with a reason) and invalidated (another mentor accepted first, or the
    request was withdrawn) end an offer."""

    PROPOSED = "proposed", _("Offered to the mentor")
    ACCEPTED = "accepted", _("Accepted")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    COMPLETED = "completed", _("Completed")
    ENDED_EARLY = "ended_early", _("Ended early")
    DECLINED = "declined", _("Declined")
    INVALIDATED = "invalidated", _("Closed: another mentor accepted first")


# A mentor's seat is taken by these (capacity counts them); an open offer reserves one.
MATCH_HOLDING = (MatchStatus.ACCEPTED, MatchStatus.ACTIVE, MatchStatus.PAUSED)
MATCH_OPEN = (MatchStatus.PROPOSED, *MATCH_HOLDING)
MATCH_CLOSED = (
    MatchStatus.COMPLETED,
    MatchStatus.ENDED_EARLY,
    MatchStatus.DECLINED,
    MatchStatus.INVALIDATED,
)


class DeclineReason(models.TextChoices):
    NO_TIME = "no_time", _("I do not have time now")
    LANGUAGE = "language", _("I do not speak her language well enough")
    TOO_FAR = "too_far", _("It is too far for me")
    CONFLICT = "conflict", _("I know her or there is a conflict of interest")
    OTHER = "other", _("Another reason")


class EndReason(models.TextChoices):
    GOAL_REACHED = "goal_reached", _("She has what she needed (counts as completed)")
    MOVED = "moved", _("She moved away or can no longer be reached")
    MENTOR_UNAVAILABLE = "mentor_unavailable", _("I can no longer continue")
    SAFETY = "safety", _("A safety concern")
    OTHER = "other", _("Another reason")


class SessionKind(models.TextChoices):
    SUPPORT = "support", _("Support given to women")
    NETWORKING = "networking", _("Community networking")
    TRAINING = "training", _("Training of professionals")


class SessionSize(models.TextChoices):
    ONE_TO_ONE = "one_to_one", _("One-to-one")
    GROUP = "group", _("Group")


class SupportCategory(models.TextChoices):
    """Coarse categories for anonymous counts of women supported: never names, never
    details of what happened."""

    INFORMATION = "information", _("Information and orientation")
    ACCOMPANIMENT = "accompaniment", _("Accompaniment to a service")
    EMOTIONAL = "emotional", _("Emotional support")
    INTERPRETING = "interpreting", _("Interpreting")
    PRACTICAL = "practical", _("Practical help (housing, work, papers)")


class ConcernStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


class BlockSource(models.TextChoices):
    MENTOR = "mentor", _("Blocked by the mentor")
    REQUESTER = "requester", _("Blocked by the woman or organisation")
    ORGANISER = "organiser", _("Set by an organiser")


class FeedbackStage(models.TextChoices):
    MIDPOINT = "midpoint", _("Midpoint")
    CLOSING = "closing", _("Closing")


class FeedbackRespondent(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    REQUESTER = "requester", _("The woman or organisation supported")
