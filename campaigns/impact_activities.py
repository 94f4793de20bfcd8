"""The campaigns' part of the ledger's activities (``impact.activities``).

A pledge and a reach record are evidence of their campaign: the activity is the
campaign's original page (the first of its translations, whatever language the pledge
was made in), keyed ``campaigns.campaignpage:<pk>``, of kind ``campaign``. A reach
record through a partner took place in the partner's country. Organisers may limit an
indicator to their programme's campaigns. Registered at ``CampaignsConfig.ready()``.
"""

from django.utils.translation import gettext_lazy as _

from impact.activities import (
    programme_page_options,
    register_activity_kinds,
    register_activity_options,
)

CAMPAIGN_ACTIVITY = "campaign"
ACTIVITY_KINDS = [(CAMPAIGN_ACTIVITY, _("Campaign"))]


def campaign_activity(original, *, country: str = "") -> dict:
    """The activity fields of a row about the campaign whose original page is
    ``original`` (None: the campaign is gone, and the row is its own activity)."""
    if original is None:
        return {}
    return {
        "activity": original,
        "activity_key": f"campaigns.campaignpage:{original.pk}",
        "activity_kind": CAMPAIGN_ACTIVITY,
        "activity_country": country,
    }


def campaign_options(programme):
    """The programme's campaigns (owned or shared), each once, by title."""
    from .models import CampaignPage

    return programme_page_options(CampaignPage, programme)


def register() -> None:
    register_activity_kinds(_("Campaigns"), ACTIVITY_KINDS)
    register_activity_options(campaign_options)
