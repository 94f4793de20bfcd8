"""The mentor's panel on My Linkage (people.dashboard): her status and what is still needed
to become active, offers to answer, current matches, sessions to log and her counts.
Nothing for anyone who is not a mentor. Never a requester's name or contact."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from people.dashboard import Panel
from people.enums import Role
from people.roles import GROUP_NAMES, user_role

from .enums import MATCH_HOLDING, MATCH_OPEN, MatchStatus, MentorStatus, SessionKind
from .forms import match_label, match_reference, match_status_for_mentor
from .models import Match, MentoringSession, MentorProfile
from .selectors import REQUEST_PERSONAL_FIELDS

PANEL_ORDER = 10  # before the courses (20) and events (30): a mentor's work comes first


def steps_to_active(profile: MentorProfile, *, track: list[dict] | None = None) -> list[dict]:
    """What a mentor needs to become active, each step with ``done``. ``track``: the
    programme's mentor-track courses she completed (services.mentor_track_completed)."""
    from . import services

    if track is None:
        track = services.mentor_track_completed(person=profile.person, programme=profile.programme)
    approved = profile.status in (MentorStatus.ACTIVE, MentorStatus.PAUSED, MentorStatus.ALUMNI)
    complete = bool(
        profile.countries
        and profile.formats
        and profile.expertise
        and len(profile.languages.all()) > 0
    )
    return [
        {
            "key": "profile",
            "label": _("Complete your profile: languages, where and how you meet, expertise"),
            "done": complete,
        },
        {
            "key": "conduct",
            "label": _("Accept the code of conduct"),
            "done": bool(profile.conduct_accepted_at),
        },
        {
            "key": "track",
            "label": _("Complete the mentor-track course of your programme"),
            "done": bool(track) or approved,
            "courses": track,
        },
        {"key": "approval", "label": _("An organiser approves you"), "done": approved},
    ]


def _professionals():
    """The accounts whose role (people.roles.user_role) is professional, as a subquery."""
    return (
        get_user_model()
        .objects.filter(groups__name=GROUP_NAMES[Role.PROFESSIONAL], is_superuser=False)
        .exclude(groups__name__in=[GROUP_NAMES[Role.ORGANISER], GROUP_NAMES[Role.MENTOR]])
        .values("pk")
    )


def _counts(user) -> dict[str, int]:
    """Her sessions and the people they reached, summed in SQL."""
    sessions = MentoringSession.objects.filter(mentor__person=user)
    totals = sessions.aggregate(
        sessions=Count("pk"),
        networked=Sum("anonymous_count", filter=Q(kind=SessionKind.NETWORKING), default=0),
        trained=Sum("anonymous_count", filter=Q(kind=SessionKind.TRAINING), default=0),
    )
    known = sessions.filter(kind__in=[SessionKind.NETWORKING, SessionKind.TRAINING]).aggregate(
        networked=Count("participants", filter=Q(kind=SessionKind.NETWORKING)),
        # Only professionals count as trained (services.session_log); other accounts
        # took part without being counted as professionals.
        trained=Count(
            "participants",
            filter=Q(kind=SessionKind.TRAINING, participants__in=_professionals()),
        ),
    )
    # A woman counts once (services.session_log): a match's woman once for her request
    # (matched again, she is still one woman), any other woman through the number given
    # as new in a session.
    women = sessions.filter(kind=SessionKind.SUPPORT).aggregate(
        requests=Count("match__request", distinct=True), new=Sum("women_new", default=0)
    )
    return {
        "sessions": totals["sessions"],
        "women_supported": women["requests"] + women["new"],
        "people_networked": totals["networked"] + known["networked"],
        "professionals_trained": totals["trained"] + known["trained"],
    }


def _session_due(match: Match, due_before) -> bool:
    if match.status == MatchStatus.PAUSED:
        return False
    since = match.last_session or timezone.localdate(match.started_at or match.answered_at)
    return since <= due_before


def dashboard_panel(request) -> Panel | None:
    user = request.user
    if not user.is_authenticated or user_role(user) != Role.MENTOR:
        return None
    from . import services

    profiles = list(
        MentorProfile.objects.filter(person=user)
        .select_related("programme", "person")
        .prefetch_related("languages")
        .order_by("programme__name")
    )
    pools = []
    for profile in profiles:
        track = (
            []
            if profile.status == MentorStatus.ACTIVE
            else services.mentor_track_completed(person=user, programme=profile.programme)
        )
        pools.append({"profile": profile, "steps": steps_to_active(profile, track=track)})
    matches = list(
        Match.objects.filter(mentor__person=user, status__in=MATCH_OPEN)
        .select_related("request", "request__region", "mentor__programme")
        .defer(*REQUEST_PERSONAL_FIELDS)
        .annotate(last_session=Max("sessions__date"))
        .order_by("proposed_at", "pk")
    )
    due_before = timezone.localdate() - timedelta(days=settings.MENTORS_SESSION_REMINDER_DAYS)
    current = [match for match in matches if match.status in MATCH_HOLDING]
    for match in matches:
        # Named as organisers number it: by the request, never the requester.
        match.reference = match_reference(match)
        match.label = match_label(match)
        match.status_words = match_status_for_mentor(match)
    return Panel(
        title=_("My mentoring"),
        template="mentors/dashboard_panel.html",
        context={
            "pools": pools,
            "offers": [match for match in matches if match.status == MatchStatus.PROPOSED],
            "current": current,
            "to_log": [match for match in current if _session_due(match, due_before)],
            "counts": _counts(user) if profiles else None,
            "reminder_days": settings.MENTORS_SESSION_REMINDER_DAYS,
            "profile_url": reverse("mentors:profile"),
        },
        order=PANEL_ORDER,
        stylesheets=("mentors/mentors.css",),
    )


def register() -> None:
    """Register the My Linkage panel (called from MentorsConfig.ready)."""
    from people.dashboard import register_panel

    register_panel(dashboard_panel)
