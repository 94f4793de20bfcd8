"""Issue 3's flow, clicked through: sign up, enrol, learn, fail then pass a check, reach
100 %, download the certificate and open its verification page."""

from wagtail.models import Site

import pytest

from courses.models import CourseIndexPage
from tests.browser.test_foundation import _sign_up_and_verify
from tests.courses.conftest import CourseBuilder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def course():
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = CourseIndexPage(title="Courses", slug="courses")
    home.add_child(instance=index)
    index.save_revision().publish()
    course, lessons = CourseBuilder(index)(title="Coordinated response", lessons=2, checks={1})
    return course, lessons


def test_professional_completes_a_course_and_verifies_her_certificate(
    page, live_server, course, screenshot
):
    course, (first, second) = course
    _sign_up_and_verify(page, live_server)

    page.goto(f"{live_server.url}{course.url}")
    page.get_by_role("button", name="Enrol in this course").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}{first.url}")
    page.get_by_role("button", name="Mark this lesson complete").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}{second.url}")
    page.get_by_label("Wrong", exact=True).check()
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_load_state()
    screenshot("check-failed")
    assert "About Wrong" in page.locator("main").inner_text()

    page.get_by_label("Right", exact=True).check()
    page.locator("form.knowledge-check__form button[type=submit]").click()
    page.wait_for_load_state()
    screenshot("check-passed")

    page.goto(f"{live_server.url}{course.url}")
    progress = page.locator("progress").first
    assert progress.get_attribute("value") == "100"
    screenshot("course-complete")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your certificate (PDF)").click()
    with open(download_info.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    page.get_by_role("link", name="Verification page").click()
    page.wait_for_load_state()
    screenshot("verified")
    assert page.get_by_role("heading", name="This certificate is valid").is_visible()
    assert "Amira" in page.locator("main").inner_text()
    assert page.external_requests == []
