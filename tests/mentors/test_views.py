"""The mentoring pages (mentors/views.py): asking for a mentor, the mentor's profile, her
matches and their actions, sessions, feedback and concerns. Each page's happy path and its
refusals: anonymous visitors, the wrong role, another mentor's match (404), bad input
(a message, and what she typed kept)."""

from datetime import timedelta
from unittest.mock import patch

from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest

from core import crypto
from mentors.enums import (
    BlockSource,
    DeclineReason,
    EndReason,
    FeedbackRespondent,
    FeedbackStage,
    LanguageLevel,
    MatchStatus,
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
from people.enums import Role
from tests.factories import RegionFactory, UserFactory, totp_activate, user_with_role
from tests.factories.mentors import match_make, mentor_make
from tests.factories.programmes import organiser_of, programme_make

pytestmark = pytest.mark.django_db

ASK = "/mentoring/ask/"
ASK_TRAINING = "/mentoring/ask-training/"
PROFILE = "/mentoring/profile/"
SESSION_NEW = "/mentoring/sessions/new/"
CONCERN = "/mentoring/concern/"


@pytest.fixture
def spain():
    return programme_make("Barcelona mentoring", "barcelona", countries=["ES"])


@pytest.fixture
def pool(spain, mentor):
    """``mentor`` (amina@example.org), active in the Barcelona programme."""
    return mentor_make(programme=spain, person=mentor)


@pytest.fixture
def mentor_client(client, pool):
    client.force_login(pool.person)
    return client


def support_data(**changes) -> dict:
    data = {
        "name": "Layla",
        "contact_method": "phone",
        "contact": "+34 611 222 333",
        "safe_times": "Tuesday mornings",
        "languages": ["ar"],
        "country": "ES",
        "region": "",
        "formats": ["in_person"],
        "needs": ["health"],
        "organisation": "",
        "consent": "on",
        "conduct": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# --- Asking for support ----------------------------------------------------------------------


def test_the_support_form_says_plainly_not_to_write_about_violence(client, pool):
    response = client.get(ASK)

    body = response.content.decode()
    assert response.status_code == 200
    assert "Please do not write anything about violence or what happened here." in body
    assert "A mentor will ask you what you want to share, when it is safe." in body
    assert 'href="/mentoring/code-of-conduct/"' in body
    assert 'data-reveal-when="id_on_behalf"' in body


def test_the_support_form_answers_in_arabic_right_to_left(client, pool):
    response = client.get("/ar" + ASK)

    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in body
    assert 'action="/ar/mentoring/ask/"' in body


def test_a_support_request_is_filed_and_the_thanks_page_shows_nothing_she_gave(client, pool):
    response = client.post(ASK, support_data())

    request = MentoringRequest.objects.get()
    assert (response.status_code, response["Location"]) == (302, "/mentoring/ask/thanks/")
    assert (request.programme, request.kind, request.status) == (
        pool.programme,
        RequestKind.SUPPORT,
        RequestStatus.OPEN,
    )
    assert (request.name, request.contact, request.needs, request.filed_by) == (
        "Layla",
        "+34 611 222 333",
        ["health"],
        None,
    )
    assert request.conduct_accepted_at is not None
    thanks = client.get(response["Location"]).content.decode()
    assert ("Layla" in thanks, "611 222 333" in thanks, "What happens next" in thanks) == (
        False,
        False,
        True,
    )


def test_a_signed_in_person_files_as_herself(client, pool, professional):
    client.force_login(professional)

    client.post(ASK, support_data())

    assert MentoringRequest.objects.get().filed_by == professional


def test_a_service_filing_for_her_must_name_itself_and_what_was_typed_stays(client, pool):
    response = client.post(ASK, support_data(on_behalf="on", contact_method="service"))

    body = response.content.decode()
    assert response.status_code == 400
    assert "Give the name of your service." in body
    assert 'value="Layla"' in body
    assert MentoringRequest.objects.count() == 0


def test_a_service_files_on_her_behalf(client, pool):
    client.post(
        ASK,
        support_data(on_behalf="on", organisation="Casal dels Infants", contact_method="service"),
    )

    request = MentoringRequest.objects.get()
    assert (request.on_behalf, request.organisation) == (True, "Casal dels Infants")


def test_without_consent_nothing_is_kept_and_she_is_told_why(client, pool):
    response = client.post(ASK, support_data(consent=None))

    assert response.status_code == 400
    assert "Tick the box to agree, or we cannot keep your request." in response.content.decode()
    assert MentoringRequest.objects.count() == 0


def test_a_country_no_programme_serves_is_said_kindly_with_the_helplines(client, pool):
    response = client.post(ASK, support_data(country="IT"))

    body = response.content.decode()
    assert response.status_code == 400
    assert "No mentoring programme works in this country yet." in body
    assert 'href="/safety/"' in body
    assert MentoringRequest.objects.count() == 0


def test_a_region_outside_her_country_is_refused(client, pool):
    kaunas = RegionFactory(name="Kaunas", country="LT")

    response = client.post(ASK, support_data(region=str(kaunas.pk)))

    assert response.status_code == 400
    assert "Kaunas is not in the country you chose." in response.content.decode()


def test_the_programme_in_the_address_takes_the_request(client, pool):
    other = programme_make("Catalonia network", "catalonia", countries=["ES"])
    mentor_make(programme=other)

    client.post(ASK + "?programme=catalonia", support_data())

    assert MentoringRequest.objects.get().programme == other


def test_with_no_active_mentor_anywhere_the_page_points_to_the_helplines(client, spain):
    mentor_make(programme=spain, status=MentorStatus.IN_TRAINING)

    response = client.get(ASK)

    body = response.content.decode()
    assert response.status_code == 200
    assert "No mentors available yet" in body
    assert 'href="/safety/"' in body
    assert "<form" not in body.split('id="main-content"')[1]


def test_the_open_request_limit_is_explained_on_the_form(client, pool, settings):
    settings.MENTORS_MAX_OPEN_REQUESTS = 1
    client.post(ASK, support_data())

    response = client.post(ASK, support_data())

    assert response.status_code == 400
    assert "open requests with this contact" in response.content.decode()
    assert MentoringRequest.objects.count() == 1


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_is_kept(client, pool):
    response = client.post(ASK, support_data(website="http://spam.example"))

    assert (response.status_code, response["Location"]) == (302, "/mentoring/ask/thanks/")
    assert MentoringRequest.objects.count() == 0


@override_settings(MENTORS_ASK_LIMIT_PER_HOUR=2)
def test_requests_from_one_connection_are_limited_per_hour(client, pool):
    for n in range(2):
        client.post(ASK, support_data(contact=f"+34 600 00{n}"))

    response = client.post(ASK, support_data(contact="+34 600 009"))
    other = client.post(ASK, support_data(contact="+34 600 008"), REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 429
    assert "Too many requests were sent from your connection" in response.content.decode()
    assert 'value="+34 600 009"' in response.content.decode()
    assert other.status_code == 302
    assert MentoringRequest.objects.count() == 3


def test_invalid_forms_do_not_use_up_the_hourly_limit(client, pool, settings):
    settings.MENTORS_ASK_LIMIT_PER_HOUR = 1
    client.post(ASK, support_data(name=""))

    response = client.post(ASK, support_data())

    assert response.status_code == 302


# --- Asking for a session or training --------------------------------------------------------


def training_data(**changes) -> dict:
    data = support_data(
        name="Marta",
        contact_method="email",
        contact="marta@ajuntament.example",
        safe_times="Office hours",
        needs=["training"],
        organisation="Ajuntament de Barcelona",
        topic="Reaching migrant women in our district",
        participants_expected="20",
    )
    data.update(changes)
    return data


def test_an_organisation_asks_for_a_training(client, pool):
    response = client.post(ASK_TRAINING, training_data())

    request = MentoringRequest.objects.get()
    assert (response.status_code, response["Location"]) == (
        302,
        "/mentoring/ask-training/thanks/",
    )
    assert (request.kind, request.organisation, request.topic, request.participants_expected) == (
        RequestKind.TRAINING,
        "Ajuntament de Barcelona",
        "Reaching migrant women in our district",
        20,
    )


def test_a_training_request_needs_a_topic_and_keeps_what_was_typed(client, pool):
    response = client.post(ASK_TRAINING, training_data(topic=""))

    assert response.status_code == 400
    assert 'value="Ajuntament de Barcelona"' in response.content.decode()
    assert MentoringRequest.objects.count() == 0


def test_a_contact_that_does_not_fit_the_way_is_refused_on_the_field(client, pool):
    response = client.post(ASK, support_data(contact_method="email", contact="abc"))

    body = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_contact">Phone number or e-mail address: Give an e-mail address' in body
    assert 'value="abc"' in body
    assert MentoringRequest.objects.count() == 0


def test_the_training_form_has_its_own_heading_and_the_region_filter(client, pool):
    body = client.get(ASK_TRAINING).content.decode()

    assert "Who the mentor should contact" in body
    assert "How to reach you safely" not in body
    assert "mentors/mentors.js" in body
    assert 'data-country-field="id_country"' in body


def test_the_training_form_has_no_through_a_service_contact(client, pool):
    body = client.get(ASK_TRAINING).content.decode()

    assert 'value="service"' not in body


def test_the_code_of_conduct_is_a_page_in_the_visitors_language(client):
    response = client.get("/ar/mentoring/code-of-conduct/")

    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


# --- The mentor's profile --------------------------------------------------------------------


def test_the_profile_sends_anonymous_visitors_to_log_in(client):
    response = client.get(PROFILE)

    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/mentoring/profile/",
    )


def test_the_profile_is_for_mentors_only(client, professional):
    client.force_login(professional)

    assert client.get(PROFILE).status_code == 403


def test_a_mentor_without_a_pool_chooses_a_programme_and_joins_as_applicant(client, mentor, spain):
    client.force_login(mentor)
    page = client.get(PROFILE)

    response = client.post(PROFILE, {"programme": spain.pk})

    profile = MentorProfile.objects.get(person=mentor)
    assert "Become a community mentor" in page.content.decode()
    assert (response.status_code, response["Location"]) == (302, PROFILE)
    assert (profile.programme, profile.status) == (spain, MentorStatus.APPLICANT)


def profile_data(**changes) -> dict:
    data = {
        "bio": "I came to Barcelona in 2015 and volunteer at the health centre.",
        "countries": ["ES"],
        "formats": ["in_person", "online"],
        "availability": ["mon-morning", "sat-evening"],
        "capacity": "3",
        "expertise": ["health", "interpreting"],
        "conduct": "on",
        "languages-TOTAL_FORMS": "3",
        "languages-INITIAL_FORMS": "0",
        "languages-0-language": "ar",
        "languages-0-level": str(LanguageLevel.NATIVE),
        "languages-1-language": "es",
        "languages-1-level": str(LanguageLevel.CONVERSATIONAL),
        "languages-2-language": "",
        "languages-2-level": str(LanguageLevel.FLUENT),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_mentor_saves_her_profile_and_accepting_the_code_moves_her_to_training(
    client, mentor, spain
):
    profile = MentorProfile.objects.create(person=mentor, programme=spain)
    raval = RegionFactory(name="Ciutat Vella", country="ES")
    client.force_login(mentor)

    response = client.post(PROFILE, profile_data(regions=[str(raval.pk)]))

    profile.refresh_from_db()
    assert response.status_code == 302
    assert (profile.status, profile.capacity, profile.availability) == (
        MentorStatus.IN_TRAINING,
        3,
        ["mon-morning", "sat-evening"],
    )
    assert dict(profile.languages.values_list("language", "level")) == {
        "ar": LanguageLevel.NATIVE,
        "es": LanguageLevel.CONVERSATIONAL,
    }
    assert list(profile.regions.all()) == [raval]
    assert profile.conduct_accepted_at is not None


def test_a_mentor_removes_a_language_with_its_box(mentor_client, pool):
    data = profile_data(
        conduct=None,
        **{
            "languages-INITIAL_FORMS": "2",
            "languages-1-DELETE": "on",
            "languages-2-language": "fr",
            "languages-2-level": str(LanguageLevel.FLUENT),
        },
    )

    response = mentor_client.post(PROFILE, data)

    assert response.status_code == 302
    assert dict(pool.languages.values_list("language", "level")) == {
        "ar": LanguageLevel.NATIVE,
        "fr": LanguageLevel.FLUENT,
    }


def test_the_availability_grid_is_a_table_of_labelled_checkboxes(mentor_client):
    body = mentor_client.get(PROFILE).content.decode()

    assert '<th scope="row">Monday</th>' in body
    assert body.count('name="availability"') == 21
    assert '<label class="visually-hidden" for="id_availability_0">Monday, morning</label>' in body
    assert 'value="mon-morning" id="id_availability_0" checked' in body


def test_a_profile_without_a_language_is_refused_and_keeps_what_was_typed(client, mentor, spain):
    MentorProfile.objects.create(person=mentor, programme=spain)
    client.force_login(mentor)

    response = client.post(
        PROFILE, profile_data(**{"languages-0-language": "", "languages-1-language": ""})
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert "Give at least one language you speak." in body
    assert "I came to Barcelona in 2015" in body
    assert MentorProfile.objects.get(person=mentor).bio == ""


def test_the_profile_shows_what_is_missing_before_she_is_active(client, mentor, spain):
    MentorProfile.objects.create(person=mentor, programme=spain)
    client.force_login(mentor)

    body = client.get(PROFILE).content.decode()

    assert "Complete the mentor-track course of your programme" in body
    assert "An organiser approves you" in body


# --- Matches ---------------------------------------------------------------------------------


def match_url(match, action: str = "") -> str:
    return f"/mentoring/matches/{match.pk}/" + (f"{action}/" if action else "")


def test_an_offer_never_shows_her_name_or_contact(mentor_client, pool):
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)

    body = mentor_client.get(match_url(offer)).content.decode()

    assert "An offer to answer" in body
    assert f"Support request no. {offer.request_id} · An offer to you" in body
    assert offer.request.name not in body
    assert offer.request.contact not in body
    assert offer.request.safe_times not in body
    assert "Arabic" in body


def test_accepting_an_offer_shows_her_contact_to_the_mentor(mentor_client, pool):
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)

    response = mentor_client.post(match_url(offer, "accept"))

    offer.refresh_from_db()
    body = mentor_client.get(match_url(offer)).content.decode()
    assert (response.status_code, response["Location"]) == (302, match_url(offer))
    assert offer.status == MatchStatus.ACCEPTED
    assert offer.request.name in body
    assert offer.request.contact in body


def never_decrypt(token):
    raise AssertionError("a requester's personal data was decrypted")


def test_the_mentors_pages_never_decrypt_a_contact_they_do_not_show(mentor_client, pool):
    """Her name, contact and safe times are not even read (so not decrypted) on the
    dashboard, the concern page, an offer's page, a closed match's page or the session
    form: only the match page of an accepted, active or paused match reads them."""
    pool.capacity = 5
    pool.save()
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)
    active = match_make(mentor=pool, status=MatchStatus.ACTIVE)
    closed = match_make(mentor=pool, status=MatchStatus.COMPLETED)
    pages = [
        "/my/",
        CONCERN,
        f"{CONCERN}?match={active.pk}",
        match_url(offer),
        match_url(closed),
        f"{SESSION_NEW}?match={active.pk}",
    ]

    with patch("core.crypto.decrypt", side_effect=never_decrypt):
        statuses = {page: mentor_client.get(page).status_code for page in pages}

    assert statuses == dict.fromkeys(pages, 200)


def test_an_accepted_matchs_page_decrypts_and_shows_her_contact(mentor_client, pool):
    accepted = match_make(mentor=pool, status=MatchStatus.ACCEPTED)
    ask = MentoringRequest.objects.get(pk=accepted.request_id)

    with patch("core.crypto.decrypt", wraps=crypto.decrypt) as decrypt:
        body = mentor_client.get(match_url(accepted)).content.decode()

    assert decrypt.call_count == 3  # name, contact and safe times, once each
    assert (ask.name in body, ask.contact in body, ask.safe_times in body) == (True, True, True)


def test_each_time_a_mentor_reads_a_contact_it_is_in_the_audit_log(mentor_client, pool):
    from wagtail.models import ModelLogEntry

    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)
    mentor_client.get(match_url(offer))  # an offer shows no contact: nothing to log
    views = ModelLogEntry.objects.filter(action="mentors.match_view", object_id=str(offer.pk))
    assert views.count() == 0

    Match.objects.filter(pk=offer.pk).update(status=MatchStatus.ACTIVE)
    mentor_client.get(match_url(offer))
    mentor_client.get(match_url(offer))

    assert list(views.values_list("user_id", flat=True)) == [pool.person_id, pool.person_id]


def test_her_contact_reads_left_to_right_on_a_right_to_left_page(mentor_client, pool):
    match = match_make(mentor=pool)  # active: the contact is shown

    body = mentor_client.get(f"/ar{match_url(match)}").content.decode()

    # An Arabic page would otherwise show "+34 600 000 001" as "001 000 600 34+".
    assert f'<bdi dir="ltr">{match.request.contact}</bdi>' in body


def test_another_mentors_match_is_not_found(client, pool):
    match = match_make(mentor=pool)
    client.force_login(user_with_role(Role.MENTOR))

    assert client.get(match_url(match)).status_code == 404
    assert client.post(match_url(match, "accept")).status_code == 404


def test_even_the_programmes_organiser_gets_no_match_page_here(client, pool):
    match = match_make(mentor=pool)
    organiser = organiser_of(pool.programme, email="ruta@example.org")
    totp_activate(organiser)
    client.force_login(organiser)

    assert client.get(match_url(match)).status_code == 404


def test_a_match_page_sends_anonymous_visitors_to_log_in(client, pool):
    match = match_make(mentor=pool)

    assert client.get(match_url(match)).status_code == 302


def test_an_unknown_action_is_not_found_and_actions_need_a_post(mentor_client, pool):
    match = match_make(mentor=pool)

    assert mentor_client.post(match_url(match, "delete")).status_code == 404
    assert mentor_client.get(match_url(match, "pause")).status_code == 405


def test_declining_needs_a_reason(mentor_client, pool):
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)

    response = mentor_client.post(match_url(offer, "decline"), {"decline-reason": ""})

    offer.refresh_from_db()
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert offer.status == MatchStatus.PROPOSED


def test_declining_with_a_reason_closes_the_offer(mentor_client, pool):
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)

    response = mentor_client.post(
        match_url(offer, "decline"), {"decline-reason": DeclineReason.NO_TIME}
    )

    offer.refresh_from_db()
    assert (response.status_code, response["Location"]) == (302, "/my/")
    assert (offer.status, offer.decline_reason) == (MatchStatus.DECLINED, DeclineReason.NO_TIME)


def test_a_mentor_pauses_resumes_and_completes_her_match(mentor_client, pool):
    match = match_make(mentor=pool)

    statuses = []
    for action in ("pause", "resume", "complete"):
        mentor_client.post(match_url(match, action), {"complete-confirm": "on"})
        match.refresh_from_db()
        statuses.append(match.status)

    assert statuses == [MatchStatus.PAUSED, MatchStatus.ACTIVE, MatchStatus.COMPLETED]


def test_completing_needs_the_box_ticked(mentor_client, pool):
    match = match_make(mentor=pool)

    refused = mentor_client.post(match_url(match, "complete"))

    match.refresh_from_db()
    assert refused.status_code == 400
    assert "Tick the box to confirm that the mentoring is over." in refused.content.decode()
    assert match.status == MatchStatus.ACTIVE


def test_an_accepted_match_not_yet_started_cannot_be_marked_completed(mentor_client, pool):
    accepted = match_make(mentor=pool, status=MatchStatus.ACCEPTED)
    running = match_make(mentor=pool)

    waiting = mentor_client.get(match_url(accepted)).content.decode()
    started = mentor_client.get(match_url(running)).content.decode()

    assert "We have met: start the mentoring" in waiting
    assert "Mark as completed" not in waiting
    assert "Yes, the mentoring is over" in started


def test_declining_for_another_reason_takes_a_note_for_the_organisers(mentor_client, pool):
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)

    page = mentor_client.get(match_url(offer)).content.decode()
    mentor_client.post(
        match_url(offer, "decline"),
        {"decline-reason": DeclineReason.OTHER, "decline-note": "I move to Madrid in May"},
    )

    offer.refresh_from_db()
    assert "Anything the organisers should know" in page
    assert (offer.decline_reason, offer.note) == (DeclineReason.OTHER, "I move to Madrid in May")


def test_a_mentor_pauses_herself_and_is_available_again(mentor_client, pool):
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)
    status_url = "/mentoring/profile/status/"

    page = mentor_client.get(PROFILE).content.decode()
    paused = mentor_client.post(status_url, {"profile": pool.pk, "status": "paused"})
    pool.refresh_from_db()
    offer.refresh_from_db()
    paused_page = mentor_client.get(PROFILE).content.decode()
    mentor_client.post(status_url, {"profile": pool.pk, "status": "active"})

    assert "Pause my mentoring" in page
    assert "declined, so the women are offered another mentor first" in page
    assert paused["Location"] == f"{PROFILE}?programme={pool.programme.slug}"
    assert (pool.status, offer.status) == (MentorStatus.PAUSED, MatchStatus.DECLINED)
    assert "I am available again" in paused_page
    pool.refresh_from_db()
    assert pool.status == MentorStatus.ACTIVE


def test_a_mentor_cannot_pause_another_mentors_profile_nor_make_herself_active(
    mentor_client, pool, spain
):
    other = mentor_make(programme=spain)
    applicant = mentor_make(
        programme=programme_make("Palermo", "palermo", countries=["IT"]),
        person=pool.person,
        status=MentorStatus.APPLICANT,
    )
    status_url = "/mentoring/profile/status/"

    foreign = mentor_client.post(status_url, {"profile": other.pk, "status": "paused"})
    mentor_client.post(status_url, {"profile": applicant.pk, "status": "active"}, follow=True)

    applicant.refresh_from_db()
    assert foreign.status_code == 404
    assert applicant.status == MentorStatus.APPLICANT
    assert mentor_client.get(status_url).status_code == 405


def test_a_refused_move_is_told_as_a_message(mentor_client, pool):
    match = match_make(mentor=pool)

    response = mentor_client.post(match_url(match, "resume"), follow=True)

    assert "Only a paused match can resume." in response.content.decode()


def test_ending_early_records_the_reason_and_keeps_the_note_on_error(mentor_client, pool):
    match = match_make(mentor=pool)

    refused = mentor_client.post(match_url(match, "end"), {"end-note": "She moved to Madrid"})
    mentor_client.post(
        match_url(match, "end"), {"end-reason": EndReason.MOVED, "end-note": "She moved"}
    )

    match.refresh_from_db()
    assert refused.status_code == 400
    assert "She moved to Madrid" in refused.content.decode()
    assert (match.status, match.end_reason) == (MatchStatus.ENDED_EARLY, EndReason.MOVED)


def test_blocking_needs_a_confirmation_and_then_ends_the_match(mentor_client, pool):
    match = match_make(mentor=pool)

    refused = mentor_client.post(match_url(match, "block"))
    mentor_client.post(match_url(match, "block"), {"block-confirm": "on"})

    match.refresh_from_db()
    assert refused.status_code == 400
    assert "Tick the box to confirm." in refused.content.decode()
    assert match.status == MatchStatus.ENDED_EARLY
    assert DoNotMatch.objects.get().source == BlockSource.MENTOR


# --- Sessions --------------------------------------------------------------------------------


def session_data(**changes) -> dict:
    data = {
        "kind": SessionKind.SUPPORT,
        "date": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "duration_minutes": "60",
        "format": "in_person",
        "size": "one_to_one",
        "topic": "Visit to the health centre",
        f"support_{SupportCategory.ACCOMPANIMENT}": "1",
        "participant_emails": "",
        "anonymous_count": "",
    }
    data.update(changes)
    return data


def test_a_support_session_of_a_match_is_logged_as_counts(mentor_client, pool):
    match = match_make(mentor=pool, status=MatchStatus.ACCEPTED)

    response = mentor_client.post(f"{SESSION_NEW}?match={match.pk}", session_data())

    session = MentoringSession.objects.get()
    match.refresh_from_db()
    assert (response.status_code, response["Location"]) == (302, match_url(match))
    assert (session.match, session.kind) == (match, SessionKind.SUPPORT)
    assert list(session.support_counts.values_list("category", "count")) == [
        (SupportCategory.ACCOMPANIMENT, 1)
    ]
    assert match.status == MatchStatus.ACTIVE


def test_a_networking_session_finds_participants_by_address(mentor_client, pool):
    known = UserFactory(email="Neighbour@example.org")

    mentor_client.post(
        SESSION_NEW,
        session_data(
            kind=SessionKind.NETWORKING,
            size="group",
            **{f"support_{SupportCategory.ACCOMPANIMENT}": ""},
            participant_emails="neighbour@example.org\nunknown@example.org",
            anonymous_count="4",
        ),
    )

    session = MentoringSession.objects.get()
    assert (list(session.participants.all()), session.anonymous_count) == ([known], 5)


def test_a_support_session_without_counts_is_refused_and_keeps_the_topic(mentor_client, pool):
    response = mentor_client.post(
        SESSION_NEW, session_data(**{f"support_{SupportCategory.ACCOMPANIMENT}": ""})
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert "Give how many women you supported, in at least one category." in body
    assert 'value="Visit to the health centre"' in body
    assert MentoringSession.objects.count() == 0


def test_a_support_session_never_takes_participants(mentor_client, pool):
    response = mentor_client.post(
        SESSION_NEW, session_data(participant_emails="someone@example.org")
    )

    assert response.status_code == 400
    assert MentoringSession.objects.count() == 0


def test_a_wrong_address_is_named_back(mentor_client, pool):
    response = mentor_client.post(
        SESSION_NEW,
        session_data(
            kind=SessionKind.TRAINING,
            **{f"support_{SupportCategory.ACCOMPANIMENT}": ""},
            participant_emails="not-an-address",
        ),
    )

    assert "These are not e-mail addresses: not-an-address" in response.content.decode()


def test_a_session_for_another_mentors_match_is_not_found(mentor_client, spain):
    other = match_make(mentor=mentor_make(programme=spain))

    assert mentor_client.get(f"{SESSION_NEW}?match={other.pk}").status_code == 404


def test_logging_a_session_needs_a_mentor_in_a_pool(client, mentor, professional):
    client.force_login(mentor)
    assert client.get(SESSION_NEW).status_code == 403
    client.force_login(professional)
    assert client.get(SESSION_NEW).status_code == 403


def test_a_mentor_in_training_is_told_she_cannot_log_yet(client, spain, mentor):
    mentor_make(programme=spain, person=mentor, status=MentorStatus.IN_TRAINING)
    client.force_login(mentor)

    response = client.post(SESSION_NEW, session_data())

    assert response.status_code == 400
    assert "Only an active mentor can log sessions." in response.content.decode()


# --- Feedback and concerns -------------------------------------------------------------------


def test_a_mentor_gives_midpoint_feedback_once(mentor_client, pool):
    match = match_make(mentor=pool)
    url = match_url(match, f"feedback/{FeedbackStage.MIDPOINT}")

    response = mentor_client.post(url, {"rating": "4", "went_well": "We met every week"})
    again = mentor_client.get(url)

    feedback = FeedbackResponse.objects.get()
    assert response.status_code == 302
    assert (feedback.respondent, feedback.rating, feedback.went_well) == (
        FeedbackRespondent.MENTOR,
        4,
        "We met every week",
    )
    assert "you have already given this feedback" in again.content.decode()


def test_feedback_asks_for_the_stage_the_mentoring_is_in_only(mentor_client, pool):
    running = match_make(mentor=pool)
    over = match_make(mentor=pool, status=MatchStatus.COMPLETED)

    early_closing = mentor_client.get(match_url(running, "feedback/closing"))
    late_midpoint = mentor_client.get(match_url(over, "feedback/midpoint"))
    closing = mentor_client.get(match_url(over, "feedback/closing"))
    midpoint = mentor_client.get(match_url(running, "feedback/midpoint"))

    assert (early_closing.status_code, late_midpoint.status_code) == (404, 404)
    assert "At the end: a few questions." in closing.content.decode()
    assert "Halfway: a few questions." in midpoint.content.decode()


def test_feedback_needs_a_rating_and_an_existing_stage(mentor_client, pool):
    match = match_make(mentor=pool)

    refused = mentor_client.post(match_url(match, "feedback/midpoint"), {"went_well": "Fine"})
    unknown = mentor_client.get(match_url(match, "feedback/someday"))

    assert refused.status_code == 400
    assert "Fine</textarea>" in refused.content.decode()
    assert unknown.status_code == 404


def test_a_mentor_reports_a_concern_about_her_match(mentor_client, pool):
    match = match_make(mentor=pool)

    form = mentor_client.get(f"{CONCERN}?match={match.pk}")
    response = mentor_client.post(
        CONCERN, {"match": str(match.pk), "programme": pool.programme_id, "text": "Worried"}
    )

    concern = ConcernReport.objects.get()
    assert f'<option value="{match.pk}" selected>' in form.content.decode()
    assert "Her first name or the request number is enough." in form.content.decode()
    assert response.status_code == 302
    assert (concern.match, concern.programme, concern.text) == (match, pool.programme, "Worried")


def test_an_empty_concern_is_refused(mentor_client, pool):
    response = mentor_client.post(CONCERN, {"programme": pool.programme_id, "text": ""})

    assert response.status_code == 400
    assert ConcernReport.objects.count() == 0


def test_without_a_mentors_account_the_concern_page_is_the_public_form(
    client, professional, pool, django_capture_on_commit_callbacks
):
    page = client.get(CONCERN)
    assert page.status_code == 200
    assert "reply_to" in page.content.decode()
    assert "Please do not write details of violence." in page.content.decode()
    client.force_login(professional)
    assert "reply_to" in client.get(CONCERN).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            CONCERN,
            {"programme": pool.programme_id, "text": "The mentor shared my story", "reply_to": ""},
        )
    # Post, redirect, get: reloading the thank-you page sends nothing again.
    assert (sent.status_code, sent["Location"]) == (302, "/mentoring/concern/thanks/")
    thanks = client.get(sent["Location"])
    assert (
        thanks.status_code == 200 and "the organisers have your report" in thanks.content.decode()
    )
    concern = ConcernReport.objects.get()
    assert (concern.programme, concern.match, concern.text) == (
        pool.programme,
        None,
        "The mentor shared my story",
    )
    # What she wrote is not shown back, and the organisers' e-mail does not carry it.
    assert "shared my story" not in thanks.content.decode()
    assert all("shared my story" not in message.body for message in mail.outbox)


def test_a_robot_filling_the_honeypot_files_no_concern(client, pool):
    sent = client.post(
        CONCERN, {"programme": pool.programme_id, "text": "Buy now", "website": "http://spam"}
    )
    assert sent.status_code == 302
    assert ConcernReport.objects.count() == 0


def test_an_empty_public_concern_is_refused_with_a_message(client, pool):
    sent = client.post(CONCERN, {"programme": pool.programme_id, "text": " "})
    assert sent.status_code == 400
    assert ConcernReport.objects.count() == 0


@pytest.mark.parametrize("n", [1, 3])
def test_the_match_page_queries_do_not_grow_with_sessions(
    n, mentor_client, pool, django_assert_num_queries
):
    match = match_make(mentor=pool)
    for _ in range(n):
        MentoringSession.objects.create(
            mentor=pool,
            match=match,
            kind=SessionKind.SUPPORT,
            date=timezone.localdate(),
            duration_minutes=30,
            format="online",
            topic="Call",
        )
    mentor_client.get(match_url(match))

    with django_assert_num_queries(MATCH_PAGE_QUERIES):
        response = mentor_client.get(match_url(match))

    assert len(response.context["sessions"]) == n


# Session, user, role, the match (with request, region, programme; her personal data
# deferred), her contact details (read apart, only because this match shows them), the
# sessions, the chrome (site root, menu, settings), and the audit log entry for reading the
# contact (three: the mentor's display name, the content type is cached, the entry and its
# revision-less insert): measured once warm.
MATCH_PAGE_QUERIES = 12


# Session, user, role, her profiles, her matches (with requests and regions), the
# programme choices, and the chrome: measured once warm.
CONCERN_PAGE_QUERIES = 8


@pytest.mark.parametrize("n", [1, 3])
def test_the_concern_page_queries_do_not_grow_with_matches(
    n, mentor_client, pool, django_assert_num_queries
):
    pool.capacity = 5
    pool.save()
    for _ in range(n):
        match_make(mentor=pool)
    mentor_client.get(CONCERN)

    with django_assert_num_queries(CONCERN_PAGE_QUERIES):
        response = mentor_client.get(CONCERN)

    assert len(response.context["form"].matches) == n


def test_blocking_an_offer_declines_it_and_keeps_them_apart(mentor_client, pool):
    offer = match_make(mentor=pool, status=MatchStatus.PROPOSED)

    response = mentor_client.post(match_url(offer, "block"), {"block-confirm": "on"})

    offer.refresh_from_db()
    assert (response.status_code, response["Location"]) == (302, "/my/")
    assert (offer.status, offer.decline_reason) == (MatchStatus.DECLINED, DeclineReason.CONFLICT)
    assert DoNotMatch.objects.filter(mentor=pool, request=offer.request).count() == 1
