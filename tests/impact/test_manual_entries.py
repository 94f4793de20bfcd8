"""Manual entries: entered by an organiser, counted once someone else approves them, every
step in the audit log; evidence files checked by their content."""

import datetime
import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import ModelLogEntry

import pytest

from impact.enums import ManualEntryStatus
from impact.indicators.compute import indicator_result
from impact.indicators.services import (
    evidence_name,
    manual_entry_approve,
    manual_entry_reject,
    manual_entry_submit,
)
from tests.factories.programmes import organiser_of
from tests.impact.indicator_helpers import indicator_make

MARCH_1, MARCH_31 = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def indicator(programme):
    return indicator_make(programme, name="Women supported")


@pytest.fixture
def second_organiser(programme):
    return organiser_of(programme, email="lina@example.org")


def submit(indicator, by, **overrides):
    values = {
        "indicator": indicator,
        "by": by,
        "period_start": MARCH_1,
        "period_end": MARCH_31,
        "value": 12,
        "note": "Counted from the shelter's intake book.",
    }
    values.update(overrides)
    return manual_entry_submit(**values)


def refusal(error: ValidationError) -> list[str]:
    return error.value.messages


def zipped(*members: tuple[str, bytes], stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for index, (name, content) in enumerate(members):
            compression = (
                zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            )
            archive.writestr(name, content, compress_type=compression)
    return out.getvalue()


def xlsx() -> bytes:
    import openpyxl

    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    return out.getvalue()


# --- Submitting -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_organiser_enters_a_number_that_waits_for_approval(indicator, organiser):
    entry = submit(indicator, organiser)

    assert (entry.status, entry.entered_by, entry.value) == (
        ManualEntryStatus.PENDING,
        organiser,
        12,
    )
    assert indicator_result(indicator).manual == 0
    log = ModelLogEntry.objects.get(object_id=str(entry.pk))
    assert (log.action, log.user, log.data["value"]) == (
        "impact.manual_entry.submit",
        organiser,
        12,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"value": 0}, "Enter a number of 1 or more."),
        ({"period_end": datetime.date(2026, 2, 28)}, "The period cannot end before it starts."),
        ({"note": "  "}, "Say how the number was obtained."),
    ],
)
def test_a_number_is_refused_in_words(indicator, organiser, overrides, message):
    with pytest.raises(ValidationError) as error:
        submit(indicator, organiser, **overrides)

    assert refusal(error) == [message]


@pytest.mark.django_db
def test_only_the_programmes_organisers_and_admins_enter_numbers(
    indicator, other_organiser, superuser
):
    with pytest.raises(ValidationError) as error:
        submit(indicator, other_organiser)

    assert refusal(error) == [
        "Only an organiser of Test programme can enter numbers for its indicators."
    ]
    assert submit(indicator, superuser).entered_by == superuser


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("intake.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("photo.PNG", PNG),
        ("photo.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("counts.xlsx", None),
        ("counts.csv", b"Municipality;Women\nGjilan/Gnjilane;12\n"),
        ("report.docx", zipped(("[Content_Types].xml", b"<x/>"), ("word/document.xml", b"<w/>"))),
        (
            "report.odt",
            zipped(
                ("mimetype", b"application/vnd.oasis.opendocument.text"),
                ("content.xml", b"<office/>"),
                stored_first=True,
            ),
        ),
    ],
)
def test_evidence_of_the_allowed_types_is_kept_under_its_own_name(
    indicator, organiser, name, content
):
    content = xlsx() if content is None else content

    entry = submit(
        indicator, organiser, evidence=SimpleUploadedFile(f"C:\\Users\\x\\{name}", content)
    )

    assert entry.evidence_name == name
    assert entry.evidence.read() == content
    assert name not in entry.evidence.name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "Attach a PDF, PNG, JPEG, XLSX, CSV, DOCX or ODT file."),
        (
            "intake.pdf",
            PNG,
            "The file “intake.pdf” is not the PDF file its name says it is. "
            "Attach a PDF, PNG, JPEG, XLSX, CSV, DOCX or ODT file.",
        ),
        (
            "counts.xlsx",
            zipped(("word/document.xml", b"<w/>")),
            "The file “counts.xlsx” is not the XLSX file its name says it is. "
            "Attach a PDF, PNG, JPEG, XLSX, CSV, DOCX or ODT file.",
        ),
        (
            "counts.csv",
            b"\x00\x01\x02binary",
            "The file “counts.csv” is not the CSV file its name says it is. "
            "Attach a PDF, PNG, JPEG, XLSX, CSV, DOCX or ODT file.",
        ),
    ],
)
def test_evidence_is_checked_by_its_content_not_its_name(
    indicator, organiser, name, content, message
):
    with pytest.raises(ValidationError) as error:
        submit(indicator, organiser, evidence=SimpleUploadedFile(name, content))

    assert refusal(error) == [message]


@pytest.mark.django_db
def test_evidence_over_ten_megabytes_is_refused(indicator, organiser):
    big = SimpleUploadedFile("scan.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))

    with pytest.raises(ValidationError) as error:
        submit(indicator, organiser, evidence=big)

    assert refusal(error) == [
        "The evidence file is larger than 10 MB. Attach a smaller file or a summary."
    ]


def test_a_long_evidence_name_is_shortened_keeping_its_extension():
    name = evidence_name("../../" + "a" * 300 + ".pdf")

    assert (len(name), name[-8:]) == (200, "aaaa.pdf")


# --- Deciding ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_second_organiser_approves_and_the_number_counts(
    indicator, organiser, second_organiser, django_capture_on_commit_callbacks
):
    entry = submit(indicator, organiser)
    indicator_result(indicator)

    with django_capture_on_commit_callbacks(execute=True):
        approved = manual_entry_approve(entry=entry, by=second_organiser)

    assert (approved.status, approved.decided_by) == (ManualEntryStatus.APPROVED, second_organiser)
    indicator.refresh_from_db()
    assert indicator_result(indicator).manual == 12
    assert list(
        ModelLogEntry.objects.filter(object_id=str(entry.pk))
        .order_by("pk")
        .values_list("action", "user__email")
    ) == [
        ("impact.manual_entry.submit", "ruta@example.org"),
        ("impact.manual_entry.approve", "lina@example.org"),
    ]


@pytest.mark.django_db
def test_an_admin_may_approve(indicator, organiser, superuser):
    entry = submit(indicator, organiser)

    assert manual_entry_approve(entry=entry, by=superuser).status == ManualEntryStatus.APPROVED


@pytest.mark.django_db
def test_nobody_approves_their_own_number(indicator, organiser):
    entry = submit(indicator, organiser)

    with pytest.raises(ValidationError) as error:
        manual_entry_approve(entry=entry, by=organiser)

    assert refusal(error) == [
        "You entered this number: another organiser of the programme must decide on it."
    ]


@pytest.mark.django_db
def test_another_programmes_organiser_cannot_decide(indicator, organiser, other_organiser):
    entry = submit(indicator, organiser)

    with pytest.raises(ValidationError) as error:
        manual_entry_approve(entry=entry, by=other_organiser)

    assert refusal(error) == [
        "Only an organiser of Test programme or an admin can decide on this number."
    ]


@pytest.mark.django_db
def test_a_decided_entry_is_not_decided_again(indicator, organiser, second_organiser, superuser):
    entry = submit(indicator, organiser)
    manual_entry_reject(entry=entry, by=second_organiser, reason="Double-counted.")

    with pytest.raises(ValidationError) as error:
        manual_entry_approve(entry=entry, by=superuser)

    assert refusal(error) == ["This entry has already been decided: it is rejected."]


@pytest.mark.django_db
def test_a_rejection_says_why_and_never_counts(indicator, organiser, second_organiser):
    entry = submit(indicator, organiser)

    with pytest.raises(ValidationError) as error:
        manual_entry_reject(entry=entry, by=second_organiser, reason=" ")
    rejected = manual_entry_reject(entry=entry, by=second_organiser, reason="Double-counted.")

    assert refusal(error) == ["Say why the number is rejected."]
    assert (rejected.status, rejected.decision_note) == (
        ManualEntryStatus.REJECTED,
        "Double-counted.",
    )
    assert indicator_result(indicator).manual == 0
    log = ModelLogEntry.objects.filter(object_id=str(entry.pk)).latest("pk")
    assert (log.action, log.comment, log.message) == (
        "impact.manual_entry.reject",
        "Double-counted.",
        "Number rejected",
    )
