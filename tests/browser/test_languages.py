"""Every language in a real browser: Persian and Arabic pages run right to left and quick
exit leaves them; no page scrolls sideways at 320 px or at 1280 px in Persian, Arabic,
Lithuanian or Greek (long words, long translations)."""

import pytest

from core.locales import locales_ensure
from courses.models import CohortRun, CourseIndexPage
from home.models import Helpline, SafetySettings, StandardPage
from tests.courses.conftest import CourseBuilder
from tests.factories.events import a_date, event_index_page, event_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Titles as organisers write them: the long words of Lithuanian and Greek.
COURSE_TITLE = "Tarpinstitucinis bendradarbiavimas: ikiteisminio tyrimo koordinavimas"
EVENT_TITLE = "Διεπιστημονική συνεργασία για την αντιμετώπιση της ενδοοικογενειακής βίας"

EXIT_IN_ITS_BAR = {"inside": True, "covered": []}

# Where no element may reach past the edge of the viewport, and whether the exit button
# stays in its bar.
OVERFLOW_SCRIPT = """() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const culprits = [];
    for (const el of document.querySelectorAll("body *")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || getComputedStyle(el).visibility === "hidden") continue;
        if (el.closest(".table-wrapper, .visually-hidden, .skip-link")) continue;
        if (box.right > width + 0.5 || box.left < -0.5) {
            culprits.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`
                + ` [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        }
    }
    // The exit button stays inside its bar and covers none of the bar's words.
    const button = document.querySelector("a[data-quick-exit]").getBoundingClientRect();
    const bar = document.querySelector(".safety-bar").getBoundingClientRect();
    const overlaps = (a, b) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const covered = [...document.querySelectorAll(".safety-bar__hint > *")]
        .filter((el) => el.getBoundingClientRect().width > 0)
        .filter((el) => overlaps(button, el.getBoundingClientRect()))
        .map((el) => el.textContent.trim());
    const inside = button.bottom <= bar.bottom + 0.5 && button.left >= 0 && button.right <= width;
    const exit = {inside, covered};
    // A table may scroll in its own labelled region, but none of ours needs to.
    const scrolling = [...document.querySelectorAll(".table-wrapper")]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.getAttribute("aria-labelledby")}: ${el.scrollWidth - el.clientWidth}`);
    return {excess: doc.scrollWidth - width, culprits: culprits.slice(0, 8), scrolling, exit};
}"""


@pytest.fixture
def site_in_every_language(live_server):
    """The home page, the events listing with an event, the course catalogue with a course
    and its cohort and lesson, a standard page, the safety page with national helplines,
    the account and certificate pages and a 404, in every language (aliases of the English
    pages, as wagtail-localize keeps them); quick exit goes to a page of our own."""
    from wagtail.models import Site

    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.exit_url = f"{live_server.url}/health/"
    safety.emergency_note = "<p>In Lithuania, call 112 or the police on 102.</p>"
    for order, (country, name, number) in enumerate(
        [
            ("LT", "Pagalbos moterims linija (nemokama, visą parą)", "8 800 66 366"),
            ("GR", "Γραμμή SOS 15900 για την ενδοοικογενειακή βία", "15900"),
            ("XK", "Linja e Ndihmës për Gratë dhe Vajzat", "0800 11 112"),
        ]
    ):
        safety.helplines.add(Helpline(country=country, name=name, number=number, sort_order=order))
    safety.save()

    event = event_page(event_index_page(), title=EVENT_TITLE, start_date=a_date(12))
    home = event.get_parent().get_parent().specific  # the listing's parent: the home page
    catalogue = CourseIndexPage(title="Courses", slug="courses")
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    course, lessons = CourseBuilder(catalogue)(title=COURSE_TITLE, lessons=1, checks={0})
    about = StandardPage(title="Apie Linkage: tarpžinybinis bendradarbiavimas", slug="about")
    home.add_child(instance=about)
    about.save_revision().publish()
    CohortRun.objects.create(
        course=course,
        course_key=course.translation_key,
        title="Kaunas ir Klaipėda, pavasario grupė",
        starts_on=a_date(30),
        ends_on=a_date(120),
    )
    locales_ensure(sync=True)
    return {
        "home": "/",
        "events": event.get_parent().url,
        "event": event.url,
        "catalogue": catalogue.url,
        "course": course.url,
        "lesson": lessons[0].url,
        "standard page": about.url,
        "safety": "/safety/",
        "sign in": "/accounts/login/",
        "sign up": "/accounts/signup/",
        "certificate check": "/certificates/verify/AAAA-AAAA-AAAA/",
        "not found": "/no-such-page/",
    }


def _open(chromium, live_server, language: str, width: int):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    return context, context.new_page()


def _visit(page, live_server, path: str):
    page.goto(f"{live_server.url}{path}")
    page.wait_for_load_state()
    return page.evaluate(OVERFLOW_SCRIPT)


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_persian_and_arabic_pages_run_right_to_left(
    chromium, live_server, site_in_every_language, language
):
    context, page = _open(chromium, live_server, language, 1280)
    try:
        seen = {}
        for name in ("home", "events", "course", "safety"):
            _visit(page, live_server, site_in_every_language[name])
            html = page.locator("html")
            seen[name] = (html.get_attribute("lang"), html.get_attribute("dir"))
    finally:
        context.close()

    assert seen == dict.fromkeys(seen, (language, "rtl"))


@pytest.mark.parametrize("language", ["fa", "ar"])
@pytest.mark.parametrize("name", ["home", "events", "course", "safety"])
def test_quick_exit_leaves_a_right_to_left_page(
    chromium, live_server, site_in_every_language, language, name
):
    context, page = _open(chromium, live_server, language, 320)
    try:
        _visit(page, live_server, site_in_every_language[name])
        assert page.locator("html").get_attribute("dir") == "rtl"
        button = page.locator("a[data-quick-exit]")
        page.screenshot(path=_artefact(f"exit-{language}-{name}"))
        button.click()
        page.wait_for_url(f"{live_server.url}/health/")
        left_at = page.url
    finally:
        context.close()

    assert left_at == f"{live_server.url}/health/"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", ["fa", "ar", "lt", "el"])
def test_no_page_scrolls_sideways_and_the_exit_button_stays_in_its_bar(
    chromium, live_server, site_in_every_language, language, width
):
    context, page = _open(chromium, live_server, language, width)
    try:
        overflowing = {}
        for name, path in site_in_every_language.items():
            report = _visit(page, live_server, path)
            page.screenshot(path=_artefact(f"{language}-{width}-{name}"), full_page=True)
            if (
                report["excess"] > 0
                or report["culprits"]
                or report["scrolling"]
                or report["exit"] != EXIT_IN_ITS_BAR
            ):
                overflowing[name] = report
    finally:
        context.close()

    assert overflowing == {}


def _artefact(label: str) -> str:
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return str(ARTIFACTS / f"languages-{label}.png")
