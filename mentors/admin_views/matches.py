"""Matches and concerns as organisers see them.

Opening a match's page or a concern's page is written to Wagtail's audit log
("mentors.match_view", "mentors.concern_view"), and so is every change made here
("mentors.match_change"): safeguarding asks who looked at what, and when. A match's page
never shows the requester's name or contact (only her mentor sees them, on her own pages).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .. import services
from ..enums import (
    MATCH_CLOSED,
    BlockSource,
    ConcernStatus,
    EndReason,
    MatchStatus,
)
from ..models import Match
from ..selectors import REQUEST_PERSONAL_FIELDS
from .common import (
    breakdown_rows,
    choice_filter,
    chrome,
    concerns_for,
    get_or_404,
    matches_for,
    moment_text,
    page_of,
    programme_filter,
    query_without_page,
    require,
)
from .mentoring_requests import describe as describe_request

VIEW_ACTIONS = ("mentors.match_view", "mentors.concern_view")
TIMELINE_ROWS = 100


def _listed(queryset):
    return (
        queryset.select_related("mentor__person__profile", "mentor__programme", "request")
        .defer(*REQUEST_PERSONAL_FIELDS)
        .annotate(session_count=Count("sessions"))
    )


@require("mentors.view_match")
def match_list(request):
    status = choice_filter(request, "status", MatchStatus.choices)
    programmes, programme = programme_filter(request)
    queryset = matches_for(request.user)
    if status:
        queryset = queryset.filter(status=status)
    if programme:
        queryset = queryset.filter(mentor__programme_id=programme)
    listed = page_of(request, _listed(queryset).order_by("-proposed_at", "-pk"))
    return TemplateResponse(
        request,
        "mentors/admin/matches.html",
        {
            "matches": listed,
            "page": listed,
            "query": query_without_page(request),
            "statuses": MatchStatus.choices,
            "status": status,
            "programmes": programmes,
            "programme": programme,
            **chrome(_("Matches"), icon="link"),
        },
    )


def timeline(match: Match) -> list[dict]:
    """What happened to a match, oldest first: its own dates, then what the audit log
    holds (changes; views are counted apart), each time in the programme's zone, named."""
    steps = [
        (match.proposed_at, _("Offered to the mentor"), ""),
        (match.answered_at, _("Answered by the mentor"), match.get_decline_reason_display()),
        (match.started_at, _("Started"), ""),
        (match.paused_at, _("Paused"), ""),
        (match.ended_at, _("Ended"), match.get_end_reason_display()),
    ]
    entries = list(
        ModelLogEntry.objects.for_instance(match)
        .exclude(action__in=VIEW_ACTIONS)
        .select_related("user")
        .order_by("-timestamp")[:TIMELINE_ROWS]
    )
    if entries:
        # The services log every change (who and when): the match's own dates would say
        # the same thing twice. Only the offer itself may predate the log.
        steps = steps[:1] if not any(e.data.get("status") == "proposed" for e in entries) else []
    rows = [
        {"when": when, "what": what, "who": "", "detail": detail}
        for when, what, detail in steps
        if when is not None
    ]
    for entry in entries:
        rows.append(
            {
                "when": entry.timestamp,
                "what": entry.message,
                "who": entry.user_display_name,
                "detail": entry.comment,
            }
        )
    tz_name = match.mentor.programme.time_zone
    for row in rows:
        row["when_text"] = moment_text(row["when"], tz_name)
    return sorted(rows, key=lambda row: row["when"])


def _views(instance, action: str, tz_name: str) -> dict:
    entries = ModelLogEntry.objects.for_instance(instance).filter(action=action)
    latest = entries.select_related("user").order_by("-timestamp").first()
    return {
        "count": entries.count(),
        "latest": latest,
        "latest_text": moment_text(latest.timestamp, tz_name) if latest else "",
    }


@require("mentors.view_match")
def match_detail(request, pk: int):
    match = get_or_404(
        matches_for(request.user)
        .select_related("mentor__person__profile", "mentor__programme", "request__region", "round")
        .defer(*REQUEST_PERSONAL_FIELDS)
        .annotate(session_count=Count("sessions")),
        pk,
    )
    log(instance=match, action="mentors.match_view", user=request.user)
    can_change = request.user.has_perm("mentors.change_match") and match.status not in (
        MATCH_CLOSED
    )
    return TemplateResponse(
        request,
        "mentors/admin/match.html",
        {
            "match": match,
            **describe_request(match.request),
            "breakdown": breakdown_rows(match.breakdown),
            "timeline": timeline(match),
            "views": _views(match, "mentors.match_view", match.mentor.programme.time_zone),
            "concerns": concerns_for(request.user).filter(match=match).defer("text"),
            "can_end": can_change,
            "can_block": request.user.has_perm("mentors.add_donotmatch"),
            "end_reasons": EndReason.choices,
            **chrome(
                str(match),
                crumbs=[(reverse("mentors_admin:matches"), _("Matches"))],
                icon="link",
                subtitle=match.mentor.programme.name,
            ),
        },
    )


def _match_for_change(request, pk: int) -> Match:
    return get_or_404(
        matches_for(request.user)
        .select_related("mentor__person__profile")
        .defer(*REQUEST_PERSONAL_FIELDS),
        pk,
    )


@require_POST
@require("mentors.change_match")
def match_end(request, pk: int):
    """End a match early (e.g. for a safety concern), with a reason; she is rematched
    first when she lost her mentor."""
    match = _match_for_change(request, pk)
    reason = request.POST.get("reason", "")
    note = request.POST.get("note", "").strip()[:300]
    if reason not in EndReason.values:
        messages.error(request, _("Choose why the match ends."))
        return redirect("mentors_admin:match", pk=match.pk)
    try:
        services.match_end_early(match=match, by=request.user, reason=reason, note=note)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        # The service writes the audit log entry.
        messages.success(request, _("The match has ended."))
    return redirect("mentors_admin:match", pk=match.pk)


@require_POST
@require("mentors.add_donotmatch")
def match_block(request, pk: int):
    """Never pair this mentor and this requester again (ends the match early)."""
    match = _match_for_change(request, pk)
    try:
        services.match_block(match=match, by=request.user, source=BlockSource.ORGANISER)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("This mentor and this requester will never be matched again."))
    return redirect("mentors_admin:match", pk=match.pk)


# --- Concerns -------------------------------------------------------------------------------


@require("mentors.view_concernreport")
def concern_list(request):
    status = choice_filter(request, "status", ConcernStatus.choices)
    programmes, programme = programme_filter(request)
    queryset = concerns_for(request.user).defer("text").select_related("programme")
    if status:
        queryset = queryset.filter(status=status)
    if programme:
        queryset = queryset.filter(programme_id=programme)
    listed = page_of(request, queryset.order_by("-created_at", "-pk"))
    for concern in listed:
        concern.reported_text = moment_text(concern.created_at, concern.programme.time_zone)
    return TemplateResponse(
        request,
        "mentors/admin/concerns.html",
        {
            "concerns": listed,
            "page": listed,
            "query": query_without_page(request),
            "statuses": ConcernStatus.choices,
            "status": status,
            "programmes": programmes,
            "programme": programme,
            **chrome(_("Concerns"), icon="warning"),
        },
    )


def _concern(request, pk: int):
    return get_or_404(
        concerns_for(request.user).select_related(
            "programme", "reported_by__profile", "resolved_by__profile"
        ),
        pk,
    )


@require("mentors.view_concernreport")
def concern_detail(request, pk: int):
    concern = _concern(request, pk)
    log(instance=concern, action="mentors.concern_view", user=request.user)
    match = None
    if concern.match_id:
        # Only a match the user may see; a concern's match is of the same programme.
        match = matches_for(request.user).filter(pk=concern.match_id).only("pk").first()
    return TemplateResponse(
        request,
        "mentors/admin/concern.html",
        {
            "concern": concern,
            "match": match,
            "views": _views(concern, "mentors.concern_view", concern.programme.time_zone),
            "reported_text": moment_text(concern.created_at, concern.programme.time_zone),
            "resolved_text": moment_text(concern.resolved_at, concern.programme.time_zone),
            "can_resolve": concern.status == ConcernStatus.OPEN
            and request.user.has_perm("mentors.change_concernreport"),
            **chrome(
                str(concern),
                crumbs=[(reverse("mentors_admin:concerns"), _("Concerns"))],
                icon="warning",
                subtitle=concern.programme.name,
            ),
        },
    )


@require_POST
@require("mentors.change_concernreport")
def concern_resolve(request, pk: int):
    concern = _concern(request, pk)
    try:
        services.concern_resolve(concern=concern, by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("The concern is marked as resolved."))
    return redirect("mentors_admin:concern", pk=concern.pk)
