"""Languages: the cookie chooses the interface language, Arabic is right to left, the
switcher sets the cookie, and the catalogues translate the interface."""

import re

from django.conf import settings
from django.utils import translation
from django.utils.html import escape

import pytest

HTML_TAG = re.compile(r"<html[^>]*>")


def html_tag(response) -> str:
    return HTML_TAG.search(response.content.decode()).group(0)


def get_with_language(client, path: str, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(path, follow=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", '<html lang="ar" dir="rtl">'),
        ("lt", '<html lang="lt" dir="ltr">'),
        ("en", '<html lang="en" dir="ltr">'),
    ],
)
def test_the_language_cookie_chooses_the_language_of_the_home_page(
    client, home_page, language, expected
):
    response = get_with_language(client, "/", language)

    assert (response.status_code, html_tag(response)) == (200, expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", '<html lang="ar" dir="rtl">'), ("sq", '<html lang="sq" dir="ltr">')],
)
def test_the_language_cookie_chooses_the_language_of_pages_outside_wagtail(
    client, site, language, expected
):
    response = get_with_language(client, "/safety/", language)

    assert (response.status_code, html_tag(response)) == (200, expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "expected"),
    [("/ar/", '<html lang="ar" dir="rtl">'), ("/lt/", '<html lang="lt" dir="ltr">')],
)
def test_a_language_prefix_serves_the_home_page_in_that_language(client, home_page, path, expected):
    response = client.get(path)

    assert (response.status_code, html_tag(response)) == (200, expected)


@pytest.mark.django_db
def test_set_language_stores_the_choice_in_the_language_cookie(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "sq", "next": "/"})

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert response.status_code == 302
    assert (cookie.value, cookie["httponly"], cookie["samesite"]) == ("sq", True, "Lax")


# --- Translations -----------------------------------------------------------------------------
# Needs the compiled catalogues (locale/<lang>/LC_MESSAGES/django.mo, `make messages`).


@pytest.mark.parametrize("language", ["lt", "sq", "sr-latn", "ar"])
def test_the_quick_exit_label_is_translated(language):
    with translation.override(language):
        label = translation.gettext("Exit this page")

    assert label != "Exit this page"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["lt", "ar"])
def test_the_page_shows_the_translated_quick_exit_label(client, home_page, language):
    with translation.override(language):
        label = translation.gettext("Exit this page")

    response = client.get(f"/{language}/")

    assert label != "Exit this page"
    assert escape(label) in response.content.decode()
