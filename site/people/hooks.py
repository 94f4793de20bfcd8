"""Hooks other apps plug into, so that ``people`` imports none of them.

``impact`` (the ledger), ``certificates`` and the feature apps register here from their
``AppConfig.ready()``; ``people`` calls whatever is registered and knows nothing else about
them. Each registry is keyed by a name, so registering twice (tests, autoreload) replaces
rather than duplicates.
"""

from collections.abc import Callable
from typing import Any

# What another app holds about a person, for their data export (GDPR access): a name and
# a function of the user returning JSON-ready data.
_data_sections: dict[str, Callable[[Any], Any]] = {}

# Called before a person's account is deleted, however it is deleted (My Linkage, the
# Wagtail admin, the shell): a name and a function of the user. What it returns is reported
# back by ``person_deleting``.
_person_deleted: dict[str, Callable[[Any], Any]] = {}

# Called inside the transaction that withdraws consent to one demographic question:
# a name and a function taking ``person=`` and ``field=``.
_consent_withdrawn: dict[str, Callable[..., Any]] = {}


def register_data_section(name: str, provider: Callable) -> Callable:
    _data_sections[name] = provider
    return provider


def data_sections(user) -> dict[str, Any]:
    return {name: provider(user) for name, provider in sorted(_data_sections.items())}


def register_person_deleted(name: str, handler: Callable) -> Callable:
    _person_deleted[name] = handler
    return handler


def person_deleting(user) -> dict[str, Any]:
    """Run every "person deleted" handler for ``user``; return what each said, by name."""
    return {name: handler(user) for name, handler in sorted(_person_deleted.items())}


def register_consent_withdrawn(name: str, handler: Callable) -> Callable:
    _consent_withdrawn[name] = handler
    return handler


def consent_withdrawn(*, person, field: str) -> None:
    for _name, handler in sorted(_consent_withdrawn.items()):
        handler(person=person, field=field)
