"""Security headers: the public policy forbids inline code, so no public page may carry any;
the Wagtail admin alone gets the looser policy it needs."""

from html.parser import HTMLParser

import pytest

from home.middleware import ADMIN_CSP, PUBLIC_CSP


class _InlineCodeFinder(HTMLParser):
    """Finds what a CSP without 'unsafe-inline' would block: inline scripts and styles,
    style attributes and on* event handler attributes."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        data_types = ("application/json", "application/ld+json")
        if (
            tag == "script"
            and not attributes.get("src")
            and attributes.get("type") not in data_types
        ):
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        self.found.extend(f"{tag}[{name}]" for name in attributes if name == "style")
        self.found.extend(f"{tag}[{name}]" for name in attributes if name.startswith("on"))


def inline_code(response) -> list[str]:
    finder = _InlineCodeFinder()
    finder.feed(response.content.decode())
    return finder.found


PUBLIC_PATHS = ["/", "/safety/", "/accounts/login/", "/accounts/signup/", "/no-such-page/"]
PERSONAL_PATHS = ["/my/", "/my/profile/", "/my/privacy/", "/my/delete/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_carry_no_inline_code_the_policy_would_block(client, home_page, path):
    response = client.get(path)

    assert (response["Content-Security-Policy"], inline_code(response)) == (PUBLIC_CSP, [])


@pytest.mark.django_db
@pytest.mark.parametrize("path", PERSONAL_PATHS)
def test_personal_pages_carry_no_inline_code_the_policy_would_block(
    client, professional, home_page, path
):
    client.force_login(professional)

    response = client.get(path)

    assert (response.status_code, response["Content-Security-Policy"]) == (200, PUBLIC_CSP)
    assert inline_code(response) == []


@pytest.mark.django_db
def test_the_wagtail_admin_gets_its_own_policy(client, organiser_with_totp):
    client.force_login(organiser_with_totp)

    response = client.get("/admin/")

    assert (response.status_code, response["Content-Security-Policy"]) == (200, ADMIN_CSP)


@pytest.mark.django_db
def test_responses_keep_resources_to_this_origin(client, home_page):
    response = client.get("/")

    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/safety/?q=%00", "/attend/calendar/%00.ics"])
def test_the_400_page_for_nul_bytes_keeps_the_public_policy_and_no_inline_code(
    client, home_page, path
):
    response = client.get(path)

    assert (response.status_code, response["Content-Security-Policy"]) == (400, PUBLIC_CSP)
    assert (response["X-Frame-Options"], inline_code(response)) == ("DENY", [])


@pytest.mark.django_db
def test_the_403_page_for_people_without_admin_access_carries_no_inline_code(client, professional):
    client.force_login(professional)

    response = client.get("/admin/pages/")

    assert (response.status_code, inline_code(response)) == (403, [])
