"""mentors.privacy: deleting a mentor's (or a requester's) account keeps the programme's
history anonymously; the data export's "mentoring" section."""

import json
from datetime import timedelta

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from impact.enums import ParticipationKind
from impact.models import Participation
from mentors import services, tasks
from mentors.enums import (
    ConcernStatus,
    DeclineReason,
    EndReason,
    FeedbackRespondent,
    FeedbackStage,
    MatchStatus,
    MeetingFormat,
    MentorStatus,
    RequestKind,
    RequestStatus,
    SessionKind,
    SupportCategory,
)
from mentors.models import (
    ConcernReport,
    DoNotMatch,
    FeedbackResponse,
    Match,
    MentoringRequest,
    MentoringSession,
    MentorProfile,
)
from mentors.privacy import person_mentoring_data
from people.models import User
from people.selectors import person_data_export
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


# --- Retention: what contacts_erase_due erases ------------------------------------------------


def _closed_long_ago(request, days=31):
    closed = timezone.now() - timedelta(days=days)
    MentoringRequest.objects.filter(pk=request.pk).update(
        status=RequestStatus.CLOSED, closed_at=closed
    )


@override_settings(MENTORS_CONTACT_RETENTION_DAYS=30)
def test_erasing_a_request_also_erases_who_filed_it_the_service_and_the_free_text(programme):
    service = UserFactory()
    request = RequestFactory(
        programme=programme, filed_by=service, on_behalf=True, organisation="Casa Amiga, Raval"
    )
    match = match_make(request=request, status=MatchStatus.COMPLETED, note="Sara moved to Gràcia")
    FeedbackResponse.objects.create(
        match=match,
        stage=FeedbackStage.CLOSING,
        respondent=FeedbackRespondent.MENTOR,
        rating=4,
        went_well="Sara found a doctor",
        could_improve="Sara's husband",
    )
    _closed_long_ago(request)

    assert services.contacts_erase_due() == 1

    request.refresh_from_db()
    assert (request.filed_by_id, request.organisation, request.name) == (None, "", "")
    match.refresh_from_db()
    assert match.note == ""
    feedback = FeedbackResponse.objects.get(match=match)
    assert (feedback.rating, feedback.went_well, feedback.could_improve) == (4, "", "")


@override_settings(MENTORS_CONTACT_RETENTION_DAYS=30)
def test_a_training_requests_organisation_is_kept_when_its_contact_is_erased(programme):
    request = RequestFactory(
        programme=programme, kind=RequestKind.TRAINING, organisation="Health centre Raval"
    )
    _closed_long_ago(request)

    assert services.contacts_erase_due() == 1

    request.refresh_from_db()
    assert (request.organisation, request.contact) == ("Health centre Raval", "")


@override_settings(MENTORS_CONTACT_RETENTION_DAYS=30)
def test_free_text_of_a_request_still_within_retention_is_kept(programme):
    request = RequestFactory(programme=programme, organisation="Casa Amiga")
    match = match_make(request=request, status=MatchStatus.COMPLETED, note="Moved")
    _closed_long_ago(request, days=29)

    assert services.contacts_erase_due() == 0

    match.refresh_from_db()
    request.refresh_from_db()
    assert (match.note, request.organisation) == ("Moved", "Casa Amiga")


@override_settings(MENTORS_CONTACT_RETENTION_DAYS=30)
def test_a_block_outlives_the_erased_request(programme):
    request = RequestFactory(programme=programme)
    mentor = mentor_make(programme=programme)
    DoNotMatch.objects.create(
        mentor=mentor, request=request, requester_key=request.requester_key, source="mentor"
    )
    key = request.requester_key
    _closed_long_ago(request)

    services.contacts_erase_due()

    assert DoNotMatch.objects.get().requester_key == key != ""


@override_settings(MENTORS_CONTACT_RETENTION_DAYS=30)
def test_a_resolved_concerns_text_is_erased_after_the_retention_time_and_the_row_stays(
    programme,
):
    now = timezone.now()
    old, recent, open_ = (
        ConcernReport.objects.create(programme=programme, text=text, status=status)
        for text, status in (
            ("Old worry", ConcernStatus.RESOLVED),
            ("Recent worry", ConcernStatus.RESOLVED),
            ("Open worry", ConcernStatus.OPEN),
        )
    )
    ConcernReport.objects.filter(pk=old.pk).update(resolved_at=now - timedelta(days=31))
    ConcernReport.objects.filter(pk=recent.pk).update(resolved_at=now - timedelta(days=29))
    ConcernReport.objects.filter(pk=open_.pk).update(created_at=now - timedelta(days=400))

    services.contacts_erase_due(now=now)

    texts = dict(ConcernReport.objects.values_list("pk", "text"))
    assert texts == {old.pk: "", recent.pk: "Recent worry", open_.pk: "Open worry"}


# --- Expiry: open requests do not wait (nor keep a contact) forever ---------------------------


@override_settings(MENTORS_REQUEST_EXPIRY_DAYS=180, MENTORS_CONTACT_RETENTION_DAYS=30)
def test_a_request_waiting_longer_than_the_expiry_is_withdrawn_and_later_erased(programme):
    now = timezone.now()
    stale = RequestFactory(programme=programme, waiting_since=now - timedelta(days=181))
    fresh = RequestFactory(programme=programme, waiting_since=now - timedelta(days=179))
    offer = match_make(request=stale, status=MatchStatus.PROPOSED)

    assert tasks.contacts_erase_task.delay().get() == 0

    stale.refresh_from_db()
    fresh.refresh_from_db()
    offer.refresh_from_db()
    assert (stale.status, fresh.status) == (RequestStatus.WITHDRAWN, RequestStatus.OPEN)
    assert stale.closed_at is not None and fresh.closed_at is None
    assert offer.status == MatchStatus.INVALIDATED
    assert services.contacts_erase_due(now=stale.closed_at + timedelta(days=31)) == 1
    stale.refresh_from_db()
    assert stale.contact == ""


@override_settings(MENTORS_REQUEST_EXPIRY_DAYS=180)
def test_a_matched_request_never_expires(programme):
    request = RequestFactory(
        programme=programme,
        status=RequestStatus.MATCHED,
        waiting_since=timezone.now() - timedelta(days=400),
    )

    assert services.requests_expire() == 0

    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHED


def test_requests_expire_after_180_days_by_default(settings):
    assert settings.MENTORS_REQUEST_EXPIRY_DAYS == 180


# --- The data export's "mentoring" section ---------------------------------------------------


def _mentor_with_matches(programme, count: int):
    mentor = mentor_make(programme=programme, bio="Nurse, Raval", capacity=5)
    for _ in range(count):
        match = match_make(mentor=mentor, status=MatchStatus.ACTIVE)
        _support_session(match)
    return mentor


def test_a_mentors_export_holds_her_profile_matches_and_sessions(programme):
    mentor = _mentor_with_matches(programme, 1)
    match = mentor.matches.get()

    section = person_data_export(user=mentor.person)["mentoring"]

    (profile,) = section["mentor_profiles"]
    assert (profile["programme"], profile["status"], profile["bio"]) == (
        programme.name,
        MentorStatus.ACTIVE,
        "Nurse, Raval",
    )
    assert profile["languages"] == {"ar": 4, "es": 3}
    assert (profile["capacity"], profile["countries"]) == (5, ["ES"])
    assert profile["matches"] == [{"request": match.request_id, "status": MatchStatus.ACTIVE}]
    (session,) = profile["sessions"]
    assert (session["kind"], session["duration_minutes"], session["support"]) == (
        SessionKind.SUPPORT,
        45,
        {SupportCategory.ACCOMPANIMENT: 1},
    )
    assert section["requests_filed"] == []
    json.dumps(section)


def test_a_mentors_export_holds_no_requesters_name_contact_or_safe_times(programme):
    mentor = _mentor_with_matches(programme, 2)
    requests = MentoringRequest.objects.filter(matches__mentor=mentor)

    exported = json.dumps(person_data_export(user=mentor.person)["mentoring"])

    for request in requests:
        for secret in (request.name, request.contact, request.safe_times):
            assert secret and secret not in exported


def test_a_requesters_export_holds_her_own_requests_as_she_gave_them(programme):
    person = UserFactory()
    mine = RequestFactory(programme=programme, filed_by=person, name="Amal", contact="+34 611")
    RequestFactory(programme=programme, name="Someone else")

    section = person_data_export(user=person)["mentoring"]

    (request,) = section["requests_filed"]
    assert (request["number"], request["name"], request["contact"]) == (mine.pk, "Amal", "+34 611")
    assert (request["kind"], request["status"], request["safe_times"]) == (
        mine.kind,
        RequestStatus.OPEN,
        "Weekday mornings",
    )
    assert request["filed_at"] == mine.created_at.isoformat()
    assert section["mentor_profiles"] == []
    assert "Someone else" not in json.dumps(section)


@pytest.mark.parametrize("count", [1, 3])
def test_a_mentors_export_takes_the_same_queries_for_1_or_3_matches(
    programme, count, django_assert_num_queries
):
    mentor = _mentor_with_matches(programme, count)
    RequestFactory(programme=programme, filed_by=mentor.person)

    with django_assert_num_queries(7):
        person_mentoring_data(mentor.person)
