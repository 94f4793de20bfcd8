"""Manual entries: the documented fallback for what the platform cannot count.

An organiser of the indicator's programme enters a number for a period, with a note on
how it was obtained and, if there is one, a file as evidence. It counts only once someone
else approves it: another organiser of the programme, or an admin. Every step is in
Wagtail's audit log (``log_actions``), and an approval has the programme's indicators
counted again.
"""

import zipfile
from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from ..enums import ManualEntryStatus
from ..models import Indicator, ManualEntry
from .log_actions import APPROVE, REJECT, SUBMIT
from .tasks import indicators_refresh_soon

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_NAME_MAX = 200
_SNIFF_BYTES = 64 * 1024
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _is_pdf(head: bytes, _file) -> bool:
    return head.startswith(b"%PDF-")


def _is_png(head: bytes, _file) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _is_jpeg(head: bytes, _file) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _zip_names(file) -> set[str] | None:
    """The names in a ZIP archive (XLSX, DOCX and ODT are ones), without unpacking it."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _is_xlsx(head: bytes, file) -> bool:
    names = _zip_names(file) if head.startswith(b"PK\x03\x04") else None
    return bool(names) and "xl/workbook.xml" in names and "[Content_Types].xml" in names


def _is_docx(head: bytes, file) -> bool:
    names = _zip_names(file) if head.startswith(b"PK\x03\x04") else None
    return bool(names) and "word/document.xml" in names and "[Content_Types].xml" in names


def _is_odt(head: bytes, _file) -> bool:
    # The OpenDocument format stores its "mimetype" first and uncompressed, so its bytes
    # sit at a fixed place at the start of the file.
    return (
        head.startswith(b"PK\x03\x04")
        and head[30:38] == b"mimetype"
        and (head[38 : 38 + len(_ODT_MIMETYPE)] == _ODT_MIMETYPE)
    )


def _is_csv(head: bytes, _file) -> bool:
    """Plain text: UTF-8 (or Windows-1252, as Excel saves it) with no control characters
    but tabs and line breaks."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as error:
            if encoding == "utf-8-sig" and error.start >= len(head) - 3:
                # A character cut in two by the end of the sample.
                text = head[: error.start].decode(encoding)
            else:
                continue
        return not any(ord(c) < 32 and c not in "\t\r\n" for c in text)
    return False


# The evidence an organiser may attach, by file name extension, with how its content is
# recognised: the name alone proves nothing.
EVIDENCE_TYPES = {
    "pdf": _is_pdf,
    "png": _is_png,
    "jpg": _is_jpeg,
    "jpeg": _is_jpeg,
    "xlsx": _is_xlsx,
    "csv": _is_csv,
    "docx": _is_docx,
    "odt": _is_odt,
}


def evidence_name(name: str) -> str:
    """The uploaded file's own name, without any folders a browser sent with it and
    shortened to fit (keeping its extension)."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if ord(c) >= 32).strip() or "evidence"
    if len(name) > EVIDENCE_NAME_MAX:
        stem, dot, suffix = name.rpartition(".")
        keep = EVIDENCE_NAME_MAX - len(suffix) - 1
        name = f"{stem[:keep]}.{suffix}" if dot and keep > 0 else name[:EVIDENCE_NAME_MAX]
    return name


def evidence_check(file) -> str:
    """The name to keep for an evidence file, or ValidationError: at most 10 MB, and a
    PDF, PNG, JPEG, XLSX, CSV, DOCX or ODT file whose content is what its name says."""
    name = evidence_name(getattr(file, "name", "") or "")
    if file.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(
            _("The evidence file is larger than 10 MB. Attach a smaller file or a summary.")
        )
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    check = EVIDENCE_TYPES.get(extension)
    allowed = _("Attach a PDF, PNG, JPEG, XLSX, CSV, DOCX or ODT file.")
    if check is None:
        raise ValidationError(allowed)
    file.seek(0)
    head = file.read(_SNIFF_BYTES)
    matches = check(head, file)
    file.seek(0)
    if not matches:
        raise ValidationError(
            _("The file “%(name)s” is not the %(type)s file its name says it is. %(allowed)s")
            % {"name": name, "type": extension.upper(), "allowed": allowed}
        )
    return name


def _organises(user, indicator: Indicator) -> bool:
    """An admin, or an organiser of the indicator's programme."""
    if user is None or not user.is_active:
        return False
    return user.is_superuser or indicator.programme.organisers.filter(pk=user.pk).exists()


def _no_nul(**texts: str) -> None:
    """PostgreSQL cannot store a NUL character: refuse it with a message, not a 500."""
    errors = {
        name: _("This text contains an invisible control character (NUL).")
        for name, text in texts.items()
        if "\x00" in (text or "")
    }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def manual_entry_submit(
    *,
    indicator: Indicator,
    by,
    period_start: date,
    period_end: date,
    value: int,
    note: str,
    evidence=None,
) -> ManualEntry:
    """Enter a number for ``indicator``; it waits for approval by someone else."""
    if not _organises(by, indicator):
        raise ValidationError(
            _("Only an organiser of %(programme)s can enter numbers for its indicators.")
            % {"programme": indicator.programme}
        )
    _no_nul(note=note)
    errors = {}
    if value is None or value < 1:
        errors["value"] = _("Enter a number of 1 or more.")
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = _("The period cannot end before it starts.")
    if not (note or "").strip():
        errors["note"] = _("Say how the number was obtained.")
    name = ""
    if evidence:
        try:
            name = evidence_check(evidence)
        except ValidationError as error:
            errors["evidence"] = error.messages
    if errors:
        raise ValidationError(errors)
    entry = ManualEntry(
        indicator=indicator,
        period_start=period_start,
        period_end=period_end,
        value=value,
        note=note.strip(),
        entered_by=by,
        evidence_name=name,
    )
    if evidence:
        entry.evidence = evidence
    entry.full_clean(exclude=["indicator", "entered_by", "evidence"])
    entry.save()
    log(
        instance=entry,
        action=SUBMIT,
        user=by,
        data={
            "value": value,
            "period_start": period_start.isoformat(),
            "period_end": period_end.isoformat(),
        },
    )
    return entry


def _decidable(entry: ManualEntry, by) -> ManualEntry:
    """The entry, locked, if ``by`` may approve or reject it now; else ValidationError."""
    locked = (
        ManualEntry.objects.select_for_update()
        .select_related("indicator__programme")
        .filter(pk=entry.pk)
        .first()
    )
    if locked is None:
        raise ValidationError(_("This entry no longer exists."))
    if locked.status != ManualEntryStatus.PENDING:
        raise ValidationError(
            _("This entry has already been decided: it is %(status)s.")
            % {"status": locked.get_status_display().lower()}
        )
    if by is not None and locked.entered_by_id == by.pk:
        raise ValidationError(
            _("You entered this number: another organiser of the programme must decide on it.")
        )
    if not _organises(by, locked.indicator):
        raise ValidationError(
            _("Only an organiser of %(programme)s or an admin can decide on this number.")
            % {"programme": locked.indicator.programme}
        )
    return locked


def _decide(entry: ManualEntry, by, status: str, note: str = "") -> ManualEntry:
    entry.status = status
    entry.decided_by = by
    entry.decided_at = timezone.now()
    entry.decision_note = note
    entry.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return entry


@transaction.atomic
def manual_entry_approve(*, entry: ManualEntry, by) -> ManualEntry:
    """Approve a pending entry: from now on it counts, and the programme's indicators are
    counted again once the approval is committed."""
    entry = _decide(_decidable(entry, by), by, ManualEntryStatus.APPROVED)
    log(instance=entry, action=APPROVE, user=by, data={"value": entry.value})
    programme_id = entry.indicator.programme_id
    transaction.on_commit(partial(indicators_refresh_soon, [programme_id]))
    return entry


@transaction.atomic
def manual_entry_reject(*, entry: ManualEntry, by, reason: str) -> ManualEntry:
    """Reject a pending entry, saying why: it never counts."""
    _no_nul(reason=reason)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the number is rejected.")})
    entry = _decide(_decidable(entry, by), by, ManualEntryStatus.REJECTED, reason)
    log(instance=entry, action=REJECT, user=by, data={"reason": reason})
    return entry
