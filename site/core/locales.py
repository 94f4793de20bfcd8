"""Every page in every language, the way wagtail-localize does it.

Each content language is a Wagtail ``Locale`` synchronised from the default one (English):
wagtail-localize keeps an *alias* of every English page in every other language's tree, so
``/lt/events/`` exists from the moment ``/events/`` does. An alias shows the original
(with a notice in the visitor's language, see ``home``); translating the page in
wagtail-localize's editor turns the alias into a real translation in place, same address.

- ``locales_ensure()`` creates the locales and their synchronisation, and fills the trees.
  It runs after every ``migrate`` (``core.apps``) when ``LINKAGE_LOCALE_SYNC`` is on
  (the default). The test settings turn it off, so that a test's pages are not copied
  into eleven trees; the tests of the mechanism call it with ``sync=True``.
- ``aliases_ensure(page)`` gives a page created in code (a programme's section, the demo)
  its aliases, as wagtail-localize's ``after_create_page`` hook does for the admin.
- ``translation_publish(page, locale, strings)`` translates a page through
  wagtail-localize (its translation source and string translations), so an editor who
  opens the translation later finds the same strings in its editor.
"""

from collections.abc import Mapping

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page


def sync_enabled() -> bool:
    return getattr(settings, "LINKAGE_LOCALE_SYNC", True)


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@transaction.atomic
def locales_ensure(*, sync: bool | None = None) -> list[Locale]:
    """Create a Locale for every content language; with ``sync`` (default: the setting),
    synchronise each from the default locale and create the missing aliases. Idempotent."""
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import PageIndex, synchronize_tree

    sync = sync_enabled() if sync is None else sync
    locales = [Locale.objects.get_or_create(language_code=c)[0] for c in content_language_codes()]
    if not sync:
        return locales
    default = Locale.get_default()
    others = [locale for locale in locales if locale.pk != default.pk]
    for locale in others:
        # A new synchronisation fills its tree at once (wagtail-localize's signal).
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
    lacking = _locales_lacking_pages(default, others)
    if lacking:
        # One index of the whole tree serves every locale: copying into one locale does not
        # change what another lacks, and parents come before their children.
        index = PageIndex.from_database().sort_by_tree_position()
        for locale in lacking:
            synchronize_tree(default, locale, page_index=index)
    return locales


def _locales_lacking_pages(source: Locale, locales: list[Locale]) -> list[Locale]:
    """The locales that miss a version (translation or alias) of a page of ``source``."""
    originals = Page.objects.filter(locale=source, depth__gt=1, alias_of__isnull=True)
    wanted = set(originals.values_list("translation_key", flat=True))
    have: dict[int, set] = {locale.pk: set() for locale in locales}
    for locale_id, key in Page.objects.filter(
        locale__in=locales, translation_key__in=originals.values("translation_key")
    ).values_list("locale_id", "translation_key"):
        have[locale_id].add(key)
    return [locale for locale in locales if wanted - have[locale.pk]]


def synced_locales(source: Locale) -> list[Locale]:
    """The locales that follow ``source`` (wagtail-localize's LocaleSynchronization)."""
    from wagtail_localize.models import LocaleSynchronization

    ids = LocaleSynchronization.objects.filter(sync_from=source).values("locale_id")
    return list(Locale.objects.filter(pk__in=ids))


def aliases_ensure(page: Page) -> list[Page]:
    """Aliases of ``page`` (and of its missing ancestors) in every locale synchronised from
    its own; the ones that exist are left alone. Returns the aliases created."""
    created = []
    for locale in synced_locales(page.locale):
        if page.get_translation_or_none(locale) is None:
            created.append(page.copy_for_translation(locale, copy_parents=True, alias=True))
    return created


@transaction.atomic
def translation_publish(
    page: Page, locale: Locale, strings: Mapping[str, str], *, user=None, machine: bool = False
) -> Page:
    """Translate ``page`` into ``locale`` through wagtail-localize and publish it.

    ``strings`` maps the page's English segments (its title, slug, each paragraph of rich
    text, each block's text) to their translations; a segment without one keeps the
    original text. An alias of the page, if there is one, becomes the translation in place
    (same address, its children stay below it). ``machine`` records the strings as
    machine-assisted (wagtail-localize shows it). The translation is published at once,
    not when the surrounding transaction commits (wagtail-localize's own way), so the
    caller reads it live straight away. Running it again with the same strings changes
    nothing but a new revision."""
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    if page.alias_of_id:  # an alias stands for its original
        page = Page.objects.get(pk=page.alias_of_id)
    page = page.specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    kind = (
        StringTranslation.TRANSLATION_TYPE_MACHINE
        if machine
        else StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        translated = strings.get(segment.string.data)
        if translated is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translated, "translation_type": kind},
        )
    # The record wagtail-localize's editor opens: an editor who translates the page later
    # finds these strings there.
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    source.create_or_update_translation(
        locale, user=user, publish=False, copy_parent_pages=True, fallback=True
    )
    translation = page.get_translation(locale).specific
    revision = translation.get_latest_revision()
    if revision is not None:
        revision.publish(user=user)
    translation.refresh_from_db()
    return translation
