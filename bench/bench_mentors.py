"""The mentors' matching engine: a round of 5,000 requests against 500 mentors.

Synthetic but shaped like the programme: four countries with five regions each, a few
common migrant languages and each country's own, most women meeting in person, mentors
with capacities 1–5 and some seats already taken. The engine is pure (no database), so
the figures are the solver's alone.
"""

import random
import time

from mentors.enums import AVAILABILITY_SLOTS, Expertise, MeetingFormat
from mentors.matching import MentorIn, RequestIn, match_greedy, match_round

COUNTRIES = {"ES": "es", "IT": "it", "GR": "el", "SI": "sl"}
REGIONS = {country: [index * 10 + r for r in range(5)] for index, country in enumerate(COUNTRIES)}
REGION_COUNTRY = {region: country for country, ids in REGIONS.items() for region in ids}
MIGRANT_LANGUAGES = ["ar", "fa", "uk", "fr", "ti", "so", "sq", "en", "ru", "tr"]
LANGUAGE_WEIGHTS = [25, 12, 15, 10, 5, 5, 6, 12, 6, 4]
SLOTS = [slot for slot, _ in AVAILABILITY_SLOTS]
EXPERTISE = [choice.value for choice in Expertise]
WEIGHTS = {"expertise": 4, "availability": 2, "waiting": 2, "load": 2}


def _formats(rng, in_person, online):
    roll = rng.random()
    if roll < in_person:
        return frozenset({MeetingFormat.IN_PERSON.value})
    if roll < in_person + online:
        return frozenset({MeetingFormat.ONLINE.value})
    return frozenset({MeetingFormat.IN_PERSON.value, MeetingFormat.ONLINE.value})


def instance(n_requests=5000, n_mentors=500, seed=11):
    rng = random.Random(seed)
    countries = list(COUNTRIES)
    mentors = []
    for j in range(n_mentors):
        country = rng.choice(countries)
        languages = {COUNTRIES[country]}
        languages.update(rng.choices(MIGRANT_LANGUAGES, LANGUAGE_WEIGHTS, k=rng.randint(1, 2)))
        regions = frozenset(rng.sample(REGIONS[country], rng.randint(1, 2)))
        if rng.random() < 0.3:
            regions = frozenset()
        capacity = rng.randint(1, 5)
        load = rng.randint(0, capacity) if rng.random() < 0.3 else 0
        mentors.append(
            MentorIn(
                id=j + 1,
                languages=frozenset(languages),
                countries=frozenset({country}),
                regions=regions,
                region_countries=frozenset(REGION_COUNTRY[r] for r in regions),
                formats=_formats(rng, 0.4, 0.1),
                availability=frozenset(rng.sample(SLOTS, rng.randint(2, 10))),
                expertise=frozenset(rng.sample(EXPERTISE, rng.randint(2, 5))),
                seats_free=capacity - load,
                load=load,
                capacity=capacity,
            )
        )
    requests = []
    for i in range(n_requests):
        country = rng.choice(countries)
        languages = set(rng.choices(MIGRANT_LANGUAGES, LANGUAGE_WEIGHTS, k=rng.randint(1, 2)))
        if rng.random() < 0.3:
            languages.add(COUNTRIES[country])
        requests.append(
            RequestIn(
                id=i + 1,
                languages=frozenset(languages),
                country=country,
                region=rng.choice(REGIONS[country]) if rng.random() < 0.9 else None,
                formats=_formats(rng, 0.5, 0.15),
                availability=frozenset(rng.sample(SLOTS, rng.randint(0, 8))),
                needs=frozenset(rng.sample(EXPERTISE, rng.randint(1, 3))),
                waiting_days=rng.uniform(0, 90),
                priority=rng.random() < 0.1,
                blocked=frozenset(rng.sample(range(1, n_mentors + 1), 1))
                if rng.random() < 0.02
                else frozenset(),
            )
        )
    return requests, mentors


def run():
    requests, mentors = instance()
    options = {"weights": WEIGHTS, "priority_bonus": 50, "waiting_full_days": 30}
    start = time.perf_counter()
    optimal = match_round(requests, mentors, **options)
    optimal_seconds = time.perf_counter() - start
    start = time.perf_counter()
    greedy = match_greedy(requests, mentors, **options)
    greedy_seconds = time.perf_counter() - start
    return [
        ("mentors_match_5000x500", round(optimal_seconds, 2), "s"),
        ("mentors_greedy_5000x500", round(greedy_seconds, 2), "s"),
        (
            "mentors_optimal_over_greedy",
            round(optimal.total_score / greedy.total_score, 4),
            "ratio",
        ),
        ("mentors_matched_optimal", len(optimal.suggestions), "requests"),
        ("mentors_matched_greedy", len(greedy.suggestions), "requests"),
    ]
