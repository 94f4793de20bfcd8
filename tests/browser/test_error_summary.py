"""The error summary a refused form shows is focused and scrolled clear of the sticky exit
bar, at 320 px as at 1280 px, left to right and right to left (home/js/forms.js). The
long mentoring request form is the case the walk-through caught: the browser's own focus
scroll left the summary's title under the bar at 320 px."""

import pytest

from tests.factories.mentors import mentor_make
from tests.factories.programmes import programme_make

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize(("width", "prefix"), [(320, ""), (320, "/ar"), (1280, "")])
def test_the_focused_error_summary_is_not_under_the_exit_bar(page, live_server, width, prefix):
    mentor_make(programme=programme_make("Barcelona mentoring", "barcelona", countries=["ES"]))
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(f"{live_server.url}{prefix}/mentoring/ask/")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if prefix else "ltr")
    # Scroll to the bottom and send the form empty.
    submit = page.locator("form button[type=submit]").last
    submit.scroll_into_view_if_needed()
    submit.click()
    page.wait_for_load_state()

    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    title_top = summary.locator("h2").bounding_box()["y"]
    bar_bottom = page.evaluate(
        "document.querySelector('.quick-exit__button').getBoundingClientRect().bottom"
    )
    assert title_top >= bar_bottom, (title_top, bar_bottom)
