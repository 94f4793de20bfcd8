"""The pledge wall's moderation queue: confirmed pledges whose pledgers asked to be on the
wall, waiting for an organiser; and the latest decisions, which can be changed.

An organiser sees what the wall would show (the name or "Anonymous", the organisation, the
commitment, the country), never the pledger's address: it is not even loaded. Decisions go
through ``campaigns.services.wall_decide``, which records them in the audit log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..admin_selectors import campaign_for, partners_of, pledge_for, wall_decided, wall_queue
from .common import campaign_crumbs, chrome, moment_text, require

PER_PAGE = 50
DECIDED_ROWS = 30


def _describe(pledges, campaign, partners) -> None:
    for pledge in pledges:
        pledge.shown_name = _("Anonymous") if pledge.anonymous else pledge.display_name
        pledge.partner = partners.get(pledge.partner_key)
        pledge.confirmed_text = moment_text(pledge.confirmed_at, campaign)
        pledge.decided_text = moment_text(pledge.wall_decided_at, campaign)


@require("campaigns.view_pledge")
def wall(request, pk: int):
    campaign = campaign_for(request.user, pk)
    partners = {partner.translation_key: partner for partner in partners_of(campaign)}
    page = Paginator(wall_queue(campaign), PER_PAGE).get_page(request.GET.get("p"))
    decided = list(wall_decided(campaign)[:DECIDED_ROWS])
    _describe(page, campaign, partners)
    _describe(decided, campaign, partners)
    return TemplateResponse(
        request,
        "campaigns/admin/wall.html",
        {
            "campaign": campaign,
            "pledges": page,
            "page": page,
            "query": "",
            "decided": decided,
            "can_decide": request.user.has_perm("campaigns.moderate_pledge"),
            "wall_shown": campaign.pledge_wall,
            **chrome(
                _("Pledge wall"),
                crumbs=campaign_crumbs(campaign),
                subtitle=campaign.title,
            ),
        },
    )


@require_POST
@require("campaigns.moderate_pledge")
def wall_decide(request, pk: int, pledge_pk: int):
    """Approve a pledge for the wall, or turn it down (``decision``: approve / reject)."""
    from .. import services

    campaign = campaign_for(request.user, pk)
    pledge = pledge_for(campaign, pledge_pk)
    decision = request.POST.get("decision", "")
    back = reverse("campaigns_admin:wall", args=[campaign.pk])
    if decision not in ("approve", "reject"):
        messages.error(request, _("Choose whether to show the pledge on the wall."))
        return redirect(back)
    try:
        services.wall_decide(pledge=pledge, approve=decision == "approve", by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("The pledge is shown on the wall.")
            if decision == "approve"
            else _("The pledge is kept off the wall."),
        )
    return redirect(back)
