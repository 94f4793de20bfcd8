from django import template
from django.utils import translation

from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page in the active language (falls back to the site's root page)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    try:
        locale = Locale.objects.get_for_language(translation.get_language())
    except Locale.DoesNotExist:
        return root
    return root.get_translation_or_none(locale) or root


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = site_root(context)
    items = root.get_children().live().in_menu().specific() if root else Page.objects.none()
    return {
        "request": context.get("request"),
        "items": items,
        "root": root,
        "page": context.get("page"),
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page's translations when it is a Wagtail page; otherwise the
    set_language form, which works without JavaScript."""
    from django.conf import settings

    page = context.get("page")
    request = context.get("request")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page):
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
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
