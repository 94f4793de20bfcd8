"""The demo's mentoring (CommunityLinkage): twenty community mentors in Barcelona, Palermo,
Athens and Koper (and one online from Vilnius), women's and organisations' requests, an
accepted matching round, matches in their states and logged sessions of every kind.

A step of ``linkage_demo`` (home.demo_data) after the programmes (150) and the courses
(200): the mentor track's course is read through Wagtail's Page tree and the ledger, never
through the courses app. Everything goes through the mentors services, as a person would
click it: an active mentor was approved (her empowerment is in the ledger), offers came
from a round an organiser accepted, sessions were logged by their mentors.

Idempotent: a mentor is looked up by her account and programme, and added once; the
mentoring activity (requests, the round, matches, sessions) is built once per programme,
so a demo someone has already clicked through stays as they left it.

Who they are and what they asked and did is in ``content.py``: made-up people, clearly
fake contacts, and nothing that describes violence.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page

from allauth.account.models import EmailAddress

from home.demo_data import DEMO_PASSWORD, register_demo_step
from impact.enums import ParticipationKind
from impact.services import participation_record
from people.enums import RegionKind, Role, Sector
from people.models import Organisation, Profile, Region, User
from people.roles import role_assign, user_role
from programmes.models import Programme

from .. import rounds, services
from ..enums import (
    ContactMethod,
    DeclineReason,
    Expertise,
    MentorStatus,
    RequestKind,
    SessionKind,
    SessionSize,
)
from ..models import Match, MatchingRound, MentoringRequest, MentoringSession, MentorProfile
from .content import (
    CITIES,
    COURSE_SLUG,
    IN_PERSON,
    MATCH_SESSIONS,
    MENTORS,
    ONLINE,
    OPEN_SUPPORT,
    ORGANISER,
    OUTCOMES,
    PROFESSIONALS,
    PROGRAMME,
    ROUND_SUPPORT,
    STANDALONE_SESSIONS,
    TRAINED,
    TRAINING,
)

# The round was accepted this many days before the demo runs; what its offers became
# (answers, sessions) is dated in between.
ROUND_DAYS_AGO = 10


def load_demo_mentors(*, stdout) -> None:
    """The pool (each mentor added once), then, for a programme with no mentoring yet,
    its requests, round, matches and sessions."""
    programme = Programme.objects.filter(slug=PROGRAMME).first()
    if programme is None:
        stdout.write("Mentoring: no CommunityLinkage programme, so no mentor pool")
        return
    course = _mentor_course()
    if course is None:
        stdout.write(f"Mentoring: no mentor-track course ({COURSE_SLUG}), so no mentor pool")
        return
    organiser = User.objects.filter(email=ORGANISER).first()
    regions = _regions()
    _professionals(regions)
    added = [
        spec[0]
        for spec in MENTORS
        if _mentor(spec, programme=programme, course=course, regions=regions, by=organiser)
    ]
    activity = not (programme.mentoring_requests.exists() or programme.matching_rounds.exists())
    if activity:
        _activity(programme, regions=regions, by=organiser)
    pool = programme.mentor_profiles.count()
    stdout.write(
        f"Mentoring: {pool} mentors in {programme.slug}'s pool ({len(added)} added); "
        + ("requests, a round, matches and sessions added" if activity else "activity kept")
    )


def _mentor_course():
    """The mentor track's course in its original language (what the ledger's
    course_completed rows point at), found by its slug, or None."""
    page = Page.objects.filter(slug=COURSE_SLUG, alias_of__isnull=True).order_by("pk").first()
    if page is None:
        return None
    return Page.objects.filter(translation_key=page.translation_key).order_by("pk").first().specific


def _regions() -> dict[str, Region]:
    return {
        name: Region.objects.get_or_create(
            country=country, name=name, defaults={"kind": RegionKind.MUNICIPALITY}
        )[0]
        for name, (country, _organisation) in CITIES.items()
    }


def _user(email: str) -> tuple[User, bool]:
    """The demo account, made (with the demo password and a verified address) if missing,
    as the foundation's demo makes its people."""
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user, created


def _person(email: str, name: str, *, role, organisation, sector, region, languages) -> User:
    user, created = _user(email)
    if created or not Profile.objects.filter(user=user).exists():
        # The foundation's people keep the profile it gave them.
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "display_name": name,
                "organisation": Organisation.objects.filter(name=organisation).first(),
                "sector": sector,
                "country": region.country if region else "",
                "region": region,
                "languages": languages,
                # E-mails in the first language she reads that the site speaks.
                "preferred_language": next(
                    (code for code in languages if code in dict(settings.LANGUAGES)), "en"
                ),
            },
        )
    if user_role(user) != role:
        role_assign(user=user, role=role)
    return user


def _professionals(regions) -> dict[str, User]:
    for name, country, sector in {
        (organisation, regions[city].country, sector)
        for _email, _name, organisation, sector, city in PROFESSIONALS
    }:
        Organisation.objects.get_or_create(
            name=name, defaults={"country": country, "sector": sector}
        )
    return {
        email: _person(
            email,
            name,
            role=Role.PROFESSIONAL,
            organisation=organisation,
            sector=sector,
            region=regions[city],
            languages=["el", "en"] if city == "Athens" else ["it", "en"],
        )
        for email, name, organisation, sector, city in PROFESSIONALS
    }


def _mentor(spec, *, programme, course, regions, by) -> bool:
    """The mentor in the programme's pool, as the services make one: she applies, fills in
    her profile and accepts the code of conduct; an active one completed the mentor track
    (a course_completed row, unless the courses' demo has written it) and an organiser
    approved her. False when she was already in the pool (left as she is)."""
    email, name, city, languages, expertise, formats, slots, capacity, status, bio = spec
    region = regions.get(city)
    country, organisation = CITIES.get(city, (None, "SURT Women's Foundation"))
    person = _person(
        email,
        name,
        role=Role.MENTOR,
        organisation=organisation,
        sector=Sector.COMMUNITY,
        region=region,
        languages=list(languages),
    )
    if MentorProfile.objects.filter(person=person, programme=programme).exists():
        return False
    profile = services.mentor_apply(person=person, programme=programme)
    profile.bio, profile.capacity = bio, capacity
    # A mentor without a city meets women online, in any of the partnership's countries.
    profile.countries = [country] if country else list(programme.countries)
    profile.formats = [str(value) for value in formats]
    profile.availability = slots.split()
    profile.expertise = [str(value) for value in expertise]
    services.profile_save(
        profile=profile,
        languages={code: int(level) for code, level in languages.items()},
        by=person,
        regions=[region] if region else [],
        conduct_accepted=status != MentorStatus.APPLICANT,
    )
    if status in (MentorStatus.ACTIVE, MentorStatus.PAUSED):
        participation_record(
            kind=ParticipationKind.COURSE_COMPLETED,
            source=course,
            person=person,
            occurred_at=timezone.now() - timedelta(days=60),
            programmes=_course_programmes(course, programme),
            # As the courses app writes a completion (its activity kind; mentors never
            # imports courses).
            activity_kind="course",
        )
        services.mentor_approve(profile=profile, by=by)
    if status == MentorStatus.PAUSED:
        services.mentor_status_set(profile=profile, status=MentorStatus.PAUSED, by=person)
    return True


def _course_programmes(course, programme) -> set[int]:
    owned = course.programme_ids() if hasattr(course, "programme_ids") else set()
    return {*owned, programme.pk}


def _activity(programme, *, regions, by) -> None:
    """Requests, the accepted round and what the mentors did with its offers, then the
    sessions outside matches and the requests that came in since."""
    now = timezone.now()
    round_at = now - timedelta(days=ROUND_DAYS_AGO)
    for spec in ROUND_SUPPORT:
        _support_request(programme, spec, regions=regions, now=now)
    for spec in TRAINING:
        if spec[-1]:
            _training_request(programme, spec, regions=regions, now=now)
    matching_round = rounds.round_run(programme=programme, by=by)
    offers = rounds.round_accept(round=matching_round, by=by)
    MatchingRound.objects.filter(pk=matching_round.pk).update(
        created_at=round_at, decided_at=round_at
    )
    Match.objects.filter(round=matching_round).update(proposed_at=round_at)
    for match in offers:
        _outcome(match, OUTCOMES.get(match.request.contact, "wait"), round_at=round_at)
    for spec in STANDALONE_SESSIONS:
        _standalone_session(programme, spec)
    for spec in OPEN_SUPPORT:
        _support_request(programme, spec, regions=regions, now=now)
    for spec in TRAINING:
        if not spec[-1]:
            _training_request(programme, spec, regions=regions, now=now)


def _backdate(request, days: int, now) -> None:
    """A demo request has been waiting this many days."""
    when = now - timedelta(days=days)
    MentoringRequest.objects.filter(pk=request.pk).update(
        created_at=when, consent_at=when, waiting_since=when
    )


def _support_request(programme, spec, *, regions, now) -> MentoringRequest:
    name, method, contact, safe_times, languages, city, formats, slots, needs, days, org = spec
    region = regions[city]
    request = services.request_create(
        programme=programme,
        kind=RequestKind.SUPPORT,
        data={
            "consent": True,
            "conduct_accepted": True,
            "organisation": org,
            "name": name,
            "contact_method": str(method),
            "contact": contact,
            "safe_times": safe_times,
            "languages": languages,
            "country": region.country,
            "region": region,
            "formats": [str(value) for value in formats],
            "availability": slots.split(),
            "needs": [str(value) for value in needs],
        },
        on_behalf=bool(org),
    )
    _backdate(request, days, now)
    return request


def _training_request(programme, spec, *, regions, now) -> MentoringRequest:
    (organisation, name, filer, contact, topic, expected) = spec[:6]
    languages, city, formats, slots, days, _in_round = spec[6:]
    region = regions[city]
    request = services.request_create(
        programme=programme,
        kind=RequestKind.TRAINING,
        data={
            "consent": True,
            "conduct_accepted": True,
            "organisation": organisation,
            "name": name,
            "contact_method": str(ContactMethod.EMAIL),
            "contact": contact,
            "safe_times": "",
            "languages": languages,
            "country": region.country,
            "region": region,
            "formats": [str(value) for value in formats],
            "availability": slots.split(),
            "needs": [str(Expertise.TRAINING)],
            "topic": topic,
            "participants_expected": expected,
        },
        filed_by=User.objects.filter(email=filer).first() if filer else None,
    )
    _backdate(request, days, now)
    return request


def _outcome(match: Match, outcome: str, *, round_at) -> None:
    """What the mentor did with her offer, through the services, then dated as if it had
    happened over the days since the round."""
    mentor = match.mentor
    person = mentor.person
    if outcome == "wait":
        return
    if outcome == "declined":
        services.match_decline(match=match, by=person, reason=DeclineReason.NO_TIME)
        Match.objects.filter(pk=match.pk).update(answered_at=round_at + timedelta(days=1))
        return
    services.match_accept(match=match, by=person)
    training = match.request.kind == RequestKind.TRAINING
    sessions = []
    if outcome == "completed" and training:
        sessions.append(
            _session(
                mentor,
                match=match,
                kind=SessionKind.TRAINING,
                size=SessionSize.GROUP,
                days_ago=6,
                minutes=180,
                topic=match.request.topic,
                participant_emails=[*TRAINED, "colleague.athens@example.org"],
                anonymous_count=7,
            )
        )
    elif outcome in ("active", "paused", "completed"):
        for days_ago, minutes, topic, category in MATCH_SESSIONS[: 1 if outcome == "paused" else 2]:
            sessions.append(
                _session(
                    mentor,
                    match=match,
                    kind=SessionKind.SUPPORT,
                    days_ago=days_ago,
                    minutes=minutes,
                    topic=topic,
                    support_counts={category: 1},
                )
            )
    if outcome == "paused":
        services.match_pause(match=match, by=person)
    if outcome == "completed":
        services.match_complete(match=match, by=person)
    answered = round_at + timedelta(days=1)
    dates = {"answered_at": answered}
    if sessions:
        started = _noon(sessions[0].date)
        dates["started_at"] = started
        if outcome == "paused":
            dates["paused_at"] = started + timedelta(days=2)
        if outcome == "completed":
            dates["ended_at"] = _noon(sessions[-1].date) + timedelta(hours=4)
    Match.objects.filter(pk=match.pk).update(**dates)
    if outcome == "completed":
        MentoringRequest.objects.filter(pk=match.request_id).update(closed_at=dates["ended_at"])


def _noon(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def _session(
    mentor: MentorProfile,
    *,
    kind,
    days_ago: int,
    minutes: int,
    topic: str,
    match: Match | None = None,
    size=SessionSize.ONE_TO_ONE,
    format=None,
    support_counts=None,
    participant_emails=(),
    anonymous_count: int = 0,
    women_new: int = 0,
) -> MentoringSession:
    if format is None:
        formats = match.request.formats if match else mentor.formats
        format = IN_PERSON if IN_PERSON in formats else ONLINE
    return services.session_log(
        mentor=mentor,
        by=mentor.person,
        match=match,
        data={
            "kind": str(kind),
            "size": str(size),
            "date": timezone.localdate() - timedelta(days=days_ago),
            "duration_minutes": minutes,
            "format": str(format),
            "topic": topic,
            "anonymous_count": anonymous_count,
            "women_new": women_new,
        },
        support_counts={str(key): count for key, count in (support_counts or {}).items()},
        participant_emails=participant_emails,
    )


def _standalone_session(programme, spec) -> None:
    email, kind, size, days_ago, minutes, format, topic, counts, emails, anonymous, new = spec
    mentor = MentorProfile.objects.select_related("person").get(
        person__email=email, programme=programme
    )
    _session(
        mentor,
        kind=kind,
        size=size,
        days_ago=days_ago,
        minutes=minutes,
        format=format,
        topic=topic,
        support_counts=counts,
        participant_emails=emails,
        anonymous_count=anonymous,
        women_new=new,
    )


register_demo_step(load_demo_mentors, order=400)
