"""Wagtail's site history shows log entries of every record type a user has any permission
on, whoever's they are: admins only."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/site-history/",
        "/admin/reports/site-history/results/",
        "/admin/reports/site-history/?export=csv",
        # wagtail-localize's Translations report lists every programme's translations.
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
    ],
)
def test_site_history_is_refused_to_organisers_and_open_to_admins(
    url, client, organiser, superuser
):
    from tests.factories import totp_activate

    totp_activate(organiser)
    totp_activate(superuser)
    client.force_login(organiser)
    refused = client.get(url)
    client.force_login(superuser)
    allowed = client.get(url)

    assert (refused.status_code, allowed.status_code) == (403, 200)


def test_the_reports_menu_of_an_organiser_has_no_site_history(client, organiser):
    from tests.factories import totp_activate

    totp_activate(organiser)
    client.force_login(organiser)

    response = client.get("/admin/reports/locked/")
    body = response.content.decode()

    # The reports menu is there (its other reports are listed), without site history.
    assert (response.status_code, "/admin/reports/aging-pages/" in body) == (200, True)
    assert "/admin/reports/site-history/" not in body
    assert "/admin/localize/reports/translations/" not in body
