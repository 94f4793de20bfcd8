"""Time zones as an organiser reads them: "Lithuania — Vilnius", never one IANA name among
six hundred. The stored value stays the IANA name (``Europe/Vilnius``).

Country and city come from the tz database's own tables (``zone.tab``: one row per country
and zone, ``iso3166.tab``: country names), read from where ``zoneinfo`` reads its zones
(the system's directory first, then the ``tzdata`` package), so the labels always match
the zones Python knows. Without the tables the names are shown as they are, area first.

Kosovo is not in the tables (XK is not an ISO 3166 code): its zone is ``Europe/Belgrade``,
and it is named "Kosovo — Pristina", never "Belgrade", for an event in Kosovo.

These "Country — City" labels are for choosing a zone (an organiser's event, a person's
profile). Visitors read an event's zone as ``zone_name`` writes it: CLDR's generic name in
their language ("Central European Time"), which names no city at all.

``core`` may not import ``people``: callers pass translated country names
(``country_names=dict(Country.choices)``); the tables' English names fill the rest.
"""

import importlib.resources
import unicodedata
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

UTC_NAME = "UTC"
# Places the tables leave out: (country, zone, city).
EXTRA_PLACES = (("XK", "Europe/Belgrade", "Pristina"),)
EXTRA_COUNTRY_NAMES = {"XK": _("Kosovo")}


@dataclass(frozen=True)
class Place:
    country: str  # ISO 3166 code, XK for Kosovo, "" when the tables are missing
    zone: str  # IANA name
    city: str


def _table(name: str) -> str | None:
    """The text of one of the tz database's ``.tab`` files, or None."""
    for directory in zoneinfo.TZPATH:
        path = Path(directory) / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return importlib.resources.files("tzdata").joinpath("zoneinfo", name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


def _rows(text: str | None) -> list[list[str]]:
    if not text:
        return []
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _city(zone: str) -> str:
    return zone.rsplit("/", 1)[-1].replace("_", " ")


@lru_cache(maxsize=1)
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def zone_known(name: str) -> bool:
    """Whether ``name`` is a zone Python can load ("Europe/Vilnius", "UTC")."""
    return name in _known_zones() or name == UTC_NAME


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every (country, zone) of the tables that Python can load, plus Kosovo; or, without
    the tables, every zone with an area (``Europe/Vilnius``) and no country."""
    known = _known_zones()
    rows = _rows(_table("zone.tab"))
    if not rows:
        return tuple(
            Place(country="", zone=name, city=_city(name))
            for name in sorted(known)
            if "/" in name and not name.startswith(("Etc/", "SystemV/"))
        )
    found = [
        Place(country=row[0], zone=row[2], city=_city(row[2]))
        for row in rows
        if len(row) >= 3 and row[2] in known
    ]
    found += [Place(c, z, city) for c, z, city in EXTRA_PLACES if z in known]
    return tuple(found)


@lru_cache(maxsize=1)
def _table_country_names() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(_table("iso3166.tab")) if len(row) >= 2}


@lru_cache(maxsize=1)
def _zone1970() -> dict[str, tuple[str, ...]]:
    """Zone → the countries it has served since 1970 (``Europe/Belgrade`` → RS, BA, HR…)."""
    return {
        row[2]: tuple(row[0].split(",")) for row in _rows(_table("zone1970.tab")) if len(row) >= 3
    }


def country_name(code: str, country_names: Mapping[str, str] | None = None) -> str:
    if country_names and code in country_names:
        return str(country_names[code])
    if code in EXTRA_COUNTRY_NAMES:
        return str(EXTRA_COUNTRY_NAMES[code])
    return _table_country_names().get(code, code)


def _label(place: Place, country_names: Mapping[str, str] | None) -> str:
    if not place.country:
        area = place.zone.split("/", 1)[0]
        return gettext("%(country)s — %(city)s") % {"country": area, "city": place.city}
    return gettext("%(country)s — %(city)s") % {
        "country": country_name(place.country, country_names),
        "city": place.city,
    }


def zone_label(name: str, country: str = "", *, country_names=None) -> str:
    """``name`` in plain words: "Lithuania — Vilnius". ``country`` (the event's) decides
    between the countries a zone serves: ``Europe/Belgrade`` is "Kosovo — Pristina" for
    an event in Kosovo and "Serbia — Belgrade" otherwise."""
    if name == UTC_NAME:
        return gettext("Coordinated Universal Time (UTC)")
    all_places = places()
    for place in all_places:
        if place.zone == name and place.country == country and country:
            return _label(place, country_names)
    if country and country in _zone1970().get(name, ()):
        # The zone serves the country under another name: Europe/Belgrade in Montenegro
        # is Europe/Podgorica, whose city is Podgorica.
        own = [place for place in all_places if place.country == country]
        city = own[0].city if len(own) == 1 else _city(name)
        return _label(Place(country, name, city), country_names)
    for place in all_places:
        if place.zone == name:
            return _label(place, country_names)
    serves = _zone1970().get(name)
    if serves:
        return _label(Place(serves[0], name, _city(name)), country_names)
    return name.replace("_", " ")


def _sort_key(label: str) -> str:
    """Alphabetical whatever the accents: "Åland" sorts with the A's."""
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold()


def zone_choices(
    countries_first: Iterable[str] = (),
    *,
    country_names: Mapping[str, str] | None = None,
    first_label=None,
    others_label=None,
) -> list:
    """Choices for a time-zone picker: (IANA name, "Country — City").

    The zones of ``countries_first`` come first, in that order of countries, as one group
    (``first_label``, "Suggested" by default); then every other country's zones, sorted by
    label, in a second group. Without ``countries_first`` the list is flat. UTC ends it.
    A zone may appear twice under two countries (Kosovo and Serbia share Europe/Belgrade);
    ``ZoneSelect`` picks the right one for a stored value."""
    first_countries = [code for code in dict.fromkeys(countries_first) if code]
    order = {code: index for index, code in enumerate(first_countries)}
    first, others = [], []
    for place in places():
        choice = (place.zone, _label(place, country_names))
        if place.country in order:
            first.append((order[place.country], _sort_key(choice[1]), choice))
        else:
            others.append((_sort_key(choice[1]), choice))
    rest = [choice for _key, choice in sorted(others)]
    rest.append((UTC_NAME, gettext("Coordinated Universal Time (UTC)")))
    if not first:
        return rest
    return [
        (first_label or gettext("Suggested"), [choice for *_key, choice in sorted(first)]),
        (others_label or gettext("All countries"), rest),
    ]


def choice_values(choices) -> set[str]:
    """The values of ``zone_choices`` (grouped or flat)."""
    values = set()
    for value, label in choices:
        if isinstance(label, list | tuple):
            values.update(inner for inner, _label_ in label)
        else:
            values.add(value)
    return values


class ZoneSelect(forms.Select):
    """A select of ``zone_choices`` that shows a stored zone under the right country when
    several options share it: with ``preferred_label`` "Serbia — Belgrade", an event in
    Serbia at Europe/Belgrade is not shown as "Kosovo — Pristina" (which comes first)."""

    preferred_label = ""

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        options = [option for _group, group_options, _index in groups for option in group_options]
        matching = [option for option in options if option["value"] in (value or [])]
        if len(matching) > 1 and self.preferred_label:
            preferred = [o for o in matching if str(o["label"]) == self.preferred_label]
            if preferred:
                for option in matching:
                    option["selected"] = option is preferred[0]
                    option["attrs"].pop("selected", None)
                preferred[0]["attrs"]["selected"] = True
        return groups


def babel_locale(language: str | None = None):
    """The Babel locale of a Django language code ("sr-latn" → sr_Latn), English when
    Babel does not know it."""
    from django.utils import translation

    from babel import Locale, UnknownLocaleError

    code = translation.to_locale(language or translation.get_language() or "en")
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@lru_cache(maxsize=512)
def _zone_name(tz_name: str, locale_code: str) -> str:
    from babel.dates import get_timezone_name

    if tz_name in ("UTC", "Etc/UTC"):
        return "UTC"
    try:
        return get_timezone_name(
            tz_name, "long", zone_variant="generic", locale=babel_locale(locale_code)
        )
    except (LookupError, ValueError):
        return tz_name


def zone_name(tz_name: str, language: str | None = None) -> str:
    """A time zone in plain words, in the given (default: active) language, from CLDR's
    generic zone names: "Central European Time", "Vidurio Europos laikas", never a city of
    another country (an event in Prishtina runs on Europe/Belgrade: "Central European
    Time", not "Belgrade time")."""
    from django.utils import translation

    return _zone_name(tz_name, language or translation.get_language() or "en")
