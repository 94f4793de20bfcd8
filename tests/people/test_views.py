"""My Linkage: the dashboard's queries do not grow with what a person has taken part in."""

import pytest

from impact.enums import ParticipationKind
from impact.services import participation_record
from tests.factories import OrganisationFactory

# Measured for one ledger row, after a first request has warmed the per-process caches
# (content types, Wagtail's site root paths). Includes the panels feature apps add (courses):
# a new panel that queries the database raises it, on purpose.
DASHBOARD_QUERIES = 15


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 3])
def test_my_linkage_queries_do_not_grow_with_ledger_rows(
    client, professional, django_assert_num_queries, rows
):
    kinds = list(ParticipationKind)
    for n in range(rows):
        participation_record(kind=kinds[n % 2], source=OrganisationFactory(), person=professional)
    client.force_login(professional)
    client.get("/my/")

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get("/my/")

    assert response.status_code == 200
    assert sum(response.context["totals"].values()) == rows


@pytest.mark.django_db
def test_my_linkage_shows_the_persons_totals_per_kind(client, professional):
    for _ in range(2):
        participation_record(
            kind=ParticipationKind.COURSE_COMPLETED,
            source=OrganisationFactory(),
            person=professional,
        )
    participation_record(
        kind=ParticipationKind.EVENT_ATTENDED, source=OrganisationFactory(), person=professional
    )
    client.force_login(professional)

    response = client.get("/my/")

    assert response.context["totals"] == {"course_completed": 2, "event_attended": 1}
    assert response.context["role"] == "professional"


@pytest.mark.django_db
def test_my_linkage_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/my/")

    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/my/")


# --- Profile ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_saving_the_profile_stores_it_and_sets_the_language_cookie(client, professional):
    from django.conf import settings

    from people.enums import Country, Sector
    from tests.factories import RegionFactory

    region = RegionFactory(name="Kaunas", country=Country.LT)
    client.force_login(professional)

    response = client.post(
        "/my/profile/",
        {
            "display_name": "Tomas Petrauskas",
            "sector": Sector.POLICE,
            "country": Country.LT,
            "region": region.pk,
            "languages": ["lt", "en"],
            "preferred_language": "lt",
        },
    )

    professional.profile.refresh_from_db()
    profile = professional.profile
    assert (response.status_code, response["Location"]) == (302, "/my/profile/")
    assert (profile.display_name, profile.sector, profile.region, profile.languages) == (
        "Tomas Petrauskas",
        "police",
        region,
        ["lt", "en"],
    )
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "lt"


@pytest.mark.django_db
def test_a_region_outside_the_chosen_country_is_refused(client, professional):
    from people.enums import Country
    from tests.factories import RegionFactory

    region = RegionFactory(name="Kaunas", country=Country.LT)
    client.force_login(professional)

    response = client.post(
        "/my/profile/",
        {
            "display_name": "Tomas",
            "country": Country.XK,
            "region": region.pk,
            "preferred_language": "en",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "region": ["Kaunas is not in the country you chose."]
    }
