"""The demo's programmes in their own languages (programmes/demo.py, courses/demo/languages.py,
events/demo/languages.py): each programme works in the languages its description gives, and
has a live course and a live event translated through wagtail-localize into one of them
other than English, each answering in that language at its own address.

The demo runs once for the class (it takes a while), every language's tree is synchronised
from English (as `linkage_demo` does), and then the translation steps run again: what is
checked below must hold after that second run."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.utils.html import escape

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from core.locales import locales_ensure
from courses.demo.languages import load_demo_course_languages
from courses.models import CoursePage, LessonPage
from events.demo.languages import load_demo_event_languages
from events.models import EventPage
from programmes.models import Programme

# The languages each programme's description (shared/domain/) gives it.
LANGUAGES = {
    "communitylinkage": ["en", "es", "it", "el", "sl", "ar", "fa", "uk"],
    "coordinated-response": ["en", "lt", "sq", "sr-latn"],
    "kosovo": ["sq", "sr-latn", "en"],
    "lithuania": ["lt", "en"],
    "see-coalition": ["en", "mk", "sr-latn", "sq"],
}
# Each event's own zone, by its country (Kosovo's clock is the tz database's Belgrade).
ZONES = {
    "LT": "Europe/Vilnius",
    "XK": "Europe/Belgrade",
    "MK": "Europe/Skopje",
    "ES": "Europe/Madrid",
    "IT": "Europe/Rome",
}
# Segments that are not text to translate.
NOT_TEXT = {"slug", "campaign"}


def _translations(model) -> list[Page]:
    """The pages of ``model`` that are real translations (not aliases) of an English page."""
    return list(
        model.objects.exclude(locale=Locale.get_default())
        .filter(alias_of__isnull=True)
        .select_related("locale", "programme")
        .order_by("path")
    )


def _translated_keys() -> dict[tuple[str, str], int]:
    pages = Page.objects.exclude(locale=Locale.get_default()).filter(alias_of__isnull=True)
    return {
        (str(key), code): pk
        for key, code, pk in pages.values_list("translation_key", "locale__language_code", "pk")
    }


class TestDemoLanguages(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("linkage_demo", stdout=StringIO())
        locales_ensure(sync=True)  # the command's own last step; here so the trees are full
        cls.after_first = _translated_keys()
        cls.pages_after_first = Page.objects.count()
        load_demo_course_languages(stdout=StringIO())
        load_demo_event_languages(stdout=StringIO())

    def test_each_programme_works_in_the_languages_of_its_description(self):
        languages = dict(Programme.objects.values_list("slug", "languages"))

        assert languages == LANGUAGES

    def test_each_programme_has_a_course_and_an_event_in_a_working_language_not_english(self):
        found = {slug: (set(), set()) for slug in LANGUAGES}
        for index, model in enumerate((CoursePage, EventPage)):
            for page in _translations(model):
                if page.live and page.locale.language_code in LANGUAGES[page.programme.slug]:
                    found[page.programme.slug][index].add(page.locale.language_code)

        assert found == {
            "communitylinkage": ({"fa"}, {"es", "it"}),
            "coordinated-response": ({"lt"}, {"lt"}),
            "kosovo": ({"sq"}, {"sq"}),
            "lithuania": ({"lt"}, {"lt"}),
            "see-coalition": ({"mk"}, {"mk"}),
        }

    def test_each_translation_answers_at_its_address_in_its_language(self):
        courses = _translations(CoursePage)
        lessons = [LessonPage.objects.child_of(course).live().first() for course in courses]
        answers = {}
        for page in [*courses, *lessons, *_translations(EventPage)]:
            code = page.locale.language_code
            original = page.get_translation(Locale.get_default())
            response = self.client.get(page.url)
            content = response.content.decode()
            answers[page.url] = (
                response.status_code,
                page.url.startswith(f"/{code}/"),
                f'<html lang="{code}"' in content,
                escape(page.title) in content,
                page.title != original.title,
            )

        assert len(answers) == 2 * 5 + 6  # five courses and their first lessons, six events
        assert answers == {url: (200, True, True, True, True) for url in answers}

    def test_translations_are_wagtail_localizes_own_machine_assisted_and_complete(self):
        untranslated = {}
        for page in [*_translations(CoursePage), *_translations(EventPage)]:
            original = page.get_translation(Locale.get_default())
            source = TranslationSource.objects.get(
                object_id=page.translation_key, locale=original.locale
            )
            segments = source.stringsegment_set.exclude(context__path__in=NOT_TEXT)
            kinds = {
                (string, context): kind
                for string, context, kind in StringTranslation.objects.filter(
                    locale=page.locale,
                    translation_of__in=segments.values("string"),
                    context__in=segments.values("context"),
                ).values_list("translation_of_id", "context_id", "translation_type")
            }
            found = [kinds.get(pair) for pair in segments.values_list("string_id", "context_id")]
            untranslated[page.url] = (
                found.count(None),
                set(found) - {None} == {StringTranslation.TRANSLATION_TYPE_MACHINE},
            )

        assert untranslated == {url: (0, True) for url in untranslated}

    def test_translated_events_keep_the_time_zone_of_their_country(self):
        zones = {
            page.url: (page.time_zone, page.get_translation(Locale.get_default()).time_zone)
            for page in _translations(EventPage)
        }

        assert zones == {
            page.url: (ZONES[page.country], ZONES[page.country])
            for page in _translations(EventPage)
        }

    def test_translating_again_updates_the_same_pages(self):
        assert (_translated_keys(), Page.objects.count()) == (
            self.after_first,
            self.pages_after_first,
        )
