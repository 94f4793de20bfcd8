"""An import that may outgrow a web request: a spreadsheet upload previewed and then
confirmed by a Celery task (``core.import_tasks``), with progress the organiser can watch.

Least personal data: the uploaded file is kept only while the job needs it (from the
upload until the import is confirmed, refused or abandoned) and is erased as soon as the
job ends; what stays is who ran it, the counts and the first bad rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["ImportJob", "ImportJobStatus"]


class ImportJobStatus(models.TextChoices):
    """``PREVIEWING`` → ``PREVIEWED`` (valid, waiting for the organiser) → ``RUNNING`` →
    ``DONE``; a file with bad rows ends as ``REFUSED``, an error as ``FAILED``, a preview
    left unconfirmed as ``EXPIRED``."""

    PREVIEWING = "previewing", _("Checking the file")
    PREVIEWED = "previewed", _("Waiting for confirmation")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    REFUSED = "refused", _("Rows need fixing")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")


class ImportJob(models.Model):
    # A record of work to do, not content: Wagtail's "usage" listings never need it, and
    # indexing its references cost queries on every row written.
    wagtail_reference_index_ignore = True

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The dotted path of the importer (``courses.resources.ENROLMENTS``) and the page
    # (course or event) it imports into.
    kind = models.CharField(_("kind"), max_length=100)
    target_id = models.PositiveIntegerField(_("imports into"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ImportJobStatus.choices,
        default=ImportJobStatus.PREVIEWING,
    )
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    import_format = models.CharField(max_length=8, blank=True)
    data = models.BinaryField(blank=True, default=b"", editable=False)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows"), default=0)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [models.Index(fields=["status", "created_at"], name="importjob_status_created")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def is_working(self) -> bool:
        return self.status in (ImportJobStatus.PREVIEWING, ImportJobStatus.RUNNING)
