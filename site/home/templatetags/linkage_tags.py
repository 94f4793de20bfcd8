"""The page chrome: the home page in the visitor's language, the main menu, the language
switcher, the footer's privacy link, and the notice on a page not yet translated.

Everything the chrome shows comes from one query per request (``chrome()``), cached on the
request: the home page in every language, its children in the menu, the current page's
live translations (aliases included: every page exists in every language, see
``core.locales``) and the privacy page's translation. Nothing is cached across requests,
so nothing leaks between sites or languages or outlives a publish. The safety settings
(with their privacy page) are Wagtail's, cached per request.
"""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.db.models import Q
from django.utils import translation

from wagtail.models import Page, Site

from core.pages import (
    alias_original,
    live_translations,
    remember_translations,
    translations_known,
)

register = template.Library()

_CHROME_ATTR = "_linkage_chrome"


@dataclass
class Chrome:
    root: Page | None = None
    menu: list[Page] = field(default_factory=list)
    privacy_page: Page | None = None
    # The home page's live versions by language code (the switcher's way home).
    homes: dict[str, Page] = field(default_factory=dict)


def chrome(context) -> Chrome:
    """What the header and footer show, for this request, language and page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return Chrome()
    language = translation.get_language()
    page = _current_page(context)
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
    wanted = Q(translation_key=root.translation_key)  # the home page in every language
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
        if home.pk != root.pk:
            # In the site's own order: a language's tree was filled in whatever order
            # its translations and aliases were made.
            order = {
                r.translation_key: r.path
                for r in rows
                if r.depth == root.depth + 1 and r.path.startswith(root.path)
            }
            menu.sort(key=lambda r: (order.get(r.translation_key, "~"), r.path))
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
    homes = {
        r.locale.language_code: r
        for r in rows
        if r.translation_key == root.translation_key and (r.live or r.pk == root.pk)
    }
    return Chrome(root=home, menu=menu, privacy_page=localized_privacy, homes=homes)


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
    """Every language, each leading somewhere that answers.

    On a Wagtail page, a link to the page in that language: its translation, or its alias
    (the original with a notice), which every synchronised language has; failing both (a
    language not synchronised), the home page in that language. Elsewhere (account pages,
    My Linkage, the safety page: one address for every language) a button posts to
    set_language, which works without JavaScript."""
    page = _current_page(context)
    request = context.get("request")
    current = translation.get_language()
    urls: dict[str, str] = {}
    if page is not None:
        chrome_ = chrome(context)  # reads the translations with the rest of the chrome
        for code, home in chrome_.homes.items():
            urls[code] = home.get_url(request)
        suffix = _route_suffix(request, page)
        for translated in live_translations(request, page):
            url = translated.get_url(request)
            if url:
                urls[translated.locale.language_code] = url + suffix
    languages = [
        {
            "code": code,
            "name": name,
            "url": urls.get(code),
            "current": code == current,
            "bidi": translation.get_language_info(code)["bidi"],
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "request": request,
        "languages": languages,
        "current": current,
        "next": "/" if page is not None else (request.get_full_path() if request else "/"),
    }


def _route_suffix(request, page: Page) -> str:
    """What the address adds to the page's own: a routable page's sub-path and the query
    string (the events listing's month, ``month/2026/12/``, and its filters), so the switcher
    keeps the visitor where she is instead of sending her back to the list."""
    if request is None:
        return ""
    suffix = ""
    own = page.get_url(request) or ""
    if own.startswith("/") and request.path.startswith(own):
        suffix = request.path[len(own) :]
    query = request.META.get("QUERY_STRING", "")
    return f"{suffix}?{query}" if query else suffix


@dataclass
class OriginalLanguage:
    """The language a page not yet translated is shown in (its original's)."""

    page: Page
    code: str
    name: str  # in the visitor's language
    wanted: str  # the visitor's language, named in it
    bidi: bool

    @property
    def dir(self) -> str:
        return "rtl" if self.bidi else "ltr"


@register.simple_tag(takes_context=True)
def original_language(context) -> OriginalLanguage | None:
    """On an alias of a page not yet translated into the active language: the original's
    language, for the notice and the ``lang`` of the content. None elsewhere."""
    page = _current_page(context)
    if page is None or not page.alias_of_id:
        return None
    request = context.get("request")
    chrome(context)
    original = alias_original(request, page)
    if original is None:
        return None
    code = original.locale.language_code
    info = translation.get_language_info(code)
    return OriginalLanguage(
        page=original,
        code=code,
        name=str(info["name_translated"]),
        wanted=str(translation.get_language_info(translation.get_language())["name_translated"]),
        bidi=info["bidi"],
    )


def _current_page(context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) and page.pk else None


@register.simple_tag(takes_context=True)
def written_in(context, languages, page) -> list[dict]:
    """The languages a page is written in, from its versions (``languages``: dicts with
    code, name and page, as ``courses.selectors.course_languages``): its original and its
    translations, not the aliases that stand in for it elsewhere (they show the original).
    Each has the ``url`` of its version, except the one being read (an alias reads its
    original) and a version without an address: those are not links."""
    request = context.get("request")
    written = []
    for language in languages:
        version = language["page"]
        if version.alias_of_id:
            continue
        url = None
        if version.pk not in (page.pk, page.alias_of_id):
            url = version.get_url(request)
        written.append({"code": language["code"], "name": language["name"], "url": url})
    return written


@register.simple_tag
def helplines_for(safety_settings, country: str = ""):
    """Helplines with the visitor's country first."""
    lines = list(safety_settings.helplines.all())
    return sorted(lines, key=lambda line: (line.country != country, line.sort_order or 0))


@register.filter
def bdi(value):
    """``value`` isolated from the text around it (``<bdi>``): a name in another script or
    direction (an English programme name on an Arabic page) keeps its punctuation in place."""
    from django.utils.html import format_html

    return format_html("<bdi>{}</bdi>", value)
