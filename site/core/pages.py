"""Wagtail page helpers that more than one feature app needs: page privacy for the POST
endpoints that act on a page (enrol, register, complete), a one-query view-restriction
lookup, a page's live translations, read once per request, and the original an alias of a
page not yet translated stands for."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageViewRestriction

_TRANSLATIONS_ATTR = "_linkage_page_translations"


def ancestor_paths(page: Page, *, inclusive: bool = True) -> list[str]:
    """The tree paths of a page's ancestors (and the page), computed without a query."""
    steplen = page.steplen
    last = len(page.path) if inclusive else len(page.path) - steplen
    return [page.path[:end] for end in range(steplen, last + 1, steplen)]


def view_restrictions(page: Page):
    """Every PageViewRestriction that applies to the page: its own and its ancestors',
    an alias's taken from its source page (as Wagtail's ``get_view_restrictions``), in one
    query instead of two."""
    paths = ancestor_paths(page)
    sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__in=sources)
    )


def with_privacy_flag(queryset):
    """Annotate pages with ``privacy_free``: True when neither the page nor any ancestor has
    a view restriction or is an alias. Routing reads it with the page, so Wagtail's privacy
    check on the page view needs no query of its own (see the mixin below)."""
    guarded = Page.objects.filter(
        Q(view_restrictions__isnull=False) | Q(alias_of__isnull=False),
        path=Substr(OuterRef("path"), 1, Length("path")),
    )
    return queryset.annotate(privacy_free=~Exists(guarded))


class OneQueryViewRestrictionsMixin:
    """A page mixin: Wagtail's privacy check (run on every page view) reads the
    restrictions with one query, or none when the page was read ``with_privacy_flag``
    and nothing restricts it."""

    def get_view_restrictions(self):
        if getattr(self, "privacy_free", None) is True:
            return PageViewRestriction.objects.none()
        return view_restrictions(self)


def page_viewable(request, page: Page) -> bool:
    """Whether this request passes the page's privacy settings (login, password, groups),
    inherited from its ancestors: the check Wagtail makes before serving the page, for
    the endpoints that act on it."""
    return all(restriction.accept_request(request) for restriction in view_restrictions(page))


def live_translations(request, page: Page) -> list[Page]:
    """The page's live versions in every language (itself included, if live), as plain
    pages with their locale: no StreamField bodies. Read once per request and page."""
    cache = _translations_cache(request)
    if page.translation_key not in cache:
        cache[page.translation_key] = list(
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
            .order_by("locale__language_code")
        )
    return cache[page.translation_key]


def remember_translations(request, translation_key, pages: list[Page]) -> None:
    """Store translations read together with other pages, for ``live_translations``."""
    cache = _translations_cache(request)
    cache[translation_key] = sorted(pages, key=lambda p: p.locale.language_code)


def translations_known(request, translation_key) -> bool:
    return translation_key in _translations_cache(request)


def _translations_cache(request) -> dict:
    if request is None:
        return {}
    cache = getattr(request, _TRANSLATIONS_ATTR, None)
    if cache is None:
        cache = {}
        setattr(request, _TRANSLATIONS_ATTR, cache)
    return cache


def alias_original(request, page: Page) -> Page | None:
    """The page whose content an alias shows, when that page is in another language than
    the alias (a page not yet translated); None for a translation, an original or an
    alias within one language. Read from the page's live translations (no query when the
    page chrome has read them already)."""
    if not page.alias_of_id:
        return None
    original = next((t for t in live_translations(request, page) if t.pk == page.alias_of_id), None)
    if original is None:  # an alias of an alias, or of a page in another tree
        original = Page.objects.select_related("locale").filter(pk=page.alias_of_id).first()
        while original is not None and original.alias_of_id:
            original = Page.objects.select_related("locale").filter(pk=original.alias_of_id).first()
    if original is None or original.locale_id == page.locale_id:
        return None
    return original
