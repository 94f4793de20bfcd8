"""Events: the full public feed of 2,000 events (a fifth of them recurring), built from
scratch and then served from the cache, and on PostgreSQL 200 concurrent registration
attempts for 50 seats."""

import json
import os
import subprocess
import sys
import time
from datetime import time as clock
from datetime import timedelta
from pathlib import Path

from django.test import Client
from django.utils import timezone

EVENTS = 2000
FEED_BUILDS = 5
ROOT = Path(__file__).resolve().parents[1]
# Messages are queued on a real broker, as in production (and purged after): the figure is
# what the web tier sustains, not the e-mail sending, which workers do.
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/15")
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def _second_tuesday(on_or_after):
    """A repeating event starts on a date its rule gives."""
    from dateutil.rrule import MONTHLY, TU, rrule

    start = timezone.datetime.combine(on_or_after, clock(0, 0))
    return rrule(MONTHLY, byweekday=TU(2), dtstart=start)[0].date()


def _events():
    from wagtail.models import Site

    from events.models import EventIndexPage, EventPage, OccurrenceChange

    root = Site.objects.get(is_default_site=True).root_page
    index = root.add_child(instance=EventIndexPage(title="Bench events", slug="bench-events"))
    today = timezone.localdate()
    zones = ["Europe/Vilnius", "Europe/Belgrade", "Europe/Brussels", "Europe/Madrid"]
    for i in range(EVENTS):
        recurring = i % 5 == 0
        page = index.add_child(
            instance=EventPage(
                title=f"Event {i}",
                slug=f"event-{i}",
                kind="coordination_meeting" if recurring else "training",
                summary="Coordination of the local response to violence against women.",
                start_date=_second_tuesday(today + timedelta(days=i % 300))
                if recurring
                else today + timedelta(days=i % 300),
                start_time=clock(10, 0),
                end_time=clock(12, 0),
                time_zone=zones[i % len(zones)],
                country="XK" if i % 2 else "LT",
                languages=["sq", "sr"] if i % 2 else ["lt"],
                recurrence="FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12" if recurring else "",
            )
        )
        if recurring:
            first = page.schedule(changes=[]).occurrences(limit=2)
            OccurrenceChange.objects.create(page=page, original_date=first[-1].key, action="cancel")
    return index


def _pg_race() -> dict | None:
    """Run bench/pg_race.py in a child process against PostgreSQL (it needs its own
    settings); None when no server answers."""
    env = dict(
        os.environ,
        DATABASE_URL=PG_URL,
        CELERY_BROKER_URL=BROKER_URL,
        CELERY_RESULT_BACKEND="",
        PYTHONPATH=f"{ROOT}:{ROOT / 'site'}",
    )
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, str(ROOT / "bench" / "pg_race.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        print(f"(registration race skipped: {result.stderr.strip()[-300:]})", file=sys.stderr)
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def run():
    import logging

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    index = _events()
    client = Client()
    url = index.url + index.reverse_subpage("feed")
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    size = len(response.content)
    from django.core.cache import cache

    seconds = 0.0
    for _ in range(FEED_BUILDS):
        cache.clear()  # a full build each time
        start = time.perf_counter()
        client.get(url)
        seconds += time.perf_counter() - start
    feed_ms = seconds / FEED_BUILDS * 1000
    start = time.perf_counter()
    for _ in range(FEED_BUILDS):
        client.get(url)  # served from the cache until an event is published
    cached_ms = (time.perf_counter() - start) / FEED_BUILDS * 1000
    results = [
        ("events_feed_2000", round(feed_ms, 1), "ms"),
        ("events_feed_2000_cached", round(cached_ms, 1), "ms"),
        ("events_feed_2000_size", round(size / 1024 / 1024, 2), "MiB"),
    ]
    race = _pg_race()
    if race is not None:
        results += [
            ("registration_race_pg_throughput", race["throughput"], "registrations/s"),
            ("registration_race_pg_confirmed", race["confirmed"], "of 50 seats"),
            ("registration_race_pg_waitlisted", race["waitlisted"], "of 200 attempts"),
            ("registration_race_pg_concurrency", race["concurrency"], "simultaneous clients"),
        ]
    return results
