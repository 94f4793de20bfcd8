"""The activity of every ledger row, as each feature app's own services write it (a course,
an occurrence of an event, a mentoring session or approval, a campaign), the data
migrations that give rows written before the same fields, one anonymous key per deleted
person, and the recount of indicators scheduled after every write commits."""

import importlib
from datetime import time, timedelta

from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

import pytest

from impact import services as ledger
from impact.enums import ParticipationKind
from impact.models import Participation
from impact.services import (
    participation_aggregate_replace,
    participation_anonymise_person,
    participation_record,
    participation_record_many,
)
from people.enums import Role
from tests.factories import OrganisationFactory, RegionFactory, UserFactory, user_with_role
from tests.factories.events import a_date, event_page

pytestmark = pytest.mark.django_db

ACTIVITY = (
    "activity_type",
    "activity_id",
    "activity_key",
    "activity_kind",
    "activity_country",
    "activity_region",
)
COMPLETED = ParticipationKind.COURSE_COMPLETED
ATTENDED = ParticipationKind.EVENT_ATTENDED


def activity(row: Participation) -> tuple:
    row.refresh_from_db()
    return tuple(getattr(row, field) for field in ACTIVITY)


def type_of(model) -> ContentType:
    return ContentType.objects.get_for_model(model)


def activities(**filters) -> list[tuple]:
    """Every row's (kind, subject, activity fields), ordered."""
    fields = ("kind", "subject_key", *(f"{f}_id" if f == "activity_type" else f for f in ACTIVITY))
    return sorted(Participation.objects.filter(**filters).values_list(*fields))


# --- The services' own arguments ----------------------------------------------------------------


@pytest.fixture
def source(db):
    return OrganisationFactory(name="Training: first response to disclosure")


@pytest.fixture
def person(db):
    return user_with_role(Role.PROFESSIONAL)


def test_a_row_without_an_activity_is_its_own_sources(source, person):
    row, _created = participation_record(kind=COMPLETED, source=source, person=person)

    assert activity(row) == (
        type_of(source),
        str(source.pk),
        f"people.organisation:{source.pk}",
        "",
        "",
        "",
    )


def test_an_activity_given_is_recorded_with_its_key_kind_and_place(source, person):
    held = OrganisationFactory(name="Coordination meeting")

    row, _created = participation_record(
        kind=ATTENDED,
        source=source,
        person=person,
        activity=held,
        activity_key="meeting:2026-03-02",
        activity_kind="coordination_meeting",
        activity_country="XK",
        activity_region="Gjilan/Gnjilane",
    )

    assert activity(row) == (
        type_of(held),
        str(held.pk),
        "meeting:2026-03-02",
        "coordination_meeting",
        "XK",
        "Gjilan/Gnjilane",
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"activity_key": "k" * 101},
        {"activity_kind": "k" * 41},
        {"activity_region": "r" * 121},
        {"activity_country": "Atlantis"},
    ],
)
def test_activity_fields_too_long_or_unknown_are_refused(source, person, fields):
    with pytest.raises(ValidationError):
        participation_record(kind=COMPLETED, source=source, person=person, **fields)

    assert Participation.objects.count() == 0


def test_an_unsaved_activity_is_refused(source, person):
    with pytest.raises(ValidationError, match="activity must be a saved object"):
        participation_record(
            kind=COMPLETED, source=source, person=person, activity=type(source)(name="x")
        )


def test_recording_many_shares_the_activity_and_takes_each_entrys_own_key(source):
    people = [user_with_role(Role.PROFESSIONAL) for _ in range(3)]
    sources = [source, OrganisationFactory(name="Second"), OrganisationFactory(name="Third")]
    held = OrganisationFactory(name="The training")
    entries = [
        (sources[0], people[0], None, "training:day-1"),
        (sources[1], people[1], None, ""),  # no key of its own: the shared one
        (sources[2], people[2], None),
    ]

    participation_record_many(
        kind=ATTENDED,
        entries=entries,
        activity=held,
        activity_key="training",
        activity_kind="training",
        activity_country="LT",
    )

    held_type = type_of(held).pk
    assert sorted(
        Participation.objects.values_list(
            "source_id", "activity_type_id", "activity_id", "activity_key", "activity_kind"
        )
    ) == sorted(
        [
            (str(sources[0].pk), held_type, str(held.pk), "training:day-1", "training"),
            (str(sources[1].pk), held_type, str(held.pk), "training", "training"),
            (str(sources[2].pk), held_type, str(held.pk), "training", "training"),
        ]
    )


def test_recording_many_without_an_activity_makes_each_source_its_own(source, person):
    other = OrganisationFactory(name="Other")

    participation_record_many(
        kind=ATTENDED, entries=[(source, person, None), (other, person, None)]
    )

    assert sorted(Participation.objects.values_list("activity_id", "activity_key")) == sorted(
        [
            (str(source.pk), f"people.organisation:{source.pk}"),
            (str(other.pk), f"people.organisation:{other.pk}"),
        ]
    )


def test_a_replaced_aggregate_carries_its_activity(source):
    held = OrganisationFactory(name="The meeting")
    for revision, count in ((1, 4), (2, 6)):
        participation_aggregate_replace(
            kind=ATTENDED,
            source=source,
            count=count,
            aggregate_key=f"walk-ins:r{revision}",
            activity=held,
            activity_kind="coordination_meeting",
        )

    [row] = Participation.objects.all()
    assert (row.count, row.activity_id, row.activity_kind) == (
        6,
        str(held.pk),
        "coordination_meeting",
    )


# --- Courses ------------------------------------------------------------------------------------


@pytest.fixture
def build_course(home_page, programme):
    from courses.models import CourseIndexPage, CourseSectionPage
    from programmes.sections import programme_sections_ensure, section_for
    from tests.courses.conftest import CourseBuilder

    index = CourseIndexPage(title="Courses", slug="courses")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    programme_sections_ensure(programme=programme)
    return CourseBuilder(section_for(programme=programme, section_model=CourseSectionPage))


def complete(course, lesson, person):
    from courses import services

    enrolment, _created = services.enrolment_create(course=course, person=person)
    services.lesson_complete(enrolment=enrolment, lesson=lesson, course=course)


def test_a_course_completion_is_evidence_of_the_course(build_course, person):
    from courses.models import CoursePage

    course, (lesson,) = build_course(lessons=1)

    complete(course, lesson, person)

    row = Participation.objects.get(kind=COMPLETED)
    assert activity(row) == (
        type_of(CoursePage),
        str(course.pk),
        f"courses.coursepage:{course.pk}",
        "course",
        "",
        "",
    )


# --- Events -------------------------------------------------------------------------------------

DAY = a_date(-2)


@pytest.fixture
def kaunas(db):
    return RegionFactory(name="Kaunas", country="LT")


@pytest.fixture
def meeting(programme, kaunas):
    """A coordination meeting in Kaunas, two days ago."""
    return event_page(
        kind="coordination_meeting",
        start_date=DAY,
        start_time=time(10, 0),
        end_time=time(12, 0),
        capacity=None,
        region=kaunas,
    )


def confirmed(event, person):
    from events.models import Registration

    return Registration.objects.create(
        event=event, person=person, status="confirmed", confirmed_at=timezone.now()
    )


def occurrence_activity(event, day, *, kind="coordination_meeting", region="Kaunas") -> tuple:
    return (
        ContentType.objects.get_for_id(event.content_type_id),
        str(event.pk),
        f"events.eventpage:{event.pk}:{day.isoformat()}",
        kind,
        "LT",
        region,
    )


def test_a_check_in_is_evidence_of_the_occurrence_of_the_event(meeting, person):
    from events import services

    services.attendance_check_in(registration=confirmed(meeting, person), occurrence_date=DAY)

    row = Participation.objects.get(kind=ATTENDED)
    assert activity(row) == occurrence_activity(meeting, DAY)


def test_a_sheet_checked_in_gives_each_occurrence_its_own_activity(programme, person):
    from events import services

    first = a_date(-14)
    weekly = event_page(
        kind="training",
        start_date=first,
        start_time=time(10, 0),
        end_time=time(12, 0),
        capacity=None,
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    other = user_with_role(Role.PROFESSIONAL)

    services.attendance_check_in_many(
        event=weekly, rows=[(person, first), (other, first), (person, first + timedelta(days=7))]
    )

    rows = Participation.objects.filter(kind=ATTENDED)
    assert sorted(rows.values_list("activity_key", flat=True)) == sorted(
        [
            f"events.eventpage:{weekly.pk}:{first.isoformat()}",
            f"events.eventpage:{weekly.pk}:{first.isoformat()}",
            f"events.eventpage:{weekly.pk}:{(first + timedelta(days=7)).isoformat()}",
        ]
    )
    assert {activity(row)[3:] for row in rows} == {("training", "LT", "")}


def test_walk_ins_without_an_address_are_evidence_of_the_same_occurrence(meeting, organiser):
    from events import walk_ins

    walk_ins.anonymous_attendance_add(event=meeting, occurrence_date=DAY, count=3, by=organiser)
    walk_ins.anonymous_attendance_set(event=meeting, occurrence_date=DAY, count=5, by=organiser)

    [row] = Participation.objects.filter(kind=ATTENDED)
    assert (row.count, activity(row)) == (5, occurrence_activity(meeting, DAY))


def test_a_translated_events_walk_ins_are_evidence_of_the_original(meeting, organiser):
    from events import walk_ins

    lithuanian = Locale.objects.get_or_create(language_code="lt")[0]
    translated = meeting.copy_for_translation(lithuanian, copy_parents=True)
    translated.save_revision().publish()

    walk_ins.anonymous_attendance_add(event=translated, occurrence_date=DAY, count=2, by=organiser)

    [row] = Participation.objects.filter(kind=ATTENDED)
    assert activity(row) == occurrence_activity(meeting, DAY)


def test_a_study_visit_is_one_activity_of_its_own_type_however_it_is_loaded(programme, person):
    from events import services
    from events.models import EventPage, StudyVisitPage
    from tests.factories.events import programme_section

    visit = StudyVisitPage(
        title="Study visit to Madrid",
        slug="madrid",
        summary="EU training on trafficking and GBV.",
        start_date=DAY,
        start_time=time(9, 0),
        end_time=time(17, 0),
        time_zone="Europe/Madrid",
        country="ES",
        languages=["en"],
        destination="Madrid",
        host_organisations="Fundación ANAR",
    )
    programme_section().add_child(instance=visit)
    visit.save_revision().publish()
    other = user_with_role(Role.PROFESSIONAL)

    # Registrations reach their event as an EventPage; a sheet is imported on the visit.
    services.attendance_check_in(registration=confirmed(visit, person))
    services.attendance_check_in_many(
        event=EventPage.objects.get(pk=visit.pk), rows=[(other, None)]
    )

    expected = (
        type_of(StudyVisitPage),
        str(visit.pk),
        f"events.eventpage:{visit.pk}:{DAY.isoformat()}",
        "study_visit",
        "ES",
        "",
    )
    assert [activity(row) for row in Participation.objects.all()] == [expected, expected]


# --- Mentors ------------------------------------------------------------------------------------


def mentor_track_done(profile):
    """The ledger row a completed mentor-track course writes."""
    from wagtail.models import Site

    from courses.models import CourseIndexPage, CoursePage

    home = Site.objects.get(is_default_site=True).root_page.specific
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = index.add_child(
        instance=CoursePage(
            title="Community mentor foundations",
            slug="mentor-track",
            summary="About it",
            tracks=["mentor"],
            duration_minutes=60,
            programme=profile.programme,
        )
    )
    course.save_revision().publish()
    participation_record(
        kind=COMPLETED, source=course, person=profile.person, programmes=[profile.programme_id]
    )


def session_data(kind, **overrides) -> dict:
    data = {
        "kind": kind,
        "size": "group" if kind != "support" else "one_to_one",
        "date": timezone.localdate(),
        "duration_minutes": 60,
        "format": "in_person",
        "topic": "Visit to the health centre",
    }
    data.update(overrides)
    return data


def test_a_mentors_approval_is_evidence_of_her_profile_in_her_country(programme, organiser):
    from mentors import services
    from mentors.enums import MentorStatus
    from mentors.models import MentorProfile
    from tests.factories.mentors import mentor_make

    profile = mentor_make(programme=programme, status=MentorStatus.IN_TRAINING)
    mentor_track_done(profile)

    services.mentor_approve(profile=profile, by=organiser)

    row = Participation.objects.get(kind=ParticipationKind.MENTOR_EMPOWERED)
    assert activity(row) == (
        type_of(MentorProfile),
        str(profile.pk),
        f"mentors.mentorprofile:{profile.pk}",
        "mentor_approval",
        "ES",
        "",
    )


def test_every_row_of_a_support_session_is_evidence_of_the_session(programme):
    from mentors import services
    from mentors.models import MentoringSession
    from tests.factories.mentors import RequestFactory, match_make, mentor_make

    barcelona = RegionFactory(name="Barcelona", country="ES")
    match = match_make(
        mentor=mentor_make(programme=programme),
        request=RequestFactory(programme=programme, region=barcelona),
    )

    session = services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data("support", women_new=0),
        match=match,
        support_counts={"emotional": 1},
    )

    expected = (
        type_of(MentoringSession),
        str(session.pk),
        f"mentors.mentoringsession:{session.pk}",
        "mentoring_support",
        "ES",
        "Barcelona",
    )
    rows = Participation.objects.order_by("kind")
    assert [row.kind for row in rows] == ["mentoring_session", "women_supported"]
    assert [activity(row) for row in rows] == [expected, expected]
    # The woman's row keeps its own source (her request, so she counts once).
    assert rows[1].source == match.request


def test_networking_and_training_sessions_are_evidence_of_themselves(programme):
    from mentors import services
    from tests.factories.mentors import mentor_make

    mentor = mentor_make(programme=programme, countries=["IT"])
    professional = user_with_role(Role.PROFESSIONAL, email="trained@example.org")

    networking = services.session_log(
        mentor=mentor,
        by=mentor.person,
        data=session_data("networking", anonymous_count=4),
    )
    training = services.session_log(
        mentor=mentor,
        by=mentor.person,
        data=session_data("training"),
        participant_emails=["trained@example.org"],
    )

    assert sorted(
        Participation.objects.values_list(
            "kind", "activity_id", "activity_kind", "activity_country"
        )
    ) == sorted(
        [
            ("community_networking", str(networking.pk), "mentoring_networking", "IT"),
            ("mentoring_session", str(networking.pk), "mentoring_networking", "IT"),
            ("mentoring_session", str(training.pk), "mentoring_training", "IT"),
            ("trained_by_mentor", str(training.pk), "mentoring_training", "IT"),
        ]
    )
    assert Participation.objects.get(kind="trained_by_mentor").person == professional


# --- Campaigns ----------------------------------------------------------------------------------


@pytest.fixture
def campaign(programme):
    from tests.factories.campaigns import campaign_page

    return campaign_page()


def campaign_activity(campaign, country="") -> tuple:
    from campaigns.models import CampaignPage

    return (
        type_of(CampaignPage),
        str(campaign.pk),
        f"campaigns.campaignpage:{campaign.pk}",
        "campaign",
        country,
        "",
    )


def test_a_pledge_in_any_language_is_evidence_of_the_original_campaign(campaign):
    from campaigns import services, tokens
    from campaigns.models import Pledge

    lithuanian = Locale.objects.get_or_create(language_code="lt")[0]
    translated = campaign.copy_for_translation(lithuanian, copy_parents=True)
    translated.save_revision().publish()
    pledge = Pledge.objects.create(
        campaign_key=translated.translation_key, page=translated, display_name="Ona", country="LT"
    )

    services.pledge_confirm(token=tokens.confirm_token(pledge))

    row = Participation.objects.get(kind=ParticipationKind.CAMPAIGN_PLEDGE)
    assert activity(row) == campaign_activity(campaign)


def test_reach_through_a_partner_took_place_in_the_partners_country(campaign, organiser):
    from campaigns import reach
    from tests.factories.campaigns import partner_page

    partner = partner_page(campaign, country="AL")
    values = {
        "channel": "media",
        "basis": "estimated",
        "people": 1200,
        "method": "Broadcaster's audience figures",
        "on": campaign.starts_on + timedelta(days=1),
    }

    record = reach.reach_record(campaign=campaign, by=organiser, partner=partner, **values)
    reach.reach_update(record=record, by=organiser, partner=partner, **{**values, "people": 1500})

    [row] = Participation.objects.filter(kind=ParticipationKind.CAMPAIGN_REACH)
    assert (row.count, activity(row)) == (1500, campaign_activity(campaign, "AL"))


# --- The data migrations give older rows the same activity -------------------------------------


MIGRATIONS = {
    "courses": "courses.migrations.0004_ledger_activity",
    "events": "events.migrations.0007_ledger_activity",
    "mentors": "mentors.migrations.0006_ledger_activity",
    "campaigns": "campaigns.migrations.0002_ledger_activity",
}


def backfilled(app: str, **filters) -> list[tuple]:
    """The activities of the rows (``filters``) as the services wrote them; then the app's
    data migration runs on the same rows without any."""
    written = activities(**filters)
    Participation.objects.update(
        activity_type=None,
        activity_id="",
        activity_key="",
        activity_kind="",
        activity_country="",
        activity_region="",
    )
    run_backfill(app)
    return written


def run_backfill(app: str) -> None:
    """The app's data migration, on the current models (the same fields; it uses no schema
    editor)."""
    importlib.import_module(MIGRATIONS[app]).backfill(django_apps, None)


def test_the_courses_migration_gives_older_completions_their_course(build_course, person):
    course, (lesson,) = build_course(lessons=1)
    complete(course, lesson, person)

    assert backfilled("courses") == activities()


def test_the_events_migration_gives_older_attendance_its_occurrence(meeting, person, organiser):
    from events import services, walk_ins

    services.attendance_check_in(registration=confirmed(meeting, person), occurrence_date=DAY)
    walk_ins.anonymous_attendance_add(event=meeting, occurrence_date=DAY, count=3, by=organiser)

    written = backfilled("events")

    assert written == activities()
    assert len(written) == 2


def test_the_mentors_migration_gives_older_rows_their_session_or_approval(programme, organiser):
    from mentors import services
    from mentors.enums import MentorStatus
    from tests.factories.mentors import RequestFactory, match_make, mentor_make

    barcelona = RegionFactory(name="Barcelona", country="ES")
    approved = mentor_make(programme=programme, status=MentorStatus.IN_TRAINING)
    mentor_track_done(approved)
    services.mentor_approve(profile=approved, by=organiser)
    match = match_make(
        mentor=approved, request=RequestFactory(programme=programme, region=barcelona)
    )
    for support_counts in ({"emotional": 1}, {"information": 1}):
        services.session_log(
            mentor=approved,
            by=approved.person,
            data=session_data("support"),
            match=match,
            support_counts=support_counts,
        )
    elsewhere = mentor_make(programme=programme, countries=["IT", "ES"])
    services.session_log(
        mentor=elsewhere,
        by=elsewhere.person,
        data=session_data("support", size="group", women_new=3),
        support_counts={"information": 3},
    )
    services.session_log(
        mentor=approved, by=approved.person, data=session_data("networking", anonymous_count=2)
    )

    mentoring = {"kind__in": [k for k in ParticipationKind.values if k != COMPLETED]}

    written = backfilled("mentors", **mentoring)

    assert written == activities(**mentoring)
    assert {(kind, row_kind) for kind, _key, _type, _id, _k, row_kind, *_place in written} == {
        ("mentor_empowered", "mentor_approval"),
        ("mentoring_session", "mentoring_support"),
        ("mentoring_session", "mentoring_networking"),
        ("women_supported", "mentoring_support"),
        ("community_networking", "mentoring_networking"),
    }


def test_the_campaigns_migration_gives_older_pledges_and_reach_their_campaign(campaign, organiser):
    from campaigns import reach, services, tokens
    from campaigns.models import Pledge
    from tests.factories.campaigns import partner_page

    pledge = Pledge.objects.create(
        campaign_key=campaign.translation_key, page=campaign, display_name="Ona", country="LT"
    )
    services.pledge_confirm(token=tokens.confirm_token(pledge))
    for partner in (partner_page(campaign, country="AL"), None):
        reach.reach_record(
            campaign=campaign,
            by=organiser,
            partner=partner,
            channel="media",
            basis="estimated",
            people=100,
            method="Audience figures",
            on=campaign.starts_on,
        )

    written = backfilled("campaigns")

    assert written == activities()
    assert len(written) == 3


def test_a_migration_leaves_rows_that_have_an_activity_alone(build_course, person):
    course, (lesson,) = build_course(lessons=1)
    complete(course, lesson, person)
    Participation.objects.update(activity_kind="written since")

    run_backfill("courses")

    assert list(Participation.objects.values_list("activity_kind", flat=True)) == ["written since"]


# --- A deleted person is one person -------------------------------------------------------------


def test_a_deleted_persons_rows_share_one_anonymous_key(person):
    courses = [OrganisationFactory(name=f"Course {n}") for n in range(3)]
    for course in courses:
        participation_record(kind=COMPLETED, source=course, person=person)

    assert participation_anonymise_person(person=person) == 3

    keys = set(Participation.objects.values_list("subject_key", flat=True))
    assert len(keys) == 1
    assert next(iter(keys)).startswith("deleted:")
    assert Participation.objects.filter(person__isnull=True).count() == 3


def test_two_deleted_people_stay_two_people(source):
    people = [user_with_role(Role.PROFESSIONAL) for _ in range(2)]
    for who in people:
        participation_record(kind=COMPLETED, source=source, person=who)
        participation_record(kind=ATTENDED, source=source, person=who)

    for who in people:
        participation_anonymise_person(person=who)

    keys = Participation.objects.values_list("subject_key", flat=True)
    assert (len(keys), len(set(keys))) == (4, 2)


# --- Indicators are recounted after a write commits ---------------------------------------------


@pytest.fixture
def refreshed(monkeypatch):
    """The programme ids each scheduled recount was for, in order."""
    calls = []
    monkeypatch.setattr(ledger, "_refresh_soon", calls.append)
    return calls


def test_a_new_row_has_its_programmes_recounted_after_commit(
    source, person, programme, other_programme, refreshed, django_capture_on_commit_callbacks
):
    ids = [programme.pk, other_programme.pk]
    with django_capture_on_commit_callbacks(execute=True):
        participation_record(kind=COMPLETED, source=source, person=person, programmes=ids)
        assert refreshed == []  # not before the commit
    with django_capture_on_commit_callbacks(execute=True):
        participation_record(kind=COMPLETED, source=source, person=person, programmes=ids)

    assert refreshed == [sorted(ids)]  # the second write changed nothing


def test_rows_of_no_programme_and_rolled_back_rows_schedule_nothing(
    source, person, programme, refreshed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        participation_record(kind=COMPLETED, source=source, person=person)
        try:
            with transaction.atomic():
                participation_record(
                    kind=ATTENDED, source=source, person=person, programmes=[programme.pk]
                )
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass

    assert (callbacks, refreshed) == ([], [])


def test_many_rows_and_a_replaced_count_are_recounted_once_per_write(
    source, person, programme, other_programme, refreshed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        participation_record_many(
            kind=ATTENDED, entries=[(source, person, None)], programmes=[programme.pk]
        )
        participation_aggregate_replace(
            kind=ATTENDED,
            source=source,
            count=3,
            aggregate_key="r1",
            programmes=[other_programme.pk],
        )
    with django_capture_on_commit_callbacks(execute=True):
        # A count of 0 has no programmes of its own: those of the row it removes change.
        participation_aggregate_replace(kind=ATTENDED, source=source, count=0, aggregate_key="r2")

    assert refreshed == [[programme.pk], [other_programme.pk], [other_programme.pk]]


def test_anonymising_a_person_recounts_their_programmes(
    source, person, programme, refreshed, django_capture_on_commit_callbacks
):
    participation_record(kind=COMPLETED, source=source, person=person, programmes=[programme.pk])
    nobody = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        participation_anonymise_person(person=person)
        participation_anonymise_person(person=nobody)  # no rows: nothing to recount

    assert refreshed == [[programme.pk]]


def test_the_recount_goes_to_the_indicators_engine(monkeypatch):
    from impact.indicators import tasks

    calls = []
    monkeypatch.setattr(tasks, "indicators_refresh_soon", calls.append)

    ledger._refresh_soon([3, 5])

    assert calls == [[3, 5]]
