"""mentors.privacy: deleting a mentor's (or a requester's) account keeps the programme's
history anonymously; the data export's "mentoring" section."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from impact.enums import ParticipationKind
from impact.models import Participation
from mentors import services
from mentors.enums import (
    DeclineReason,
    EndReason,
    MatchStatus,
    MeetingFormat,
    MentorStatus,
    RequestStatus,
    SessionKind,
    SupportCategory,
)
from mentors.models import Match, MentoringRequest, MentoringSession, MentorProfile
from people.models import User
from people.services import account_delete
from tests.factories import UserFactory
from tests.factories.mentors import RequestFactory, match_make, mentor_make
from tests.factories.people import PASSWORD

pytestmark = pytest.mark.django_db


def _support_session(match) -> MentoringSession:
    return services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data={
            "kind": SessionKind.SUPPORT,
            "size": "one_to_one",
            "date": timezone.localdate(),
            "duration_minutes": 45,
            "format": MeetingFormat.IN_PERSON,
            "topic": "Visit to the health centre",
        },
        match=match,
        support_counts={SupportCategory.ACCOMPANIMENT: 1},
    )


# --- Deleting an account ---------------------------------------------------------------------


def test_a_mentor_with_an_active_match_and_sessions_can_delete_her_account(programme):
    mentor = mentor_make(programme=programme, bio="I volunteer at the library.")
    person = mentor.person
    match = match_make(mentor=mentor, status=MatchStatus.ACTIVE)
    _support_session(match)
    _support_session(match)
    earlier = timezone.now() - timedelta(days=3)
    MentoringRequest.objects.filter(pk=match.request_id).update(
        status=RequestStatus.MATCHED, waiting_since=earlier
    )
    counts = (MentoringSession.objects.count(), Participation.objects.count())

    account_delete(user=person)

    assert User.objects.filter(pk=person.pk).exists() is False
    assert (MentoringSession.objects.count(), Participation.objects.count()) == counts
    match.refresh_from_db()
    assert (match.status, match.end_reason) == (
        MatchStatus.ENDED_EARLY,
        EndReason.MENTOR_UNAVAILABLE,
    )
    request = MentoringRequest.objects.get(pk=match.request_id)
    assert (request.status, request.priority) == (RequestStatus.OPEN, True)
    assert request.waiting_since > earlier
    mentor.refresh_from_db()
    assert (mentor.person_id, mentor.status, mentor.bio) == (None, MentorStatus.ALUMNI, "")
    assert set(MentoringSession.objects.values_list("mentor_id", flat=True)) == {mentor.pk}


def test_a_deleted_mentors_open_offers_are_declined_and_wait_first(programme):
    mentor = mentor_make(programme=programme)
    offer = match_make(mentor=mentor, status=MatchStatus.PROPOSED)

    account_delete(user=mentor.person)

    offer.refresh_from_db()
    assert (offer.status, offer.decline_reason) == (MatchStatus.DECLINED, DeclineReason.NO_TIME)
    request = MentoringRequest.objects.get(pk=offer.request_id)
    assert (request.status, request.priority) == (RequestStatus.OPEN, True)


def test_a_mentor_deletes_her_account_through_the_page(client, programme):
    mentor = mentor_make(programme=programme)
    match_make(mentor=mentor, status=MatchStatus.PAUSED)
    client.force_login(mentor.person)

    response = client.post(reverse("people:delete"), {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert MentorProfile.objects.filter(pk=mentor.pk, person=None).exists()
    assert Match.objects.get(mentor=mentor).status == MatchStatus.ENDED_EARLY


def test_an_applicant_without_matches_is_detached_too(programme):
    mentor = mentor_make(programme=programme, status=MentorStatus.APPLICANT)

    assert account_delete(user=mentor.person)["mentors"] == 1

    mentor.refresh_from_db()
    assert (mentor.person_id, mentor.status) == (None, MentorStatus.ALUMNI)


def test_a_person_who_filed_requests_can_delete_her_account_and_the_requests_stay(programme):
    person = UserFactory()
    request = RequestFactory(programme=programme, filed_by=person)

    assert account_delete(user=person)["mentors"] == 0

    request.refresh_from_db()
    assert (request.filed_by_id, request.status) == (None, RequestStatus.OPEN)


def test_a_deleted_mentors_session_ledger_rows_stay_anonymous(programme):
    mentor = mentor_make(programme=programme)
    match = match_make(mentor=mentor, status=MatchStatus.ACTIVE)
    _support_session(match)

    account_delete(user=mentor.person)

    rows = Participation.objects.filter(kind=ParticipationKind.MENTORING_SESSION)
    assert [row.person_id for row in rows] == [None]
