"""Registration and attendance exports, per event and across a date range."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.exports import EXPORT_FORMATS, export_download
from programmes.selectors import scope_for

from .. import resources
from ..models import EventPage
from .common import (
    ExportRangeForm,
    _chrome,
    _event,
    _require,
)

# --- Exports --------------------------------------------------------------------------------


@_require("events.export_registration")
def export(request, page_id: int, kind: str, fmt: str):
    """Registrations or attendance of one event, as CSV (streamed) or XLSX."""
    if kind not in resources.EXPORTS or fmt not in EXPORT_FORMATS:
        raise Http404
    event = _event(request, page_id)
    resource_class, rows = resources.EXPORTS[kind]
    extra = {}
    if kind in resources.EXTRA_ROWS:
        extra["anonymous"] = resources.EXTRA_ROWS[kind](event=event)
    resource = resource_class(questions=resources.question_columns([event]), **extra)
    stem = f"linkage-{slugify(event.title)[:40] or 'event'}-{kind}-{timezone.localdate():%Y%m%d}"
    return export_download(resource, rows(event=event), stem=stem, fmt=fmt, title=event.title)


@_require("events.export_registration")
def export_range(request):
    """Registrations or attendance of every event between two dates (at most a year) whose
    people the user may see."""
    form = ExportRangeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        kind, fmt = form.cleaned_data["kind"], form.cleaned_data["fmt"]
        scope = scope_for(request.user)
        resource_class, rows = resources.EXPORTS[kind]
        queryset = rows(start=start, end=end, scope=scope)
        event_ids = queryset.order_by().values_list("event_id", flat=True).distinct()
        events = EventPage.objects.filter(pk__in=event_ids).order_by("pk").only("questions")
        extra = {}
        if kind in resources.EXTRA_ROWS:
            extra["anonymous"] = resources.EXTRA_ROWS[kind](start=start, end=end, scope=scope)
        resource = resource_class(
            questions=resources.question_columns(events), with_event=True, **extra
        )
        stem = f"linkage-events-{kind}-{start:%Y%m%d}-{end:%Y%m%d}"
        return export_download(resource, queryset, stem=stem, fmt=fmt, title=_("Events"))
    return TemplateResponse(
        request,
        "events/admin/export_range.html",
        {"form": form, **_chrome(_("Export across events"), icon="download")},
        status=400 if form.is_bound else 200,
    )
