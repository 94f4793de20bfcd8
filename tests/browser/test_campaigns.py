"""Issue 12's flow, clicked through in Chromium with the page cache on: a visitor pledges
on a cached campaign page, confirms through the link in the e-mail and sees the counter
rise (the cached copy was made stale); pledging again with the same address (another case,
a Gmail alias) gives the same page and still one pledge, and only the address's owner
hears more, by e-mail; quick exit leaves the campaign page and the "check your inbox" page,
and nothing is loaded from another site (share links are links); the page fits 320 px in
Arabic, right to left, with a form that works; the form is filled and sent with the
keyboard alone, and a refused form's error summary is focused clear of the exit bar."""

import re
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Locale, Site

import pytest

from campaigns.days import campaign_phase
from campaigns.enums import PledgeStatus
from campaigns.models import Pledge
from core.models import OutboxMessage
from home.models import SafetySettings
from impact.enums import ParticipationKind
from impact.models import Participation
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_languages import EXIT_IN_ITS_BAR, OVERFLOW_SCRIPT
from tests.factories.campaigns import campaign_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADDRESS = "amina.kovac@gmail.com"
# The same Gmail mailbox: another case, dots moved, a +tag and the googlemail.com domain.
SAME_MAILBOX = "Amina.Ko.Vac+16days@GoogleMail.com"
SAME_ADDRESS_SHOUTED = "AMINA.KOVAC@GMAIL.COM"
CONFIRM_LINK = re.compile(r"https?://[^\s\"<>]+/campaign-pledges/pledge/confirm/[^\s\"<>]+/")
# A form refused for an e-mail address cut short.
BAD_ADDRESS = "amina.kovac@"
BAD_ADDRESS_ERROR = "Enter an e-mail address like name@example.org."


@pytest.fixture
def neutral_exit(live_server):
    """Quick exit goes to a page of our own in tests: CI has no outside network."""
    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.exit_url = f"{live_server.url}/health/"
    safety.save()
    return safety.exit_url


@pytest.fixture
def campaign(live_server, settings, neutral_exit):
    """A running 16 Days campaign (day 6 of 16, 100 pledges wanted, sixteen daily actions)
    with the page cache on, empty (no page, rate-limit counter or totals lock left over)."""
    settings.LINKAGE_PAGE_CACHE_SECONDS = 300
    cache.clear()
    return campaign_page(days=16)


def _alias(page, language: str):
    """The page in ``language`` as wagtail-localize keeps it before anyone translates it:
    an alias under the language's prefix (its parents too)."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    alias = page.copy_for_translation(locale, copy_parents=True, alias=True)
    alias.refresh_from_db()
    return alias


def _new_page(chromium, width=1280, height=900):
    """A page in a browser context of its own, recording any request that leaves the
    site (as the ``page`` fixture does)."""
    context = chromium.new_context(viewport={"width": width, "height": height})
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
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{label}.png"), full_page=True)


def _main_text(page) -> str:
    return page.locator("main").inner_text()


def _counter(page) -> str:
    """The counter's words, spaces evened: "0 of 100 pledges"."""
    return " ".join(page.locator("#pledge-count").inner_text().split())


def _open(page, url):
    """Go to ``url``; the response (its X-Cache header says whether the page cache
    answered)."""
    response = page.goto(url)
    page.wait_for_load_state()
    assert response.status == 200, (url, response.status)
    return response


def _pledge(page, *, email, name="Amina", country="LT"):
    """Fill the pledge form as a person pledging for herself (consent to be contacted left
    unticked) and send it."""
    form = page.locator("form[data-pledge-form]")
    assert form.locator("input[name=kind][value=individual]").is_checked()
    form.locator("#id_display_name").fill(name)
    form.locator("#id_email").fill(email)
    form.locator("#id_country").select_option(country)
    assert not form.locator("#id_contact_consent").is_checked()
    assert not form.locator("#id_wall").is_checked()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def _confirm_link(message, live_server) -> str:
    found = CONFIRM_LINK.search(message.body)
    assert found, message.body
    # E-mails link to the configured base address (http://testserver in tests).
    return re.sub(r"^https?://[^/]+", live_server.url, found.group(0))


def _pledges_of(address: str):
    """The campaign's pledges whose address is this mailbox (pending or confirmed)."""
    from campaigns.addresses import address_digest

    return Pledge.objects.filter(
        email_digest=address_digest(address),
        status__in=[PledgeStatus.PENDING, PledgeStatus.CONFIRMED],
    )


def _an_hour_passes():
    """The pledge e-mails already sent are over an hour old: the next submit may mail
    again (one pledge e-mail an hour per address, campaigns.messages)."""
    OutboxMessage.objects.filter(source_type=ContentType.objects.get_for_model(Pledge)).update(
        created_at=timezone.now() - timedelta(hours=2)
    )


# --- 1. Pledge, confirm, the counter rises -------------------------------------------------


def test_a_visitor_pledges_confirms_from_the_email_and_sees_the_counter_rise(
    page, live_server, campaign, screenshot
):
    url = f"{live_server.url}{campaign.url}"
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))

    # The page is rendered once, then served from the cache.
    first = _open(page, url)
    second = _open(page, url)
    assert (first.headers.get("x-cache"), second.headers.get("x-cache")) == ("miss", "hit")
    assert page.locator("h1").inner_text() == "16 Days of Activism"
    # Day 6 in Vilnius (day 7 there for the last hour of a Brussels day).
    phase = campaign_phase(campaign)
    assert f"Today is day {phase.day_number} of 16." in _main_text(page)
    assert page.locator("[aria-current=date]").count() == 1
    assert _counter(page) == "0 of 100 pledges"
    # A cached form carries no one's CSRF token.
    assert page.locator("form[data-pledge-form] input[name=csrfmiddlewaretoken]").count() == 0
    screenshot("campaign-before")

    _pledge(page, email=ADDRESS)
    screenshot("check-your-inbox")
    assert "/campaign-pledges/pledge/sent/" in page.url
    assert page.locator("h1").inner_text() == "Check your inbox"
    pledge = Pledge.objects.get()
    assert (pledge.status, pledge.email, pledge.display_name, pledge.country) == (
        PledgeStatus.PENDING,
        ADDRESS,
        "Amina",
        "LT",
    )
    assert pledge.contact_consent_asked is False
    # Not confirmed: it does not count yet (and the cached page is still the same).
    back = _open(page, url)
    assert back.headers.get("x-cache") == "hit"
    assert _counter(page) == "0 of 100 pledges"

    # The confirmation e-mail, to her alone, with the link.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert (message.to, message.cc, message.bcc) == ([ADDRESS], [], [])
    link = _confirm_link(message, live_server)

    # The link opens a page with a button (a mail scanner's GET confirms nothing).
    page.goto(link)
    page.wait_for_load_state()
    screenshot("confirm")
    assert page.locator("h1").inner_text() == "Confirm your pledge"
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.PENDING
    assert not page.locator("#id_contact_consent").is_checked()
    page.get_by_role("button", name="Confirm my pledge").click()
    page.wait_for_load_state()
    screenshot("confirmed")
    assert page.locator("h1").inner_text() == "Thank you, your pledge counts"
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.CONFIRMED
    assert pledge.confirmed_at is not None
    assert pledge.contact_consent_at is None  # she did not tick it
    assert Participation.objects.filter(kind=ParticipationKind.CAMPAIGN_PLEDGE).exists()

    # Back to the campaign: the cached copy with 0 is stale, the counter says 1.
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name=f"Back to {campaign.title}").click()
    page.wait_for_load_state()
    after = navigation.value
    assert after.url == url
    assert after.headers.get("x-cache") == "miss"  # eligible for the cache, and rendered anew
    assert _counter(page) == "1 of 100 pledges"
    screenshot("campaign-after")
    again = _open(page, url)
    assert (again.headers.get("x-cache"), _counter(page)) == ("hit", "1 of 100 pledges")
    # Someone else, with no cookie of hers, sees the same.
    other = _new_page(page.context.browser)
    try:
        _open(other, url)
        assert _counter(other) == "1 of 100 pledges"
    finally:
        other.context.close()

    assert len(mail.outbox) == 1
    assert script_errors == []
    assert page.external_requests == []


# --- 2. The same address again -------------------------------------------------------------


def test_pledging_twice_with_the_same_address_gives_the_same_page_and_one_pledge(
    page, live_server, campaign, request
):
    url = f"{live_server.url}{campaign.url}"
    seen = []

    def pledge_and_read(email, label):
        _open(page, url)
        _pledge(page, email=email)
        _shot(page, request, label)
        seen.append(
            {
                "path": page.url.removeprefix(live_server.url),
                "title": page.title(),
                "heading": page.locator("h1").inner_text(),
                "text": _main_text(page),
            }
        )

    # New address.
    pledge_and_read(ADDRESS, "new")
    assert seen[0]["heading"] == "Check your inbox"
    assert len(mail.outbox) == 1

    # The same mailbox, written otherwise, while the first pledge waits for confirmation:
    # the same page; she is sent the confirmation link again (an hour later: one pledge
    # e-mail an hour at most), to the address she pledged with.
    _an_hour_passes()
    pledge_and_read(SAME_MAILBOX, "pending")
    assert seen[1] == seen[0]
    assert _pledges_of(ADDRESS).count() == 1
    assert _pledges_of(SAME_MAILBOX).count() == 1
    assert Pledge.objects.count() == 1
    assert len(mail.outbox) == 2
    resent = mail.outbox[1]
    assert (resent.to, resent.cc, resent.bcc) == ([ADDRESS], [], [])
    assert CONFIRM_LINK.search(resent.body)

    # She confirms from the newest e-mail; then the address pledges again, shouted.
    page.goto(_confirm_link(resent, live_server))
    page.get_by_role("button", name="Confirm my pledge").click()
    page.wait_for_load_state()
    assert Pledge.objects.get().status == PledgeStatus.CONFIRMED
    _an_hour_passes()
    pledge_and_read(SAME_ADDRESS_SHOUTED, "confirmed")
    assert seen[2] == seen[0]
    assert Pledge.objects.count() == 1
    assert _pledges_of(SAME_ADDRESS_SHOUTED).get().status == PledgeStatus.CONFIRMED

    # Only the owner learns that the address had pledged: "you have already pledged",
    # to her address and no one else, with no confirmation link.
    assert len(mail.outbox) == 3
    already = mail.outbox[2]
    assert (already.to, already.cc, already.bcc) == ([ADDRESS], [], [])
    assert not CONFIRM_LINK.search(already.body)
    assert already.subject != resent.subject
    assert {address for message in mail.outbox for address in message.recipients()} == {ADDRESS}

    # Still one pledge on the counter.
    _open(page, url)
    assert _counter(page) == "1 of 100 pledges"
    assert page.external_requests == []


def test_a_second_pledge_within_the_hour_sends_no_second_email(page, live_server, campaign):
    """A flood of the form cannot turn the site into a mail cannon: within the hour the
    same address gets nothing more, and the page is still the same."""
    url = f"{live_server.url}{campaign.url}"
    texts = []
    for email in (ADDRESS, SAME_MAILBOX):
        _open(page, url)
        _pledge(page, email=email)
        texts.append((page.url, _main_text(page)))
    assert texts[0] == texts[1]
    assert Pledge.objects.count() == 1
    assert [message.to for message in mail.outbox] == [[ADDRESS]]


# --- 3. Quick exit, and nothing from elsewhere ---------------------------------------------


def test_quick_exit_leaves_the_campaign_page_and_the_check_your_inbox_page(
    page, live_server, campaign, neutral_exit, screenshot
):
    url = f"{live_server.url}{campaign.url}"
    _open(page, url)
    response = _open(page, url)
    assert response.headers.get("x-cache") == "hit"  # the exit works from a cached copy
    # Share links are plain links to each service: nothing is asked of them until clicked.
    shares = page.locator(".share-block a[href^='https://']")
    hrefs = shares.evaluate_all("links => links.map(link => new URL(link.href).hostname)")
    assert {"wa.me", "t.me", "www.facebook.com", "x.com", "www.linkedin.com"} <= set(hrefs)
    assert page.locator("iframe, script[src^='http']").count() == 0
    screenshot("campaign")
    page.locator("a[data-quick-exit]").first.click()
    page.wait_for_url(neutral_exit)
    assert page.url == neutral_exit
    # The campaign page was replaced in history: Back does not lead to it.
    page.go_back()
    assert page.url != url

    _open(page, url)
    _pledge(page, email=ADDRESS)
    assert page.locator("h1").inner_text() == "Check your inbox"
    screenshot("check-your-inbox")
    sent = page.url
    page.locator("a[data-quick-exit]").first.click()
    page.wait_for_url(neutral_exit)
    assert page.url == neutral_exit
    page.go_back()
    assert page.url != sent

    assert page.external_requests == []


def test_shift_pressed_three_times_leaves_the_campaign_page(
    page, live_server, campaign, neutral_exit
):
    _open(page, f"{live_server.url}{campaign.url}")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_exit)
    assert page.url == neutral_exit


# --- 4. Narrow, right to left, and other languages -----------------------------------------


def _layout_problems(page) -> dict:
    report = page.evaluate(OVERFLOW_SCRIPT)
    problems = {}
    if report["excess"] > 0 or report["culprits"]:
        problems["overflow"] = (report["excess"], report["culprits"])
    if report["scrolling"]:
        problems["scrolling"] = report["scrolling"]
    if report["exit"] != EXIT_IN_ITS_BAR:
        problems["exit"] = report["exit"]
    return problems


def test_the_campaign_page_fits_320px_in_arabic_and_its_form_works(
    chromium, live_server, campaign, request
):
    arabic = _alias(campaign, "ar")
    assert arabic.url.startswith("/ar/")
    page = _new_page(chromium, width=320, height=800)
    try:
        url = f"{live_server.url}{arabic.url}"
        _open(page, url)
        response = _open(page, url)
        _shot(page, request, "campaign-ar-320")
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
        assert response.headers.get("x-cache") == "hit"
        assert _layout_problems(page) == {}
        assert page.locator("a[data-quick-exit]").first.is_visible()
        # The counter is in the visitor's language: the digits are there, the words are not
        # English.
        assert "100" in _counter(page)
        form = page.locator("form[data-pledge-form]")
        # Every field of the form fits the screen and its right edge is where the text starts.
        for field in ("#id_display_name", "#id_email", "#id_country", "button[type=submit]"):
            box = form.locator(field).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320, (field, box)
        form.locator("#id_display_name").screenshot(
            path=str(ARTIFACTS / f"{request.node.name}-name-field.png")
        )

        _pledge(page, email=ADDRESS, name="أمينة")
        _shot(page, request, "check-your-inbox-ar-320")
        assert "/ar/campaign-pledges/pledge/sent/" in page.url
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert _layout_problems(page) == {}
        pledge = Pledge.objects.get()
        assert (pledge.language, pledge.page_id, pledge.display_name) == (
            "ar",
            arabic.pk,
            "أمينة",
        )
        assert [message.to for message in mail.outbox] == [[ADDRESS]]
        assert page.external_requests == []
    finally:
        page.context.close()


@pytest.mark.parametrize("language", ["en", "lt", "es"])
def test_the_campaign_page_at_1280px(chromium, live_server, campaign, request, language):
    shown = campaign if language == "en" else _alias(campaign, language)
    page = _new_page(chromium, width=1280, height=900)
    try:
        _open(page, f"{live_server.url}{shown.url}")
        _shot(page, request, f"campaign-{language}-1280")
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, "ltr")
        assert _layout_problems(page) == {}
        assert page.locator("form[data-pledge-form]").is_visible()
        assert page.external_requests == []
    finally:
        page.context.close()


# --- 5. Keyboard only ----------------------------------------------------------------------

FOCUSED = """() => {
    const el = document.activeElement;
    return el ? (el.id || el.name || el.tagName.toLowerCase()) : "";
}"""


def _tab_to(page, target: str, visited: list, *, limit: int = 200) -> None:
    """Press Tab until the element with id ``target`` has the focus, noting each element
    focused on the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        visited.append(focused)
        if focused == target:
            return
    raise AssertionError(f"Tab never reached #{target}: {visited[-20:]}")


def _choose_with_arrows(page, selector: str, value: str, *, limit: int = 300) -> None:
    """Choose ``value`` in the focused closed <select> with the arrow keys (type-ahead
    does not take the Arabic names Playwright types as text)."""
    select = page.locator(selector)
    for _ in range(limit):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{selector}: the arrow keys never reached {value!r}")


def _summary_clear_of_the_exit_bar(page) -> None:
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert summary.is_visible()
    title = summary.locator("h2").bounding_box()
    bar_bottom = page.evaluate(
        "document.querySelector('.quick-exit__button').getBoundingClientRect().bottom"
    )
    viewport = page.viewport_size["height"]
    assert bar_bottom <= title["y"] < viewport, (title, bar_bottom, viewport)


@pytest.mark.parametrize(("width", "language"), [(1280, "en"), (320, "en"), (320, "ar")])
def test_the_pledge_form_with_the_keyboard_alone(
    chromium, live_server, campaign, request, width, language
):
    shown = campaign if language == "en" else _alias(campaign, language)
    page = _new_page(chromium, width=width, height=700)
    try:
        _open(page, f"{live_server.url}{shown.url}")
        visited = []
        # Radio buttons: Tab lands on the chosen one ("individual").
        _tab_to(page, "id_kind_0", visited)
        _tab_to(page, "id_display_name", visited)
        page.keyboard.type("Amina")
        _tab_to(page, "id_email", visited)
        page.keyboard.type(BAD_ADDRESS)
        _tab_to(page, "id_country", visited)
        _choose_with_arrows(page, "#id_country", "LT")
        before_submit = len(visited)
        _tab_to(page, _submit_id(page), visited)
        # The form's fields in order; the robots' field never takes the focus.
        form_order = visited[visited.index("id_kind_0") :]
        assert "id_website" not in visited and "website" not in visited, visited
        assert form_order.index("id_email") < form_order.index("id_country")
        assert visited[before_submit:][-1] == _submit_id(page)
        _shot(page, request, "filled")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_load_state()

        # Refused: the summary has the focus, in view below the exit bar, and its link
        # takes the keyboard to the field.
        _shot(page, request, "refused")
        _summary_clear_of_the_exit_bar(page)
        # What she sees (not the whole page): the summary just below the exit bar.
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-refused-viewport.png"))
        page.locator("main .lead").first.screenshot(
            path=str(ARTIFACTS / f"{request.node.name}-refused-lead.png")
        )
        summary = page.locator("[data-error-summary]")
        if language == "en":
            assert BAD_ADDRESS_ERROR in summary.inner_text()
        assert Pledge.objects.count() == 0
        # What she typed is still there.
        assert page.locator("#id_display_name").input_value() == "Amina"
        assert page.locator("#id_country").input_value() == "LT"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_email"
        page.keyboard.press("Enter")
        assert page.evaluate(FOCUSED) == "id_email"
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.type(ADDRESS)
        _tab_to(page, _submit_id(page), [])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_load_state()
        _shot(page, request, "sent")
        assert "/campaign-pledges/pledge/sent/" in page.url
        pledge = Pledge.objects.get()
        assert (pledge.email, pledge.display_name, pledge.country, pledge.language) == (
            ADDRESS,
            "Amina",
            "LT",
            language,
        )
        assert page.external_requests == []
    finally:
        page.context.close()


def _submit_id(page) -> str:
    """The pledge form's button, given an id of our own for the focus walk."""
    page.evaluate(
        """() => {
            const button = document.querySelector("form[data-pledge-form] button[type=submit]");
            if (!button.id) button.id = "pledge-submit";
        }"""
    )
    return page.evaluate("document.querySelector('form[data-pledge-form] button[type=submit]').id")
