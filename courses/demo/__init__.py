"""Demo courses for `make run` (home.demo_data runs these steps after the foundation's
people and pages). Idempotent: pages are found by slug and updated, block ids are
derived from the content (uuid5), so learners' attempts stay valid across runs.

The catalogue comes first (a step of its own, before the programmes, so that saving a
programme gives it a section there); each course then goes below its programme's section
(``spec["programme"]``), or into the catalogue itself when the step runs without the
programmes. A course an earlier demo left directly in the catalogue moves into its
section. Translations go through wagtail-localize (languages.py)."""

import uuid
from datetime import timedelta

from django.utils import timezone

from wagtail.models import Site

from home.demo_data import register_demo_step
from people.models import User

from .. import services
from ..checks import check_from_block
from ..enums import CheckKind, EnrolmentSource
from ..models import (
    CohortRun,
    CourseIndexPage,
    CourseModule,
    CoursePage,
    CoursePrerequisite,
    CourseSectionPage,
    LessonPage,
)
from ..selectors import course_outline
from . import content

NAMESPACE = uuid.UUID("6f1c3c1e-0b7a-4a53-9a3e-6b1f0d8f2c11")


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def check_block(slug, title, questions, pass_mark, attempts, *, translated=None) -> dict:
    """A knowledge_check stream item with stable ids. ``translated`` replaces the texts
    (same structure, same ids): (title, [(prompt, [(answer, feedback)])])."""
    if translated is not None:
        title = translated[0]
    items = []
    for q_index, (kind, prompt, answers) in enumerate(questions):
        if translated is not None:
            prompt = translated[1][q_index][0]
        answer_items = []
        for a_index, (text, correct, feedback) in enumerate(answers):
            if translated is not None:
                text, feedback = translated[1][q_index][1][a_index]
            answer_items.append(
                {
                    "type": "item",
                    "id": _id(slug, q_index, a_index),
                    "value": {"text": text, "correct": correct, "feedback": feedback},
                }
            )
        items.append(
            {
                "type": "item",
                "id": _id(slug, q_index),
                "value": {"kind": kind, "prompt": prompt, "answers": answer_items},
            }
        )
    return {
        "type": "knowledge_check",
        "id": _id(slug),
        "value": {
            "title": title,
            "intro": "",
            "questions": items,
            "pass_mark": pass_mark,
            "max_attempts": attempts,
        },
    }


def _body(lesson_slug: str, blocks, *, checks_lt=None) -> list[dict]:
    body = []
    for index, block in enumerate(blocks):
        kind = block[0]
        if kind == "p":
            body.append({"type": "paragraph", "id": _id(lesson_slug, index), "value": block[1]})
        elif kind == "callout":
            _kind, tone, heading, text = block
            body.append(
                {
                    "type": "callout",
                    "id": _id(lesson_slug, index),
                    "value": {"tone": tone, "heading": heading, "text": text},
                }
            )
        elif kind == "check":
            _kind, slug, title, questions, pass_mark, attempts = block
            translated = (checks_lt or {}).get(slug) if checks_lt is not None else None
            body.append(
                check_block(slug, title, questions, pass_mark, attempts, translated=translated)
            )
    return body


def _test(spec, *, title=None, questions_lt=None) -> list[dict]:
    if spec is None:
        return []
    slug, en_title, questions, pass_mark, attempts = spec
    translated = None
    if questions_lt is not None:
        translated = (title or en_title, questions_lt)
    return [check_block(slug, en_title, questions, pass_mark, attempts, translated=translated)]


def _child(parent, model, slug, *, stray_in=None, **fields):
    """The child page with this slug, created (with ``fields``) if missing, else updated.
    A page with this slug found below ``stray_in`` instead (where an earlier demo put it)
    is moved below ``parent`` first."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None and stray_in is not None and stray_in.pk != parent.pk:
        page = model.objects.child_of(stray_in).filter(slug=slug).first()
        if page is not None:
            page.move(parent, pos="last-child")
            page = model.objects.get(pk=page.pk)
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return page


def _programme_parent(index, slug):
    from programmes.demo import demo_parent

    return demo_parent(index, CourseSectionPage, slug)


def _shared_with(spec):
    from programmes.demo import demo_shared_with

    return demo_shared_with(spec.get("shared_with", []))


def _modules(course, specs, *, titles=None):
    existing = {module.translation_key: module for module in course.modules.all()}
    modules = []
    for order, (key, title, summary) in enumerate(specs):
        translation_key = uuid.UUID(_id(course.slug, "module", key))
        module = existing.get(translation_key) or CourseModule(translation_key=translation_key)
        module.title, module.summary = (titles or {}).get(key, (title, summary))
        module.sort_order = order
        modules.append(module)
    course.modules = modules


def build_course(index, spec, courses_by_slug) -> CoursePage:
    course = _child(
        _programme_parent(index, spec.get("programme")),
        CoursePage,
        spec["slug"],
        stray_in=index,
        title=spec["title"],
        summary=spec["summary"],
        intro=spec["intro"],
        tracks=spec["tracks"],
        sectors=spec["sectors"],
        duration_minutes=spec["duration"],
        outcomes=[  # stable ids: the translations' strings stay attached across runs
            {"type": "outcome", "id": _id(spec["slug"], "outcome", index), "value": text}
            for index, text in enumerate(spec["outcomes"])
        ],
        pre_test=_test(spec.get("pre_test")),
        post_test=_test(spec.get("post_test")),
    )
    _modules(course, spec["modules"])
    course.prerequisites = [
        CoursePrerequisite(course=courses_by_slug[slug]) for slug in spec.get("requires", [])
    ]
    course.shared_with = _shared_with(spec)
    course.save_revision().publish()
    for lesson_spec in spec["lessons"]:
        lesson = _child(
            course,
            LessonPage,
            lesson_spec["slug"],
            title=lesson_spec["title"],
            summary=lesson_spec["summary"],
            duration_minutes=lesson_spec["minutes"],
            module_key=uuid.UUID(_id(course.slug, "module", lesson_spec["module"])),
            body=_body(lesson_spec["slug"], lesson_spec["body"]),
        )
        lesson.save_revision().publish()
    today = timezone.localdate()
    for title, starts_in, length in spec.get("cohorts", []):
        CohortRun.objects.update_or_create(
            course=course,
            title=title,
            defaults={
                "starts_on": today + timedelta(days=starts_in),
                "ends_on": today + timedelta(days=starts_in + length),
            },
        )
    return course


def _answers_for(state_check, right: int | None = None) -> dict:
    """Answers to a check: the correct ones, or the first ``right`` questions correct and the
    rest wrong (for a believable pre-test score)."""
    answers = {}
    for position, question in enumerate(state_check.questions):
        correct = sorted(question.correct_ids)
        if right is not None and position >= right:
            wrong = sorted(question.answer_ids - question.correct_ids)
            answers[question.id] = wrong[:1] or correct
        else:
            answers[question.id] = correct
    return answers


def enrol_learners(courses_by_slug, stdout, learners=content.LEARNERS) -> None:
    for email, slug, cohort_title, lessons, pre_right, post in learners:
        person = User.objects.filter(email=email).first()
        course = courses_by_slug[slug]
        if person is None:
            continue
        cohort = CohortRun.objects.filter(course=course, title=cohort_title).first()
        try:
            enrolment, _created = services.enrolment_create(
                course=course, person=person, cohort=cohort, source=EnrolmentSource.ORGANISER
            )
        except Exception as error:  # a demo learner who cannot enrol is reported, not fatal
            stdout.write(f"  {email} not enrolled in {slug}: {error}")
            continue
        if enrolment.completed_at is not None:
            continue
        done = set(enrolment.completions.values_list("lesson_key", flat=True))
        tried = set(enrolment.attempts.values_list("check_key", flat=True))
        pre = course.test_block(CheckKind.PRE_TEST)
        if pre is not None and pre_right is not None and str(pre.id) not in tried:
            check = check_from_block(pre, kind=CheckKind.PRE_TEST)
            services.check_submit(
                enrolment=enrolment,
                page=course,
                block_id=check.id,
                data=_answers_for(check, pre_right),
            )
        outline = course_outline(course=course, with_body=True)
        targets = outline.lessons if lessons == "all" else outline.lessons[:lessons]
        for entry in targets:
            lesson = entry.page
            if lesson.translation_key in done:
                continue
            checks = lesson.check_blocks()
            if not checks:
                services.lesson_complete(enrolment=enrolment, lesson=lesson, course=course)
            for block in checks:
                check = check_from_block(block)
                services.check_submit(
                    enrolment=enrolment,
                    page=lesson,
                    block_id=check.id,
                    data=_answers_for(check),
                    course=course,
                )
        post_block = course.test_block(CheckKind.POST_TEST)
        if post and post_block is not None:
            check = check_from_block(post_block, kind=CheckKind.POST_TEST)
            services.check_submit(
                enrolment=enrolment, page=course, block_id=check.id, data=_answers_for(check)
            )


def course_catalogue() -> CourseIndexPage:
    """The catalogue below the home page, created or brought up to date (and published)."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = _child(
        home,
        CourseIndexPage,
        "courses",
        title="Courses",
        show_in_menus=True,
        intro=(
            "<p>Courses for every sector of a coordinated response to violence against women, "
            "and for community mentors. Learn at your own pace or with a cohort, in your "
            "language where the course is translated, and earn a certificate anyone can "
            "verify.</p>"
        ),
    )
    index.save_revision().publish()
    return index


def load_demo_course_catalogue(*, stdout) -> None:
    index = course_catalogue()
    stdout.write(f"Courses: the catalogue at {index.url}")


def load_demo_courses(*, stdout) -> None:
    index = course_catalogue()
    courses: dict[str, CoursePage] = {}
    for spec in content.COURSES:
        courses[spec["slug"]] = build_course(index, spec, courses)
    languages.course_translate(
        courses["coordinated-response"], content.COORDINATED, content.COORDINATED_LT, "lt"
    )
    enrol_learners(courses, stdout)
    _tidy()
    ids = [course.pk for course in courses.values()]
    for course in CoursePage.objects.filter(pk__in=ids).order_by("path"):  # addresses after _tidy
        stdout.write(f"  course {course.title} at {course.url}")
    stdout.write(f"Courses: {len(courses)} demo courses at {index.url}")


def _tidy() -> None:
    """Sections take their programme's slug once a course an earlier demo left in the
    catalogue has moved out of the way (in every language)."""
    from programmes.demo import demo_section_slugs_tidy

    for index in CourseIndexPage.objects.all():
        demo_section_slugs_tidy(index, CourseSectionPage)


register_demo_step(load_demo_course_catalogue, order=110)
register_demo_step(load_demo_courses, order=200)

# The programmes' own courses, and the courses in their programmes' languages: steps of
# their own (imported here, where autodiscovery finds the demo).
from . import languages, programme_courses  # noqa: E402, F401
