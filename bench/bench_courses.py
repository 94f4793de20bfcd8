"""Courses: a 50-lesson course page with 10,000 enrolments, and the learner export at
10,000 and 50,000 enrolments (rows per second, peak memory: it streams, so memory stays
flat as rows grow)."""

import random
import time
import tracemalloc
import uuid

from django.test import Client
from django.utils import timezone

LESSONS = 50
PAGE_ENROLMENTS = 10_000
EXPORT_SIZES = (10_000, 50_000)
RENDERS = 30


def _check(n):
    return {
        "type": "knowledge_check",
        "id": str(uuid.uuid4()),
        "value": {
            "title": f"Check {n}",
            "intro": "",
            "pass_mark": 80,
            "max_attempts": 3,
            "questions": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "kind": "single",
                        "prompt": "Whose safety comes first?",
                        "answers": [
                            {
                                "type": "item",
                                "id": str(uuid.uuid4()),
                                "value": {
                                    "text": "The survivor's",
                                    "correct": True,
                                    "feedback": "",
                                },
                            },
                            {
                                "type": "item",
                                "id": str(uuid.uuid4()),
                                "value": {"text": "The agency's", "correct": False, "feedback": ""},
                            },
                        ],
                    },
                }
            ],
        },
    }


def _course(index, title, lessons):
    from courses.models import CourseModule, CoursePage, LessonPage

    course = CoursePage(
        title=title,
        slug=f"bench-{uuid.uuid4().hex[:8]}",
        summary="Bench course",
        tracks=["professional"],
        pre_test=[_check("pre")],
        post_test=[_check("post")],
    )
    course.modules = [CourseModule(title=f"Module {m}", sort_order=m) for m in range(5)]
    index.add_child(instance=course)
    course.save_revision().publish()
    keys = [m.translation_key for m in course.modules.all()]
    pages = []
    for n in range(lessons):
        body = [{"type": "paragraph", "value": f"<p>Lesson {n}</p>"}]
        if n % 5 == 0:
            body.append(_check(n))
        lesson = LessonPage(
            title=f"Lesson {n + 1}",
            slug=f"lesson-{n + 1}",
            body=body,
            module_key=keys[n % len(keys)],
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
        pages.append(lesson)
    return course, pages


def _people(count):
    from people.enums import Country, Sector
    from people.models import Organisation, Profile, Region, User

    organisation = Organisation.objects.create(name="Bench organisation", country=Country.LT)
    region = Region.objects.create(name="Bench region", country=Country.LT)
    users = User.objects.bulk_create(
        [User(email=f"learner{i}@bench.example.org") for i in range(count)], batch_size=5000
    )
    Profile.objects.bulk_create(
        [
            Profile(
                user=user,
                display_name=f"Learner {i}",
                organisation=organisation,
                region=region,
                sector=Sector.POLICE,
                country=Country.LT,
            )
            for i, user in enumerate(users)
        ],
        batch_size=5000,
    )
    return users


def _enrol(course, lessons, people):
    """Enrol people in bulk; every tenth has done the pre-test and five lessons."""
    from courses.models import CheckAttempt, Enrolment, LessonCompletion

    now = timezone.now()
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(person=person, course_key=course.translation_key, enrolled_at=now)
            for person in people
        ],
        batch_size=5000,
    )
    active = enrolments[::10]
    pre_id = str(course.pre_test[0].id)
    CheckAttempt.objects.bulk_create(
        [
            CheckAttempt(
                enrolment=e,
                check_key=pre_id,
                kind="pre_test",
                number=1,
                score=random.choice([0, 100]),
                passed=True,
            )
            for e in active
        ],
        batch_size=5000,
    )
    LessonCompletion.objects.bulk_create(
        [
            LessonCompletion(enrolment=e, lesson_key=lesson.translation_key, method="marked")
            for e in active
            for lesson in lessons[:5]
        ],
        batch_size=5000,
    )
    return enrolments


def _export(course):
    from core import spreadsheets
    from courses import resources, selectors

    checks = selectors.course_checks(course=course)
    resource = resources.LearnerExportResource(checks=checks)
    queryset = selectors.learner_export_queryset(course=course, checks=checks)
    tracemalloc.start()
    start = time.perf_counter()
    rows = size = 0
    for chunk in spreadsheets.csv_stream(resource, queryset):
        rows += chunk.count("\r\n")
        size += len(chunk)
    seconds = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return rows - 1, seconds, peak, size


def run():
    from wagtail.models import Site

    from courses.models import CourseIndexPage

    random.seed(3)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = CourseIndexPage(title="Courses", slug="bench-courses")
    home.add_child(instance=index)
    index.save_revision().publish()

    people = _people(max(EXPORT_SIZES))
    results = []

    # The course page: 50 lessons, 10,000 enrolments, seen by an enrolled learner.
    course, lessons = _course(index, "Fifty lessons", LESSONS)
    _enrol(course, lessons, people[:PAGE_ENROLMENTS])
    client = Client()
    client.force_login(people[0])
    url = course.url
    assert client.get(url).status_code == 200
    start = time.perf_counter()
    for _ in range(RENDERS):
        client.get(url)
    results.append(
        (
            "course_page_50_lessons_10k_enrolments",
            round((time.perf_counter() - start) / RENDERS * 1000, 1),
            "ms",
        )
    )
    lesson_url = lessons[25].url
    client.get(lesson_url)
    start = time.perf_counter()
    for _ in range(RENDERS):
        client.get(lesson_url)
    results.append(
        ("lesson_page_50_lessons", round((time.perf_counter() - start) / RENDERS * 1000, 1), "ms")
    )

    # The learner export, at two sizes: rows per second, and peak memory that stays flat.
    for size in EXPORT_SIZES:
        export_course, export_lessons = _course(index, f"Export {size}", 10)
        _enrol(export_course, export_lessons, people[:size])
        rows, seconds, peak, _bytes = _export(export_course)
        assert rows == size, (rows, size)
        label = f"{size // 1000}k"
        results.append((f"learner_export_csv_{label}_rows_per_s", round(rows / seconds), "rows/s"))
        results.append(
            (f"learner_export_csv_{label}_peak_memory", round(peak / 1024 / 1024, 2), "MiB")
        )
    return results
