"""A person may name their own time zone in their profile: online events then also give
their times in it. Optional; chosen by country and city like an organiser's."""

import re

from django.core.exceptions import ValidationError

import pytest

from people.enums import Country

pytestmark = pytest.mark.django_db


def post_profile(client, **fields):
    data = {"display_name": "Vjosa", "preferred_language": "en", **fields}
    return client.post("/my/profile/", data)


def test_a_time_zone_chosen_in_the_profile_is_stored_and_shown_on_my_linkage(client, professional):
    client.force_login(professional)

    response = post_profile(client, country=Country.LT, time_zone="Europe/Vilnius")

    assert response.status_code == 302
    professional.profile.refresh_from_db()
    assert professional.profile.time_zone == "Europe/Vilnius"
    dashboard = client.get("/my/").content.decode()
    assert "<dt>Your time zone</dt><dd>Lithuania — Vilnius</dd>" in dashboard


def test_the_time_zone_is_optional(client, professional):
    client.force_login(professional)

    response = post_profile(client, time_zone="")

    assert response.status_code == 302
    professional.profile.refresh_from_db()
    assert professional.profile.time_zone == ""
    assert "<dt>Your time zone</dt><dd>Not given</dd>" in client.get("/my/").content.decode()


def test_a_zone_not_on_the_list_is_refused(client, professional):
    client.force_login(professional)

    response = post_profile(client, time_zone="Mars/Olympus_Mons")

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["time_zone"]
    professional.profile.refresh_from_db()
    assert professional.profile.time_zone == ""


def test_the_persons_own_countrys_zones_come_first_and_kosovo_is_not_belgrade(client, professional):
    professional.profile.country = Country.XK
    professional.profile.time_zone = "Europe/Belgrade"
    professional.profile.save()
    client.force_login(professional)

    html = client.get("/my/profile/").content.decode()

    select = html[html.index('name="time_zone"') :]
    select = select[: select.index("</select>")]
    first_group = re.search(r'<optgroup label="Your country">(.*?)</optgroup>', select, re.S)
    assert re.findall(r">([^<]+)</option>", first_group.group(1)) == ["Kosovo — Pristina"]
    assert re.findall(r"<option[^>]*selected[^>]*>([^<]+)</option>", select) == [
        "Kosovo — Pristina"
    ]
    assert ">Not given: show only the event&#x27;s own time</option>" in select


def test_the_model_refuses_a_zone_python_does_not_know(professional):
    profile = professional.profile
    profile.time_zone = "Europe/Atlantis"

    with pytest.raises(ValidationError) as refused:
        profile.full_clean()

    assert list(refused.value.message_dict) == ["time_zone"]
