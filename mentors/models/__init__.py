"""The mentors app's models: profiles (the pool), requests, rounds and matches, sessions,
and safeguarding. A package: one module per concern."""

from .matching import Match, MatchingRound, Suggestion
from .profiles import MentorLanguage, MentorProfile
from .requests import MentoringRequest
from .safeguarding import ConcernReport, DoNotMatch, FeedbackResponse
from .sessions import MentoringSession, SupportCount

__all__ = [
    "ConcernReport",
    "DoNotMatch",
    "FeedbackResponse",
    "Match",
    "MatchingRound",
    "MentorLanguage",
    "MentorProfile",
    "MentoringRequest",
    "MentoringSession",
    "Suggestion",
    "SupportCount",
]
