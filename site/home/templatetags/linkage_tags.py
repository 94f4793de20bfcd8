"""The page chrome: the home page in the visitor's language, the main menu, the language
switcher and the footer's privacy link.

Everything the chrome shows comes from one query per request (``chrome()``), cached on the
request: the home page's translation in the active language, its children in the menu,
the current page's live translations and the privacy page's translation. Nothing is
cached across requests, so nothing leaks between sites or languages or outlives a
publish. The safety settings (with their privacy page) are Wagtail's, cached per request.
"""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.db.models import Q
from django.utils import translation

from wagtail.models import Page, Site

from core.pages import live_translations, remember_translations, translations_known

register = template.Library()

_CHROME_ATTR = "_linkage_chrome"


@dataclass
class Chrome:
    root: Page | None = None
    menu: list[Page] = field(default_factory=list)
    privacy_page: Page | None = None


def chrome(context) -> Chrome:
    """What the header and footer show, for this request, language and page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return Chrome()
    language = translation.get_language()
    page = context.get("page")
    page = page if isinstance(page, Page) and page.pk else None
    key = (site.pk, language, page.pk if page else None)
    cached = getattr(request, _CHROME_ATTR, None)
    if cached is not None and cached[0] == key:
        return cached[1]
    result = _read_chrome(request, site, language, page)
    setattr(request, _CHROME_ATTR, (key, result))
    return result


def _read_chrome(request, site: Site, language: str, page: Page | None) -> Chrome:
    root = site.root_page
    privacy = _privacy_page(request)
    in_language = Q(locale__language_code=language)
    wanted = Q(translation_key=root.translation_key) & in_language
    # Menu items: children of the home page in this language (or of the site's root page,
    # when the home page is not translated); filtered by path below.
    wanted |= Q(depth=root.depth + 1, live=True, show_in_menus=True) & (
        in_language | Q(path__startswith=root.path)
    )
    if privacy is not None:
        wanted |= Q(translation_key=privacy.translation_key, live=True) & in_language
    with_translations = page is not None and not translations_known(request, page.translation_key)
    if with_translations:
        wanted |= Q(translation_key=page.translation_key, live=True)
    rows = list(Page.objects.filter(wanted).select_related("locale").order_by("path"))

    def in_active_language(row, translation_key):
        return row.translation_key == translation_key and row.locale.language_code == language

    home = next((r for r in rows if in_active_language(r, root.translation_key)), root)
    if home.depth == root.depth:
        menu = [
            r
            for r in rows
            if r.live
            and r.show_in_menus
            and r.depth == home.depth + 1
            and r.path.startswith(home.path)
        ]
    else:  # a home page moved to another level: ask for its children
        menu = list(home.get_children().live().in_menu())
    if with_translations:
        remember_translations(
            request,
            page.translation_key,
            [r for r in rows if r.translation_key == page.translation_key and r.live],
        )
    localized_privacy = None
    if privacy is not None:
        localized_privacy = next(
            (r for r in rows if r.live and in_active_language(r, privacy.translation_key)),
            privacy,
        )
    return Chrome(root=home, menu=menu, privacy_page=localized_privacy)


def _privacy_page(request) -> Page | None:
    from home.models import SafetySettings

    try:
        return SafetySettings.for_request(request).privacy_page
    except SafetySettings.DoesNotExist:
        return None


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page in the active language (falls back to the site's root page)."""
    return chrome(context).root


@register.simple_tag(takes_context=True)
def privacy_page(context):
    """The privacy page from the safety settings, in the active language when translated."""
    return chrome(context).privacy_page


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    current = chrome(context)
    return {
        "request": context.get("request"),
        "items": current.menu,
        "root": current.root,
        "page": context.get("page"),
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page's translations when it is a Wagtail page; otherwise the
    set_language form, which works without JavaScript."""
    page = context.get("page")
    request = context.get("request")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        chrome(context)  # reads the translations with the rest of the chrome
        for translated in live_translations(request, page):
            translations[translated.locale.language_code] = translated.get_url(request)
    languages = [
        {
            "code": code,
            "name": name,
            "url": translations.get(code),
            "current": code == current,
            "bidi": translation.get_language_info(code)["bidi"],
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "request": request,
        "languages": languages,
        "current": current,
        "next": request.get_full_path() if request else "/",
    }


@register.simple_tag
def helplines_for(safety_settings, country: str = ""):
    """Helplines with the visitor's country first."""
    lines = list(safety_settings.helplines.all())
    return sorted(lines, key=lambda line: (line.country != country, line.sort_order or 0))
