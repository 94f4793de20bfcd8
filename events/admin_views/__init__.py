"""The organiser's side of events, in the Wagtail admin: registrations (approve, decline,
cancel), the on-screen check-in list, the printable sign-in sheet, the import of a
scanned or typed sign-in sheet (upload → preview → confirm) and the exports, per event
and across a date range.

Registered under /admin/events-admin/ by wagtail_hooks (which also puts them behind
Wagtail's admin access check); each view checks its own model permission too. A page id
of any translation of an event leads to its original page, where registrations live.
"""

from .attendance import check_in, import_attendance, sign_in_sheet
from .exports import export, export_range
from .registrations import index, registration_decide, registrations

__all__ = [
    "check_in",
    "export",
    "export_range",
    "import_attendance",
    "index",
    "registration_decide",
    "registrations",
    "sign_in_sheet",
]
