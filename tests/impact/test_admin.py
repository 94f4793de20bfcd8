"""The ledger in the Wagtail admin: organisers see aggregates only; admins see rows with the
person and never a demographic beside them (list, inspect, export)."""

import csv
import io

from django.contrib.auth.models import Group

import pytest

from impact.enums import ParticipationKind
from impact.models import Participation
from impact.services import participation_record
from people.enums import Gender
from people.services import demographic_answer
from tests.factories import OrganisationFactory, UserFactory, totp_activate

COMPLETED = ParticipationKind.COURSE_COMPLETED
PERSON_COLUMNS = [
    "Person",
    "Kind",
    "When",
    "Count",
    "Role",
    "Sector",
    "Country",
    "Region or municipality",
]


@pytest.fixture
def row(programme) -> Participation:
    """A named row of the ``organiser`` fixture's programme."""
    person = UserFactory(email="vjosa@example.org", profile__display_name="Vjosa Berisha")
    demographic_answer(user=person, field="gender", value=Gender.NON_BINARY)
    demographic_answer(user=person, field="age_band", value="55-64")
    demographic_answer(user=person, field="migrant_background", value="yes")
    row, _created = participation_record(
        kind=COMPLETED, source=OrganisationFactory(), person=person, programmes=[programme.pk]
    )
    return row


@pytest.fixture
def organiser_client(client, organiser):
    totp_activate(organiser)
    client.force_login(organiser)
    return client


@pytest.fixture
def admin_client(client, superuser):
    totp_activate(superuser)
    client.force_login(superuser)
    return client


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body(response))))


# --- Organisers: never a row ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/participation/",
        "/admin/participation/results/",
        "/admin/participation/?export=csv",
        "/admin/participation/?export=xlsx",
        "/admin/participation/inspect/{pk}/",
        "/admin/participation/edit/{pk}/",
        "/admin/participation/delete/{pk}/",
    ],
)
def test_organisers_are_refused_every_row_level_ledger_url(organiser_client, row, url):
    response = organiser_client.get(url.format(pk=row.pk))

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "Vjosa" not in body(response)


@pytest.mark.django_db
def test_organisers_do_not_see_the_row_level_ledger_in_the_menu(organiser_client):
    response = organiser_client.get("/admin/")

    assert ("/admin/participation/" in body(response), "/admin/impact/" in body(response)) == (
        False,
        True,
    )


@pytest.mark.django_db
def test_organisers_see_counts_by_kind_and_period_without_names(organiser_client, row):
    response = organiser_client.get("/admin/impact/?period=year")

    assert response.status_code == 200
    assert response.context["rows"] == [
        {"kind": "Course completed", "period": f"{row.occurred_at.year}", "total": "1", "cells": []}
    ]
    assert ("Vjosa" in body(response), "vjosa@" in body(response)) == (False, False)


@pytest.mark.django_db
def test_organisers_see_demographics_only_with_small_counts_hidden(organiser_client, row):
    response = organiser_client.get("/admin/impact/summary.csv?period=year&breakdown=gender")

    assert response.status_code == 200
    assert csv_rows(response) == [
        [
            "Kind",
            "Period",
            "Total",
            "Gender: Woman",
            "Gender: Man",
            "Gender: Non-binary",
            "Gender: In another way",
            "Gender: Prefer not to say",
            "Gender: Not known",
        ],
        [
            "Course completed",
            f"{row.occurred_at.year}",
            "1",
            "hidden",
            "0",
            "hidden",
            "0",
            "0",
            "0",
        ],
    ]


@pytest.mark.django_db
def test_a_bad_summary_query_falls_back_to_the_default_table(organiser_client, row):
    response = organiser_client.get("/admin/impact/?period=decade&breakdown=email")

    assert (response.status_code, response.context["summary"].breakdown) == (200, "")


@pytest.mark.django_db
def test_the_summary_export_needs_the_export_permission(client, row):
    reader = UserFactory(email="reader@example.org")
    organisers = Group.objects.get(name="Organisers")
    limited = Group.objects.create(name="Ledger readers")
    limited.permissions.set(organisers.permissions.exclude(codename="export_participation"))
    reader.groups.add(limited)
    totp_activate(reader)
    client.force_login(reader)

    assert (
        client.get("/admin/impact/").status_code,
        client.get("/admin/impact/summary.csv").status_code,
    ) == (200, 302)


@pytest.mark.django_db
@pytest.mark.parametrize("role_client", ["professional", "mentor"])
def test_people_without_the_ledger_permission_cannot_open_the_summary(client, request, role_client):
    client.force_login(request.getfixturevalue(role_client))

    response = client.get("/admin/impact/")

    assert response.status_code == 403


# --- Admins: the person, or the demographics, never both --------------------------------------


@pytest.mark.django_db
def test_admins_list_rows_with_the_person_and_no_demographic(admin_client, row):
    response = admin_client.get("/admin/participation/")

    html = body(response)
    assert response.status_code == 200
    assert ("Vjosa Berisha" in html, "Non-binary" in html, "55" in html) == (True, False, False)


@pytest.mark.django_db
def test_admins_inspect_a_row_with_the_person_and_no_demographic(admin_client, row):
    response = admin_client.get(f"/admin/participation/inspect/{row.pk}/")

    labels = [field["label"] for field in response.context["fields"]]
    assert (response.status_code, labels) == (200, PERSON_COLUMNS)
    assert ("Vjosa Berisha" in body(response), "Non-binary" in body(response)) == (True, False)


@pytest.mark.django_db
def test_admins_export_rows_with_the_person_and_no_demographic(admin_client, row):
    response = admin_client.get("/admin/participation/?export=csv")

    rows = csv_rows(response)
    assert (response.status_code, rows[0], rows[1][0], len(rows)) == (
        200,
        PERSON_COLUMNS,
        "Vjosa Berisha",
        2,
    )
    assert "non_binary" not in body(admin_client.get("/admin/participation/?export=csv"))


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["gender=non_binary", "ordering=gender", "q=non_binary"])
def test_admins_cannot_filter_or_sort_named_rows_by_a_demographic(admin_client, row, query):
    other = UserFactory(email="amina@example.org", profile__display_name="Amina Hodžić")
    participation_record(kind=COMPLETED, source=OrganisationFactory(), person=other)

    response = admin_client.get(f"/admin/participation/?{query}")

    assert sorted(str(r.person) for r in response.context["object_list"]) == [
        "Amina Hodžić",
        "Vjosa Berisha",
    ]


@pytest.mark.django_db
def test_admins_see_the_same_suppressed_summary_as_organisers(admin_client, row):
    response = admin_client.get("/admin/impact/?period=year&breakdown=migrant_background")

    assert response.context["rows"][0]["cells"] == ["hidden", "hidden", "0", "0"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/admin/participation/edit/{pk}/", "/admin/participation/delete/{pk}/"]
)
def test_nobody_edits_or_deletes_a_ledger_row_in_the_admin(admin_client, row, url):
    response = admin_client.post(url.format(pk=row.pk), {"kind": "event_attended"})

    row.refresh_from_db()
    assert (response.status_code, row.kind) == (302, COMPLETED)


@pytest.mark.django_db
def test_the_ledger_list_names_an_anonymous_count_anonymous_not_none(admin_client, organisation):
    from impact.services import participation_record

    participation_record(
        kind=ParticipationKind.EVENT_ATTENDED,
        source=organisation,
        count=7,
        aggregate_key="walk-ins",
    )

    body = admin_client.get("/admin/participation/").content.decode()

    import re

    assert "Anonymous" in body
    assert re.search(r">\s*None\s*<", body) is None
