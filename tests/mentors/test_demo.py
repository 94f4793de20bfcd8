"""mentors/demo.py: CommunityLinkage's mentor pool, requests, the accepted round, matches
and sessions of `linkage_demo`, built through the services, and built once."""

import re
from collections import Counter
from io import StringIO

from django.core.management import call_command
from django.db.models import Sum

from wagtail.models import Site

import pytest

from courses.enums import Track
from courses.models import CourseIndexPage, CoursePage
from impact.enums import ParticipationKind
from impact.models import Participation
from mentors.demo import load_demo_mentors
from mentors.enums import (
    MatchStatus,
    MentorStatus,
    RequestKind,
    RequestStatus,
    RoundStatus,
    SessionKind,
)
from mentors.models import (
    Match,
    MatchingRound,
    MentoringRequest,
    MentoringSession,
    MentorLanguage,
    MentorProfile,
    SupportCount,
)
from people.models import User
from programmes.demo import load_demo_programmes
from programmes.models import Programme
from tests.factories.once import built_for_module


def load_mentor_course(*, stdout) -> None:
    """The mentor track's course, as little of it as the mentors' demo reads: a live page
    with the courses demo's slug and the mentor track (the courses demo is tested with
    its app)."""
    home = Site.objects.get(is_default_site=True).root_page
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = CourseIndexPage(title="Courses", slug="courses")
        home.add_child(instance=index)
        index.save_revision().publish()
    if not CoursePage.objects.filter(slug="community-mentor-foundations").exists():
        course = CoursePage(
            title="Community mentor foundations",
            slug="community-mentor-foundations",
            summary="For community mentors.",
            tracks=[Track.MENTOR, Track.COMMUNITY],
            duration_minutes=150,
        )
        index.add_child(instance=course)
        course.save_revision().publish()


def snapshot() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "mentors": MentorProfile.objects.count(),
        "languages": MentorLanguage.objects.count(),
        "requests": MentoringRequest.objects.count(),
        "rounds": MatchingRound.objects.count(),
        "matches": Match.objects.count(),
        "sessions": MentoringSession.objects.count(),
        "support_counts": SupportCount.objects.count(),
        "ledger": Participation.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The foundation, the programmes, the mentor course and the mentors' step, run twice:
    (counts after the first run, counts after the second)."""

    def build():
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                "home.demo_data.demo_steps",
                lambda: [load_demo_programmes, load_mentor_course, load_demo_mentors],
            )
            call_command("linkage_demo", stdout=StringIO())
            first = snapshot()
            call_command("linkage_demo", stdout=StringIO())
        return first, snapshot()

    with built_for_module(django_db_blocker, build) as counts:
        yield counts


@pytest.fixture
def programme(demo, db) -> Programme:
    return Programme.objects.get(slug="communitylinkage")


def test_a_second_run_adds_no_mentor_request_match_session_or_ledger_row(demo, db):
    first, second = demo

    assert second == first
    assert first["mentors"] == 20
    assert first["rounds"] == 1


def test_twenty_mentors_mostly_active_with_a_few_in_training_and_one_paused(programme):
    statuses = Counter(programme.mentor_profiles.values_list("status", flat=True))

    assert statuses == {
        MentorStatus.ACTIVE: 16,
        MentorStatus.IN_TRAINING: 2,
        MentorStatus.APPLICANT: 1,
        MentorStatus.PAUSED: 1,
    }
    emails = set(programme.mentor_profiles.values_list("person__email", flat=True))
    assert {
        "mentor.amina@linkage.local",
        "mentor.fatima@linkage.local",
        "mentor.olena@linkage.local",
        "mentor.zahra@linkage.local",
    } <= emails


def test_the_pool_speaks_many_languages_in_the_four_partner_countries(programme):
    languages = set(
        MentorLanguage.objects.filter(profile__programme=programme).values_list(
            "language", flat=True
        )
    )
    countries = {
        country for profile in programme.mentor_profiles.all() for country in profile.countries
    }

    assert {"ar", "fa", "uk", "es", "fr", "ti", "so", "sq", "it", "el", "sl", "en"} <= languages
    assert len(languages) >= 16
    assert countries == {"ES", "IT", "GR", "SI"}


def test_every_active_or_paused_mentor_completed_the_track_and_was_empowered(programme):
    approved = programme.mentor_profiles.filter(
        status__in=[MentorStatus.ACTIVE, MentorStatus.PAUSED]
    )
    empowered = set(
        Participation.objects.filter(
            kind=ParticipationKind.MENTOR_EMPOWERED, programmes=programme
        ).values_list("person_id", flat=True)
    )
    completed = set(
        Participation.objects.filter(
            kind=ParticipationKind.COURSE_COMPLETED, programmes=programme
        ).values_list("person_id", flat=True)
    )
    people = set(approved.values_list("person_id", flat=True))

    assert len(people) == 17
    assert empowered == people
    assert completed == people
    assert all(profile.approved_at is not None for profile in approved)


def test_requests_of_both_kinds_wait_with_clearly_fake_contacts(programme):
    requests = list(programme.mentoring_requests.all())
    kinds = Counter(request.kind for request in requests)
    waiting = Counter(request.kind for request in requests if request.status == RequestStatus.OPEN)
    fake = re.compile(r"^(\+\d+ \d+ 000 \d+|[\w.-]+@example\.org)$")

    assert kinds == {RequestKind.SUPPORT: 21, RequestKind.TRAINING: 3}
    assert waiting[RequestKind.SUPPORT] >= 12
    assert waiting[RequestKind.TRAINING] == 2
    assert [request.contact for request in requests if not fake.match(request.contact)] == []


def test_one_accepted_round_left_offers_in_every_state(programme):
    matching_round = programme.matching_rounds.get()
    statuses = Counter(Match.objects.filter(round=matching_round).values_list("status", flat=True))

    assert matching_round.status == RoundStatus.ACCEPTED
    assert matching_round.suggestions.filter(mentor__isnull=True).exists()
    assert set(statuses) == {
        MatchStatus.PROPOSED,
        MatchStatus.ACCEPTED,
        MatchStatus.ACTIVE,
        MatchStatus.PAUSED,
        MatchStatus.COMPLETED,
        MatchStatus.DECLINED,
    }
    assert statuses[MatchStatus.COMPLETED] == 1


def test_amina_has_an_active_match_with_sessions_and_an_offer_to_answer(programme):
    amina = programme.mentor_profiles.get(person__email="mentor.amina@linkage.local")
    matches = {match.status: match for match in amina.matches.all()}

    assert sorted(matches) == [MatchStatus.ACTIVE, MatchStatus.PROPOSED]
    assert matches[MatchStatus.ACTIVE].sessions.count() == 2


def test_sessions_of_every_kind_are_in_the_ledger(programme):
    sessions = MentoringSession.objects.filter(mentor__programme=programme)
    ledger = Participation.objects.filter(programmes=programme)

    def total(kind) -> int:
        return ledger.filter(kind=kind).aggregate(n=Sum("count"))["n"]

    trained = set(
        ledger.filter(kind=ParticipationKind.TRAINED_BY_MENTOR, person__isnull=False).values_list(
            "person__email", flat=True
        )
    )

    assert set(sessions.values_list("kind", flat=True)) == set(SessionKind.values)
    assert ledger.filter(kind=ParticipationKind.MENTORING_SESSION).count() == sessions.count()
    support = sessions.filter(kind=SessionKind.SUPPORT)
    matched = support.exclude(match=None).values("match").distinct().count()
    # Each woman once: a match's woman once for all its sessions, the others as new.
    assert matched and support.filter(match__isnull=False).count() > matched
    assert total(ParticipationKind.WOMEN_SUPPORTED) == matched + 9 + 6
    assert SupportCount.objects.filter(session__in=support).exists()
    assert (
        ledger.filter(kind=ParticipationKind.COMMUNITY_NETWORKING, person__isnull=False).count()
        == 3
    )
    assert trained == {"police.athens@linkage.local", "officer.athens@linkage.local"}
    # Two professionals by their accounts; an address with no account and seven others.
    assert total(ParticipationKind.TRAINED_BY_MENTOR) == 2 + 8
