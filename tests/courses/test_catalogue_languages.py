"""A course's languages are the ones it is written in. With every language's tree
synchronised from English (core.locales), every course has an alias in every language;
the catalogue still lists every course in every language's tree (the alias is the course
card there), but a card's languages and the catalogue's language filter count only the
original and its translations, never the aliases (with them, every course would be "in"
all twelve languages and the filter would match every course)."""

from django.test import Client

from wagtail.models import Locale, Page, Site

import pytest
from bs4 import BeautifulSoup

from core.locales import locales_ensure, translation_publish
from courses import selectors
from courses.models import CourseIndexPage
from tests.courses.conftest import CourseBuilder
from tests.factories.once import built_for_module


def build_tree() -> dict[str, Page]:
    """A catalogue and two courses in it, then every language's tree: "Coordinated
    response" translated into Lithuanian, "Trauma-informed interviewing" only in English
    (aliases elsewhere)."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    index.save_revision().publish()
    build = CourseBuilder(index)
    translated, _lessons = build(title="Coordinated response", lessons=1)
    english, _lessons = build(title="Trauma-informed interviewing", lessons=1)
    locales_ensure(sync=True)
    translation_publish(
        translated,
        Locale.objects.get(language_code="lt"),
        {"Coordinated response": "Koordinuotas atsakas"},
    )
    return {"index": index, "translated": translated, "english": english}


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """The tree, built once for the module (synchronising twelve languages takes a while)
    in a transaction rolled back after it."""
    with built_for_module(django_db_blocker, build_tree) as tree:
        yield tree


@pytest.fixture
def courses(tree, db) -> dict[str, Page]:
    return tree


@pytest.fixture
def index(courses) -> CourseIndexPage:
    return courses["index"]


def version(page: Page, code: str) -> Page:
    return Page.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    ).specific


def codes(entries) -> dict[str, list[str]]:
    return {entry.course.title: [lang["code"] for lang in entry.languages] for entry in entries}


def test_every_course_has_a_version_in_every_language(courses):
    versions = Page.objects.filter(translation_key=courses["english"].translation_key)

    assert versions.count() == Locale.objects.count() > 2
    assert versions.filter(alias_of__isnull=False).count() == versions.count() - 1


def test_a_course_card_lists_only_the_languages_the_course_is_written_in(index, courses):
    entries = selectors.catalogue(index=index)

    assert codes(entries) == {
        "Coordinated response": ["en", "lt"],
        "Trauma-informed interviewing": ["en"],
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Coordinated response", "Trauma-informed interviewing"]),
        ("lt", ["Coordinated response"]),
        ("ar", []),
    ],
)
def test_the_language_filter_matches_only_courses_written_in_the_language(
    index, courses, language, expected
):
    entries = selectors.catalogue(index=index, language=language)

    assert [entry.course.title for entry in entries] == expected


def test_a_lithuanian_catalogue_lists_every_course_in_its_own_tree(index, courses):
    index_lt = version(index, "lt")

    entries = selectors.catalogue(index=index_lt)

    assert [(e.course.title, e.course.locale.language_code) for e in entries] == [
        ("Koordinuotas atsakas", "lt"),
        ("Trauma-informed interviewing", "lt"),
    ]
    assert entries[1].course.alias_of_id == courses["english"].pk
    assert codes(entries) == {
        "Koordinuotas atsakas": ["en", "lt"],
        "Trauma-informed interviewing": ["en"],
    }


def test_the_languages_of_an_alias_are_its_originals_and_translations(courses):
    alias = version(courses["translated"], "ar")
    every_version = list(
        Page.objects.filter(translation_key=alias.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )

    read = selectors.course_languages(course=alias)
    given = selectors.course_languages(course=alias, translations=every_version)

    assert [lang["code"] for lang in read] == [lang["code"] for lang in given] == ["en", "lt"]


def test_the_lithuanian_catalogue_page_shows_every_course_with_its_own_languages(index, courses):
    index_lt = version(index, "lt")
    client = Client()

    html = BeautifulSoup(client.get(index_lt.url).content, "html.parser")
    filtered = BeautifulSoup(client.get(f"{index_lt.url}?language=ar").content, "html.parser")

    cards = {
        card.select_one(".course-card__title a").text: (
            card.select_one(".course-card__title a")["href"],
            [span["lang"] for span in card.select(".course-facts dd span[lang]")],
        )
        for card in html.select(".course-card")
    }
    assert cards == {
        "Koordinuotas atsakas": (version(courses["translated"], "lt").url, ["en", "lt"]),
        "Trauma-informed interviewing": (version(courses["english"], "lt").url, ["en"]),
    }
    assert filtered.select(".course-card") == []
