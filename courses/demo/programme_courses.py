"""The programmes' own short courses (content.PROGRAMME_COURSES): a step of its own,
after the curriculum courses, so that every demo programme has a course in its section:
the Kosovo mechanisms' course (also in Albanian) and the SE European coalition's."""

from wagtail.models import Locale

from home.demo_data import register_demo_step

from ..models import CoursePage, LessonPage
from . import (
    _body,
    _modules,
    build_course,
    content,
    course_catalogue,
    enrol_learners,
    translated_course,
    translated_parent,
)


def _translated_blocks(blocks, texts) -> list[tuple]:
    """The lesson's blocks with their texts in another language (``texts``: a paragraph's
    text, a callout's (heading, text), in order; checks keep their place and are
    translated by slug)."""
    translated, texts = [], iter(texts)
    for block in blocks:
        if block[0] == "p":
            translated.append(("p", next(texts)))
        elif block[0] == "callout":
            heading, text = next(texts)
            translated.append(("callout", block[1], heading, text))
        else:
            translated.append(block)
    return translated


def translate_plain(course: CoursePage, spec, tr_spec, locale: Locale) -> CoursePage:
    """A course without pre- or post-test in another language: copy_for_translation of
    its catalogue, section, course and lessons, then their texts from ``tr_spec``."""
    titles = {"index": tr_spec["index_title"], "section": tr_spec.get("section_title")}
    parent = translated_parent(course, locale, titles)
    translated = translated_course(course, locale, parent)
    translated.title = tr_spec["title"]
    translated.summary = tr_spec["summary"]
    translated.intro = tr_spec["intro"]
    translated.outcomes = [{"type": "outcome", "value": text} for text in tr_spec["outcomes"]]
    _modules(translated, spec["modules"], titles=tr_spec["modules"])
    translated.save_revision().publish()
    for lesson_spec in spec["lessons"]:
        lesson = LessonPage.objects.child_of(course).get(slug=lesson_spec["slug"])
        lesson_tr = lesson.get_translation_or_none(locale)
        if lesson_tr is None:
            lesson_tr = lesson.copy_for_translation(locale)
        lesson_tr = lesson_tr.specific
        title, summary, texts = tr_spec["lessons"][lesson_spec["slug"]]
        lesson_tr.title, lesson_tr.summary = title, summary
        blocks = _translated_blocks(lesson_spec["body"], texts)
        lesson_tr.body = _body(lesson_spec["slug"], blocks, checks_lt=tr_spec["checks"])
        lesson_tr.save_revision().publish()
    return translated


def load_demo_programme_courses(*, stdout) -> None:
    index = course_catalogue()
    courses = {course.slug: course for course in CoursePage.objects.filter(locale=index.locale)}
    built = [build_course(index, spec, courses) for spec in content.PROGRAMME_COURSES]
    courses.update({course.slug: course for course in built})
    albanian = Locale.objects.filter(language_code="sq").first()
    if albanian is not None:
        translate_plain(
            courses[content.MECHANISMS["slug"]], content.MECHANISMS, content.MECHANISMS_SQ, albanian
        )
    enrol_learners(courses, stdout, content.PROGRAMME_LEARNERS)
    for course in built:
        stdout.write(f"  course {course.title} at {course.url}")
    stdout.write(f"Courses: {len(built)} programme courses")


register_demo_step(load_demo_programme_courses, order=210)
