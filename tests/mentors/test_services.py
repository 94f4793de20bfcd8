"""mentors.services: the pool, requests, the match lifecycle (capacity under concurrency),
sessions and their ledger rows, safeguarding, and the retention of contact details."""

from datetime import timedelta

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from wagtail.models import ModelLogEntry, Site

import pytest

from core.crypto import contact_digest
from impact.enums import ParticipationKind
from impact.models import Participation
from mentors import services
from mentors.enums import (
    BlockSource,
    DeclineReason,
    EndReason,
    LanguageLevel,
    MatchStatus,
    MeetingFormat,
    MentorStatus,
    RequestKind,
    RequestStatus,
    SessionKind,
    SupportCategory,
)
from mentors.models import DoNotMatch, Match, MentoringRequest, MentorProfile
from people.enums import Role
from tests.factories import RegionFactory, UserFactory, user_with_role
from tests.factories.mentors import RequestFactory, match_make, mentor_make

# --- Helpers ------------------------------------------------------------------------------


def course_page(*, programme, tracks=("mentor",), title="Community mentor foundations"):
    """A published course page (any tracks) in the catalogue, owned by ``programme``."""
    from courses.models import CourseIndexPage, CoursePage

    home = Site.objects.get(is_default_site=True).root_page.specific
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title="Courses", slug="courses")
        home.add_child(instance=index)
        index.save_revision().publish()
    course = CoursePage(
        title=title,
        slug=f"course-{CoursePage.objects.count() + 1}",
        summary="About it",
        tracks=list(tracks),
        duration_minutes=60,
        programme=programme,
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    return course


def mentor_track_done(profile, *, tracks=("mentor",), programme=None):
    """Write the ledger row a completed course writes, for the mentor of ``profile``."""
    from impact.services import participation_record

    course = course_page(programme=profile.programme, tracks=tracks)
    participation_record(
        kind=ParticipationKind.COURSE_COMPLETED,
        source=course,
        person=profile.person,
        programmes=[(programme or profile.programme).pk],
    )
    return course


def support_data(**overrides) -> dict:
    data = {
        "name": "Sara",
        "contact_method": "phone",
        "contact": "+34 600 111 222",
        "safe_times": "Weekday mornings",
        "languages": ["ar"],
        "country": "ES",
        "formats": [MeetingFormat.IN_PERSON],
        "availability": ["mon-morning"],
        "needs": ["health"],
        "consent": True,
        "conduct_accepted": True,
    }
    data.update(overrides)
    return data


def session_data(kind=SessionKind.SUPPORT, **overrides) -> dict:
    data = {
        "kind": kind,
        "size": "group" if kind != SessionKind.SUPPORT else "one_to_one",
        "date": timezone.localdate(),
        "duration_minutes": 60,
        "format": MeetingFormat.IN_PERSON,
        "topic": "Visit to the health centre",
    }
    data.update(overrides)
    return data


def ledger(kind):
    return list(
        Participation.objects.filter(kind=kind)
        .order_by("subject_key")
        .values_list("subject_key", "count")
    )


# --- The pool -----------------------------------------------------------------------------


def test_mentor_apply_makes_an_applicant_once(programme, mentor):
    first = services.mentor_apply(person=mentor, programme=programme)
    again = services.mentor_apply(person=mentor, programme=programme)
    assert (first.pk, first.status) == (again.pk, MentorStatus.APPLICANT)


def test_mentor_apply_is_refused_to_a_professional(programme, professional):
    with pytest.raises(ValidationError):
        services.mentor_apply(person=professional, programme=programme)


def test_profile_save_replaces_languages_and_accepting_conduct_starts_training(programme, mentor):
    profile = services.mentor_apply(person=mentor, programme=programme)
    profile.countries, profile.formats, profile.expertise = ["ES"], ["online"], ["health"]
    services.profile_save(
        profile=profile, languages={"ar": LanguageLevel.NATIVE, "es": 2}, by=mentor
    )
    assert profile.status == MentorStatus.APPLICANT
    services.profile_save(
        profile=profile, languages={"fa": LanguageLevel.FLUENT}, by=mentor, conduct_accepted=True
    )
    profile.refresh_from_db()
    assert list(profile.languages.values_list("language", "level")) == [("fa", 3)]
    assert profile.status == MentorStatus.IN_TRAINING
    assert profile.conduct_accepted_at is not None


def test_profile_save_refuses_a_region_outside_her_countries(programme, mentor):
    profile = mentor_make(programme=programme, person=mentor)
    with pytest.raises(ValidationError) as error:
        services.profile_save(
            profile=profile,
            languages={"ar": 4},
            by=mentor,
            regions=[RegionFactory(name="Prizren", country="XK")],
        )
    assert error.value.message_dict == {"regions": ["Prizren is not in a country you serve."]}


def test_profile_save_by_another_mentor_is_refused(programme, mentor):
    profile = mentor_make(programme=programme, person=mentor)
    with pytest.raises(PermissionDenied):
        services.profile_save(profile=profile, languages={"ar": 4}, by=user_with_role(Role.MENTOR))


def test_mentor_track_counts_only_mentor_courses_of_the_programme(
    programme, other_programme, mentor
):
    profile = mentor_make(programme=programme, person=mentor, status=MentorStatus.IN_TRAINING)
    mentor_track_done(profile, tracks=("professional",))
    mentor_track_done(profile, programme=other_programme)
    assert services.mentor_track_completed(person=mentor, programme=programme) == []
    course = mentor_track_done(profile, tracks=("professional", "mentor"))
    done = services.mentor_track_completed(person=mentor, programme=programme)
    assert [row["title"] for row in done] == [course.title]


def test_mentor_approve_is_refused_without_the_mentor_track(programme, organiser, mentor):
    profile = mentor_make(programme=programme, person=mentor, status=MentorStatus.IN_TRAINING)
    with pytest.raises(ValidationError) as error:
        services.mentor_approve(profile=profile, by=organiser)
    assert error.value.messages == [
        "She has not completed the programme's mentor-track course yet."
    ]
    assert not Participation.objects.filter(kind=ParticipationKind.MENTOR_EMPOWERED).exists()


def test_mentor_approve_writes_mentor_empowered_once(
    programme, organiser, mentor, django_capture_on_commit_callbacks
):
    profile = mentor_make(programme=programme, person=mentor, status=MentorStatus.IN_TRAINING)
    mentor_track_done(profile)
    with django_capture_on_commit_callbacks(execute=True):
        services.mentor_approve(profile=profile, by=organiser)
    profile.refresh_from_db()
    assert (profile.status, profile.approved_by) == (MentorStatus.ACTIVE, organiser)
    with pytest.raises(ValidationError):
        services.mentor_approve(profile=profile, by=organiser)
    row = Participation.objects.get(kind=ParticipationKind.MENTOR_EMPOWERED)
    assert (row.person, list(row.programmes.all())) == (mentor, [programme])
    assert [m.to for m in mail.outbox] == [[mentor.email]]


def test_mentor_approve_by_another_programmes_organiser_is_refused(
    programme, other_organiser, mentor
):
    profile = mentor_make(programme=programme, person=mentor, status=MentorStatus.IN_TRAINING)
    mentor_track_done(profile)
    with pytest.raises(PermissionDenied):
        services.mentor_approve(profile=profile, by=other_organiser)


def test_mentor_status_set_pauses_resumes_and_refuses_alumni_with_running_matches(
    programme, mentor
):
    profile = mentor_make(programme=programme, person=mentor)
    services.mentor_status_set(profile=profile, status=MentorStatus.PAUSED, by=mentor)
    services.mentor_status_set(profile=profile, status=MentorStatus.ACTIVE, by=mentor)
    match_make(mentor=profile)
    with pytest.raises(ValidationError):
        services.mentor_status_set(profile=profile, status=MentorStatus.ALUMNI, by=mentor)
    with pytest.raises(ValidationError):
        services.mentor_status_set(profile=profile, status=MentorStatus.IN_TRAINING, by=mentor)
    profile.refresh_from_db()
    assert profile.status == MentorStatus.ACTIVE


def test_a_mentor_who_pauses_declines_her_open_offers(programme, mentor):
    profile = mentor_make(programme=programme, person=mentor)
    offer = match_make(mentor=profile, status=MatchStatus.PROPOSED)
    running = match_make(mentor=profile, status=MatchStatus.ACTIVE)
    services.mentor_status_set(profile=profile, status=MentorStatus.PAUSED, by=mentor)
    offer.refresh_from_db()
    running.refresh_from_db()
    offer.request.refresh_from_db()
    assert (offer.status, offer.decline_reason) == (MatchStatus.DECLINED, DeclineReason.NO_TIME)
    assert (offer.request.status, offer.request.priority) == (RequestStatus.OPEN, True)
    assert running.status == MatchStatus.ACTIVE


# --- Requests ----------------------------------------------------------------------------


def test_request_create_requires_consent(programme):
    with pytest.raises(ValidationError) as error:
        services.request_create(
            programme=programme, kind=RequestKind.SUPPORT, data=support_data(consent=False)
        )
    assert list(error.value.message_dict) == ["consent"]
    assert MentoringRequest.objects.count() == 0


def test_request_create_sets_waiting_and_the_contact_digest(programme):
    request = services.request_create(
        programme=programme, kind=RequestKind.SUPPORT, data=support_data()
    )
    assert request.status == RequestStatus.OPEN
    assert request.waiting_since == request.consent_at
    assert request.requester_key == contact_digest("+34600111222")


@override_settings(MENTORS_MAX_OPEN_REQUESTS=2)
def test_request_create_limits_open_requests_per_person(programme, professional):
    for n in range(2):
        services.request_create(
            programme=programme,
            kind=RequestKind.SUPPORT,
            data=support_data(contact=f"+34 600 000 00{n}"),
            filed_by=professional,
        )
    with pytest.raises(ValidationError) as error:
        services.request_create(
            programme=programme,
            kind=RequestKind.SUPPORT,
            data=support_data(contact="+34 699 999 999"),
            filed_by=professional,
        )
    assert error.value.messages == [
        "You already have 2 open requests. Please wait until one is answered or closed "
        "before asking again."
    ]
    MentoringRequest.objects.filter(filed_by=professional).update(status=RequestStatus.CLOSED)
    services.request_create(
        programme=programme, kind=RequestKind.SUPPORT, data=support_data(), filed_by=professional
    )


@override_settings(MENTORS_MAX_OPEN_REQUESTS=2)
def test_request_create_limits_open_requests_per_contact_however_written(programme):
    for contact in ("+34 600-111 222", "+34600111222"):
        services.request_create(
            programme=programme, kind=RequestKind.SUPPORT, data=support_data(contact=contact)
        )
    with pytest.raises(ValidationError) as error:
        services.request_create(
            programme=programme,
            kind=RequestKind.SUPPORT,
            data=support_data(contact="+34 (600) 111.222"),
        )
    assert "already 2 open requests with this contact" in error.value.messages[0]


def service_data(**overrides) -> dict:
    """A request a service files for a woman, with the service's own contact."""
    data = support_data(
        organisation="Casa de la Dona",
        contact_method="service",
        contact="info@casadeladona.example.org",
    )
    data.update(overrides)
    return data


@override_settings(MENTORS_MAX_OPEN_REQUESTS=2)
@pytest.mark.parametrize("method", ["service", "email"])
def test_a_service_filing_on_behalf_is_not_limited_by_its_shared_contact(programme, method):
    for _n in range(4):
        request = services.request_create(
            programme=programme,
            kind=RequestKind.SUPPORT,
            data=service_data(contact_method=method),
            on_behalf=True,
        )
        # The service's contact recognises no woman: a block of one keeps no other apart.
        assert request.requester_key == ""
    assert MentoringRequest.objects.filter(on_behalf=True, status=RequestStatus.OPEN).count() == 4


def test_a_contact_through_the_service_recognises_no_one(programme):
    request = services.request_create(
        programme=programme,
        kind=RequestKind.SUPPORT,
        data=service_data(),
        on_behalf=True,
    )
    match = match_make(mentor=mentor_make(programme=programme), request=request)
    block = services.match_block(match=match, by=match.mentor.person, source=BlockSource.MENTOR)
    assert (block.request_id, block.requester_key) == (request.pk, "")


@override_settings(MENTORS_MAX_OPEN_REQUESTS=2, MENTORS_MAX_OPEN_REQUESTS_ON_BEHALF=3)
def test_a_signed_in_service_has_the_higher_on_behalf_limit(programme, professional):
    for _n in range(3):
        services.request_create(
            programme=programme,
            kind=RequestKind.SUPPORT,
            data=service_data(),
            filed_by=professional,
            on_behalf=True,
        )
    with pytest.raises(ValidationError) as error:
        services.request_create(
            programme=programme,
            kind=RequestKind.SUPPORT,
            data=service_data(),
            filed_by=professional,
            on_behalf=True,
        )
    assert error.value.messages == [
        "You already have 3 open requests. Please wait until one is answered or closed "
        "before asking again."
    ]
    # Her own requests keep their own, lower limit.
    services.request_create(
        programme=programme, kind=RequestKind.SUPPORT, data=support_data(), filed_by=professional
    )


def test_the_on_behalf_limit_is_a_setting_of_25_by_default(settings):
    assert settings.MENTORS_MAX_OPEN_REQUESTS_ON_BEHALF == 25


def test_request_create_for_a_training_needs_organisation_and_topic(programme):
    with pytest.raises(ValidationError) as error:
        services.request_create(
            programme=programme, kind=RequestKind.TRAINING, data=support_data(needs=[])
        )
    assert sorted(error.value.message_dict) == ["organisation", "topic"]
    request = services.request_create(
        programme=programme,
        kind=RequestKind.TRAINING,
        data=support_data(
            needs=[], organisation="Health centre Raval", topic="Interpreting in consultations"
        ),
    )
    assert request.needs == ["training"]


def test_request_withdraw_closes_its_offers_and_starts_retention(
    programme, professional, django_capture_on_commit_callbacks
):
    request = services.request_create(
        programme=programme, kind=RequestKind.SUPPORT, data=support_data(), filed_by=professional
    )
    offer = match_make(request=request, status=MatchStatus.PROPOSED)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_withdraw(request=request, by=professional)
    offer.refresh_from_db()
    request.refresh_from_db()
    assert (offer.status, request.status) == (MatchStatus.INVALIDATED, RequestStatus.WITHDRAWN)
    assert request.closed_at is not None
    assert [m.to for m in mail.outbox] == [[offer.mentor.person.email]]


def test_request_withdraw_logs_each_offer_and_match_it_ends(programme, professional):
    request = services.request_create(
        programme=programme, kind=RequestKind.SUPPORT, data=support_data(), filed_by=professional
    )
    offer = match_make(request=request, status=MatchStatus.PROPOSED)
    running = match_make(request=request, status=MatchStatus.ACTIVE)
    services.request_withdraw(request=request, by=professional)
    entries = ModelLogEntry.objects.filter(action="mentors.match_change").order_by("object_id")
    rows = sorted((e.object_id, e.user_id, e.data["change"], e.data["status"]) for e in entries)
    assert rows == sorted(
        [
            (str(offer.pk), professional.pk, "withdrawn", MatchStatus.INVALIDATED),
            (str(running.pk), professional.pk, "withdrawn", MatchStatus.ENDED_EARLY),
        ]
    )


# --- Encryption at rest and retention ---------------------------------------------------


def _raw(request, column):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM mentors_mentoringrequest WHERE id = %s",  # noqa: S608
            [request.pk],
        )
        return cursor.fetchone()[0]


def test_a_requesters_contact_details_are_unreadable_in_the_database(programme):
    request = services.request_create(
        programme=programme, kind=RequestKind.SUPPORT, data=support_data()
    )
    raw = {column: _raw(request, column) for column in ("name", "contact", "safe_times")}
    assert all(value.startswith("fernet:") for value in raw.values())
    assert not any(
        secret in value
        for value in raw.values()
        for secret in ("Sara", "600", "111 222", "Weekday")
    )
    again = MentoringRequest.objects.get(pk=request.pk)
    assert (again.name, again.contact, again.safe_times) == (
        "Sara",
        "+34 600 111 222",
        "Weekday mornings",
    )


@override_settings(MENTORS_CONTACT_RETENTION_DAYS=30)
def test_contacts_are_erased_after_the_retention_time_and_the_request_still_counts(programme):
    region = RegionFactory(name="Barcelona", country="ES")
    request = services.request_create(
        programme=programme, kind=RequestKind.SUPPORT, data=support_data(region=region)
    )
    match = match_make(request=request, status=MatchStatus.ACTIVE)
    services.match_complete(match=match, by=None)
    request.refresh_from_db()
    closed = request.closed_at
    assert services.contacts_erase_due(now=closed + timedelta(days=29, hours=23)) == 0
    assert _raw(request, "contact").startswith("fernet:")
    assert services.contacts_erase_due(now=closed + timedelta(days=30, minutes=1)) == 1
    request.refresh_from_db()
    assert [_raw(request, c) for c in ("name", "contact", "safe_times")] == ["", "", ""]
    assert (request.contact_method, request.requester_key) == ("", "")
    assert request.contact_erased_at == closed + timedelta(days=30, minutes=1)
    assert (request.kind, request.languages, request.country, request.region) == (
        RequestKind.SUPPORT,
        ["ar"],
        "ES",
        region,
    )
    assert services.contacts_erase_due(now=closed + timedelta(days=60)) == 0


@override_settings(MENTORS_CONTACT_RETENTION_DAYS=30)
def test_an_open_request_is_never_erased(programme):
    request = RequestFactory(programme=programme)
    assert services.contacts_erase_due(now=timezone.now() + timedelta(days=365)) == 0
    request.refresh_from_db()
    assert request.contact.startswith("+34")


# --- Accepting an offer --------------------------------------------------------------------


def test_match_accept_takes_a_seat_and_closes_competing_offers(
    programme, django_capture_on_commit_callbacks
):
    request = RequestFactory(programme=programme)
    chosen, other = (
        match_make(mentor=mentor_make(programme=programme), request=request, status="proposed")
        for _ in range(2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.match_accept(match=chosen, by=chosen.mentor.person)
    other.refresh_from_db()
    request.refresh_from_db()
    assert (chosen.status, other.status, request.status) == (
        MatchStatus.ACCEPTED,
        MatchStatus.INVALIDATED,
        RequestStatus.MATCHED,
    )
    assert chosen.mentor_conduct_accepted_at == chosen.mentor.conduct_accepted_at
    assert [m.to for m in mail.outbox] == [[other.mentor.person.email]]
    with pytest.raises(ValidationError):
        services.match_accept(match=other, by=other.mentor.person)


def test_match_accept_refuses_past_capacity(programme):
    profile = mentor_make(programme=programme, capacity=1)
    match_make(mentor=profile, status=MatchStatus.PAUSED)
    offer = match_make(mentor=profile, status=MatchStatus.PROPOSED)
    with pytest.raises(ValidationError) as error:
        services.match_accept(match=offer, by=profile.person)
    assert "as many as your capacity allows" in error.value.messages[0]
    offer.refresh_from_db()
    assert offer.status == MatchStatus.PROPOSED


def test_match_accept_only_by_the_offered_mentor(programme, organiser):
    offer = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.PROPOSED)
    with pytest.raises(PermissionDenied):
        services.match_accept(match=offer, by=organiser)


def test_match_accept_needs_the_code_of_conduct(programme):
    profile = mentor_make(programme=programme, conduct_accepted_at=None)
    offer = match_make(mentor=profile, status=MatchStatus.PROPOSED)
    with pytest.raises(ValidationError) as error:
        services.match_accept(match=offer, by=profile.person)
    assert error.value.messages == ["Accept the code of conduct first."]


@pytest.fixture
def default_locale(transactional_db):
    """The default locale, which a flush by an earlier transactional test took away."""
    from django.conf import settings

    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]


def _accept_in_threads(offers):
    from concurrent.futures import ThreadPoolExecutor

    def attempt(offer):
        try:
            services.match_accept(match=offer, by=offer.mentor.person)
            return "accepted"
        except ValidationError:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(attempt, offers))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_accepts_never_exceed_a_mentors_capacity(default_locale):
    profile = mentor_make(capacity=1)
    offers = [match_make(mentor=profile, status=MatchStatus.PROPOSED) for _ in range(12)]
    for offer in offers:
        offer.mentor.person  # loaded before the threads start  # noqa: B018
    results = _accept_in_threads(offers)
    assert (results.count("accepted"), results.count("refused")) == (1, 11)
    assert Match.objects.filter(mentor=profile, status=MatchStatus.ACCEPTED).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_accepts_give_one_request_one_mentor(default_locale):
    request = RequestFactory()
    offers = [
        match_make(
            mentor=mentor_make(programme=request.programme, capacity=3),
            request=request,
            status=MatchStatus.PROPOSED,
        )
        for _ in range(8)
    ]
    results = _accept_in_threads(offers)
    assert results.count("accepted") == 1
    statuses = sorted(Match.objects.filter(request=request).values_list("status", flat=True))
    assert statuses == ["accepted"] + ["invalidated"] * 7
    assert MentoringRequest.objects.get(pk=request.pk).status == RequestStatus.MATCHED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_accepts_across_mentors_and_requests_hold_every_capacity(default_locale):
    from tests.factories.programmes import programme_make

    programme = programme_make()
    mentors = [mentor_make(programme=programme, capacity=2) for _ in range(3)]
    requests = [RequestFactory(programme=programme) for _ in range(8)]
    offers = [
        match_make(mentor=mentor, request=request, status=MatchStatus.PROPOSED)
        for mentor in mentors
        for request in requests
    ]
    _accept_in_threads(offers)
    for mentor in mentors:
        assert Match.objects.filter(mentor=mentor, status="accepted").count() == 2
    for request in requests:
        assert Match.objects.filter(request=request, status="accepted").count() <= 1


# --- Declining, ending and blocking ------------------------------------------------------


def test_match_decline_needs_a_reason_and_puts_her_first_in_line(programme):
    offer = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.PROPOSED)
    with pytest.raises(ValidationError):
        services.match_decline(match=offer, by=offer.mentor.person, reason="")
    services.match_decline(match=offer, by=offer.mentor.person, reason=DeclineReason.NO_TIME)
    offer.request.refresh_from_db()
    assert (offer.status, offer.decline_reason) == (MatchStatus.DECLINED, "no_time")
    assert (offer.request.status, offer.request.priority) == (RequestStatus.OPEN, True)
    assert not DoNotMatch.objects.exists()


def test_declining_because_she_knows_her_keeps_them_apart(programme):
    offer = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.PROPOSED)
    services.match_decline(match=offer, by=offer.mentor.person, reason=DeclineReason.CONFLICT)
    block = DoNotMatch.objects.get()
    assert (block.mentor, block.request, block.requester_key, block.source) == (
        offer.mentor,
        offer.request,
        offer.request.requester_key,
        BlockSource.MENTOR,
    )


def test_match_lifecycle_start_pause_resume(programme):
    match = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.ACCEPTED)
    by = match.mentor.person
    services.match_start(match=match, by=by)
    services.match_pause(match=match, by=by)
    assert match.paused_at is not None
    services.match_resume(match=match, by=by)
    with pytest.raises(ValidationError):
        services.match_resume(match=match, by=by)
    match.refresh_from_db()
    assert (match.status, match.paused_at) == (MatchStatus.ACTIVE, None)


def test_match_complete_closes_the_request_and_asks_for_closing_feedback(
    programme, django_capture_on_commit_callbacks
):
    match = match_make(mentor=mentor_make(programme=programme))
    with django_capture_on_commit_callbacks(execute=True):
        services.match_complete(match=match, by=match.mentor.person)
    match.request.refresh_from_db()
    assert (match.status, match.request.status) == (MatchStatus.COMPLETED, RequestStatus.CLOSED)
    assert match.request.closed_at is not None and match.closing_sent_at is not None
    assert [m.subject for m in mail.outbox] == ["Your mentoring has ended: tell us how it went"]


def test_ending_early_because_she_reached_her_goal_counts_as_completed(programme):
    match = match_make(mentor=mentor_make(programme=programme))
    services.match_end_early(match=match, by=None, reason=EndReason.GOAL_REACHED)
    assert match.status == MatchStatus.COMPLETED


def test_ending_early_with_her_goal_reached_saves_the_note_with_the_logged_change(
    programme, monkeypatch
):
    match = match_make(mentor=mentor_make(programme=programme))
    logged, seen = services._logged, []

    def spy(locked, by, **data):
        # The note is written by the time the change is logged, in the same transaction.
        seen.append(Match.objects.get(pk=locked.pk).note)
        logged(locked, by, **data)

    monkeypatch.setattr(services, "_logged", spy)
    services.match_end_early(
        match=match, by=None, reason=EndReason.GOAL_REACHED, note="Found a job"
    )
    assert seen == ["Found a job"]
    stored = Match.objects.get(pk=match.pk)
    assert (stored.status, stored.note, match.note) == (
        MatchStatus.COMPLETED,
        "Found a job",
        "Found a job",
    )
    entries = ModelLogEntry.objects.filter(object_id=str(match.pk), action="mentors.match_change")
    assert [entry.data["status"] for entry in entries] == [MatchStatus.COMPLETED]


def test_a_woman_who_loses_her_mentor_waits_again_first_in_line(programme):
    match = match_make(mentor=mentor_make(programme=programme))
    before = match.request.waiting_since
    services.match_end_early(
        match=match, by=match.mentor.person, reason=EndReason.MENTOR_UNAVAILABLE
    )
    match.request.refresh_from_db()
    assert (match.status, match.end_reason) == (MatchStatus.ENDED_EARLY, "mentor_unavailable")
    assert (match.request.status, match.request.priority) == (RequestStatus.OPEN, True)
    assert match.request.waiting_since > before and match.request.closed_at is None


def test_ending_early_because_she_moved_closes_the_request(programme):
    match = match_make(mentor=mentor_make(programme=programme))
    services.match_end_early(match=match, by=None, reason=EndReason.MOVED, note="Moved")
    match.request.refresh_from_db()
    assert (match.request.status, match.note) == (RequestStatus.CLOSED, "Moved")


def test_match_contact_visible_only_to_the_mentor_while_it_holds(programme, organiser):
    match = match_make(mentor=mentor_make(programme=programme), status=MatchStatus.PROPOSED)
    mentor = match.mentor.person
    assert not services.match_contact_visible(match=match, user=mentor)
    for status in (MatchStatus.ACCEPTED, MatchStatus.ACTIVE, MatchStatus.PAUSED):
        match.status = status
        assert services.match_contact_visible(match=match, user=mentor)
        assert not services.match_contact_visible(match=match, user=organiser)
    match.status = MatchStatus.COMPLETED
    assert not services.match_contact_visible(match=match, user=mentor)


def test_match_block_ends_the_match_and_keeps_them_apart(programme):
    match = match_make(mentor=mentor_make(programme=programme))
    block = services.match_block(match=match, by=match.mentor.person, source=BlockSource.MENTOR)
    match.request.refresh_from_db()
    assert block.requester_key == match.request.requester_key != ""
    assert match.status == MatchStatus.ENDED_EARLY
    assert (match.request.status, match.request.priority) == (RequestStatus.OPEN, True)


# --- Sessions and the ledger ---------------------------------------------------------------


def test_a_support_session_counts_the_matchs_woman_once_whatever_the_kinds_of_help(programme):
    region = RegionFactory(name="Barcelona", country="ES")
    match = match_make(
        mentor=mentor_make(programme=programme),
        request=RequestFactory(programme=programme, region=region),
    )
    session = services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data(),
        match=match,
        support_counts={SupportCategory.ACCOMPANIMENT: 1, SupportCategory.INTERPRETING: 1},
    )
    later = services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data(),
        match=match,
        support_counts={SupportCategory.EMOTIONAL: 1},
    )
    assert ledger(ParticipationKind.WOMEN_SUPPORTED) == [
        (f"aggregate:request:{match.request_id}", 1)
    ]
    supported = Participation.objects.get(kind=ParticipationKind.WOMEN_SUPPORTED)
    assert (supported.person, supported.source, supported.country, supported.region) == (
        None,
        match.request,
        "ES",
        "Barcelona",
    )
    assert list(supported.programmes.all()) == [programme]
    # The kinds of help stay with each session, as its breakdown.
    assert list(session.support_counts.values_list("category", "count")) == [
        (SupportCategory.ACCOMPANIMENT, 1),
        (SupportCategory.INTERPRETING, 1),
    ]
    assert later.support_counts.count() == 1
    held = Participation.objects.filter(kind=ParticipationKind.MENTORING_SESSION)
    assert sorted(held.values_list("source_id", flat=True)) == sorted(
        [str(session.pk), str(later.pk)]
    )


def test_a_woman_matched_again_counts_once_in_women_supported(programme):
    first = match_make(mentor=mentor_make(programme=programme))
    services.session_log(
        mentor=first.mentor,
        by=first.mentor.person,
        data=session_data(),
        match=first,
        support_counts={SupportCategory.EMOTIONAL: 1},
    )
    services.match_end_early(match=first, by=None, reason=EndReason.MENTOR_UNAVAILABLE)
    second = match_make(mentor=mentor_make(programme=programme), request=first.request)
    services.session_log(
        mentor=second.mentor,
        by=second.mentor.person,
        data=session_data(),
        match=second,
        support_counts={SupportCategory.INFORMATION: 1},
    )
    assert ledger(ParticipationKind.WOMEN_SUPPORTED) == [
        (f"aggregate:request:{first.request_id}", 1)
    ]


def test_a_training_requests_match_logs_no_support_session(programme):
    match = match_make(
        mentor=mentor_make(programme=programme),
        request=RequestFactory(programme=programme, kind=RequestKind.TRAINING),
    )
    with pytest.raises(ValidationError) as error:
        services.session_log(
            mentor=match.mentor,
            by=match.mentor.person,
            data=session_data(),
            match=match,
            support_counts={SupportCategory.INFORMATION: 1},
        )
    assert error.value.message_dict == {
        "kind": [
            "This mentoring is a training for a service: log its sessions as training or "
            "networking. Support sessions are for a woman's mentoring."
        ]
    }
    assert not Participation.objects.filter(kind=ParticipationKind.WOMEN_SUPPORTED).exists()
    trained = services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data(SessionKind.TRAINING, anonymous_count=6),
        match=match,
    )
    assert trained.kind == SessionKind.TRAINING
    # The six trained without an account are professionals: the count says so, so a
    # "professionals trained" indicator counts them.
    counted = Participation.objects.get(
        kind=ParticipationKind.TRAINED_BY_MENTOR, person__isnull=True
    )
    assert (counted.count, counted.role) == (6, "professional")


def test_a_womans_match_logs_networking_but_no_training_session(programme):
    match = match_make(mentor=mentor_make(programme=programme))
    with pytest.raises(ValidationError) as error:
        services.session_log(
            mentor=match.mentor,
            by=match.mentor.person,
            data=session_data(SessionKind.TRAINING, anonymous_count=3),
            match=match,
        )
    assert list(error.value.message_dict) == ["kind"]
    networking = services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data(SessionKind.NETWORKING, anonymous_count=3),
        match=match,
    )
    assert networking.kind == SessionKind.NETWORKING


def test_a_group_session_of_a_match_counts_her_once_and_the_new_women_it_names(programme):
    match = match_make(mentor=mentor_make(programme=programme))
    first = services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data(size="group", women_new=2),
        match=match,
        support_counts={SupportCategory.INFORMATION: 3, SupportCategory.EMOTIONAL: 2},
    )
    again = services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data(size="group"),
        match=match,
        support_counts={SupportCategory.INFORMATION: 3},
    )
    assert ledger(ParticipationKind.WOMEN_SUPPORTED) == [
        (f"aggregate:request:{match.request_id}", 1),
        (f"aggregate:session:{first.pk}", 2),
    ]
    assert (first.women_new, again.women_new) == (2, 0)


def test_a_support_session_without_a_match_counts_only_the_women_given_as_new(programme):
    profile = mentor_make(programme=programme)
    known = services.session_log(
        mentor=profile,
        by=profile.person,
        data=session_data(size="group"),
        support_counts={SupportCategory.INFORMATION: 8},
    )
    new = services.session_log(
        mentor=profile,
        by=profile.person,
        data=session_data(size="group", women_new=5),
        support_counts={SupportCategory.INFORMATION: 8, SupportCategory.PRACTICAL: 3},
    )
    assert ledger(ParticipationKind.WOMEN_SUPPORTED) == [(f"aggregate:session:{new.pk}", 5)]
    assert known.support_counts.count() == 1


@pytest.mark.parametrize(
    ("size", "with_match", "women_new", "counts", "field"),
    [
        ("one_to_one", True, 0, {SupportCategory.EMOTIONAL: 2}, "support_counts"),
        ("one_to_one", True, 1, {SupportCategory.EMOTIONAL: 1}, "women_new"),
        ("one_to_one", False, 2, {SupportCategory.EMOTIONAL: 1}, "women_new"),
    ],
)
def test_a_one_to_one_support_session_is_with_one_woman(
    programme, size, with_match, women_new, counts, field
):
    match = match_make(mentor=mentor_make(programme=programme))
    with pytest.raises(ValidationError) as error:
        services.session_log(
            mentor=match.mentor,
            by=match.mentor.person,
            data=session_data(size=size, women_new=women_new),
            match=match if with_match else None,
            support_counts=counts,
        )
    assert list(error.value.message_dict) == [field]
    assert not Participation.objects.exists()


def test_a_one_to_one_session_without_a_match_may_count_one_new_woman(programme):
    profile = mentor_make(programme=programme)
    session = services.session_log(
        mentor=profile,
        by=profile.person,
        data=session_data(women_new=1),
        support_counts={SupportCategory.INFORMATION: 1},
    )
    assert ledger(ParticipationKind.WOMEN_SUPPORTED) == [(f"aggregate:session:{session.pk}", 1)]


def test_women_new_belongs_to_support_sessions(programme):
    profile = mentor_make(programme=programme)
    with pytest.raises(ValidationError):
        services.session_log(
            mentor=profile,
            by=profile.person,
            data=session_data(SessionKind.NETWORKING, anonymous_count=3, women_new=3),
        )


def test_a_support_session_refuses_names(programme):
    profile = mentor_make(programme=programme)
    with pytest.raises(ValidationError) as error:
        services.session_log(
            mentor=profile,
            by=profile.person,
            data=session_data(),
            support_counts={SupportCategory.EMOTIONAL: 1},
            participant_emails=["sara@example.org"],
        )
    assert error.value.messages == [
        "A support session is recorded as counts only: no names, no addresses."
    ]
    with pytest.raises(ValidationError):
        services.session_log(mentor=profile, by=profile.person, data=session_data())
    assert not Participation.objects.exists()


def test_a_networking_session_counts_known_people_and_the_others(programme):
    profile = mentor_make(programme=programme)
    known = UserFactory(email="Leila@Example.org")
    session = services.session_log(
        mentor=profile,
        by=profile.person,
        data=session_data(SessionKind.NETWORKING, anonymous_count=5),
        participant_emails=["leila@example.org ", "nobody@example.org", ""],
    )
    assert session.anonymous_count == 6
    assert list(session.participants.all()) == [known]
    assert ledger(ParticipationKind.COMMUNITY_NETWORKING) == [
        (f"aggregate:session:{session.pk}:anonymous", 6),
        (f"person:{known.pk}", 1),
    ]


def test_a_training_session_writes_trained_by_mentor_per_professional(programme):
    profile = mentor_make(programme=programme)
    nurses = [user_with_role(Role.PROFESSIONAL, email=f"nurse{n}@example.org") for n in range(3)]
    session = services.session_log(
        mentor=profile,
        by=profile.person,
        data=session_data(SessionKind.TRAINING),
        participant_emails=[nurse.email.upper() for nurse in nurses],
    )
    rows = Participation.objects.filter(kind=ParticipationKind.TRAINED_BY_MENTOR)
    assert sorted(rows.values_list("person", flat=True)) == sorted(n.pk for n in nurses)
    assert set(rows.values_list("role", flat=True)) == {Role.PROFESSIONAL}
    assert session.anonymous_count == 0


def test_a_training_session_counts_only_professionals_as_trained(programme):
    profile = mentor_make(programme=programme)
    nurse = user_with_role(Role.PROFESSIONAL, email="nurse@example.org")
    colleague = user_with_role(Role.MENTOR, email="colleague@example.org")
    neighbour = UserFactory(email="neighbour@example.org")
    session = services.session_log(
        mentor=profile,
        by=profile.person,
        data=session_data(SessionKind.TRAINING, anonymous_count=2),
        participant_emails=[nurse.email, colleague.email, neighbour.email],
    )
    assert set(session.participants.all()) == {nurse, colleague, neighbour}
    assert ledger(ParticipationKind.TRAINED_BY_MENTOR) == [
        (f"aggregate:session:{session.pk}:anonymous", 2),
        (f"person:{nurse.pk}", 1),
    ]


def test_session_ledger_rows_are_written_once(programme):
    from mentors.services import _session_ledger

    match = match_make(mentor=mentor_make(programme=programme))
    session = services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data(size="group", women_new=2),
        match=match,
        support_counts={SupportCategory.EMOTIONAL: 2},
    )
    _session_ledger(session=session, mentor=match.mentor, match=match, people=[])
    assert Participation.objects.count() == 3


def test_the_first_session_starts_an_accepted_match_and_rearms_its_reminder(programme):
    match = match_make(
        mentor=mentor_make(programme=programme),
        status=MatchStatus.ACCEPTED,
        reminder_sent_at=timezone.now(),
    )
    services.session_log(
        mentor=match.mentor,
        by=match.mentor.person,
        data=session_data(),
        match=match,
        support_counts={SupportCategory.EMOTIONAL: 1},
    )
    match.refresh_from_db()
    assert (match.status, match.reminder_sent_at) == (MatchStatus.ACTIVE, None)
    assert match.started_at is not None


def test_a_session_cannot_be_logged_for_another_mentors_match(programme):
    mine = mentor_make(programme=programme)
    theirs = match_make(mentor=mentor_make(programme=programme))
    with pytest.raises(ValidationError):
        services.session_log(
            mentor=mine,
            by=mine.person,
            data=session_data(),
            match=theirs,
            support_counts={SupportCategory.EMOTIONAL: 1},
        )


def test_a_session_in_the_future_is_refused(programme):
    profile = mentor_make(programme=programme)
    with pytest.raises(ValidationError) as error:
        services.session_log(
            mentor=profile,
            by=profile.person,
            data=session_data(date=timezone.localdate() + timedelta(days=2)),
            support_counts={SupportCategory.EMOTIONAL: 1},
        )
    assert list(error.value.message_dict) == ["date"]


# --- Safeguarding ---------------------------------------------------------------------------


def test_a_concern_reaches_the_programmes_organisers_without_its_text(
    programme, organiser, mentor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        concern = services.concern_report(
            programme=programme, by=mentor, text="The mentor shared my address."
        )
    assert [m.to for m in mail.outbox] == [[organiser.email]]
    assert "shared my address" not in mail.outbox[0].body
    services.concern_resolve(concern=concern, by=organiser)
    assert concern.status == "resolved"
    with pytest.raises(ValidationError):
        services.concern_resolve(concern=concern, by=organiser)


def test_a_concern_is_resolved_only_by_its_programmes_organisers(
    programme, other_organiser, mentor
):
    concern = services.concern_report(programme=programme, by=mentor, text="Worried.")
    with pytest.raises(PermissionDenied):
        services.concern_resolve(concern=concern, by=other_organiser)


def test_feedback_is_taken_once_per_stage_and_side(programme):
    match = match_make(mentor=mentor_make(programme=programme))
    data = {"rating": 4, "went_well": "We met every week."}
    services.feedback_submit(match=match, stage="midpoint", respondent="mentor", data=data)
    with pytest.raises(ValidationError):
        services.feedback_submit(match=match, stage="midpoint", respondent="mentor", data=data)
    with pytest.raises(ValidationError):
        services.feedback_submit(
            match=match, stage="closing", respondent="mentor", data={"rating": 9}
        )


def test_a_profile_in_another_programme_is_a_separate_pool(programme, other_programme, mentor):
    services.mentor_apply(person=mentor, programme=programme)
    services.mentor_apply(person=mentor, programme=other_programme)
    assert MentorProfile.objects.filter(person=mentor).count() == 2


def test_every_change_of_a_match_by_its_mentor_is_in_the_audit_log(programme):
    from wagtail.models import ModelLogEntry

    mentor = mentor_make(programme=programme, capacity=2)
    rival = mentor_make(programme=programme)
    request = RequestFactory(programme=programme)
    offer = match_make(mentor=mentor, request=request, status=MatchStatus.PROPOSED)
    competing = match_make(mentor=rival, request=request, status=MatchStatus.PROPOSED)

    services.match_accept(match=offer, by=mentor.person)
    services.match_start(match=offer, by=mentor.person)
    services.match_pause(match=offer, by=mentor.person)
    services.match_resume(match=offer, by=mentor.person)
    services.match_end_early(match=offer, by=mentor.person, reason=EndReason.MOVED)

    def entries(match):
        return [
            (entry.user_id, entry.data.get("status"), entry.data.get("change", ""))
            for entry in ModelLogEntry.objects.filter(
                action="mentors.match_change", object_id=str(match.pk)
            ).order_by("pk")
        ]

    person = mentor.person.pk
    assert entries(offer) == [
        (person, MatchStatus.ACCEPTED, ""),
        (person, MatchStatus.ACTIVE, ""),
        (person, MatchStatus.PAUSED, ""),
        (person, MatchStatus.ACTIVE, ""),
        (person, MatchStatus.ENDED_EARLY, "end_early"),
    ]
    # The offer the acceptance closed is logged as the system's doing.
    assert entries(competing) == [(None, MatchStatus.INVALIDATED, "")]


def test_match_contact_read_loads_and_logs_only_for_her_mentor(programme, organiser):
    from wagtail.models import ModelLogEntry

    match = match_make(mentor=mentor_make(programme=programme))
    reads = ModelLogEntry.objects.filter(action="mentors.match_view", object_id=str(match.pk))

    assert services.match_contact_read(match=match, user=organiser) is False
    assert reads.count() == 0
    assert services.match_contact_read(match=match, user=match.mentor.person) is True
    assert list(reads.values_list("user_id", flat=True)) == [match.mentor.person_id]
