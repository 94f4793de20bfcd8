"""The donor export's download (``impact_admin:donor_export``, in the admin's URLs).

A programme's organisers and admins may download it (``impact.export_participation``,
which organisers have); anyone else's programme is a 404, as if it did not exist. Never
cached anywhere: it holds the programme's numbers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from programmes.models import Programme
from programmes.selectors import scope_for

from .export import FORMATS, XLSX_TYPE, donor_csv, donor_export_build, donor_xlsx, export_filename

EXPORT_PERMISSION = "impact.export_participation"


def donor_export(request, programme_pk: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    user = request.user
    if not (user.is_active and user.has_perm(EXPORT_PERMISSION)):
        raise PermissionDenied
    if not scope_for(user).allows([programme_pk]):
        raise Http404
    programme = get_object_or_404(Programme, pk=programme_pk)
    now = timezone.now()
    export = donor_export_build(programme=programme, user=user, now=now)
    if fmt == "xlsx":
        response = HttpResponse(donor_xlsx(export), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(
            donor_csv(export).encode("utf-8"), content_type="text/csv; charset=utf-8"
        )
    filename = export_filename(programme, fmt, now=now)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
