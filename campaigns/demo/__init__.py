"""Demo campaigns for `make run` (a step of ``linkage_demo``, home.demo_data, after the
events (300, 310) and the mentors (400)): the campaigns listing with a section for every
programme, and three campaigns of the current 16 Days (25 November – 10 December, this
year's until its last day, then next year's, as the events demo dates its debates):

- CommunityLinkage's "16 Days of Activism", shared with the Kosovo coordination mechanisms:
  sixteen daily actions, the 16 Days' public debates, a toolkit (posters and share cards
  in three languages), two stories told with recorded consent, 15,000 people to reach;
  in its eight working languages and Kosovo's two;
- the SEE coalition's campaign in five countries, with a partner page per country in its
  language, each with its own pledge target;
- the Lithuanian network's national "Stop violence against women" (Stop smurtui prieš
  moteris), in Lithuanian.

Then pledges in every state, reach by channel, and the totals recounted.

Idempotent, and what an organiser changed stays: a page is created once (found by its
slug), a translation made where there is none yet, files found by their title, and each
campaign's pledges and reach made once. Events are read through ``events.selectors`` only.
"""

from django.utils import timezone

from home.demo_data import register_demo_step

from ..models import CampaignPage
from . import content, pages, pledges, toolkit
from .languages import languages_of


def _campaign(index, spec: dict, name: str, year: int, stdout) -> CampaignPage:
    """One campaign, its translations, toolkit, partners, pledges and reach."""
    hero = None
    if spec is content.SIXTEEN_DAYS:
        from programmes.models import Programme

        programme = Programme.objects.filter(slug=spec["programme"]).first()
        if programme is not None and programme.collection_id:
            hero = toolkit.hero_image(spec, programme.collection)
    key = name.lower()
    page, created = pages.campaign_build(index, spec, key=key, year=year, hero=hero, stdout=stdout)
    translated = pages.campaign_translate(page, spec, key=key, name=name, year=year)
    if created:
        # The toolkit is made from the translated pages (their words and addresses), then
        # copied into every translation.
        page.toolkit = toolkit.toolkit_build(page, content.TOOLKIT_LANGUAGES[spec["programme"]])
        page.save_revision().publish()
        page = CampaignPage.objects.get(pk=page.pk)
        pages.toolkit_copy(page, translated)
    if spec is content.COALITION:
        pages.partners_build(page, stdout)
    pledges.pledges_build(page, spec["programme"], stdout)
    pledges.reach_build(page, spec["programme"], stdout)
    pledges.totals_refresh(page)
    if translated:
        stdout.write(f"  {page.title} translated into {', '.join(translated)}")
    return page


def load_demo_campaigns(*, stdout) -> None:
    year = pages.sixteen_days_year(timezone.localdate())
    index = pages.campaign_index(stdout)
    built = [
        _campaign(index, content.SIXTEEN_DAYS, "SIXTEEN_DAYS", year, stdout),
        _campaign(index, content.COALITION, "COALITION", year, stdout),
        _campaign(index, content.LITHUANIA, "LITHUANIA", year, stdout),
    ]
    stdout.write(
        f"Campaigns: {len(built)} campaigns of the {year} 16 Days at {index.url} "
        f"(in {len(languages_of('INDEX')) + 1} languages)"
    )


register_demo_step(load_demo_campaigns, order=450)
