"""One way in: every log-in and password-reset path is allauth's (rate limits, e-mail
verification, TOTP). Wagtail's admin log-in, its front-end log-in and its password reset
lead there and never sign anyone in with a password alone."""

from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.mfa.utils import decrypt

from people.enums import Role
from tests.factories import PASSWORD, UserFactory, totp_activate, user_with_role

LOGIN = "/accounts/login/"
WAGTAIL_LOGIN_URLS = ["/admin/login/", "/_util/login/", "/lt/_util/login/"]
ROLES = ["professional", "mentor", "organiser", "superuser"]


def logged_in_user_id(client) -> int | None:
    value = client.session.get(SESSION_KEY)
    return int(value) if value is not None else None


@pytest.fixture
def person(request, db):
    """Each role, organisers and the superuser with TOTP set up as they must have."""
    if request.param == "superuser":
        user = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    else:
        user = user_with_role(Role(request.param), email=f"{request.param}@example.org")
    if request.param in {"organiser", "superuser"}:
        totp_activate(user)
    return user


def totp_code(user) -> str:
    secret = decrypt(
        Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    )
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


@pytest.mark.django_db
@pytest.mark.parametrize("url", WAGTAIL_LOGIN_URLS)
def test_wagtail_login_pages_redirect_to_allauth_keeping_next(client, url):
    response = client.get(f"{url}?next=/admin/pages/")

    assert (response.status_code, response["Location"]) == (302, f"{LOGIN}?next=/admin/pages/")


@pytest.mark.django_db
@pytest.mark.parametrize("url", WAGTAIL_LOGIN_URLS)
@pytest.mark.parametrize("person", ROLES, indirect=True)
def test_a_password_alone_signs_nobody_in_on_a_wagtail_login_url(client, url, person):
    response = client.post(url, {"username": person.email, "password": PASSWORD})

    assert (response.status_code, response["Location"]) == (302, LOGIN)
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
@pytest.mark.parametrize("url", WAGTAIL_LOGIN_URLS)
def test_an_unverified_signup_cannot_sign_in_on_a_wagtail_login_url(client, url):
    user = UserFactory(email="new@example.org", email_verified=False)

    client.post(url, {"username": user.email, "password": PASSWORD})

    assert logged_in_user_id(client) is None


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["professional", "mentor"], indirect=True)
def test_people_without_totp_sign_in_with_allauth(client, person):
    response = client.post(LOGIN, {"login": person.email, "password": PASSWORD})

    assert (response.status_code, response["Location"]) == (302, reverse("people:dashboard"))
    assert logged_in_user_id(client) == person.pk


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["organiser", "superuser"], indirect=True)
def test_staff_with_totp_need_their_code_and_then_reach_the_admin(client, person, settings):
    settings.MFA_TOTP_TOLERANCE = 1  # the code stays valid if a 30-second period ends mid-test
    anonymous = client.get("/admin/")
    password_only = client.post(
        anonymous["Location"], {"login": person.email, "password": PASSWORD}
    )
    after_password = logged_in_user_id(client)

    with_code = client.post(password_only["Location"], {"code": totp_code(person)})
    admin = client.get("/admin/")

    assert anonymous["Location"] == f"{LOGIN}?next=/admin/"
    assert (password_only["Location"], after_password) == (reverse("mfa_authenticate"), None)
    assert (with_code["Location"], logged_in_user_id(client)) == ("/admin/", person.pk)
    assert admin.status_code == 200


@pytest.mark.django_db
def test_wagtail_admin_logout_signs_out_and_goes_to_allauths_login(client, organiser_with_totp):
    client.force_login(organiser_with_totp)

    response = client.post("/admin/logout/")

    assert (response.status_code, response["Location"]) == (302, LOGIN)
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/admin/password_reset/", "/admin/password_reset/done/", "/admin/password_reset/complete/"],
)
def test_wagtail_password_reset_pages_redirect_to_allauths(client, url):
    response = client.get(url)

    assert (response.status_code, response["Location"]) == (302, reverse("account_reset_password"))


@pytest.mark.django_db
def test_wagtail_password_reset_sends_no_email(client, professional, mailoutbox):
    for _ in range(25):
        client.post("/admin/password_reset/", {"email": professional.email})

    assert mailoutbox == []


@pytest.mark.django_db
def test_allauths_password_reset_is_rate_limited_per_address(client, professional, mailoutbox):
    for _ in range(25):
        client.post(reverse("account_reset_password"), {"email": professional.email})

    assert [message.to for message in mailoutbox] == [[professional.email]] * 3


@pytest.mark.django_db
def test_a_page_for_signed_in_people_sends_visitors_to_allauths_login(client, home_page):
    PageViewRestriction.objects.create(page=home_page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/")

    assert (response.status_code, response["Location"]) == (302, f"{LOGIN}?next=/")


def test_wagtail_is_told_where_to_sign_in_and_to_leave_passwords_to_allauth(settings):
    assert (
        settings.WAGTAILADMIN_LOGIN_URL,
        settings.WAGTAIL_FRONTEND_LOGIN_URL,
        settings.WAGTAIL_PASSWORD_RESET_ENABLED,
        settings.WAGTAIL_PASSWORD_MANAGEMENT_ENABLED,
    ) == ("account_login", "account_login", False, False)


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["professional", "mentor"], indirect=True)
def test_signed_in_people_without_admin_access_get_a_403_page_not_a_redirect_loop(client, person):
    client.force_login(person)

    response = client.get("/admin/pages/")

    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["professional", "mentor"], indirect=True)
def test_signed_in_people_following_the_admin_login_link_land_on_their_dashboard(client, person):
    client.force_login(person)

    response = client.get("/admin/login/", follow=True)

    assert response.redirect_chain == [(LOGIN, 302), (reverse("people:dashboard"), 302)]
