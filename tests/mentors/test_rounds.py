"""mentors/rounds.py: a round reads the programme's open requests and active mentors,
stores explained suggestions, and turns into offers only when an organiser accepts it."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from core.models import OutboxMessage
from mentors import emails, matching, rounds, services
from mentors.enums import (
    BlockSource,
    DeclineReason,
    LanguageLevel,
    MatchStatus,
    MeetingFormat,
    MentorStatus,
    RoundStatus,
    UnmatchedReason,
)
from mentors.models import DoNotMatch, Match, MatchingRound, Suggestion
from tests.factories import RegionFactory
from tests.factories.mentors import RequestFactory, match_make, mentor_make
from tests.factories.programmes import organiser_of, programme_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return programme_make(countries=["ES"])


@pytest.fixture
def organiser(programme):
    return organiser_of(programme)


@pytest.fixture
def offers(monkeypatch):
    """Offer e-mails queued, by match (in place of mentors.emails.offer_enqueue)."""
    queued = []
    monkeypatch.setattr(
        emails, "offer_enqueue", lambda *, match: queued.append(match), raising=False
    )
    return queued


def suggestions_of(round_):
    return {
        suggestion.request_id: (suggestion.mentor_id, suggestion.reason)
        for suggestion in Suggestion.objects.filter(round=round_)
    }


def logged(round_, action):
    return ModelLogEntry.objects.filter(object_id=str(round_.pk), action=action).count()


# --- round_run ---------------------------------------------------------------------------


def test_round_run_suggests_a_fitting_mentor_with_an_explained_score(programme, organiser):
    mentor = mentor_make(programme=programme)
    request = RequestFactory(programme=programme, waiting_since=timezone.now() - timedelta(days=6))
    round_ = rounds.round_run(programme=programme, by=organiser)
    suggestion = Suggestion.objects.get(round=round_)
    assert (suggestion.request_id, suggestion.mentor_id, suggestion.reason) == (
        request.pk,
        mentor.pk,
        "",
    )
    # jsonb keeps no key order: the rows give the criteria's order.
    assert sorted(suggestion.breakdown) == sorted(matching.CRITERIA)
    assert [row["key"] for row in matching.breakdown_rows(suggestion.breakdown)] == list(
        matching.CRITERIA
    )
    assert suggestion.breakdown["waiting"]["detail"] == "Waiting 6 days"
    assert suggestion.breakdown["load"]["detail"] == "Place 1 of 2"
    assert round_.status == RoundStatus.DRAFT
    assert round_.total_score == pytest.approx(suggestion.score)
    assert round_.greedy_score == pytest.approx(suggestion.score)
    assert round_.weights == {
        "expertise": 4,
        "availability": 2,
        "waiting": 2,
        "load": 2,
        "priority_bonus": 50,
        "waiting_full_days": 30,
    }


def test_round_run_gives_every_request_left_waiting_its_reason(programme, organiser):
    mentor = mentor_make(programme=programme, capacity=1)
    other = mentor_make(programme=programme, languages={"fa": LanguageLevel.FLUENT}, capacity=1)
    match_make(mentor=other)  # other is full
    blocked = RequestFactory(programme=programme, contact="+34 611 111 111")
    DoNotMatch.objects.create(
        mentor=mentor, requester_key=blocked.requester_key, source=BlockSource.MENTOR
    )
    italy = RequestFactory(programme=programme, country="IT")
    ukrainian = RequestFactory(programme=programme, languages=["uk"])
    farsi = RequestFactory(programme=programme, languages=["fa"])
    first = RequestFactory(programme=programme, waiting_since=timezone.now() - timedelta(days=9))
    later = RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    assert suggestions_of(round_) == {
        first.pk: (mentor.pk, ""),
        later.pk: (None, "outcompeted"),
        blocked.pk: (None, "blocked"),
        italy.pk: (None, "no_place"),
        ukrainian.pk: (None, "no_language"),
        farsi.pk: (None, "no_capacity"),
    }


def test_round_run_never_offers_a_request_again_to_the_mentor_who_declined_it(
    programme, organiser, offers
):
    rania = mentor_make(programme=programme)
    request = RequestFactory(programme=programme)
    rounds.round_run(programme=programme, by=organiser)
    [offer] = rounds.round_accept(
        round=MatchingRound.objects.get(programme=programme), by=organiser
    )
    services.match_decline(match=offer, by=rania.person, reason=DeclineReason.NO_TIME)
    request.refresh_from_db()
    assert request.priority  # the priority bonus must not bring her back to Rania
    again = rounds.round_run(programme=programme, by=organiser)
    assert suggestions_of(again) == {request.pk: (None, "blocked")}


def test_round_run_never_suggests_a_mentor_whose_match_with_the_request_ended_early(
    programme, organiser
):
    lost = mentor_make(programme=programme)
    other = mentor_make(programme=programme, expertise=["rights"])  # a worse fit
    request = RequestFactory(programme=programme, priority=True)
    match_make(mentor=lost, request=request, status=MatchStatus.ENDED_EARLY)
    fresh = RequestFactory(programme=programme, languages=["es"])
    round_ = rounds.round_run(programme=programme, by=organiser)
    assert suggestions_of(round_)[request.pk] == (other.pk, "")
    assert suggestions_of(round_)[fresh.pk][0] in (lost.pk, other.pk)


def test_round_run_blocked_reason_says_she_was_declined_or_kept_apart(programme, organiser):
    assert str(UnmatchedReason.BLOCKED.label) == (
        "Every mentor who would fit declined her before or is kept apart from her"
    )


def test_round_run_without_active_mentors_says_so(programme, organiser):
    mentor_make(programme=programme, status=MentorStatus.PAUSED)
    request = RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    assert suggestions_of(round_) == {request.pk: (None, "no_active_mentor")}


def test_round_run_counts_only_languages_spoken_at_conversational_level(programme, organiser):
    mentor_make(programme=programme, languages={"uk": LanguageLevel.BASIC})
    request = RequestFactory(programme=programme, languages=["uk"])
    round_ = rounds.round_run(programme=programme, by=organiser)
    assert suggestions_of(round_) == {request.pk: (None, "no_language")}


def test_round_run_counts_held_matches_and_open_offers_against_capacity(programme, organiser):
    mentor = mentor_make(programme=programme, capacity=2)
    match_make(mentor=mentor, status=MatchStatus.ACTIVE)
    match_make(mentor=mentor, status=MatchStatus.PROPOSED)
    match_make(
        mentor=mentor,
        request=RequestFactory(programme=programme, status="closed"),
        status=MatchStatus.COMPLETED,
    )
    request = RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    assert suggestions_of(round_) == {request.pk: (None, "no_capacity")}


def test_round_run_leaves_out_requests_with_an_open_offer_and_other_programmes(
    programme, organiser
):
    mentor = mentor_make(programme=programme, capacity=3)
    offered = RequestFactory(programme=programme)
    match_make(mentor=mentor, request=offered, status=MatchStatus.PROPOSED)
    elsewhere = programme_make(name="Elsewhere", slug="elsewhere", countries=["ES"])
    RequestFactory(programme=elsewhere)
    mentor_make(programme=elsewhere)
    waiting = RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    assert suggestions_of(round_) == {waiting.pk: (mentor.pk, "")}


def test_round_run_keeps_in_person_mentors_to_the_regions_they_list(programme, organiser):
    barcelona = RegionFactory(country="ES", name="Barcelona")
    girona = RegionFactory(country="ES", name="Girona")
    mentor = mentor_make(programme=programme, formats=[MeetingFormat.IN_PERSON])
    mentor.regions.add(barcelona)
    near = RequestFactory(programme=programme, region=barcelona)
    far = RequestFactory(programme=programme, region=girona)
    round_ = rounds.round_run(programme=programme, by=organiser)
    assert suggestions_of(round_) == {near.pk: (mentor.pk, ""), far.pk: (None, "no_place")}


def test_round_run_discards_the_programmes_earlier_draft(programme, organiser):
    first = rounds.round_run(programme=programme, by=organiser)
    second = rounds.round_run(programme=programme, by=organiser)
    first.refresh_from_db()
    assert (first.status, first.decided_by, second.status) == (
        RoundStatus.DISCARDED,
        organiser,
        RoundStatus.DRAFT,
    )
    assert (logged(first, "mentors.round_discard"), logged(second, "mentors.round_run")) == (1, 1)


@pytest.fixture
def default_locale(transactional_db):
    """The default locale, which a flush by an earlier transactional test took away."""
    from django.conf import settings

    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_round_runs_leave_one_draft(default_locale):
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from django.db import connection

    programme = programme_make(countries=["ES"])
    organiser = organiser_of(programme)
    mentor_make(programme=programme)
    RequestFactory(programme=programme)
    barrier = Barrier(4)

    def run(_):
        try:
            barrier.wait()
            return rounds.round_run(programme=programme, by=organiser).pk
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(run, range(4)))
    assert len(set(runs)) == 4
    drafts = MatchingRound.objects.filter(programme=programme, status=RoundStatus.DRAFT)
    assert drafts.count() == 1


@pytest.mark.parametrize("size", [1, 3])
def test_round_run_queries_do_not_grow_with_mentors_and_requests(
    programme, organiser, size, django_assert_num_queries
):
    region = RegionFactory(country="ES", name="Barcelona")
    for _ in range(size):
        mentor_make(programme=programme).regions.add(region)
        RequestFactory(programme=programme, region=region)
        DoNotMatch.objects.create(
            mentor=mentor_make(programme=programme),
            request=RequestFactory(programme=programme),
            source=BlockSource.ORGANISER,
        )
    rounds.round_run(programme=programme, by=organiser)  # warm the content type cache
    # The programme locked; the earlier draft discarded and logged; three reads of the inputs
    # (and two prefetches); the round, its suggestions and its log entry written.
    with django_assert_num_queries(19):
        rounds.round_run(programme=programme, by=organiser)


# --- round_accept ------------------------------------------------------------------------


def test_round_accept_creates_offers_queues_their_emails_and_prioritises_those_left_waiting(
    programme, organiser, offers
):
    mentor = mentor_make(programme=programme, capacity=1)
    first = RequestFactory(programme=programme, waiting_since=timezone.now() - timedelta(days=3))
    left = RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    matches = rounds.round_accept(round=round_, by=organiser)
    suggestion = Suggestion.objects.get(round=round_, request=first)
    assert [(m.request_id, m.mentor_id, m.status, m.round_id) for m in matches] == [
        (first.pk, mentor.pk, MatchStatus.PROPOSED, round_.pk)
    ]
    assert (matches[0].score, matches[0].breakdown) == (suggestion.score, suggestion.breakdown)
    assert offers == matches
    left.refresh_from_db()
    first.refresh_from_db()
    assert (left.priority, first.priority) == (True, False)
    round_.refresh_from_db()
    assert (round_.status, round_.decided_by) == (RoundStatus.ACCEPTED, organiser)
    assert logged(round_, "mentors.round_accept") == 1


def test_round_accept_logs_each_offer_with_its_round(programme, organiser, offers):
    for _ in range(2):
        mentor_make(programme=programme)
        RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    matches = rounds.round_accept(round=round_, by=organiser)
    entries = ModelLogEntry.objects.filter(action="mentors.match_change").order_by("object_id")
    assert [(e.object_id, e.user_id, e.data) for e in entries] == [
        (str(match.pk), organiser.pk, {"status": "proposed", "round": round_.pk})
        for match in sorted(matches, key=lambda match: str(match.pk))
    ]


def test_round_accept_queues_an_offer_email_to_the_mentor(programme, organiser):
    if not hasattr(emails, "offer_enqueue"):
        pytest.fail("mentors.emails.offer_enqueue is missing")
    mentor = mentor_make(programme=programme)
    RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    [match] = rounds.round_accept(round=round_, by=organiser)
    message = OutboxMessage.objects.get(kind="mentors.offer")
    assert (message.to_user_id, message.source_id) == (mentor.person_id, str(match.pk))


def test_round_accept_checks_capacity_again_and_leaves_a_full_mentors_request_waiting(
    programme, organiser, offers
):
    mentor = mentor_make(programme=programme, capacity=1)
    request = RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    match_make(mentor=mentor)  # she took someone else meanwhile
    assert rounds.round_accept(round=round_, by=organiser) == []
    assert suggestions_of(round_) == {request.pk: (None, "no_capacity")}
    request.refresh_from_db()
    assert (request.priority, offers) == (True, [])


def test_round_accept_skips_a_request_withdrawn_since_the_round_ran(programme, organiser, offers):
    mentor_make(programme=programme)
    request = RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    request.status = "withdrawn"
    request.save(update_fields=["status"])
    assert rounds.round_accept(round=round_, by=organiser) == []
    request.refresh_from_db()
    assert request.priority is False


def test_round_accept_refuses_a_round_that_is_not_a_draft(programme, organiser, offers):
    round_ = rounds.round_run(programme=programme, by=organiser)
    rounds.round_accept(round=round_, by=organiser)
    with pytest.raises(ValidationError):
        rounds.round_accept(round=round_, by=organiser)
    with pytest.raises(ValidationError):
        rounds.round_discard(round=round_, by=organiser)


# --- round_discard -----------------------------------------------------------------------


def test_round_discard_sends_nothing_and_is_logged(programme, organiser, offers):
    mentor_make(programme=programme)
    RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    rounds.round_discard(round=round_, by=organiser)
    assert (round_.status, Match.objects.count(), offers) == (RoundStatus.DISCARDED, 0, [])
    assert logged(round_, "mentors.round_discard") == 1
    with pytest.raises(ValidationError):
        rounds.round_accept(round=round_, by=organiser)


# --- Suggestions -------------------------------------------------------------------------


@pytest.fixture
def drafted(programme, organiser):
    """A draft round: two mentors, one request suggested to the first (better fit)."""
    best = mentor_make(programme=programme)
    second = mentor_make(programme=programme, expertise=["rights"])
    request = RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    return round_, Suggestion.objects.get(round=round_), best, second, request


def test_suggestion_override_to_another_fitting_mentor_recomputes_the_breakdown(drafted, organiser):
    round_, suggestion, best, second, _request = drafted
    changed = rounds.suggestion_override(suggestion=suggestion, mentor=second, by=organiser)
    changed.refresh_from_db()
    assert (changed.mentor_id, changed.overridden_by) == (second.pk, organiser)
    assert changed.breakdown["expertise"]["detail"] == "Covers none of the needs she named"
    round_.refresh_from_db()
    assert round_.total_score == pytest.approx(changed.score)
    assert logged(round_, "mentors.suggestion_override") == 1


def test_suggestion_override_to_a_mentor_who_breaks_a_constraint_names_it(
    programme, drafted, organiser
):
    _round, suggestion, _best, _second, _request = drafted
    farsi = mentor_make(programme=programme, languages={"fa": LanguageLevel.NATIVE})
    with pytest.raises(ValidationError) as refusal:
        rounds.suggestion_override(suggestion=suggestion, mentor=farsi, by=organiser)
    assert refusal.value.messages == [
        "This mentor does not speak any of the request's languages well enough "
        "(conversational or better)."
    ]


@pytest.mark.parametrize("status", [MatchStatus.DECLINED, MatchStatus.ENDED_EARLY])
def test_suggestion_override_refuses_a_mentor_who_declined_the_request_or_whose_match_ended(
    programme, drafted, organiser, status
):
    _round, suggestion, _best, _second, request = drafted
    refused = mentor_make(programme=programme)
    match_make(mentor=refused, request=request, status=status)
    with pytest.raises(ValidationError) as refusal:
        rounds.suggestion_override(suggestion=suggestion, mentor=refused, by=organiser)
    assert refusal.value.messages == [
        "This mentor declined this request before, or her match with it ended early: it is "
        "not offered to her again."
    ]
    assert refused.pk not in [
        m.pk for m, _s, _b in rounds.suggestion_candidates(suggestion=suggestion)
    ]


def test_suggestion_override_refuses_a_mentor_on_the_do_not_match_list(
    programme, drafted, organiser
):
    _round, suggestion, _best, second, request = drafted
    DoNotMatch.objects.create(mentor=second, request=request, source=BlockSource.ORGANISER)
    with pytest.raises(ValidationError) as refusal:
        rounds.suggestion_override(suggestion=suggestion, mentor=second, by=organiser)
    assert refusal.value.messages == ["This mentor and this request are on the do-not-match list."]


def test_suggestion_override_refuses_a_mentor_whose_seats_the_round_already_gives(
    programme, organiser
):
    full = mentor_make(programme=programme, capacity=1)
    other = mentor_make(programme=programme, capacity=1, expertise=["rights"])
    RequestFactory(programme=programme, waiting_since=timezone.now() - timedelta(days=5))
    RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    to_other = Suggestion.objects.get(round=round_, mentor=other)
    with pytest.raises(ValidationError) as refusal:
        rounds.suggestion_override(suggestion=to_other, mentor=full, by=organiser)
    assert refusal.value.messages == ["This mentor has no free place left in this round."]


def test_suggestion_override_without_a_mentor_leaves_the_request_waiting(drafted, organiser):
    round_, suggestion, *_ = drafted
    rounds.suggestion_override(suggestion=suggestion, mentor=None, by=organiser)
    suggestion.refresh_from_db()
    round_.refresh_from_db()
    assert (suggestion.mentor, suggestion.score, round_.total_score) == (None, 0, 0)


def test_suggestion_override_rescores_the_seats_the_previous_mentor_keeps(programme, organiser):
    mentor = mentor_make(programme=programme, capacity=2)
    mentor_make(programme=programme, capacity=2)
    requests = [RequestFactory(programme=programme) for _ in range(2)]
    round_ = rounds.round_run(programme=programme, by=organiser)
    # The round spreads them: one each. Move the second mentor's to the first, then back.
    moved = Suggestion.objects.exclude(mentor=mentor).get(round=round_)
    rounds.suggestion_override(suggestion=moved, mentor=mentor, by=organiser)
    places = sorted(s.breakdown["load"]["detail"] for s in Suggestion.objects.filter(round=round_))
    assert places == ["Place 1 of 2", "Place 2 of 2"]
    rounds.suggestion_override(suggestion=moved, mentor=None, by=organiser)
    kept = Suggestion.objects.get(round=round_, mentor=mentor)
    assert kept.breakdown["load"]["detail"] == "Place 1 of 2"
    assert len(requests) == 2


def test_suggestion_override_refuses_in_a_decided_round(drafted, organiser, offers):
    round_, suggestion, _best, second, _request = drafted
    rounds.round_accept(round=round_, by=organiser)
    with pytest.raises(ValidationError):
        rounds.suggestion_override(suggestion=suggestion, mentor=second, by=organiser)


def test_suggestion_candidates_are_the_other_fitting_mentors_best_first(programme, drafted):
    _round, suggestion, best, second, _request = drafted
    third = mentor_make(programme=programme, expertise=["health"], availability=[])
    mentor_make(programme=programme, languages={"fa": LanguageLevel.NATIVE})
    candidates = rounds.suggestion_candidates(suggestion=suggestion)
    assert [
        (mentor.pk, breakdown["expertise"]["value"]) for mentor, _, breakdown in candidates
    ] == [
        (third.pk, 1.0),
        (second.pk, 0.0),
    ]
    assert candidates[0][1] > candidates[1][1]
    assert best.pk != third.pk


@pytest.mark.parametrize("size", [1, 3])
def test_suggestion_candidates_queries_do_not_grow_with_the_pool(
    programme, organiser, size, django_assert_num_queries
):
    for _ in range(size):
        mentor_make(programme=programme)
    RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    suggestion = Suggestion.objects.select_related("round").get(round=round_)
    with django_assert_num_queries(7):
        candidates = rounds.suggestion_candidates(suggestion=suggestion)
        names = [str(mentor) for mentor, _, _ in candidates]
    assert len(names) == size - 1


def test_match_weights_lists_the_settings_with_labels(settings):
    settings.MENTORS_MATCH_WEIGHTS = {"expertise": 5, "availability": 1, "waiting": 2, "load": 3}
    settings.MENTORS_PRIORITY_BONUS = 40
    weights = rounds.match_weights()
    assert {key: row["weight"] for key, row in weights["weights"].items()} == {
        "expertise": 5,
        "availability": 1,
        "waiting": 2,
        "load": 3,
    }
    assert str(weights["weights"]["expertise"]["label"]) == "Expertise fit"
    assert (weights["priority_bonus"]["value"], weights["waiting_full_days"]["value"]) == (40, 30)


def test_round_run_uses_the_weights_of_the_settings(programme, organiser, settings):
    settings.MENTORS_MATCH_WEIGHTS = {"expertise": 10, "availability": 0, "waiting": 0, "load": 0}
    mentor_make(programme=programme)
    RequestFactory(programme=programme)
    round_ = rounds.round_run(programme=programme, by=organiser)
    assert Suggestion.objects.get(round=round_).score == pytest.approx(10)
    assert MatchingRound.objects.get(pk=round_.pk).weights["expertise"] == 10


@pytest.mark.parametrize("size", [1, 3])
def test_round_accept_queries_do_not_grow_with_the_offers(
    programme, organiser, offers, size, django_assert_num_queries
):
    for _ in range(size):
        mentor_make(programme=programme)
        RequestFactory(programme=programme)
    RequestFactory(programme=programme, languages=["uk"])  # left waiting
    round_ = rounds.round_run(programme=programme, by=organiser)
    # Locks and reads: the round, its suggestions, mentors (+2 prefetches), requests, blocks;
    # writes: the offers, their log entries (one insert), priorities, the round, its log entry.
    with django_assert_num_queries(20):
        matches = rounds.round_accept(round=round_, by=organiser)
    assert len(matches) == len(offers) == size
