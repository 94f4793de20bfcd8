"""The campaigns list and a campaign's dashboard.

The dashboard shows confirmed pledges per day (each on its day in the campaign's zone) as
an SVG bar chart and, with the same figures, a table; reach by channel, counted directly
kept apart from estimated, each with its methods, against the campaign's target; what
counted by itself through the impact ledger (attendance of the campaign's events, confirmed
pledges); and each coalition partner's totals. Every figure is read in a fixed number of
queries, whatever the number of pledges, records or partners.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..admin_selectors import (
    campaign_for,
    campaigns_for,
    ledger_counts,
    partner_totals,
    pledges_of,
    pledges_per_day,
    reach_by_channel,
    with_figures,
)
from ..enums import PledgeKind, PledgeStatus, WallStatus
from .charts import bar_chart
from .common import (
    VIEW_PERMISSIONS,
    campaign_crumbs,
    chrome,
    dates_text,
    percent,
    phase_text,
    require,
    zone_of,
)

PER_PAGE = 50


@require(*VIEW_PERMISSIONS)
def campaign_list(request):
    """Every campaign the organiser may see, newest first: its dates (days in its zone,
    named), where it stands today, confirmed pledges and reach against its targets."""
    campaigns = with_figures(campaigns_for(request.user).select_related("programme"))
    page = Paginator(campaigns, PER_PAGE).get_page(request.GET.get("p"))
    rows = [
        {
            "campaign": campaign,
            "dates": dates_text(campaign),
            "phase": phase_text(campaign),
            "pledge_percent": percent(campaign.confirmed_pledges, campaign.pledge_target),
            "reach_percent": percent(campaign.reach_direct, campaign.reach_target),
        }
        for campaign in page
    ]
    return TemplateResponse(
        request,
        "campaigns/admin/index.html",
        {"rows": rows, "page": page, "query": "", **chrome(_("Campaigns"))},
    )


def _day_label(entry) -> tuple[str, str]:
    """(short label under the bar, full label for the table and the bar's tooltip)."""
    if entry.before:
        return _("before"), _("Before the first day")
    if entry.after:
        return _("after"), _("After the last day")
    return formats.date_format(entry.day, "j"), formats.date_format(entry.day, "DATE_FORMAT")


def pledge_days(campaign) -> dict:
    """Confirmed pledges per campaign-local day: the table's rows and the chart drawn from
    the very same list, so the two always agree."""
    rows = []
    for entry in pledges_per_day(campaign):
        short, full = _day_label(entry)
        rows.append({"short": short, "label": full, "count": entry.count})
    entries = [
        (
            row["count"],
            row["short"],
            ngettext(
                "%(day)s: %(count)d confirmed pledge",
                "%(day)s: %(count)d confirmed pledges",
                row["count"],
            )
            % {"day": row["label"], "count": row["count"]},
        )
        for row in rows
    ]
    return {
        "rows": rows,
        "total": sum(row["count"] for row in rows),
        "chart": bar_chart(entries, rtl=translation.get_language_bidi()),
    }


def pledge_facts(campaign) -> dict:
    """Pledges of the campaign by state: one query."""
    return pledges_of(campaign).aggregate(
        confirmed=Count("pk", filter=Q(status=PledgeStatus.CONFIRMED)),
        unconfirmed=Count("pk", filter=Q(status=PledgeStatus.PENDING)),
        organisations=Count(
            "pk", filter=Q(status=PledgeStatus.CONFIRMED, kind=PledgeKind.ORGANISATION)
        ),
        wall_waiting=Count("pk", filter=Q(status=PledgeStatus.CONFIRMED, wall=WallStatus.PENDING)),
    )


def reach_summary(campaign, ledger) -> dict:
    """Reach against the target: people counted directly (recorded, and what the ledger
    counted by itself) kept apart from estimates."""
    channels = reach_by_channel(campaign)
    recorded_direct = sum(row.direct for row in channels)
    estimated = sum(row.estimated for row in channels)
    counted = recorded_direct + (ledger.attendance or 0) + (ledger.pledges or 0)
    target = campaign.reach_target
    return {
        "channels": channels,
        "recorded_direct": recorded_direct,
        "estimated": estimated,
        "counted": counted,
        "with_estimates": counted + estimated,
        "target": target,
        "counted_percent": percent(counted, target),
        "with_estimates_percent": percent(counted + estimated, target),
    }


@require(*VIEW_PERMISSIONS)
def campaign_dashboard(request, pk: int):
    user = request.user
    campaign = campaign_for(user, pk)
    ledger = ledger_counts(campaign=campaign, user=user)
    pledges = pledge_facts(campaign)
    context = {
        "campaign": campaign,
        "dates": dates_text(campaign),
        "phase": phase_text(campaign),
        "zone": zone_of(campaign),
        "pledges": pledges,
        "pledge_percent": percent(pledges["confirmed"], campaign.pledge_target),
        "days": pledge_days(campaign),
        "reach": reach_summary(campaign, ledger),
        "ledger": ledger,
        "partners": partner_totals(campaign),
        "can_view_reach": user.has_perm("campaigns.view_reachrecord"),
        "can_view_pledges": user.has_perm("campaigns.view_pledge"),
        "can_export": user.has_perm("campaigns.export_pledge_contacts"),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[campaign.pk])
        if campaign.permissions_for_user(user).can_edit()
        else "",
        **chrome(
            campaign.title,
            crumbs=campaign_crumbs(campaign, dashboard=False),
            subtitle=campaign.programme.name if campaign.programme else "",
        ),
    }
    return TemplateResponse(request, "campaigns/admin/dashboard.html", context)
