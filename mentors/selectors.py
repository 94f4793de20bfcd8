"""Reads of the mentors app. Every organiser-facing read goes through ``scope_for``: an
organiser sees her own programmes' pool, requests, rounds and matches only."""

from django.db.models import QuerySet

from .models import MentorProfile


def programme_mentors(programme_ids: frozenset[int] | None) -> QuerySet:
    """The people in the pools of ``programme_ids`` (None: any programme), as
    ``values("person_id")`` for ``programmes.selectors.people_visible_to``."""
    queryset = MentorProfile.objects.all()
    if programme_ids is not None:
        queryset = queryset.filter(programme_id__in=programme_ids)
    return queryset.values("person_id")
