"""The donor export: a programme's indicators as the donor's matrix wants them.

One row per indicator × period × disaggregation (TolaData's users went back to
spreadsheets because its export gave one row per evidence item with the disaggregations
in one cell): the whole programme first, then each reporting period; in each, the total
and then every value of every breakdown the indicator is disaggregated by. Baseline,
target and actual are numbers, dates are dates. The workbook has three sheets:

* **Indicators**: the matrix (also the CSV, alone);
* **Evidence**: the activities each indicator counted (never the people) and the
  approved manual entries (when, not who);
* **About**: the programme, its funder and grant, when the file was made (the zone
  named), the small-cell rule and how each measure counts.

Whoever may not see small numbers (anyone but the programme's organisers,
``present.may_see_small_cells``) gets "<5" with complementary suppression, as on the
dashboard (``present.presented``). Every text cell is safe to open: in the CSV, text that
starts with = + - @, a tab or a carriage return gets an apostrophe (``spreadsheet_safe``);
in the workbook every text cell is stored as a string, which no spreadsheet runs as a
formula, and shows exactly as entered.

Built from the stored values (``compute.programme_results``) without a query per row:
the programme, the values, one evidence query per indicator and one for the manual
entries.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from core.spreadsheets import sheet_title, spreadsheet_safe
from core.timezones import zone_name

from .enums import IndicatorAccumulation, IndicatorMeasure, ManualEntryStatus, RagStatus
from .models import ManualEntry

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("xlsx", "csv")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Column widths, in characters: as wide as the longest cell, within these bounds.
WIDTH_MIN, WIDTH_MAX = 8, 60


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)


@dataclass
class DonorExport:
    programme: object
    generated_at: datetime  # aware
    suppressed: bool
    indicators: Sheet
    evidence: Sheet
    about: Sheet

    @property
    def sheets(self) -> list[Sheet]:
        return [self.indicators, self.evidence, self.about]


# --- Cells -----------------------------------------------------------------------------


def hidden_text() -> str:
    return f"<{settings.LINKAGE_SMALL_COUNT_THRESHOLD}"


def _NOT_SHOWN() -> str:  # noqa: N802 (reads as the constant it stands for)
    return _("not shown")


def _number(value):
    """A number stays a number; a hidden one is "<5"."""
    return hidden_text() if value is None else value


def _percent(value, target) -> int | str:
    if not target or value is None:
        return ""
    return round(value * 100 / target)


def _last_day(end: date | None) -> date | None:
    """The engine's periods end on the first day after them; donors read the last day."""
    return end - timedelta(days=1) if end else None


# --- Building --------------------------------------------------------------------------


def indicator_headers() -> list[str]:
    return [
        _("Programme"),
        _("Reference"),
        _("Indicator"),
        _("Level"),
        _("Unit"),
        _("Measure"),
        _("Accumulation"),
        _("Period"),
        _("Period start"),
        _("Period end"),
        _("Disaggregation"),
        _("Category"),
        _("Baseline"),
        _("Target"),
        _("Actual"),
        _("Of which manual"),
        _("Progress (%)"),
        _("Status"),
        _("Means of verification"),
    ]


def _indicator_rows(programme, indicator, view) -> list[list]:
    """The whole programme, then each period: the total, then each breakdown's values."""
    lead = [
        programme.name,
        indicator.code,
        indicator.name,
        indicator.get_level_display(),
        indicator.unit,
        indicator.get_measure_display(),
        indicator.get_accumulation_display(),
    ]
    tail = [indicator.means_of_verification]
    whole_label = _("Whole programme")
    periods = list(view.periods)
    # Without dates of its own, the programme runs from its first counted period, to no
    # end yet.
    first = periods[0].start if periods else None
    spans = [(whole_label, programme.starts_on or first, programme.ends_on)]
    spans += [(row.label, row.start, _last_day(row.end)) for row in periods]

    # Totals: the whole programme (its target, status) and each period (its own target).
    rag = view.rag_label if view.rag and view.rag != RagStatus.NONE else ""
    totals = [
        [
            view.baseline,
            view.target if view.target is not None else "",
            _number(view.value),
            _number(view.manual),
            _percent(view.value, view.target),
            rag,
        ]
    ]
    for row in periods:
        totals.append(
            [
                "",
                row.target if row.target is not None else "",
                _number(row.value),
                _number(row.manual),
                _percent(row.value, row.target),
                "",
            ]
        )

    # Breakdowns: per span, (breakdown label, category label, cell).
    by_span: list[list[tuple[str, str, object]]] = [[] for _span in spans]
    for table in view.breakdowns:
        for cells, line in zip(by_span, [table.totals, *table.rows], strict=True):
            for (_code, label), cell in zip(table.columns, line.cells, strict=True):
                cells.append((table.label, label, cell))

    rows = []
    everyone = _("All")
    for index, (label, start, end) in enumerate(spans):
        head = [*lead, label, start or "", end or ""]
        rows.append([*head, _("Total"), everyone, *totals[index], *tail])
        for breakdown, category, cell in by_span[index]:
            rows.append([*head, breakdown, category, "", "", _number(cell), "", "", "", *tail])
    return rows


def evidence_headers() -> list[str]:
    return [
        _("Reference"),
        _("Indicator"),
        _("Source"),
        _("Activity or note"),
        _("Type"),
        _("First date"),
        _("Last date"),
        _("Records"),
        _("Count"),
        _("Approved on"),
    ]


def _evidence_rows(indicator, evidence) -> list[list]:
    source = _("Activity on the platform")
    return [
        [
            indicator.code,
            indicator.name,
            source,
            item.label,
            item.kind_label,
            item.first_date or "",
            item.last_date or "",
            # Not given per activity to readers of suppressed figures (they could be
            # subtracted from the periods): "not shown", never a false "<5".
            _NOT_SHOWN() if item.rows is None else item.rows,
            _NOT_SHOWN() if item.count is None else item.count,
            "",
        ]
        for item in evidence
    ]


def _manual_rows(programme, *, suppress: bool) -> list[list]:
    """The approved manual entries: period, number, note and the day of approval; nobody's
    name (the audit trail in the admin says who)."""
    zone = _zone(programme)
    entries = (
        ManualEntry.objects.filter(
            indicator__programme=programme, status=ManualEntryStatus.APPROVED
        )
        .select_related("indicator")
        .order_by("indicator__sort_order", "indicator_id", "period_start", "pk")
    )
    source = _("Manual entry (approved)")
    rows = []
    for entry in entries:
        # Each entry is a part of the manual total shown on the Indicators sheet: for a
        # reader of suppressed figures none is shown (a 9 beside a total of 12 gives 3).
        value = None if suppress else entry.value
        decided = entry.decided_at.astimezone(zone).date() if entry.decided_at else ""
        rows.append(
            [
                entry.indicator.code,
                entry.indicator.name,
                source,
                entry.note,
                "",
                entry.period_start,
                entry.period_end,
                "",
                _number(value),
                decided,
            ]
        )
    return rows


def _zone(programme) -> ZoneInfo:
    try:
        return ZoneInfo(programme.time_zone or settings.TIME_ZONE)
    except (ValueError, KeyError):
        return ZoneInfo(settings.TIME_ZONE)


def measure_notes() -> list[tuple[str, str]]:
    """How each measure and accumulation counts, in words."""
    return [
        (
            IndicatorMeasure.PEOPLE.label,
            _(
                "Each person once, however often they took part; a person who deleted their "
                "account still counts once. Anonymous counts (walk-ins, pledges, people "
                "reached) add their numbers."
            ),
        ),
        (
            IndicatorMeasure.COUNT.label,
            _(
                "The sum of what was recorded: one for each person's record, an anonymous "
                "count its number."
            ),
        ),
        (
            IndicatorMeasure.ACTIVITIES.label,
            _("Each activity once: a course, an occurrence of an event, a mentoring session."),
        ),
        (
            IndicatorAccumulation.CUMULATIVE.label,
            _("Everything from the start of the programme to the end of the period."),
        ),
        (IndicatorAccumulation.PER_PERIOD.label, _("What happened within the period.")),
        (
            _("Manual entries"),
            _(
                "A number typed in where the platform cannot count. It counts only once a "
                "second organiser has approved it, in the period in which it ends and in the "
                "whole programme, and is not disaggregated."
            ),
        ),
        (
            _("Status"),
            _(
                "The actual value against the share of the target that the time elapsed in "
                "the programme calls for: on track from %(green)s%% of it, slightly behind "
                "from %(amber)s%%, behind below that."
            )
            % {
                "green": round(settings.IMPACT_RAG_GREEN * 100),
                "amber": round(settings.IMPACT_RAG_AMBER * 100),
            },
        ),
    ]


def small_cell_note(*, suppressed: bool) -> str:
    threshold = settings.LINKAGE_SMALL_COUNT_THRESHOLD
    if suppressed:
        return _(
            "Numbers from 1 to %(last)s are shown as “<%(threshold)s”, and other numbers are "
            "hidden the same way where they would let a small one be worked out from totals "
            "or other cells."
        ) % {"last": threshold - 1, "threshold": threshold}
    return _(
        "This file shows exact numbers, small ones included, because you organise this "
        "programme. Before publishing or passing it on, hide numbers from 1 to %(last)s: "
        "they can identify people."
    ) % {"last": threshold - 1}


def _about_rows(programme, *, generated_at: datetime, suppressed: bool) -> list[list]:
    zone = _zone(programme)
    local = generated_at.astimezone(zone)
    rows = [
        [_("Programme"), programme.name],
        [_("Funder"), programme.funder],
        [_("Contract or grant number"), programme.grant_number],
        [_("Programme starts"), programme.starts_on or ""],
        [_("Programme ends"), programme.ends_on or ""],
        [_("Generated at"), local.replace(tzinfo=None)],
        [_("Time zone"), f"{zone_name(zone.key)} ({zone.key})"],
        [_("Small numbers"), small_cell_note(suppressed=suppressed)],
    ]
    rows += [[label, text] for label, text in measure_notes()]
    return rows


def donor_export_build(*, programme, user, now: datetime | None = None) -> DonorExport:
    """Everything the export holds, in the active language, for ``user`` (who must be
    allowed to export the programme: ``export_views.donor_export`` checks it)."""
    from .indicators.compute import programme_results
    from .indicators.present import may_see_small_cells, presented
    from .indicators.selectors import indicator_evidence

    suppress = not may_see_small_cells(user, programme)
    indicators = Sheet(_("Indicators"), indicator_headers())
    evidence = Sheet(_("Evidence"), evidence_headers())
    results = programme_results(programme)
    # The evidence reads each rule's regions: one query for all of them.
    prefetch_related_objects([indicator for indicator, _result in results], "regions")
    for indicator, result in results:
        view = presented(indicator, result, suppress=suppress)
        indicators.rows += _indicator_rows(programme, indicator, view)
        evidence.rows += _evidence_rows(
            indicator, indicator_evidence(indicator, user=user, result=result)
        )
    evidence.rows += _manual_rows(programme, suppress=suppress)
    generated_at = now or timezone.now()
    about = Sheet(
        _("About"),
        [_("Item"), _("Value")],
        _about_rows(programme, generated_at=generated_at, suppressed=suppress),
    )
    return DonorExport(
        programme=programme,
        generated_at=generated_at,
        suppressed=suppress,
        indicators=indicators,
        evidence=evidence,
        about=about,
    )


def export_filename(programme, fmt: str, *, now: datetime | None = None) -> str:
    day = (now or timezone.now()).astimezone(_zone(programme)).date()
    return f"linkage-impact-{programme.slug}-{day:%Y%m%d}.{fmt}"


# --- Writing ---------------------------------------------------------------------------


def _csv_cell(value):
    if isinstance(value, Promise):
        value = str(value)
    if value is None:
        return ""
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return spreadsheet_safe(value)


def donor_csv(export: DonorExport) -> str:
    """The Indicators sheet alone, UTF-8 with a BOM (Excel then reads accents right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_csv_cell(header) for header in export.indicators.headers])
    for row in export.indicators.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _xlsx_value(cell, value) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, Promise):  # a lazy label
        value = str(value)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value)
        # openpyxl takes text starting with "=" for a formula: a string it stays, shown as
        # typed and never run.
        cell.data_type = "s"
    elif isinstance(value, datetime):
        cell.value = value
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value


def _write_sheet(book, sheet: Sheet, *, first: bool) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    title = sheet_title(sheet.title)
    ws = book.active if first else book.create_sheet()
    ws.title = title
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = [len(str(header)) for header in sheet.headers]
    for column, header in enumerate(sheet.headers, start=1):
        cell = ws.cell(row=1, column=column)
        _xlsx_value(cell, header)
        cell.font = bold
    for row_number, row in enumerate(sheet.rows, start=2):
        for column, value in enumerate(row, start=1):
            _xlsx_value(ws.cell(row=row_number, column=column), value)
            length = 10 if isinstance(value, date) else len(str(value))
            if column <= len(widths):
                widths[column - 1] = max(widths[column - 1], length)
            else:
                widths.append(length)
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = min(max(width + 2, WIDTH_MIN), WIDTH_MAX)
        if width > WIDTH_MAX:
            for (cell,) in ws.iter_rows(min_col=column, max_col=column, min_row=2):
                cell.alignment = wrap
    ws.freeze_panes = "A2"
    if sheet.rows:
        ws.auto_filter.ref = ws.dimensions


def donor_xlsx(export: DonorExport) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for index, sheet in enumerate(export.sheets):
        _write_sheet(book, sheet, first=index == 0)
    book.properties.title = _("Impact of %(programme)s") % {"programme": export.programme.name}
    book.properties.creator = "Linkage"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
