"""200 registration attempts for 50 seats, all released at once, on PostgreSQL.

Run by bench_events.py in a child process with DATABASE_URL set; prints one JSON line.
Each attempt is its own thread with its own connection, released together so they
hit the seat count at once. PostgreSQL's default max_connections is 100, so the attempts
run in waves of CONCURRENCY simultaneous clients.
"""

import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

ATTEMPTS = 200
SEATS = 50
CONCURRENCY = 64


def main() -> int:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    if connection.vendor != "postgresql":
        print("not PostgreSQL", file=sys.stderr)
        return 2
    import logging

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        from events import services
        from people.models import User
        from tests.factories.events import event_page

        event = event_page(capacity=SEATS, title="Race")
        people = User.objects.bulk_create(
            [User(email=f"race{i}@example.org") for i in range(ATTEMPTS)]
        )
        connection.close()
        go = threading.Event()

        def attempt(person):
            try:
                go.wait(timeout=30)
                return services.registration_create(event=event, person=person).status
            finally:
                connection.close()

        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            futures = [pool.submit(attempt, person) for person in people]
            time.sleep(0.5)  # let the first CONCURRENCY threads reach the starting line
            start = time.perf_counter()
            go.set()
            statuses = [future.result() for future in futures]
        seconds = time.perf_counter() - start
        from events.models import Registration

        stored = Registration.objects.filter(event=event, status="confirmed").count()
        from config.celery_app import app

        app.control.purge()
        result = {
            "throughput": round(ATTEMPTS / seconds),
            "confirmed": statuses.count("confirmed"),
            "waitlisted": statuses.count("waitlisted"),
            "stored_confirmed": stored,
            "concurrency": CONCURRENCY,
        }
        if stored != SEATS or result["confirmed"] != SEATS:
            print(json.dumps(result), file=sys.stderr)
            return 1
        print(json.dumps(result))
        return 0
    finally:
        connection.close()
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    raise SystemExit(main())
