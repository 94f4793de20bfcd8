import datetime

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError

import pytest

from certificates.enums import CertificateKind, VerificationStatus
from certificates.models import Certificate
from certificates.pdf import certificate_pdf, qr_png
from certificates.selectors import certificate_verify, code_normalise
from certificates.services import certificate_issue, certificate_reissue, certificate_revoke
from certificates.tasks import certificate_email_task
from people.models import Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 20)


@pytest.fixture
def subject():
    return Organisation.objects.create(name="Enrolment stand-in")


@pytest.fixture
def holder():
    return UserFactory(email="vjosa@example.org")


def issue(subject, holder, name="Vjosa Berisha"):
    return certificate_issue(
        subject=subject,
        holder=holder,
        holder_name=name,
        title="Coordinated response",
        kind=CertificateKind.COURSE_COMPLETION,
        completed_on=DAY,
    )


def test_issue_is_idempotent_per_subject(subject, holder):
    first = issue(subject, holder)
    second = issue(subject, holder)
    assert (first.pk, Certificate.objects.count()) == (second.pk, 1)
    assert len(first.code) == 14 and first.code[4] == "-"


def test_database_allows_one_valid_certificate_per_subject(subject, holder):
    first = issue(subject, holder)
    with pytest.raises(IntegrityError):
        Certificate.objects.create(
            code="AAAA-BBBB-CCCC",
            kind=first.kind,
            subject_type=first.subject_type,
            subject_id=first.subject_id,
            holder_name="x",
            title="x",
            completed_on=DAY,
            issued_on=DAY,
        )


def test_revoke_then_verify_says_revoked_and_revoking_twice_is_refused(subject, holder):
    certificate = issue(subject, holder)
    certificate_revoke(certificate=certificate, by=None, reason="issued in error")
    assert certificate_verify(code=certificate.code) == (VerificationStatus.REVOKED, certificate)
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, by=None, reason="again")


def test_reissue_revokes_the_old_code_and_links_the_new(subject, holder):
    old = issue(subject, holder, name="Vjosa Berisa")
    new = certificate_reissue(certificate=old, by=None, holder_name="Vjosa Berisha")
    old.refresh_from_db()
    assert (old.replaced_by_id, old.revoked_reason, new.holder_name) == (
        new.pk,
        "reissued",
        "Vjosa Berisha",
    )
    assert new.code != old.code
    assert certificate_verify(code=new.code)[0] == VerificationStatus.VALID


def test_revoke_and_reissue_are_in_the_audit_log_with_who_and_why(subject, holder):
    from wagtail.models import ModelLogEntry

    organiser = UserFactory(email="ruta@example.org")
    old = issue(subject, holder)
    certificate_revoke(certificate=old, by=organiser, reason="name misspelt")
    entries = list(
        ModelLogEntry.objects.filter(object_id=str(old.pk)).values_list("action", "user_id", "data")
    )
    assert entries == [("certificates.revoke", organiser.pk, {"reason": "name misspelt"})]


def test_status_and_revocation_time_cannot_disagree_in_the_database(subject, holder):
    certificate = issue(subject, holder)
    with pytest.raises(IntegrityError):
        Certificate.objects.filter(pk=certificate.pk).update(status="revoked")


def test_codes_are_normalised_when_typed():
    assert code_normalise(" abcd 2345efgh ") == "ABCD-2345-EFGH"


def test_verify_page_shows_only_what_verification_needs(client, subject, holder):
    certificate = issue(subject, holder)
    response = client.get(f"/certificates/verify/{certificate.code.lower()}/")
    body = response.content.decode()
    assert (response.status_code, "Vjosa Berisha" in body, holder.email in body) == (
        200,
        True,
        False,
    )


def test_unknown_code_is_a_friendly_404(client):
    response = client.get("/certificates/verify/AAAA-AAAA-AAAA/")
    assert (response.status_code, "No certificate has this code" in response.content.decode()) == (
        404,
        True,
    )


def test_verification_is_rate_limited(client, settings):
    statuses = [client.get("/certificates/verify/AAAA-AAAA-AAAA/").status_code for _ in range(31)]
    assert (statuses[0], statuses[-1]) == (404, 429)


def test_a_burst_that_straddles_the_clock_s_minute_is_still_limited(client):
    from unittest import mock

    before = datetime.datetime(2026, 12, 1, 10, 0, 59, tzinfo=datetime.UTC)
    after = before + datetime.timedelta(seconds=1)
    statuses = []
    for moment in [before] * 15 + [after] * 16:
        with mock.patch("django.utils.timezone.now", return_value=moment):
            statuses.append(client.get("/certificates/verify/AAAA-AAAA-AAAA/").status_code)
    assert (statuses[0], statuses[-1]) == (404, 429)


def test_only_the_holder_downloads_and_revoked_is_refused(client, subject, holder):
    certificate = issue(subject, holder)
    other = UserFactory(email="other@example.org")
    client.force_login(other)
    assert client.get(f"/certificates/{certificate.code}.pdf").status_code == 404
    client.force_login(holder)
    response = client.get(f"/certificates/{certificate.code}.pdf")
    assert (response.status_code, response.content[:4]) == (200, b"%PDF")
    certificate_revoke(certificate=certificate, by=None, reason="error")
    assert client.get(f"/certificates/{certificate.code}.pdf").status_code == 410


def test_pdf_handles_arabic_and_lithuanian_names(subject, holder):
    certificate = issue(subject, holder, name="أمينة Žemaitytė")
    pdf = certificate_pdf(certificate=certificate, verify_url="https://x.test/v/")
    assert pdf[:4] == b"%PDF"


def test_qr_code_is_a_png():
    assert qr_png("https://linkage.example.org/certificates/verify/X/")[:8] == b"\x89PNG\r\n\x1a\n"


def test_email_task_sends_once_even_when_run_twice(subject, holder):
    certificate = issue(subject, holder)
    results = [certificate_email_task.apply(args=[certificate.pk]).get() for _ in range(2)]
    assert (results, len(mail.outbox)) == (["sent", "skipped"], 1)
    assert mail.outbox[0].attachments[0][2] == "application/pdf"


def test_email_task_skips_revoked(subject, holder):
    certificate = issue(subject, holder)
    certificate_revoke(certificate=certificate, by=None, reason="error")
    assert (certificate_email_task.apply(args=[certificate.pk]).get(), len(mail.outbox)) == (
        "skipped",
        0,
    )


def test_deleting_the_holder_keeps_the_record_without_the_name(subject, holder):
    certificate = issue(subject, holder)
    holder.delete()
    certificate.refresh_from_db()
    assert (certificate.holder_id, certificate.holder_name) == (None, "")


def test_an_organiser_downloads_only_her_own_programmes_certificates(
    client, subject, holder, programme, organiser, other_organiser
):
    from tests.factories import totp_activate

    ours = issue(subject, holder)
    ours.programmes.set([programme])
    totp_activate(organiser)
    totp_activate(other_organiser)

    client.force_login(other_organiser)
    refused = client.get(f"/certificates/{ours.code}.pdf")
    client.force_login(organiser)
    allowed = client.get(f"/certificates/{ours.code}.pdf")

    # Another programme's code reads as no certificate at all.
    assert (refused.status_code, b"%PDF" in refused.content) == (404, False)
    assert (allowed.status_code, allowed.content[:4]) == (200, b"%PDF")
