"""The demo events in their programmes' working languages (programmes/demo.py).

An event is translated through wagtail-localize, the way an editor would in its editor:
its section's title, then the event's title, summary, description, interpretation and
registration questions (translations.py). Everything else (dates, the time zone, the
venue, the places) stays the original's: wagtail-localize keeps those in step with it, and
registrations belong to the original (``EventPage.original``).

A step of its own, after the events (order 300)."""

from wagtail.models import Locale

from home.demo_data import register_demo_step

from ..models import EventPage
from . import _questions, content
from .study_visit import STUDY_VISIT
from .translations import TRANSLATIONS


def _spec(slug: str) -> dict:
    return next(
        spec
        for spec in (*content.MEETINGS, *content.EVENTS, *content.DEBATES, STUDY_VISIT)
        if spec["slug"] == slug
    )


def _questions_in(spec: dict, translated: dict) -> list[tuple]:
    """The event's registration questions, each with its label, help text and choices
    from ``translated`` (by key) where given."""
    result = []
    for key, label, kind, choices, required, help_text in spec.get("questions", []):
        label, help_text, choices = translated.get(key, (label, help_text, choices))
        result.append((key, label, kind, choices, required, help_text))
    return result


def event_translate(page: EventPage, spec: dict, texts: dict, language_code: str):
    """``page`` (built from ``spec``) in ``language_code``, from ``texts``. None when the
    language has no locale."""
    from programmes.demo import demo_section_translate, demo_translate

    demo_section_translate(page, language_code, texts.get("section_title"))

    def event_texts(copy: EventPage) -> None:
        copy.title = texts["title"]
        copy.summary = texts["summary"]
        copy.body = texts["body"]
        copy.interpretation = texts["interpretation"]
        copy.questions = _questions(page.slug, _questions_in(spec, texts.get("questions", {})))

    return demo_translate(page, language_code, event_texts)


def load_demo_event_languages(*, stdout) -> None:
    """Each programme's event in a working language other than English (TRANSLATIONS),
    where the event and the language exist."""
    default = Locale.get_default()
    for slug, language_code, texts in TRANSLATIONS:
        page = EventPage.objects.filter(slug=slug, locale=default).first()
        if page is None:
            continue
        translated = event_translate(page.specific, _spec(slug), texts, language_code)
        if translated is not None:
            stdout.write(f"  event {translated.title} at {translated.url}")
    stdout.write(f"Events: {len(TRANSLATIONS)} events in their programmes' languages")


register_demo_step(load_demo_event_languages, order=310)
