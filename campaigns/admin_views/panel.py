"""The "Campaigns" panel of a programme's dashboard: the programme's running campaign (else
the next to come, else the latest) with its confirmed pledges and reach against its
targets, and the way to its dashboard and to every campaign. A fixed number of queries."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from programmes.components import ProgrammePanel

from ..admin_selectors import campaign_today, programme_campaigns
from .common import VIEW_PERMISSIONS, dates_text, percent, phase_text

PANEL_ORDER = 350


def featured_campaign(campaigns):
    """The running campaign (the one that began last), else the next to begin, else the one
    that ended last; each judged by today in its own zone."""
    running, coming, ended = [], [], []
    for campaign in campaigns:
        today = campaign_today(campaign)
        if campaign.starts_on <= today <= campaign.ends_on:
            running.append(campaign)
        elif today < campaign.starts_on:
            coming.append(campaign)
        else:
            ended.append(campaign)
    if running:
        return max(running, key=lambda c: (c.starts_on, c.pk))
    if coming:
        return min(coming, key=lambda c: (c.starts_on, c.pk))
    if ended:
        return max(ended, key=lambda c: (c.ends_on, c.pk))
    return None


def programme_panel(request, programme) -> list:
    user = request.user
    if not any(user.has_perm(permission) for permission in VIEW_PERMISSIONS):
        return []
    campaigns = programme_campaigns(user, programme)
    campaign = featured_campaign(campaigns)
    context = {"campaign": campaign, "index_url": reverse("campaigns_admin:index")}
    if campaign is not None:
        context.update(
            dates=dates_text(campaign),
            phase=phase_text(campaign),
            pledge_percent=percent(campaign.confirmed_pledges, campaign.pledge_target),
            reach_percent=percent(campaign.reach_direct, campaign.reach_target),
            dashboard_url=reverse("campaigns_admin:dashboard", args=[campaign.pk]),
            wall_url=reverse("campaigns_admin:wall", args=[campaign.pk]),
            others=len(campaigns) - 1,
        )
    return [
        ProgrammePanel(
            name="campaigns",
            title=gettext_lazy("Campaigns"),
            template_name="campaigns/admin/programme_panel.html",
            order=PANEL_ORDER,
            context=context,
        )
    ]
