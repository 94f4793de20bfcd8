"""Matching rounds: run the engine over a programme, review, change, accept or discard.

``round_run`` reads a programme's open requests and active mentors in a fixed number of
queries, hands plain inputs to ``mentors.matching`` and stores its answer as a draft
round of suggestions. Nothing reaches a mentor until an organiser accepts the round:
``round_accept`` checks every suggestion again under lock, creates the offers (PROPOSED
matches) and queues their e-mails; the requests left waiting are matched first next time.
Every step is written to Wagtail's audit log.
"""

from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry

from programmes.models import Programme

from . import matching
from .enums import (
    MATCH_HOLDING,
    MATCH_OPEN,
    LanguageLevel,
    MatchStatus,
    MentorStatus,
    RequestStatus,
    RoundStatus,
    UnmatchedReason,
)
from .models import (
    DoNotMatch,
    Match,
    MatchingRound,
    MentoringRequest,
    MentorLanguage,
    MentorProfile,
    Suggestion,
)

# What an organiser is told when the mentor she chose for a request breaks a constraint.
REFUSALS = {
    UnmatchedReason.NO_LANGUAGE: _(
        "This mentor does not speak any of the request's languages well enough "
        "(conversational or better)."
    ),
    UnmatchedReason.NO_PLACE: _(
        "This mentor does not meet in person in the request's region, and they cannot both "
        "meet online."
    ),
    UnmatchedReason.BLOCKED: _("This mentor and this request are on the do-not-match list."),
    UnmatchedReason.NO_CAPACITY: _("This mentor has no free place left in this round."),
}
# The same refusal, when it is her own earlier answer that keeps her from the request.
REFUSED_BEFORE = _(
    "This mentor declined this request before, or her match with it ended early: it is not "
    "offered to her again."
)
# Earlier matches that keep a mentor from a request for good: she said no, or it ended.
REFUSING = (MatchStatus.DECLINED, MatchStatus.ENDED_EARLY)

# The fields matching reads: the name and contact are never loaded (nor decrypted) here.
REQUEST_FIELDS = (
    "id",
    "programme_id",
    "status",
    "languages",
    "country",
    "region_id",
    "formats",
    "availability",
    "needs",
    "waiting_since",
    "priority",
    "requester_key",
)


# --- Inputs ------------------------------------------------------------------------------


def _options(stored: dict | None = None) -> dict:
    """The engine's weights: a round's stored ones, or the settings as they are now."""
    if stored:
        return {
            "weights": {key: stored.get(key, 0) for key in matching.WEIGHTED},
            "priority_bonus": stored.get("priority_bonus", 0),
            "waiting_full_days": stored.get("waiting_full_days", 1),
        }
    return {
        "weights": dict(settings.MENTORS_MATCH_WEIGHTS),
        "priority_bonus": settings.MENTORS_PRIORITY_BONUS,
        "waiting_full_days": settings.MENTORS_WAITING_FULL_DAYS,
    }


def _stored(options: dict) -> dict:
    return {
        **options["weights"],
        "priority_bonus": options["priority_bonus"],
        "waiting_full_days": options["waiting_full_days"],
    }


def open_requests(programme) -> QuerySet:
    """The programme's requests waiting for a mentor: open, with no offer out for them (nor,
    defensively, a match that holds)."""
    return (
        MentoringRequest.objects.filter(programme=programme, status=RequestStatus.OPEN)
        .exclude(matches__status__in=MATCH_OPEN)
        .only(*REQUEST_FIELDS)
        .order_by("-priority", "waiting_since", "pk")
    )


def active_mentors(programme) -> QuerySet:
    """The programme's active mentors with their seats taken (``holding``, ``offered``),
    spoken languages (conversational or better) and regions: three queries in all."""
    return (
        MentorProfile.objects.filter(programme=programme, status=MentorStatus.ACTIVE)
        .annotate(
            holding=Count("matches", filter=Q(matches__status__in=MATCH_HOLDING)),
            offered=Count("matches", filter=Q(matches__status=MatchStatus.PROPOSED)),
        )
        .prefetch_related(
            Prefetch(
                "languages",
                queryset=MentorLanguage.objects.filter(level__gte=LanguageLevel.CONVERSATIONAL),
                to_attr="spoken",
            ),
            "regions",
        )
        .order_by("pk")
    )


def _blocks(programme) -> tuple[dict, dict]:
    """Who is kept from which request: the do-not-match list (by request and by the
    requester's contact digest), and every mentor who declined a request or whose match
    with it ended early; none of them is suggested for it again. Two queries."""
    by_request, by_key = defaultdict(set), defaultdict(set)
    rows = DoNotMatch.objects.filter(mentor__programme=programme).values_list(
        "mentor_id", "request_id", "requester_key"
    )
    refused = Match.objects.filter(request__programme=programme, status__in=REFUSING).values_list(
        "mentor_id", "request_id"
    )
    for mentor_id, request_id in refused:
        by_request[request_id].add(mentor_id)
    for mentor_id, request_id, requester_key in rows:
        if request_id:
            by_request[request_id].add(mentor_id)
        if requester_key:
            by_key[requester_key].add(mentor_id)
    return by_request, by_key


def _request_in(request: MentoringRequest, blocks: tuple[dict, dict], now) -> matching.RequestIn:
    by_request, by_key = blocks
    blocked = set(by_request.get(request.pk, ()))
    if request.requester_key:
        blocked |= by_key.get(request.requester_key, set())
    return matching.RequestIn(
        id=request.pk,
        languages=frozenset(request.languages),
        country=request.country,
        region=request.region_id,
        formats=frozenset(request.formats),
        availability=frozenset(request.availability),
        needs=frozenset(request.needs),
        waiting_days=max(0.0, (now - request.waiting_since).total_seconds() / 86400),
        priority=request.priority,
        blocked=frozenset(blocked),
    )


def _mentor_in(profile: MentorProfile, taken: int = 0) -> matching.MentorIn:
    """``taken``: seats this round already gives her elsewhere."""
    regions = list(profile.regions.all())
    load = profile.holding + profile.offered + taken
    return matching.MentorIn(
        id=profile.pk,
        languages=frozenset(language.language for language in profile.spoken),
        countries=frozenset(profile.countries),
        regions=frozenset(region.pk for region in regions),
        region_countries=frozenset(region.country for region in regions),
        formats=frozenset(profile.formats),
        availability=frozenset(profile.availability),
        expertise=frozenset(profile.expertise),
        seats_free=max(0, profile.capacity - load),
        load=load,
        capacity=profile.capacity,
    )


def _decide(round_: MatchingRound, status: str, by, *fields: str) -> None:
    round_.status = status
    round_.decided_by = by
    round_.decided_at = timezone.now()
    round_.save(update_fields=["status", "decided_by", "decided_at", *fields])


def _locked_draft(round_: MatchingRound, refusal) -> MatchingRound:
    locked = MatchingRound.objects.select_for_update().get(pk=round_.pk)
    if locked.status != RoundStatus.DRAFT:
        raise ValidationError(refusal)
    return locked


def _offers_logged(matches: list[Match], round_: MatchingRound, by) -> None:
    """Each new offer in the audit log, as ``services._logged`` writes every change of a
    match (status proposed, the round), in one insert however many offers there are."""
    model = log_registry.get_log_model_for_instance(matches[0]) if matches else None
    if model is None:
        return
    context = get_active_log_context()
    content_type = ContentType.objects.get_for_model(Match, for_concrete_model=False)
    now = timezone.now()
    model.objects.bulk_create(
        model(
            content_type=content_type,
            object_id=str(match.pk),
            label=model.objects.get_instance_title(match),
            action="mentors.match_change",
            timestamp=now,
            user=by or context.user,
            uuid=context.uuid,
            data={"status": MatchStatus.PROPOSED.value, "round": round_.pk},
        )
        for match in matches
    )


def _sync(target: MatchingRound, source: MatchingRound) -> None:
    for name in ("status", "decided_by_id", "decided_at", "total_score"):
        setattr(target, name, getattr(source, name))


# --- Rounds ------------------------------------------------------------------------------


@transaction.atomic
def round_run(*, programme, by) -> MatchingRound:
    """A new draft round for ``programme`` (its earlier drafts are discarded). The
    programme's row is locked first: two rounds run at once for one programme are run one
    after the other, and the second discards the first's draft (never two drafts)."""
    Programme.objects.select_for_update().get(pk=programme.pk)
    for draft in MatchingRound.objects.select_for_update().filter(
        programme=programme, status=RoundStatus.DRAFT
    ):
        _decide(draft, RoundStatus.DISCARDED, by)
        log(instance=draft, action="mentors.round_discard", user=by, data={"rerun": True})
    now = timezone.now()
    blocks = _blocks(programme)
    requests = [_request_in(request, blocks, now) for request in open_requests(programme)]
    mentors = [_mentor_in(profile) for profile in active_mentors(programme)]
    options = _options()
    optimal = matching.match_round(requests, mentors, **options)
    greedy = matching.match_greedy(requests, mentors, **options)
    round_ = MatchingRound.objects.create(
        programme=programme,
        run_by=by,
        weights=_stored(options),
        total_score=optimal.total_score,
        greedy_score=greedy.total_score,
    )
    Suggestion.objects.bulk_create(
        [
            Suggestion(
                round=round_,
                request_id=pair.request_id,
                mentor_id=pair.mentor_id,
                score=pair.score,
                breakdown=pair.breakdown_dict(),
            )
            for pair in optimal.suggestions
        ]
        + [
            Suggestion(round=round_, request_id=request_id, reason=reason)
            for request_id, reason in optimal.unmatched.items()
        ]
    )
    log(
        instance=round_,
        action="mentors.round_run",
        user=by,
        data={"suggested": len(optimal.suggestions), "unmatched": len(optimal.unmatched)},
    )
    return round_


@transaction.atomic
def round_accept(*, round: MatchingRound, by) -> list[Match]:
    """Offer each suggestion to its mentor. Every suggestion is checked again under lock
    (the request still waiting, the mentor still active with a free seat, no constraint
    broken); one that no longer holds is left waiting with the reason. Requests left
    waiting get priority in the next round."""
    round_ = _locked_draft(round, _("Only a draft round can be accepted."))
    programme = round_.programme
    suggestions = list(Suggestion.objects.filter(round=round_).order_by("-score", "pk"))
    mentor_ids = {suggestion.mentor_id for suggestion in suggestions if suggestion.mentor_id}
    request_ids = [suggestion.request_id for suggestion in suggestions]
    # Lock first (FOR UPDATE cannot go with the counts' GROUP BY), then read the counts;
    # by primary key (no join to the nullable person, and always in the same order).
    list(
        MentorProfile.objects.select_for_update()
        .filter(pk__in=mentor_ids)
        .order_by("pk")
        .values_list("pk")
    )
    list(
        MentoringRequest.objects.select_for_update()
        .filter(pk__in=request_ids)
        .order_by("pk")
        .values_list("pk")
    )
    now = timezone.now()
    blocks = _blocks(programme)
    profiles = {
        profile.pk: profile
        for profile in active_mentors(programme)
        .filter(pk__in=mentor_ids)
        .select_related("person__profile")
    }
    waiting = {
        request.pk: _request_in(request, blocks, now)
        for request in open_requests(programme).filter(pk__in=request_ids)
    }
    taken: Counter = Counter()
    offers, changed, left_waiting = [], [], set()
    for suggestion in suggestions:
        request = waiting.get(suggestion.request_id)
        if request is None:
            continue  # withdrawn, matched or offered elsewhere since the round ran
        if not suggestion.mentor_id:
            left_waiting.add(request.id)
            continue
        profile = profiles.get(suggestion.mentor_id)
        reason = UnmatchedReason.NO_CAPACITY.value
        if profile is not None:
            reason = matching.feasible(request, _mentor_in(profile, taken[profile.pk]))
        if reason:
            suggestion.mentor, suggestion.score, suggestion.breakdown = None, 0, {}
            suggestion.reason = reason
            changed.append(suggestion)
            left_waiting.add(request.id)
            continue
        taken[profile.pk] += 1
        offers.append(
            Match(
                request_id=request.id,
                mentor=profile,
                round=round_,
                status=MatchStatus.PROPOSED,
                score=suggestion.score,
                breakdown=suggestion.breakdown,
            )
        )
    matches = Match.objects.bulk_create(offers)
    _offers_logged(matches, round_, by)
    if changed:
        Suggestion.objects.bulk_update(changed, ["mentor", "score", "breakdown", "reason"])
    MentoringRequest.objects.filter(pk__in=left_waiting).update(priority=True)
    round_.total_score = sum(match.score for match in matches)
    _decide(round_, RoundStatus.ACCEPTED, by, "total_score")
    _sync(round, round_)
    log(
        instance=round_,
        action="mentors.round_accept",
        user=by,
        data={"offers": len(matches), "left_waiting": len(left_waiting)},
    )
    from . import emails

    offer_enqueue = getattr(emails, "offer_enqueue", None)
    if offer_enqueue is not None:
        for match in matches:
            offer_enqueue(match=match)
    return matches


@transaction.atomic
def round_discard(*, round: MatchingRound, by) -> None:
    """Throw a draft away: no offer is sent."""
    round_ = _locked_draft(round, _("Only a draft round can be discarded."))
    _decide(round_, RoundStatus.DISCARDED, by)
    _sync(round, round_)
    log(instance=round_, action="mentors.round_discard", user=by)


# --- Suggestions -------------------------------------------------------------------------


def _rescore(round_: MatchingRound, mentor_id: int, options: dict) -> None:
    """Give a mentor's suggestions in the round her seats again, best fit first (the load
    balance of each depends on how many come before it)."""
    profile = active_mentors(round_.programme).filter(pk=mentor_id).first()
    suggestions = list(Suggestion.objects.filter(round=round_, mentor_id=mentor_id))
    if profile is None or not suggestions:
        return
    blocks, now = _blocks(round_.programme), timezone.now()
    requests = {
        request.pk: _request_in(request, blocks, now)
        for request in MentoringRequest.objects.filter(
            pk__in=[suggestion.request_id for suggestion in suggestions]
        ).only(*REQUEST_FIELDS)
    }
    mentor = _mentor_in(profile)
    scored = []
    for suggestion in suggestions:
        first, _breakdown = matching.pair_score(
            requests[suggestion.request_id], mentor, 0, **options
        )
        scored.append((-first, suggestion.pk, suggestion))
    for seat, (_first, _pk, suggestion) in enumerate(sorted(scored, key=lambda row: row[:2])):
        score, breakdown = matching.pair_score(
            requests[suggestion.request_id], mentor, seat, **options
        )
        suggestion.score, suggestion.breakdown = score, matching.breakdown_dict(breakdown)
    Suggestion.objects.bulk_update(suggestions, ["score", "breakdown"])


def _placed(round_: MatchingRound, suggestion: Suggestion) -> Counter:
    """Seats the round gives each mentor, this suggestion left out."""
    return Counter(
        Suggestion.objects.filter(round=round_, mentor__isnull=False)
        .exclude(pk=suggestion.pk)
        .values_list("mentor_id", flat=True)
    )


def _refused_before(request_id: int, mentor_id: int) -> bool:
    return Match.objects.filter(
        request_id=request_id, mentor_id=mentor_id, status__in=REFUSING
    ).exists()


@transaction.atomic
def suggestion_override(*, suggestion: Suggestion, mentor: MentorProfile | None, by) -> Suggestion:
    """Suggest another mentor for a request of a draft round (she must fit every hard
    constraint: a ValidationError names the one she breaks), or none (``mentor=None``)."""
    round_ = _locked_draft(
        suggestion.round, _("This round is no longer a draft: its suggestions are final.")
    )
    programme = round_.programme
    options = _options(round_.weights)
    previous = suggestion.mentor_id
    if mentor is None:
        suggestion.mentor, suggestion.score, suggestion.breakdown = None, 0, {}
        suggestion.reason = ""
    else:
        profile = active_mentors(programme).filter(pk=mentor.pk).first()
        if profile is None:
            raise ValidationError(
                _("This mentor is not an active mentor of the round's programme.")
            )
        request = open_requests(programme).filter(pk=suggestion.request_id).first()
        if request is None:
            raise ValidationError(_("This request is no longer waiting for a mentor."))
        request_in = _request_in(request, _blocks(programme), timezone.now())
        mentor_in = _mentor_in(profile, _placed(round_, suggestion)[profile.pk])
        reason = matching.feasible(request_in, mentor_in)
        if reason == UnmatchedReason.BLOCKED and _refused_before(request.pk, profile.pk):
            raise ValidationError(REFUSED_BEFORE, code=reason)
        if reason:
            raise ValidationError(REFUSALS[reason], code=reason)
        score, breakdown = matching.pair_score(request_in, mentor_in, 0, **options)
        suggestion.mentor, suggestion.score = profile, score
        suggestion.breakdown = matching.breakdown_dict(breakdown)
        suggestion.reason = ""
    suggestion.overridden_by = by
    suggestion.save(update_fields=["mentor", "score", "breakdown", "reason", "overridden_by"])
    for mentor_id in {previous, suggestion.mentor_id} - {None}:
        _rescore(round_, mentor_id, options)
    round_.total_score = (
        Suggestion.objects.filter(round=round_).aggregate(total=Sum("score"))["total"] or 0
    )
    round_.save(update_fields=["total_score"])
    suggestion.refresh_from_db(fields=["score", "breakdown"])
    log(
        instance=round_,
        action="mentors.suggestion_override",
        user=by,
        data={
            "suggestion": suggestion.pk,
            "request": suggestion.request_id,
            "from": previous,
            "to": suggestion.mentor_id,
        },
    )
    return suggestion


def suggestion_candidates(*, suggestion: Suggestion) -> list[tuple[MentorProfile, float, dict]]:
    """The other active mentors who could take this suggestion's request in its round,
    each with the score and breakdown she would get, best first."""
    round_ = suggestion.round
    programme_id = round_.programme_id
    request = open_requests(programme_id).filter(pk=suggestion.request_id).first()
    if request is None:
        return []
    options = _options(round_.weights)
    request_in = _request_in(request, _blocks(programme_id), timezone.now())
    placed = _placed(round_, suggestion)
    candidates = []
    for profile in active_mentors(programme_id).select_related("person__profile"):
        if profile.pk == suggestion.mentor_id:
            continue
        mentor_in = _mentor_in(profile, placed[profile.pk])
        if matching.feasible(request_in, mentor_in) is None:
            score, breakdown = matching.pair_score(request_in, mentor_in, 0, **options)
            candidates.append((profile, score, matching.breakdown_dict(breakdown)))
    candidates.sort(key=lambda row: (-row[1], row[0].pk))
    return candidates


def match_weights() -> dict:
    """The weights the next round uses, with their labels, for organisers to read."""
    options = _options()
    return {
        "weights": {
            key: {
                "label": matching.CRITERION_LABELS[key],
                "weight": options["weights"].get(key, 0),
                "help": matching.CRITERION_HELP[key],
            }
            for key in matching.WEIGHTED
        },
        "priority_bonus": {
            "label": _("Priority bonus"),
            "value": options["priority_bonus"],
            "help": matching.CRITERION_HELP["priority"],
        },
        "waiting_full_days": {
            "label": _("Days of waiting for full marks"),
            "value": options["waiting_full_days"],
            "help": _("From this many days of waiting on, the waiting time scores in full."),
        },
    }
