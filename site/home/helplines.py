"""The helplines as the safety page and the "helplines" block show them.

First, always, 112: the European emergency number, free, day and night, in every EU country
and in the candidate countries where the programmes run; no organiser has to add it and no
visitor ever reads "no helplines have been added". Then the national lines the organisers
entered in Settings → Safety and contacts, grouped by country: the visitor's own country
first, then the others by their names in the visitor's language.

Registered for templates as the ``helplines`` tag library (``TEMPLATES`` in settings):
``{% load helplines %}{% helpline_groups safety_settings country as groups %}``.
"""

import unicodedata
from dataclasses import dataclass, field

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

EMERGENCY_NUMBER = "112"


@dataclass(frozen=True)
class Emergency:
    """112, shown before every national line. Its words are translated UI strings."""

    number: str = EMERGENCY_NUMBER
    tel: str = EMERGENCY_NUMBER
    name = _("European emergency number")
    where = _("Every EU country and candidate country")
    hours = _("24 hours a day, every day")
    free_of_charge: bool = True


@dataclass
class HelplineGroup:
    country: str
    label: str
    lines: list = field(default_factory=list)


def _collation_key(label: str) -> str:
    """Alphabetical whatever the accents: "Šiauliai" sorts with the S's."""
    decomposed = unicodedata.normalize("NFKD", label)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def helpline_groups_for(lines, country: str = "") -> list[HelplineGroup]:
    """``lines`` (Helpline rows, in the organisers' order) grouped by country: ``country``
    (the visitor's) first, then by the country's name in the active language, "Other
    country" last. Within a country the organisers' order stands."""
    groups: dict[str, HelplineGroup] = {}
    for line in sorted(lines, key=lambda line: line.sort_order or 0):
        group = groups.get(line.country)
        if group is None:
            group = groups[line.country] = HelplineGroup(
                country=line.country, label=str(line.get_country_display())
            )
        group.lines.append(line)
    return sorted(
        groups.values(),
        key=lambda group: (
            group.country != country,
            group.country == "other",
            _collation_key(group.label),
        ),
    )


@register.simple_tag
def helpline_groups(safety_settings, country: str = "") -> list[HelplineGroup]:
    if safety_settings is None:
        return []
    return helpline_groups_for(safety_settings.helplines.all(), country or "")


@register.simple_tag
def emergency_line() -> Emergency:
    return Emergency()
