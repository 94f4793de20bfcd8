"""Pages as a visitor and a signed-in learner see them: the home page, a course page, a
lesson page and an event page, rendered through the Django test client. For each, the
median render time (ms) and the number of queries one render runs (the page chrome
included): ``page_course_anon_ms: 12.3 ms``, ``page_course_anon_queries: 14 queries``."""

import statistics
import time
import uuid

from django.db import connection
from django.test import Client

RENDERS = 30
LESSONS = 12


def _check():
    answer = {"type": "item", "id": str(uuid.uuid4())}
    return {
        "type": "knowledge_check",
        "id": str(uuid.uuid4()),
        "value": {
            "title": "Check your understanding",
            "intro": "",
            "pass_mark": 100,
            "max_attempts": 3,
            "questions": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "kind": "single",
                        "prompt": "Whose safety comes first?",
                        "answers": [
                            {**answer, "value": {"text": "The survivor's", "correct": True}},
                            {
                                "type": "item",
                                "id": str(uuid.uuid4()),
                                "value": {"text": "The agency's", "correct": False},
                            },
                        ],
                    },
                }
            ],
        },
    }


def _menu(home):
    """Two pages in the main menu and a privacy page in the safety settings, as on the
    demo site, so the chrome shows everything it can."""
    from home.models import SafetySettings, StandardPage

    pages = []
    for title in ("About Linkage", "Privacy notice"):
        page = StandardPage(title=title, slug=f"bench-{uuid.uuid4().hex[:6]}", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    settings = SafetySettings.for_site(home.get_site())
    settings.privacy_page = pages[1]
    settings.save()


def _course(home):
    from courses.models import CourseIndexPage, CourseModule, CoursePage, LessonPage

    index = CourseIndexPage(title="Courses", slug=f"bench-pages-{uuid.uuid4().hex[:6]}")
    home.add_child(instance=index)
    index.save_revision().publish()
    course = CoursePage(
        title="Coordinated response",
        slug="coordinated-response",
        summary="Police, social services and NGOs working together.",
        tracks=["professional"],
        pre_test=[_check()],
        post_test=[_check()],
    )
    course.modules = [CourseModule(title=f"Module {m}", sort_order=m) for m in range(3)]
    index.add_child(instance=course)
    course.save_revision().publish()
    keys = [m.translation_key for m in course.modules.all()]
    lessons = []
    for n in range(LESSONS):
        body = [{"type": "paragraph", "value": f"<p>Lesson {n + 1}.</p>"}]
        if n % 4 == 0:
            body.append(_check())
        lesson = LessonPage(
            title=f"Lesson {n + 1}", slug=f"lesson-{n + 1}", body=body, module_key=keys[n % 3]
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
        lessons.append(lesson)
    return course, lessons


def _measure(client: Client, url: str) -> tuple[float, int]:
    response = client.get(url)  # warm: site root paths, content types, templates
    assert response.status_code == 200, (url, response.status_code)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        client.get(url)
    timings = []
    for _ in range(RENDERS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(timings), 1), len(queries)


def run():
    from wagtail.models import Site

    from courses import services
    from people.enums import Role
    from tests.factories import user_with_role
    from tests.factories.events import event_page

    home = Site.objects.get(is_default_site=True).root_page.specific
    _menu(home)
    course, lessons = _course(home)
    event = event_page(title="Risk assessment training (bench)", capacity=40)
    learner = user_with_role(Role.PROFESSIONAL, email=f"pages-{uuid.uuid4().hex[:6]}@bench.org")
    enrolment, _ = services.enrolment_create(course=course, person=learner)
    services.lesson_complete(enrolment=enrolment, lesson=lessons[1])

    visitor = Client()
    signed_in = Client()
    signed_in.force_login(learner)
    pages = {"home": home.url, "course": course.url, "lesson": lessons[0].url, "event": event.url}
    results = []
    for name, url in pages.items():
        for who, client in (("anon", visitor), ("signed_in", signed_in)):
            ms, queries = _measure(client, url)
            results.append((f"page_{name}_{who}_ms", ms, "ms"))
            results.append((f"page_{name}_{who}_queries", queries, "queries"))
    return results
