"""The participation ledger: how fast feature apps can write to it, and the home page."""

import time

from django.test import Client


def _timed(fn, repeat: int) -> float:
    start = time.perf_counter()
    for i in range(repeat):
        fn(i)
    return time.perf_counter() - start


def run():
    from impact.enums import ParticipationKind
    from impact.services import participation_record
    from people.models import Organisation, User

    source = Organisation.objects.create(name="Bench source")
    people = User.objects.bulk_create([User(email=f"bench{i}@example.org") for i in range(2000)])
    seconds = _timed(
        lambda i: participation_record(
            kind=ParticipationKind.EVENT_ATTENDED, source=source, person=people[i]
        ),
        len(people),
    )
    repeat_seconds = _timed(
        lambda i: participation_record(
            kind=ParticipationKind.EVENT_ATTENDED, source=source, person=people[i]
        ),
        len(people),
    )
    client = Client()
    client.get("/")
    n = 50
    page_seconds = _timed(lambda i: client.get("/"), n)
    return [
        ("ledger_record_new", round(len(people) / seconds), "rows/s"),
        ("ledger_record_repeat", round(len(people) / repeat_seconds), "calls/s"),
        ("home_page_render", round(page_seconds / n * 1000, 1), "ms"),
    ]
