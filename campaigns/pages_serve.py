"""What the campaign pages show: the listing, a programme's section, a campaign and a
coalition partner's page. The page models call these (``campaigns.models.pages``).

Every page here is the same for every anonymous visitor and is served from the page cache
(``core.page_cache``). What changes by itself with time is the campaign's day ("Day 6 of
16", the countdown, the highlighted entry), so each page caps its cached life at the next
midnight in the campaign's zone (``days.campaign_phase``). Totals come from ``PledgeTotal``
(``selectors.campaign_totals``), kept by a task that invalidates the cache when they move.
The pledge form carries no CSRF token: ``views.pledge_submit`` checks the form's origin.

A page renders in a fixed number of queries however many days, events, partners, wall
entries, toolkit materials or stories it shows.
"""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Page

from core.addresses import absolute_url
from core.page_cache import cache_for
from core.timezones import zone_name
from events.when import day_text

from . import calendar, selectors
from .days import campaign_phase
from .forms import PledgeForm, privacy_text
from .models import CampaignPage

# Open Graph wants language_TERRITORY: the territory where each language is mostly read.
OG_LOCALES = {
    "en": "en_GB",
    "lt": "lt_LT",
    "sq": "sq_AL",
    "sr-latn": "sr_RS",
    "ar": "ar_AR",
    "es": "es_ES",
    "it": "it_IT",
    "el": "el_GR",
    "sl": "sl_SI",
    "mk": "mk_MK",
    "uk": "uk_UA",
    "fa": "fa_IR",
}
SHARE_IMAGE_SIZE = (1200, 630)


# --- Small helpers ----------------------------------------------------------------------------


# Languages that write weekdays in lower case inside a sentence (Django's names start with
# a capital, right only where a date begins the text).
LOWER_CASE_WEEKDAYS = {"lt", "es", "it", "sl", "mk", "uk", "sr-latn", "sq"}


def dates_text(campaign) -> str:
    """ "Wednesday 25 November – Thursday 10 December 2026", as the active language writes
    days (``events.when.day_text``)."""
    first, last = campaign.starts_on, campaign.ends_on
    if first == last:
        return day_text(first)
    last_text = day_text(last)
    if (get_language() or "").lower() in LOWER_CASE_WEEKDAYS:
        last_text = last_text[:1].lower() + last_text[1:]
    return _("%(first)s – %(last)s") % {
        "first": day_text(first, year=first.year != last.year),
        "last": last_text,
    }


def phase_text(phase) -> str:
    if phase.running:
        return _("Day %(number)s of %(total)s") % {
            "number": phase.day_number,
            "total": phase.total_days,
        }
    if phase.before:
        if phase.days_to_go == 1:
            return _("Starts tomorrow")
        return ngettext("Starts in %(days)s day", "Starts in %(days)s days", phase.days_to_go) % {
            "days": phase.days_to_go
        }
    return _("Ended")


def share_links(url: str, text: str, subject: str, *, only: tuple[str, ...] = ()) -> list[dict]:
    """Plain links that open each service's own share page: no script, no widget, nothing
    loaded from another site until the visitor chooses to go there. ``only``: the keys of
    the services wanted (all by default)."""
    message = f"{text} {url}".strip()
    mail = urlencode({"subject": subject, "body": f"{text}\n\n{url}".strip()}, quote_via=quote)
    links = [
        ("email", _("E-mail"), "mailto:?" + mail),
        ("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": message})),
        ("telegram", "Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": text})),
        (
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ("x", "X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        (
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
    ]
    return [
        {"key": key, "name": name, "href": href}
        for key, name, href in links
        if not only or key in only
    ]


# A day's share text goes where text travels: e-mail, the messengers and X.
DAY_SHARE = ("email", "whatsapp", "telegram", "x")


def language_named(code: str) -> dict:
    """A language named in itself, as the language switcher names it ("Lietuvių",
    "العربية"), with the ``lang`` and ``dir`` to mark the name."""
    names = dict(settings.LANGUAGES)
    try:
        info = translation.get_language_info(code)
    except KeyError:
        return {"code": code, "name": names.get(code, code), "dir": "ltr"}
    return {
        "code": code,
        "name": names.get(code, info["name_local"]),
        "dir": "rtl" if info["bidi"] else "ltr",
    }


def events_listing_url(campaign) -> str:
    """The events listing in the campaign's language, filtered to its events (the listing's
    "campaign" filter takes the campaign's translation key); empty without a listing.

    Found by content type so this app does not import the events models."""
    index = (
        Page.objects.live()
        .filter(
            content_type__app_label="events",
            content_type__model="eventindexpage",
            locale_id=campaign.locale_id,
        )
        .order_by("path")
        .only("id", "url_path")
        .first()
    )
    if index is None or not index.url:
        return ""
    return index.url + "?" + urlencode({"campaign": str(campaign.translation_key)})


def subpage_url(campaign, route: str) -> str:
    return campaign.url + campaign.reverse_subpage(route)


def _cached_until_midnight(response, phases) -> TemplateResponse:
    seconds = min((phase.seconds_to_change for phase in phases), default=None)
    if seconds is not None:
        cache_for(response, seconds)
    return response


# --- Listing and sections -----------------------------------------------------------------


def _cards(campaigns) -> tuple[dict, list]:
    groups = {"running": [], "coming": [], "past": []}
    phases = []
    for campaign in campaigns:
        phase = campaign_phase(campaign)
        phases.append(phase)
        key = "running" if phase.running else "coming" if phase.before else "past"
        groups[key].append(
            {
                "page": campaign,
                "phase": phase,
                "phase_text": phase_text(phase),
                "dates": dates_text(campaign),
                "colour": campaign.palette["accent"][1:],
            }
        )
    groups["running"].sort(key=lambda card: card["page"].ends_on)
    groups["coming"].sort(key=lambda card: card["page"].starts_on)
    groups["past"].sort(key=lambda card: card["page"].ends_on, reverse=True)
    return groups, phases


def _listing(request, page, campaigns, template: str):
    groups, phases = _cards(campaigns)
    colours = sorted({card["colour"] for cards in groups.values() for card in cards})
    context = {
        "page": page,
        "self": page,
        "colour_urls": [reverse("campaigns:colours", args=[colour]) for colour in colours],
        "running": groups["running"],
        "coming": groups["coming"],
        "past": groups["past"],
    }
    response = TemplateResponse(request, template, context)
    return _cached_until_midnight(response, phases)


def _campaign_cards_queryset():
    return (
        CampaignPage.objects.live()
        .public()
        .only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "alias_of_id",
            "theme",
            "intro",
            "starts_on",
            "ends_on",
            "time_zone",
            "colour",
        )
    )


def campaign_index(request, index):
    campaigns = _campaign_cards_queryset().descendant_of(index)
    return _listing(request, index, campaigns, "campaigns/campaign_index_page.html")


def campaign_section(request, section):
    campaigns = _campaign_cards_queryset().child_of(section)
    return _listing(request, section, campaigns, "campaigns/campaign_section_page.html")


# --- A campaign ---------------------------------------------------------------------------


def _days(campaign, phase, page_url: str) -> list[dict]:
    entries = sorted(campaign.days.all(), key=lambda entry: (entry.day, entry.sort_order or 0))
    days = []
    anchors: set[str] = set()
    for entry in entries:
        anchor = f"day-{entry.day.isoformat()}"
        if anchor in anchors:  # two entries for one day: ids stay unique
            anchor = f"{anchor}-{len(anchors) + 1}"
        anchors.add(anchor)
        days.append(
            {
                "entry": entry,
                "anchor": anchor,
                "date": day_text(entry.day, year=False),
                "number": (entry.day - campaign.starts_on).days + 1,
                "today": entry.day == phase.today,
                "past": entry.day < phase.today,
                "share": (
                    share_links(
                        f"{page_url}#{anchor}", entry.share_text, campaign.title, only=DAY_SHARE
                    )
                    if entry.share_text
                    else []
                ),
            }
        )
    return days


def _toolkit(campaign) -> list[dict]:
    renditions = get_image_model().get_rendition_model().objects.all()
    # A preview's rows are in memory (modelcluster): these then change nothing.
    items = (
        campaign.toolkit.all()
        .select_related("document", "image")
        .prefetch_related(Prefetch("image__renditions", queryset=renditions))
    )
    materials = []
    for item in items:
        material = {
            "item": item,
            "kind": item.get_kind_display(),
            "language": language_named(item.language),
        }
        if item.document_id:
            document = item.document
            material["url"] = document.url
            material["type"] = (document.file_extension or "").upper()
            material["size"] = filesizeformat(document.file_size) if document.file_size else ""
        materials.append(material)
    return materials


def _stories(campaign) -> list[dict]:
    """What a story shows: never how its consent was recorded."""
    return [
        {"title": story.title, "text": story.text, "attribution": story.attribution}
        for story in campaign.stories.all()
    ]


def _open_graph(request, campaign, page, page_url: str) -> dict:
    language = translation.get_language() or settings.LANGUAGE_CODE
    description = page.intro if page is not campaign else (campaign.intro or campaign.theme)
    return {
        "title": page.seo_title or page.title,
        "description": description or campaign.theme,
        "url": page_url,
        "image": absolute_url(subpage_url(campaign, "share_image")),
        "image_alt": _("%(title)s: %(theme)s, %(dates)s")
        % {"title": campaign.title, "theme": campaign.theme, "dates": dates_text(campaign)},
        "image_width": SHARE_IMAGE_SIZE[0],
        "image_height": SHARE_IMAGE_SIZE[1],
        "locale": OG_LOCALES.get(language, translation.to_locale(language)),
    }


def _pledge_part(campaign, page, phase, *, country: str = "") -> dict:
    """The form (or why there is none) as every visitor gets it."""
    is_open = campaign.pledges_open and not phase.after
    return {
        "pledges_open": is_open,
        "form": PledgeForm(country=country) if is_open else None,
        "form_action": reverse("campaigns:pledge_submit", args=[page.pk]),
        "privacy_text": privacy_text(),
    }


def _common(request, campaign, page, phase) -> dict:
    page_url = absolute_url(page.url)
    return {
        "page": page,
        "self": page,
        "campaign": campaign,
        "phase": phase,
        "phase_text": phase_text(phase),
        "dates": dates_text(campaign),
        "zone": zone_name(campaign.time_zone),
        "colours_url": reverse("campaigns:colours", args=[campaign.palette["accent"][1:]]),
        "page_url": page_url,
        "share": share_links(page_url, page.intro or campaign.theme, page.title),
        "og": _open_graph(request, campaign, page, page_url),
        "poster_url": subpage_url(campaign, "poster"),
        "share_image_url": subpage_url(campaign, "share_image"),
    }


def campaign_page(request, campaign):
    phase = campaign_phase(campaign)
    context = _common(request, campaign, campaign, phase)
    totals = selectors.campaign_totals(campaign=campaign)
    context.update(
        partner=None,
        totals=totals,
        days=_days(campaign, phase, context["page_url"]),
        wall=selectors.pledge_wall(campaign=campaign) if campaign.pledge_wall else [],
        event_days=[
            {**event_day, "date": day_text(event_day["day"])}
            for event_day in calendar.campaign_event_days(campaign=campaign)
        ],
        calendar_url=subpage_url(campaign, "calendar_feed"),
        events_url=events_listing_url(campaign),
        toolkit=_toolkit(campaign),
        stories=_stories(campaign),
        **_pledge_part(campaign, campaign, phase),
    )
    context["today"] = next((day for day in context["days"] if day["today"]), None)
    response = TemplateResponse(request, "campaigns/campaign_page.html", context)
    return _cached_until_midnight(response, [phase])


def partner_page(request, partner):
    campaign = partner.get_parent().specific
    phase = campaign_phase(campaign)
    context = _common(request, campaign, partner, phase)
    totals = selectors.campaign_totals(campaign=campaign)
    own = next(
        (entry for entry in totals["partners"] if entry["page"].pk == partner.pk),
        {
            "page": partner,
            "confirmed": 0,
            "target": partner.pledge_target,
            "percent": 0,
            "organisations": 0,
        },
    )
    context.update(
        partner=partner,
        totals=totals,
        partner_total=own,
        **_pledge_part(campaign, partner, phase, country=partner.country),
    )
    response = TemplateResponse(request, "campaigns/campaign_partner_page.html", context)
    return _cached_until_midnight(response, [phase])
