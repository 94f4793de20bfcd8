"""The home page's 16 Days block: which campaign it announces, in the visitor's language.

``home`` never imports this app: its page asks the Wagtail hook ``linkage_home_campaign``
(``home.models.home_campaign``), registered here. The hook returns what the block shows,
as plain values: the current campaign (``selectors.current_campaign``: the one running
today, else the next, else the last), its address in the visitor's language (its
translation or alias there, else the original), its title and theme with the language they
are written in (an alias shows its original's words), and its dates as the visitor's
language writes them. None without a live campaign: the block then keeps its general text.
"""

from django.conf import settings
from django.utils import translation

from wagtail import hooks
from wagtail.models import Page

HOOK = "linkage_home_campaign"


@hooks.register(HOOK)
def home_campaign(request) -> dict | None:
    from .selectors import current_campaign
    from .sharing import dates_text

    language = translation.get_language() or settings.LANGUAGE_CODE
    campaign = current_campaign(language=language)
    if campaign is None:
        return None
    written_in = campaign.locale.language_code
    if campaign.alias_of_id:  # an alias shows its original's words
        written_in = (
            Page.objects.filter(pk=campaign.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
            or written_in
        )
    other = written_in != language
    return {
        "title": campaign.title,
        "theme": campaign.theme,
        "url": campaign.get_url(request=request),
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
        "dates": dates_text(campaign.starts_on, campaign.ends_on, language),
        # The language of the title and theme, when it is not the page's (for lang/dir).
        "lang": written_in if other else "",
        "dir": ("rtl" if translation.get_language_info(written_in)["bidi"] else "ltr")
        if other
        else "",
    }
