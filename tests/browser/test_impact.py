"""Issue 13's flow, clicked through: a programme counts "professionals trained" (course
completions), "attendance at trainings" (event attendance) and "pledges" (campaign
pledges) against targets. Its organiser (password and TOTP code) reads each indicator at
0 on the impact dashboard; then a professional completes the programme's course, the
organiser checks a registrant in at its training in the admin, and a visitor pledges on
its campaign and confirms from the e-mail. Reloading the dashboard (nobody presses
"Recompute now": values are recounted when the ledger rows commit), every indicator has
moved by one; the evidence lists the activities and names nobody. The public impact page
shows the pledges to an anonymous visitor as "0", then "<5", with the quick exit, loading
nothing from another site. The dashboard fits a 320 px screen in Arabic, right to left."""

import re
from datetime import time, timedelta

from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Site
from wagtail.users.models import UserProfile

import pytest

from campaigns.enums import PledgeStatus
from campaigns.models import Pledge
from courses.models import CourseIndexPage, CourseSectionPage
from events.enums import RegistrationStatus
from events.models import Attendance, EventSectionPage, Registration
from home.models import SafetySettings
from impact.enums import IndicatorMeasure, LedgerPeriod, ParticipationKind
from impact.models import ImpactPage, ImpactPageIndicator, Indicator, IndicatorValue
from people.enums import Role
from programmes.sections import programme_sections_ensure, section_for
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_campaigns import _confirm_link, _pledge
from tests.browser.test_events import _log_in
from tests.browser.test_recurrence import _sign_in_with_totp
from tests.courses.conftest import CourseBuilder
from tests.factories import totp_activate, user_with_role
from tests.factories.campaigns import campaign_index_page, campaign_page, campaign_section
from tests.factories.events import event_index_page, event_page
from tests.factories.programmes import organiser_of, programme_make

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ORGANISER_EMAIL = "organiser.cl@linkage.local"
LEARNER_EMAIL = "vjosa@example.org"
LEARNER_NAME = "Vjosa Berisha"
REGISTRANT_EMAIL = "arta@example.org"
REGISTRANT_NAME = "Arta Krasniqi"
PLEDGER_EMAIL = "amina.kovac@gmail.com"
PLEDGER_NAME = "Amina Kovač"
COURSE_TITLE = "Coordinated response to violence"
EVENT_TITLE = "Joint risk assessment training"
CAMPAIGN_TITLE = "16 Days of Activism"
# The indicators: (name, ledger kind, measure, unit, target).
INDICATORS = [
    (
        "Professionals trained",
        ParticipationKind.COURSE_COMPLETED,
        IndicatorMeasure.PEOPLE,
        "professionals",
        120,
    ),
    (
        "Attendance at trainings",
        ParticipationKind.EVENT_ATTENDED,
        IndicatorMeasure.PEOPLE,
        "participants",
        160,
    ),
    ("Pledges", ParticipationKind.CAMPAIGN_PLEDGE, IndicatorMeasure.COUNT, "pledges", 100),
]
# How far the page scrolls sideways (the document, the body, any element that scrolls
# sideways but a table's own scrolling region, ``.impact-scroll``, and Wagtail's
# breadcrumbs, which scroll in the header by design), and which elements of the content
# reach past the edge of the screen (the admin's <main> clips them).
SIDEWAYS = """() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const own = ".impact-scroll, .table-wrapper, .w-sr-only, .visually-hidden, .w-breadcrumbs";
    const scrollers = [...document.querySelectorAll("body *")]
        .filter((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowX))
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && !el.closest(own))
        .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join(".")}`);
    const culprits = [];
    for (const el of document.querySelectorAll("main *")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || getComputedStyle(el).visibility === "hidden") continue;
        if (el.closest(own)) continue;
        if (box.right > width + 0.5 || box.left < -0.5) {
            culprits.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`
                + ` [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        }
    }
    return {
        document: doc.scrollWidth - width,
        body: document.body.scrollWidth - document.body.clientWidth,
        scrollers: scrollers.slice(0, 8),
        culprits: culprits.slice(0, 8),
    };
}"""
NO_SIDEWAYS = {"document": 0, "body": 0, "scrollers": [], "culprits": []}
# The height of everything the page holds, in the document or in a scrolling element
# (the Wagtail admin scrolls inside its layout, so a "full page" screenshot is one screen).
CONTENT_HEIGHT = """() => Math.max(
    document.documentElement.scrollHeight,
    ...[...document.querySelectorAll("body *")]
        .filter((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY))
        .map((el) => el.scrollHeight),
)"""


# --- Setting up ------------------------------------------------------------------------------


@pytest.fixture
def programme(live_server):
    """CommunityLinkage (began a month ago, ends in eleven months) with its course, its
    training yesterday, its running 16 Days campaign and its three indicators; quick exit
    leads to a page of our own (CI has no outside network)."""
    cache.clear()  # no rate-limit counter or refresh claim left over
    site = Site.objects.get(is_default_site=True)
    safety = SafetySettings.for_site(site)
    safety.exit_url = f"{live_server.url}/health/"
    safety.save()
    home = site.root_page.specific
    courses = CourseIndexPage(title="Courses", slug="courses")
    home.add_child(instance=courses)
    courses.save_revision().publish()
    event_index_page().save_revision().publish()
    campaign_index_page().save_revision().publish()

    today = timezone.localdate()
    programme = programme_make(
        "CommunityLinkage",
        "communitylinkage",
        countries=["LT"],
        languages=["en", "lt"],
        time_zone="Europe/Vilnius",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=335),
    )
    programme_sections_ensure(programme=programme)
    course, lessons = CourseBuilder(
        section_for(programme=programme, section_model=CourseSectionPage)
    )(title=COURSE_TITLE, lessons=2, checks={1})
    # Yesterday: check-in is open, and the attendance counts within the programme.
    event = event_page(
        section_for(programme=programme, section_model=EventSectionPage),
        title=EVENT_TITLE,
        start_date=today - timedelta(days=1),
        start_time=time(10, 0),
        end_time=time(13, 0),
        capacity=20,
    )
    campaign = campaign_page(campaign_section(programme), days=16, title=CAMPAIGN_TITLE)
    indicators = []
    for order, (name, kind, measure, unit, target) in enumerate(INDICATORS):
        indicator = Indicator(
            programme=programme,
            name=name,
            unit=unit,
            kinds=[kind],
            measure=measure,
            period=LedgerPeriod.QUARTER,
            target=target,
            sort_order=order,
        )
        indicator.full_clean()
        indicator.save()
        indicators.append(indicator)
    return {
        "programme": programme,
        "course": course,
        "lessons": lessons,
        "event": event,
        "campaign": campaign,
        "indicators": indicators,
        "exit_url": safety.exit_url,
    }


def _new_page(chromium, *, width=1280, height=900, storage_state=None):
    """A page in a browser context of its own, recording every request that leaves the
    site (as the ``page`` fixture does)."""
    context = chromium.new_context(
        viewport={"width": width, "height": height}, storage_state=storage_state
    )
    page = context.new_page()
    external = []
    page.on(
        "request",
        lambda req: (
            None
            if req.url.startswith(("http://localhost", "http://127.0.0.1", "data:", "about:"))
            else external.append(req.url)
        ),
    )
    page.external_requests = external
    return page


def _shot(page, request, label):
    """A screenshot of the whole page, what scrolls inside the admin's layout too: the
    window is made as tall as the content for the picture."""
    ARTIFACTS.mkdir(exist_ok=True)
    viewport = page.viewport_size
    height = min(page.evaluate(CONTENT_HEIGHT), 12000)
    if height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": height})
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{label}.png"), full_page=True)
    page.set_viewport_size(viewport)


def _words(text: str) -> str:
    """``text`` with its spaces evened and without the invisible isolates the admin puts
    around names (``impact.admin.common.isolated``)."""
    return " ".join(text.replace("\u2068", "").replace("\u2069", "").split())


def _open(page, url):
    response = page.goto(url)
    page.wait_for_load_state()
    assert response.status == 200, (url, response.status)
    return response


def _progress(page, indicators) -> dict[str, str]:
    """Each indicator's figures as its dashboard card writes them: "1 of 120 (1%)"."""
    return {
        indicator.name: _words(page.locator(f"#indicator-{indicator.pk}-progress").inner_text())
        for indicator in indicators
    }


def _card(page, indicator):
    return page.locator("article").filter(has=page.locator(f"#indicator-{indicator.pk}-name"))


# --- What the people do ----------------------------------------------------------------------


def _complete_the_course(page, live_server, course, lessons):
    """The professional signs in, enrols, marks the first lesson complete and passes the
    second's knowledge check, as tests/browser/test_courses.py does: the course is 100 %."""
    first, second = lessons
    _log_in(page, live_server, LEARNER_EMAIL)
    _open(page, f"{live_server.url}{course.url}")
    page.get_by_role("button", name="Enrol in this course").click()
    page.wait_for_load_state()
    _open(page, f"{live_server.url}{first.url}")
    page.get_by_role("button", name="Mark this lesson complete").click()
    page.wait_for_load_state()
    _open(page, f"{live_server.url}{second.url}")
    page.get_by_label("Right", exact=True).check()
    page.locator("form.knowledge-check__form button[type=submit]").click()
    page.wait_for_load_state()
    _open(page, f"{live_server.url}{course.url}")
    assert page.locator("progress").first.get_attribute("value") == "100"


def _check_in(admin, live_server, event, registration):
    """The organiser checks the registrant in on the event's check-in list in the admin."""
    _open(admin, f"{live_server.url}/admin/events-admin/{event.pk}/check-in/")
    row = admin.locator(f"#registration-{registration.pk}")
    assert REGISTRANT_NAME in row.inner_text()
    row.get_by_role("button", name=re.compile("^Check in")).click()
    admin.wait_for_load_state()
    assert "Checked in at" in row.inner_text()


def _pledge_and_confirm(page, live_server, campaign):
    """A visitor pledges on the campaign page and confirms from the link in her e-mail."""
    _open(page, f"{live_server.url}{campaign.url}")
    _pledge(page, email=PLEDGER_EMAIL, name=PLEDGER_NAME)
    assert page.locator("h1").inner_text() == "Check your inbox"
    sent = [message for message in mail.outbox if message.to == [PLEDGER_EMAIL]]
    assert len(sent) == 1, [message.to for message in mail.outbox]
    page.goto(_confirm_link(sent[0], live_server))
    page.get_by_role("button", name="Confirm my pledge").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Thank you, your pledge counts"


def _public_figure(page, live_server, impact_page) -> str:
    """What an anonymous visitor reads as the pledges on the public impact page."""
    _open(page, f"{live_server.url}{impact_page.url}")
    return _words(page.locator(".impact-card__number").first.inner_text())


# --- The test --------------------------------------------------------------------------------


def test_recorded_activity_moves_the_programme_indicators(
    chromium, page, live_server, programme, settings, screenshot, request
):
    settings.MFA_TOTP_TOLERANCE = 1  # the code stays valid if a 30-second period ends mid-test
    indicators = programme["indicators"]
    trained, attended, pledges = indicators
    organiser = organiser_of(programme["programme"], email=ORGANISER_EMAIL)
    authenticator = totp_activate(organiser)
    user_with_role(Role.PROFESSIONAL, email=LEARNER_EMAIL, profile__display_name=LEARNER_NAME)
    registrant = user_with_role(
        Role.PROFESSIONAL, email=REGISTRANT_EMAIL, profile__display_name=REGISTRANT_NAME
    )
    registration = Registration.objects.create(
        event=programme["event"],
        person=registrant,
        status=RegistrationStatus.CONFIRMED,
        confirmed_at=timezone.now() - timedelta(days=3),
    )
    # The public impact page shows the pledges.
    home = Site.objects.get(is_default_site=True).root_page.specific
    public = ImpactPage(title="Our impact", slug="impact")
    home.add_child(instance=public)
    public.impact_indicators.add(ImpactPageIndicator(indicator=pledges))
    public.save_revision().publish()
    public.refresh_from_db()
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))

    # 1. The organiser reads every indicator at 0 on the dashboard.
    admin = _new_page(chromium)
    admin.on("pageerror", lambda error: script_errors.append(str(error)))
    _sign_in_with_totp(admin, live_server, ORGANISER_EMAIL, authenticator)
    dashboard = f"{live_server.url}/admin/impact/dashboard/{programme['programme'].pk}/"
    _open(admin, dashboard)
    _shot(admin, request, "dashboard-before")
    assert _words(admin.locator("h1").first.inner_text()) == "Impact dashboard"
    assert _progress(admin, indicators) == {
        "Professionals trained": "0 of 120 (0%)",
        "Attendance at trainings": "0 of 160 (0%)",
        "Pledges": "0 of 100 (0%)",
    }
    # ... and an anonymous visitor reads 0 pledges on the public page.
    visitor = _new_page(chromium)
    assert _public_figure(visitor, live_server, public) == "0"

    # 2. Activity, as the people concerned record it.
    _complete_the_course(page, live_server, programme["course"], programme["lessons"])
    screenshot("course-complete")
    _check_in(admin, live_server, programme["event"], registration)
    _shot(admin, request, "checked-in")
    assert Attendance.objects.filter(registration=registration).count() == 1
    pledger = _new_page(chromium)
    _pledge_and_confirm(pledger, live_server, programme["campaign"])
    assert Pledge.objects.get().status == PledgeStatus.CONFIRMED
    assert pledger.external_requests == []
    pledger.context.close()

    # 3. Reloaded (nobody pressed "Recompute now"), every indicator has moved by one.
    _open(admin, dashboard)
    _shot(admin, request, "dashboard-after")
    after = {
        "Professionals trained": "1 of 120 (1%)",
        "Attendance at trainings": "1 of 160 (1%)",
        "Pledges": "1 of 100 (1%)",
    }
    assert _progress(admin, indicators) == after
    assert admin.evaluate(SIDEWAYS) == NO_SIDEWAYS
    for indicator in indicators:
        bar = _card(admin, indicator).locator("progress")
        assert (bar.get_attribute("value"), bar.get_attribute("max")) == (
            "1",
            str(indicator.target),
        )
    # A fresh count gives the same figures as the ones kept since the rows arrived.
    computed = IndicatorValue.objects.get(indicator=trained).computed_at
    admin.get_by_role("button", name="Recompute now").click()
    admin.wait_for_load_state()
    assert "3 indicators computed again." in _words(admin.locator("body").inner_text())
    assert IndicatorValue.objects.get(indicator=trained).computed_at > computed
    assert _progress(admin, indicators) == after

    # 4. The evidence of "Professionals trained": the course, nobody's name.
    _card(admin, trained).get_by_role("link", name="Evidence", exact=True).click()
    admin.wait_for_load_state()
    _shot(admin, request, "evidence-trained")
    assert admin.url.endswith(f"/admin/impact/indicators/{trained.pk}/evidence/")
    rows = admin.locator("main table tbody tr")
    assert [_words(text) for text in rows.locator("th").all_inner_texts()] == [COURSE_TITLE]
    evidence = admin.locator("main").inner_text()
    for secret in (LEARNER_NAME, LEARNER_EMAIL, "Vjosa"):
        assert secret not in evidence
    # ... and of "Attendance at trainings": the training.
    _open(admin, f"{live_server.url}/admin/impact/indicators/{attended.pk}/evidence/")
    _shot(admin, request, "evidence-attended")
    rows = admin.locator("main table tbody tr")
    assert [_words(text) for text in rows.locator("th").all_inner_texts()] == [EVENT_TITLE]
    evidence = admin.locator("main").inner_text()
    for secret in (REGISTRANT_NAME, REGISTRANT_EMAIL, "Arta"):
        assert secret not in evidence

    # 5. The public page: one pledge is a small number, "<5"; the quick exit is there and
    # leaves; nothing came from another site.
    assert _public_figure(visitor, live_server, public) == "<5"
    _shot(visitor, request, "public-1280-en")
    public_text = visitor.locator("main").inner_text()
    assert PLEDGER_NAME not in public_text
    assert "1 of 100" not in public_text and "1%" not in public_text
    exit_button = visitor.locator("a[data-quick-exit]").first
    assert exit_button.is_visible()
    exit_button.click()
    visitor.wait_for_url(programme["exit_url"])
    assert visitor.external_requests == []
    visitor.context.close()

    # 6. The dashboard in Arabic on a 320 px screen: right to left, no sideways scroll.
    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = "ar"
    profile.save()
    narrow = _new_page(chromium, width=320, height=800, storage_state=admin.context.storage_state())
    narrow.on("pageerror", lambda error: script_errors.append(str(error)))
    try:
        for label, url in (
            ("dashboard", dashboard),
            ("evidence", f"{live_server.url}/admin/impact/indicators/{trained.pk}/evidence/"),
        ):
            _open(narrow, url)
            _shot(narrow, request, f"{label}-320-ar")
            html = narrow.locator("html")
            assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
            assert (label, narrow.evaluate(SIDEWAYS)) == (label, NO_SIDEWAYS)
        assert narrow.external_requests == []
    finally:
        narrow.context.close()

    assert admin.external_requests == []
    admin.context.close()
    assert script_errors == []
    assert page.external_requests == []
