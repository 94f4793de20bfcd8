"""What the mentors app does when a person deletes her account, and what it puts in her data
export (GDPR access). Both plug into ``people.hooks`` from ``MentorsConfig.ready``.

A mentor who leaves keeps the programme's history: her profiles stay, detached from her
account (anonymous alumnae, bio blanked), so her matches, sessions and ledger rows still
count. The women she was supporting do not pay for her leaving: their requests wait again,
first in line, as when a mentor can no longer continue.

A requester's name, contact and safe times are hers: they appear in her own export only
(the requests she filed), never in a mentor's.
"""

from django.db import transaction
from django.db.models import Count, Prefetch

from .enums import MATCH_HOLDING, EndReason, MentorStatus
from .models import (
    Match,
    MentoringRequest,
    MentoringSession,
    MentorLanguage,
    MentorProfile,
)

# --- Deleting an account ---------------------------------------------------------------------


def person_deleted(user) -> int:
    """Before ``user``'s account goes: end her running matches (each woman waits again,
    first in line), decline her open offers, and detach her profiles from her account as
    alumnae with the bio blanked. Returns how many profiles were detached. Idempotent: the
    second call (the user model's pre_delete) finds nothing left."""
    from . import services

    profiles = list(MentorProfile.objects.filter(person=user).order_by("pk"))
    with transaction.atomic():
        for profile in profiles:
            for match in Match.objects.filter(mentor=profile, status__in=MATCH_HOLDING):
                services.match_end_early(match=match, by=None, reason=EndReason.MENTOR_UNAVAILABLE)
            # Declines her open offers ("no time now"; each request first in line).
            services.mentor_status_set(profile=profile, status=MentorStatus.ALUMNI, by=None)
        MentorProfile.objects.filter(pk__in=[p.pk for p in profiles]).update(
            person=None, bio="", status=MentorStatus.ALUMNI
        )
    # Requests she filed stay (MentoringRequest.filed_by is SET_NULL): they may be a
    # woman's only way to a mentor, and their contacts are erased on the usual schedule.
    return len(profiles)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


# --- The data export ----------------------------------------------------------------------


def person_mentoring_data(user) -> dict:
    """Her mentoring data: as a mentor, her profiles, her matches (the request's number and
    the status only: never a requester's name or contact) and her sessions (counts only);
    as someone who filed requests, those requests with the name, contact and safe times
    she gave."""
    profiles = (
        MentorProfile.objects.filter(person=user)
        .select_related("programme")
        .prefetch_related(
            Prefetch("languages", queryset=MentorLanguage.objects.order_by("-level", "language")),
            "regions",
            Prefetch("matches", queryset=Match.objects.order_by("proposed_at", "pk")),
            Prefetch(
                "sessions",
                queryset=MentoringSession.objects.order_by("date", "pk")
                .annotate(registered=Count("participants"))
                .prefetch_related("support_counts"),
            ),
        )
        .order_by("pk")
    )
    requests = MentoringRequest.objects.filter(filed_by=user).select_related("programme", "region")
    return {
        "mentor_profiles": [_profile_data(profile) for profile in profiles],
        "requests_filed": [_request_data(request) for request in requests.order_by("pk")],
    }


def _profile_data(profile: MentorProfile) -> dict:
    return {
        "programme": profile.programme.name,
        "status": profile.status,
        "bio": profile.bio,
        "languages": {lang.language: lang.level for lang in profile.languages.all()},
        "countries": list(profile.countries),
        "regions": sorted(region.name for region in profile.regions.all()),
        "formats": list(profile.formats),
        "availability": list(profile.availability),
        "capacity": profile.capacity,
        "expertise": list(profile.expertise),
        "conduct_accepted_at": _iso(profile.conduct_accepted_at),
        "approved_at": _iso(profile.approved_at),
        "status_changed_at": _iso(profile.status_changed_at),
        "created_at": _iso(profile.created_at),
        # The request's number and the status only: the rest is the requester's.
        "matches": [
            {"request": match.request_id, "status": match.status} for match in profile.matches.all()
        ],
        "sessions": [
            {
                "date": session.date.isoformat(),
                "kind": session.kind,
                "size": session.size,
                "format": session.format,
                "duration_minutes": session.duration_minutes,
                "registered_participants": session.registered,
                "other_participants": session.anonymous_count,
                "women_new": session.women_new,
                "support": {c.category: c.count for c in session.support_counts.all()},
            }
            for session in profile.sessions.all()
        ],
    }


def _request_data(request: MentoringRequest) -> dict:
    return {
        "number": request.pk,
        "programme": request.programme.name,
        "kind": request.kind,
        "status": request.status,
        "on_behalf": request.on_behalf,
        "organisation": request.organisation,
        "name": request.name,
        "contact_method": request.contact_method,
        "contact": request.contact,
        "safe_times": request.safe_times,
        "languages": list(request.languages),
        "country": request.country,
        "region": request.region.name if request.region else None,
        "formats": list(request.formats),
        "availability": list(request.availability),
        "needs": list(request.needs),
        "topic": request.topic,
        "participants_expected": request.participants_expected,
        "filed_at": _iso(request.created_at),
        "waiting_since": _iso(request.waiting_since),
        "closed_at": _iso(request.closed_at),
        "contact_erased_at": _iso(request.contact_erased_at),
    }
