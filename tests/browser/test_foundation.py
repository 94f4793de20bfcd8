"""The flows a person clicks through on the foundation: quick exit, sign-up, languages."""

import re

from django.core import mail

from wagtail.models import Site

import pytest

from home.models import SafetySettings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def neutral_exit(live_server):
    """Quick exit goes to a page of our own in tests: CI has no outside network."""
    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.exit_url = f"{live_server.url}/health/"
    safety.save()
    return safety.exit_url


def _sign_up_and_verify(page, live_server, email="amira@example.org"):
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Your name").fill("Amira")
    page.get_by_label(re.compile("e-?mail", re.I)).first.fill(email)
    page.locator("input[name=password1]").fill("a-long-safe-passphrase")
    page.locator("input[name=password2]").fill("a-long-safe-passphrase")
    page.locator("input[name=track][value=professional]").check()
    page.locator("form").filter(has=page.locator("input[name=password1]")).locator(
        "button[type=submit], input[type=submit]"
    ).first.click()
    page.wait_for_load_state()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link.replace("http://testserver", live_server.url))
    page.locator("form").filter(has_text=re.compile("confirm", re.I)).locator(
        "button[type=submit], input[type=submit]"
    ).first.click()
    page.wait_for_load_state()


def test_sign_up_verify_and_reach_my_linkage(page, live_server, screenshot):
    _sign_up_and_verify(page, live_server)
    page.goto(f"{live_server.url}/my/")
    screenshot("my-linkage")
    assert page.url == f"{live_server.url}/my/"
    assert "Amira" in page.locator("main").inner_text()
    assert page.external_requests == []


def test_quick_exit_button_ends_session_and_replaces_history(
    page, live_server, neutral_exit, screenshot
):
    _sign_up_and_verify(page, live_server)
    page.goto(f"{live_server.url}/")
    screenshot("before-exit")
    page.locator("a[data-quick-exit]").first.click()
    page.wait_for_url(neutral_exit)
    assert page.url == neutral_exit
    # The home page was replaced in history, so Back does not lead to it.
    page.go_back()
    assert page.url != f"{live_server.url}/"
    # The server session is over: My Linkage asks to log in again.
    page.goto(f"{live_server.url}/my/")
    assert "/accounts/login/" in page.url


def test_shift_pressed_three_times_exits(page, live_server, neutral_exit):
    page.goto(f"{live_server.url}/safety/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_exit)
    assert page.url == neutral_exit


def test_shift_as_a_modifier_does_not_exit(page, live_server, neutral_exit):
    page.goto(f"{live_server.url}/accounts/login/")
    field = page.locator("input[type=email], input[name=login]").first
    field.click()
    page.keyboard.type("ABC")  # three capitals: Shift held with another key each time
    page.wait_for_timeout(300)
    assert page.url == f"{live_server.url}/accounts/login/"
    assert field.input_value() == "ABC"


def test_switching_to_arabic_renders_right_to_left(page, live_server, screenshot):
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    switcher = page.locator("[data-language-switcher], .language-switcher").first
    summary = switcher.locator("summary")
    if summary.count():
        summary.first.click()
    switcher.locator("[lang=ar]").first.click()
    page.wait_for_load_state()
    screenshot("arabic")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.external_requests == []


def test_narrow_screen_has_no_horizontal_scroll(chromium, live_server):
    context = chromium.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    try:
        for path in ("/", "/safety/", "/accounts/signup/"):
            page.goto(f"{live_server.url}{path}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert (path, overflow) == (path, 0)
    finally:
        context.close()
