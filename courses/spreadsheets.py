"""Spreadsheets in and out: reading an uploaded CSV or XLSX with the file's own line
numbers, making cells safe to open, and writing exports that stream (CSV) or stay on disk
(XLSX) so memory stays flat however many rows."""

import csv
import io
import tempfile

from django.utils.translation import gettext as _

import tablib

IMPORT_COLUMNS = ("email", "cohort")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A cell value that a spreadsheet will show, never run: text starting with = + - @,
    a tab or a carriage return gets a leading apostrophe (OWASP's CSV-injection advice).
    Numbers and dates are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class TableError(ValueError):
    """The file cannot be read as a table; the message says why, for the organiser."""


def read_table(data: bytes, import_format: str) -> tuple[tablib.Dataset, list[int]]:
    """Read a CSV or XLSX upload into a Dataset and the file line number of each row.

    Our own reader rather than tablib's: tablib skips blank CSV lines, which would make
    the line numbers in error messages wrong. Headers are lower-cased and trimmed.
    """
    if import_format == "xlsx":
        rows, lines = _read_xlsx(data)
    else:
        rows, lines = _read_csv(data)
    if not rows:
        raise TableError(_("The file is empty."))
    headers = [str(cell or "").strip().lower() for cell in rows[0]]
    if "email" not in headers:
        raise TableError(_("The first row must name the columns, and one must be “email”."))
    width = len(headers)
    dataset = tablib.Dataset(headers=headers)
    for line, row in zip(lines[1:], rows[1:], strict=True):
        cells = ["" if cell is None else str(cell).strip() for cell in row]
        if any(cells[width:]):
            raise TableError(
                _(
                    "Line %(line)d has more cells than there are column names. Put text that "
                    "contains a comma or semicolon in quotes."
                )
                % {"line": line}
            )
        dataset.append((cells + [""] * width)[:width])
    for column in IMPORT_COLUMNS:
        if column not in dataset.headers:
            dataset.append_col([""] * len(dataset), header=column)
    return dataset, lines[1:]


def _read_csv(data: bytes) -> tuple[list[list], list[int]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(_("Save the file as “CSV UTF-8” and upload it again.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines = [], []
    try:
        for row in reader:
            rows.append(row)
            lines.append(reader.line_num)
    except csv.Error as error:
        raise TableError(
            _("Line %(line)d cannot be read as CSV.") % {"line": reader.line_num}
        ) from error
    return rows, lines


def _read_xlsx(data: bytes) -> tuple[list[list], list[int]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise TableError(_("The file is not a readable Excel (.xlsx) workbook.")) from error
    try:
        sheet = book.worksheets[0]
        rows, lines = [], []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append(list(row))
            lines.append(number)
    finally:
        book.close()
    return rows, lines


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer streaming."""

    def write(self, value):
        return value


def csv_stream(resource, queryset, *, rows_per_chunk: int = 200):
    """Yield the CSV (UTF-8 with a BOM, so Excel reads accents right) in chunks.
    ``resource`` is an export resource with ``get_export_headers()`` and ``rows(queryset)``."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(resource.get_export_headers())
    chunk = []
    for row in resource.rows(queryset):
        chunk.append(writer.writerow(["" if value is None else value for value in row]))
        if len(chunk) >= rows_per_chunk:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def xlsx_file(resource, queryset, *, title: str = "") -> tempfile.SpooledTemporaryFile:
    """Write the export to a temporary .xlsx file with openpyxl's write-only mode, which
    keeps rows on disk rather than in memory. Returns the file, rewound."""
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title=(title or _("Learners"))[:31])
    sheet.append([str(header) for header in resource.get_export_headers()])
    for row in resource.rows(queryset):
        sheet.append(
            [
                ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value)
                if isinstance(value, str)
                else value
                for value in row
            ]
        )
    # Handed to FileResponse, which closes it when the response is done.
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    book.save(output)
    output.seek(0)
    return output


# --- Import previews, shared by every import (enrolments, sign-in sheets) --------------------

PREVIEW_MAX_AGE = 60 * 60  # a preview may be confirmed for an hour


def dataset_sign(dataset: tablib.Dataset, lines: list[int], *, salt: str, scope: dict) -> str:
    """The previewed file, signed, for the confirm form: the organiser confirms exactly what
    they saw. ``scope`` (the course or event and the user) must match on the way back."""
    from django.core import signing

    payload = {
        "scope": scope,
        "headers": list(dataset.headers),
        "rows": [list(row) for row in dataset],
        "lines": lines,
    }
    return signing.dumps(payload, salt=salt, compress=True)


def dataset_unsign(payload: str, *, salt: str, scope: dict):
    """(dataset, lines) from ``dataset_sign``, or None if forged, expired or for another
    scope."""
    from django.core import signing

    try:
        data = signing.loads(payload, salt=salt, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        return None
    if data.get("scope") != scope:
        return None
    dataset = tablib.Dataset(headers=data["headers"])
    for row in data["rows"]:
        dataset.append(row)
    return dataset, data["lines"]


def import_result_preview(result, *, columns, line_of, notes=None, label: str) -> dict:
    """Turn a django-import-export Result into what the organiser sees: one entry per
    non-blank row with its file line, the ``columns`` values, a status and messages."""
    import logging

    from import_export.results import RowResult

    logger = logging.getLogger(__name__)
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
    invalid = [row for row in rows if row["status"] == "invalid"]
    return {
        "rows": rows,
        "invalid": invalid,
        "new": sum(1 for row in rows if row["status"] == RowResult.IMPORT_TYPE_NEW),
        "skipped": sum(1 for row in rows if row["status"] == RowResult.IMPORT_TYPE_SKIP),
        "valid": not invalid and not result.base_errors,
    }
