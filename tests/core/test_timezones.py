"""Time-zone choices in plain words: country and city, the programme's countries first,
Kosovo never shown as Belgrade."""

from django.utils import translation

import pytest

from core import timezones
from core.timezones import ZoneSelect, choice_values, zone_choices, zone_label
from events.schedule import time_zone_names

COUNTRY_NAMES = {"LT": "Lithuania", "XK": "Kosovo", "RS": "Serbia", "ES": "Spain"}


def test_every_choice_is_a_zone_python_can_load_and_events_accept():
    values = choice_values(zone_choices())

    assert len(values) > 300
    assert values - set(time_zone_names()) == set()


def test_labels_name_country_and_city():
    labels = dict(zone_choices())

    assert (labels["Europe/Vilnius"], labels["Europe/Madrid"], labels["Atlantic/Canary"]) == (
        "Lithuania — Vilnius",
        "Spain — Madrid",
        "Spain — Canary",
    )
    assert labels["America/Argentina/Buenos_Aires"] == "Argentina — Buenos Aires"
    assert labels["UTC"] == "Coordinated Universal Time (UTC)"


def test_the_given_countries_come_first_in_their_own_order_then_everyone_else():
    (first_label, first), (others_label, others) = zone_choices(["XK", "LT"])

    assert (first_label, others_label) == ("Suggested", "All countries")
    assert first == [
        ("Europe/Belgrade", "Kosovo — Pristina"),
        ("Europe/Vilnius", "Lithuania — Vilnius"),
    ]
    assert ("Europe/Vilnius", "Lithuania — Vilnius") not in others
    assert ("Europe/Belgrade", "Serbia — Belgrade") in others
    labels = [label for _value, label in others[:-1]]
    assert labels == sorted(labels, key=timezones._sort_key)


def test_a_country_with_several_zones_lists_them_all_first():
    (_first_label, first), _others = zone_choices(["ES"])

    assert [value for value, _label in first] == [
        "Atlantic/Canary",
        "Africa/Ceuta",
        "Europe/Madrid",
    ]


@pytest.mark.parametrize(
    ("name", "country", "label"),
    [
        ("Europe/Vilnius", "", "Lithuania — Vilnius"),
        ("Europe/Vilnius", "LT", "Lithuania — Vilnius"),
        ("Europe/Belgrade", "XK", "Kosovo — Pristina"),
        ("Europe/Belgrade", "RS", "Serbia — Belgrade"),
        ("Europe/Belgrade", "", "Serbia — Belgrade"),
        # Montenegro uses Belgrade's rules under the name Europe/Podgorica.
        ("Europe/Belgrade", "ME", "Montenegro — Podgorica"),
        # An event in Lithuania held on Brussels time is still named by Brussels.
        ("Europe/Brussels", "LT", "Belgium — Brussels"),
        ("UTC", "", "Coordinated Universal Time (UTC)"),
        ("Etc/GMT-3", "", "Etc/GMT-3"),
    ],
)
def test_zone_label(name, country, label):
    assert zone_label(name, country) == label


def test_country_names_given_by_the_caller_are_used_and_translated():
    names = {"XK": "Kosova", "LT": "Lietuva"}

    assert zone_label("Europe/Belgrade", "XK", country_names=names) == "Kosova — Pristina"
    assert dict(zone_choices(country_names=names))["Europe/Vilnius"] == "Lietuva — Vilnius"


def test_labels_follow_the_active_language_for_kosovo():
    from people.enums import Country

    with translation.override("sq"):
        label = zone_label("Europe/Belgrade", "XK", country_names=dict(Country.choices))

    assert label.endswith("— Pristina")
    assert "Belgrade" not in label


def test_without_the_tables_zones_are_listed_by_area(monkeypatch):
    monkeypatch.setattr(timezones, "_table", lambda name: None)
    for cached in (timezones.places, timezones._table_country_names, timezones._zone1970):
        cached.cache_clear()
    try:
        labels = dict(zone_choices(["LT"]))
        assert labels["Europe/Vilnius"] == "Europe — Vilnius"
        assert zone_label("Europe/Vilnius", "LT") == "Europe — Vilnius"
    finally:
        for cached in (timezones.places, timezones._table_country_names, timezones._zone1970):
            cached.cache_clear()


@pytest.mark.parametrize(
    ("preferred", "selected"),
    [("Serbia — Belgrade", "Serbia — Belgrade"), ("", "Kosovo — Pristina")],
)
def test_the_select_shows_a_shared_zone_under_the_events_country(preferred, selected):
    widget = ZoneSelect(choices=zone_choices(["XK", "RS"]))
    widget.preferred_label = preferred

    html = widget.render("time_zone", "Europe/Belgrade")

    assert html.count(" selected") == 1
    assert f'<option value="Europe/Belgrade" selected>{selected}</option>' in html


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Europe/Vilnius", True),
        ("Europe/Belgrade", True),
        ("UTC", True),
        ("Europe/Atlantis", False),
    ],
)
def test_zone_known_accepts_only_zones_python_can_load(name, known):
    assert timezones.zone_known(name) is known
