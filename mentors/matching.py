"""The matching engine: a whole round as one assignment problem, and why.

Pure functions over plain data (``RequestIn``, ``MentorIn``): no database here, so the
engine is tested against a brute-force optimum and timed on 5,000 × 500 in ``bench/``.
``mentors.rounds`` builds the inputs from the models and stores the answer.

- Hard constraints (``feasible``): a shared language (the mentor's at conversational level
  or better); in person in her country and region, or online on both sides; the mentor's
  free seats; no do-not-match pair.
- Score (``pair_score``): expertise fit, availability overlap, waiting time and load
  balance, each a value in 0..1 times its weight, plus a bonus for priority requests.
  Each criterion keeps a short sentence saying why it scored what it did.
- Optimal (``match_round``): each mentor becomes one column per free seat (her k-th seat
  scores the load balance she would have with k more), and scipy's
  ``linear_sum_assignment`` maximises the round's total score. Only mentors a request could
  have, and only as many seats as they could fill, become columns; each connected group of
  requests and mentors is solved on its own. Both reductions keep the optimum exact.
- Greedy (``match_greedy``): the baseline the admin and the bench compare with.
- Unmatched: the first constraint that leaves a request with no mentor at all, in the
  order of ``UnmatchedReason``; if some mentor fitted, she was outcompeted.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext, gettext_lazy, ngettext

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .enums import MeetingFormat, UnmatchedReason

IN_PERSON = MeetingFormat.IN_PERSON.value
ONLINE = MeetingFormat.ONLINE.value

# The weighted criteria (MENTORS_MATCH_WEIGHTS' keys), then the priority bonus.
WEIGHTED = ("expertise", "availability", "waiting", "load")
CRITERIA = (*WEIGHTED, "priority")
CRITERION_LABELS = {
    "expertise": gettext_lazy("Expertise fit"),
    "availability": gettext_lazy("Availability overlap"),
    "waiting": gettext_lazy("Waiting time"),
    "load": gettext_lazy("Load balance"),
    "priority": gettext_lazy("Priority"),
}
CRITERION_HELP = {
    "expertise": gettext_lazy("The share of the request's needs the mentor has expertise in."),
    "availability": gettext_lazy(
        "How many weekly time slots they share, as a share of the shorter list "
        "(half marks when either side gave none)."
    ),
    "waiting": gettext_lazy("How long the request has waited, full marks from the set days on."),
    "load": gettext_lazy(
        "How free the mentor still is: her first free place scores highest, her last one least."
    ),
    "priority": gettext_lazy(
        "A bonus for requests left waiting by an earlier round or that lost their match."
    ),
}


@dataclass(frozen=True)
class MentorIn:
    """A mentor as the engine sees her. ``languages``: conversational level or better only.
    ``region_countries``: the countries of ``regions`` (in a country where she lists
    regions, she meets in person only there; elsewhere in her countries, anywhere)."""

    id: int
    languages: frozenset[str]
    countries: frozenset[str]
    regions: frozenset[int]
    formats: frozenset[str]
    availability: frozenset[str]
    expertise: frozenset[str]
    seats_free: int  # capacity - holding matches - open offers
    load: int  # holding matches + open offers
    capacity: int
    region_countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RequestIn:
    """A request as the engine sees it. ``blocked``: mentor ids never to suggest for it
    (do-not-match pairs, and mentors who declined it or whose match with it ended early)."""

    id: int
    languages: frozenset[str]
    country: str
    region: int | None
    formats: frozenset[str]
    availability: frozenset[str]
    needs: frozenset[str]
    waiting_days: float = 0.0
    priority: bool = False
    blocked: frozenset[int] = frozenset()


@dataclass
class Criterion:
    """One line of a score's explanation: ``points = value × weight``."""

    key: str
    value: float
    weight: float
    points: float
    detail: str
    params: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "value": round(self.value, 4),
            "weight": self.weight,
            "points": round(self.points, 4),
            "detail": self.detail,
            "params": self.params,
        }


@dataclass
class Pair:
    """A suggested mentor for a request, on her ``seat_index``-th free seat."""

    request_id: int
    mentor_id: int
    seat_index: int
    score: float
    breakdown: list[Criterion]

    def breakdown_dict(self) -> dict:
        """{criterion key: {value, weight, points, detail, params}} for a JSONField."""
        return breakdown_dict(self.breakdown)


@dataclass
class RoundResult:
    suggestions: list[Pair]
    unmatched: dict[int, str]  # request id → UnmatchedReason value
    total_score: float


# --- One pair --------------------------------------------------------------------------


def _place_ok(request: RequestIn, mentor: MentorIn) -> bool:
    if ONLINE in request.formats and ONLINE in mentor.formats:
        return True
    if IN_PERSON not in request.formats or IN_PERSON not in mentor.formats:
        return False
    if request.country not in mentor.countries | mentor.region_countries:
        return False
    # Her region unknown, or the mentor lists no regions in her country: the whole country.
    if request.region is None or request.country not in mentor.region_countries:
        return True
    return request.region in mentor.regions


def feasible(request: RequestIn, mentor: MentorIn) -> str | None:
    """None if the pair is allowed, else the first constraint it breaks (an
    ``UnmatchedReason`` value, in that enum's order)."""
    if not request.languages & mentor.languages:
        return UnmatchedReason.NO_LANGUAGE.value
    if not _place_ok(request, mentor):
        return UnmatchedReason.NO_PLACE.value
    if mentor.id in request.blocked:
        return UnmatchedReason.BLOCKED.value
    if mentor.seats_free <= 0:
        return UnmatchedReason.NO_CAPACITY.value
    return None


def criterion_detail(key: str, params: Mapping) -> str:
    """The sentence explaining a criterion, in the active language (stored breakdowns keep
    ``params`` so a page can say it again in its reader's language)."""
    if key == "expertise":
        if not params.get("needs"):
            return gettext("No particular need named")
        if params["covered"] == params["needs"]:
            return gettext("Covers every need she named")
        if not params["covered"]:
            return gettext("Covers none of the needs she named")
        return ngettext(
            "Covers %(covered)s of the %(needs)s need",
            "Covers %(covered)s of the %(needs)s needs",
            params["needs"],
        ) % {"covered": params["covered"], "needs": params["needs"]}
    if key == "availability":
        if not params.get("given"):
            return gettext("No weekly availability given on one side")
        if not params["shared"]:
            return gettext("No shared time slot")
        return ngettext(
            "%(count)s shared time slot", "%(count)s shared time slots", params["shared"]
        ) % {"count": params["shared"]}
    if key == "waiting":
        return ngettext("Waiting %(days)s day", "Waiting %(days)s days", params["days"]) % {
            "days": params["days"]
        }
    if key == "load":
        return gettext("Place %(place)s of %(capacity)s") % params
    if key == "priority":
        if params.get("priority"):
            return gettext("Left waiting by an earlier round or lost a match: matched first")
        return gettext("No priority")
    return ""


def _values(
    request: RequestIn, mentor: MentorIn, seat_index: int, waiting_full_days: float
) -> dict[str, tuple[float, dict]]:
    needs = len(request.needs)
    covered = len(request.needs & mentor.expertise)
    expertise = covered / needs if needs else 0.5
    shorter = min(len(request.availability), len(mentor.availability))
    shared = len(request.availability & mentor.availability)
    availability = shared / shorter if shorter else 0.5
    waiting = min(1.0, request.waiting_days / waiting_full_days) if waiting_full_days > 0 else 1.0
    capacity = max(mentor.capacity, 1)
    load = 1 - (mentor.load + seat_index) / capacity
    return {
        "expertise": (expertise, {"covered": covered, "needs": needs}),
        "availability": (availability, {"shared": shared, "given": bool(shorter)}),
        "waiting": (waiting, {"days": int(request.waiting_days)}),
        "load": (load, {"place": mentor.load + seat_index + 1, "capacity": capacity}),
    }


def pair_score(
    request: RequestIn,
    mentor: MentorIn,
    seat_index: int,
    weights: Mapping[str, float],
    *,
    priority_bonus: float,
    waiting_full_days: float,
) -> tuple[float, list[Criterion]]:
    """The score of giving ``request`` the mentor's ``seat_index``-th free seat (0: the
    first), and its per-criterion breakdown. Feasibility is not checked here."""
    breakdown = []
    for key, (value, params) in _values(request, mentor, seat_index, waiting_full_days).items():
        weight = weights.get(key, 0)
        breakdown.append(
            Criterion(key, value, weight, value * weight, criterion_detail(key, params), params)
        )
    params = {"priority": request.priority}
    bonus = priority_bonus if request.priority else 0
    breakdown.append(
        Criterion(
            "priority",
            float(request.priority),
            priority_bonus,
            bonus,
            criterion_detail("priority", params),
            params,
        )
    )
    return sum(criterion.points for criterion in breakdown), breakdown


def breakdown_dict(breakdown: Iterable[Criterion]) -> dict:
    return {criterion.key: criterion.as_dict() for criterion in breakdown}


def breakdown_rows(breakdown: Mapping) -> list[dict]:
    """A stored breakdown as rows in the criteria's order, each with ``key``, ``label``
    and its ``detail`` said again in the active language (for tables)."""
    rows = []
    for key in CRITERIA:
        if key not in breakdown:
            continue
        row = dict(breakdown[key])
        row["key"] = key
        row["label"] = CRITERION_LABELS[key]
        if "params" in row:
            row["detail"] = criterion_detail(key, row["params"])
        rows.append(row)
    return rows


# --- The whole round, vectorised -------------------------------------------------------


def _bits(sets: Sequence[Iterable], vocabulary: dict) -> np.ndarray:
    """Each set as a row of 64-bit words (as many words as the vocabulary needs)."""
    words = max(1, -(-len(vocabulary) // 64))
    out = np.zeros((len(sets), words), dtype=np.uint64)
    for row, items in enumerate(sets):
        for item in items:
            index = vocabulary.get(item)
            if index is not None:
                out[row, index >> 6] |= np.uint64(1) << np.uint64(index & 63)
    return out


def _vocabulary(*families: Iterable[Iterable]) -> dict:
    items = sorted({item for family in families for items in family for item in items}, key=str)
    return {item: index for index, item in enumerate(items)}


def _shared(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """|a_i ∩ b_j| for every pair (rows of bit words)."""
    out = np.zeros((a.shape[0], b.shape[0]), dtype=np.int16)
    for word in range(a.shape[1]):
        out += np.bitwise_count(a[:, None, word] & b[None, :, word])
    return out


def _popcount(a: np.ndarray) -> np.ndarray:
    return np.bitwise_count(a).sum(axis=1, dtype=np.int16)


class _Round:
    """The feasibility, the reasons and the score matrices of one round."""

    def __init__(
        self,
        requests: Sequence[RequestIn],
        mentors: Sequence[MentorIn],
        weights: Mapping[str, float],
        priority_bonus: float,
        waiting_full_days: float,
    ):
        if any(weights.get(key, 0) < 0 for key in WEIGHTED) or priority_bonus < 0:
            raise ValueError("Matching weights and the priority bonus cannot be negative.")
        self.requests, self.mentors = list(requests), list(mentors)
        self.weights = weights
        self.priority_bonus, self.waiting_full_days = priority_bonus, waiting_full_days
        n, m = len(self.requests), len(self.mentors)
        rq, mt = self.requests, self.mentors

        def encode(request_sets, mentor_sets):
            vocabulary = _vocabulary(request_sets, mentor_sets)
            return _bits(request_sets, vocabulary), _bits(mentor_sets, vocabulary)

        r_lang, m_lang = encode([r.languages for r in rq], [x.languages for x in mt])
        lang = _shared(r_lang, m_lang) > 0

        def flag(items, value):
            return np.array([value in item.formats for item in items], dtype=bool)

        online = flag(rq, ONLINE)[:, None] & flag(mt, ONLINE)[None, :]
        r_country, m_served = encode(
            [(r.country,) for r in rq], [x.countries | x.region_countries for x in mt]
        )
        _, m_restricts = encode([(r.country,) for r in rq], [x.region_countries for x in mt])
        served = _shared(r_country, m_served) > 0
        restricted = _shared(r_country, m_restricts) > 0
        r_region, m_region = encode(
            [() if r.region is None else (r.region,) for r in rq], [x.regions for x in mt]
        )
        no_region = np.array([r.region is None for r in rq], dtype=bool)[:, None]
        region_ok = no_region | ~restricted | (_shared(r_region, m_region) > 0)
        in_person = flag(rq, IN_PERSON)[:, None] & flag(mt, IN_PERSON)[None, :]
        place = lang & (online | (in_person & served & region_ok))

        self.mentor_index = {mentor.id: j for j, mentor in enumerate(mt)}
        blocked = np.zeros((n, m), dtype=bool)
        for i, request in enumerate(rq):
            for mentor_id in request.blocked:
                j = self.mentor_index.get(mentor_id)
                if j is not None:
                    blocked[i, j] = True
        unblocked = place & ~blocked
        self.seats = np.array([max(0, x.seats_free) for x in mt], dtype=np.int64)
        self.feasible = unblocked & (self.seats > 0)[None, :]

        # The first stage that leaves a request no mentor at all (None: some mentor fits).
        self.reasons: list[str | None] = [None] * n
        stages = (
            (UnmatchedReason.NO_LANGUAGE, lang),
            (UnmatchedReason.NO_PLACE, place),
            (UnmatchedReason.BLOCKED, unblocked),
            (UnmatchedReason.NO_CAPACITY, self.feasible),
        )
        for i in range(n):
            if not m:
                self.reasons[i] = UnmatchedReason.NO_ACTIVE_MENTOR.value
                continue
            for reason, allowed in stages:
                if not allowed[i].any():
                    self.reasons[i] = reason.value
                    break

        # Scores: the part of a pair that does not depend on the seat …
        r_needs, m_expertise = encode([r.needs for r in rq], [x.expertise for x in mt])
        needs = _popcount(r_needs).astype(np.float64)[:, None]
        covered = _shared(r_needs, m_expertise)
        expertise = np.where(needs > 0, covered / np.maximum(needs, 1), 0.5)
        r_slots, m_slots = encode([r.availability for r in rq], [x.availability for x in mt])
        shorter = np.minimum(_popcount(r_slots)[:, None], _popcount(m_slots)[None, :])
        availability = np.where(
            shorter > 0, _shared(r_slots, m_slots) / np.maximum(shorter, 1), 0.5
        )
        days = np.array([r.waiting_days for r in rq], dtype=np.float64)
        waiting = np.minimum(1.0, days / waiting_full_days) if waiting_full_days > 0 else np.ones(n)
        priority = np.array([r.priority for r in rq], dtype=np.float64) * priority_bonus
        self.pair = (
            weights.get("expertise", 0) * expertise
            + weights.get("availability", 0) * availability
            + (weights.get("waiting", 0) * waiting + priority)[:, None]
        )
        # … and the mentor's seat term: w_load × (1 − (load + k) / capacity) for seat k.
        self.load = np.array([x.load for x in mt], dtype=np.float64)
        self.capacity = np.array([max(x.capacity, 1) for x in mt], dtype=np.float64)
        self.w_load = weights.get("load", 0)

    def seat_term(self, j, k):
        return self.w_load * (1 - (self.load[j] + k) / self.capacity[j])

    def result(self, assigned: Mapping[int, list[int]]) -> RoundResult:
        """Pairs from {mentor index: request indices}; a mentor's best-fitting request takes
        her first seat (the seat terms' sum does not depend on who takes which)."""
        suggestions, matched = [], set()
        for j, indices in assigned.items():
            indices = sorted(indices, key=lambda i: (-self.pair[i, j], self.requests[i].id))
            for seat, i in enumerate(indices):
                request, mentor = self.requests[i], self.mentors[j]
                score, breakdown = pair_score(
                    request,
                    mentor,
                    seat,
                    self.weights,
                    priority_bonus=self.priority_bonus,
                    waiting_full_days=self.waiting_full_days,
                )
                suggestions.append(Pair(request.id, mentor.id, seat, score, breakdown))
                matched.add(i)
        suggestions.sort(key=lambda pair: (-pair.score, pair.request_id))
        unmatched = {
            request.id: self.reasons[i] or UnmatchedReason.OUTCOMPETED.value
            for i, request in enumerate(self.requests)
            if i not in matched
        }
        return RoundResult(suggestions, unmatched, sum(pair.score for pair in suggestions))


def match_round(
    requests: Sequence[RequestIn],
    mentors: Sequence[MentorIn],
    *,
    weights: Mapping[str, float],
    priority_bonus: float,
    waiting_full_days: float,
) -> RoundResult:
    """The round's optimal matching: the highest total score under the hard constraints."""
    state = _Round(requests, mentors, weights, priority_bonus, waiting_full_days)
    feasible_ = state.feasible
    rows = np.flatnonzero(feasible_.any(axis=1))
    cols = np.flatnonzero(feasible_.any(axis=0))
    assigned: dict[int, list[int]] = {}
    if rows.size:
        sub = feasible_[np.ix_(rows, cols)]
        r_idx, c_idx = np.nonzero(sub)
        graph = coo_matrix(
            (np.ones(r_idx.size), (r_idx, rows.size + c_idx)),
            shape=(rows.size + cols.size,) * 2,
        )
        _, labels = connected_components(graph, directed=False)
        for label in np.unique(labels[: rows.size]):
            comp_rows = rows[labels[: rows.size] == label]
            comp_cols = cols[labels[rows.size :] == label]
            _solve(state, comp_rows, comp_cols, assigned)
    return state.result(assigned)


def _solve(state: _Round, rows: np.ndarray, cols: np.ndarray, assigned: dict) -> None:
    feasible_ = state.feasible[np.ix_(rows, cols)]
    # A mentor never fills more seats than requests she could take.
    seats = np.minimum(state.seats[cols], feasible_.sum(axis=0))
    col_mentor = np.repeat(np.arange(cols.size), seats)
    col_seat = np.arange(col_mentor.size) - np.repeat(np.cumsum(seats) - seats, seats)
    mentors = cols[col_mentor]
    scores = state.pair[np.ix_(rows, mentors)] + state.seat_term(mentors, col_seat)[None, :]
    allowed = feasible_[:, col_mentor]
    scores = np.where(allowed, scores, 0.0)
    picked_rows, picked_cols = linear_sum_assignment(scores, maximize=True)
    for r, c in zip(picked_rows, picked_cols, strict=True):
        if allowed[r, c]:
            assigned.setdefault(int(mentors[c]), []).append(int(rows[r]))


def match_greedy(
    requests: Sequence[RequestIn],
    mentors: Sequence[MentorIn],
    *,
    weights: Mapping[str, float],
    priority_bonus: float,
    waiting_full_days: float,
) -> RoundResult:
    """The baseline: requests one by one (priority first, then the longest waiting), each
    taking the mentor whose next free seat scores best for her."""
    state = _Round(requests, mentors, weights, priority_bonus, waiting_full_days)
    used = np.zeros(len(state.mentors), dtype=np.int64)
    everyone = np.arange(len(state.mentors))
    assigned: dict[int, list[int]] = {}
    order = sorted(
        range(len(state.requests)),
        key=lambda i: (
            not state.requests[i].priority,
            -state.requests[i].waiting_days,
            state.requests[i].id,
        ),
    )
    for i in order:
        open_ = state.feasible[i] & (used < state.seats)
        if not open_.any():
            continue
        scores = np.where(open_, state.pair[i] + state.seat_term(everyone, used), -np.inf)
        j = int(np.argmax(scores))
        used[j] += 1
        assigned.setdefault(j, []).append(i)
    return state.result(assigned)
