"""The donor export's admin URL. The export itself (XLSX and CSV, one row per indicator ×
period × disaggregation, and the evidence sheet) is ``impact.export_views``; this wrapper
answers 404 for a programme outside the reader's scope before anything else."""

from ..export_views import donor_export as export
from .common import VIEW_INDICATORS, programme_for, require


@require(VIEW_INDICATORS)
def donor_export(request, programme_pk: int, fmt: str):
    programme_for(request.user, programme_pk)
    return export(request, programme_pk, fmt)
