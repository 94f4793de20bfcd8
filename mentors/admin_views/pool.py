"""The mentor pool: the list (status, languages with levels, where she works, her load),
a mentor's page (her mentor track, her matches) with Approve, Pause, Resume and Alumni."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.text import join_list

from .. import services
from ..enums import MentorStatus
from ..models import Match, MentorLanguage, MentorProfile
from ..selectors import REQUEST_PERSONAL_FIELDS
from .common import (
    choice_filter,
    chrome,
    field_labels,
    get_or_404,
    page_of,
    pool_for,
    programme_filter,
    query_without_page,
    require,
    with_load,
)

# Which status an organiser may set from which (services.mentor_status_set enforces it).
STATUS_ACTIONS = {
    MentorStatus.APPLICANT: [MentorStatus.ALUMNI],
    MentorStatus.IN_TRAINING: [MentorStatus.ALUMNI],
    MentorStatus.ACTIVE: [MentorStatus.PAUSED, MentorStatus.ALUMNI],
    MentorStatus.PAUSED: [MentorStatus.ACTIVE, MentorStatus.ALUMNI],
}
STATUS_BUTTONS = {
    MentorStatus.PAUSED: gettext_lazy("Pause"),
    MentorStatus.ACTIVE: gettext_lazy("Resume"),
    MentorStatus.ALUMNI: gettext_lazy("Move to alumni"),
}
STATUS_DONE = {
    MentorStatus.PAUSED: gettext_lazy("%(name)s is paused: no new matches until she is resumed."),
    MentorStatus.ACTIVE: gettext_lazy("%(name)s is active again."),
    MentorStatus.ALUMNI: gettext_lazy("%(name)s is now an alumna of the pool."),
}
APPROVABLE = (MentorStatus.APPLICANT, MentorStatus.IN_TRAINING)


def _crumbs():
    return [(reverse("mentors_admin:pool"), _("Mentor pool"))]


def _listed(queryset):
    return (
        with_load(queryset)
        .select_related("person__profile", "programme")
        .prefetch_related(
            Prefetch("languages", queryset=MentorLanguage.objects.order_by("-level", "language")),
            "regions",
        )
    )


def describe(profile: MentorProfile) -> dict:
    """What the list and the page show of a mentor, in words."""
    return {
        "profile": profile,
        "name": profile.name,
        "languages": join_list(str(language) for language in profile.languages.all()),
        "countries": field_labels(MentorProfile, "countries", profile.countries),
        "regions": join_list(sorted(str(region) for region in profile.regions.all())),
        "formats": field_labels(MentorProfile, "formats", profile.formats),
    }


@require("mentors.view_mentorprofile")
def pool(request):
    status = choice_filter(request, "status", MentorStatus.choices)
    programmes, programme = programme_filter(request)
    queryset = pool_for(request.user)
    if status:
        queryset = queryset.filter(status=status)
    if programme:
        queryset = queryset.filter(programme_id=programme)
    listed = page_of(request, _listed(queryset).order_by("programme__name", "person__email"))
    return TemplateResponse(
        request,
        "mentors/admin/pool.html",
        {
            "rows": [describe(profile) for profile in listed],
            "page": listed,
            "query": query_without_page(request),
            "statuses": MentorStatus.choices,
            "status": status,
            "programmes": programmes,
            "programme": programme,
            **chrome(_("Mentor pool")),
        },
    )


@require("mentors.view_mentorprofile")
def mentor(request, pk: int):
    profile = get_or_404(_listed(pool_for(request.user)), pk)
    matches = (
        Match.objects.filter(mentor=profile)
        .select_related("request")
        .defer(*REQUEST_PERSONAL_FIELDS)
        .annotate(session_count=Count("sessions"))
        .order_by("-proposed_at", "-pk")
    )
    can_change = request.user.has_perm("mentors.change_mentorprofile")
    return TemplateResponse(
        request,
        "mentors/admin/mentor.html",
        {
            **describe(profile),
            "availability": field_labels(MentorProfile, "availability", profile.availability),
            "expertise": field_labels(MentorProfile, "expertise", profile.expertise),
            "track": services.mentor_track_completed(
                person=profile.person, programme=profile.programme
            ),
            "matches": matches,
            "sessions": profile.sessions.count(),
            "can_approve": can_change and profile.status in APPROVABLE,
            "status_actions": [
                (status, STATUS_BUTTONS[status])
                for status in (STATUS_ACTIONS.get(profile.status, []) if can_change else [])
            ],
            **chrome(
                profile.name,
                crumbs=_crumbs(),
                icon="user",
                subtitle=profile.programme.name,
            ),
        },
    )


@require_POST
@require("mentors.change_mentorprofile")
def mentor_approve(request, pk: int):
    """Approve a mentor: active, with her ``mentor_empowered`` ledger row. Refused, with
    the reason, while her programme's mentor track is not completed."""
    profile = get_or_404(pool_for(request.user).select_related("person__profile"), pk)
    name = profile.name
    try:
        services.mentor_approve(profile=profile, by=request.user)
    except ValidationError as refusal:
        messages.error(
            request,
            _("%(name)s cannot be approved yet: %(reason)s")
            % {"name": name, "reason": " ".join(refusal.messages)},
        )
    else:
        messages.success(
            request, _("%(name)s is approved and active: she can be matched.") % {"name": name}
        )
    return redirect("mentors_admin:mentor", pk=profile.pk)


@require_POST
@require("mentors.change_mentorprofile")
def mentor_status(request, pk: int):
    """Pause, resume or move a mentor to the alumni."""
    profile = get_or_404(pool_for(request.user).select_related("person__profile"), pk)
    status = request.POST.get("status", "")
    name = profile.name
    if status not in STATUS_ACTIONS.get(profile.status, []):
        messages.error(
            request,
            _("%(name)s's status is %(status)s: this change is not possible.")
            % {"name": name, "status": profile.get_status_display()},
        )
        return redirect("mentors_admin:mentor", pk=profile.pk)
    try:
        services.mentor_status_set(profile=profile, status=status, by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, STATUS_DONE[status] % {"name": name})
    return redirect("mentors_admin:mentor", pk=profile.pk)
