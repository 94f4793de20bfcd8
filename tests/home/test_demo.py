"""`manage.py linkage_demo` with every app's demo steps: the five programmes, their
organisers, each programme's courses and events in its own sections, people who take part
in two programmes, the organiser guide, and every page in every language (the navigation
pages translated, the rest aliases). The command runs twice, once per class (it takes a
while): everything below must hold after the second run."""

from io import StringIO

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db.models import Exists, OuterRef
from django.test import TestCase

from wagtail.models import Locale, Page, Site

from courses.models import CoursePage, CourseSectionPage, Enrolment
from events.models import EventPage, EventSectionPage, Registration
from people.enums import Role
from people.models import User
from people.roles import user_role
from programmes import selectors
from programmes.models import Programme
from programmes.sections import section_for
from programmes.selectors import people_visible_to, scope_for

SLUGS = ["communitylinkage", "coordinated-response", "kosovo", "lithuania", "see-coalition"]

# Rows a second run may add: each run publishes a new revision of every demo page, and
# wagtail-localize logs each update of a translation.
HISTORY = {"wagtailcore.Revision", "wagtailcore.PageLogEntry", "wagtail_localize.TranslationLog"}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.label not in HISTORY and model._meta.app_label != "sessions"
    }


def _organiser(slug: str) -> User:
    return User.objects.get(email=f"organiser.{slug}@linkage.local")


class TestDemo(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("linkage_demo", stdout=StringIO())
        cls.after_first = _counts()
        output = StringIO()
        call_command("linkage_demo", stdout=output)
        cls.after_second = _counts()
        cls.output = output.getvalue()

    def test_a_second_run_adds_nothing_but_page_revisions(self):
        assert self.after_second == self.after_first
        assert {
            "programmes": self.after_second["programmes.Programme"],
            "course sections": self.after_second["courses.CourseSectionPage"],
            "event sections": self.after_second["events.EventSectionPage"],
        } == {
            "programmes": 5,
            # Each programme's section in every language (a translation or an alias).
            "course sections": 5 * len(LANGUAGES),
            "event sections": 5 * len(LANGUAGES),
        }

    def test_the_five_programmes_each_have_an_organiser_who_runs_only_that_one(self):
        organised = {
            slug: list(_organiser(slug).organised_programmes.values_list("slug", flat=True))
            for slug in SLUGS
        }

        assert sorted(Programme.objects.values_list("slug", flat=True)) == SLUGS
        assert organised == {slug: [slug] for slug in SLUGS}
        for slug in SLUGS:
            organiser = _organiser(slug)
            programme = Programme.objects.get(slug=slug)
            assert user_role(organiser) == Role.ORGANISER
            assert list(programme.group.user_set.filter(pk=organiser.pk)) == [organiser]

    def test_the_first_demo_organiser_still_runs_the_lithuanian_programme(self):
        organiser = User.objects.get(email="organiser@linkage.local")

        assert user_role(organiser) == Role.ORGANISER
        assert list(organiser.organised_programmes.values_list("slug", flat=True)) == ["lithuania"]

    def test_each_programme_has_what_its_description_gives(self):
        kosovo = Programme.objects.get(slug="kosovo")
        partnership = Programme.objects.get(slug="communitylinkage")

        assert (kosovo.time_zone, kosovo.countries, kosovo.lead_organisation is not None) == (
            "Europe/Belgrade",
            ["XK"],
            True,
        )
        assert partnership.grant_number == "101049734"
        assert sorted(partnership.countries) == ["ES", "GR", "IT", "SI"]
        assert partnership.partner_organisations.count() == 3
        for programme in Programme.objects.all():
            assert programme.funder and programme.grant_number and programme.languages
            assert programme.starts_on < programme.ends_on
            assert programme.collection is not None and programme.group is not None

    def test_each_programme_has_a_live_course_and_a_live_event_in_its_sections(self):
        found = {}
        for programme in Programme.objects.all():
            courses = CoursePage.objects.live().child_of(
                section_for(programme=programme, section_model=CourseSectionPage)
            )
            events = EventPage.objects.live().child_of(
                section_for(programme=programme, section_model=EventSectionPage)
            )
            found[programme.slug] = (
                courses.filter(programme=programme).exists(),
                events.filter(programme=programme).exists(),
            )

        assert found == {slug: (True, True) for slug in SLUGS}

    def test_the_shared_course_belongs_to_the_curriculum_and_is_run_by_lithuania_and_kosovo(
        self,
    ):
        english = CoursePage.objects.get(slug="coordinated-response", locale__language_code="en")
        lithuanian = english.get_translation(Locale.objects.get(language_code="lt"))

        assert (english.url, lithuanian.url) == (
            "/courses/coordinated-response/coordinated-response/",
            "/lt/kursai/coordinated-response/coordinated-response/",
        )
        for course in (english, lithuanian):
            assert course.programme.slug == "coordinated-response"
            assert sorted(course.shared_with.values_list("slug", flat=True)) == [
                "kosovo",
                "lithuania",
            ]

    def test_translated_courses_sit_in_their_programmes_translated_sections(self):
        translated = (
            CoursePage.objects.exclude(locale=Locale.get_default())
            .filter(alias_of__isnull=True)
            .select_related("locale")
        )
        places = {}
        for course in translated:
            section = course.get_parent().specific
            places[course.locale.language_code] = (
                type(section),
                section.locale_id == course.locale_id,
                section.programme_id == course.programme_id,
                course.live,
            )

        assert places == {
            code: (CourseSectionPage, True, True, True) for code in ("fa", "lt", "mk", "sq")
        }

    def test_every_page_is_in_every_language(self):
        originals = Page.objects.filter(
            locale=Locale.get_default(), depth__gt=1, alias_of__isnull=True
        )
        missing = {
            code: originals.exclude(
                translation_key__in=Page.objects.filter(
                    locale__language_code=code, live=True
                ).values("translation_key")
            ).count()
            for code in LANGUAGES
        }

        assert originals.count() > 50
        assert missing == {code: 0 for code in LANGUAGES}

    def test_the_navigation_pages_are_translated_into_every_language_segment_by_segment(self):
        from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

        home = Site.objects.get(is_default_site=True).root_page
        pages = [home, *home.get_children().in_menu()]
        found = {}
        for page in pages:
            source = TranslationSource.objects.get(
                object_id=page.translation_key, locale=page.locale
            )
            segments = StringSegment.objects.filter(source=source)
            for code in LANGUAGES[1:]:
                version = page.get_translation(Locale.objects.get(language_code=code))
                untranslated = segments.exclude(
                    Exists(
                        StringTranslation.objects.filter(
                            translation_of=OuterRef("string"),
                            context=OuterRef("context"),
                            locale__language_code=code,
                        )
                    )
                )
                found[page.slug, code] = (
                    version.alias_of_id,
                    version.live,
                    list(untranslated.values_list("string__data", flat=True)),
                )

        assert [page.slug for page in pages] == [
            "home",
            "about",
            "privacy",
            "courses",
            "events",
            "campaigns",
        ]
        assert found == {key: (None, True, []) for key in found}

    def test_each_organiser_sees_exactly_their_programmes_courses_and_events(self):
        def visible(slug):
            scope = scope_for(_organiser(slug))
            courses = scope.filter(
                CoursePage.objects.filter(locale=Locale.get_default()), "programme", "shared_with"
            )
            events = scope.filter(
                EventPage.objects.filter(locale=Locale.get_default()), "programme", "shared_with"
            )
            return sorted(courses.values_list("slug", flat=True)), sorted(
                events.values_list("slug", flat=True)
            )

        assert visible("lithuania") == (
            ["coordinated-response", "trauma-informed-interviewing"],
            [
                "16-days-debate-vilnius",
                "regional-coordination-kaunas",
                "specialised-help-centres-national-conference",
            ],
        )
        assert visible("kosovo") == (
            ["coordinated-response", "coordination-mechanism-essentials"],
            [
                "16-days-debate-gjakova",
                "16-days-debate-gjilan",
                "coordination-mechanism-gjakova",
                "coordination-mechanism-gjilan",
            ],
        )
        assert visible("coordinated-response") == (
            ["coordinated-response"],
            ["joint-risk-assessment-kaunas"],
        )
        assert visible("communitylinkage") == (
            ["community-mentor-foundations"],
            [
                "community-networking-palermo",
                "mentors-train-professionals-barcelona",
                "working-with-interpreters-webinar",
            ],
        )
        assert visible("see-coalition") == (
            ["trafficking-identification-and-referral"],
            [
                "16-days-debate-belgrade",
                "local-action-plan-workshop-skopje",
                "study-visit-brussels",
                "trafficking-identification-belgrade",
            ],
        )

    def test_some_people_take_part_in_two_programmes(self):
        def programmes_of(email):
            person = User.objects.get(email=email)
            keys = Enrolment.objects.filter(person=person).values("course_key")
            courses = CoursePage.objects.filter(translation_key__in=keys)
            events = EventPage.objects.filter(
                pk__in=Registration.objects.filter(person=person).values("event_id")
            )
            return sorted(
                {*courses.values_list("programme__slug", flat=True)}
                | {*events.values_list("programme__slug", flat=True)}
            )

        assert programmes_of("police@linkage.local") == ["coordinated-response", "lithuania"]
        assert programmes_of("social@linkage.local") == [
            "communitylinkage",
            "coordinated-response",
            "kosovo",
            "see-coalition",
        ]
        assert programmes_of("mentor.fatima@linkage.local") == ["communitylinkage"]

    def test_organisers_see_people_only_through_their_own_programmes(self):
        assert set(selectors._people_sources) == {"courses", "events", "mentors"}

        def sees(slug, email):
            return people_visible_to(_organiser(slug)).filter(email=email).exists()

        # police@ registered for a Lithuanian meeting and for the curriculum's training;
        # justice@ only for Kosovo, coalition and CommunityLinkage events.
        assert {
            "lithuania sees police": sees("lithuania", "police@linkage.local"),
            "curriculum sees police": sees("coordinated-response", "police@linkage.local"),
            "lithuania sees justice": sees("lithuania", "justice@linkage.local"),
            "kosovo sees justice": sees("kosovo", "justice@linkage.local"),
            "kosovo sees olena": sees("kosovo", "mentor.olena@linkage.local"),
            "kosovo sees fatima": sees("kosovo", "mentor.fatima@linkage.local"),
            "partnership sees fatima": sees("communitylinkage", "mentor.fatima@linkage.local"),
        } == {
            "lithuania sees police": True,
            "curriculum sees police": True,
            "lithuania sees justice": False,
            "kosovo sees justice": True,
            "kosovo sees olena": False,
            "kosovo sees fatima": False,
            "partnership sees fatima": True,
        }

    def test_the_organiser_guide_is_live_at_its_address(self):
        guide = Page.objects.get(url_path="/home/organiser-guide/").specific
        response = self.client.get("/organiser-guide/")

        assert (guide.live, guide.show_in_menus, response.status_code) == (True, False, 200)
        headings = [block.value for block in guide.body if block.block_type == "heading"]
        assert "Events that repeat" in headings and "What you can and cannot see" in headings
        assert "every 2 months on the second Tuesday" in response.content.decode()

    def test_the_output_names_each_organisers_programme(self):
        lines = self.output.splitlines()

        for slug in SLUGS:
            assert f"  organiser.{slug}@linkage.local (organiser: {slug})" in lines
        assert "  organiser@linkage.local (organiser: lithuania)" in lines
