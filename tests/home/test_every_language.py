"""No page vanishes in any language: with every language's tree synchronised from English
(core.locales), every page reachable in English answers 200 in every language, whether
the visitor's language comes from the language cookie, from Accept-Language or from the
address; the translated home pages lead to the courses and the events; a page not yet
translated says so in the visitor's language, and its language switcher leads to the page
in every language; registering and enrolling from such a page count on the original.

One tree for the module (built once, rolled back at the end): a home page, About and
Privacy, a course catalogue with a programme's section and a course with lessons, an
events listing with the programme's section, an event and a study visit. The home page is
translated into every language; the catalogue and the listing into three (Lithuanian and
Albanian with slugs of their own), the course into Lithuanian; every other page in every
other language is an alias of its English original.
"""

import re
from datetime import time

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Locale, Page, Site

import pytest

from core.locales import locales_ensure, translation_publish
from courses.models import (
    CourseIndexPage,
    CourseModule,
    CoursePage,
    CourseSectionPage,
    Enrolment,
    LessonPage,
)
from events.models import EventIndexPage, EventSectionPage, Registration, StudyVisitPage
from home.models import SafetySettings, StandardPage
from people.enums import Role
from programmes.sections import programme_sections_ensure, section_for
from tests.factories import user_with_role
from tests.factories.events import a_date, event_page
from tests.factories.once import built_for_module
from tests.factories.programmes import programme_make

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The catalogue and the listing are translated into these; own slugs in two of them.
TRANSLATED = ["lt", "sq", "ar"]
SLUGS = {
    "lt": {"courses": "kursai", "events": "renginiai"},
    "sq": {"courses": "kurset", "events": "ngjarje"},
}
NOTICE = re.compile(r'<p class="[^"]*language-notice[^"]*"[^>]*>(.*?)</p>', re.S)
SWITCHER = re.compile(r'class="language-switcher__option" href="([^"]+)" hreflang="([a-z-]+)"')
MENU = re.compile(r'class="main-menu__link[^"]*" href="([^"]+)"')


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_tree() -> dict[str, Page]:
    home = Site.objects.get(is_default_site=True).root_page.specific
    about = publish_child(
        home,
        StandardPage(title="About Linkage", slug="about", intro="Who we are.", show_in_menus=True),
    )
    privacy = publish_child(home, StandardPage(title="Privacy", slug="privacy", show_in_menus=True))
    safety = SafetySettings.for_site(home.get_site())
    safety.privacy_page = privacy
    safety.save()
    courses = publish_child(
        home, CourseIndexPage(title="Courses", slug="courses", show_in_menus=True)
    )
    events = publish_child(
        home, EventIndexPage(title="Events and study visits", slug="events", show_in_menus=True)
    )
    programme = programme_make()
    programme_sections_ensure(programme=programme)
    course_section = section_for(programme=programme, section_model=CourseSectionPage)
    event_section = section_for(programme=programme, section_model=EventSectionPage)
    course = CoursePage(
        title="Coordinated response",
        slug="coordinated-response",
        summary="Working together on violence against women.",
        tracks=["professional"],
        duration_minutes=60,
    )
    course.modules = [CourseModule(title="Basics", sort_order=0)]
    publish_child(course_section, course)
    module_key = course.modules.get().translation_key
    lessons = [
        publish_child(
            course,
            LessonPage(
                title=f"Lesson {n}",
                slug=f"lesson-{n}",
                body=[{"type": "paragraph", "value": f"<p>Lesson {n}.</p>"}],
                module_key=module_key,
            ),
        )
        for n in (1, 2)
    ]
    event = event_page(event_section, title="Risk assessment training", start_date=a_date(20))
    visit = publish_child(
        event_section,
        StudyVisitPage(
            title="Study visit to Madrid",
            slug="madrid",
            summary="Specialised services for survivors.",
            start_date=a_date(40),
            start_time=time(9, 0),
            end_date=a_date(42),
            end_time=time(17, 0),
            time_zone="Europe/Madrid",
            country="ES",
            languages=["en", "es"],
            destination="Madrid",
            host_organisations="Fundación ANAR",
        ),
    )
    locales_ensure(sync=True)
    for code in OTHER_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        translation_publish(home, locale, {"Linkage": f"Linkage ({code})"}, machine=True)
        if code in TRANSLATED:
            for page, title in ((courses, "Courses"), (events, "Events and study visits")):
                strings = {title: f"{title} ({code})", **SLUGS.get(code, {})}
                translation_publish(page, locale, strings, machine=True)
    translation_publish(
        course, Locale.objects.get(language_code="lt"), {"Coordinated response": "Koordinuotas"}
    )
    return {
        "home": home,
        "about": about,
        "privacy": privacy,
        "courses": courses,
        "events": events,
        "course_section": course_section,
        "event_section": event_section,
        "course": course,
        "lesson": lessons[0],
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


def english_pages() -> list[Page]:
    return list(
        Page.objects.live().filter(locale__language_code="en", depth__gt=1).order_by("path")
    )


def version(page: Page, code: str) -> Page:
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


# --- The crawl -------------------------------------------------------------------------------


def test_the_tree_has_every_kind_of_page(pages):
    kinds = {type(page.specific).__name__ for page in english_pages()}

    assert kinds == {
        "HomePage",
        "StandardPage",
        "CourseIndexPage",
        "CourseSectionPage",
        "CoursePage",
        "LessonPage",
        "EventIndexPage",
        "EventSectionPage",
        "EventPage",
        "StudyVisitPage",
    }


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_english_address_leads_to_the_page_in_the_language_of_the_cookie(pages, language):
    found = {}
    for page in english_pages():
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = client.get(page.url, follow=True)
        found[page.url] = (response.status_code, response.request["PATH_INFO"], html_lang(response))

    assert found == {
        page.url: (200, version(page, language).url, language) for page in english_pages()
    }


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_english_address_leads_to_the_page_in_the_accepted_language(pages, language):
    found = {}
    for page in english_pages():
        response = Client(HTTP_ACCEPT_LANGUAGE=f"{language},en;q=0.5").get(page.url, follow=True)
        found[page.url] = (response.status_code, response.request["PATH_INFO"], html_lang(response))

    assert found == {
        page.url: (200, version(page, language).url, language) for page in english_pages()
    }


def test_a_form_posted_to_an_english_address_is_not_sent_on_without_its_data(pages):
    """Only GET and HEAD are redirected to the page in the visitor's language: a redirected
    POST would arrive as a GET, its form lost."""
    events = pages["events"]
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lt"

    assert client.get(events.url).status_code == 302
    assert client.post(events.url, {"q": "x"}).status_code != 302


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_every_page_answers_at_its_own_address_in_every_language(pages, language):
    client = Client()
    found = {}
    for page in english_pages():
        url = version(page, language).url
        response = client.get(url)
        found[url] = (response.status_code, html_lang(response))

    assert set(found.values()) == {(200, language)}
    assert len(found) == len(english_pages())


def test_an_old_prefixed_address_leads_to_the_translation_with_its_own_slug(pages):
    response = Client().get("/lt/events/?kind=training")

    assert (response.status_code, response["Location"]) == (302, "/lt/renginiai/?kind=training")


def test_an_address_that_is_no_page_stays_not_found_in_every_language(pages):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lt"

    answers = {client.get(path).status_code for path in ("/no-such-page/", "/lt/no-such-page/")}

    assert answers == {404}


# --- Navigation ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_translated_home_page_leads_to_the_courses_and_the_events(pages, language):
    home = version(pages["home"], language)

    response = Client().get(home.url)

    menu = MENU.findall(response.content.decode())
    assert (home.alias_of_id, response.status_code) == (None, 200)
    assert menu == [
        version(pages[name], language).url for name in ("about", "privacy", "courses", "events")
    ]


def test_the_switcher_on_a_page_not_yet_translated_leads_to_the_page_in_every_language(pages):
    about_ar = version(pages["about"], "ar")
    client = Client()

    links = dict(
        (code, href) for href, code in SWITCHER.findall(client.get(about_ar.url).content.decode())
    )

    assert links == {code: version(pages["about"], code).url for code in ALL_LANGUAGES}
    assert {code: client.get(href).status_code for code, href in links.items()} == {
        code: 200 for code in ALL_LANGUAGES
    }


def test_the_switcher_on_the_month_view_keeps_the_month_and_the_filters(pages):
    """The walk-through: from /events/month/2026/12/ it led back to the list."""
    events = pages["events"]
    address = f"{events.url}month/2026/12/?format=online"
    client = Client()

    links = dict(
        (code, href) for href, code in SWITCHER.findall(client.get(address).content.decode())
    )

    assert links == {
        code: f"{version(events, code).url}month/2026/12/?format=online" for code in ALL_LANGUAGES
    }
    assert client.get(links["lt"]).status_code == 200


# --- The notice on a page not yet translated -------------------------------------------------


@pytest.mark.parametrize("language", ["lt", "ar", "fa"])
def test_a_page_not_yet_translated_says_so_in_the_visitors_language(pages, language):
    response = Client().get(version(pages["about"], language).url)

    html = response.content.decode()
    with translation.override(language):
        original = str(translation.get_language_info("en")["name_translated"])
        expected = translation.gettext(
            "This page is not yet available in your language. "
            "You are reading the original (%(original)s)."
        ) % {"original": original}
        assert expected != (
            "This page is not yet available in your language. "
            f"You are reading the original ({original})."
        ), f"the notice is not translated into {language}"
    notice = " ".join(re.sub(r"<[^>]+>", " ", NOTICE.search(html).group(1)).split())
    assert notice.endswith(escape(expected))
    assert '<div class="language-original" lang="en" dir="ltr">' in html


@pytest.mark.parametrize("name", ["home", "courses", "events"])
def test_a_translated_page_has_no_notice(pages, name):
    html = Client().get(version(pages[name], "ar").url).content.decode()

    assert (NOTICE.search(html), 'class="language-original"' in html) == (None, False)


def test_an_english_page_has_no_notice(pages):
    html = Client().get(pages["about"].url).content.decode()

    assert NOTICE.search(html) is None


def test_an_alias_made_before_a_translation_is_replaced_in_place(pages):
    about = pages["about"]
    alias = version(about, "lt")
    url = alias.url
    assert NOTICE.search(Client().get(url).content.decode()) is not None

    translated = translation_publish(
        about, Locale.objects.get(language_code="lt"), {"About Linkage": "Apie Linkage"}
    )

    response = Client().get(url)
    html = response.content.decode()
    assert (translated.pk, translated.url, response.status_code) == (alias.pk, url, 200)
    assert (NOTICE.search(html), "<h1>Apie Linkage</h1>" in html) == (None, True)


# --- Courses and events from a page not yet translated ---------------------------------------


def test_a_courses_languages_link_only_to_real_addresses(pages):
    course_ar = version(pages["course"], "ar")

    html = Client().get(course_ar.url).content.decode()

    facts = html[html.index('class="course-facts"') :]
    languages = re.findall(r"<dd>(.*?)</dd>", facts, re.S)[4]
    assert " ".join(languages.split()) == (
        '<span lang="en">English</span>, '
        f'<a href="{version(pages["course"], "lt").url}" lang="lt" hreflang="lt">Lietuvių</a>'
    )


def test_registering_from_a_page_not_yet_translated_counts_on_the_original(pages):
    person = user_with_role(Role.PROFESSIONAL, email="vjosa@example.org")
    client = Client()
    client.force_login(person)
    alias = version(pages["event"], "ar")

    response = client.post(reverse("events:register", args=[alias.pk]))

    registration = Registration.objects.get(person=person)
    assert (response.status_code, response["Location"]) == (302, f"{alias.url}#registration")
    assert (registration.event_id, registration.status) == (pages["event"].pk, "confirmed")


def test_enrolling_and_learning_from_a_page_not_yet_translated_counts_on_the_course(pages):
    person = user_with_role(Role.MENTOR, email="amina@example.org")
    client = Client()
    client.force_login(person)
    course_ar, lesson_ar = version(pages["course"], "ar"), version(pages["lesson"], "ar")

    enrolled = client.post(reverse("courses:enrol", args=[course_ar.pk]))
    completed = client.post(reverse("courses:lesson_complete", args=[lesson_ar.pk]))

    enrolment = Enrolment.objects.get(person=person)
    assert (enrolled.status_code, completed.status_code) == (303, 303)
    assert enrolment.course_key == pages["course"].translation_key
    assert list(enrolment.completions.values_list("lesson_key", flat=True)) == [
        pages["lesson"].translation_key
    ]


def test_an_arabic_mentor_reaches_her_own_course_from_my_linkage(pages):
    person = user_with_role(Role.MENTOR, email="amina@example.org")
    Enrolment.objects.create(person=person, course_key=pages["course"].translation_key)
    client = Client()
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"

    html = client.get(reverse("people:dashboard")).content.decode()

    course_ar = version(pages["course"], "ar")
    assert f'href="{course_ar.url}"' in html
    assert client.get(course_ar.url).status_code == 200


def test_a_study_visit_and_a_section_answer_in_every_language(pages):
    answers = {
        (name, code): Client().get(version(pages[name], code).url).status_code
        for name in ("visit", "event_section", "course_section")
        for code in ("lt", "ar")
    }

    assert set(answers.values()) == {200}
