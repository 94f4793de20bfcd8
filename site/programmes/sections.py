"""Each programme's part of the page tree.

A feature app registers its (index page, section page) models once
(``register_section_type``); whenever a programme is saved, it gets a published section
below each index of the default locale, and its group gets Wagtail page permissions there,
and on the section's translations and aliases in the other languages (wagtail-localize
keeps an alias of every page in every language, ``core.locales``), so organisers edit
their section's pages in every language. A section an admin adds by hand, or a translation
or alias made later, gets the same permissions (``_section_saved``).
"""

from django.db.models.signals import post_save
from django.utils.text import slugify

from core.locales import aliases_ensure

from .models import Programme
from .services import programme_section_grant

_section_types: list[tuple[type, type]] = []


def register_section_type(index_model: type, section_model: type) -> None:
    if (index_model, section_model) not in _section_types:
        _section_types.append((index_model, section_model))
    post_save.connect(
        _section_saved,
        sender=section_model,
        dispatch_uid=f"programmes.section_saved.{section_model._meta.label_lower}",
    )


def section_types() -> list[tuple[type, type]]:
    """The registered (index page model, section page model) pairs, in registration order."""
    return list(_section_types)


def _section_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not instance.programme_id:
        return
    programme_section_grant(programme=instance.programme, page=instance)


def _free_slug(index, wanted: str) -> str:
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, n = wanted, 2
    while slug in taken:
        slug, n = f"{wanted}-{n}", n + 1
    return slug


def programme_sections_ensure(*, programme: Programme) -> list:
    """The programme's section below every registered index of the default locale,
    created (and published) where missing. Idempotent."""
    from wagtail.models import Locale

    sections = []
    default_locale = Locale.get_default()
    for index_model, section_model in _section_types:
        for index in index_model.objects.filter(locale=default_locale):
            section = section_model.objects.child_of(index).filter(programme=programme).first()
            if section is None:
                section = section_model(
                    title=programme.name,
                    slug=_free_slug(index, slugify(programme.slug) or "programme"),
                    programme=programme,
                    locale=default_locale,
                )
                index.add_child(instance=section)
                section.save_revision().publish()
                aliases_ensure(section)  # as wagtail-localize does for the admin's pages
            programme_section_grant(programme=programme, page=section)
            sections.append(section)
    return sections


def section_for(*, programme: Programme, section_model: type, locale=None):
    """The programme's section of one kind (in ``locale``, default: the default one)."""
    from wagtail.models import Locale

    return (
        section_model.objects.filter(programme=programme, locale=locale or Locale.get_default())
        .order_by("path")
        .first()
    )
