"""Spreadsheets in and out, for every feature app: reading an uploaded CSV or XLSX with the
file's own line numbers, making cells (headers included) safe to open, naming sheets so
Excel accepts them, and writing exports that stream (CSV) or stay on disk (XLSX) so memory
stays flat however many rows."""

import csv
import io
import re
import tempfile

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import tablib

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel refuses these in a sheet title, and titles longer than 31 characters.
SHEET_TITLE_FORBIDDEN = re.compile(r"[:\\/?*\[\]]")
SHEET_TITLE_MAX = 31


def spreadsheet_safe(value):
    """A cell value that a spreadsheet will show, never run: text starting with = + - @,
    a tab or a carriage return gets a leading apostrophe (OWASP's CSV-injection advice).
    Numbers and dates are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def sheet_title(title, *, default: str = "") -> str:
    """A worksheet title Excel accepts: ``: \\ / ? * [ ]`` become "-", no apostrophe at
    either end, at most 31 characters, never empty."""
    text = SHEET_TITLE_FORBIDDEN.sub("-", str(title or "")).strip().strip("'").strip()
    text = text[:SHEET_TITLE_MAX].strip()
    return text or (default or _("Sheet"))[:SHEET_TITLE_MAX]


class TableError(ValueError):
    """The file cannot be read as a table; the message says why, for the organiser."""


def _header_key(text) -> str:
    """What a column name says, without case, spaces or punctuation: "E-mail" is "email"."""
    return re.sub(r"[\W_]+", "", str(text).casefold())


def _header_names(columns: tuple[str, ...], aliases: dict) -> dict[str, str]:
    """Each accepted way of naming a column (its own name, and each alias in every UI
    language, so the site's own exports read back), keyed by ``_header_key``."""
    names = {_header_key(column): column for column in columns}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for column, labels in aliases.items():
                for label in labels:
                    names.setdefault(_header_key(label), column)
    return names


def read_table(
    data: bytes,
    import_format: str,
    *,
    columns: tuple[str, ...] = ("email",),
    aliases: dict | None = None,
) -> tuple[tablib.Dataset, list[int]]:
    """Read a CSV or XLSX upload into a Dataset and the file line number of each row.

    Our own reader rather than tablib's: tablib skips blank CSV lines, which would make
    the line numbers in error messages wrong. Headers are lower-cased and trimmed, and a
    header that names a column another way ("E-mail", an alias in ``aliases``, in any UI
    language) is read as that column; the
    first of ``columns`` is required, the others are added empty when missing. A column
    named twice, or an Excel formula with no saved value, refuses the file: either would
    otherwise lose data without a word.
    """
    if import_format == "xlsx":
        rows, lines = _read_xlsx(data)
    else:
        rows, lines = _read_csv(data)
    if not rows:
        raise TableError(_("The file is empty."))
    names = _header_names(columns, aliases or {})
    headers = [str(cell or "").strip() for cell in rows[0]]
    headers = [names.get(_header_key(header), header.lower()) for header in headers]
    while headers and not headers[-1]:
        headers.pop()  # empty cells after the last column name
    required = columns[0]
    if required not in headers:
        raise TableError(
            _("The first row must name the columns, and one must be “%(column)s”.")
            % {"column": required}
        )
    seen: set[str] = set()
    for header in headers:
        if header and header in seen:
            raise TableError(
                _("The column “%(column)s” is named twice in the first row. Keep one.")
                % {"column": header}
            )
        seen.add(header)
    width = len(headers)
    headers = [header or f"column {n}" for n, header in enumerate(headers, start=1)]
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
    for column in columns:
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
    """The first sheet's saved values. A formula cell whose value was never saved (a file
    written by a program rather than by Excel) reads as empty: refuse it instead."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise TableError(_("The file is not a readable Excel (.xlsx) workbook.")) from error
    try:
        rows, lines = [], []
        pairs = zip(
            values.worksheets[0].iter_rows(values_only=True),
            formulas.worksheets[0].iter_rows(values_only=True),
            strict=False,
        )
        for number, (row, raw) in enumerate(pairs, start=1):
            for column, (value, formula) in enumerate(zip(row, raw, strict=False), start=1):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    raise TableError(
                        _(
                            "Cell %(cell)s holds a formula whose result was never saved. Open "
                            "the file in a spreadsheet program, save it, and upload it again "
                            "(or paste the values instead of the formula)."
                        )
                        % {"cell": f"{get_column_letter(column)}{number}"}
                    )
            rows.append(list(row))
            lines.append(number)
    finally:
        values.close()
        formulas.close()
    return rows, lines


# --- Writing ---------------------------------------------------------------------------------


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer streaming."""

    def write(self, value):
        return value


def export_headers(resource) -> list[str]:
    """The header row, every cell neutralised like a body cell (a question label may be
    written by anyone who can edit an event)."""
    return [spreadsheet_safe(str(header)) for header in resource.get_export_headers()]


def csv_stream(resource, queryset, *, rows_per_chunk: int = 200):
    """Yield the CSV (UTF-8 with a BOM, so Excel reads accents right) in chunks.
    ``resource`` is an export resource with ``get_export_headers()`` and ``rows(queryset)``.

    The rows are produced after the view has returned, when the request's language and
    time zone are no longer active: they are captured now and made active again while each
    chunk is written, so headers, labels and dates come out as the person asked."""
    language = translation.get_language()
    zone = timezone.get_current_timezone()

    def chunks():
        writer = csv.writer(_Echo())
        with translation.override(language), timezone.override(zone):
            yield "\ufeff" + writer.writerow(export_headers(resource))
        rows = iter(resource.rows(queryset))
        while True:
            with translation.override(language), timezone.override(zone):
                chunk = []
                for row in rows:
                    chunk.append(writer.writerow(["" if value is None else value for value in row]))
                    if len(chunk) >= rows_per_chunk:
                        break
            if not chunk:
                return
            yield "".join(chunk)

    return chunks()


def xlsx_file(resource, queryset, *, title: str = "") -> tempfile.SpooledTemporaryFile:
    """Write the export to a temporary .xlsx file with openpyxl's write-only mode, which
    keeps rows on disk rather than in memory. Returns the file, rewound."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title=sheet_title(title, default=_("Export")))
    sheet.append([_xlsx_text(header) for header in export_headers(resource)])
    for row in resource.rows(queryset):
        sheet.append([_xlsx_text(value) for value in row])
    # Handed to FileResponse, which closes it when the response is done.
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    book.save(output)
    output.seek(0)
    return output


def _xlsx_text(value):
    """Characters XML cannot hold become a replacement character; and a string cell is
    written as a string, never as a formula (openpyxl treats text starting with = as one)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value)
    return value
