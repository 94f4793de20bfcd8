"""Groupings of events that another app defines, offered as filters of the events listing.

The events app lists and filters events; which events belong to a campaign is the
campaigns app's business, and events never imports campaigns (the dependency points the
other way). So the app that knows a grouping registers it here, at start-up, and the
events listing reads the registry: its filter form offers one ``<select>`` per grouping,
and its selector narrows the events to the ids the grouping gives.

A grouping is:

- ``name``: the filter's query parameter (``?campaign=…``);
- ``label`` and ``empty_label``: the select's label and its "all" choice, translatable;
- ``choices(language) -> [(value, label), …]``: what a visitor reading ``language`` may
  choose, in order. Values are stable across languages (a campaign's translation key), so a
  link keeps its filter when the visitor switches language;
- ``event_ids(value) -> set[int] | QuerySet``: the ids of the event pages in the group, in
  every language (a queryset of ``pk`` values stays a subquery: one SQL statement).

``core`` imports no feature app: it only holds the callables it is given.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.functional import Promise


@dataclass(frozen=True)
class EventGroup:
    name: str
    label: str | Promise
    empty_label: str | Promise
    choices: Callable[[str], list[tuple[str, str]]]
    event_ids: Callable[[str], Iterable[int] | QuerySet]


_GROUPS: dict[str, EventGroup] = {}


def event_group_register(
    name: str,
    *,
    label: str | Promise,
    empty_label: str | Promise,
    choices: Callable[[str], list[tuple[str, str]]],
    event_ids: Callable[[str], Iterable[int] | QuerySet],
) -> EventGroup:
    """Register (or replace: ``ready()`` may run twice in tests) the grouping ``name``."""
    if not name.isidentifier():
        raise ValueError(f"An event grouping's name is a query parameter: {name!r}")
    group = EventGroup(
        name=name, label=label, empty_label=empty_label, choices=choices, event_ids=event_ids
    )
    _GROUPS[name] = group
    return group


def event_group_unregister(name: str) -> None:
    _GROUPS.pop(name, None)


def event_groups() -> list[EventGroup]:
    """The registered groupings, in the order they were registered."""
    return list(_GROUPS.values())


def event_group(name: str) -> EventGroup | None:
    return _GROUPS.get(name)
