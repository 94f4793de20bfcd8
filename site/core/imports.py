"""One spreadsheet import for every feature app: upload → preview (a dry run) → confirm,
each run by a Celery task (``core.import_tasks``) on an ``ImportJob`` whose progress the
organiser watches.

A feature app supplies an ``Importer`` (the columns it reads and how to run its
django-import-export resource) and an ``ImportView`` subclass (its permission, the page it
imports into, its template). The preview shows counts, the first bad rows and a page of
good rows, never the whole file; the file is erased from the job when the job ends.
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views import View

from .forms import ImportConfirmForm, ImportUploadForm
from .models_imports import ImportJob
from .models_imports import ImportJobStatus as Status
from .spreadsheets import TableError, read_table

logger = logging.getLogger(__name__)

PREVIEW_MAX_AGE = timedelta(hours=1)  # a preview may be confirmed for an hour
PREVIEW_ROWS = 50  # good rows shown in a preview
PREVIEW_ERRORS = 100  # bad rows shown (and kept) at most
PROGRESS_EVERY = 250  # rows between two progress reports
REFRESH_SECONDS = 2


# --- What a feature app supplies -------------------------------------------------------------


class Importer:
    """How to import one kind of file. ``columns``: the columns read (the first is
    required); ``run`` imports (or previews) ``dataset`` into the page ``target_id`` and
    returns ``import_result_preview``'s dict, calling ``progress(rows_done)`` as it goes."""

    columns: tuple[str, ...] = ("email",)
    # Other names a column may have (lazy translations: the site's own export headers).
    aliases: dict = {}

    def run(self, *, target_id: int, by, dataset, lines, dry_run: bool, progress) -> dict:
        raise NotImplementedError


class RowProgressMixin:
    """For a django-import-export resource: file line numbers for messages, and progress
    reported every ``PROGRESS_EVERY`` rows."""

    line_numbers: list[int] = []
    progress: Callable[[int], None] | None = None

    def line_number(self, row_number: int | None) -> int:
        if row_number is None:
            return 0
        if 0 < row_number <= len(self.line_numbers):
            return self.line_numbers[row_number - 1]
        return row_number + 1

    def after_import_row(self, row, row_result, **kwargs):
        super().after_import_row(row, row_result, **kwargs)
        number = kwargs.get("row_number") or 0
        if self.progress is not None and number % PROGRESS_EVERY == 0:
            self.progress(number)


def import_result_preview(result, *, columns, line_of, notes=None, label: str) -> dict:
    """Turn a django-import-export Result into what the organiser sees: one entry per
    non-blank row with its file line, the ``columns`` values, a status and messages."""
    from import_export.results import RowResult

    notes = notes or {}
    rows = []
    for number, row_result in enumerate(result.rows, start=1):
        values = row_result.row_values or {}
        if row_result.import_type == RowResult.IMPORT_TYPE_SKIP and not any(
            str(v or "").strip() for v in values.values()
        ):
            continue
        line = line_of(number)
        entry = {
            "line": line,
            **{column: values.get(column, "") for column in columns},
            "status": row_result.import_type,
            "messages": [notes[number]] if number in notes else [],
        }
        if row_result.validation_error is not None:
            entry["status"] = "invalid"
            entry["messages"] = list(row_result.validation_error.messages)
        elif row_result.errors:
            for error in row_result.errors:
                logger.warning("%s, line %s: %r", label, line, error.error)
            entry["status"] = "invalid"
            entry["messages"] = [_("This row could not be imported.")]
        rows.append(entry)
    for error in result.base_errors:
        logger.warning("%s failed: %r", label, error.error)
    invalid = [row for row in rows if row["status"] == "invalid"]
    return {
        "rows": rows,
        "invalid": invalid,
        "new": sum(1 for row in rows if row["status"] == RowResult.IMPORT_TYPE_NEW),
        "skipped": sum(1 for row in rows if row["status"] == RowResult.IMPORT_TYPE_SKIP),
        "valid": not invalid and not result.base_errors,
    }


# --- Jobs -------------------------------------------------------------------------------------


def _progress_key(job_id: int) -> str:
    return f"core:import-job:{job_id}:done"


def import_job_progress(*, job: ImportJob) -> int:
    """Rows done so far. Read from the cache while the job runs: its rows are written in
    one transaction, which nobody else sees until it commits."""
    if job.is_working:
        return min(max(job.done, cache.get(_progress_key(job.pk), 0)), job.total)
    return job.done


def import_jobs_expire(*, now=None) -> int:
    """Erase the file of every preview not confirmed in time, and of any job stuck."""
    now = now or timezone.now()
    return ImportJob.objects.filter(
        status__in=(Status.PREVIEWED, Status.PREVIEWING, Status.RUNNING),
        created_at__lt=now - PREVIEW_MAX_AGE * 6,
    ).update(status=Status.EXPIRED, data=b"", finished_at=now) + ImportJob.objects.filter(
        status=Status.PREVIEWED, created_at__lt=now - PREVIEW_MAX_AGE
    ).update(status=Status.EXPIRED, data=b"", finished_at=now)


def import_job_run(*, job_id: int, dry_run: bool) -> None:
    """Preview (``dry_run``) or import the job's file. Idempotent: a job that is not in the
    state this step expects is left alone."""
    job = ImportJob.objects.filter(pk=job_id).first()
    expected = Status.PREVIEWING if dry_run else Status.RUNNING
    if job is None or job.status != expected:
        return
    importer = import_string(job.kind)

    def progress(done: int) -> None:
        cache.set(_progress_key(job.pk), done, timeout=int(PREVIEW_MAX_AGE.total_seconds()))

    try:
        dataset, lines = read_table(
            bytes(job.data),
            job.import_format,
            columns=importer.columns,
            aliases=importer.aliases,
        )
        preview = importer.run(
            target_id=job.target_id,
            by=job.created_by,
            dataset=dataset,
            lines=lines,
            dry_run=dry_run,
            progress=progress,
        )
    except Exception:
        logger.exception("import job %s failed", job.pk)
        job.status, job.data, job.finished_at = Status.FAILED, b"", timezone.now()
        job.save(update_fields=["status", "data", "finished_at"])
        return
    finally:
        cache.delete(_progress_key(job.pk))
    job.done = job.total
    job.errors = preview["invalid"][:PREVIEW_ERRORS]
    extra = {key: value for key, value in preview.items() if key not in ("rows", "invalid")}
    job.summary = {
        **extra,
        "invalid": len(preview["invalid"]),
        "rows": [row for row in preview["rows"] if row["status"] != "invalid"][:PREVIEW_ROWS],
    }
    if dry_run and preview["valid"] and preview["new"]:
        job.status = Status.PREVIEWED  # the file waits for the organiser's confirmation
    else:
        job.status = Status.DONE if preview["valid"] else Status.REFUSED
        job.data, job.finished_at = b"", timezone.now()
    job.save(update_fields=["done", "errors", "summary", "status", "data", "finished_at"])


def _enqueue(job: ImportJob, *, dry_run: bool) -> None:
    from .import_tasks import import_confirm, import_preview

    task = import_preview if dry_run else import_confirm
    transaction.on_commit(lambda: task.delay(job.pk))


# --- The view ---------------------------------------------------------------------------------


class ImportView(View):
    """Upload → preview → confirm for one page (``page_id``). Subclasses set
    ``importer_path``, ``permission``, ``template_name``, ``upload_form_class`` and
    implement ``get_target``, ``get_context`` and ``done_url``."""

    importer_path = ""
    permission = ""
    template_name = ""
    upload_form_class = ImportUploadForm
    columns: list[tuple[str, str]] = []  # (key, label) of the columns a preview shows

    def get_target(self, page_id: int):
        raise NotImplementedError

    def get_context(self, target) -> dict:
        return {}

    def done_url(self, target) -> str:
        raise NotImplementedError

    def done_message(self, summary: dict) -> str:
        return _("The file is imported.")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return self.refused(request)
        self.target = self.get_target(kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def refused(self, request):
        from wagtail.admin.auth import permission_denied

        return permission_denied(request)

    def render(self, context: dict, status: int = 200):
        context = {**self.get_context(self.target), **context}
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def job_for(self, job_id) -> ImportJob:
        """The user's own job for this page, or 404 (a job id is not a secret)."""
        try:
            job_id = int(job_id)
        except (TypeError, ValueError):
            raise Http404 from None
        job = ImportJob.objects.filter(
            pk=job_id,
            kind=self.importer_path,
            target_id=self.target.pk,
            created_by=self.request.user,
        ).first()
        if job is None:
            raise Http404
        return job

    def get(self, request, page_id: int):
        if "job" not in request.GET:
            return self.render({"upload_form": self.upload_form_class()})
        job = self.job_for(request.GET["job"])
        response = self.render(self.job_context(job))
        if job.is_working:
            response["Refresh"] = str(REFRESH_SECONDS)
        return response

    def job_context(self, job: ImportJob) -> dict:
        fresh = job.status != Status.PREVIEWED or timezone.now() - job.created_at < PREVIEW_MAX_AGE
        return {
            "job": job,
            "progress": import_job_progress(job=job),
            "preview": job.summary if not job.is_working else None,
            "errors": job.errors,
            "columns": self.columns,
            "preview_rows": [
                {**row, "cells": [row.get(key, "") for key, _label in self.columns]}
                for row in job.summary.get("rows", [])
            ],
            "filename": job.filename,
            "refresh_seconds": REFRESH_SECONDS,
            "confirm_form": ImportConfirmForm(initial={"job": job.pk})
            if job.status == Status.PREVIEWED and fresh
            else None,
            "upload_form": self.upload_form_class(),
        }

    def post(self, request, page_id: int):
        if "job" in request.POST:
            return self.confirm(request)
        form = self.upload_form_class(request.POST, request.FILES)
        if not form.is_valid():
            return self.render({"upload_form": form}, status=400)
        importer = import_string(self.importer_path)
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            dataset, _lines = read_table(
                data, upload.import_format, columns=importer.columns, aliases=importer.aliases
            )
        except TableError as error:
            form.add_error("file", str(error))
            return self.render({"upload_form": form}, status=400)
        import_jobs_expire()
        job = ImportJob.objects.create(
            created_by=request.user,
            kind=self.importer_path,
            target_id=self.target.pk,
            filename=upload.name[:255],
            import_format=upload.import_format,
            data=data,
            total=len(dataset),
        )
        _enqueue(job, dry_run=True)
        return redirect(f"{request.path}?job={job.pk}")

    def confirm(self, request):
        job = self.job_for(request.POST.get("job"))
        too_old = timezone.now() - job.created_at >= PREVIEW_MAX_AGE
        if job.status != Status.PREVIEWED or too_old:
            if job.status == Status.PREVIEWED:
                ImportJob.objects.filter(pk=job.pk).update(status=Status.EXPIRED, data=b"")
            messages.error(request, _("This preview has expired. Upload the file again."))
            return redirect(request.path)
        updated = ImportJob.objects.filter(pk=job.pk, status=Status.PREVIEWED).update(
            status=Status.RUNNING, done=0
        )
        if updated:
            _enqueue(job, dry_run=False)
        job.refresh_from_db()
        if job.status == Status.DONE:  # a small file, or tasks run eagerly
            messages.success(request, self.done_message(job.summary))
            return redirect(self.done_url(self.target))
        if job.status in (Status.REFUSED, Status.FAILED):
            return self.render(self.job_context(job), status=400)
        return redirect(f"{request.path}?job={job.pk}")
