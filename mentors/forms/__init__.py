"""Forms of the mentoring pages: the two requests (``requests``), and the mentor's profile,
answers, sessions, feedback and concerns (``mentoring``). They check what a person can
correct on the page; the rules that need the database (limits, capacity, states) are the
services'."""

from .common import ServiceErrorsMixin
from .mentoring import (
    LANGUAGE_ROWS,
    BlockForm,
    CompleteForm,
    ConcernForm,
    DeclineForm,
    EndEarlyForm,
    FeedbackForm,
    MentorApplyForm,
    MentorProfileForm,
    PublicConcernForm,
    SessionForm,
    language_formset,
    match_label,
    match_reference,
    match_status_for_mentor,
)
from .requests import (
    HONEYPOT,
    NEEDS_IN_PLAIN_WORDS,
    SupportRequestForm,
    TrainingRequestForm,
    region_choices,
)

__all__ = [
    "PublicConcernForm",
    "HONEYPOT",
    "LANGUAGE_ROWS",
    "NEEDS_IN_PLAIN_WORDS",
    "BlockForm",
    "CompleteForm",
    "ConcernForm",
    "DeclineForm",
    "EndEarlyForm",
    "FeedbackForm",
    "MentorApplyForm",
    "MentorProfileForm",
    "ServiceErrorsMixin",
    "SessionForm",
    "SupportRequestForm",
    "TrainingRequestForm",
    "language_formset",
    "match_label",
    "match_reference",
    "match_status_for_mentor",
    "region_choices",
]
