"""The public impact page: the indicators an organiser chooses, always suppressed as for the
public, in every language, from the full-page cache, in a fixed number of queries."""

from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.exceptions import ValidationError

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest
from bs4 import BeautifulSoup

from core import page_cache
from home.models import HomePage
from impact import pages_serve
from impact.enums import IndicatorAccumulation, IndicatorMeasure, LedgerPeriod, ParticipationKind
from impact.models import ImpactPage, ImpactPageIndicator, Indicator, IndicatorValue
from impact.services import participation_record
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

COMPLETED = ParticipationKind.COURSE_COMPLETED
HIT, MISS = "hit", "miss"


# --- Helpers ---------------------------------------------------------------------------------


@pytest.fixture
def programme(programme):
    """The ``organiser`` fixture's programme, over 2025: four quarters, all past."""
    programme.starts_on = date(2025, 1, 1)
    programme.ends_on = date(2025, 12, 31)
    programme.save()
    return programme


def indicator_make(programme, **fields) -> Indicator:
    fields.setdefault("name", "Professionals trained")
    fields.setdefault("unit", "professionals")
    fields.setdefault("kinds", [COMPLETED])
    fields.setdefault("measure", IndicatorMeasure.COUNT)
    fields.setdefault("accumulation", IndicatorAccumulation.CUMULATIVE)
    fields.setdefault("period", LedgerPeriod.QUARTER)
    fields.setdefault("target", 60)
    indicator = Indicator(programme=programme, **fields)
    indicator.full_clean()
    indicator.save()
    return indicator


def counted(
    programme, count: int, when: datetime, *, kind=COMPLETED, source=None, **attributes
) -> None:
    """``count`` anonymous records of ``kind`` on ``when``, with these snapshot attributes
    (``source``: what they were recorded on; a new organisation by default)."""
    participation_record(
        kind=kind,
        source=source or OrganisationFactory(),
        count=count,
        occurred_at=when,
        aggregate_key=f"{kind}-{when:%Y%m%d}-{sorted(attributes.items())}",
        attributes=attributes,
        programmes=[programme.pk],
    )


def refresh(*programmes) -> None:
    from impact.indicators.compute import indicators_refresh

    indicators_refresh(programme_ids=[p.pk for p in programmes])


def impact_page(parent, *rows, **fields) -> ImpactPage:
    fields.setdefault("title", "Our impact")
    fields.setdefault("slug", "impact")
    page = ImpactPage(**fields)
    parent.add_child(instance=page)
    for row in rows:
        page.impact_indicators.add(row)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def texts(nodes) -> list[str]:
    return [node.get_text(" ", strip=True) for node in nodes]


@pytest.fixture
def page_cache_on(settings):
    """The cache on, as tests/core/test_page_cache.py turns it on."""
    settings.LINKAGE_PAGE_CACHE_SECONDS = 300
    settings.CACHES = {
        **settings.CACHES,
        page_cache.LOCAL_ALIAS: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "test-impact-page-cache",
        },
    }
    caches[page_cache.LOCAL_ALIAS].clear()
    yield
    caches[page_cache.LOCAL_ALIAS].clear()


# --- The page type ---------------------------------------------------------------------------


def test_an_impact_page_can_be_made_below_the_home_page_and_has_no_children(home_page):
    page = impact_page(home_page)

    assert (ImpactPage.can_create_at(home_page), ImpactPage.allowed_subpage_models()) == (
        True,
        [],
    )
    assert page.get_parent().specific_class is HomePage


def test_a_row_refuses_a_breakdown_its_indicator_does_not_have(home_page, programme):
    indicator = indicator_make(programme, breakdowns=["gender"])
    row = ImpactPageIndicator(indicator=indicator, breakdowns=["gender", "sector"])

    with pytest.raises(ValidationError) as error:
        row.clean()

    assert list(error.value.message_dict) == ["breakdowns"]


def test_the_editor_chooses_among_the_indicators_of_the_programmes_she_runs(
    home_page, programme, other_programme, organiser
):
    own = indicator_make(programme, name="Ours")
    indicator_make(other_programme, name="Theirs")
    page = impact_page(home_page)
    form_class = ImpactPage.get_edit_handler().get_form_class()

    form = form_class(instance=page, parent_page=home_page, for_user=organiser)

    choices = form.formsets["impact_indicators"].empty_form.fields["indicator"].queryset
    assert list(choices) == [own]


def test_another_programmes_indicator_on_the_page_stays_choosable_for_its_other_editors(
    home_page, programme, other_programme, organiser
):
    own = indicator_make(programme, name="Ours")
    theirs = indicator_make(other_programme, name="Theirs")
    page = impact_page(home_page, ImpactPageIndicator(indicator=theirs))
    form_class = ImpactPage.get_edit_handler().get_form_class()

    form = form_class(instance=page, parent_page=home_page, for_user=organiser)

    (row_form,) = form.formsets["impact_indicators"].forms
    assert set(row_form.fields["indicator"].queryset) == {own, theirs}


def _page_form_data(indicator, breakdowns=()) -> dict:
    return nested_form_data(
        {
            "title": "Our impact",
            "slug": "impact",
            "intro": rich_text(""),
            "method_notes": rich_text(""),
            "impact_indicators": inline_formset(
                [
                    {
                        "indicator": str(indicator.pk),
                        "public_name": "",
                        "public_unit": "",
                        "caption": "",
                        "breakdowns": list(breakdowns),
                    }
                ]
            ),
        }
    )


@pytest.mark.parametrize(("whose", "valid"), [("own", True), ("theirs", False)])
def test_a_page_saved_with_another_programmes_indicator_is_refused(
    home_page, programme, other_programme, organiser, whose, valid
):
    indicators = {
        "own": indicator_make(programme, name="Ours"),
        "theirs": indicator_make(other_programme, name="Theirs"),
    }
    form_class = ImpactPage.get_edit_handler().get_form_class()

    form = form_class(
        _page_form_data(indicators[whose]),
        instance=ImpactPage(),
        parent_page=home_page,
        for_user=organiser,
    )

    assert form.is_valid() is valid, form.errors


# --- What it shows ---------------------------------------------------------------------------

SUPPORTED = ParticipationKind.WOMEN_SUPPORTED
TRAINED = ParticipationKind.EVENT_ATTENDED


def at(month: int, day: int = 10) -> datetime:
    return datetime(2025, month, day, 10, tzinfo=UTC)


@pytest.fixture
def world(home_page, programme):
    """Two indicators on a page: 13 women supported (10 women in Q1, 3 men in Q2), shown
    by gender; and 3 trainings (a small number)."""
    supported = indicator_make(
        programme, name="Women supported", unit="women", kinds=[SUPPORTED], breakdowns=["gender"]
    )
    trainings = indicator_make(programme, name="Trainings", unit="people", kinds=[TRAINED])
    counted(programme, 10, at(2), kind=SUPPORTED, gender="woman")
    counted(programme, 3, at(5), kind=SUPPORTED, gender="man")
    counted(programme, 3, at(3), kind=TRAINED)
    refresh(programme)
    page = impact_page(
        home_page,
        ImpactPageIndicator(indicator=supported, breakdowns=["gender"], caption="Every woman."),
        ImpactPageIndicator(indicator=trainings, public_name="Professionals trained"),
        intro="<p>What the programme achieved.</p>",
        method_notes="<p>Counted from the platform.</p>",
    )
    return page


def test_an_anonymous_visitor_sees_the_chosen_indicators_with_small_numbers_hidden(client, world):
    soup = html(client.get(world.url))

    first, second = soup.select(".impact-card")
    assert (
        first.select_one("h2").get_text(),
        first.select_one(".impact-card__caption").get_text(),
        first.select_one(".impact-card__figure").get_text(" ", strip=True),
        first.select_one(".impact-card__target").get_text(" ", strip=True),
        first.select_one("progress")["value"],
        texts(first.select(".impact-table")[0].select("tbody tr")),
    ) == (
        "Women supported",
        "Every woman.",
        "13 women",
        "22% of the target of 60",
        "22",
        ["2025 Q1 10", "2025 Q2 13", "2025 Q3 13", "2025 Q4 13"],
    )
    assert (
        second.select_one("h2").get_text(),
        second.select_one(".impact-card__figure").get_text(" ", strip=True),
        second.select_one(".impact-card__target").get_text(" ", strip=True),
        second.select("progress"),
    ) == ("Professionals trained", "<5 people", "Target: 60", [])


def test_a_breakdown_hides_the_small_cell_and_the_one_that_would_give_it_away(client, world):
    soup = html(client.get(world.url))

    table = soup.select_one(".impact-breakdown")
    assert (
        texts(table.select("tbody tr")),
        texts(table.select("tfoot tr")),
        soup.select_one(".impact-card__note").get_text(" ", strip=True),
    ) == (
        [
            "Woman <5",
            "Man <5",
            "Non-binary 0",
            "In another way 0",
            "Prefer not to say 0",
            "Not known 0",
        ],
        ["Total 13"],
        "Numbers under 5 are shown as <5 to protect the people counted.",
    )


def test_an_organiser_reading_her_own_page_sees_what_the_public_sees(
    client, world, organiser_with_totp
):
    client.force_login(organiser_with_totp)

    soup = html(client.get(world.url))

    assert texts(soup.select(".impact-card__figure")) == ["13 women", "<5 people"]


def test_only_the_chosen_breakdowns_are_shown(client, home_page, programme):
    indicator = indicator_make(programme, kinds=[SUPPORTED], breakdowns=["gender", "sector"])
    counted(programme, 12, at(2), kind=SUPPORTED, gender="woman", sector="police")
    page = impact_page(home_page, ImpactPageIndicator(indicator=indicator, breakdowns=["sector"]))

    soup = html(client.get(page.url))

    assert [h3.get_text() for h3 in soup.select(".impact-card h3")] == ["Over time", "Sector"]


def test_the_page_loads_nothing_from_another_site_and_its_tables_scroll_in_labelled_regions(
    client, world
):
    soup = html(client.get(world.url))

    loaded = [tag.get("src") or tag.get("href") for tag in soup.select("[src], link[href]")]
    regions = soup.select(".table-wrapper")
    assert [url for url in loaded if urlsplit(url).netloc not in ("", "testserver")] == []
    assert soup.select_one("#quick-exit") is not None
    assert soup.select("[style]") == []
    assert len(regions) == 3
    assert all(
        region["tabindex"] == "0"
        and region["role"] == "region"
        and soup.find(id=region["aria-labelledby"]) is not None
        for region in regions
    )


def test_a_preview_shows_the_rows_being_edited(world, programme):
    meetings = indicator_make(programme, name="Meetings held", unit="meetings", kinds=[TRAINED])
    world.impact_indicators.add(ImpactPageIndicator(indicator=meetings))  # not saved

    response = world.make_preview_request()

    response.render()
    assert texts(html(response).select(".impact-card h2")) == [
        "Women supported",
        "Professionals trained",
        "Meetings held",
    ]


# --- Languages -------------------------------------------------------------------------------


def test_the_page_not_yet_in_arabic_reads_right_to_left_with_its_content_marked(client, world):
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    alias = world.copy_for_translation(arabic, copy_parents=True, alias=True)
    alias.refresh_from_db()

    response = client.get(alias.url)

    soup = html(response)
    assert (
        response.status_code,
        alias.url.startswith("/ar/"),
        soup.html["lang"],
        soup.html["dir"],
        soup.select_one("h1").find_parent("header")["lang"],
        soup.select_one(".impact-card h2")["lang"],
        len(soup.select(".impact-card")),
        soup.select_one(".language-notice") is not None,
    ) == (200, True, "ar", "rtl", "en", "en", 2, True)


def test_the_trend_chart_runs_the_way_the_page_reads_with_coordinates_svg_can_read(client, world):
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    alias = world.copy_for_translation(arabic, copy_parents=True, alias=True)
    alias.refresh_from_db()

    charts = [
        html(client.get(page.url)).select_one(".impact-trend").select("rect")
        for page in (world, alias)
    ]

    english, mirrored = ([float(bar["x"]) for bar in bars] for bars in charts)
    assert english == sorted(english) and mirrored == sorted(mirrored, reverse=True)
    assert [bar["height"] for bar in charts[1]] == [bar["height"] for bar in charts[0]]
    assert [bar["height"] for bar in charts[0]] == ["60", "78", "78", "78"]


def test_chart_coordinates_are_strings_with_a_full_stop_and_a_hidden_value_has_no_bar():
    periods = [{"value": 1, "target": None}, {"value": 7, "target": None}]
    periods.append({"value": None, "target": None})

    bars = pages_serve.trend_bars(periods)

    assert [(bar["x"], bar["height"], bar["hidden"]) for bar in bars] == [
        ("1", "11.14", False),
        ("101", "78", False),
        ("201", "2", True),
    ]


def test_the_page_is_in_every_language_and_its_words_are_translated_there(client, world):
    from core.locales import locales_ensure, translation_publish

    locales_ensure(sync=True)
    lithuanian = Locale.objects.get(language_code="lt")
    translation_publish(
        world,
        lithuanian,
        {
            "Our impact": "Mūsų poveikis",
            "Every woman.": "Kiekviena moteris.",
            "Professionals trained": "Apmokyti specialistai",
        },
    )

    versions = ImpactPage.objects.filter(translation_key=world.translation_key)
    translated = versions.get(locale=lithuanian)
    soup = html(client.get(translated.url))
    assert (
        versions.count(),
        translated.alias_of_id,
        soup.html["lang"],
        soup.select_one("h1").get_text(),
        texts(soup.select(".impact-card h2")),
        soup.select_one(".impact-card__caption").get_text(),
        texts(soup.select(".impact-card__figure")),
    ) == (
        12,
        None,
        "lt",
        "Mūsų poveikis",
        ["Women supported", "Apmokyti specialistai"],
        "Kiekviena moteris.",
        ["13 women", "<5 people"],
    )


# --- The page cache --------------------------------------------------------------------------


def _status(response):
    return response.get(page_cache.STATUS_HEADER)


def test_the_page_is_served_from_the_cache_the_second_time(
    client, world, page_cache_on, django_assert_num_queries
):
    first = client.get(world.url)

    with django_assert_num_queries(0):
        second = client.get(world.url)

    assert (_status(first), _status(second), second.content) == (MISS, HIT, first.content)


def test_a_stored_value_makes_the_cached_page_stale(client, world, page_cache_on):
    client.get(world.url)
    value = IndicatorValue.objects.order_by("pk").first()

    value.save()

    assert _status(client.get(world.url)) == MISS


def test_a_recount_makes_the_cached_page_stale(client, world, programme, page_cache_on):
    source = OrganisationFactory()  # an organisation is on public pages: made before
    client.get(world.url)
    counted(programme, 7, at(6), kind=SUPPORTED, gender="woman", source=source)
    assert _status(client.get(world.url)) == HIT

    refresh(programme)

    response = client.get(world.url)
    assert (
        _status(response),
        html(response).select_one(".impact-card__figure").get_text(" ", strip=True),
    ) == (MISS, "20 women")


def test_a_recount_that_changes_nothing_leaves_the_cached_page_alone(
    client, world, programme, page_cache_on
):
    """The beat recounts every programme each quarter of an hour: when no figure moved,
    the cached pages stay (only the time of the value is written)."""
    refresh(programme)
    client.get(world.url)
    before = IndicatorValue.objects.order_by("pk").values_list("computed_at", flat=True)[0]

    refresh(programme)

    after = IndicatorValue.objects.order_by("pk").values_list("computed_at", flat=True)[0]
    assert (_status(client.get(world.url)), after > before) == (HIT, True)


# --- Queries ---------------------------------------------------------------------------------


# Routing (site, locale, parent, page, its ancestors and restrictions), the rows with
# their indicators, programmes and stored values (one), the chrome (settings, menu and
# language switcher): the same however many indicators.
PAGE_QUERIES = 10


@pytest.mark.parametrize("count", [1, 3])
def test_the_page_costs_the_same_queries_whatever_it_shows(
    client, home_page, programme, count, django_assert_num_queries
):
    rows = []
    for index in range(count):
        indicator = indicator_make(
            programme, name=f"Indicator {index}", kinds=[SUPPORTED], breakdowns=["gender"]
        )
        rows.append(ImpactPageIndicator(indicator=indicator, breakdowns=["gender"]))
    counted(programme, 12, at(2), kind=SUPPORTED, gender="woman")
    refresh(programme)
    page = impact_page(home_page, *rows)
    client.get(page.url)

    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(page.url)

    assert len(html(response).select(".impact-card")) == count
