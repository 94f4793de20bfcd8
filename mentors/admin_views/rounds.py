"""Matching rounds: the list, "Run a new round", and the review of a draft round (every
suggestion with its score explained criterion by criterion, every request left waiting with
the reason in words), where an organiser changes a suggestion's mentor, then accepts the
round (offers go to the mentors), reruns it or discards it.

The engine and its rules live in ``mentors.rounds``; these views only ask and show.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import rounds as engine
from ..enums import RoundStatus
from ..models import MatchingRound, Suggestion
from ..selectors import REQUEST_PERSONAL_FIELDS
from .common import (
    breakdown_rows,
    chrome,
    get_or_404,
    int_or_none,
    moment_text,
    page_of,
    pool_for,
    programme_filter,
    query_without_page,
    require,
    rounds_for,
)
from .mentoring_requests import describe as describe_request


def _crumbs():
    return [(reverse("mentors_admin:rounds"), _("Matching rounds"))]


def _refused(request, refusal: ValidationError) -> None:
    messages.error(request, " ".join(refusal.messages))


@require("mentors.view_matchinground")
def round_list(request):
    programmes, programme = programme_filter(request)
    queryset = rounds_for(request.user)
    if programme:
        queryset = queryset.filter(programme_id=programme)
    queryset = (
        queryset.select_related("programme", "run_by__profile", "decided_by__profile")
        .annotate(
            matched=Count("suggestions", filter=Q(suggestions__mentor__isnull=False)),
            unmatched=Count("suggestions", filter=Q(suggestions__mentor__isnull=True)),
        )
        .order_by("-created_at", "-pk")
    )
    listed = page_of(request, queryset)
    for round_ in listed:
        round_.run_text = moment_text(round_.created_at, round_.programme.time_zone)
    return TemplateResponse(
        request,
        "mentors/admin/rounds.html",
        {
            "rounds": listed,
            "page": listed,
            "query": query_without_page(request),
            "programmes": programmes,
            "programme": programme,
            "can_run": request.user.has_perm("mentors.add_matchinground"),
            **chrome(_("Matching rounds"), icon="resubmit"),
        },
    )


@require_POST
@require("mentors.add_matchinground")
def round_run(request):
    """Run the matcher over a programme's open requests and active mentors: a draft round
    to review (any earlier draft of the programme is discarded)."""
    programmes, _chosen = programme_filter(request)
    wanted = int_or_none(request.POST.get("programme"))
    programme = next((item for item in programmes if item.pk == wanted), None)
    if programme is None:
        messages.error(request, _("Choose one of your programmes to run a round for."))
        return redirect("mentors_admin:rounds")
    try:
        round_ = engine.round_run(programme=programme, by=request.user)
    except ValidationError as refusal:
        _refused(request, refusal)
        return redirect("mentors_admin:rounds")
    messages.success(
        request,
        _("A new round for %(programme)s is ready to review. Nothing is sent until you accept it.")
        % {"programme": programme.name},
    )
    return redirect("mentors_admin:round", pk=round_.pk)


def _suggestions(round_: MatchingRound):
    return (
        Suggestion.objects.filter(round=round_)
        .select_related("request__region", "mentor__person__profile")
        .defer(*REQUEST_PERSONAL_FIELDS)
        .order_by("-score", "pk")
    )


@require("mentors.view_matchinground")
def round_detail(request, pk: int):
    """The review page of a round (a draft can be changed, accepted, rerun or discarded)."""
    round_ = get_or_404(
        rounds_for(request.user).select_related(
            "programme", "run_by__profile", "decided_by__profile"
        ),
        pk,
    )
    suggested, waiting = [], []
    for suggestion in _suggestions(round_):
        row = {
            "suggestion": suggestion,
            **describe_request(suggestion.request),
            "breakdown": breakdown_rows(suggestion.breakdown),
        }
        (suggested if suggestion.mentor_id else waiting).append(row)
    draft = round_.status == RoundStatus.DRAFT
    return TemplateResponse(
        request,
        "mentors/admin/round.html",
        {
            "round": round_,
            "run_text": moment_text(round_.created_at, round_.programme.time_zone),
            "decided_text": moment_text(round_.decided_at, round_.programme.time_zone),
            "suggested": suggested,
            "waiting": waiting,
            "draft": draft,
            "can_decide": draft and request.user.has_perm("mentors.change_matchinground"),
            "can_rerun": draft and request.user.has_perm("mentors.add_matchinground"),
            **chrome(
                str(round_), crumbs=_crumbs(), icon="resubmit", subtitle=round_.programme.name
            ),
        },
    )


def _draft_round(request, pk: int) -> MatchingRound:
    return get_or_404(rounds_for(request.user).select_related("programme"), pk)


@require_POST
@require("mentors.change_matchinground")
def round_accept(request, pk: int):
    round_ = _draft_round(request, pk)
    try:
        matches = engine.round_accept(round=round_, by=request.user)
    except ValidationError as refusal:
        _refused(request, refusal)
        return redirect("mentors_admin:round", pk=round_.pk)
    count = len(matches)
    messages.success(
        request,
        ngettext(
            "Round accepted: %(count)d offer is on its way to a mentor.",
            "Round accepted: %(count)d offers are on their way to the mentors.",
            count,
        )
        % {"count": count}
        + " "
        + _("The requests left waiting are marked as priority for the next round."),
    )
    return redirect("mentors_admin:round", pk=round_.pk)


@require_POST
@require("mentors.add_matchinground")
def round_rerun(request, pk: int):
    """Run the programme's round again (this draft is discarded)."""
    round_ = _draft_round(request, pk)
    if round_.status != RoundStatus.DRAFT:
        messages.error(request, _("Only a draft round can be rerun; run a new round instead."))
        return redirect("mentors_admin:round", pk=round_.pk)
    try:
        new_round = engine.round_run(programme=round_.programme, by=request.user)
    except ValidationError as refusal:
        _refused(request, refusal)
        return redirect("mentors_admin:round", pk=round_.pk)
    messages.success(
        request,
        _("Run again with the latest requests and mentors; the earlier draft is discarded."),
    )
    return redirect("mentors_admin:round", pk=new_round.pk)


@require_POST
@require("mentors.change_matchinground")
def round_discard(request, pk: int):
    round_ = _draft_round(request, pk)
    try:
        engine.round_discard(round=round_, by=request.user)
    except ValidationError as refusal:
        _refused(request, refusal)
        return redirect("mentors_admin:round", pk=round_.pk)
    messages.success(request, _("The round is discarded: no offer was sent."))
    return redirect("mentors_admin:rounds")


@require("mentors.change_matchinground")
def suggestion_change(request, pk: int, suggestion_pk: int):
    """Choose another mentor for one suggestion (among the feasible ones, with their
    scores), or take its mentor away; POST applies the choice."""
    round_ = _draft_round(request, pk)
    suggestion = get_or_404(_suggestions(round_), suggestion_pk)
    back = reverse("mentors_admin:round", args=[round_.pk])
    if round_.status != RoundStatus.DRAFT:
        messages.error(request, _("This round is no longer a draft: its suggestions are final."))
        return redirect(back)
    if request.method == "POST":
        choice = request.POST.get("mentor", "")
        if choice == "none":
            mentor = None
        else:
            mentor = (
                pool_for(request.user)
                .filter(programme_id=round_.programme_id, pk=int_or_none(choice))
                .select_related("person__profile")
                .first()
            )
            if mentor is None:
                messages.error(request, _("Choose a mentor from the list, or no mentor."))
                return redirect(request.path)
        try:
            engine.suggestion_override(suggestion=suggestion, mentor=mentor, by=request.user)
        except ValidationError as refusal:
            _refused(request, refusal)
            return redirect(request.path)
        if mentor is None:
            messages.success(
                request,
                _("%(request)s has no mentor in this round now; it keeps waiting.")
                % {"request": suggestion.request},
            )
        else:
            messages.success(
                request,
                _("%(request)s is now suggested to %(mentor)s.")
                % {"request": suggestion.request, "mentor": mentor.name},
            )
        return redirect(f"{back}#suggestion-{suggestion.pk}")
    candidates = [
        {"mentor": mentor, "score": score, "breakdown": breakdown_rows(breakdown)}
        for mentor, score, breakdown in engine.suggestion_candidates(suggestion=suggestion)
    ]
    title = _("Change the mentor for %(request)s") % {"request": suggestion.request}
    return TemplateResponse(
        request,
        "mentors/admin/suggestion_change.html",
        {
            "round": round_,
            "suggestion": suggestion,
            **describe_request(suggestion.request),
            "current": breakdown_rows(suggestion.breakdown),
            "candidates": candidates,
            "back": back,
            **chrome(
                title,
                crumbs=[*_crumbs(), (back, str(round_))],
                icon="resubmit",
                subtitle=round_.programme.name,
            ),
        },
    )
