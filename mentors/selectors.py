"""Reads of the mentors app. Every organiser-facing read goes through ``scope_for``: an
organiser sees her own programmes' pool, requests, rounds and matches only."""

from django.db.models import QuerySet

from .models import MentorProfile

# A requester's personal data (MentoringRequest fields). Only the mentor of her accepted,
# active or paused match sees the contact fields, on the match page; every other read
# defers them all, so they are never loaded nor decrypted where they are not shown.
CONTACT_FIELDS = ("name", "contact", "safe_times", "contact_method")
PERSONAL_FIELDS = (*CONTACT_FIELDS, "requester_key")
# The same, through a relation to the request (``Match.request``, ``Suggestion.request``).
REQUEST_PERSONAL_FIELDS = tuple(f"request__{name}" for name in PERSONAL_FIELDS)


def programme_mentors(programme_ids: frozenset[int] | None) -> QuerySet:
    """The people in the pools of ``programme_ids`` (None: any programme), as
    ``values("person_id")`` for ``programmes.selectors.people_visible_to``."""
    queryset = MentorProfile.objects.all()
    if programme_ids is not None:
        queryset = queryset.filter(programme_id__in=programme_ids)
    return queryset.values("person_id")
