"""Campaigns for tests: a campaigns listing under the site root and campaigns in the
"Test programme" section by default (so the ``organiser`` fixture, who runs that programme,
sees them)."""

from datetime import date, timedelta

from django.utils import timezone

from campaigns.models import (
    CampaignDay,
    CampaignIndexPage,
    CampaignPage,
    CampaignPartnerPage,
    CampaignSectionPage,
)

from .events import _home


def campaign_index_page() -> CampaignIndexPage:
    existing = CampaignIndexPage.objects.first()
    if existing is not None:
        return existing
    return _home().add_child(instance=CampaignIndexPage(title="Campaigns", slug="campaigns"))


def campaign_section(programme=None) -> CampaignSectionPage:
    from programmes.sections import programme_sections_ensure, section_for

    from .programmes import programme_make

    campaign_index_page()
    programme = programme or programme_make()
    section = section_for(programme=programme, section_model=CampaignSectionPage)
    if section is None:
        programme_sections_ensure(programme=programme)
        section = section_for(programme=programme, section_model=CampaignSectionPage)
    return section


def campaign_page(parent=None, *, publish: bool = True, days: int = 0, **fields) -> CampaignPage:
    """The 16 Days around today (running: began 5 days ago) in Vilnius unless ``fields`` say
    otherwise; ``days`` adds that many daily entries from the first day."""
    parent = parent or campaign_section()
    today = timezone.localdate()
    values = {
        "title": "16 Days of Activism",
        "theme": "Unite to end violence against women",
        "starts_on": today - timedelta(days=5),
        "ends_on": today + timedelta(days=10),
        "time_zone": "Europe/Vilnius",
        "pledge_target": 100,
        "reach_target": 15000,
    }
    values.update(fields)
    values.setdefault("slug", f"campaign-{CampaignPage.objects.count() + 1}")
    page = CampaignPage(**values)
    for index in range(days):
        page.days.add(
            CampaignDay(
                day=page.starts_on + timedelta(days=index),
                theme=f"Day {index + 1}",
                action=f"Action of day {index + 1}",
                share_text=f"Share day {index + 1} #16Days",
            )
        )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish() if page.live else None
    return page


def partner_page(campaign: CampaignPage, *, publish: bool = True, **fields) -> CampaignPartnerPage:
    values = {
        "title": "Partner",
        "organisation": "Women's Rights Centre",
        "country": "AL",
        "pledge_target": 20,
    }
    values.update(fields)
    values.setdefault("slug", f"partner-{CampaignPartnerPage.objects.count() + 1}")
    page = CampaignPartnerPage(**values)
    campaign.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def sixteen_days(year: int) -> tuple[date, date]:
    return date(year, 11, 25), date(year, 12, 10)
