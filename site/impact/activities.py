"""The activities ledger rows are evidence of: a course, an occurrence of an event, a
mentoring session, a campaign.

Indicators count "trainings held", keep to "these courses", or show an organiser the
activities behind a number instead of names. Each ledger row records its activity
(``Participation.activity_*``): the object (``activity_type``/``activity_id``), a key
that tells activities apart (``activity_key``; an event's occurrences each have one),
its type (``activity_kind``: an event's kind, a session's kind) and where it took place.

``impact`` never imports a feature app, so each app says here, at ``ready()``, what its
activities are:

- ``register_activity_kinds(group_label, choices)``: the ``activity_kind`` values it writes
  and their labels, offered to organisers as one group of a grouped choice;
- ``register_activity_labeller("app_label.model", labeller)``: ``labeller(ids)`` names
  many activities of one model at once, in the active language. A page needs none: it is
  named by its title in the active language (``page_titles``). Anything unnamed shows as
  "<verbose name> #id", never as ``str(obj)`` (which may be a person);
- ``register_activity_options(provider)``: ``provider(programme)`` lists what an organiser
  of ``programme`` may limit an indicator to (``programme_page_options`` for pages).

Registering again (``ready()`` runs twice in some tests) replaces, never duplicates.
"""

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

Choices = list[tuple[str, object]]
Labeller = Callable[[list[str]], dict[str, str]]
Option = tuple[ContentType, str, str]
OptionsProvider = Callable[[object], list[Option]]

# [(group label, [(value, label), ...])], in the order the apps registered them.
_kind_groups: list[tuple[object, Choices]] = []
_labellers: dict[str, Labeller] = {}
_option_providers: dict[str, OptionsProvider] = {}


# --- Kinds ----------------------------------------------------------------------------------


def register_activity_kinds(group_label, choices: Iterable[tuple[str, object]]) -> None:
    """Declare ``activity_kind`` values (``[(value, label), ...]``) under one group label
    ("Events": training, coordination meeting, ...). A value belongs to one group: a group
    registered again with any of its values replaces the earlier one."""
    choices = [(str(value), label) for value, label in choices]
    values = {value for value, _label in choices}
    _kind_groups[:] = [
        (label, kept)
        for label, kept in _kind_groups
        if not values & {value for value, _label in kept}
    ]
    _kind_groups.append((group_label, choices))


def activity_kind_choices() -> list[tuple[object, Choices]]:
    """Grouped choices for a form field: ``[(group label, [(value, label), ...]), ...]``.
    Labels stay lazy, so the form speaks its request's language."""
    return [(label, list(choices)) for label, choices in _kind_groups]


def activity_kind_labels() -> dict[str, str]:
    """Every registered ``activity_kind`` value and its label in the active language."""
    return {value: str(label) for _group, choices in _kind_groups for value, label in choices}


# --- Labels ---------------------------------------------------------------------------------


def register_activity_labeller(model: str, labeller: Labeller) -> Labeller:
    """``labeller(ids: list[str]) -> {id: label}`` names activities of ``model``
    ("app_label.model", as in ``ContentType``), in one query for any number of ids and in
    the active language. Ids it leaves out get the fallback label."""
    _labellers[model.lower()] = labeller
    return labeller


def page_titles(ids: Iterable) -> dict[str, str]:
    """Pages' titles in the active language: the title of a page's live translation into it
    (never an alias, which shows the original's words), else the page's own. One query."""
    ids = sorted({int(pk) for pk in map(str, ids) if pk.isdigit()})
    if not ids:
        return {}
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        language = ""
    translated = Q(
        translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
        locale__language_code=language,
        live=True,
        alias_of__isnull=True,
    )
    rows = Page.objects.filter(Q(pk__in=ids) | translated).values_list(
        "pk", "translation_key", "locale__language_code", "live", "alias_of_id", "title"
    )
    wanted, own, in_language = set(ids), {}, {}
    for pk, key, code, live, alias_of, title in rows:
        if pk in wanted:
            own[pk] = (key, title)
        if code == language and live and alias_of is None:
            in_language[key] = title
    return {str(pk): in_language.get(key, title) for pk, (key, title) in own.items()}


def activity_labels(pairs: Iterable[tuple[int, str]]) -> dict[tuple[int, str], str]:
    """Labels for ``(content type id, activity id)`` pairs, in the active language: the
    model's registered labeller, else a page's title, else "<verbose name> #id". One query
    per labelled model (all pages together), whatever the number of pairs."""
    by_type: dict[int, set[str]] = {}
    for type_id, activity_id in pairs:
        by_type.setdefault(int(type_id), set()).add(str(activity_id))
    found: dict[int, dict[str, str]] = {}
    pages: dict[int, set[str]] = {}
    for type_id, ids in by_type.items():
        content_type = ContentType.objects.get_for_id(type_id)
        model = content_type.model_class()
        labeller = _labellers.get(f"{content_type.app_label}.{content_type.model}")
        if labeller is not None:
            found[type_id] = labeller(sorted(ids))
        elif model is not None and issubclass(model, Page):
            pages[type_id] = ids
    if pages:
        titles = page_titles(set().union(*pages.values()))
        found.update({type_id: titles for type_id in pages})
    labels = {}
    for type_id, ids in by_type.items():
        for activity_id in ids:
            label = found.get(type_id, {}).get(activity_id)
            labels[(type_id, activity_id)] = label or _fallback_label(type_id, activity_id)
    return labels


def _fallback_label(type_id: int, activity_id: str) -> str:
    content_type = ContentType.objects.get_for_id(type_id)
    model = content_type.model_class()
    name = model._meta.verbose_name if model is not None else content_type.model
    return f"{capfirst(name)} #{activity_id}"


# --- Options --------------------------------------------------------------------------------


def register_activity_options(provider: OptionsProvider) -> OptionsProvider:
    """``provider(programme) -> [(ContentType, activity id, label), ...]``: the activities an
    organiser of ``programme`` may limit an indicator to."""
    _option_providers[f"{provider.__module__}.{provider.__qualname__}"] = provider
    return provider


def activity_options(programme) -> list[Option]:
    """Everything an organiser may choose for "only these activities": each app's
    activities of ``programme``, app by app in the order they registered."""
    return [option for provider in _option_providers.values() for option in provider(programme)]


def programme_page_options(model: type[Page], programme) -> list[Option]:
    """The pages of ``model`` that are ``programme``'s work (it owns or shares them, in any
    language), each once as its original (the first of its translations, the page the
    ledger's rows point at), labelled in the active language and sorted by label. ``model``
    mixes in ``programmes.pages.ProgrammeOwned``. Two queries."""
    keys = model.objects.filter(Q(programme=programme) | Q(shared_with=programme)).values(
        "translation_key"
    )
    earlier = Page.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    originals = list(
        model.objects.filter(translation_key__in=keys)
        .exclude(Exists(earlier))
        .values_list("pk", "content_type_id")
    )
    titles = page_titles(pk for pk, _type in originals)
    options = [
        (ContentType.objects.get_for_id(type_id), str(pk), titles.get(str(pk), str(pk)))
        for pk, type_id in originals
    ]
    return sorted(options, key=lambda option: (option[2].casefold(), int(option[1])))


# --- A row's activity -----------------------------------------------------------------------


def activity_type_of(activity: models.Model) -> ContentType:
    """The content type an activity is recorded under. A page is typed by its specific class
    whatever class the instance was loaded as (Wagtail keeps it in ``content_type``), so an
    event is one activity whether the caller holds its ``EventPage`` or its
    ``StudyVisitPage``; anything else by its own model, as the row's source is."""
    if isinstance(activity, Page) and activity.content_type_id:
        return ContentType.objects.get_for_id(activity.content_type_id)
    return ContentType.objects.get_for_model(activity, for_concrete_model=False)


def activity_key_default(activity_type: ContentType, activity_id) -> str:
    """``"<app_label>.<model>:<id>"``: one activity per object."""
    return f"{activity_type.app_label}.{activity_type.model}:{activity_id}"


def activity_fields(
    activity: models.Model, *, key: str = "", kind: str = "", country: str = "", region: str = ""
) -> dict:
    """The ledger's activity fields for a row whose activity is ``activity`` (a saved
    object). Lengths and the country's choice are checked with the rest of the row."""
    if activity is None or activity.pk is None:
        raise ValidationError(_("A participation's activity must be a saved object."))
    activity_type = activity_type_of(activity)
    return {
        "activity_type": activity_type,
        "activity_id": str(activity.pk),
        "activity_key": key or activity_key_default(activity_type, activity.pk),
        "activity_kind": kind or "",
        "activity_country": country or "",
        "activity_region": region or "",
    }
