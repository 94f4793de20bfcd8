"""What a certificate says, in the active language: who issued it, how long the course was,
and when the attended event took place, in the event's own time and zone.

Shared by the PDF (rendered in the certificate's language) and the verification page (in
its reader's). Nothing here writes; the programmes are read once per certificate.
"""

import math
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.timezones import zone_name

from .models import Certificate


def issuers(certificate: Certificate) -> list[str]:
    """The issuing programmes, each with its lead organisation: "Safe at home — Women's
    Centre Vilnius". Empty when it was issued outside any programme."""
    from programmes.models import Programme

    programmes = (
        Programme.objects.filter(pk__in=certificate.programmes.values("pk"))
        .select_related("lead_organisation")
        .order_by("name")
    )
    return [
        f"{programme.name} — {programme.lead_organisation.name}"
        if programme.lead_organisation_id
        else programme.name
        for programme in programmes
    ]


def length_text(minutes: int | None) -> str:
    """A course's length in hours, in words: "6 hours", "1.5 hours"; "" when unknown."""
    if not minutes:
        return ""
    hours = minutes / 60
    whole = float(hours).is_integer()
    number = formats.number_format(hours, decimal_pos=0 if whole else 1)
    return ngettext("%(hours)s hour", "%(hours)s hours", math.ceil(hours)) % {"hours": number}


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def when_text(certificate: Certificate) -> str:
    """When it happened. For attendance with a recorded time: the occurrence in the event's
    own zone, named in words ("Tuesday 15 December 2026, 09:30–16:30 (Eastern European
    Time)"), its whole span if it ran over several days. Otherwise the completion date."""
    zone = _zone(certificate.time_zone)
    if certificate.starts_at is None or zone is None:
        return formats.date_format(certificate.completed_on, "DATE_FORMAT")
    start = certificate.starts_at.astimezone(zone)
    end = (certificate.ends_at or certificate.starts_at).astimezone(zone)
    words = zone_name(certificate.time_zone)
    if start.date() != end.date():
        return _("%(start)s to %(end)s (%(zone)s)") % {
            "start": formats.date_format(start, "DATETIME_FORMAT"),
            "end": formats.date_format(end, "DATETIME_FORMAT"),
            "zone": words,
        }
    if end == start:
        return _("%(date)s, %(start)s (%(zone)s)") % {
            "date": formats.date_format(start, "DATE_FORMAT"),
            "start": formats.time_format(start, "TIME_FORMAT"),
            "zone": words,
        }
    return _("%(date)s, %(start)s–%(end)s (%(zone)s)") % {
        "date": formats.date_format(start, "DATE_FORMAT"),
        "start": formats.time_format(start, "TIME_FORMAT"),
        "end": formats.time_format(end, "TIME_FORMAT"),
        "zone": words,
    }
