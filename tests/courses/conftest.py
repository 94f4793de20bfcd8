"""Fixtures for the courses tests: a catalogue under the home page, courses built to order
(lessons, modules, knowledge checks, pre- and post-tests) in the ``programme`` fixture's
section of it, learners and an organiser of that programme."""

import uuid

from django.test import Client

from wagtail.models import Locale, Page, Site

import pytest

from courses.enums import QuestionKind, Track
from courses.models import (
    CourseIndexPage,
    CourseModule,
    CoursePage,
    CoursePrerequisite,
    CourseSectionPage,
    LessonPage,
)
from people.enums import Country, Role, Sector
from people.models import Organisation, Region, User
from programmes.sections import programme_sections_ensure, section_for
from tests.factories import OrganisationFactory, RegionFactory, user_with_role


def knowledge_check(
    questions=None,
    *,
    title="Check your understanding",
    pass_mark=100,
    max_attempts=3,
    block_id=None,
) -> dict:
    """A knowledge_check stream item with fresh ids. ``questions``: a list of
    (kind, [(text, correct), ...]); by default one single-choice question."""
    if questions is None:
        questions = [(QuestionKind.SINGLE, [("Right", True), ("Wrong", False)])]
    return {
        "type": "knowledge_check",
        "id": block_id or str(uuid.uuid4()),
        "value": {
            "title": title,
            "intro": "",
            "pass_mark": pass_mark,
            "max_attempts": max_attempts,
            "questions": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "kind": kind,
                        "prompt": f"Question {n}",
                        "answers": [
                            {
                                "type": "item",
                                "id": str(uuid.uuid4()),
                                "value": {
                                    "text": text,
                                    "correct": correct,
                                    "feedback": f"About {text}",
                                },
                            }
                            for text, correct in answers
                        ],
                    },
                }
                for n, (kind, answers) in enumerate(questions, start=1)
            ],
        },
    }


def paragraph(text="<p>Lesson text.</p>") -> dict:
    return {"type": "paragraph", "id": str(uuid.uuid4()), "value": text}


@pytest.fixture
def home(db) -> Page:
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def index(home) -> CourseIndexPage:
    page = CourseIndexPage(title="Courses", slug="courses")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def lt_locale(home) -> Locale:
    """Lithuanian, with the home page translated (as the demo does), so courses can be."""
    locale = Locale.objects.get_or_create(language_code="lt")[0]
    if home.get_translation_or_none(locale) is None:
        home.copy_for_translation(locale).save_revision().publish()
    return locale


class CourseBuilder:
    """Builds published courses: ``build(lessons=3, checks={1}, pre=True, post=True)``."""

    def __init__(self, index):
        self.index = index
        self.count = 0

    def __call__(
        self,
        *,
        title=None,
        lessons=2,
        checks=(),
        pre=False,
        post=False,
        tracks=(Track.PROFESSIONAL,),
        sectors=(),
        modules=("Basics",),
        requires=(),
        post_pass_mark=100,
        post_attempts=3,
        parent=None,
    ) -> tuple[CoursePage, list[LessonPage]]:
        self.count += 1
        title = title or f"Course {self.count}"
        course = CoursePage(
            title=title,
            slug=f"course-{uuid.uuid4().hex[:8]}",
            summary=f"About {title}",
            tracks=list(tracks),
            sectors=list(sectors),
            duration_minutes=90,
            pre_test=[knowledge_check(title="Pre-test", pass_mark=0, max_attempts=1)]
            if pre
            else [],
            post_test=[
                knowledge_check(
                    title="Post-test", pass_mark=post_pass_mark, max_attempts=post_attempts
                )
            ]
            if post
            else [],
        )
        course.modules = [CourseModule(title=name, sort_order=i) for i, name in enumerate(modules)]
        course.prerequisites = [CoursePrerequisite(course=required) for required in requires]
        (parent or self.index).add_child(instance=course)
        course.save_revision().publish()
        module_keys = [m.translation_key for m in course.modules.all()]
        pages = []
        for n in range(lessons):
            body = [paragraph()]
            if n in checks:
                body.append(knowledge_check())
            lesson = LessonPage(
                title=f"{title}, lesson {n + 1}",
                slug=f"lesson-{n + 1}",
                body=body,
                module_key=module_keys[n % len(module_keys)] if module_keys else None,
            )
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
            pages.append(lesson)
        return course, pages


@pytest.fixture
def section(index, programme) -> CourseSectionPage:
    """The ``programme`` fixture's section of the catalogue (its organisers' part of it)."""
    programme_sections_ensure(programme=programme)
    return section_for(programme=programme, section_model=CourseSectionPage)


@pytest.fixture
def other_section(index, other_programme) -> CourseSectionPage:
    programme_sections_ensure(programme=other_programme)
    return section_for(programme=other_programme, section_model=CourseSectionPage)


@pytest.fixture
def build_course(section) -> CourseBuilder:
    """Courses in the ``programme`` fixture's section, unless ``parent=`` says otherwise
    (``parent=index`` for a course open to all, outside every programme)."""
    return CourseBuilder(section)


def translate_parents(page, locale) -> None:
    """Translate (and publish) the page's ancestors below the home page into ``locale``,
    so the page itself can be translated."""
    for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.copy_for_translation(locale).save_revision().publish()


@pytest.fixture
def translated_parents(lt_locale):
    return translate_parents


def make_person(email, *, role=Role.PROFESSIONAL, name="Vjosa Berisha", **profile) -> User:
    return user_with_role(
        role,
        email=email,
        profile__display_name=name,
        **{f"profile__{field}": value for field, value in profile.items()},
    )


@pytest.fixture
def welfare_centre(db) -> Organisation:
    return OrganisationFactory(
        name="Centre for Social Welfare Gjilan/Gnjilane",
        country=Country.XK,
        sector=Sector.SOCIAL_SERVICES,
    )


@pytest.fixture
def gjilan(db) -> Region:
    return RegionFactory(name="Gjilan/Gnjilane", country=Country.XK)


@pytest.fixture
def learner(db, welfare_centre, gjilan) -> User:
    return make_person(
        "vjosa@example.org",
        organisation=welfare_centre,
        region=gjilan,
        sector=Sector.SOCIAL_SERVICES,
        country=Country.XK,
    )


@pytest.fixture
def learner_client(learner) -> Client:
    client = Client()
    client.force_login(learner)
    return client


@pytest.fixture
def organiser_client(organiser_with_totp) -> Client:
    client = Client()
    client.force_login(organiser_with_totp)
    return client


def answers_for(check, *, right=True) -> dict[str, list[str]]:
    """Submission data for a checks.Check: all right, or all wrong."""
    data = {}
    for question in check.questions:
        ids = question.correct_ids if right else question.answer_ids - question.correct_ids
        data[question.id] = sorted(ids)[: len(ids) if question.multiple else 1]
    return data


@pytest.fixture
def certificates_issued():
    """How many certificates exist."""
    from certificates.models import Certificate

    return Certificate.objects.count


# Helpers as fixtures, so test modules never import each other (works in any import mode).


@pytest.fixture
def check_block():
    return knowledge_check


@pytest.fixture
def answers():
    return answers_for


@pytest.fixture
def person_factory(db):
    def make(email, **kwargs):
        return make_person(email, **kwargs)

    return make
