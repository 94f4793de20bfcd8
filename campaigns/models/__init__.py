from .pages import (
    CampaignDay,
    CampaignEvent,
    CampaignIndexPage,
    CampaignPage,
    CampaignPartnerPage,
    CampaignSectionPage,
    CampaignStory,
    ToolkitItem,
)
from .pledges import Pledge, PledgeTotal, ReachRecord

__all__ = [
    "CampaignDay",
    "CampaignEvent",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPartnerPage",
    "CampaignSectionPage",
    "CampaignStory",
    "Pledge",
    "PledgeTotal",
    "ReachRecord",
    "ToolkitItem",
]
