"""Quick exit ends the session and leaves for a neutral site; every page offers it; the
safety page explains it; the health endpoint reports on the services."""

import json
import shutil
import subprocess
from html.parser import HTMLParser
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY

import pytest

from home.models import SafetySettings
from tests.factories import PASSWORD

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

    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
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
def test_quick_exit_expires_every_cookie_the_request_carries_and_every_known_one(
    client, professional, exit_url
):
    client.force_login(professional)
    client.cookies["django_language"] = "sq"
    client.cookies["messages"] = "Welcome back, Vjosa Berisha"
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["something_else"] = "1"

    response = client.get("/exit/")

    expired = {name: (cookie.value, cookie["max-age"]) for name, cookie in response.cookies.items()}
    assert expired == {
        name: ("", 0)
        for name in (
            "sessionid",
            "csrftoken",
            "django_language",
            "messages",
            "mfa_trusted",
            "something_else",
        )
    }


@pytest.mark.django_db
def test_quick_exit_survives_a_cookie_name_it_cannot_delete(client, professional, exit_url):
    client.force_login(professional)
    client.defaults["HTTP_COOKIE"] = "x[y]=1; ok=2"

    response = client.get("/exit/")

    assert (response.status_code, response["Location"]) == (302, EXIT_URL)
    assert (response.cookies["ok"].value, response.cookies["ok"]["max-age"]) == ("", 0)


QUICK_EXIT_JS = settings.ROOT_DIR / "site/home/static/home/js/quick-exit.js"
# A page with one quick exit button, just enough DOM for the script; prints what happened.
NODE_PAGE = """
const calls = [];
const listeners = {};
const button = {
  getAttribute: (name) => (name === "data-exit-url" ? "/exit/" : null),
  addEventListener: (type, handler) => { listeners["button:" + type] = handler; },
};
const store = (name) => ({ clear: () => calls.push(name + ".clear") });
global.document = {
  documentElement: { classList: { add: () => calls.push("blank"), remove: () => {} } },
  querySelectorAll: () => [button],
  querySelector: () => null,
};
global.window = {
  localStorage: store("localStorage"),
  sessionStorage: store("sessionStorage"),
  location: { replace: (url) => calls.push("replace " + url) },
  addEventListener: () => {},
  setTimeout: () => 1,
  clearTimeout: () => {},
};
require(process.argv[1]);
listeners["button:click"]({ preventDefault: () => {} });
console.log(JSON.stringify(calls));
"""


def test_quick_exit_script_empties_local_and_session_storage_before_leaving():
    result = subprocess.run(  # noqa: S603 - node runs our own script
        [shutil.which("node") or "/usr/bin/node", "-e", NODE_PAGE, str(QUICK_EXIT_JS)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert json.loads(result.stdout or "null") == [
        "blank",
        "localStorage.clear",
        "sessionStorage.clear",
        "replace /exit/",
    ], result.stderr


@pytest.mark.django_db
def test_signing_in_keeps_the_welcome_message_out_of_cookies(client, professional):
    response = client.post("/accounts/login/", {"login": professional.email, "password": PASSWORD})
    dashboard = client.get(response["Location"])

    assert (response.status_code, dashboard.status_code) == (302, 200)
    assert "messages" not in response.cookies
    assert "messages" not in dashboard.cookies


@pytest.mark.django_db
def test_an_anonymous_visitors_csrf_cookie_ends_with_the_browser_session(client, site):
    response = client.get("/accounts/login/")

    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert (cookie["max-age"], cookie["expires"]) == ("", "")


@pytest.fixture
def error_pages(client, site, settings):
    """The 400, 403, 404 and 500 pages as a visitor gets them."""
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/no-such-page/", 404),
        ("/attend/calendar/%00.ics", 400),
    ],
)
def test_error_pages_offer_the_quick_exit(error_pages, path, status):
    response = error_pages.get(path)

    page = parse(response)
    assert response.status_code == status
    assert [link["href"] for link in page.exit_links] == ["/exit/"]
    assert "/static/home/js/quick-exit.js" in page.scripts


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("handler", "status"),
    [
        ("bad_request", 400),
        ("permission_denied", 403),
        ("csrf_failure", 403),
        ("page_not_found", 404),
        ("server_error", 500),
    ],
)
def test_every_error_handler_renders_a_page_with_the_quick_exit(rf, site, handler, status):
    from django.contrib.auth.models import AnonymousUser

    from home import errors

    request = rf.get("/somewhere/")
    request.user = AnonymousUser()

    response = getattr(errors, handler)(request)

    page = parse(response)
    assert response.status_code == status
    assert [link["href"] for link in page.exit_links] == ["/exit/"]
    assert "/static/home/js/quick-exit.js" in page.scripts


@pytest.mark.django_db
def test_a_form_sent_without_its_token_gets_the_friendly_403(site):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "x"})

    assert response.status_code == 403
    assert "Please send the form again" in response.content.decode()
    assert [link["href"] for link in parse(response).exit_links] == ["/exit/"]


@pytest.mark.django_db
def test_a_forged_host_still_gets_the_400_page_with_the_quick_exit(error_pages):
    response = error_pages.get("/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    assert [link["href"] for link in parse(response).exit_links] == ["/exit/"]


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


@pytest.mark.django_db
def test_a_page_behind_a_shared_password_asks_for_it_with_the_quick_exit(client, home_page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.PASSWORD, password="kaunas-2026"
    )
    response = client.get("/")

    page = parse(response)
    assert response.status_code == 200
    assert [link["href"] for link in page.exit_links] == ["/exit/"]
    assert "/static/home/js/quick-exit.js" in page.scripts
    assert 'name="password"' in response.content.decode()
