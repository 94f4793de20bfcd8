"""Wagtail's own account page works for Linkage's users, who have no first or last name."""

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from tests.factories import totp_activate


@pytest.mark.django_db
def test_an_organiser_chooses_her_admin_language_on_the_account_page(client, organiser):
    totp_activate(organiser)
    client.force_login(organiser)
    page = client.get(reverse("wagtailadmin_account"))
    assert page.status_code == 200
    assert 'name="name_email-first_name"' not in page.content.decode()

    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "locale-preferred_language": "ar",
            "locale-current_time_zone": "Europe/Belgrade",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )

    assert response.status_code == 302
    assert UserProfile.get_for_user(organiser).preferred_language == "ar"
