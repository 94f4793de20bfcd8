"""The demo courses in their programmes' working languages (programmes/demo.py).

A course is translated through wagtail-localize, the way an editor would in its editor:
its section's title, the course page (texts, modules, pre- and post-test) and each lesson
whose texts are given. A lesson left out stays wagtail-localize's alias of the English one
(the original, with a "not yet available" notice) once the locales are synchronised.

The translated texts follow the English content by position (``_translated_blocks``), so
block, question and answer ids stay those of the original and learners' progress follows
them across languages. The curriculum's Lithuanian and the mechanisms' Albanian are made
with their courses (steps 200 and 210); the other programmes' courses in a step of their
own, after them."""

from wagtail.models import Locale

from home.demo_data import register_demo_step

from ..models import CoursePage, LessonPage
from . import _body, _modules, _test, content


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
    if next(texts, None) is not None:
        raise ValueError("more translated texts than the lesson has blocks")
    return translated


def course_translate(course: CoursePage, spec: dict, texts: dict, language_code: str):
    """``course`` (built from ``spec``) in ``language_code``, from ``texts``: its section's
    title, the course's title, summary, intro, outcomes and modules, its tests
    (``pre_test``/``post_test``: (title, questions)) and its lessons by slug
    ((title, summary, [block texts])), with their checks by slug. None when the language
    has no locale."""
    from programmes.demo import demo_section_translate, demo_translate

    demo_section_translate(course, language_code, texts.get("section_title"))

    def course_texts(page: CoursePage) -> None:
        page.title = texts["title"]
        page.summary = texts["summary"]
        page.intro = texts["intro"]
        page.outcomes = [  # the same blocks, ids and all
            {"type": "outcome", "id": block.id, "value": text}
            for block, text in zip(page.outcomes, texts["outcomes"], strict=True)
        ]
        for field in ("pre_test", "post_test"):
            if texts.get(field):
                title, questions = texts[field]
                setattr(page, field, _test(spec[field], title=title, questions_lt=questions))
        _modules(page, spec["modules"], titles=texts["modules"])

    translated = demo_translate(course, language_code, course_texts)
    if translated is None:
        return None
    for lesson_spec in spec["lessons"]:
        lesson_texts = texts["lessons"].get(lesson_spec["slug"])
        if lesson_texts is None:
            continue
        title, summary, block_texts = lesson_texts
        blocks = _translated_blocks(lesson_spec["body"], block_texts)

        def lesson_texts_set(page, title=title, summary=summary, blocks=blocks) -> None:
            page.title, page.summary = title, summary
            page.body = _body(page.slug, blocks, checks_lt=texts.get("checks", {}))

        lesson = LessonPage.objects.child_of(course).get(slug=lesson_spec["slug"])
        demo_translate(lesson, language_code, lesson_texts_set)
    return translated


def load_demo_course_languages(*, stdout) -> None:
    """Each programme's course in a working language other than English (content.
    TRANSLATIONS), where the course and the language exist."""
    for slug, language_code, texts in content.TRANSLATIONS:
        spec = next(spec for spec in content.ALL_COURSES if spec["slug"] == slug)
        course = CoursePage.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if course is None:
            continue
        translated = course_translate(course, spec, texts, language_code)
        if translated is not None:
            stdout.write(f"  course {translated.title} at {translated.url}")
    stdout.write(f"Courses: {len(content.TRANSLATIONS)} courses in their programmes' languages")


register_demo_step(load_demo_course_languages, order=220)
