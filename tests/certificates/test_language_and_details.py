"""Certificates speak their holder's language, name the programmes and organisations that
issued them and the course's length, and date an attendance by the event's own clock with
its zone in words. Their links are built on the site's one base address."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

from django.core import mail
from django.test import override_settings
from django.utils import translation

import pytest
from fontTools.ttLib import TTFont

from certificates.enums import CertificateKind
from certificates.pdf import FONTS, certificate_pdf, certificate_text
from certificates.services import certificate_issue, certificate_reissue
from certificates.tasks import certificate_email_task, verify_url_for
from certificates.wording import length_text, when_text
from core.models import OutboxMessage
from people.models import Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2025, 12, 16)
VILNIUS = ZoneInfo("Europe/Vilnius")
LANGUAGES = ["en", "lt", "sq", "sr-latn", "ar", "es", "it", "el", "sl", "mk", "uk", "fa"]


@pytest.fixture
def subject():
    return Organisation.objects.create(name="Enrolment stand-in")


def holder_speaking(language: str, email: str = "vjosa@example.org"):
    holder = UserFactory(email=email)
    holder.profile.preferred_language = language
    holder.profile.save()
    return holder


def issue(subject, holder, **details):
    fields = {
        "subject": subject,
        "holder": holder,
        "holder_name": "Vjosa Berisha",
        "title": "Coordinated response",
        "kind": CertificateKind.COURSE_COMPLETION,
        "completed_on": DAY,
        **details,
    }
    return certificate_issue(**fields)


def attendance(subject, holder, zone="Europe/Vilnius", start=(9, 30), end=(16, 30), **details):
    tz = ZoneInfo(zone)
    return issue(
        subject,
        holder,
        kind=CertificateKind.EVENT_ATTENDANCE,
        title="Joint risk assessment",
        starts_at=datetime.datetime(2025, 12, 16, *start, tzinfo=tz),
        ends_at=datetime.datetime(2025, 12, 16, *end, tzinfo=tz),
        time_zone=zone,
        **details,
    )


# --- Language ------------------------------------------------------------------------------


def test_a_certificate_is_issued_in_the_language_of_the_holders_profile(subject):
    with translation.override("en"):
        certificate = issue(subject, holder_speaking("lt"))

    assert certificate.language == "lt"


def test_without_a_profile_it_is_issued_in_the_language_of_the_request(subject):
    holder = UserFactory(email="amina@example.org")
    holder.profile.delete()
    holder.refresh_from_db()

    with translation.override("ar"):
        certificate = issue(subject, holder)

    assert certificate.language == "ar"


def test_the_issuing_app_may_name_the_language(subject):
    assert issue(subject, holder_speaking("lt"), language="uk").language == "uk"


def test_the_words_on_the_certificate_are_in_its_language_whatever_is_active(subject):
    certificate = issue(subject, holder_speaking("lt"))

    with translation.override("en"):
        text = certificate_text(certificate=certificate, verify_url="https://x.test/v/")

    assert (text.language, text.rtl) == ("lt", False)
    assert "2025 m. gruodžio 16 d." in text.lines[6].text


@pytest.mark.parametrize(("language", "rtl"), [("fa", True), ("ar", True), ("el", False)])
def test_persian_and_arabic_certificates_run_right_to_left_with_shaping(subject, language, rtl):
    from fpdf import FPDF

    certificate = issue(subject, holder_speaking(language), duration_minutes=90)
    seen = []
    original = FPDF.multi_cell

    def spy(pdf, *args, **kwargs):
        if not kwargs.get("dry_run"):
            shaping = pdf.text_shaping or {}
            seen.append((shaping.get("use_shaping_engine"), str(shaping.get("direction"))))
        return original(pdf, *args, **kwargs)

    with mock.patch.object(FPDF, "multi_cell", spy):
        pdf = certificate_pdf(certificate=certificate, verify_url="https://x.test/v/")

    direction = "TextDirection.RTL" if rtl else "TextDirection.LTR"
    assert (pdf[:4], set(seen)) == (b"%PDF", {(True, direction)})
    assert f"/Lang ({language})".encode() in pdf


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bundled_font_has_every_letter_of_every_language(subject, language):
    """No empty boxes: DejaVu Sans covers the dates, zones and names of each language
    (letters HarfBuzz writes as two, like Persian ۀ, are checked as their parts)."""
    import unicodedata

    certificate = attendance(
        subject, holder_speaking(language), holder_name="Amina Žemaitytė أمينة Ελένη Олена"
    )
    text = certificate_text(certificate=certificate, verify_url="https://x.test/v/")
    words = " ".join([*(line.text for line in text.lines), *text.verification.splitlines()])
    for style in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        cmap = TTFont(FONTS / style).getBestCmap()
        missing = {
            char
            for char in words
            if ord(char) not in cmap
            and not all(ord(part) in cmap for part in unicodedata.normalize("NFD", char))
        }
        assert (style, missing) == (style, set())


# --- Programme, organisation, length -------------------------------------------------------


def test_it_names_the_issuing_programme_and_its_lead_organisation(subject, programme):
    programme.lead_organisation = Organisation.objects.create(name="Women's Centre Vilnius")
    programme.save()
    certificate = issue(subject, holder_speaking("en"), programmes=[programme.pk])

    text = certificate_text(certificate=certificate, verify_url="https://x.test/v/")

    assert "Issued by Test programme — Women's Centre Vilnius" in [line.text for line in text.lines]


def test_a_course_certificate_gives_the_courses_length_in_hours(subject):
    certificate = issue(subject, holder_speaking("en"), duration_minutes=360)

    lines = [line.text for line in certificate_text(certificate=certificate, verify_url="").lines]

    assert "Course length: 6 hours" in lines


@pytest.mark.parametrize(
    ("minutes", "language", "expected"),
    [(60, "en", "1 hour"), (90, "en", "1.5 hours"), (90, "lt", "1,5"), (None, "en", "")],
)
def test_length_reads_in_hours_with_the_languages_decimal_mark(minutes, language, expected):
    with translation.override(language):
        assert length_text(minutes).startswith(expected)


# --- Time of an attendance -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/Vilnius", "Tuesday 16 December 2025, 09:30–16:30 (Eastern European Time)"),
        # Prishtina runs on Europe/Belgrade: named by the zone, never "Belgrade time".
        ("Europe/Belgrade", "Tuesday 16 December 2025, 09:30–16:30 (Central European Time)"),
        ("Europe/Brussels", "Tuesday 16 December 2025, 09:30–16:30 (Central European Time)"),
    ],
)
def test_an_attendance_is_dated_by_the_events_own_clock_and_zone(subject, zone, expected):
    certificate = attendance(subject, holder_speaking("en"), zone=zone)

    with translation.override("en"), override_settings(TIME_ZONE="UTC"):
        assert when_text(certificate) == expected


def test_an_event_over_several_days_shows_its_whole_span(subject):
    certificate = attendance(subject, holder_speaking("en"))
    certificate.ends_at = datetime.datetime(2025, 12, 18, 13, 0, tzinfo=VILNIUS)

    with translation.override("en"):
        assert when_text(certificate) == (
            "Tuesday 16 December 2025, 09:30 to Thursday 18 December 2025, 13:00 "
            "(Eastern European Time)"
        )


def test_the_zone_is_named_in_the_certificates_language(subject):
    certificate = attendance(subject, holder_speaking("lt"))

    text = certificate_text(certificate=certificate, verify_url="")

    assert text.lines[6].text.endswith("09:30–16:30 (Rytų Europos laikas)")


def test_a_certificate_without_a_recorded_time_shows_its_date(subject):
    with translation.override("en"):
        assert when_text(issue(subject, holder_speaking("en"))) == "Tuesday 16 December 2025"


def test_a_reissue_keeps_language_length_and_time(subject):
    old = attendance(subject, holder_speaking("lt"), duration_minutes=420)

    new = certificate_reissue(certificate=old, by=None, holder_name="Vjosa B.")

    assert (new.language, new.duration_minutes, new.starts_at, new.ends_at, new.time_zone) == (
        "lt",
        420,
        old.starts_at,
        old.ends_at,
        "Europe/Vilnius",
    )


# --- Verification page, download, e-mail ---------------------------------------------------


def test_the_verification_page_gives_the_details_in_the_readers_language(
    client, subject, programme
):
    certificate = attendance(subject, holder_speaking("lt"), programmes=[programme.pk])

    body = client.get(f"/certificates/verify/{certificate.code}/").content.decode()

    assert "Tuesday 16 December 2025, 09:30–16:30 (Eastern European Time)" in body
    assert '<bdi lang="lt">Joint risk assessment</bdi>' in body
    assert "<bdi>Test programme</bdi>" in body


def test_an_organiser_reading_english_downloads_the_holders_lithuanian_certificate(
    client, subject, programme, organiser_with_totp
):
    certificate = issue(subject, holder_speaking("lt"), programmes=[programme.pk])
    client.force_login(organiser_with_totp)

    response = client.get(f"/certificates/{certificate.code}.pdf", HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, b"/Lang (lt)" in response.content) == (200, True)


@override_settings(LINKAGE_BASE_URL="https://linkage.example.org")
def test_the_email_links_to_the_verification_page_on_the_base_url_in_the_holders_language(
    subject,
):
    certificate = issue(subject, holder_speaking("lt"))

    certificate_email_task.apply(args=[certificate.pk]).get()

    url = f"https://linkage.example.org/certificates/verify/{certificate.code}/"
    message = OutboxMessage.objects.get()
    assert (verify_url_for(certificate), url in mail.outbox[0].body, message.language) == (
        url,
        True,
        "lt",
    )
