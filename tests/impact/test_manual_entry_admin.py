"""Manual entries in the admin: "Enter a number" for one's own programmes' indicators,
approval or rejection by a second organiser (the entrant is never offered it and is
refused in words if she tries), the history of who did what, and the evidence file,
downloaded only within the reader's programmes."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats

import pytest

from impact.enums import ManualEntryStatus
from impact.indicators import manual_entry_submit
from impact.models import ManualEntry

from .admin_fixtures import *  # noqa: F403
from .admin_fixtures import indicator_make

BASE = "/admin/impact/manual/"
PDF = b"%PDF-1.4\n% a sign-in sheet\n"
# Numbers are entered for days that have passed: January of last year.
YEAR = date.today().year - 1


def submit(indicator, user, *, value=12, evidence=None, day=1) -> ManualEntry:
    return manual_entry_submit(
        indicator=indicator,
        by=user,
        period_start=date(YEAR, 1, day),
        period_end=date(YEAR, 1, 31),
        value=value,
        note="Head count at the Kaunas workshop",
        evidence=evidence,
    )


def post_data(indicator, **overrides) -> dict:
    data = {
        "indicator": str(indicator.pk),
        "period_start": f"{YEAR}-01-01",
        "period_end": f"{YEAR}-01-31",
        "value": "12",
        "note": "Head count at the Kaunas workshop",
    }
    data.update(overrides)
    return data


def form_errors(response) -> dict:
    return {
        field: [str(e) for e in errors] for field, errors in response.context["form"].errors.items()
    }


@pytest.fixture
def indicator(programme):
    programme.starts_on = date(YEAR, 1, 1)
    programme.save()
    return indicator_make(programme)


@pytest.fixture
def theirs(other_programme, other_organiser):
    indicator = indicator_make(other_programme, name="Meetings held")
    return submit(indicator, other_organiser, evidence=SimpleUploadedFile("sheet.pdf", PDF))


# --- Entering a number --------------------------------------------------------------------


@pytest.mark.django_db
def test_an_organiser_enters_a_number_with_its_evidence(organiser_client, organiser, indicator):
    data = post_data(indicator, evidence=SimpleUploadedFile("Kaunas sign-in sheet.pdf", PDF))

    response = organiser_client.post(f"{BASE}new/", data, follow=True)

    entry = ManualEntry.objects.get()
    assert (
        entry.value,
        entry.status,
        entry.entered_by,
        entry.evidence_name,
        response.redirect_chain[-1][0],
    ) == (
        12,
        ManualEntryStatus.PENDING,
        organiser,
        "Kaunas sign-in sheet.pdf",
        f"{BASE}{entry.pk}/",
    )
    assert [str(m) for m in response.context["messages"]] == [
        "The number is saved. It counts once another organiser of the programme approves it."
    ]


@pytest.mark.django_db
def test_only_the_organisers_own_indicators_are_offered(organiser_client, indicator, theirs):
    response = organiser_client.post(f"{BASE}new/", post_data(theirs.indicator))

    assert [str(i) for i in response.context["form"].fields["indicator"].queryset] == [
        str(indicator)
    ]
    assert form_errors(response) == {"indicator": ["Choose an indicator of your programmes."]}
    assert ManualEntry.objects.filter(entered_by__email="ruta@example.org").count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        ({"period_end": f"{YEAR - 1}-12-31"}, {"period_end": ["The end comes before the start."]}),
        ({"value": "0"}, {"value": ["Ensure this value is greater than or equal to 1."]}),
        (
            {"period_end": "2099-01-31"},
            {
                "period_end": [
                    "Enter numbers for days that have passed: this period ends after today."
                ]
            },
        ),
        (
            {"period_start": f"{YEAR - 1}-01-01", "period_end": f"{YEAR - 1}-01-31"},
            {
                "period_end": [
                    "The period is outside the programme's dates (from "
                    f"{formats.date_format(date(YEAR, 1, 1), 'DATE_FORMAT')})."
                ]
            },
        ),
        ({"note": ""}, {"note": ["This field is required."]}),
        (
            {"evidence": SimpleUploadedFile("sheet.pdf", b"MZ\x90\x00 not a PDF")},
            {
                "evidence": [
                    "The file “sheet.pdf” is not the PDF file its name says it is. Attach a "
                    "PDF, PNG, JPEG, XLSX, CSV, DOCX or ODT file."
                ]
            },
        ),
        (
            {"evidence": SimpleUploadedFile("tool.exe", b"MZ\x90\x00")},
            {"evidence": ["Attach a PDF, PNG, JPEG, XLSX, CSV, DOCX or ODT file."]},
        ),
    ],
)
def test_a_bad_entry_is_refused_in_words(organiser_client, indicator, overrides, errors):
    response = organiser_client.post(f"{BASE}new/", post_data(indicator, **overrides))

    assert (response.status_code, form_errors(response), ManualEntry.objects.count()) == (
        200,
        errors,
        0,
    )


@pytest.mark.django_db
def test_the_form_starts_with_the_indicator_asked_for(organiser_client, indicator):
    response = organiser_client.get(f"{BASE}new/?indicator={indicator.pk}")

    assert response.context["form"].initial["indicator"] == indicator.pk


# --- Deciding -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_entrant_is_not_offered_to_approve_her_own_entry(
    organiser_client, organiser, indicator
):
    entry = submit(indicator, organiser)

    response = organiser_client.get(f"{BASE}{entry.pk}/")

    html = response.content.decode()
    assert (response.context["may_decide"], f"{BASE}{entry.pk}/approve/" in html) == (False, False)
    assert (
        "You entered this number: another organiser of the programme approves or rejects it."
        in html
    )


@pytest.mark.django_db
def test_the_entrant_is_refused_if_she_approves_anyway(organiser_client, organiser, indicator):
    entry = submit(indicator, organiser)

    response = organiser_client.post(f"{BASE}{entry.pk}/approve/")

    entry.refresh_from_db()
    assert (response.status_code, entry.status, response.context["refusals"]) == (
        400,
        ManualEntryStatus.PENDING,
        ["You entered this number: another organiser of the programme must decide on it."],
    )
    assert "This was not done:" in response.content.decode()


@pytest.mark.django_db
def test_a_second_organiser_approves_and_the_history_says_who_did_what(
    co_organiser_client, co_organiser, organiser, indicator
):
    entry = submit(indicator, organiser)
    page = co_organiser_client.get(f"{BASE}{entry.pk}/")

    response = co_organiser_client.post(f"{BASE}{entry.pk}/approve/", follow=True)

    entry.refresh_from_db()
    assert (page.context["may_decide"], entry.status, entry.decided_by) == (
        True,
        ManualEntryStatus.APPROVED,
        co_organiser,
    )
    assert [(item["who"], item["message"]) for item in response.context["history"]] == [
        (organiser.display_name, "Number entered"),
        ("Daiva", "Number approved"),
    ]
    assert [str(m) for m in response.context["messages"]] == ["Approved: the number now counts."]


@pytest.mark.django_db
def test_rejecting_needs_a_reason(co_organiser_client, organiser, indicator):
    entry = submit(indicator, organiser)

    response = co_organiser_client.post(f"{BASE}{entry.pk}/reject/", {"reason": ""})

    entry.refresh_from_db()
    assert (response.status_code, entry.status) == (400, ManualEntryStatus.PENDING)
    assert response.context["reject_form"].errors == {
        "reason": ["Give a reason for rejecting the entry."]
    }


@pytest.mark.django_db
def test_a_second_organiser_rejects_with_a_reason(co_organiser_client, organiser, indicator):
    entry = submit(indicator, organiser)

    response = co_organiser_client.post(
        f"{BASE}{entry.pk}/reject/", {"reason": "The sheet counts the trainers too."}, follow=True
    )

    entry.refresh_from_db()
    assert (entry.status, entry.decision_note) == (
        ManualEntryStatus.REJECTED,
        "The sheet counts the trainers too.",
    )
    assert response.context["history"][-1]["comment"] == "The sheet counts the trainers too."


@pytest.mark.django_db
def test_a_decided_entry_cannot_be_decided_again(
    co_organiser_client, co_organiser, organiser, indicator
):
    entry = submit(indicator, organiser)
    co_organiser_client.post(f"{BASE}{entry.pk}/approve/")

    response = co_organiser_client.post(f"{BASE}{entry.pk}/reject/", {"reason": "Oops"})

    entry.refresh_from_db()
    assert (response.status_code, entry.status, response.context["refusals"]) == (
        400,
        ManualEntryStatus.APPROVED,
        ["This entry has already been decided: it is approved."],
    )


# --- The list -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_list_shows_entries_waiting_for_approval_first(
    co_organiser_client, co_organiser, organiser, indicator, theirs
):
    first = submit(indicator, organiser, value=1)
    approved = submit(indicator, organiser, value=2)
    co_organiser_client.post(f"{BASE}{approved.pk}/approve/")
    last = submit(indicator, organiser, value=3)

    response = co_organiser_client.get(BASE)

    assert [row["entry"].pk for row in response.context["rows"]] == [last.pk, first.pk, approved.pk]


@pytest.mark.django_db
def test_the_list_of_another_programme_is_not_found(organiser_client, other_programme):
    assert organiser_client.get(f"{BASE}?programme={other_programme.pk}").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["professional", "mentor"])
def test_people_who_are_not_organisers_cannot_open_manual_entries(client, request, role):
    client.force_login(request.getfixturevalue(role))

    assert (client.get(BASE).status_code, client.get(f"{BASE}new/").status_code) == (403, 403)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_list_makes_as_many_queries_for_three_entries_as_for_one(
    organiser_client, co_organiser, indicator
):
    submit(indicator, co_organiser)
    organiser_client.get(BASE)
    one = _queries(organiser_client, BASE)
    submit(indicator, co_organiser, day=2)
    submit(indicator, co_organiser, day=3)

    assert _queries(organiser_client, BASE) == one


# --- Another programme's entries ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "{pk}/"),
        ("post", "{pk}/approve/"),
        ("post", "{pk}/reject/"),
        ("get", "{pk}/evidence/"),
    ],
)
def test_another_programmes_entry_is_not_found(organiser_client, theirs, method, url):
    response = getattr(organiser_client, method)(BASE + url.format(pk=theirs.pk), {"reason": "x"})

    theirs.refresh_from_db()
    assert (response.status_code, theirs.status) == (404, ManualEntryStatus.PENDING)


# --- Evidence -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_evidence_downloads_under_its_own_name_and_is_never_kept(
    co_organiser_client, organiser, indicator
):
    entry = submit(indicator, organiser, evidence=SimpleUploadedFile("Kaunas sheet.pdf", PDF))

    response = co_organiser_client.get(f"{BASE}{entry.pk}/evidence/")

    assert (
        response.status_code,
        response["Content-Disposition"],
        "no-store" in response["Cache-Control"].split(", "),
        b"".join(response.streaming_content),
    ) == (200, 'attachment; filename="Kaunas sheet.pdf"', True, PDF)


@pytest.mark.django_db
def test_an_entry_without_evidence_has_no_file_to_download(
    co_organiser_client, organiser, indicator
):
    entry = submit(indicator, organiser)

    assert co_organiser_client.get(f"{BASE}{entry.pk}/evidence/").status_code == 404


@pytest.mark.django_db
def test_an_admin_sees_every_programmes_entries(admin_client, organiser, indicator, theirs):
    mine = submit(indicator, organiser)

    response = admin_client.get(BASE)

    assert sorted(row["entry"].pk for row in response.context["rows"]) == sorted(
        [mine.pk, theirs.pk]
    )
