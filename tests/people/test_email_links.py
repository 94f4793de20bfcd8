"""Every link in an account e-mail (allauth's confirmation, password reset, "you already
have an account", "no account here", and our invitation) is on the site's one base address,
LINKAGE_BASE_URL, never the host name the request came in on: a request sent with
``Host: evil.example`` must not put evil.example into someone's reset link."""

import re

from django.test import override_settings
from django.urls import reverse

import pytest

from people.invitations import invitation_url
from tests.factories import UserFactory

from .test_accounts import signup_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("other_host")]

BASE = "https://linkage.example.org"
OTHER = "evil.example"
LINK = re.compile(r"https?://[^\s]+")


@pytest.fixture
def other_host():
    with override_settings(LINKAGE_BASE_URL=BASE, ALLOWED_HOSTS=["testserver", OTHER]):
        yield


def links(message) -> list[str]:
    return LINK.findall(message.body)


def test_the_confirmation_e_mail_links_to_the_base_address(client, mailoutbox):
    client.post(reverse("account_signup"), signup_data("vjosa@example.org"), HTTP_HOST=OTHER)

    (message,) = mailoutbox
    [link] = [link for link in links(message) if "/confirm-email/" in link]
    assert link.startswith(f"{BASE}/accounts/confirm-email/")
    assert OTHER not in message.body
    assert "linkage.example.org" in message.body  # the site allauth names: ours


def test_the_password_reset_e_mail_links_to_the_base_address(client, mailoutbox):
    UserFactory(email="vjosa@example.org")

    client.post(reverse("account_reset_password"), {"email": "vjosa@example.org"}, HTTP_HOST=OTHER)

    (message,) = mailoutbox
    [link] = [link for link in links(message) if "/password/reset/key/" in link]
    assert link.startswith(f"{BASE}/accounts/password/reset/key/")
    assert OTHER not in message.body


def test_the_reset_link_from_the_e_mail_works(client, mailoutbox):
    UserFactory(email="vjosa@example.org")
    client.post(reverse("account_reset_password"), {"email": "vjosa@example.org"}, HTTP_HOST=OTHER)
    [link] = [link for link in links(mailoutbox[0]) if "/password/reset/key/" in link]

    response = client.get(link.removeprefix(BASE), follow=True)

    assert response.context["form"].__class__.__name__ == "ResetPasswordKeyForm"


def test_the_no_account_and_already_an_account_e_mails_link_to_the_base_address(client, mailoutbox):
    UserFactory(email="owner@example.org")

    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"}, HTTP_HOST=OTHER)
    client.post(reverse("account_signup"), signup_data("owner@example.org"), HTTP_HOST=OTHER)

    unknown, exists = sorted(mailoutbox, key=lambda message: message.to[0])
    assert (unknown.to, exists.to) == (["nobody@example.org"], ["owner@example.org"])
    assert (links(unknown), links(exists)) == (
        [f"{BASE}/accounts/signup/"],
        [f"{BASE}/accounts/password/reset/"],
    )
    assert OTHER not in unknown.body + exists.body


def test_an_invitation_links_to_the_base_address():
    person = UserFactory(email="ruta@example.org")

    assert invitation_url(person).startswith(f"{BASE}/accounts/password/reset/key/")
