"""On a page not yet translated (wagtail-localize's alias), only the page's own content is
marked with the original's language and direction; the interface around it (buttons,
labels, headings, forms, dates) stays in the visitor's. Each page type is read in Arabic,
right to left, as an alias of its English original: its title and text must sit inside an
element with lang="en" dir="ltr", and a translated UI string must sit inside none, under
the page's own lang="ar" dir="rtl".

One tree for the module (built once, rolled back at the end); nothing is translated, so
every Arabic page is an alias, except the course that one test translates itself.
"""

from datetime import time

from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import Client, RequestFactory
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest
from bs4 import BeautifulSoup

from core.locales import locales_ensure, translation_publish
from courses.models import (
    CourseIndexPage,
    CourseModule,
    CoursePage,
    CourseSectionPage,
    Enrolment,
    LessonPage,
)
from events.models import EventIndexPage, EventSectionPage, StudyVisitPage
from home.models import StandardPage
from people.enums import Role
from programmes.sections import programme_sections_ensure, section_for
from tests.courses.conftest import knowledge_check
from tests.factories import user_with_role
from tests.factories.events import a_date, event_page
from tests.factories.once import built_for_module
from tests.factories.programmes import programme_make

ORIGINAL = ("en", "ltr")
VISITOR = ("ar", "rtl")


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_tree() -> dict[str, Page]:
    home = Site.objects.get(is_default_site=True).root_page.specific
    about = publish_child(
        home,
        StandardPage(
            title="About Linkage",
            slug="about",
            intro="Who we are.",
            body=[
                {"type": "paragraph", "value": "<p>We work together.</p>"},
                {"type": "helplines", "value": None},
            ],
        ),
    )
    courses = publish_child(
        home, CourseIndexPage(title="Courses", slug="courses", intro="<p>Learn with us.</p>")
    )
    events = publish_child(
        home, EventIndexPage(title="Events", slug="events", intro="<p>Meet with us.</p>")
    )
    programme = programme_make()
    programme_sections_ensure(programme=programme)
    course_section = section_for(programme=programme, section_model=CourseSectionPage)
    event_section = section_for(programme=programme, section_model=EventSectionPage)
    course = CoursePage(
        title="Coordinated response",
        slug="coordinated-response",
        summary="Working together on violence against women.",
        intro="<p>Why a coordinated response matters.</p>",
        tracks=["professional"],
        duration_minutes=60,
        pre_test=[knowledge_check(title="Pre-test", pass_mark=0, max_attempts=1)],
    )
    course.modules = [CourseModule(title="Basics", sort_order=0)]
    publish_child(course_section, course)
    lesson = publish_child(
        course,
        LessonPage(
            title="Recognising risk",
            slug="recognising-risk",
            summary="The signs of danger.",
            body=[{"type": "paragraph", "value": "<p>Listen first.</p>"}],
            module_key=course.modules.get().translation_key,
        ),
    )
    event = event_page(
        event_section,
        title="Risk assessment training",
        summary="Joint risk assessment for police and social services.",
        body="<p>Bring your cases.</p>",
        start_date=a_date(20),
        capacity=20,
    )
    visit = publish_child(
        event_section,
        StudyVisitPage(
            title="Study visit to Madrid",
            slug="madrid",
            summary="Specialised services for survivors.",
            start_date=a_date(40),
            start_time=time(9, 0),
            end_date=a_date(41),
            end_time=time(17, 0),
            time_zone="Europe/Madrid",
            country="ES",
            languages=["en", "es"],
            destination="Madrid",
            host_organisations="Fundación ANAR",
            itinerary=[
                {
                    "type": "day",
                    "value": {
                        "day": a_date(40),
                        "title": "Services",
                        "items": [{"title": "Visit to the crisis centre"}],
                    },
                }
            ],
        ),
    )
    locales_ensure(sync=True)
    return {
        "about": about,
        "courses": courses,
        "events": events,
        "course_section": course_section,
        "event_section": event_section,
        "course": course,
        "lesson": lesson,
        "event": event,
        "visit": visit,
    }


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """The tree, built once for the module in a transaction rolled back after it."""
    with built_for_module(django_db_blocker, build_tree) as tree:
        yield tree


@pytest.fixture
def pages(tree, db) -> dict[str, Page]:
    return tree


@pytest.fixture
def learner(db):
    return user_with_role(Role.PROFESSIONAL, email="vjosa@example.org")


def arabic(page: Page) -> Page:
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="ar")


def read(url: str, user=None) -> BeautifulSoup:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def in_arabic(text: str) -> str:
    """A UI string as the Arabic visitor reads it; it must really be translated."""
    with translation.override("ar"):
        translated = translation.gettext(text)
    assert translated != text
    return translated


def language_of(element) -> tuple[str | None, str | None]:
    """The language and direction an element is in: its nearest lang and dir."""
    lang = next((e["lang"] for e in [element, *element.parents] if e.get("lang")), None)
    dir_ = next((e["dir"] for e in [element, *element.parents] if e.get("dir")), None)
    return lang, dir_


def marked_english(element) -> bool:
    """Whether the element or any element around it says lang="en"."""
    return any(e.get("lang") == "en" for e in [element, *element.parents])


def content(html: BeautifulSoup, selector: str):
    found = html.select_one(f"#main-content {selector}")
    assert found is not None, selector
    return found


def ui(html: BeautifulSoup, name: str, text: str):
    """The element ``name`` of the main content whose whole text is ``text``."""
    found = [e for e in html.select(f"#main-content {name}") if " ".join(e.text.split()) == text]
    assert len(found) == 1, (name, text)
    return found[0]


def test_an_arabic_alias_of_a_course_marks_its_text_english_and_its_enrol_button_arabic(
    pages, learner
):
    html = read(arabic(pages["course"]).url, learner)

    own = [content(html, s) for s in ("h1", ".course__summary", ".course__intro")]
    button = ui(html, "button", in_arabic("Enrol in this course"))
    facts = ui(html, "dt", in_arabic("Time needed"))
    assert [language_of(e) for e in own] == [ORIGINAL] * 3
    assert [e.text.strip() for e in own[:2]] == [pages["course"].title, pages["course"].summary]
    assert (language_of(button), marked_english(button)) == (VISITOR, False)
    assert (language_of(facts), marked_english(facts)) == (VISITOR, False)


def test_an_arabic_alias_of_an_event_marks_its_text_english_and_its_register_button_arabic(
    pages, learner
):
    html = read(arabic(pages["event"]).url, learner)

    own = [content(html, s) for s in ("h1", ".event__summary", ".event__body")]
    button = ui(html, "button", in_arabic("Register"))
    heading = ui(html, "h2", in_arabic("Registration"))
    when = content(html, ".event-facts dd")
    assert [language_of(e) for e in own] == [ORIGINAL] * 3
    assert own[0].text.strip() == pages["event"].title
    assert [marked_english(e) for e in (button, heading, when)] == [False] * 3
    assert [language_of(e) for e in (button, heading, when)] == [VISITOR] * 3


def test_an_arabic_alias_of_a_lesson_marks_its_text_english_and_its_controls_arabic(pages, learner):
    Enrolment.objects.create(person=learner, course_key=pages["course"].translation_key)

    html = read(arabic(pages["lesson"]).url, learner)

    own = [content(html, s) for s in ("h1", ".lesson__summary", ".lesson__body p")]
    button = ui(html, "button", in_arabic("Mark this lesson complete"))
    assert [language_of(e) for e in own] == [ORIGINAL] * 3
    assert own[2].text == "Listen first."
    assert (language_of(button), marked_english(button)) == (VISITOR, False)


def test_an_arabic_alias_of_a_courses_pre_test_marks_the_courses_title_english(pages):
    html = read(arabic(pages["course"]).url + "pre-test/")

    heading = content(html, "h1")
    title = heading.select_one("span")
    assert (title.text, language_of(title)) == (pages["course"].title, ORIGINAL)
    assert heading.text.startswith(in_arabic("Pre-test"))
    assert (language_of(heading), marked_english(heading)) == (VISITOR, False)


@pytest.mark.parametrize("name", ["courses", "course_section"])
def test_an_arabic_alias_of_a_catalogue_marks_its_title_english_and_its_filters_arabic(pages, name):
    html = read(arabic(pages[name]).url)

    button = ui(html, "button", in_arabic("Show courses"))
    assert language_of(content(html, "h1")) == ORIGINAL
    assert (language_of(button), marked_english(button)) == (VISITOR, False)


def test_an_arabic_alias_of_the_events_listing_marks_its_title_english_and_its_filters_arabic(
    pages,
):
    html = read(arabic(pages["events"]).url)

    button = ui(html, "button", in_arabic("Show events"))
    assert [language_of(content(html, s)) for s in ("h1", ".events__intro")] == [ORIGINAL] * 2
    assert (language_of(button), marked_english(button)) == (VISITOR, False)


def test_an_arabic_alias_of_a_programmes_events_marks_its_title_english_and_its_count_arabic(
    pages,
):
    html = read(arabic(pages["event_section"]).url)

    count = content(html, ".events__count")
    assert language_of(content(html, "h1")) == ORIGINAL
    assert (language_of(count), marked_english(count)) == (VISITOR, False)


def test_an_arabic_alias_of_a_study_visit_marks_its_itinerary_english_and_its_headings_arabic(
    pages,
):
    html = read(arabic(pages["visit"]).url)

    heading = ui(html, "h2", in_arabic("Itinerary"))
    item = ui(html, "strong", "Visit to the crisis centre")
    assert [language_of(e) for e in (content(html, "h1"), item)] == [ORIGINAL] * 2
    assert (language_of(heading), marked_english(heading)) == (VISITOR, False)


def test_an_arabic_alias_of_a_standard_page_keeps_its_helplines_arabic(pages):
    html = read(arabic(pages["about"]).url)

    own = [content(html, "h1"), content(html, ".lead"), ui(html, "p", "We work together.")]
    helplines = ui(html, "h2", in_arabic("Helplines"))
    assert [language_of(e) for e in own] == [ORIGINAL] * 3
    assert (language_of(helplines), marked_english(helplines)) == (VISITOR, False)


def test_an_original_and_a_translation_mark_nothing_as_another_language(pages):
    translation_publish(
        pages["course"], Locale.objects.get(language_code="ar"), {"Coordinated response": "رد"}
    )

    read_in = {}
    for page, code in ((pages["course"], "en"), (arabic(pages["course"]), "ar")):
        html = read(page.url)
        title = content(html, "h1")
        read_in[code] = (title.text, language_of(title), html.select(".language-original"))
    assert read_in == {
        "en": ("Coordinated response", ("en", "ltr"), []),
        "ar": ("رد", VISITOR, []),
    }


def test_a_template_that_marks_nothing_leaves_an_alias_in_the_visitors_language(pages):
    """base.html's default: a page template that forgets to mark its content leaves it in
    the visitor's language rather than marking the interface as the original's."""
    alias = arabic(pages["about"]).specific
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% load i18n %}'
        '{% block content %}<h1>{{ page.title }}</h1><p id="ui">{% translate "Register" %}</p>'
        "{% endblock %}"
    )
    request = RequestFactory().get(alias.url)
    request.user = AnonymousUser()
    with translation.override("ar"):
        rendered = template.render({"page": alias, "self": alias}, request)
    html = BeautifulSoup(rendered, "html.parser")

    assert len(html.select(".language-notice")) == 1
    assert [language_of(html.select_one(s)) for s in ("h1", "#ui")] == [VISITOR, VISITOR]
