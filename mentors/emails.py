"""E-mails of the mentors app, through the shared outbox (``core.outbox``).

Each ``*_enqueue`` queues one message in the transaction that caused it, under a key that
makes it idempotent (the same key is never queued twice). ``compose`` is the one composer
for every kind: it renders the e-mail at send time in the recipient's language (the outbox
activates it), from ``templates/mentors/email/<kind>.txt``.

What these e-mails never hold: a requester's name, contact or safe times, and the text of
a concern. A mentor reads a requester's details on her match page, signed in, and only
while the match holds; organisers read a concern in the admin.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.addresses import absolute_url
from core.models import OutboxMessage
from core.outbox import OutboxCancel, outbox_enqueue, register_composer
from core.text import join_list

from .enums import MATCH_HOLDING, FeedbackStage, MatchStatus, MentorStatus
from .models import ConcernReport, Match, MentorProfile

PREFIX = "mentors."
OFFER = "offer"
OFFER_CLOSED = "offer_closed"
CONCERN = "concern"
SESSION_REMINDER = "session_reminder"
FEEDBACK_MIDPOINT = "feedback_midpoint"
FEEDBACK_CLOSING = "feedback_closing"
APPROVED = "approved"

LABELS = {
    OFFER: _("Mentoring: an offer to a mentor"),
    OFFER_CLOSED: _("Mentoring: an offer is closed"),
    CONCERN: _("Mentoring: a concern was reported"),
    SESSION_REMINDER: _("Mentoring: reminder to log a session"),
    FEEDBACK_MIDPOINT: _("Mentoring: midpoint feedback"),
    FEEDBACK_CLOSING: _("Mentoring: closing feedback"),
    APPROVED: _("Mentoring: mentor approved"),
}
KINDS = [PREFIX + kind for kind in LABELS]
FEEDBACK_KIND = {FeedbackStage.MIDPOINT: FEEDBACK_MIDPOINT, FeedbackStage.CLOSING: FEEDBACK_CLOSING}


def register() -> None:
    """Register the outbox composers (called from MentorsConfig.ready)."""
    for kind, label in LABELS.items():
        register_composer(PREFIX + kind, compose, label=label)


# --- Queue -------------------------------------------------------------------------------


def _language(person) -> str:
    profile = getattr(person, "profile", None)
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE


def _enqueue(*, kind: str, source, key: str, person) -> bool:
    if person is None or not person.email:
        return False
    message = outbox_enqueue(
        kind=PREFIX + kind,
        source=source,
        key=f"mentors:{kind}:{key}",
        to_user=person,
        language=_language(person),
    )
    return message is not None


def offer_enqueue(*, match: Match) -> bool:
    """The mentor is offered a request: answer it on the match page."""
    return _enqueue(kind=OFFER, source=match, key=str(match.pk), person=match.mentor.person)


def offer_closed_enqueue(*, match: Match) -> bool:
    """The offer the mentor had is closed (another mentor accepted first, or the request
    was withdrawn)."""
    return _enqueue(kind=OFFER_CLOSED, source=match, key=str(match.pk), person=match.mentor.person)


def concern_enqueue(*, concern: ConcernReport) -> int:
    """Every organiser of the concern's programme hears of it (never its text)."""
    sent = 0
    for organiser in concern.programme.organisers.filter(is_active=True).select_related("profile"):
        sent += _enqueue(
            kind=CONCERN, source=concern, key=f"{concern.pk}:{organiser.pk}", person=organiser
        )
    return sent


def session_reminder_enqueue(*, match: Match, since: str) -> bool:
    """Once per quiet spell: ``since`` (the date of the last session, or of the start) is
    part of the key, so a reminder is queued again only after a new session."""
    return _enqueue(
        kind=SESSION_REMINDER,
        source=match,
        key=f"{match.pk}:{since}",
        person=match.mentor.person,
    )


def feedback_enqueue(*, match: Match, stage: str) -> bool:
    return _enqueue(
        kind=FEEDBACK_KIND[FeedbackStage(stage)],
        source=match,
        key=str(match.pk),
        person=match.mentor.person,
    )


def approved_enqueue(*, profile: MentorProfile) -> bool:
    return _enqueue(kind=APPROVED, source=profile, key=str(profile.pk), person=profile.person)


# --- Compose -----------------------------------------------------------------------------


def _path(name: str, fallback: str, **kwargs) -> str:
    """The address of a mentoring page in the active language: the URL's name when the
    web interface is installed, else the path the contract gives it."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        language = translation.get_language() or settings.LANGUAGE_CODE
        prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
        return f"{prefix}{fallback}"


def match_url(match: Match) -> str:
    return absolute_url(
        _path("mentors:match", f"/mentoring/matches/{match.pk}/", match_id=match.pk)
    )


def feedback_url(match: Match, stage: str) -> str:
    return absolute_url(
        _path(
            "mentors:feedback",
            f"/mentoring/matches/{match.pk}/feedback/{stage}/",
            match_id=match.pk,
            stage=stage,
        )
    )


def session_url(match: Match) -> str:
    return absolute_url(_path("mentors:session_new", "/mentoring/sessions/new/")) + (
        f"?match={match.pk}"
    )


def profile_url() -> str:
    return absolute_url(_path("mentors:profile", "/mentoring/profile/"))


def concern_admin_url(concern: ConcernReport) -> str:
    """The concern's page in the admin (the admin's home if the admin views are absent)."""
    try:
        return absolute_url(reverse("mentors_admin:concern", kwargs={"pk": concern.pk}))
    except NoReverseMatch:
        return absolute_url(reverse("wagtailadmin_home"))


def _request_summary(request) -> dict:
    """What a mentor may read about a request before accepting: never who she is. Lists
    are joined as the recipient's language joins words (``join_list``: no Latin comma in
    Arabic)."""
    region = request.region.name if request.region_id else ""
    country = request.get_country_display()
    place = country or region
    if country and region:
        place = gettext("%(country)s — %(city)s") % {"country": country, "city": region}

    def labels(name: str) -> str:
        return join_list(request._meta.get_field(name).labels(getattr(request, name)))

    return {
        "kind": request.get_kind_display(),
        "is_training": request.kind == "training",
        "place": place,
        "languages": labels("languages"),
        "needs": labels("needs"),
        "formats": labels("formats"),
        "topic": request.topic if request.kind == "training" else "",
        "organisation": request.organisation if request.kind == "training" else "",
    }


def _match_context(match: Match, kind: str) -> dict:
    if kind == OFFER and match.status != MatchStatus.PROPOSED:
        raise OutboxCancel(_("The offer was answered or closed before this e-mail went out."))
    if kind == SESSION_REMINDER and match.status not in MATCH_HOLDING:
        raise OutboxCancel(_("The match is no longer running."))
    if kind == FEEDBACK_MIDPOINT and match.status not in MATCH_HOLDING:
        raise OutboxCancel(_("The match is no longer running."))
    context = {
        "match": match,
        "request": _request_summary(match.request),
        "match_url": match_url(match),
        "programme": match.mentor.programme.name,
    }
    if kind == SESSION_REMINDER:
        context["session_url"] = session_url(match)
        context["days"] = settings.MENTORS_SESSION_REMINDER_DAYS
    if kind in (FEEDBACK_MIDPOINT, FEEDBACK_CLOSING):
        stage = FeedbackStage.MIDPOINT if kind == FEEDBACK_MIDPOINT else FeedbackStage.CLOSING
        context["feedback_url"] = feedback_url(match, stage)
    return context


def compose(message: OutboxMessage) -> EmailMessage | None:
    """The outbox composer for every mentors kind, in the active (recipient's) language."""
    kind = message.kind.removeprefix(PREFIX)
    source = message.source
    person = message.to_user
    context = {"kind": kind, "name": person.display_name if person else ""}
    if kind == CONCERN:
        context.update(
            programme=source.programme.name,
            admin_url=concern_admin_url(source),
            about_match=source.match_id is not None,
        )
    elif kind == APPROVED:
        if source.status != MentorStatus.ACTIVE:
            raise OutboxCancel(_("The mentor is no longer active."))
        context.update(programme=source.programme.name, profile_url=profile_url())
    else:
        match = (
            Match.objects.select_related("request__region", "mentor__programme")
            .filter(pk=source.pk)
            .first()
        )
        if match is None:
            return None
        context.update(_match_context(match, kind))
    subject = render_to_string("mentors/email/subject.txt", context)
    body = render_to_string(f"mentors/email/{kind}.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body)
