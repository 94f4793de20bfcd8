"""Accounts with django-allauth: sign-up, e-mail verification, log-in, no account
enumeration, rate limiting, and two-factor authentication required for organisers."""

import re

from django.contrib.auth import SESSION_KEY
from django.urls import reverse

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from people.enums import Role
from people.models import User
from tests.factories import PASSWORD, UserFactory, totp_activate, user_with_role

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/[-:\w]+/)")


def signup_data(email: str, **extra) -> dict:
    return {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "Vjosa Berisha",
        "track": Role.PROFESSIONAL,
        **extra,
    }


def logged_in_user_id(client) -> int | None:
    value = client.session.get(SESSION_KEY)
    return int(value) if value is not None else None


# --- Sign-up, verification, log-in ------------------------------------------------------


@pytest.mark.django_db
def test_signup_sends_one_verification_email_and_redirects_to_verification_sent(client, mailoutbox):
    response = client.post(reverse("account_signup"), signup_data("Vjosa@Example.org"))

    assert (response.status_code, response["Location"]) == (
        302,
        reverse("account_email_verification_sent"),
    )
    assert [message.to for message in mailoutbox] == [["vjosa@example.org"]]
    assert CONFIRM_LINK.search(mailoutbox[0].body) is not None


@pytest.mark.django_db
def test_login_before_verifying_goes_to_verification_sent_without_logging_in(client, mailoutbox):
    client.post(reverse("account_signup"), signup_data("vjosa@example.org"))
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": "vjosa@example.org", "password": PASSWORD}
    )

    assert (response.status_code, response["Location"]) == (
        302,
        reverse("account_email_verification_sent"),
    )
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_signup_verify_and_login_makes_a_professional_with_a_display_name(client, mailoutbox):
    client.post(reverse("account_signup"), signup_data("vjosa@example.org"))
    confirm_path = CONFIRM_LINK.search(mailoutbox[0].body).group(1)

    shown = client.get(confirm_path)
    confirmed = client.post(confirm_path)
    client.logout()
    login = client.post(
        reverse("account_login"), {"login": "vjosa@example.org", "password": PASSWORD}
    )

    user = User.objects.get(email="vjosa@example.org")
    assert (shown.status_code, confirmed.status_code) == (200, 302)
    assert EmailAddress.objects.get(user=user).verified is True
    assert (login.status_code, login["Location"]) == (302, reverse("people:dashboard"))
    assert logged_in_user_id(client) == user.pk
    assert list(user.groups.values_list("name", flat=True)) == ["Professionals"]
    assert user.profile.display_name == "Vjosa Berisha"


@pytest.mark.django_db
def test_confirm_link_does_not_verify_on_get(client, mailoutbox):
    client.post(reverse("account_signup"), signup_data("vjosa@example.org"))
    confirm_path = CONFIRM_LINK.search(mailoutbox[0].body).group(1)

    client.get(confirm_path)

    assert EmailAddress.objects.get(email="vjosa@example.org").verified is False


@pytest.mark.django_db
def test_signup_cannot_choose_the_organiser_role(client, mailoutbox):
    response = client.post(
        reverse("account_signup"), signup_data("vjosa@example.org", track=Role.ORGANISER)
    )

    assert response.status_code == 200
    assert User.objects.filter(email="vjosa@example.org").exists() is False


# --- No account enumeration ---------------------------------------------------------------


@pytest.mark.django_db
def test_signup_with_a_taken_email_looks_like_a_new_signup_and_tells_the_owner(client, mailoutbox):
    owner = UserFactory(email="owner@example.org")
    new = client.post(reverse("account_signup"), signup_data("new@example.org"))
    client.logout()
    mailoutbox.clear()

    taken = client.post(reverse("account_signup"), signup_data("Owner@Example.org"))

    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert User.objects.filter(email="owner@example.org").get() == owner
    assert [message.to for message in mailoutbox] == [["owner@example.org"]]
    assert CONFIRM_LINK.search(mailoutbox[0].body) is None


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_looks_like_one_for_a_known_address(
    client, mailoutbox
):
    UserFactory(email="known@example.org")

    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert (known.status_code, known["Location"]) == (302, reverse("account_reset_password_done"))
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert sorted(message.to[0] for message in mailoutbox) == [
        "known@example.org",
        "nobody@example.org",
    ]


# --- Rate limiting --------------------------------------------------------------------------


def _fail_login(client, email: str, times: int) -> None:
    for _ in range(times):
        client.post(reverse("account_login"), {"login": email, "password": "wrong-password"})


@pytest.mark.django_db
def test_login_is_refused_after_five_failures_even_with_the_right_password(client):
    user = UserFactory(email="vjosa@example.org")
    _fail_login(client, user.email, 5)

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 200
    assert logged_in_user_id(client) is None
    assert response.context["form"].non_field_errors() == [
        str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
    ]


@pytest.mark.django_db
def test_login_still_works_after_four_failures(client):
    user = UserFactory(email="vjosa@example.org")
    _fail_login(client, user.email, 4)

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert logged_in_user_id(client) == user.pk


# Behind the TLS proxy every request comes from the proxy's address; the visitor's is in the
# X-Forwarded-For entry the proxy appended.
PROXY = "10.0.0.2"


def _fail_login_from(client, visitor: str, emails: list[str]) -> None:
    for email in emails:
        client.post(
            reverse("account_login"),
            {"login": email, "password": "wrong-password"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=visitor,
        )


@pytest.mark.django_db
def test_behind_the_proxy_failures_from_one_visitor_do_not_lock_out_another(client, settings):
    settings.LINKAGE_TRUSTED_PROXY_COUNT = 1
    user = UserFactory(email="vjosa@example.org")
    _fail_login_from(client, "198.51.100.66", [f"invented{n}@example.org" for n in range(20)])

    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )

    assert (response.status_code, logged_in_user_id(client)) == (302, user.pk)


@pytest.mark.django_db
def test_behind_the_proxy_one_visitor_is_still_limited_per_address(client, settings):
    settings.LINKAGE_TRUSTED_PROXY_COUNT = 1
    user = UserFactory(email="vjosa@example.org")
    _fail_login_from(client, "198.51.100.66", [f"invented{n}@example.org" for n in range(20)])

    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )

    assert (response.status_code, logged_in_user_id(client)) == (200, None)


@pytest.mark.django_db
def test_without_a_proxy_a_forged_forwarded_for_does_not_escape_the_limit(client, settings):
    settings.LINKAGE_TRUSTED_PROXY_COUNT = 0
    user = UserFactory(email="vjosa@example.org")
    for n in range(20):
        _fail_login_from(client, f"198.51.100.{n}", [f"invented{n}@example.org"])

    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )

    assert (response.status_code, logged_in_user_id(client)) == (200, None)


# --- Two-factor authentication for organisers and admins --------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/my/", "/admin/"])
def test_organiser_without_totp_is_sent_to_set_it_up(client, organiser, path):
    client.force_login(organiser)

    response = client.get(path)

    assert (response.status_code, response["Location"]) == (302, reverse("mfa_activate_totp"))


@pytest.mark.django_db
def test_superuser_without_totp_is_sent_to_set_it_up(client, superuser):
    client.force_login(superuser)

    response = client.get("/my/")

    assert (response.status_code, response["Location"]) == (302, reverse("mfa_activate_totp"))


@pytest.mark.django_db
def test_professional_without_totp_is_not_asked_for_it(client, professional):
    client.force_login(professional)

    response = client.get("/my/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_organiser_with_totp_reaches_my_linkage(client, organiser):
    totp_activate(organiser)
    client.force_login(organiser)

    response = client.get("/my/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_organiser_without_totp_is_not_redirected_when_the_setting_is_off(
    client, organiser, settings
):
    settings.LINKAGE_REQUIRE_MFA_FOR_STAFF = False
    client.force_login(organiser)

    response = client.get("/my/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_organiser_logs_in_sets_up_totp_and_then_reaches_my_linkage(client, organiser, settings):
    # Every step on the way must stay reachable: log-in, re-authentication, TOTP set-up.
    settings.MFA_TOTP_TOLERANCE = 1  # the code stays valid if a 30-second period ends mid-test
    activate = reverse("mfa_activate_totp")
    login = client.post(reverse("account_login"), {"login": organiser.email, "password": PASSWORD})
    sent_to_setup = client.get(login["Location"])
    asked_to_reauthenticate = client.get(activate)
    reauthenticated = client.post(asked_to_reauthenticate["Location"], {"password": PASSWORD})
    setup_page = client.get(activate)
    secret = client.session[SECRET_SESSION_KEY]
    counters = list(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))

    activated = client.post(activate, {"code": code})
    dashboard = client.get("/my/")

    assert (login["Location"], sent_to_setup["Location"]) == (reverse("people:dashboard"), activate)
    assert asked_to_reauthenticate["Location"].startswith(reverse("account_reauthenticate"))
    assert (reauthenticated["Location"], setup_page.status_code) == (activate, 200)
    assert (activated.status_code, dashboard.status_code) == (302, 200)
    assert set(Authenticator.objects.filter(user=organiser).values_list("type", flat=True)) == {
        Authenticator.Type.TOTP,
        Authenticator.Type.RECOVERY_CODES,
    }


@pytest.mark.django_db
def test_organiser_without_totp_can_still_log_out(client, organiser):
    client.force_login(organiser)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert response["Location"] != reverse("mfa_activate_totp")
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_organiser_without_totp_can_still_use_quick_exit(client, organiser, site):
    client.force_login(organiser)

    response = client.get(reverse("home:quick_exit"))

    assert response.status_code == 302
    assert response["Location"] != reverse("mfa_activate_totp")
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_a_mentor_is_not_asked_for_totp(client):
    mentor = user_with_role(Role.MENTOR)
    client.force_login(mentor)

    response = client.get("/my/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_a_person_who_signs_up_in_arabic_gets_her_e_mails_and_certificates_in_arabic(
    client, mailoutbox
):
    """The profile's language defaulted to English and never gave way to hers."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    client.post(reverse("account_signup"), signup_data("amina@example.org"))
    person = User.objects.get(email="amina@example.org")

    assert person.profile.preferred_language == "ar"
