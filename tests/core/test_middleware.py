"""A NUL byte in the path, the query string or a form field gets a 400 page a person
understands, with the quick exit, before anything reaches the database (PostgreSQL cannot
store or compare text with NUL in it, so these were 500s there)."""

import datetime
import json
import re

from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError, transaction
from django.test import RequestFactory

import pytest

from certificates.enums import CertificateKind, CertificateStatus
from certificates.services import certificate_issue
from core.middleware import request_has_nul
from people.models import Organisation
from tests.factories import UserFactory, totp_activate
from tests.factories.events import event_page

HEADING = "Sorry, we could not read that request"


def is_friendly_400(response) -> tuple[int, bool, bool]:
    """The status, whether the page says why in the visitor's language, and the quick exit."""
    from django.utils import translation

    body = response.content.decode()
    language = re.search(r'<html lang="([^"]+)"', body)
    with translation.override(language.group(1) if language else "en"):
        heading = translation.gettext(HEADING)
    return response.status_code, heading in body, 'id="quick-exit"' in body


@pytest.fixture
def staff_client(client, superuser):
    totp_activate(superuser)
    client.force_login(superuser)
    return client


@pytest.fixture
def certificate(db):
    return certificate_issue(
        subject=Organisation.objects.create(name="Enrolment stand-in"),
        holder=UserFactory(email="vjosa@example.org"),
        holder_name="Vjosa Berisha",
        title="Coordinated response",
        kind=CertificateKind.COURSE_COMPLETION,
        completed_on=datetime.date(2026, 11, 20),
    )


# --- The places the issue found -----------------------------------------------------------


@pytest.mark.django_db
def test_a_calendar_feed_address_with_nul_is_a_400_page(client, site):
    response = client.get("/attend/calendar/%00.ics")

    assert is_friendly_400(response) == (400, True, True)


@pytest.mark.django_db
def test_the_admin_check_in_search_with_nul_is_a_400_page(staff_client, site):
    event = event_page()

    response = staff_client.get(f"/admin/events-admin/{event.pk}/check-in/?q=%00")

    assert is_friendly_400(response) == (400, True, True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form",
    [
        {"action": "revoke", "reason": "wrong name\x00"},
        {"action": "reissue", "holder_name": "Vjosa\x00 Berisha"},
    ],
)
def test_certificate_revoke_and_reissue_with_nul_are_a_400_and_change_nothing(
    staff_client, certificate, form
):
    response = staff_client.post(f"/admin/certificates/{certificate.pk}/manage/", form)

    certificate.refresh_from_db()
    assert is_friendly_400(response) == (400, True, True)
    assert (certificate.status, certificate.holder_name) == (
        CertificateStatus.VALID,
        "Vjosa Berisha",
    )


# --- What is looked at, and what is not ---------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/safety/?q=%00", "/safety/?%00=1", "/safety/%00/", "/lt/%00/"])
def test_nul_in_the_path_or_query_string_is_a_400_page(client, site, path):
    assert is_friendly_400(client.get(path)) == (400, True, True)


@pytest.mark.django_db
def test_nul_in_a_posted_form_field_is_a_400_page(client, site):
    response = client.post("/accounts/login/", {"login": "vjosa@example.org\x00", "password": "x"})

    assert is_friendly_400(response) == (400, True, True)


@pytest.mark.django_db
def test_the_400_page_does_not_echo_the_request_back(client, site):
    response = client.get("/safety/?q=secret%00")

    assert ("secret" in response.content.decode(), "\x00" in response.content.decode()) == (
        False,
        False,
    )


@pytest.mark.django_db
def test_the_400_page_is_in_the_visitors_language(client, site):
    client.cookies["django_language"] = "sq"

    response = client.get("/safety/?q=%00")

    assert (response.status_code, '<html lang="sq"' in response.content.decode()) == (400, True)


def test_a_file_whose_contents_have_nul_is_not_refused():
    upload = SimpleUploadedFile("sheet.xlsx", b"PK\x03\x04\x00\x00binary")
    request = RequestFactory().post("/upload/", {"title": "Sign-in sheet", "file": upload})

    assert request_has_nul(request) is False


def test_a_multipart_form_field_with_nul_is_refused():
    upload = SimpleUploadedFile("sheet.xlsx", b"PK\x03\x04")
    request = RequestFactory().post("/upload/", {"title": "Sign\x00-in", "file": upload})

    assert request_has_nul(request) is True


def test_a_json_body_is_left_to_its_view():
    request = RequestFactory().post(
        "/api/", json.dumps({"q": "\x00"}), content_type="application/json"
    )

    assert request_has_nul(request) is False


@pytest.mark.django_db
def test_ordinary_requests_pass(client, site):
    assert [client.get(path).status_code for path in ("/safety/", "/safety/?q=risk")] == [200, 200]


@pytest.mark.django_db
def test_a_cookie_with_nul_is_dropped_not_refused(client, site):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"

    response = client.get("/safety/")

    assert response.status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db
def test_on_postgresql_nul_would_reach_the_database_as_an_error(client, site):
    """Why the check sits before everything else: PostgreSQL refuses NUL in any query."""
    with pytest.raises(DataError, match="NUL"), transaction.atomic():
        Session.objects.filter(session_key="abcdefgh\x00").exists()

    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    responses = [client.get("/safety/"), client.get("/attend/calendar/%00.ics")]

    assert [response.status_code for response in responses] == [200, 400]
