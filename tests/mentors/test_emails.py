"""mentors.emails: each e-mail read as its recipient reads it: in her language, saying what
to do with an absolute link, and never the requester's name or contact."""

from django.core import mail
from django.utils import translation

import pytest

from core.models import OutboxMessage
from core.outbox import outbox_kind_label
from core.text import join_list
from mentors import emails, services
from mentors.enums import EndReason, FeedbackStage, MatchStatus, MentorStatus
from people.models import Profile
from tests.factories import RegionFactory
from tests.factories.mentors import RequestFactory, match_make, mentor_make
from tests.mentors.test_services import mentor_track_done

SECRETS = ("Sara", "+34 600", "Weekday mornings")


@pytest.fixture
def request_(programme):
    """A request whose name, contact and safe times must never reach an e-mail."""
    return RequestFactory(
        programme=programme,
        name="Sara",
        contact="+34 600 123 456",
        safe_times="Weekday mornings",
        region=RegionFactory(name="Barcelona", country="ES"),
        languages=["ar", "fr"],
    )


def _speaks(person, language: str):
    Profile.objects.filter(user=person).update(preferred_language=language)
    person.refresh_from_db()
    return person


def _sent(kind: str):
    """The one e-mail of ``kind`` that went out."""
    [message] = OutboxMessage.objects.filter(kind=f"mentors.{kind}")
    [email] = [m for m in mail.outbox if m.subject == message.subject]
    assert not any(secret in email.body or secret in email.subject for secret in SECRETS)
    return message, email


def test_every_kind_has_a_composer_and_a_label():
    assert {kind: outbox_kind_label(kind) for kind in emails.KINDS} == {
        "mentors.offer": "Mentoring: an offer to a mentor",
        "mentors.offer_closed": "Mentoring: an offer is closed",
        "mentors.concern": "Mentoring: a concern was reported",
        "mentors.session_reminder": "Mentoring: reminder to log a session",
        "mentors.feedback_midpoint": "Mentoring: midpoint feedback",
        "mentors.feedback_closing": "Mentoring: closing feedback",
        "mentors.approved": "Mentoring: mentor approved",
    }


def test_an_offer_says_what_is_asked_and_where_to_answer(
    programme, request_, django_capture_on_commit_callbacks
):
    match = match_make(
        mentor=mentor_make(programme=programme), request=request_, status=MatchStatus.PROPOSED
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert emails.offer_enqueue(match=match)
        assert not emails.offer_enqueue(match=match)
    _message, email = _sent("offer")
    assert email.to == [match.mentor.person.email]
    assert email.subject == "A request for a mentor: will you take it?"
    assert f"Accept or decline: http://testserver/mentoring/matches/{match.pk}/" in email.body
    assert "Where: Spain — Barcelona" in email.body
    assert "Languages: Arabic and French" in email.body
    assert "Help needed with: Access to health care" in email.body


def test_an_offer_goes_out_in_the_mentors_language(
    programme, request_, django_capture_on_commit_callbacks
):
    mentor = mentor_make(programme=programme)
    _speaks(mentor.person, "es")
    match = match_make(mentor=mentor, request=request_, status=MatchStatus.PROPOSED)
    with django_capture_on_commit_callbacks(execute=True):
        emails.offer_enqueue(match=match)
    message, email = _sent("offer")
    assert message.language == "es"
    assert f"http://testserver/es/mentoring/matches/{match.pk}/" in email.body
    assert "El equipo de Linkage" in email.body
    assert translation.get_language() == "en"


def test_an_arabic_offer_joins_its_lists_without_a_latin_comma(
    programme, request_, django_capture_on_commit_callbacks
):
    request_.formats = ["in_person", "online"]
    request_.save(update_fields=["formats"])
    mentor = mentor_make(programme=programme)
    _speaks(mentor.person, "ar")
    match = match_make(mentor=mentor, request=request_, status=MatchStatus.PROPOSED)
    with django_capture_on_commit_callbacks(execute=True):
        emails.offer_enqueue(match=match)
    _message, email = _sent("offer")
    with translation.override("ar"):
        languages = join_list([translation.gettext("Arabic"), translation.gettext("French")])
    assert languages in email.body
    assert "," not in email.body.replace("http://", "")
    assert f"http://testserver/ar/mentoring/matches/{match.pk}/" in email.body


def test_an_offer_answered_before_it_went_out_is_not_sent(programme, request_):
    match = match_make(
        mentor=mentor_make(programme=programme), request=request_, status=MatchStatus.PROPOSED
    )
    emails.offer_enqueue(match=match)
    Match = type(match)
    Match.objects.filter(pk=match.pk).update(status=MatchStatus.DECLINED)
    from core.outbox import outbox_send

    message = OutboxMessage.objects.get(kind="mentors.offer")
    assert outbox_send(message_id=message.pk).status == "cancelled"
    assert mail.outbox == []


def test_a_closed_offer_tells_the_other_mentor_there_is_nothing_to_do(
    programme, request_, django_capture_on_commit_callbacks
):
    chosen, other = (
        match_make(mentor=mentor_make(programme=programme), request=request_, status="proposed")
        for _ in range(2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.match_accept(match=chosen, by=chosen.mentor.person)
    _message, email = _sent("offer_closed")
    assert email.to == [other.mentor.person.email]
    assert email.subject == "An offer you had is closed"
    assert "another mentor accepted it first" in email.body
    assert f"http://testserver/mentoring/matches/{other.pk}/" in email.body


def test_a_concern_e_mail_links_to_the_admin_and_keeps_the_text_out(
    programme, organiser, mentor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        concern = services.concern_report(
            programme=programme, by=mentor, text="Sara told me her mentor shouted."
        )
    _message, email = _sent("concern")
    assert email.subject == "A concern was reported in Test programme"
    assert "shouted" not in email.body
    link = emails.concern_admin_url(concern)
    assert link.startswith("http://testserver/admin/")
    assert f"Read the concern: {link}" in email.body


def test_a_session_reminder_links_to_the_session_form(
    programme, request_, django_capture_on_commit_callbacks
):
    match = match_make(mentor=mentor_make(programme=programme), request=request_)
    with django_capture_on_commit_callbacks(execute=True):
        emails.session_reminder_enqueue(match=match, since="2025-01-01")
    _message, email = _sent("session_reminder")
    assert email.subject == "Have you met? Log your mentoring session"
    assert "no session has been logged for your mentoring match in the last 14 days" in (email.body)
    assert f"Log a session: http://testserver/mentoring/sessions/new/?match={match.pk}" in (
        email.body
    )


@pytest.mark.parametrize(
    ("stage", "subject"),
    [
        (FeedbackStage.MIDPOINT, "Halfway through your mentoring: how is it going?"),
        (FeedbackStage.CLOSING, "Your mentoring has ended: tell us how it went"),
    ],
)
def test_feedback_e_mails_link_to_the_stages_form(
    programme, request_, stage, subject, django_capture_on_commit_callbacks
):
    match = match_make(mentor=mentor_make(programme=programme), request=request_)
    with django_capture_on_commit_callbacks(execute=True):
        if stage == FeedbackStage.CLOSING:
            services.match_end_early(match=match, by=None, reason=EndReason.GOAL_REACHED)
        else:
            emails.feedback_enqueue(match=match, stage=stage)
    _message, email = _sent(f"feedback_{stage}")
    assert email.subject == subject
    assert f"Give feedback: http://testserver/mentoring/matches/{match.pk}/feedback/{stage}/" in (
        email.body
    )


def test_an_approved_mentor_is_welcomed_with_a_link_to_her_profile(
    programme, organiser, django_capture_on_commit_callbacks
):
    profile = mentor_make(programme=programme, status=MentorStatus.IN_TRAINING)
    _speaks(profile.person, "it")
    mentor_track_done(profile)
    with django_capture_on_commit_callbacks(execute=True):
        services.mentor_approve(profile=profile, by=organiser)
    message, email = _sent("approved")
    assert message.language == "it"
    assert "Test programme" in email.subject
    assert "http://testserver/it/mentoring/profile/" in email.body
    assert "Il team di Linkage" in email.body
