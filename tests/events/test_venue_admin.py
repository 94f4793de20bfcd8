"""The venues list answers yes or no in words and icons, never "True"/"False"."""

import re

import pytest

from events.models import Venue
from tests.factories import totp_activate


@pytest.mark.django_db
def test_the_venues_list_shows_yes_and_no_not_true_and_false(client, superuser):
    Venue.objects.create(name="Town hall", city="Gjilan", country="XK", step_free=True)
    totp_activate(superuser)
    client.force_login(superuser)

    body = client.get("/admin/venues/").content.decode()

    assert "Town hall" in body
    assert re.search(r">\s*(True|False)\s*<", body) is None
