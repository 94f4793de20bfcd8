"""Imports on PostgreSQL: the preview and the confirmation of a 10,000-row enrolment file
and of a 10,000-row sign-in sheet, through the admin views as an organiser uses them
(upload → preview job → confirm job; tasks run eagerly, so each figure is the whole job).

``run()`` starts this file again in a child process with DATABASE_URL pointing at
BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres; the test runner
creates and drops its own ``test_…`` database there). No server, no figures.
"""

import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
ROWS = 10_000


def _people(prefix: str, count: int):
    from people.models import Profile, User

    users = User.objects.bulk_create(
        [User(email=f"{prefix}{i}@bench.example.org") for i in range(count)], batch_size=5000
    )
    Profile.objects.bulk_create(
        [Profile(user=user, display_name=f"Person {i}") for i, user in enumerate(users)],
        batch_size=5000,
    )
    return users


def _organiser():
    from tests.factories import UserFactory, totp_activate

    user = UserFactory(email="bench-admin@example.org", is_staff=True, is_superuser=True)
    totp_activate(user)
    return user


def _timed(client, url, data) -> tuple[float, object]:
    start = time.perf_counter()
    response = client.post(url, data)
    seconds = time.perf_counter() - start
    assert response.status_code == 302, (response.status_code, url)
    return seconds, response


def _upload(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _import(client, url, filename, sheet) -> dict:
    """Preview and confirm one file; seconds for each, and the page size of the preview."""
    from core.models import ImportJob

    preview_s, response = _timed(client, url, {"file": _upload(filename, sheet)})
    page = client.get(response.url)
    job = ImportJob.objects.get(pk=page.context["job"].pk)
    assert job.status == "previewed", (job.status, job.errors[:3])
    confirm_s, _response = _timed(client, url, {"job": job.pk})
    job.refresh_from_db()
    assert job.status == "done", (job.status, job.errors[:3])
    return {"preview": preview_s, "confirm": confirm_s, "page_kib": len(page.content) / 1024}


def _enrolments(client) -> dict:
    from django.urls import reverse

    from wagtail.models import Site

    from courses.models import CourseIndexPage, CoursePage

    home = Site.objects.get(is_default_site=True).root_page.specific
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="bench-courses"))
    course = index.add_child(
        instance=CoursePage(
            title="Bench: import [10,000]", slug="bench-import", summary="Bench", tracks=["mentor"]
        )
    )
    course.save_revision().publish()
    people = _people("learner", ROWS)
    sheet = "email,cohort\n" + "".join(f"{person.email},\n" for person in people)
    return _import(client, reverse("courses_admin:import", args=[course.pk]), "learners.csv", sheet)


def _sign_in_sheet(client) -> dict:
    from django.urls import reverse
    from django.utils import timezone

    from events.enums import RegistrationStatus
    from events.models import Registration
    from tests.factories.events import event_page

    day = timezone.localdate() - timedelta(days=3)
    event = event_page(start_date=day, capacity=None, title="Bench: sign-in sheet")
    people = _people("participant", ROWS)
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event, person=person, status=RegistrationStatus.CONFIRMED, confirmed_at=now
            )
            for person in people
        ],
        batch_size=5000,
    )
    sheet = "email,date,attended\n" + "".join(
        f"{person.email},{day:%d.%m.%Y},yes\n" for person in people
    )
    return _import(client, reverse("events_admin:import", args=[event.pk]), "sheet.csv", sheet)


def child() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import logging

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    if connection.vendor != "postgresql":
        print("not PostgreSQL", file=sys.stderr)
        return 2
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        client = Client()
        client.force_login(_organiser())
        figures = {"enrolments": _enrolments(client), "sign_in": _sign_in_sheet(client)}
    finally:
        teardown_databases(old, verbosity=0)
    print(json.dumps(figures))
    return 0


def run():
    env = dict(
        os.environ,
        DATABASE_URL=PG_URL,
        CELERY_BROKER_URL="",
        CELERY_RESULT_BACKEND="",
        PYTHONPATH=f"{ROOT}:{ROOT / 'site'}",
    )
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, str(Path(__file__).resolve()), "--child"],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        print(f"(imports on PostgreSQL skipped: {result.stderr.strip()[-500:]})", file=sys.stderr)
        return []
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return [
        (f"import_{kind}_{ROWS}_pg_{step}", round(figures[kind][step], 2), "s")
        for kind in ("enrolments", "sign_in")
        for step in ("preview", "confirm")
    ] + [
        (f"import_{kind}_{ROWS}_preview_page", round(figures[kind]["page_kib"], 1), "KiB")
        for kind in ("enrolments", "sign_in")
    ]


if __name__ == "__main__" and "--child" in sys.argv:
    raise SystemExit(child())
