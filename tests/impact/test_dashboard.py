"""The impact dashboard, the evidence behind a value, and the "Impact" panels: figures in
words beside every bar and chart, small numbers hidden from anyone but the programme's
organisers, another programme's dashboard or evidence a 404, and a fixed number of
queries whatever the number of indicators."""

from datetime import date

from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from impact.admin.charts import Entry, trend_chart
from impact.admin.dashboard import programme_cards
from impact.admin.panels import ImpactHomePanel
from impact.enums import IndicatorAccumulation, ManualEntryStatus, ParticipationKind
from impact.indicators import indicators_refresh
from impact.models import IndicatorValue, ManualEntry
from impact.services import participation_record
from tests.factories import OrganisationFactory, UserFactory

from .admin_fixtures import *  # noqa: F403
from .admin_fixtures import QUARTERS, indicator_make, value_store

DASHBOARD = "/admin/impact/dashboard/"


@pytest.fixture
def dated(programme):
    programme.starts_on, programme.ends_on = date(2026, 1, 1), date(2027, 6, 30)
    programme.save()
    return programme


def html_of(response) -> str:
    return response.content.decode()


def card_of(response, index: int = 0) -> dict:
    return response.context["cards"][index]


# --- Choosing a programme, and scope --------------------------------------------------------


@pytest.mark.django_db
def test_an_organiser_of_one_programme_goes_straight_to_its_dashboard(organiser_client, programme):
    response = organiser_client.get(DASHBOARD)

    assert (response.status_code, response["Location"]) == (302, f"{DASHBOARD}{programme.pk}/")


@pytest.mark.django_db
def test_an_admin_chooses_among_every_programme(admin_client, programme, other_programme):
    response = admin_client.get(DASHBOARD)

    assert [row["programme"].name for row in response.context["rows"]] == [
        "Other programme",
        "Test programme",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/admin/impact/dashboard/{programme}/"),
        ("post", "/admin/impact/dashboard/{programme}/recompute/"),
        ("get", "/admin/impact/indicators/{indicator}/evidence/"),
        ("get", "/admin/impact/export/{programme}.csv"),
        ("get", "/admin/impact/export/{programme}.xlsx"),
    ],
)
def test_another_programmes_dashboard_evidence_and_export_are_not_found(
    organiser_client, other_programme, method, url
):
    theirs = indicator_make(other_programme)

    response = getattr(organiser_client, method)(
        url.format(programme=other_programme.pk, indicator=theirs.pk)
    )

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["professional", "mentor"])
def test_people_who_are_not_organisers_cannot_open_the_dashboard(client, request, role, programme):
    client.force_login(request.getfixturevalue(role))

    response = client.get(f"{DASHBOARD}{programme.pk}/")

    assert response.status_code == 403


@pytest.mark.django_db
def test_the_donor_export_is_wired_for_the_programmes_organisers(organiser_client, dated):
    indicator_make(dated)

    response = organiser_client.get(f"/admin/impact/export/{dated.pk}.csv")

    assert (response.status_code, "no-store" in response["Cache-Control"].split(", ")) == (
        200,
        True,
    )


# --- A card ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_card_says_progress_status_and_the_manual_part_in_words(organiser_client, dated):
    indicator = indicator_make(dated, code="1.1", baseline=3)
    value_store(indicator, value=48, manual=5, rag="green", expected=40)

    response = organiser_client.get(f"{DASHBOARD}{dated.pk}/")

    card = card_of(response)
    html = html_of(response)
    assert (
        card["progress"],
        card["rag_label"],
        card["manual_text"],
        card["baseline"],
        card["expected"],
    ) == ("48 of 60 (80%)", "On track", "5", "3", "40")
    assert 'max="60" value="48"' in html
    assert "of which 5 entered by hand" in html
    assert "Expected by now: 40" in html
    assert 'class="impact-rag impact-rag--green"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rag", "label"),
    [("amber", "Slightly behind"), ("red", "Behind"), ("none", "No target or no dates")],
)
def test_the_status_is_written_in_words(organiser_client, dated, rag, label):
    value_store(indicator_make(dated), value=10, rag=rag)

    response = organiser_client.get(f"{DASHBOARD}{dated.pk}/")

    assert f'<span class="impact-rag impact-rag--{rag}">' in html_of(response)
    assert card_of(response)["rag_label"] == label


@pytest.mark.django_db
def test_a_value_beyond_its_target_fills_the_bar_and_says_how_far(organiser_client, dated):
    value_store(indicator_make(dated, target=40), value=50)

    response = organiser_client.get(f"{DASHBOARD}{dated.pk}/")

    assert card_of(response)["progress"] == "50 of 40 (125%)"
    assert 'max="40" value="40"' in html_of(response)


@pytest.mark.django_db
def test_the_trend_is_a_chart_with_the_same_figures_in_a_table(organiser_client, dated):
    indicator = indicator_make(dated)
    value_store(
        indicator,
        value=30,
        periods=[(*QUARTERS[0], 12, 15, {}), (*QUARTERS[1], 30, 30, {})],
    )

    response = organiser_client.get(f"{DASHBOARD}{dated.pk}/")

    card = card_of(response)
    html = html_of(response)
    assert card["periods"] == [
        {"label": "2026 Q1", "value": "12", "target": "15", "manual": ""},
        {"label": "2026 Q2", "value": "30", "target": "30", "manual": ""},
    ]
    assert [(mark.label, mark.value_text) for mark in card["chart"].marks] == [
        ("2026 Q1", "12"),
        ("2026 Q2", "30"),
    ]
    assert 'role="img"' in html
    assert "Show the figures" in html
    assert "Target for the period" in html
    assert card["chart"].target_line  # a cumulative indicator: a line through the targets


@pytest.mark.django_db
def test_a_per_period_indicator_is_drawn_as_bars(organiser_client, dated):
    indicator = indicator_make(dated, accumulation=IndicatorAccumulation.PER_PERIOD)
    value_store(indicator, value=5, periods=[(*QUARTERS[0], 5, None, {})])

    response = organiser_client.get(f"{DASHBOARD}{dated.pk}/")

    assert 'class="impact-chart-bar"' in html_of(response)


def test_the_chart_is_mirrored_in_a_right_to_left_language():
    entries = [Entry(value=1, value_text="1", label="Q1", title="Q1"), Entry(2, "2", "Q2", "Q2")]

    ltr = trend_chart(entries, bars=False)
    rtl = trend_chart(entries, bars=False, rtl=True)

    assert ltr.marks[0].centre < ltr.marks[1].centre
    assert rtl.marks[0].centre > rtl.marks[1].centre
    assert (ltr.tick_anchor, rtl.tick_anchor) == ("end", "start")


def test_a_hidden_value_has_no_mark_and_breaks_the_line():
    entries = [
        Entry(value=10, value_text="10", label="Q1", title=""),
        Entry(value=None, value_text="<5", label="Q2", title=""),
        Entry(value=12, value_text="12", label="Q3", title=""),
        Entry(value=14, value_text="14", label="Q4", title=""),
    ]

    chart = trend_chart(entries, bars=False)

    assert (chart.marks[1].y, len(chart.lines), chart.marks[1].value_text) == (None, 1, "<5")


@pytest.mark.django_db
def test_the_dashboard_speaks_arabic_right_to_left(organiser_client, dated):
    value_store(
        indicator_make(dated),
        value=3,
        periods=[(*QUARTERS[0], 1, None, {}), (*QUARTERS[1], 3, None, {})],
    )

    with translation.override("ar"):
        response = organiser_client.get(f"{DASHBOARD}{dated.pk}/", HTTP_ACCEPT_LANGUAGE="ar")

    chart = card_of(response)["chart"]
    assert chart.rtl is True
    assert chart.marks[0].centre > chart.marks[1].centre


# --- Small numbers --------------------------------------------------------------------------


@pytest.fixture
def gendered(dated):
    indicator = indicator_make(dated, breakdowns=["gender"])
    cells = {"gender": {"woman": 20, "man": 3}}
    value_store(indicator, value=23, periods=[(*QUARTERS[0], 23, None, cells)], cells=cells)
    return indicator


@pytest.mark.django_db
def test_the_programmes_organisers_see_small_numbers(organiser_client, gendered):
    response = organiser_client.get(f"{DASHBOARD}{gendered.programme_id}/")

    table = card_of(response)["breakdowns"][0]
    assert (table["label"], table["totals"]["cells"][:2]) == ("Gender", ["20", "3"])


@pytest.mark.django_db
def test_admins_see_small_numbers_hidden(admin_client, gendered):
    response = admin_client.get(f"{DASHBOARD}{gendered.programme_id}/")

    cells = card_of(response)["breakdowns"][0]["totals"]["cells"]
    assert cells[1] == "<5"
    assert "<5" in [cell for cell in cells if cell != "20"]


# --- Recompute ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_recompute_now_counts_again_and_says_so(organiser_client, dated):
    indicator = indicator_make(dated)
    participation_record(
        kind=ParticipationKind.COURSE_COMPLETED,
        source=OrganisationFactory(),
        person=UserFactory(),
        programmes=[dated.pk],
    )

    response = organiser_client.post(f"{DASHBOARD}{dated.pk}/recompute/", follow=True)

    assert IndicatorValue.objects.get(indicator=indicator).data["value"] == 1
    assert "1 indicator computed again." in [str(m) for m in response.context["messages"]]


@pytest.mark.django_db
def test_recompute_needs_a_post(organiser_client, programme):
    assert organiser_client.get(f"{DASHBOARD}{programme.pk}/recompute/").status_code == 405


# --- Queries --------------------------------------------------------------------------------

# The indicators with their cached values (1) and whether the reader organises the
# programme (1): whatever the number of indicators, their periods and breakdowns.
CARDS_QUERIES = 2
# The user's indicators with their values (1), and for each programme whether the reader
# organises it (1 each; two programmes here).
HOME_PANEL_QUERIES = 3


def request_for(user):
    request = RequestFactory().get("/admin/")
    request.user = type(user).objects.get(pk=user.pk)
    return request


def indicators_with_values(programme, count: int) -> None:
    for n in range(count):
        indicator = indicator_make(programme, name=f"Indicator {n}", breakdowns=["gender"])
        cells = {"gender": {"woman": 20, "man": 3}}
        value_store(indicator, value=23, periods=[(*QUARTERS[0], 23, 30, cells)], cells=cells)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_the_dashboards_cards_read_the_cached_values_in_fixed_queries(
    count, django_assert_num_queries, organiser, dated
):
    indicators_with_values(dated, count)
    request = request_for(organiser)

    with django_assert_num_queries(CARDS_QUERIES):
        cards = programme_cards(request, dated)
        html = "".join(
            render_to_string("impact/admin/includes/indicator_card.html", {"card": card})
            for card in cards
        )

    assert html.count("<article") == count


@pytest.mark.django_db
def test_the_dashboard_page_makes_as_many_queries_for_three_indicators_as_for_one(
    organiser_client, dated
):
    url = f"{DASHBOARD}{dated.pk}/"
    indicators_with_values(dated, 1)
    organiser_client.get(url)
    one = _queries(organiser_client, url)
    indicators_with_values(dated, 2)

    assert _queries(organiser_client, url) == one


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_the_home_panel_reads_the_cached_values_in_fixed_queries(
    count, django_assert_num_queries, superuser, dated, other_programme
):
    indicators_with_values(dated, count)
    indicators_with_values(other_programme, count)
    request = request_for(superuser)

    with django_assert_num_queries(HOME_PANEL_QUERIES):
        html = ImpactHomePanel(request).render_html({"request": request})

    assert html.count("<tr>") == 2 * (count + 1)


# --- Evidence -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_evidence_lists_activities_and_approved_entries_without_names(
    organiser_client, co_organiser, dated
):
    indicator = indicator_make(dated)
    course = OrganisationFactory(name="Course on safety planning")
    for email in ("vjosa@example.org", "amina@example.org"):
        person = UserFactory(email=email, profile__display_name=email.split("@")[0].title())
        participation_record(
            kind=ParticipationKind.COURSE_COMPLETED,
            source=OrganisationFactory(),
            activity=course,
            person=person,
            programmes=[dated.pk],
        )
    ManualEntry.objects.create(
        indicator=indicator,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 1, 31),
        value=7,
        note="Sign-in sheet of the January workshop",
        status=ManualEntryStatus.APPROVED,
        entered_by=co_organiser,
    )
    ManualEntry.objects.create(
        indicator=indicator,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 1, 31),
        value=99,
        note="Still waiting",
        entered_by=co_organiser,
    )
    indicators_refresh(programme_ids=[dated.pk])

    response = organiser_client.get(f"/admin/impact/indicators/{indicator.pk}/evidence/")

    html = html_of(response)
    assert [(row["label"], row["rows"], row["count"]) for row in response.context["rows"]] == [
        (f"Organisation #{course.pk}", "2", "2")
    ]
    assert [row["entry"].note for row in response.context["entries"]] == [
        "Sign-in sheet of the January workshop"
    ]
    assert ("Vjosa" in html, "Amina" in html, "vjosa@" in html, "Still waiting" in html) == (
        False,
        False,
        False,
        False,
    )


# --- Panels ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_home_panel_lists_every_programmes_indicators_for_an_admin(
    admin_client, dated, other_programme
):
    value_store(indicator_make(dated, name="Women empowered"), value=48, rag="green")
    value_store(indicator_make(other_programme, name="Meetings held"), value=3, rag="red")

    html = html_of(admin_client.get("/admin/"))

    assert ("Women empowered" in html, "Meetings held" in html) == (True, True)
    assert "48 of 60 (80%)" in html
    # Small numbers are hidden from admins here too, and so is their status.
    assert "&lt;5 of 60" in html
    assert ("Behind" in html, "Not shown: it would reveal a small number" in html) == (
        False,
        True,
    )


@pytest.mark.django_db
def test_an_organiser_of_one_programme_sees_its_impact_panel_on_the_home_page(
    organiser_client, dated, other_programme
):
    value_store(indicator_make(dated, name="Women empowered"), value=48)
    value_store(indicator_make(other_programme, name="Meetings held"), value=3)

    html = html_of(organiser_client.get("/admin/"))

    assert ("Women empowered" in html, "Meetings held" in html) == (True, False)
    assert html.count("Women empowered") == 1  # once: the programme's panel, not twice


@pytest.mark.django_db
def test_the_programme_dashboard_has_an_impact_panel(organiser_client, dated):
    value_store(indicator_make(dated, name="Women empowered"), value=48)

    response = organiser_client.get(f"/admin/programmes/{dated.pk}/dashboard/")

    assert "Women empowered" in html_of(response)
    assert f"/admin/impact/dashboard/{dated.pk}/" in html_of(response)


def test_a_single_period_leaves_room_for_the_axis_title():
    """A new programme has one period: the chart stays wide enough for "Reporting period"
    (it was cut to "Reporting perio"), and the one mark sits in the middle of the plot."""
    from impact.admin.charts import LEFT, MIN_PLOT_WIDTH, RIGHT

    chart = trend_chart(
        [Entry(value=1, value_text="1", label="Q1", title="")], bars=True, rtl=False
    )

    assert chart.width >= LEFT + MIN_PLOT_WIDTH + RIGHT
    assert chart.marks[0].centre == pytest.approx(LEFT + MIN_PLOT_WIDTH / 2, abs=1)


@pytest.mark.django_db
def test_a_hidden_value_hides_its_status_and_expectation_from_admins(admin_client, dated):
    """Target 8, half the time gone, 3 counted: "Slightly behind, expected 4" would pin 3."""
    indicator = indicator_make(dated, target=8)
    value_store(indicator, value=3, rag="amber", expected=4)

    card = card_of(admin_client.get(f"{DASHBOARD}{dated.pk}/"))

    assert (card["value"], card["expected"], card["rag"]) == ("<5", "", "none")
    assert card["rag_label"] == "Not shown: it would reveal a small number"


@pytest.mark.parametrize("reader, ledger", [("admin_client", "<5"), ("organiser_client", "3")])
@pytest.mark.django_db
def test_the_evidence_page_hides_small_figures_from_all_but_organisers(
    request, reader, ledger, dated
):
    """The dashboard's "<5" must not be given away as "Counted from the platform: 3"."""
    indicator = indicator_make(dated)
    value_store(indicator, value=3)
    client = request.getfixturevalue(reader)

    context = client.get(f"/admin/impact/indicators/{indicator.pk}/evidence/").context

    assert context["ledger"] == ledger
