"""The "My mentoring" panel of My Linkage (mentors/dashboard.py): status and what is still
needed, offers to answer, current matches, sessions to log, counts; nothing for anyone who
is not a mentor; never a requester's name or contact; queries that do not grow."""

from datetime import timedelta

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

import pytest

from mentors import services
from mentors.dashboard import dashboard_panel
from mentors.enums import MatchStatus, MentorStatus, SessionKind, SupportCategory
from mentors.models import MentoringSession, MentorProfile, SupportCount
from people.enums import Role
from people.roles import user_role
from tests.factories import UserFactory, user_with_role
from tests.factories.mentors import RequestFactory as AskFactory
from tests.factories.mentors import match_make, mentor_make
from tests.factories.programmes import programme_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def spain():
    return programme_make("Barcelona mentoring", "barcelona", countries=["ES"])


def panel_for(user):
    request = RequestFactory().get("/my/")
    request.user = user
    return dashboard_panel(request)


def rendered(panel) -> str:
    return render_to_string(panel.template, {"panel": panel})


def session(mentor, kind, days_ago=1, match=None, anonymous=0):
    return MentoringSession.objects.create(
        mentor=mentor,
        match=match,
        kind=kind,
        date=timezone.localdate() - timedelta(days=days_ago),
        duration_minutes=60,
        format="in_person",
        topic="Meeting",
        anonymous_count=anonymous,
    )


def test_people_who_are_not_mentors_get_no_panel(professional, django_assert_num_queries):
    user_role(professional)  # My Linkage has read her role already
    with django_assert_num_queries(0):
        panel = panel_for(professional)

    assert panel is None


def test_anonymous_visitors_get_no_panel():
    from django.contrib.auth.models import AnonymousUser

    assert panel_for(AnonymousUser()) is None


def test_a_mentor_in_no_pool_is_invited_to_join_one(mentor):
    panel = panel_for(mentor)

    html = rendered(panel)
    assert panel.title == "My mentoring"
    assert 'href="/mentoring/profile/"' in html
    assert "Become a mentor in a programme" in html


def test_an_applicant_sees_what_is_still_needed(mentor, spain, monkeypatch):
    MentorProfile.objects.create(person=mentor, programme=spain)
    monkeypatch.setattr(services, "mentor_track_completed", lambda **kwargs: [])

    panel = panel_for(mentor)

    steps = {step["key"]: step["done"] for step in panel.context["pools"][0]["steps"]}
    assert steps == {"profile": False, "conduct": False, "track": False, "approval": False}
    assert "Complete the mentor-track course of your programme" in rendered(panel)


def test_the_mentor_track_read_from_the_ledger_counts_as_done(mentor, spain, monkeypatch):
    mentor_make(programme=spain, person=mentor, status=MentorStatus.IN_TRAINING)
    completed = [{"title": "Community mentor foundations", "completed_at": timezone.now()}]
    monkeypatch.setattr(services, "mentor_track_completed", lambda **kwargs: completed)

    panel = panel_for(mentor)

    steps = {step["key"]: step["done"] for step in panel.context["pools"][0]["steps"]}
    assert steps == {"profile": True, "conduct": True, "track": True, "approval": False}
    assert "Community mentor foundations" in rendered(panel)


def test_offers_have_a_button_and_never_her_name_or_contact(mentor, spain):
    pool = mentor_make(programme=spain, person=mentor)
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)
    running = match_make(mentor=pool)

    panel = panel_for(mentor)

    html = rendered(panel)
    assert [m.pk for m in panel.context["offers"]] == [offer.pk]
    assert [m.pk for m in panel.context["current"]] == [running.pk]
    assert f'class="button button--small" href="/mentoring/matches/{offer.pk}/"' in html
    for request in (offer.request, running.request):
        assert request.name not in html
        assert request.contact not in html


def test_matches_are_named_by_the_requests_number_in_the_mentors_words(mentor, spain):
    pool = mentor_make(programme=spain, person=mentor)
    AskFactory(programme=spain)  # the numbers of requests and matches drift apart
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)
    running = match_make(mentor=pool)

    html = rendered(panel_for(mentor))

    assert offer.pk != offer.request_id
    assert f"Support request no. {offer.request_id} · Spain · offered" in html
    assert f"Support request no. {running.request_id} · Spain</a>" in html
    assert f"no. {offer.pk} " not in html
    assert "Offered to the mentor" not in html


def test_an_active_mentor_is_told_she_can_pause_on_her_profile(mentor, spain):
    mentor_make(programme=spain, person=mentor)

    html = rendered(panel_for(mentor))

    assert "You can pause your mentoring on your mentor profile." in html


def test_a_running_match_without_a_recent_session_is_to_log(mentor, spain, settings):
    settings.MENTORS_SESSION_REMINDER_DAYS = 14
    pool = mentor_make(programme=spain, person=mentor)
    long_ago = timezone.now() - timedelta(days=20)
    silent = match_make(mentor=pool, started_at=long_ago, answered_at=long_ago)
    logged = match_make(mentor=pool, started_at=long_ago, answered_at=long_ago)
    session(pool, SessionKind.SUPPORT, days_ago=2, match=logged)
    match_make(mentor=pool, status=MatchStatus.PAUSED, started_at=long_ago, answered_at=long_ago)

    panel = panel_for(mentor)

    assert [m.pk for m in panel.context["to_log"]] == [silent.pk]
    assert f'href="/mentoring/sessions/new/?match={silent.pk}"' in rendered(panel)


def test_the_counts_add_up_her_sessions(mentor, spain):
    pool = mentor_make(programme=spain, person=mentor)
    match = match_make(mentor=pool)
    session(pool, SessionKind.SUPPORT, match=match)
    session(pool, SessionKind.SUPPORT, days_ago=2, match=match)  # the same woman: once
    group = session(pool, SessionKind.SUPPORT)
    MentoringSession.objects.filter(pk=group.pk).update(women_new=4)
    # The kinds of help given are a breakdown, not more women.
    SupportCount.objects.create(session=group, category=SupportCategory.EMOTIONAL, count=2)
    SupportCount.objects.create(session=group, category=SupportCategory.PRACTICAL, count=3)
    networking = session(pool, SessionKind.NETWORKING, anonymous=4)
    networking.participants.add(UserFactory())
    session(pool, SessionKind.TRAINING, anonymous=7).participants.add(
        user_with_role(Role.PROFESSIONAL), user_with_role(Role.PROFESSIONAL), UserFactory()
    )  # the account without the professional role is not counted
    session(mentor_make(programme=spain), SessionKind.TRAINING, anonymous=50)

    counts = panel_for(mentor).context["counts"]

    assert counts == {
        "sessions": 5,
        "women_supported": 5,
        "people_networked": 5,
        "professionals_trained": 9,
    }


def test_a_woman_matched_twice_with_her_counts_once(mentor, spain):
    pool = mentor_make(programme=spain, person=mentor)
    first = match_make(mentor=pool, status=MatchStatus.ENDED_EARLY)
    again = match_make(mentor=pool, request=first.request)
    session(pool, SessionKind.SUPPORT, match=first)
    session(pool, SessionKind.SUPPORT, match=again)

    assert panel_for(mentor).context["counts"]["women_supported"] == 1


def test_my_linkage_shows_the_panel_to_a_mentor(client, mentor, spain):
    mentor_make(programme=spain, person=mentor)
    client.force_login(mentor)

    body = client.get("/my/").content.decode()

    assert "My mentoring" in body
    assert "mentors/mentors.css" in body


# Profiles (with languages), matches (with requests, regions, last session), and three
# for the counts: none of them per match.
PANEL_QUERIES = 6


@pytest.mark.parametrize("n", [1, 3])
def test_the_panel_queries_do_not_grow_with_matches(n, mentor, spain, django_assert_num_queries):
    pool = mentor_make(programme=spain, person=mentor, capacity=5)
    for _ in range(n):
        match = match_make(mentor=pool)
        session(pool, SessionKind.SUPPORT, match=match)
        match_make(mentor=pool, status=MatchStatus.PROPOSED)
    panel_for(mentor)

    with django_assert_num_queries(PANEL_QUERIES):
        panel = panel_for(mentor)
        html = rendered(panel)

    assert (len(panel.context["current"]), len(panel.context["offers"])) == (n, n)
    assert html.count("Answer the offer") == n


def test_the_programmes_name_is_isolated_on_a_right_to_left_page(client, mentor, spain):
    mentor_make(programme=spain, person=mentor)
    client.force_login(mentor)

    body = client.get("/my/").content.decode()

    assert f"<bdi>{spain.name}</bdi>" in body
