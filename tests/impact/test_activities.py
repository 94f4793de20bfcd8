"""The activities registry (``impact.activities``): the kinds the feature apps declare, the
names of activities in the reader's language (never a person's), and what an organiser may
limit an indicator to: their programme's own courses, events and campaigns, each once."""

from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation

from wagtail.models import Locale

import pytest

from impact import activities
from impact.activities import (
    activity_kind_choices,
    activity_kind_labels,
    activity_labels,
    activity_options,
    page_titles,
    register_activity_kinds,
    register_activity_labeller,
    register_activity_options,
)
from tests.factories import OrganisationFactory
from tests.factories.events import event_page, programme_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    """The registry as the apps left it, restored after a test that registers its own."""
    saved = (
        list(activities._kind_groups),
        dict(activities._labellers),
        dict(activities._option_providers),
    )
    yield
    activities._kind_groups[:] = saved[0]
    activities._labellers.clear()
    activities._labellers.update(saved[1])
    activities._option_providers.clear()
    activities._option_providers.update(saved[2])


def ct(model) -> ContentType:
    return ContentType.objects.get_for_model(model)


# --- Kinds ----------------------------------------------------------------------------------------


def test_each_feature_app_declares_its_activity_kinds_as_one_group():
    grouped = {
        str(group): [value for value, _label in choices]
        for group, choices in activity_kind_choices()
    }

    assert grouped == {
        "Courses": ["course"],
        "Events": [
            "training",
            "coordination_meeting",
            "conference",
            "public_debate",
            "webinar",
            "community_session",
            "study_visit",
        ],
        "Mentoring": [
            "mentoring_support",
            "mentoring_networking",
            "mentoring_training",
            "mentor_approval",
        ],
        "Campaigns": ["campaign"],
    }
    assert activity_kind_labels()["coordination_meeting"] == "Coordination meeting"


def test_registering_a_group_again_replaces_it(registry):
    register_activity_kinds("Visits", [("home_visit", "Home visit")])
    register_activity_kinds("Outreach", [("home_visit", "Visit at home"), ("stall", "Stall")])

    assert activity_kind_choices()[-1] == (
        "Outreach",
        [("home_visit", "Visit at home"), ("stall", "Stall")],
    )
    assert "Visits" not in [group for group, _choices in activity_kind_choices()]


# --- Labels ---------------------------------------------------------------------------------------


@pytest.fixture
def training(programme):
    return event_page(title="Risk assessment training", start_date=date(2026, 3, 2))


@pytest.fixture
def lithuanian(db):
    return Locale.objects.get_or_create(language_code="lt")[0]


def translate(page, locale, title: str):
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    translated.save_revision().publish()
    return translated


def test_a_page_is_named_by_its_title_in_the_readers_language(training, lithuanian):
    translate(training, lithuanian, "Rizikos vertinimo mokymai")
    pair = (training.content_type_id, str(training.pk))

    with translation.override("lt"):
        in_lithuanian = activity_labels([pair])
    with translation.override("sq"):
        untranslated = activity_labels([pair])

    assert in_lithuanian == {pair: "Rizikos vertinimo mokymai"}
    assert untranslated == {pair: "Risk assessment training"}


def test_a_translation_not_yet_published_is_not_used(training, lithuanian):
    translated = training.copy_for_translation(lithuanian, copy_parents=True)
    translated.title = "Juodraštis"
    translated.save_revision()  # a draft: not live

    with translation.override("lt"):
        assert page_titles([training.pk]) == {str(training.pk): "Risk assessment training"}


def test_mentoring_is_named_by_kind_and_date_never_by_a_person(programme):
    from mentors.models import MentoringSession, MentorProfile
    from tests.factories.mentors import mentor_make

    mentor = mentor_make(programme=programme)
    MentorProfile.objects.filter(pk=mentor.pk).update(
        approved_at=timezone.make_aware(datetime(2026, 3, 2, 12))
    )
    session = MentoringSession.objects.create(
        mentor=mentor,
        kind="networking",
        date=date(2026, 3, 4),
        duration_minutes=60,
        format="in_person",
        topic="Meeting at the community centre",
    )
    session_pair = (ct(MentoringSession).pk, str(session.pk))
    mentor_pair = (ct(MentorProfile).pk, str(mentor.pk))

    labels = activity_labels([session_pair, mentor_pair])

    assert labels == {
        session_pair: f"Mentoring: community networking session · {long_date(2026, 3, 4)}",
        mentor_pair: f"Mentor approved on {long_date(2026, 3, 2)}",
    }


def long_date(*day) -> str:
    from django.utils.formats import date_format

    return date_format(date(*day))


def test_anything_else_is_named_by_its_type_and_id_never_by_str(db):
    organisation = OrganisationFactory(name="Basic Court of Gjilan/Gnjilane")
    pair = (ct(organisation).pk, str(organisation.pk))

    assert activity_labels([pair]) == {pair: f"Organisation #{organisation.pk}"}


def test_an_activity_gone_gets_the_fallback_label(training):
    gone = (training.content_type_id, "999999")

    assert activity_labels([gone]) == {gone: "Event #999999"}


def test_a_registered_labeller_gets_the_ids_of_its_model(registry, db):
    organisation = OrganisationFactory(name="Shelter")
    asked = []

    def labeller(ids):
        asked.append(ids)
        return {pk: f"Partner {pk}" for pk in ids}

    register_activity_labeller("people.Organisation", labeller)
    pair = (ct(organisation).pk, str(organisation.pk))

    assert activity_labels([pair, pair]) == {pair: f"Partner {organisation.pk}"}
    assert asked == [[str(organisation.pk)]]


@pytest.mark.parametrize("count", [1, 3])
def test_labels_take_one_query_for_all_pages_and_one_per_other_model(
    count, programme, django_assert_num_queries
):
    from mentors.models import MentoringSession
    from tests.factories.campaigns import campaign_page
    from tests.factories.mentors import mentor_make

    mentor = mentor_make(programme=programme)
    pairs = []
    for n in range(count):
        event = event_page(title=f"Training {n}")
        campaign = campaign_page(title=f"Campaign {n}")
        session = MentoringSession.objects.create(
            mentor=mentor,
            kind="support",
            date=date(2026, 3, 4),
            duration_minutes=60,
            format="in_person",
            topic="Visit",
        )
        pairs += [
            (event.content_type_id, str(event.pk)),
            (campaign.content_type_id, str(campaign.pk)),
            (ct(MentoringSession).pk, str(session.pk)),
        ]
    activity_labels(pairs)  # content types cached, as in any running process

    with django_assert_num_queries(2):
        labels = activity_labels(pairs)

    assert len(labels) == 3 * count


# --- Options --------------------------------------------------------------------------------------


@pytest.fixture
def course_section(programme, home_page):
    from courses.models import CourseIndexPage, CourseSectionPage
    from programmes.sections import programme_sections_ensure, section_for

    index = home_page.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    index.save_revision().publish()
    programme_sections_ensure(programme=programme)
    return section_for(programme=programme, section_model=CourseSectionPage)


def course_in(section, title: str):
    from courses.models import CoursePage

    course = section.add_child(
        instance=CoursePage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            summary="About it",
            tracks=["professional"],
            duration_minutes=60,
        )
    )
    course.save_revision().publish()
    return course


def test_an_organiser_may_choose_her_programmes_courses_events_and_campaigns_each_once(
    course_section, programme, other_programme, lithuanian
):
    from tests.factories.campaigns import campaign_page

    course = course_in(course_section, "Joint risk assessment")
    meeting = event_page(title="Coordination meeting", start_time=time(9, 0))
    training = event_page(title="Anti-trafficking training")
    translate(training, lithuanian, "Mokymai apie prekybą žmonėmis")
    shared = event_page(programme_section(other_programme), title="Balkan conference")
    shared.shared_with.add(programme)
    shared.save()
    event_page(programme_section(other_programme), title="Not ours")
    campaign = campaign_page(title="16 Days of Activism")

    options = activity_options(programme)

    event_type = ct(type(training))
    assert options == [
        (ct(type(course)), str(course.pk), "Joint risk assessment"),
        (event_type, str(training.pk), "Anti-trafficking training"),
        (event_type, str(shared.pk), "Balkan conference"),
        (event_type, str(meeting.pk), "Coordination meeting"),
        (ct(type(campaign)), str(campaign.pk), "16 Days of Activism"),
    ]
    with translation.override("lt"):
        in_lithuanian = {pk: label for _type, pk, label in activity_options(programme)}
    assert in_lithuanian[str(training.pk)] == "Mokymai apie prekybą žmonėmis"


def test_options_come_from_every_provider_registered_once(registry, programme):
    organisation = OrganisationFactory(name="Shelter")

    def partners(programme):
        return [(ct(organisation), str(organisation.pk), "Shelter")]

    register_activity_options(partners)
    register_activity_options(partners)  # ready() twice

    assert activity_options(programme) == [(ct(organisation), str(organisation.pk), "Shelter")]
