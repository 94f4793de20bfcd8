"""Query-count guards: the page chrome alone, a standard page, the catalogue, a course page,
a lesson page and the "My Linkage" panel, for a visitor and a signed-in learner, and the
same number of queries for 1 or 3 lessons, enrolments or courses.

Measured once; a change means a page started (or stopped) doing per-item queries, or the
chrome changed. Both deserve a look. A page's count is everything its request runs:

- the session, the user and their role (3, signed in only), Wagtail's site and routing
  (the site, the active locale, the home page as its type, the catalogue as a page and as
  its type: 5; then the course and the lesson, one query each), and Wagtail's privacy
  check (none: routing reads it with the course and the lesson);
- the chrome (``CHROME_QUERIES``): the safety settings with their privacy page, and one
  query for the home page in the visitor's language, the menu, the privacy page's
  translation and the page's translations;
- the page's own reads.
"""

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from wagtail.models import Site

import pytest

from courses import services
from courses.views import dashboard_panel
from home.models import SafetySettings, StandardPage
from people.roles import user_role

pytestmark = pytest.mark.django_db

CHROME_QUERIES = 2  # safety settings (with the privacy page) + the chrome's pages
STANDARD_PAGE_QUERIES = {"anonymous": 9, "signed_in": 12}
CATALOGUE_QUERIES = {"anonymous": 11, "signed_in": 15}
# The course page: the enrolment, the outline (lessons, modules, what is done), the attempts.
COURSE_PAGE_QUERIES = {"anonymous": 10, "signed_in": 14}
# The lesson page reads what the course page reads; reopening it within minutes writes nothing.
LESSON_PAGE_QUERIES = {"anonymous": 10, "signed_in": 15}
PANEL_QUERIES = 4
PAGE_BUDGET = 15  # the ceiling for a course, lesson or event page


@pytest.fixture
def chrome_content(home, lt_locale):
    """What the chrome shows: two menu pages, a privacy page translated into Lithuanian
    and set in the safety settings, and the home page in Lithuanian."""
    for title in ("About", "Privacy"):
        page = StandardPage(title=title, slug=title.lower(), show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    privacy = StandardPage.objects.get(slug="privacy")
    privacy.copy_for_translation(lt_locale).save_revision().publish()
    settings = SafetySettings.for_site(home.get_site())
    settings.privacy_page = privacy
    settings.save()
    return privacy


@pytest.fixture
def learner_in(learner):
    def client_for(who):
        client = Client()
        if who == "signed_in":
            client.force_login(learner)
        return client

    return client_for


@pytest.fixture
def enrolled(learner, build_course, person_factory):
    """n courses of n lessons each, the learner enrolled in all with one lesson done, and n
    other learners in each course."""

    def make(n):
        courses = []
        others = [person_factory(f"other{i}@example.org") for i in range(n)]
        for _ in range(n):
            course, lessons = build_course(
                lessons=n, checks={0}, pre=True, post=True, modules=("A", "B")
            )
            enrolment, _ = services.enrolment_create(course=course, person=learner)
            if len(lessons) > 1:
                services.lesson_complete(enrolment=enrolment, lesson=lessons[1])
            for other in others:
                services.enrolment_create(course=course, person=other)
            courses.append((course, lessons))
        return courses

    return make


def warm(fn):
    """Run once first: a running site has its caches (site root paths, content types) warm."""
    fn()
    return fn


@pytest.mark.parametrize("who", ["anonymous", "signed_in"])
def test_the_chrome_alone_costs_two_queries(
    who, home, chrome_content, learner, django_assert_num_queries
):
    page = StandardPage.objects.get(slug="about")
    request = RequestFactory().get(page.url)
    request.user = learner if who == "signed_in" else AnonymousUser()
    Site.find_for_request(request)  # as Wagtail's routing leaves it
    user_role(request.user)  # as the two-factor middleware leaves it

    with django_assert_num_queries(CHROME_QUERIES):
        html = render_to_string("base.html", {"page": page, "self": page}, request=request)

    assert (html.count('class="main-menu__link'), html.count('hreflang="en"')) == (2, 1)
    assert f'href="{chrome_content.url}">Privacy</a>' in html


@pytest.mark.parametrize("who", ["anonymous", "signed_in"])
def test_standard_page_queries(who, chrome_content, learner_in, django_assert_num_queries):
    client = learner_in(who)
    get = warm(lambda: client.get("/about/"))

    with django_assert_num_queries(STANDARD_PAGE_QUERIES[who]):
        response = get()
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "signed_in"])
@pytest.mark.parametrize("n", [1, 3])
def test_catalogue_queries_do_not_grow_with_courses(
    n, who, index, enrolled, chrome_content, learner_in, django_assert_num_queries
):
    enrolled(n)
    client = learner_in(who)
    get = warm(lambda: client.get(index.url))

    with django_assert_num_queries(CATALOGUE_QUERIES[who]):
        response = get()
    assert len(response.context["entries"]) == n


@pytest.mark.parametrize("who", ["anonymous", "signed_in"])
@pytest.mark.parametrize("n", [1, 3])
def test_course_page_queries_do_not_grow_with_lessons_or_enrolments(
    n, who, enrolled, chrome_content, learner_in, django_assert_num_queries
):
    ((course, _lessons), *_rest) = enrolled(n)
    client = learner_in(who)
    get = warm(lambda: client.get(course.url))

    with django_assert_num_queries(COURSE_PAGE_QUERIES[who]):
        response = get()
    assert len(response.context["outline"].lessons) == n
    assert COURSE_PAGE_QUERIES[who] <= PAGE_BUDGET


@pytest.mark.parametrize("who", ["anonymous", "signed_in"])
@pytest.mark.parametrize("n", [1, 3])
def test_lesson_page_queries_do_not_grow_with_lessons(
    n, who, enrolled, chrome_content, learner_in, django_assert_num_queries
):
    ((_course, lessons), *_rest) = enrolled(n)
    client = learner_in(who)
    get = warm(lambda: client.get(lessons[0].url))

    with django_assert_num_queries(LESSON_PAGE_QUERIES[who]):
        response = get()
    assert len(response.context["outline"].lessons) == n
    assert LESSON_PAGE_QUERIES[who] <= PAGE_BUDGET


@pytest.mark.parametrize("n", [1, 3])
def test_dashboard_panel_queries_do_not_grow_with_enrolments(
    n, enrolled, learner, django_assert_num_queries
):
    enrolled(n)
    request = RequestFactory().get("/my/")
    request.user = learner

    def render():
        panel = dashboard_panel(request)
        return panel, render_to_string(panel.template, {"panel": panel, "request": request})

    warm(render)
    with django_assert_num_queries(PANEL_QUERIES):
        panel, html = render()
    assert len(panel.context["courses"]) == n
    assert html.count("<progress") == n
