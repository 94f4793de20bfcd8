"""Certificates in the admin are read-only: no add, edit or delete for anyone; they change
only by revoke and reissue, reachable from the list and the inspect view."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from certificates.enums import CertificateKind, CertificateStatus, VerificationStatus
from certificates.forms import ReissueForm, RevokeForm
from certificates.models import Certificate
from certificates.selectors import certificate_verify
from certificates.services import certificate_issue, certificate_reissue, certificate_revoke
from tests.factories import OrganisationFactory, UserFactory, totp_activate

DAY = datetime.date(2026, 11, 20)


@pytest.fixture
def certificate(programme) -> Certificate:
    """A certificate of the ``organiser`` fixture's programme."""
    return certificate_issue(
        subject=OrganisationFactory(name="Enrolment stand-in"),
        holder=UserFactory(email="vjosa@example.org"),
        holder_name="Vjosa Berisha",
        title="Coordinated response",
        kind=CertificateKind.COURSE_COMPLETION,
        completed_on=DAY,
        programmes=[programme.pk],
    )


@pytest.fixture(params=["organiser", "superuser"])
def staff_client(request, client):
    user = request.getfixturevalue(request.param)
    totp_activate(user)
    client.force_login(user)
    return client


def what_it_says(certificate: Certificate) -> tuple:
    certificate.refresh_from_db()
    return (certificate.holder_name, certificate.title, certificate.status)


VALID_AS_ISSUED = ("Vjosa Berisha", "Coordinated response", CertificateStatus.VALID)


@pytest.mark.django_db
def test_the_edit_form_is_refused_and_changes_nothing(staff_client, certificate):
    url = f"/admin/certificate/edit/{certificate.pk}/"

    get = staff_client.get(url)
    post = staff_client.post(url, {"holder_name": "Someone Else", "title": "Another course"})

    assert (get.status_code, post.status_code, post["Location"]) == (302, 302, "/admin/")
    assert what_it_says(certificate) == VALID_AS_ISSUED
    assert certificate_verify(code=certificate.code)[1].holder_name == "Vjosa Berisha"


@pytest.mark.django_db
@pytest.mark.parametrize("data", [{}, {"holder_name": "x", "title": "y", "completed_on": "bad"}])
def test_the_add_view_refuses_cleanly_and_creates_nothing(staff_client, certificate, data):
    get = staff_client.get(reverse("certificate:add"))
    post = staff_client.post(reverse("certificate:add"), data)

    assert (get.status_code, post.status_code, Certificate.objects.count()) == (302, 302, 1)


@pytest.mark.django_db
def test_nobody_deletes_a_certificate_in_the_admin(staff_client, certificate):
    response = staff_client.post(f"/admin/certificate/delete/{certificate.pk}/")

    assert (response.status_code, Certificate.objects.count()) == (302, 1)


@pytest.mark.django_db
def test_the_list_and_the_inspect_view_offer_revoke_or_reissue(staff_client, certificate):
    manage = f"/admin/certificates/{certificate.pk}/manage/"

    listing = staff_client.get("/admin/certificate/").content.decode()
    inspect = staff_client.get(f"/admin/certificate/inspect/{certificate.pk}/").content.decode()

    assert (manage in listing, manage in inspect) == (True, True)
    assert (
        f"/admin/certificate/edit/{certificate.pk}/" in listing,
        reverse("certificate:add") in listing,
    ) == (
        False,
        False,
    )


@pytest.mark.django_db
def test_revoke_end_to_end_through_the_admin(staff_client, certificate):
    response = staff_client.post(
        f"/admin/certificates/{certificate.pk}/revoke/", {"revoke-reason": "Issued in error"}
    )

    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/certificates/{certificate.pk}/manage/",
    )
    assert certificate_verify(code=certificate.code)[0] == VerificationStatus.REVOKED
    assert list(
        ModelLogEntry.objects.filter(object_id=str(certificate.pk)).values_list("action", "data")
    ) == [("certificates.revoke", {"reason": "Issued in error"})]


@pytest.mark.django_db
def test_reissue_end_to_end_through_the_admin(staff_client, certificate):
    response = staff_client.post(
        f"/admin/certificates/{certificate.pk}/reissue/",
        {
            "reissue-holder_name": "Vjosa Berisha-Krasniqi",
            "reissue-title": "Coordinated response",
            "reissue-reason": "Name changed after marriage",
        },
    )

    new = Certificate.objects.get(status=CertificateStatus.VALID)
    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/certificates/{new.pk}/manage/",
    )
    assert (new.holder_name, what_it_says(certificate)[2], certificate.replaced_by_id) == (
        "Vjosa Berisha-Krasniqi",
        CertificateStatus.REVOKED,
        new.pk,
    )
    assert ModelLogEntry.objects.get(action="certificates.reissue").data == {
        "replaces": certificate.code,
        "reason": "Name changed after marriage",
    }


BAD_REASONS = [
    ("", "Say why the certificate is"),
    ("   ", "Say why the certificate is"),
    ("x" * 301, "Ensure this value has at most 300 characters (it has 301)."),
]
NUL_MESSAGE = "This text contains an invisible control character (NUL). Type it again."


@pytest.mark.django_db
@pytest.mark.parametrize(("reason", "message"), BAD_REASONS)
def test_a_bad_revoke_reason_is_a_form_error_and_revokes_nothing(
    staff_client, certificate, reason, message
):
    response = staff_client.post(
        f"/admin/certificates/{certificate.pk}/revoke/", {"revoke-reason": reason}
    )

    errors = response.context["revoke_form"].errors["reason"]
    assert (response.status_code, len(errors), errors[0].startswith(message)) == (200, 1, True)
    assert what_it_says(certificate) == VALID_AS_ISSUED


@pytest.mark.django_db
@pytest.mark.parametrize(("reason", "message"), BAD_REASONS)
def test_a_bad_reissue_reason_is_a_form_error_and_reissues_nothing(
    staff_client, certificate, reason, message
):
    response = staff_client.post(
        f"/admin/certificates/{certificate.pk}/reissue/",
        {"reissue-holder_name": "Someone Else", "reissue-title": "x", "reissue-reason": reason},
    )

    errors = response.context["reissue_form"].errors["reason"]
    assert (response.status_code, len(errors), errors[0].startswith(message)) == (200, 1, True)
    assert (what_it_says(certificate), Certificate.objects.count()) == (VALID_AS_ISSUED, 1)


# A NUL byte never reaches these views over HTTP once core's middleware refuses it with a
# 400; the forms and the services refuse it too, so no other path can store one (PostgreSQL
# cannot) or fail with a 500.


@pytest.mark.parametrize(
    ("form", "data", "field"),
    [
        (RevokeForm, {"reason": "wrong\x00name"}, "reason"),
        (ReissueForm, {"holder_name": "Vjosa\x00", "title": "x", "reason": "typo"}, "holder_name"),
        (ReissueForm, {"holder_name": "Vjosa", "title": "x", "reason": "ty\x00po"}, "reason"),
    ],
)
def test_the_forms_refuse_a_nul_with_a_clear_message(form, data, field):
    bound = form(data)

    assert (bound.is_valid(), bound.errors) == (False, {field: [NUL_MESSAGE]})


@pytest.mark.django_db
def test_the_services_refuse_a_nul_and_change_nothing(certificate):
    with pytest.raises(ValidationError) as revoke_error:
        certificate_revoke(certificate=certificate, by=None, reason="a\x00b")
    with pytest.raises(ValidationError) as reissue_error:
        certificate_reissue(certificate=certificate, by=None, holder_name="V\x00")

    assert (list(revoke_error.value.message_dict), list(reissue_error.value.message_dict)) == (
        ["revoked_reason"],
        ["holder_name"],
    )
    assert (what_it_says(certificate), Certificate.objects.count()) == (VALID_AS_ISSUED, 1)


@pytest.mark.django_db
def test_revoking_a_revoked_certificate_says_so_on_the_form(staff_client, certificate):
    url = f"/admin/certificates/{certificate.pk}/revoke/"
    staff_client.post(url, {"revoke-reason": "Issued in error"})

    response = staff_client.post(url, {"revoke-reason": "Again"})

    assert response.context["revoke_form"].non_field_errors() == [
        "This certificate is already revoked."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["manage", "revoke", "reissue"])
def test_professionals_cannot_revoke_or_reissue(client, professional, certificate, action):
    client.force_login(professional)

    response = client.post(
        f"/admin/certificates/{certificate.pk}/{action}/", {"revoke-reason": "x"}
    )

    # Turned away from the admin (to the login page, or a 403 page): either way, nothing
    # changes and the manage page is not shown.
    assert (response.status_code in {302, 403}, what_it_says(certificate)) == (
        True,
        VALID_AS_ISSUED,
    )
