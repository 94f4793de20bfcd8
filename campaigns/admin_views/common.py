"""What the campaign admin views share: permission checks, the admin chrome, and dates and
times written in the campaign's own zone, named."""

from datetime import datetime
from functools import wraps

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.timezones import zone_name

from ..admin_selectors import campaign_today, campaign_zone
from ..models import CampaignPage

ICON = "globe"  # the admin icon of campaigns


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


VIEW_PERMISSIONS = ("campaigns.view_pledge", "campaigns.view_reachrecord")


def isolated(text: str) -> str:
    """``text`` between Unicode's first-strong isolate and pop (invisible): an English
    campaign title keeps its own order on an Arabic page ("16 Days of Activism 2026", not
    "Days of Activism 2026 16"), in the header as in the window's title."""
    return f"\u2068{text}\u2069" if text else text


def chrome(title: str, *, crumbs=(), icon: str = ICON, subtitle: str = "") -> dict:
    """Wagtail's page header: title, icon and breadcrumbs (Home › Campaigns › …)."""
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


def campaign_crumbs(campaign: CampaignPage, *, dashboard: bool = True) -> list:
    crumbs = [(reverse("campaigns_admin:index"), _("Campaigns"))]
    if dashboard:
        crumbs.append(
            (reverse("campaigns_admin:dashboard", args=[campaign.pk]), isolated(campaign.title))
        )
    return crumbs


def zone_of(campaign: CampaignPage) -> str:
    """The campaign's zone in words ("Eastern European Time")."""
    return zone_name(str(campaign_zone(campaign)))


def dates_text(campaign: CampaignPage) -> str:
    """ "25 November 2026 to 10 December 2026, days in Eastern European Time": a campaign's
    days begin and end at midnight in its own zone."""
    return _("%(first)s to %(last)s, days in %(zone)s") % {
        "first": formats.date_format(campaign.starts_on, "DATE_FORMAT"),
        "last": formats.date_format(campaign.ends_on, "DATE_FORMAT"),
        "zone": zone_of(campaign),
    }


def moment_text(moment: datetime | None, campaign: CampaignPage) -> str:
    """A moment as the campaign's clocks showed it, the zone named: "1 Dec 2026, 18:45
    Eastern European Time"."""
    if moment is None:
        return ""
    at = timezone.localtime(moment, campaign_zone(campaign))
    when = _("%(day)s, %(time)s") % {
        "day": formats.date_format(at, "SHORT_DATE_FORMAT"),
        "time": formats.time_format(at, "TIME_FORMAT"),
    }
    return _("%(when)s %(zone)s") % {"when": when, "zone": zone_of(campaign)}


def phase_text(campaign: CampaignPage, today=None) -> str:
    """Where the campaign stands today in its zone: "Day 6 of 16", "Starts in 3 days",
    "Ended"."""
    today = today or campaign_today(campaign)
    total = (campaign.ends_on - campaign.starts_on).days + 1
    if today < campaign.starts_on:
        days = (campaign.starts_on - today).days
        if days == 1:
            return _("Starts tomorrow")
        return ngettext("Starts in %(days)s day", "Starts in %(days)s days", days) % {"days": days}
    if today > campaign.ends_on:
        return _("Ended")
    return _("Day %(day)d of %(total)d") % {
        "day": (today - campaign.starts_on).days + 1,
        "total": total,
    }


def percent(part: int | None, whole: int | None) -> int | None:
    """``part`` as a whole percentage of ``whole`` (capped at 100 for a progress bar)."""
    if not whole or part is None:
        return None
    return min(100, round(100 * part / whole))
