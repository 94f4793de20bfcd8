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


@pytest.fixture
def about_in_two_languages(home_page):
    """An "About" page in the menu, in English and Lithuanian, set as the privacy page."""
    from wagtail.models import Locale

    from home.models import SafetySettings, StandardPage

    lt = Locale.objects.get_or_create(language_code="lt")[0]
    home_page.copy_for_translation(lt).save_revision().publish()
    about = StandardPage(title="About", slug="about", show_in_menus=True)
    home_page.add_child(instance=about)
    about.save_revision().publish()
    about_lt = about.copy_for_translation(lt)
    about_lt.title = "Apie"
    about_lt.save_revision().publish()
    settings = SafetySettings.for_site(home_page.get_site())
    settings.privacy_page = about
    settings.save()
    about_lt.refresh_from_db()
    return about, about_lt


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "title"), [("en", "About"), ("lt", "Apie")])
def test_the_menu_and_the_privacy_link_follow_the_language(
    client, about_in_two_languages, language, title
):
    page = dict(zip(("en", "lt"), about_in_two_languages, strict=True))[language]

    html = get_with_language(client, "/", language).content.decode()

    menu = re.findall(r'class="main-menu__link[^"]*" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert menu == [(page.url, title)]
    footer = html.split('class="site-footer"')[1]
    assert f'<li><a href="{page.url}">' in footer


@pytest.mark.django_db
def test_the_language_switcher_links_the_page_in_each_language(client, about_in_two_languages):
    about, about_lt = about_in_two_languages

    html = client.get(about.url).content.decode()

    links = dict(
        (code, href) for href, code in re.findall(r'href="([^"]+)" hreflang="([a-z]+)"', html)
    )
    assert links == {"en": about.url, "lt": about_lt.url}
