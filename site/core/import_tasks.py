"""Celery tasks for spreadsheet imports (``core.imports``): thin, take a job id, idempotent
(a job not in the expected state is left alone). No retries: a failed import is recorded
on its job and the organiser uploads the file again."""

from celery import shared_task

from .imports import import_job_run, import_jobs_expire


@shared_task(name="core.import_preview")
def import_preview(job_id: int) -> None:
    import_job_run(job_id=job_id, dry_run=True)


@shared_task(name="core.import_confirm")
def import_confirm(job_id: int) -> None:
    import_job_run(job_id=job_id, dry_run=False)


@shared_task(name="core.import_jobs_expire")
def import_jobs_expire_task() -> int:
    return import_jobs_expire()
