"""mentors.tasks and the nudges behind them: each e-mail once (a sent-at field on the match
and an outbox key), the session reminder armed again by the next session."""

from datetime import timedelta

from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest

from core.models import OutboxMessage
from mentors import services, tasks
from mentors.enums import DeclineReason, MatchStatus, RequestStatus, SupportCategory
from mentors.models import Match
from tests.factories.mentors import RequestFactory, match_make, mentor_make

DAY = timedelta(days=1)


@pytest.fixture
def now():
    return timezone.now()


def _kinds() -> list[str]:
    return sorted(OutboxMessage.objects.values_list("kind", flat=True))


def _log_session(match, day):
    services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        match=match,
        data={
            "kind": "support",
            "date": day,
            "duration_minutes": 45,
            "format": "online",
            "topic": "Phone call",
        },
        support_counts={SupportCategory.EMOTIONAL: 1},
    )


@override_settings(MENTORS_SESSION_REMINDER_DAYS=14, MENTORS_MATCH_WEEKS=12)
def test_a_quiet_match_gets_one_reminder_and_another_only_after_a_session(
    programme, now, django_capture_on_commit_callbacks
):
    match = match_make(mentor=mentor_make(programme=programme), started_at=now - 20 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.nudges_due(now=now)
        again = services.nudges_due(now=now + DAY)
    assert (first, again) == (
        {"offers_expired": 0, "reminders": 1, "midpoint": 0, "closing": 0},
        {"offers_expired": 0, "reminders": 0, "midpoint": 0, "closing": 0},
    )
    assert [m.subject for m in mail.outbox] == ["Have you met? Log your mentoring session"]
    _log_session(match, timezone.localdate(now) - DAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.nudges_due(now=now + 5 * DAY)["reminders"] == 0
        assert services.nudges_due(now=now + 14 * DAY)["reminders"] == 1
    assert _kinds() == ["mentors.session_reminder"] * 2
    assert len(mail.outbox) == 2


@override_settings(MENTORS_SESSION_REMINDER_DAYS=14)
def test_a_match_with_a_recent_session_is_not_reminded(programme, now):
    match = match_make(mentor=mentor_make(programme=programme), started_at=now - 40 * DAY)
    _log_session(match, timezone.localdate(now) - 3 * DAY)
    assert services.nudges_due(now=now)["reminders"] == 0


@override_settings(MENTORS_SESSION_REMINDER_DAYS=14)
def test_a_session_logged_after_the_reminders_query_stops_its_reminder(programme, now):
    match = match_make(mentor=mentor_make(programme=programme), started_at=now - 20 * DAY)
    quiet = now - 14 * DAY
    # The session comes between nudges_due's query and the match's lock.
    _log_session(match, timezone.localdate(now))
    assert services._remind(match.pk, quiet) is False
    match.refresh_from_db()
    assert match.reminder_sent_at is None
    assert OutboxMessage.objects.count() == 0


@override_settings(MENTORS_SESSION_REMINDER_DAYS=14)
def test_a_match_paused_after_the_reminders_query_gets_no_reminder(programme, now):
    match = match_make(
        mentor=mentor_make(programme=programme),
        status=MatchStatus.PAUSED,
        started_at=now - 20 * DAY,
    )
    assert services._remind(match.pk, now - 14 * DAY) is False


@override_settings(MENTORS_OFFER_DAYS=7)
def test_an_offer_unanswered_in_time_is_declined_once_and_she_waits_first_in_line(
    programme, now, django_capture_on_commit_callbacks
):
    from wagtail.models import ModelLogEntry

    stale = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.PROPOSED)
    fresh = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.PROPOSED)
    Match.objects.filter(pk=stale.pk).update(proposed_at=now - 8 * DAY)
    Match.objects.filter(pk=fresh.pk).update(proposed_at=now - 6 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.nudges_due(now=now)
        again = services.nudges_due(now=now + DAY / 2)
    assert (first["offers_expired"], again["offers_expired"]) == (1, 0)
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.status, stale.decline_reason, stale.note) == (
        MatchStatus.DECLINED,
        DeclineReason.NO_TIME,
        "No answer in time",
    )
    assert fresh.status == MatchStatus.PROPOSED
    stale.request.refresh_from_db()
    assert (stale.request.status, stale.request.priority) == (RequestStatus.OPEN, True)
    entry = ModelLogEntry.objects.get(object_id=str(stale.pk), action="mentors.match_change")
    assert entry.data == {"status": "declined", "change": "expired", "reason": "no_time"}
    assert len(mail.outbox) == 0  # her match page says so; no e-mail
    with django_capture_on_commit_callbacks(execute=True):
        assert services.nudges_due(now=now + 2 * DAY)["offers_expired"] == 1  # the fresh one


@override_settings(MENTORS_MATCH_WEEKS=12)
def test_midpoint_feedback_is_asked_halfway_once(
    programme, now, django_capture_on_commit_callbacks
):
    young = match_make(mentor=mentor_make(programme=programme), started_at=now - 5 * 7 * DAY)
    halfway = match_make(mentor=mentor_make(programme=programme), started_at=now - 6 * 7 * DAY)
    for match in (young, halfway):
        _log_session(match, timezone.localdate(now))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.nudges_due(now=now)["midpoint"] == 1
        assert services.nudges_due(now=now)["midpoint"] == 0
    halfway.refresh_from_db()
    young.refresh_from_db()
    assert (young.midpoint_sent_at, halfway.midpoint_sent_at is not None) == (None, True)
    assert [m.to for m in mail.outbox] == [[halfway.mentor.person.email]]


def test_closing_feedback_is_sent_once_for_a_completed_match(
    programme, now, django_capture_on_commit_callbacks
):
    match = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.COMPLETED)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.nudges_due(now=now)["closing"] == 1
        assert services.nudges_due(now=now)["closing"] == 0
        # Completing through the service sends it at once; the nudge finds nothing left.
        other = match_make(mentor=mentor_make(programme=programme))
        services.match_complete(match=other, by=None)
        assert services.nudges_due(now=now)["closing"] == 0
    assert _kinds() == ["mentors.feedback_closing"] * 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [match.mentor.person.email, other.mentor.person.email]
    )


def test_a_nudge_never_goes_twice_even_if_its_field_is_cleared(
    programme, now, django_capture_on_commit_callbacks
):
    match = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.COMPLETED)
    with django_capture_on_commit_callbacks(execute=True):
        services.nudges_due(now=now)
        type(match).objects.filter(pk=match.pk).update(closing_sent_at=None)
        services.nudges_due(now=now)
    assert len(mail.outbox) == 1


@override_settings(MENTORS_CONTACT_RETENTION_DAYS=0)
def test_the_erase_task_erases_closed_requests(programme):
    request = RequestFactory(
        programme=programme, status=RequestStatus.CLOSED, closed_at=timezone.now() - DAY
    )
    assert tasks.contacts_erase_task.delay().get() == 1
    assert tasks.contacts_erase_task.delay().get() == 0
    request.refresh_from_db()
    assert (request.contact, request.contact_erased_at is not None) == ("", True)


def test_the_nudges_task_runs_by_its_stable_name(programme):
    from config.celery_app import app

    match_make(mentor=mentor_make(programme=programme), status=MatchStatus.COMPLETED)
    assert tasks.nudges_due_task.delay().get() == {
        "offers_expired": 0,
        "reminders": 0,
        "midpoint": 0,
        "closing": 1,
    }
    assert set(app.tasks) >= {"mentors.nudges_due", "mentors.contacts_erase"}
