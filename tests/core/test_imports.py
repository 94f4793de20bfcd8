"""core/imports.py and core/import_tasks.py: an import job previewed, confirmed, refused or
failed by its task; progress while it runs; the uploaded file erased when the job ends."""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

import pytest

from core import import_tasks
from core.imports import Importer, import_job_progress, import_jobs_expire
from core.models import ImportJob, ImportJobStatus

pytestmark = pytest.mark.django_db

FILE = b"email\na@example.org\nb@example.org\n"


class FakeImporter(Importer):
    """Counts every row as new, except an address at example.net, which is invalid."""

    columns = ("email",)
    calls: list = []

    def run(self, *, target_id, by, dataset, lines, dry_run, progress) -> dict:
        self.calls.append((target_id, dry_run, list(dataset["email"]), lines))
        progress(len(dataset))
        rows = [
            {
                "line": line,
                "email": email,
                "status": "invalid" if email.endswith(".net") else "new",
                "messages": ["Not here."] if email.endswith(".net") else [],
            }
            for line, email in zip(lines, dataset["email"], strict=True)
        ]
        invalid = [row for row in rows if row["status"] == "invalid"]
        return {
            "rows": rows,
            "invalid": invalid,
            "new": len(rows) - len(invalid),
            "skipped": 0,
            "valid": not invalid,
        }


class BrokenImporter(Importer):
    def run(self, **kwargs) -> dict:
        raise RuntimeError("the database went away")


FAKE = FakeImporter()
BROKEN = BrokenImporter()


def job_for(data=FILE, kind="tests.core.test_imports.FAKE", **fields) -> ImportJob:
    return ImportJob.objects.create(
        kind=kind, target_id=7, import_format="csv", data=data, filename="f.csv", **fields
    )


def test_a_valid_file_is_previewed_then_imported_and_its_file_erased():
    FakeImporter.calls = []
    job = job_for(total=2)

    import_tasks.import_preview.delay(job.pk)
    job.refresh_from_db()
    previewed = (job.status, bytes(job.data), job.summary["new"], job.summary["invalid"])
    job.status = ImportJobStatus.RUNNING
    job.save()
    import_tasks.import_confirm.delay(job.pk)
    job.refresh_from_db()

    assert previewed == (ImportJobStatus.PREVIEWED, FILE, 2, 0)
    assert (job.status, bytes(job.data), job.done) == (ImportJobStatus.DONE, b"", 2)
    assert job.finished_at is not None
    assert FakeImporter.calls == [
        (7, True, ["a@example.org", "b@example.org"], [2, 3]),
        (7, False, ["a@example.org", "b@example.org"], [2, 3]),
    ]


def test_a_file_with_bad_rows_is_refused_and_erased_keeping_the_first_errors():
    job = job_for(data=b"email\na@example.org\nc@example.net\n")

    import_tasks.import_preview.delay(job.pk)

    job.refresh_from_db()
    assert (job.status, bytes(job.data), job.errors) == (
        ImportJobStatus.REFUSED,
        b"",
        [{"line": 3, "email": "c@example.net", "status": "invalid", "messages": ["Not here."]}],
    )


def test_a_failing_import_is_recorded_and_its_file_erased():
    job = job_for(kind="tests.core.test_imports.BROKEN")

    import_tasks.import_preview.delay(job.pk)

    job.refresh_from_db()
    assert (job.status, bytes(job.data)) == (ImportJobStatus.FAILED, b"")


def test_a_task_for_a_job_in_another_state_does_nothing():
    FakeImporter.calls = []
    job = job_for(status=ImportJobStatus.PREVIEWED)

    import_tasks.import_confirm.delay(job.pk)  # not confirmed: not RUNNING
    import_tasks.import_preview.delay(job.pk)  # already previewed
    import_tasks.import_preview.delay(job.pk + 1000)  # gone

    job.refresh_from_db()
    assert (job.status, FakeImporter.calls) == (ImportJobStatus.PREVIEWED, [])


def test_progress_comes_from_the_cache_while_the_job_runs():
    job = job_for(status=ImportJobStatus.RUNNING, total=10_000, done=0)
    cache.set(f"core:import-job:{job.pk}:done", 2500)

    running = import_job_progress(job=job)
    job.status, job.done = ImportJobStatus.DONE, 10_000

    assert (running, import_job_progress(job=job)) == (2500, 10_000)


def test_unconfirmed_previews_expire_and_their_files_are_erased():
    fresh = job_for(status=ImportJobStatus.PREVIEWED)
    old = job_for(status=ImportJobStatus.PREVIEWED)
    ImportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=2))

    expired = import_tasks.import_jobs_expire_task.delay().get()

    fresh.refresh_from_db()
    old.refresh_from_db()
    assert expired == 1
    assert (fresh.status, bytes(fresh.data)) == (ImportJobStatus.PREVIEWED, FILE)
    assert (old.status, bytes(old.data)) == (ImportJobStatus.EXPIRED, b"")
    assert import_jobs_expire() == 0
