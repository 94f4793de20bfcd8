"""One streaming export for every feature app: a django-import-export ``Resource`` whose
rows come one at a time from a ``.values()`` queryset iterator (each cell through its
``dehydrate_<name>`` method and ``spreadsheet_safe``), and the download that sends it as a
streamed CSV or an XLSX written on disk."""

from collections.abc import Callable, Iterator

from django.http import FileResponse, StreamingHttpResponse

from import_export import resources

from .spreadsheets import csv_stream, spreadsheet_safe, xlsx_file

EXPORT_CHUNK = 2000
EXPORT_FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class StreamingExportResource(resources.Resource):
    """Subclasses declare their fields, set ``self._order`` and write ``dehydrate_<name>``
    methods that take a row dict. ``cell(name, field)`` may be overridden for columns
    computed per export (question columns, check scores)."""

    _order: list[str] = []

    def get_export_order(self):
        return self._order

    def export_field(self, field, instance, **kwargs):
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

    def cell(self, name: str, field) -> Callable:
        return getattr(self, f"dehydrate_{name}", None) or field.export

    def rows(self, queryset) -> Iterator[list]:
        """Export rows one at a time from a server-side iterator (no prefetch, no list).
        Which method serves which column is worked out once, not once per cell."""
        plan = [self.cell(self.get_field_name(field), field) for field in self.get_export_fields()]
        for row in queryset.iterator(chunk_size=EXPORT_CHUNK):
            yield [spreadsheet_safe(cell(row)) for cell in plan]


def export_download(resource, queryset, *, stem: str, fmt: str, title: str):
    """The export as a download: XLSX (``fmt == "xlsx"``) or a streamed CSV; never cached."""
    if fmt == "xlsx":
        response = FileResponse(
            xlsx_file(resource, queryset, title=title),
            as_attachment=True,
            filename=f"{stem}.xlsx",
            content_type=XLSX_TYPE,
        )
    else:
        response = StreamingHttpResponse(
            csv_stream(resource, queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    response["Cache-Control"] = "no-store"
    return response
