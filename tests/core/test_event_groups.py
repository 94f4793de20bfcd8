"""core.event_groups: the registry through which an app offers groupings of events (a
campaign's) to the events listing, which imports no such app."""

import pytest

from core.event_groups import (
    event_group,
    event_group_register,
    event_group_unregister,
    event_groups,
)


@pytest.fixture
def registered():
    names = []

    def register(name, **kwargs):
        names.append(name)
        defaults = {"label": name, "empty_label": "All", "choices": list, "event_ids": set}
        return event_group_register(name, **{**defaults, **kwargs})

    yield register
    for name in names:
        event_group_unregister(name)


def test_groupings_are_listed_in_the_order_registered_and_a_second_registration_replaces(
    registered,
):
    first = registered("first_group")
    registered("second_group")
    again = registered("first_group", label="First again")

    names = [group.name for group in event_groups()]
    assert names.index("first_group") < names.index("second_group")
    assert (event_group("first_group"), again.label, first.label) == (
        again,
        "First again",
        "first_group",
    )


def test_a_grouping_is_named_as_a_query_parameter(registered):
    with pytest.raises(ValueError):
        registered("a campaign")

    assert event_group("a campaign") is None
