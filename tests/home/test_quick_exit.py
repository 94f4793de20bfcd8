"""Quick exit ends the session and leaves for a neutral site; every page offers it; the
safety page explains it; the health endpoint reports on the services."""

import json
from html.parser import HTMLParser
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY

import pytest

from home.models import SafetySettings

EXIT_URL = "https://weather.example.org/today"


class _QuickExitParser(HTMLParser):
    """Collects the quick exit links and the script sources of a page."""

    def __init__(self):
        super().__init__()
        self.exit_links: list[dict] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "data-quick-exit" in attributes:
            self.exit_links.append(attributes)
        if tag == "script" and attributes.get("src"):
            self.scripts.append(attributes["src"])


def parse(response) -> _QuickExitParser:
    parser = _QuickExitParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def exit_url(site) -> str:
    safety = SafetySettings.for_site(site)
    safety.exit_url = EXIT_URL
    safety.save()
    return EXIT_URL


def session_exists(session_key: str) -> bool:
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return store().exists(session_key)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_quick_exit_logs_out_and_destroys_the_session(client, professional, exit_url, method):
    client.force_login(professional)
    old_key = client.session.session_key

    getattr(client, method)("/exit/")

    assert SESSION_KEY not in client.session
    assert session_exists(old_key) is False


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_quick_exit_redirects_to_the_sites_exit_url(client, professional, exit_url, method):
    client.force_login(professional)

    response = getattr(client, method)("/exit/")

    assert (response.status_code, response["Location"]) == (302, EXIT_URL)


@pytest.mark.django_db
def test_quick_exit_goes_to_the_default_exit_url_without_a_site_setting(client, site):
    response = client.get("/exit/")

    assert response["Location"] == settings.LINKAGE_DEFAULT_EXIT_URL


@pytest.mark.django_db
def test_quick_exit_asks_the_browser_to_clear_the_site_and_not_cache(client, exit_url):
    response = client.get("/exit/")

    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "no-store" in {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.django_db
def test_quick_exit_works_without_a_csrf_token(professional, exit_url):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(professional)

    response = client.post("/exit/")

    assert (response.status_code, response["Location"]) == (302, EXIT_URL)
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_quick_exit_expires_the_session_cookie(client, professional, exit_url):
    client.force_login(professional)

    response = client.get("/exit/")

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert (cookie.value, cookie["max-age"]) == ("", 0)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/safety/"])
def test_pages_offer_the_quick_exit_link_and_its_script(client, home_page, path):
    response = client.get(path)

    page = parse(response)
    assert response.status_code == 200
    assert [link["href"] for link in page.exit_links] == ["/exit/"]
    assert "/static/home/js/quick-exit.js" in page.scripts


@pytest.mark.django_db
def test_safety_page_says_quick_exit_does_not_erase_browsing_history(client, site):
    response = client.get("/safety/")

    assert "erase your browsing history" in response.content.decode()


@pytest.mark.django_db
def test_safety_page_names_the_sites_exit_url(client, exit_url):
    response = client.get("/safety/")

    assert EXIT_URL in response.content.decode()


# --- Health -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_health_reports_ok_for_database_cache_and_broker(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": True, "cache": True, "broker": True},
    }


@pytest.mark.django_db
def test_health_reports_503_when_the_database_probe_fails(client, monkeypatch):
    def broken():
        raise RuntimeError("database is down")

    monkeypatch.setattr("home.views._database", broken)

    response = client.get("/health/")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "error",
        "checks": {"database": False, "cache": True, "broker": True},
    }


@pytest.mark.django_db
def test_health_is_reachable_for_an_organiser_without_totp(client, organiser):
    client.force_login(organiser)

    response = client.get("/health/")

    assert response.status_code == 200
