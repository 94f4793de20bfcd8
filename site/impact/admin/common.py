"""What the impact admin views share: permission checks that answer 403 in words, the
admin chrome (title, icon, breadcrumbs), a programme looked up through the user's scope
(404 for anyone else's), and numbers, percentages and moments written in the admin's
language."""

from datetime import datetime
from functools import wraps

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.timezones import zone_name
from programmes.models import Programme
from programmes.selectors import programmes_for

ICON = "tasks"  # the admin icon of indicators and the impact dashboard
VIEW_INDICATORS = "impact.view_indicator"
ADD_MANUAL_ENTRY = "impact.add_manualentry"
VIEW_MANUAL_ENTRIES = "impact.view_manualentry"


def forbidden(request):
    """A 403 page that says so (Wagtail's own ``permission_denied`` redirects)."""
    return TemplateResponse(
        request,
        "programmes/forbidden.html",
        chrome(_("You do not have permission to do this"), icon="lock"),
        status=403,
    )


def require(*permissions: str):
    """Only people holding one of ``permissions`` (organisers and admins); others 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not any(request.user.has_perm(permission) for permission in permissions):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def isolated(text: str) -> str:
    """``text`` between Unicode's first-strong isolate and pop (invisible): an English
    indicator name keeps its own order on an Arabic page."""
    return f"\u2068{text}\u2069" if text else text


def chrome(title: str, *, crumbs=(), icon: str = ICON, subtitle: str = "") -> dict:
    """Wagtail's page header: title, icon and breadcrumbs (Home › … › title)."""
    title, subtitle = isolated(str(title)), isolated(str(subtitle))
    items = [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        *({"url": url, "label": label} for url, label in crumbs),
        {"url": "", "label": title},
    ]
    return {
        "page_title": title,
        "page_subtitle": subtitle,
        "header_title": title,
        "header_icon": icon,
        "breadcrumbs_items": items,
    }


def programme_for(user, pk) -> Programme:
    """One of the user's programmes (any, for an admin); 404 for any other id."""
    programme = programmes_for(user).filter(pk=pk).first()
    if programme is None:
        raise Http404
    return programme


def number(value: int | None) -> str:
    """A whole number as the admin's language writes it ("15,000", "15 000", "15.000")."""
    if value is None:
        return ""
    return formats.number_format(value, decimal_pos=0, force_grouping=True)


def percent_text(value: int | None) -> str:
    """ "80%" as the admin's language writes it."""
    if value is None:
        return ""
    return _("%(percent)s%%") % {"percent": number(value)}


def zone_of(programme: Programme) -> str:
    """The programme's zone in words ("Eastern European Time")."""
    return zone_name(programme.time_zone)


def moment_text(moment: datetime | None, programme: Programme) -> str:
    """A moment as the programme's clocks showed it, the zone named: "1 Dec 2026, 18:45
    Eastern European Time"."""
    if moment is None:
        return ""
    import zoneinfo

    at = timezone.localtime(moment, zoneinfo.ZoneInfo(programme.time_zone))
    when = _("%(day)s, %(time)s") % {
        "day": formats.date_format(at, "SHORT_DATE_FORMAT"),
        "time": formats.time_format(at, "TIME_FORMAT"),
    }
    return _("%(when)s %(zone)s") % {"when": when, "zone": zone_of(programme)}


def date_text(value) -> str:
    """A date in the admin's language ("1 March 2026")."""
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def month_text(value) -> str:
    """A month in the admin's language ("March 2026")."""
    return formats.date_format(value, "YEAR_MONTH_FORMAT") if value else ""


def no_store(response):
    """A response that no browser or proxy keeps a copy of."""
    response["Cache-Control"] = "no-store"
    return response
