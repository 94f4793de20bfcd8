"""The shape of every events import and export (django-import-export resources)."""

from .exports import (
    EXPORTS,
    EXTRA_ROWS,
    AttendanceExportResource,
    RegistrationExportResource,
    attendance_export_queryset,
    question_columns,
    registration_export_queryset,
)
from .imports import (
    AttendanceImportResource,
    attendance_import,
    import_preview,
    occurrence_days,
    occurrences_of,
    parse_day,
)

__all__ = [
    "EXPORTS",
    "EXTRA_ROWS",
    "AttendanceExportResource",
    "AttendanceImportResource",
    "RegistrationExportResource",
    "attendance_export_queryset",
    "attendance_import",
    "import_preview",
    "occurrence_days",
    "occurrences_of",
    "parse_day",
    "question_columns",
    "registration_export_queryset",
]
