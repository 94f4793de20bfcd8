"""Every write with a rule in the mentors app: the pool, requests, the match lifecycle,
sessions (and their ledger rows), safeguarding, retention and the nudges.

Capacity: a mentor's seat is held by an ACCEPTED, ACTIVE or PAUSED match. ``match_accept``
locks the mentor's profile row and then the request's row (``SELECT … FOR UPDATE``, always
in that order) before it counts, so concurrent acceptances for one mentor, or for one
request, are served one after the other: a mentor never holds more than her capacity and
a request never has two mentors (a partial unique constraint backs the second rule).

Personal data: a requester's name, contact and safe times are encrypted at rest
(``core.crypto``), shown only to the mentor of a holding match (``match_contact_visible``),
never put in an e-mail or a log, and erased ``MENTORS_CONTACT_RETENTION_DAYS`` after the
request closes (``contacts_erase_due``). Support sessions count women, never name them.
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Page

from core.crypto import contact_digest
from impact.enums import ParticipationKind
from impact.models import Participation
from impact.services import participation_record
from people.enums import SPOKEN_LANGUAGES, Role
from people.roles import user_role
from programmes.selectors import scope_for

from . import emails
from .enums import (
    MATCH_HOLDING,
    BlockSource,
    ConcernStatus,
    ContactMethod,
    DeclineReason,
    EndReason,
    Expertise,
    FeedbackRespondent,
    FeedbackStage,
    LanguageLevel,
    MatchStatus,
    MentorStatus,
    RequestKind,
    RequestStatus,
    SessionKind,
    SessionSize,
    SupportCategory,
)
from .impact_activities import MENTOR_APPROVAL, session_activity_kind
from .models import (
    ConcernReport,
    DoNotMatch,
    FeedbackResponse,
    Match,
    MentoringRequest,
    MentoringSession,
    MentorLanguage,
    MentorProfile,
    SupportCount,
)
from .selectors import CONTACT_FIELDS

MENTOR_TRACK = "mentor"
REQUEST_OPEN = (RequestStatus.OPEN, RequestStatus.MATCHED)
REQUEST_DONE = (RequestStatus.CLOSED, RequestStatus.WITHDRAWN)
# Losing her mentor for these reasons gives the woman a new chance (rematched first).
REOPENING_REASONS = (EndReason.MENTOR_UNAVAILABLE, EndReason.OTHER)
CONCERN_MAX_LENGTH = 4000
REQUEST_FIELDS = (
    "organisation",
    "name",
    "contact_method",
    "contact",
    "safe_times",
    "languages",
    "country",
    "region",
    "formats",
    "availability",
    "needs",
    "topic",
    "participants_expected",
)
SESSION_FIELDS = ("kind", "size", "date", "duration_minutes", "format", "topic")


# --- Who may act -------------------------------------------------------------------------


def _organises(user, programme_id: int) -> bool:
    return user is not None and scope_for(user).allows([programme_id])


def _mentor_or_organiser(by, profile: MentorProfile) -> None:
    """``by`` is the mentor herself or an organiser of her programme (None: the system)."""
    if by is None or by.pk == profile.person_id or _organises(by, profile.programme_id):
        return
    raise PermissionDenied(_("Only the mentor or the programme's organisers can do this."))


def _organiser(by, programme_id: int) -> None:
    if by is None or _organises(by, programme_id):
        return
    raise PermissionDenied(_("Only the programme's organisers can do this."))


def _now() -> datetime:
    return timezone.now()


# --- The pool ----------------------------------------------------------------------------


def mentor_apply(*, person, programme) -> MentorProfile:
    """``person`` (a community mentor) joins ``programme``'s pool as an applicant; her
    existing profile there if she already has one."""
    existing = MentorProfile.objects.filter(person=person, programme=programme).first()
    if existing is not None:
        return existing
    if user_role(person) != Role.MENTOR:
        raise ValidationError(
            _("Only people registered as community mentors can join a mentor pool.")
        )
    profile = MentorProfile(person=person, programme=programme, status=MentorStatus.APPLICANT)
    # Countries, formats and expertise are filled in with the profile (profile_save).
    profile.full_clean(exclude=["countries", "formats", "expertise"], validate_constraints=False)
    try:
        with transaction.atomic():
            profile.save(force_insert=True)
    except IntegrityError:
        return MentorProfile.objects.get(person=person, programme=programme)
    return profile


def profile_save(
    *,
    profile: MentorProfile,
    languages: dict[str, int],
    by,
    regions: Iterable | None = None,
    conduct_accepted: bool = False,
) -> MentorProfile:
    """Save the profile's fields as set on ``profile``, replace its languages ({code:
    LanguageLevel}) and, if given, its regions (each in one of its countries). Accepting
    the code of conduct moves an applicant on to "in training"."""
    _mentor_or_organiser(by, profile)
    codes = {code for code, _label in SPOKEN_LANGUAGES}
    levels = set(LanguageLevel.values)
    if not languages:
        raise ValidationError({"languages": _("Add at least one language you speak.")})
    for code, level in languages.items():
        if code not in codes or int(level) not in levels:
            raise ValidationError({"languages": _("Choose languages and levels from the list.")})
    if regions is not None:
        regions = list(regions)
        outside = [r for r in regions if r.country not in (profile.countries or [])]
        if outside:
            raise ValidationError(
                {
                    "regions": _("%(region)s is not in a country you serve.")
                    % {"region": outside[0].name}
                }
            )
    if conduct_accepted and profile.conduct_accepted_at is None:
        profile.conduct_accepted_at = _now()
    if profile.status == MentorStatus.APPLICANT and profile.conduct_accepted_at is not None:
        profile.status = MentorStatus.IN_TRAINING
        profile.status_changed_at = _now()
    profile.full_clean()
    with transaction.atomic():
        profile.save()
        MentorLanguage.objects.filter(profile=profile).delete()
        MentorLanguage.objects.bulk_create(
            MentorLanguage(profile=profile, language=code, level=int(level))
            for code, level in languages.items()
        )
        if regions is not None:
            profile.regions.set(regions)
    return profile


def mentor_track_completed(*, person, programme) -> list[dict]:
    """The mentor-track courses of ``programme`` that ``person`` completed, from the
    ledger: ``course_completed`` rows of hers for the programme whose source page lists the
    mentor track. [{"title", "completed_at"}], oldest first."""
    rows = list(
        Participation.objects.filter(
            kind=ParticipationKind.COURSE_COMPLETED, person=person, programmes=programme
        )
        .order_by("occurred_at")
        .values("source_type_id", "source_id", "occurred_at")
    )
    ids = [int(row["source_id"]) for row in rows if row["source_id"].isdigit()]
    if not ids:
        return []
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    completed, seen = [], set()
    for row in rows:
        page = pages.get(int(row["source_id"])) if row["source_id"].isdigit() else None
        if page is None or page.content_type_id != row["source_type_id"] or page.pk in seen:
            continue
        if MENTOR_TRACK in (getattr(page, "tracks", None) or []):
            seen.add(page.pk)
            completed.append({"title": page.title, "completed_at": row["occurred_at"]})
    return completed


def mentor_approve(*, profile: MentorProfile, by) -> MentorProfile:
    """An organiser makes an applicant or mentor in training active. She needs her
    programme's mentor track completed (the ledger says so) and the code of conduct
    accepted. Writes her ``mentor_empowered`` ledger row (once) and tells her by e-mail."""
    _organiser(by, profile.programme_id)
    with transaction.atomic():
        locked = MentorProfile.objects.select_for_update().get(pk=profile.pk)
        if locked.status not in (MentorStatus.APPLICANT, MentorStatus.IN_TRAINING):
            raise ValidationError(
                _("Only an applicant or a mentor in training can be approved; she is %(status)s.")
                % {"status": locked.get_status_display().lower()}
            )
        if not mentor_track_completed(person=locked.person, programme=locked.programme):
            raise ValidationError(
                _("She has not completed the programme's mentor-track course yet.")
            )
        if locked.conduct_accepted_at is None:
            raise ValidationError(_("She has not accepted the code of conduct yet."))
        now = _now()
        locked.status = MentorStatus.ACTIVE
        locked.approved_at, locked.approved_by, locked.status_changed_at = now, by, now
        locked.full_clean()
        locked.save()
        place = _place(locked, None)
        participation_record(
            kind=ParticipationKind.MENTOR_EMPOWERED,
            source=locked,
            person=locked.person,
            occurred_at=now,
            programmes=[locked.programme_id],
            # The activity is her approval (her profile, the row's source).
            activity_kind=MENTOR_APPROVAL,
            activity_country=place.get("country", ""),
        )
        log(instance=locked, action="mentors.profile_approve", user=by)
        transaction.on_commit(partial(emails.approved_enqueue, profile=locked))
    _copy(locked, profile, "status", "approved_at", "approved_by", "status_changed_at")
    return profile


# Who may move a mentor where (approval is mentor_approve's).
STATUS_MOVES = {
    MentorStatus.ACTIVE: {MentorStatus.PAUSED},
    MentorStatus.PAUSED: {MentorStatus.ACTIVE},
    MentorStatus.ALUMNI: {
        MentorStatus.APPLICANT,
        MentorStatus.IN_TRAINING,
        MentorStatus.ACTIVE,
        MentorStatus.PAUSED,
    },
}


def mentor_status_set(*, profile: MentorProfile, status: str, by) -> MentorProfile:
    """Pause or resume a mentor, or make her an alumna (only once her matches are over).
    A paused mentor keeps her running matches but gets no new offers."""
    _mentor_or_organiser(by, profile)
    if status not in STATUS_MOVES:
        raise ValidationError(_("A mentor becomes active when an organiser approves her."))
    with transaction.atomic():
        locked = MentorProfile.objects.select_for_update().get(pk=profile.pk)
        if locked.status == status:
            return profile
        if locked.status not in STATUS_MOVES[status]:
            raise ValidationError(
                _("A mentor who is %(current)s cannot become %(wanted)s.")
                % {
                    "current": locked.get_status_display().lower(),
                    "wanted": MentorStatus(status).label.lower(),
                }
            )
        if (
            status == MentorStatus.ALUMNI
            and locked.matches.filter(status__in=MATCH_HOLDING).exists()
        ):
            raise ValidationError(_("Complete or end her running matches first."))
        locked.status, locked.status_changed_at = status, _now()
        locked.save(update_fields=["status", "status_changed_at", "updated_at"])
        if status in (MentorStatus.PAUSED, MentorStatus.ALUMNI):
            _offers_decline(locked)
    _copy(locked, profile, "status", "status_changed_at")
    return profile


def _offers_decline(profile: MentorProfile) -> None:
    """A mentor who pauses or leaves declines her open offers ("no time now"): their
    requests go to the next round, first in line, instead of waiting for her answer.

    The caller holds her profile's lock; the requests are locked next (by pk), then the
    offers: profile, request, match, the order every service takes them in."""
    request_ids = sorted(
        set(
            Match.objects.filter(mentor=profile, status=MatchStatus.PROPOSED).values_list(
                "request_id", flat=True
            )
        )
    )
    list(
        MentoringRequest.objects.select_for_update()
        .filter(pk__in=request_ids)
        .order_by("pk")
        .values_list("pk")
    )
    # No new offer can reach her meanwhile: round_accept locks her profile first.
    offers = Match.objects.select_for_update(of=("self",)).filter(
        mentor=profile, status=MatchStatus.PROPOSED, request_id__in=request_ids
    )
    declined = list(offers)
    offers.update(
        status=MatchStatus.DECLINED, decline_reason=DeclineReason.NO_TIME, answered_at=_now()
    )
    for offer in declined:
        offer.status = MatchStatus.DECLINED
        _logged(offer, None, reason=DeclineReason.NO_TIME)
    MentoringRequest.objects.filter(pk__in=request_ids, status=RequestStatus.OPEN).update(
        priority=True
    )


def _lock_request(request_id: int) -> None:
    """Lock a request's row before its match's: every service takes the rows in the same
    order (mentor profile, request, match), so two of them never wait on each other."""
    MentoringRequest.objects.select_for_update().filter(pk=request_id).first()


def _copy(source, target, *fields: str) -> None:
    for field in fields:
        setattr(target, field, getattr(source, field))


# --- Requests ----------------------------------------------------------------------------


def request_create(
    *, programme, kind: str, data: dict, filed_by=None, on_behalf: bool = False
) -> MentoringRequest:
    """File a request. ``data`` holds the form's fields (``REQUEST_FIELDS``) and
    ``consent`` (required) and ``conduct_accepted``. A person, and a contact, may have at
    most ``MENTORS_MAX_OPEN_REQUESTS`` requests open at once.

    A service's contact is shared by every woman it files for: when the contact is
    "through the service" or the request is filed on her behalf (with the service's
    contact), it recognises no one. No ``requester_key`` is set from it (a block would
    otherwise keep a mentor from every woman of that service) and no per-contact limit
    applies; a signed-in person filing on behalf may have
    ``MENTORS_MAX_OPEN_REQUESTS_ON_BEHALF`` such requests open. (The page's per-connection
    hourly limit still applies.)"""
    if kind not in RequestKind.values:
        raise ValidationError(_("Choose what kind of request this is."))
    if not data.get("consent"):
        raise ValidationError(
            {"consent": _("We can only keep your request if you agree to how we use it.")}
        )
    now = _now()
    request = MentoringRequest(
        programme=programme,
        kind=kind,
        filed_by=filed_by if getattr(filed_by, "is_authenticated", False) else None,
        on_behalf=on_behalf,
        consent_at=now,
        conduct_accepted_at=now if data.get("conduct_accepted") else None,
        waiting_since=now,
        **{field: data[field] for field in REQUEST_FIELDS if data.get(field) is not None},
    )
    if kind == RequestKind.TRAINING and not request.needs:
        request.needs = [Expertise.TRAINING]
    shared = on_behalf or request.contact_method == ContactMethod.THROUGH_SERVICE
    request.requester_key = "" if shared else contact_digest(request.contact or "")
    errors = {}
    if not (request.contact or "").strip():
        errors["contact"] = _("Give one safe way to get in touch.")
    if not request.contact_method:
        errors["contact_method"] = _("Choose how we may get in touch.")
    if (on_behalf or kind == RequestKind.TRAINING) and not request.organisation.strip():
        errors["organisation"] = _("Name the organisation or service.")
    if kind == RequestKind.TRAINING and not request.topic.strip():
        errors["topic"] = _("Say in a few words what the session should be about.")
    if request.region_id and request.region.country != request.country:
        errors["region"] = _("Choose a region in the country you chose.")
    if errors:
        raise ValidationError(errors)
    request.full_clean()
    limit = settings.MENTORS_MAX_OPEN_REQUESTS
    with transaction.atomic():
        if request.filed_by is not None:
            # One person's requests are filed one after the other: the limit holds. Her
            # own and those filed on others' behalf are counted apart.
            get_user_model().objects.select_for_update().filter(pk=request.filed_by.pk).first()
            open_by_person = MentoringRequest.objects.filter(
                filed_by=request.filed_by, on_behalf=on_behalf, status__in=REQUEST_OPEN
            ).count()
            person_limit = settings.MENTORS_MAX_OPEN_REQUESTS_ON_BEHALF if on_behalf else limit
            if open_by_person >= person_limit:
                raise ValidationError(
                    _(
                        "You already have %(count)s open requests. Please wait until one is "
                        "answered or closed before asking again."
                    )
                    % {"count": open_by_person}
                )
        if request.requester_key:
            open_by_contact = MentoringRequest.objects.filter(
                requester_key=request.requester_key, status__in=REQUEST_OPEN
            ).count()
            if open_by_contact >= limit:
                raise ValidationError(
                    _(
                        "There are already %(count)s open requests with this contact. We will "
                        "get in touch about those first."
                    )
                    % {"count": open_by_contact}
                )
        request.save(force_insert=True)
    return request


def request_withdraw(*, request: MentoringRequest, by) -> None:
    """The person who filed it, or an organiser, withdraws a request: its offers close,
    a running match ends, and the retention clock starts."""
    if by is None or not (
        (request.filed_by_id is not None and by.pk == request.filed_by_id)
        or _organises(by, request.programme_id)
    ):
        raise PermissionDenied(_("Only whoever filed it or an organiser can withdraw it."))
    with transaction.atomic():
        locked = MentoringRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status not in REQUEST_OPEN:
            raise ValidationError(_("This request is already closed."))
        now = _now()
        matches = (
            locked.matches.select_for_update(of=("self",))
            .filter(status__in=(MatchStatus.PROPOSED, *MATCH_HOLDING))
            .select_related("mentor__person__profile")
        )
        for match in matches:
            if match.status == MatchStatus.PROPOSED:
                _offer_close(match)
            else:
                match.status, match.ended_at = MatchStatus.ENDED_EARLY, now
                match.end_reason, match.note = EndReason.OTHER, _("The request was withdrawn.")
                match.save(update_fields=["status", "ended_at", "end_reason", "note"])
            _logged(match, by, change="withdrawn")
        locked.status, locked.closed_at = RequestStatus.WITHDRAWN, now
        locked.save(update_fields=["status", "closed_at"])
    request.status, request.closed_at = locked.status, locked.closed_at


def _offer_close(match: Match) -> None:
    """An offer is no longer open: invalidated, and its mentor told (after commit)."""
    match.status, match.answered_at = MatchStatus.INVALIDATED, match.answered_at or _now()
    match.save(update_fields=["status", "answered_at"])
    transaction.on_commit(partial(emails.offer_closed_enqueue, match=match))


# --- The match lifecycle -----------------------------------------------------------------


def _logged(match: Match, by, **data) -> None:
    """Every change of a match goes to Wagtail's audit log (who, when, what), whoever made
    it: the mentor on her pages, an organiser in the admin, or the system (``by`` None)."""
    data.setdefault("status", match.status)
    log(instance=match, action="mentors.match_change", user=by, data=data)


def _locked(match: Match, *allowed: str, message: str) -> Match:
    locked = (
        Match.objects.select_for_update(of=("self",))
        .select_related("mentor", "request")
        .get(pk=match.pk)
    )
    if locked.status not in allowed:
        raise ValidationError(message)
    return locked


def _sync(match: Match, locked: Match) -> Match:
    """Bring the caller's instance up to date with the row just written."""
    for field in (
        "status",
        "answered_at",
        "decline_reason",
        "started_at",
        "paused_at",
        "ended_at",
        "end_reason",
        "note",
        "mentor_conduct_accepted_at",
        "closing_sent_at",
        "reminder_sent_at",
    ):
        setattr(match, field, getattr(locked, field))
    return match


def match_accept(*, match: Match, by) -> Match:
    """The mentor accepts an offer. Her profile row and then the request's row are locked
    before anything is counted, so capacity and "one mentor per request" hold under
    concurrent acceptances. Competing offers of the request close, their mentors told."""
    if by is None or by.pk != match.mentor.person_id:
        raise PermissionDenied(_("Only the mentor who was offered it can accept it."))
    with transaction.atomic():
        profile = MentorProfile.objects.select_for_update().get(pk=match.mentor_id)
        request = MentoringRequest.objects.select_for_update().get(pk=match.request_id)
        locked = _locked(match, MatchStatus.PROPOSED, message=_("This offer is no longer open."))
        if request.status != RequestStatus.OPEN:
            raise ValidationError(
                _("Another mentor has already accepted this request, or it was withdrawn.")
            )
        if profile.status != MentorStatus.ACTIVE:
            raise ValidationError(_("Only an active mentor can accept a request."))
        if profile.conduct_accepted_at is None:
            raise ValidationError(_("Accept the code of conduct first."))
        holding = Match.objects.filter(mentor=profile, status__in=MATCH_HOLDING).count()
        if holding >= profile.capacity:
            raise ValidationError(
                _(
                    "You are already supporting %(count)s people, as many as your capacity "
                    "allows. Decline this offer, or raise your capacity in your profile."
                )
                % {"count": holding}
            )
        now = _now()
        locked.status, locked.answered_at = MatchStatus.ACCEPTED, now
        locked.mentor_conduct_accepted_at = profile.conduct_accepted_at
        locked.save(update_fields=["status", "answered_at", "mentor_conduct_accepted_at"])
        request.status = RequestStatus.MATCHED
        request.save(update_fields=["status"])
        competing = (
            Match.objects.select_for_update(of=("self",))
            .filter(request=request, status=MatchStatus.PROPOSED)
            .exclude(pk=locked.pk)
            .select_related("mentor__person__profile")
        )
        for offer in competing:
            _offer_close(offer)
            _logged(offer, None)
        _logged(locked, by)
    return _sync(match, locked)


def match_decline(*, match: Match, by, reason: str, note: str = "") -> Match:
    """The mentor declines an offer, with a reason. The request waits for the next round,
    first in line; "I know her" keeps the two apart for good."""
    if by is None or by.pk != match.mentor.person_id:
        raise PermissionDenied(_("Only the mentor who was offered it can decline it."))
    if reason not in DeclineReason.values:
        raise ValidationError({"reason": _("Tell us why you decline: choose a reason.")})
    with transaction.atomic():
        _lock_request(match.request_id)
        locked = _locked(match, MatchStatus.PROPOSED, message=_("This offer is no longer open."))
        locked.status, locked.answered_at, locked.decline_reason = (
            MatchStatus.DECLINED,
            _now(),
            reason,
        )
        locked.note = note[:300]
        locked.save(update_fields=["status", "answered_at", "decline_reason", "note"])
        MentoringRequest.objects.filter(pk=locked.request_id, status=RequestStatus.OPEN).update(
            priority=True
        )
        if reason == DeclineReason.CONFLICT:
            _block_create(match=locked, by=by, source=BlockSource.MENTOR)
        _logged(locked, by, reason=reason)
    return _sync(match, locked)


def match_start(*, match: Match, by) -> Match:
    """An accepted match starts (the first logged session does this too)."""
    _mentor_or_organiser(by, match.mentor)
    with transaction.atomic():
        locked = _locked(
            match, MatchStatus.ACCEPTED, message=_("Only an accepted match can start.")
        )
        locked.status, locked.started_at = MatchStatus.ACTIVE, _now()
        locked.save(update_fields=["status", "started_at"])
        _logged(locked, by)
    return _sync(match, locked)


def match_pause(*, match: Match, by) -> Match:
    _mentor_or_organiser(by, match.mentor)
    with transaction.atomic():
        locked = _locked(match, MatchStatus.ACTIVE, message=_("Only an active match can pause."))
        locked.status, locked.paused_at = MatchStatus.PAUSED, _now()
        locked.save(update_fields=["status", "paused_at"])
        _logged(locked, by)
    return _sync(match, locked)


def match_resume(*, match: Match, by) -> Match:
    _mentor_or_organiser(by, match.mentor)
    with transaction.atomic():
        locked = _locked(match, MatchStatus.PAUSED, message=_("Only a paused match can resume."))
        locked.status, locked.paused_at = MatchStatus.ACTIVE, None
        locked.save(update_fields=["status", "paused_at"])
        _logged(locked, by)
    return _sync(match, locked)


def _close_request(request_id: int, now: datetime) -> None:
    MentoringRequest.objects.filter(pk=request_id, status__in=REQUEST_OPEN).update(
        status=RequestStatus.CLOSED, closed_at=now
    )


def match_complete(*, match: Match, by, note: str = "") -> Match:
    """The match reached its end: the request closes (the retention clock starts) and the
    mentor is asked for closing feedback. ``note``: why it ended, if said (saved with it)."""
    _mentor_or_organiser(by, match.mentor)
    with transaction.atomic():
        _lock_request(match.request_id)
        locked = _locked(match, *MATCH_HOLDING, message=_("Only a running match can be completed."))
        now = _now()
        locked.status, locked.ended_at = MatchStatus.COMPLETED, now
        locked.end_reason = EndReason.GOAL_REACHED
        locked.started_at = locked.started_at or now
        fields = ["status", "ended_at", "end_reason", "started_at"]
        if note:
            locked.note = note[:300]
            fields.append("note")
        locked.save(update_fields=fields)
        _close_request(locked.request_id, now)
        _closing_feedback(locked, now)
        _logged(locked, by)
    return _sync(match, locked)


def match_end_early(*, match: Match, by, reason: str, note: str = "") -> Match:
    """End a running match before its time, with a reason. "She has what she needed"
    counts as completed. A woman who lost her mentor (the mentor cannot continue, or
    another reason) waits again, first in line; otherwise the request closes."""
    if reason not in EndReason.values:
        raise ValidationError({"reason": _("Choose why the match ends.")})
    if reason == EndReason.GOAL_REACHED:
        return match_complete(match=match, by=by, note=note)
    _mentor_or_organiser(by, match.mentor)
    with transaction.atomic():
        _lock_request(match.request_id)
        locked = _locked(match, *MATCH_HOLDING, message=_("Only a running match can end."))
        _end_early(locked, reason=reason, note=note)
        _logged(locked, by, change="end_early", reason=reason)
    return _sync(match, locked)


def _end_early(locked: Match, *, reason: str, note: str) -> None:
    now = _now()
    locked.status, locked.ended_at, locked.end_reason = MatchStatus.ENDED_EARLY, now, reason
    locked.note = note[:300]
    locked.save(update_fields=["status", "ended_at", "end_reason", "note"])
    if reason in REOPENING_REASONS:
        MentoringRequest.objects.filter(pk=locked.request_id, status__in=REQUEST_OPEN).update(
            status=RequestStatus.OPEN, priority=True, waiting_since=now, closed_at=None
        )
    else:
        _close_request(locked.request_id, now)


def match_contact_visible(*, match: Match, user) -> bool:
    """Whether ``user`` may read the requester's name and contact: only the match's own
    mentor, while the match holds (accepted, active or paused). Never an organiser."""
    return (
        user is not None
        and getattr(user, "is_authenticated", False)
        and match.status in MATCH_HOLDING
        and match.mentor.person_id == user.pk
    )


def match_contact_read(*, match: Match, user) -> bool:
    """Load (and decrypt) the requester's name and contact onto ``match.request`` for
    ``user`` if she may read them, and put the reading on the record (Wagtail's audit log:
    who read a contact, and when). Returns whether she may; nothing is loaded otherwise."""
    if not match_contact_visible(match=match, user=user):
        return False
    match.request.refresh_from_db(fields=CONTACT_FIELDS)
    log(instance=match, action="mentors.match_view", user=user)
    return True


def _block_create(*, match: Match, by, source: str) -> DoNotMatch:
    block = DoNotMatch(
        mentor_id=match.mentor_id,
        request_id=match.request_id,
        requester_key=match.request.requester_key,
        source=source,
        created_by=by,
    )
    block.full_clean(exclude=["created_by"])
    block.save()
    return block


def match_block(*, match: Match, by, source: str) -> DoNotMatch:
    """Keep this mentor and this requester apart in every future round (by the request
    and by her contact's digest). A running match ends early and she waits again, first in
    line, for another mentor; an open offer is declined."""
    if source not in BlockSource.values:
        raise ValidationError(_("Say who asked for the block."))
    _mentor_or_organiser(by, match.mentor)
    with transaction.atomic():
        _lock_request(match.request_id)
        locked = (
            Match.objects.select_for_update(of=("self",))
            .select_related("mentor", "request")
            .get(pk=match.pk)
        )
        block = _block_create(match=locked, by=by, source=source)
        if locked.status in MATCH_HOLDING:
            _end_early(locked, reason=EndReason.OTHER, note=_("Blocked from further matching."))
        elif locked.status == MatchStatus.PROPOSED:
            locked.status, locked.answered_at = MatchStatus.DECLINED, _now()
            locked.decline_reason = DeclineReason.CONFLICT
            locked.save(update_fields=["status", "answered_at", "decline_reason"])
            MentoringRequest.objects.filter(pk=locked.request_id, status=RequestStatus.OPEN).update(
                priority=True
            )
        _logged(locked, by, change="block")
    _sync(match, locked)
    return block


# --- Sessions ----------------------------------------------------------------------------


def _occurred_at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _place(mentor: MentorProfile, match: Match | None) -> dict[str, str]:
    """The country and region a support count is disaggregated by: the request's when
    the session belongs to a match, else the mentor's one country (if she serves one)."""
    if match is not None:
        request = match.request
        return {
            "country": request.country,
            "region": request.region.name if request.region_id else "",
        }
    countries = mentor.countries or []
    return {"country": countries[0]} if len(countries) == 1 else {}


def session_log(
    *,
    mentor: MentorProfile,
    by,
    data: dict,
    match: Match | None = None,
    support_counts: dict[str, int] | None = None,
    participant_emails: Iterable[str] = (),
) -> MentoringSession:
    """Log a session and write its ledger rows:

    - every session: ``mentoring_session`` (the mentor);
    - support: a woman is counted once, never once per session nor per kind of help. The
      match's woman counts once for the whole match (one anonymous ``women_supported`` row
      whose source is the match's request, aggregate key ``request:<id>``, count 1: later
      sessions, and those of a later match of the same request, add nothing). Any other
      woman (met in a group, or in a session without a match) counts only through
      ``data["women_new"]``, the number of women the mentor supported for the first time
      in this session: one anonymous row (source the session, aggregate key
      ``session:<id>``) when above zero. ``support_counts`` ({category: women}) is the
      breakdown of the help given, stored with the session (``SupportCount``), not a count
      of women; in a one-to-one session each category counts at most one;
    - networking: ``community_networking`` per known participant, and one anonymous row
      for the others;
    - training: ``trained_by_mentor`` per known participant whose role is professional
      (``people.roles.user_role``), and one anonymous row for the others without an
      account; other accounts stay participants but are not counted as professionals.

    Participants are found by e-mail (any case); an address with no account is counted
    with the others. The first session of an accepted match makes it active; every session
    of a match re-arms its reminder."""
    _mentor_or_organiser(by, mentor)
    if mentor.status not in (MentorStatus.ACTIVE, MentorStatus.PAUSED):
        raise ValidationError(_("Only an active mentor can log sessions."))
    if match is not None and (match.mentor_id != mentor.pk):
        raise ValidationError({"match": _("This is not one of your matches.")})
    if match is not None and match.status not in MATCH_HOLDING:
        raise ValidationError({"match": _("Sessions can be logged only for a running match.")})
    kind = data.get("kind")
    session = MentoringSession(
        mentor=mentor,
        match=match,
        logged_by=by,
        anonymous_count=int(data.get("anonymous_count") or 0),
        women_new=int(data.get("women_new") or 0),
        **{field: data[field] for field in SESSION_FIELDS if data.get(field) is not None},
    )
    if session.date and session.date > timezone.localdate():
        raise ValidationError({"date": _("A session can be logged once it has taken place.")})
    counts = {category: int(n) for category, n in (support_counts or {}).items() if int(n or 0)}
    emails_given = sorted({e.strip().casefold() for e in participant_emails if e.strip()})
    people = []
    if kind == SessionKind.SUPPORT:
        if emails_given or session.anonymous_count:
            raise ValidationError(
                _("A support session is recorded as counts only: no names, no addresses.")
            )
        if not counts:
            raise ValidationError(
                {"support_counts": _("Say how many women you supported, in at least one category.")}
            )
        if any(category not in SupportCategory.values or n < 0 for category, n in counts.items()):
            raise ValidationError({"support_counts": _("Choose categories from the list.")})
        _support_check(session, match, counts)
    elif kind in (SessionKind.NETWORKING, SessionKind.TRAINING):
        if counts or session.women_new:
            raise ValidationError(
                {"support_counts": _("Counts of women supported belong to support sessions.")}
            )
        User = get_user_model()
        found = list(
            User.objects.filter(is_active=True)
            .filter(_email_in(emails_given))
            .select_related("profile")
        )
        known = {person.email.casefold() for person in found}
        people = found
        session.anonymous_count += sum(1 for e in emails_given if e not in known)
        if not people and not session.anonymous_count:
            raise ValidationError(
                _("Add the participants' e-mail addresses, or how many took part, or both.")
            )
    session.full_clean(exclude=["mentor", "match", "logged_by"])
    with transaction.atomic():
        if match is not None:
            match = _locked(
                match, *MATCH_HOLDING, message=_("Sessions can be logged only for a running match.")
            )
            _kind_check(kind, match.request)
        session.save()
        if people:
            session.participants.set(people)
        SupportCount.objects.bulk_create(
            SupportCount(session=session, category=category, count=n)
            for category, n in sorted(counts.items())
        )
        _session_ledger(session=session, mentor=mentor, match=match, people=people)
        if match is not None:
            fields = ["reminder_sent_at"]
            match.reminder_sent_at = None
            started = match.status == MatchStatus.ACCEPTED
            if started:
                match.status, match.started_at = MatchStatus.ACTIVE, _now()
                fields += ["status", "started_at"]
            match.save(update_fields=fields)
            if started:
                _logged(match, by)
    return session


def _kind_check(kind: str, request: MentoringRequest) -> None:
    """A match's sessions are of its request's kind, or networking: support counts women
    supported, which a service's training request has none of; a training session counts
    professionals trained, which a woman's request for support has none of."""
    if kind == SessionKind.SUPPORT and request.kind == RequestKind.TRAINING:
        raise ValidationError(
            {
                "kind": _(
                    "This mentoring is a training for a service: log its sessions as training "
                    "or networking. Support sessions are for a woman's mentoring."
                )
            }
        )
    if kind == SessionKind.TRAINING and request.kind == RequestKind.SUPPORT:
        raise ValidationError(
            {
                "kind": _(
                    "This mentoring supports a woman: log its sessions as support or "
                    "networking. Training sessions are for a service's training request."
                )
            }
        )


def _support_check(session: MentoringSession, match: Match | None, counts: dict) -> None:
    """A one-to-one session helps one woman: each kind of help counts at most one, and
    she is new only if the session has no match (a match's woman is counted with it)."""
    if session.size != SessionSize.ONE_TO_ONE:
        return
    if any(n > 1 for n in counts.values()):
        raise ValidationError(
            {
                "support_counts": _(
                    "A one-to-one session is with one woman: give at most 1 for each kind of help."
                )
            }
        )
    if match is not None and session.women_new:
        raise ValidationError(
            {
                "women_new": _(
                    "The woman of this mentoring is counted once for the whole mentoring: "
                    "in a one-to-one session with her, leave this at 0."
                )
            }
        )
    if session.women_new > 1:
        raise ValidationError(
            {"women_new": _("A one-to-one session is with one woman: give 0 or 1.")}
        )


def _email_in(addresses: list[str]) -> Q:
    condition = Q(pk__in=[])
    for address in addresses:
        condition |= Q(email__iexact=address)
    return condition


LEDGER_KIND = {
    SessionKind.NETWORKING: ParticipationKind.COMMUNITY_NETWORKING,
    SessionKind.TRAINING: ParticipationKind.TRAINED_BY_MENTOR,
}


def _session_ledger(*, session, mentor, match, people) -> None:
    """The session's ledger rows (see ``session_log``); idempotent. Every one of them,
    whatever its source, is evidence of the session (its activity), held where its counts
    are placed."""
    occurred_at = _occurred_at(session.date)
    programmes = [mentor.programme_id]
    place = _place(mentor, match)
    record = partial(
        participation_record,
        source=session,
        occurred_at=occurred_at,
        programmes=programmes,
        activity=session,
        activity_kind=session_activity_kind(session.kind),
        activity_country=place.get("country", ""),
        activity_region=place.get("region", ""),
    )
    record(kind=ParticipationKind.MENTORING_SESSION, person=mentor.person)
    if session.kind == SessionKind.SUPPORT:
        if match is not None:
            # Her woman, once for her request: the row of a later session, or of an earlier
            # match of the same request (she was matched again), exists already.
            record(
                kind=ParticipationKind.WOMEN_SUPPORTED,
                source=match.request,
                count=1,
                aggregate_key=f"request:{match.request_id}",
                attributes=place,
            )
        if session.women_new:
            record(
                kind=ParticipationKind.WOMEN_SUPPORTED,
                count=session.women_new,
                aggregate_key=f"session:{session.pk}",
                attributes=place,
            )
        return
    kind = LEDGER_KIND[session.kind]
    for person in people:
        if kind == ParticipationKind.TRAINED_BY_MENTOR and user_role(person) != Role.PROFESSIONAL:
            continue  # a participant, not a professional trained
        record(kind=kind, person=person)
    if session.anonymous_count:
        # Those trained in a training session are professionals by definition: the count
        # carries the role, so "professionals trained" indicators count them.
        attributes = (
            {**place, "role": Role.PROFESSIONAL}
            if kind == ParticipationKind.TRAINED_BY_MENTOR
            else place
        )
        record(
            kind=kind,
            count=session.anonymous_count,
            aggregate_key=f"session:{session.pk}:anonymous",
            attributes=attributes,
        )


# --- Safeguarding ------------------------------------------------------------------------


def concern_report(*, programme, by, text: str, match: Match | None = None) -> ConcernReport:
    """Anyone signed in reports a concern; the programme's organisers are told by e-mail
    (without its text, which is encrypted at rest)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Tell us what worries you.")})
    if len(text) > CONCERN_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("Please keep it under %(count)s characters.")
                % {"count": CONCERN_MAX_LENGTH}
            }
        )
    if match is not None and match.mentor.programme_id != programme.pk:
        raise ValidationError({"match": _("This match belongs to another programme.")})
    concern = ConcernReport(
        programme=programme,
        match=match,
        reported_by=by if getattr(by, "is_authenticated", False) else None,
        text=text,
    )
    concern.full_clean(exclude=["reported_by"])
    with transaction.atomic():
        concern.save()
        transaction.on_commit(partial(emails.concern_enqueue, concern=concern))
    return concern


def concern_resolve(*, concern: ConcernReport, by) -> ConcernReport:
    _organiser(by, concern.programme_id)
    updated = ConcernReport.objects.filter(pk=concern.pk, status=ConcernStatus.OPEN).update(
        status=ConcernStatus.RESOLVED, resolved_at=_now(), resolved_by=by
    )
    if not updated:
        raise ValidationError(_("This concern is already resolved."))
    concern.refresh_from_db()
    return concern


def feedback_submit(*, match: Match, stage: str, respondent: str, data: dict) -> FeedbackResponse:
    """Midpoint or closing feedback on a match that started; once per stage and side."""
    if stage not in FeedbackStage.values or respondent not in FeedbackRespondent.values:
        raise ValidationError(_("This feedback form does not exist."))
    if match.status not in (*MATCH_HOLDING, MatchStatus.COMPLETED, MatchStatus.ENDED_EARLY):
        raise ValidationError(_("Feedback can be given once a match has started."))
    response = FeedbackResponse(
        match=match,
        stage=stage,
        respondent=respondent,
        rating=data.get("rating"),
        went_well=(data.get("went_well") or "").strip(),
        could_improve=(data.get("could_improve") or "").strip(),
    )
    response.full_clean(exclude=["match"], validate_constraints=False)
    if FeedbackResponse.objects.filter(match=match, stage=stage, respondent=respondent).exists():
        raise ValidationError(_("Thank you: this feedback was already given."))
    try:
        with transaction.atomic():
            response.save(force_insert=True)
    except IntegrityError as error:
        raise ValidationError(_("Thank you: this feedback was already given.")) from error
    return response


# --- Retention and nudges (beat tasks) ------------------------------------------------------


def contacts_erase_due(*, now: datetime | None = None) -> int:
    """Erase what identifies a requester once her request has been closed or withdrawn for
    ``MENTORS_CONTACT_RETENTION_DAYS``: the name, contact, safe times and contact method,
    the contact digest, who filed it (her account), the service's name on a support
    request (a training request's organisation is not a person and stays), and the free
    text about her: the notes of its matches and their feedback's comments. What the counts
    need stays (kind, languages, country, region, needs, dates, ratings).

    ``DoNotMatch.requester_key`` is kept on purpose: a block must outlive the request it
    came from, or she could be offered the same mentor again with her next request.

    Resolved concerns' text is erased on the same schedule (the row and its dates stay).
    First, requests left open longer than ``MENTORS_REQUEST_EXPIRY_DAYS`` are withdrawn
    (``requests_expire``), so their clock starts too. Returns how many requests were
    erased."""
    now = now or _now()
    requests_expire(now=now)
    cutoff = now - timedelta(days=settings.MENTORS_CONTACT_RETENTION_DAYS)
    with transaction.atomic():
        due = list(
            MentoringRequest.objects.select_for_update()
            .filter(status__in=REQUEST_DONE, closed_at__lte=cutoff, contact_erased_at__isnull=True)
            .values_list("pk", flat=True)
        )
        Match.objects.filter(request_id__in=due).exclude(note="").update(note="")
        FeedbackResponse.objects.filter(match__request_id__in=due).update(
            went_well="", could_improve=""
        )
        MentoringRequest.objects.filter(pk__in=due, kind=RequestKind.SUPPORT).update(
            organisation=""
        )
        erased = MentoringRequest.objects.filter(pk__in=due).update(
            name="",
            contact="",
            safe_times="",
            contact_method="",
            requester_key="",
            filed_by=None,
            contact_erased_at=now,
        )
        ConcernReport.objects.filter(
            status=ConcernStatus.RESOLVED, resolved_at__lte=cutoff
        ).exclude(text="").update(text="")
    return erased


def requests_expire(*, now: datetime | None = None) -> int:
    """Withdraw the requests still waiting for a mentor after ``MENTORS_REQUEST_EXPIRY_DAYS``
    (counted from ``waiting_since``, reset when she loses a match), so no contact is kept
    forever: their open offers close and the retention clock starts. Returns how many."""
    now = now or _now()
    cutoff = now - timedelta(days=settings.MENTORS_REQUEST_EXPIRY_DAYS)
    with transaction.atomic():
        expired = list(
            MentoringRequest.objects.select_for_update()
            .filter(status=RequestStatus.OPEN, waiting_since__lte=cutoff)
            .values_list("pk", flat=True)
        )
        offers = Match.objects.select_for_update(of=("self",)).filter(
            request_id__in=expired, status=MatchStatus.PROPOSED
        )
        for offer in offers.select_related("mentor__person__profile"):
            _offer_close(offer)
            _logged(offer, None)
        return MentoringRequest.objects.filter(pk__in=expired).update(
            status=RequestStatus.WITHDRAWN, closed_at=now
        )


def _closing_feedback(match: Match, now: datetime) -> bool:
    if match.closing_sent_at is not None:
        return False
    match.closing_sent_at = now
    match.save(update_fields=["closing_sent_at"])
    transaction.on_commit(
        partial(emails.feedback_enqueue, match=match, stage=FeedbackStage.CLOSING)
    )
    return True


def _nudge(match_id: int, field: str, queue, due=None) -> bool:
    """Set ``field`` on the (locked) match if still empty and queue its e-mail: once.
    ``due(match)``, if given, says again under the lock whether the e-mail is still due."""
    with transaction.atomic():
        match = (
            Match.objects.select_for_update(of=("self",))
            .select_related("mentor__person__profile")
            .filter(pk=match_id, **{f"{field}__isnull": True})
            .first()
        )
        if match is None or (due is not None and not due(match)):
            return False
        setattr(match, field, _now())
        match.save(update_fields=[field])
        queue(match)
    return True


def _quiet_since(match: Match, quiet: datetime) -> date | None:
    """The date of an active match's last session (or of its start), if no session came
    after ``quiet``; else None. Read under the match's lock: ``session_log`` takes it too,
    so a session logged since the caller's query is seen here."""
    if match.status != MatchStatus.ACTIVE:
        return None
    last = match.sessions.aggregate(last=Max("date"))["last"]
    if last is not None:
        return last if last <= timezone.localdate(quiet) else None
    if match.started_at is None or match.started_at > quiet:
        return None
    return timezone.localdate(match.started_at)


def _remind(match_id: int, quiet: datetime) -> bool:
    """A session reminder for a quiet match, checked again under its lock."""
    since = {}

    def due(match: Match) -> bool:
        since["date"] = _quiet_since(match, quiet)
        return since["date"] is not None

    return _nudge(
        match_id,
        "reminder_sent_at",
        lambda match: transaction.on_commit(
            partial(emails.session_reminder_enqueue, match=match, since=since["date"].isoformat())
        ),
        due=due,
    )


def _offer_expire(match_id: int, request_id: int, cutoff: datetime) -> bool:
    """Decline for her an offer its mentor has not answered since ``cutoff`` ("no time"):
    the request goes to the next round, first in line. Locks the request, then the match."""
    with transaction.atomic():
        _lock_request(request_id)
        offer = (
            Match.objects.select_for_update(of=("self",))
            .filter(pk=match_id, status=MatchStatus.PROPOSED, proposed_at__lte=cutoff)
            .first()
        )
        if offer is None:
            return False
        offer.status, offer.answered_at = MatchStatus.DECLINED, _now()
        offer.decline_reason, offer.note = DeclineReason.NO_TIME, _("No answer in time")
        offer.save(update_fields=["status", "answered_at", "decline_reason", "note"])
        MentoringRequest.objects.filter(pk=request_id, status=RequestStatus.OPEN).update(
            priority=True
        )
        _logged(offer, None, change="expired", reason=DeclineReason.NO_TIME)
    return True


def nudges_due(*, now: datetime | None = None) -> dict:
    """Queue the e-mails whose time has come, each once:

    - a session reminder for an active match with no session for
      ``MENTORS_SESSION_REMINDER_DAYS`` (re-armed by the next session);
    - midpoint feedback halfway through ``MENTORS_MATCH_WEEKS``;
    - closing feedback for a completed match that has not had it;

    and declines the offers unanswered for ``MENTORS_OFFER_DAYS`` (a silent mentor would
    otherwise keep the woman from every round), without an e-mail: her match page says so.
    """
    now = now or _now()
    cutoff = now - timedelta(days=settings.MENTORS_OFFER_DAYS)
    stale = Match.objects.filter(status=MatchStatus.PROPOSED, proposed_at__lte=cutoff)
    sent = {"offers_expired": 0, "reminders": 0, "midpoint": 0, "closing": 0}
    for pk, request_id in stale.values_list("pk", "request_id"):
        sent["offers_expired"] += _offer_expire(pk, request_id, cutoff)
    quiet = now - timedelta(days=settings.MENTORS_SESSION_REMINDER_DAYS)
    reminders = (
        Match.objects.filter(status=MatchStatus.ACTIVE, reminder_sent_at__isnull=True)
        .annotate(last_session=Max("sessions__date"))
        .filter(
            Q(last_session__isnull=True, started_at__lte=quiet)
            | Q(last_session__lte=timezone.localdate(quiet))
        )
        .values_list("pk", flat=True)
    )
    for pk in reminders:
        sent["reminders"] += _remind(pk, quiet)
    halfway = now - timedelta(weeks=settings.MENTORS_MATCH_WEEKS / 2)
    midpoint = Match.objects.filter(
        status__in=(MatchStatus.ACTIVE, MatchStatus.PAUSED),
        midpoint_sent_at__isnull=True,
        started_at__lte=halfway,
    ).values_list("pk", flat=True)
    for pk in midpoint:
        sent["midpoint"] += _nudge(
            pk,
            "midpoint_sent_at",
            lambda match: transaction.on_commit(
                partial(emails.feedback_enqueue, match=match, stage=FeedbackStage.MIDPOINT)
            ),
        )
    closing = Match.objects.filter(
        status=MatchStatus.COMPLETED, closing_sent_at__isnull=True
    ).values_list("pk", flat=True)
    for pk in closing:
        sent["closing"] += _nudge(
            pk,
            "closing_sent_at",
            lambda match: transaction.on_commit(
                partial(emails.feedback_enqueue, match=match, stage=FeedbackStage.CLOSING)
            ),
        )
    return sent
