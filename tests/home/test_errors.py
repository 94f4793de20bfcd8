"""Error pages under DEBUG (``make run``): our own 404 and 500 pages with the quick exit, in
the visitor's language and direction, never Django's technical pages; the traceback still
goes to the log. LINKAGE_FRIENDLY_ERRORS=false brings Django's debug pages back."""

import logging
import re

from django.test import override_settings

import pytest

from tests.home.test_quick_exit import parse

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.home.error_urls")]

TECHNICAL = ("Using the URLconf", "Traceback", "DEBUG = True", "technical")


@pytest.fixture
def debug(settings, client, site):
    settings.DEBUG = True
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client.raise_request_exception = False
    return client


def html_attributes(response) -> dict[str, str]:
    tag = re.search(r"<html([^>]*)>", response.content.decode()).group(1)
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def technical(response) -> list[str]:
    body = response.content.decode()
    return [marker for marker in TECHNICAL if marker in body]


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/no-such-page/", "Wagtail finds no page"),
        ("/no-such-file.txt", "no URL pattern matches"),
        ("/lt/no-such-page/", "no page in Lithuanian"),
    ],
)
def test_a_missing_page_under_debug_is_our_404_with_the_quick_exit(debug, path, why):
    response = debug.get(path)

    assert (response.status_code, technical(response)) == (404, []), why
    assert 'class="page--error"' in response.content.decode()
    assert [link["href"] for link in parse(response).exit_links] == ["/exit/"]


def test_an_exception_under_debug_is_our_500_with_the_quick_exit_and_a_logged_traceback(
    debug, caplog
):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = debug.get("/boom/")

    assert (response.status_code, technical(response)) == (500, [])
    assert "Sorry, something went wrong" in response.content.decode()
    assert [link["href"] for link in parse(response).exit_links] == ["/exit/"]
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert [(r.levelname, r.getMessage(), r.exc_info[0]) for r in logged] == [
        ("ERROR", "Internal Server Error: /boom/", RuntimeError)
    ]


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("el", "ltr")])
@pytest.mark.parametrize(("path", "status"), [("/no-such-page/", 404), ("/boom/", 500)])
def test_error_pages_speak_the_visitors_language_and_direction(
    debug, language, direction, path, status
):
    response = debug.get(path, HTTP_ACCEPT_LANGUAGE=language)

    assert (response.status_code, html_attributes(response)) == (
        status,
        {"lang": language, "dir": direction},
    )
    assert [link["href"] for link in parse(response).exit_links] == ["/exit/"]


def test_the_500_page_does_not_touch_the_database(rf, django_assert_num_queries):
    from home.errors import server_error

    request = rf.get("/boom/")
    with django_assert_num_queries(0):
        response = server_error(request)

    assert [link["href"] for link in parse(response).exit_links] == ["/exit/"]


def test_a_views_own_404_page_is_left_alone(debug):
    response = debug.get("/certificates/verify/AAAA-AAAA-AAAA/")

    assert (response.status_code, "No certificate has this code" in response.content.decode()) == (
        404,
        True,
    )


def test_without_debug_django_calls_the_same_handlers(client, site, settings):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client.raise_request_exception = False

    response = client.get("/boom/")

    assert (response.status_code, technical(response)) == (500, [])
    assert [link["href"] for link in parse(response).exit_links] == ["/exit/"]


@override_settings(LINKAGE_FRIENDLY_ERRORS=False)
def test_a_developer_can_ask_for_djangos_debug_pages(debug):
    missing = debug.get("/no-such-file.txt")
    failed = debug.get("/boom/")

    assert (missing.status_code, "Using the URLconf" in missing.content.decode()) == (404, True)
    assert (failed.status_code, "RuntimeError" in failed.content.decode()) == (500, True)
