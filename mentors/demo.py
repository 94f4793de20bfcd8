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

The people are made up. Their contacts are clearly fake (+34 600 000 0xx, example.org),
and nothing in the requests describes violence: the demo shows what the platform keeps.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page

from allauth.account.models import EmailAddress

from home.demo_data import DEMO_PASSWORD, register_demo_step
from impact.enums import ParticipationKind
from impact.services import participation_record
from people.enums import Country, RegionKind, Role, Sector
from people.models import Organisation, Profile, Region, User
from people.roles import role_assign, user_role
from programmes.models import Programme

from . import rounds, services
from .enums import (
    ContactMethod,
    DeclineReason,
    Expertise,
    LanguageLevel,
    MeetingFormat,
    MentorStatus,
    RequestKind,
    SessionKind,
    SessionSize,
    SupportCategory,
)
from .models import Match, MatchingRound, MentoringRequest, MentoringSession, MentorProfile

PROGRAMME = "communitylinkage"
COURSE_SLUG = "community-mentor-foundations"
ORGANISER = "organiser.communitylinkage@linkage.local"

B, C, F, N = (
    LanguageLevel.BASIC,
    LanguageLevel.CONVERSATIONAL,
    LanguageLevel.FLUENT,
    LanguageLevel.NATIVE,
)
IN_PERSON, ONLINE = MeetingFormat.IN_PERSON, MeetingFormat.ONLINE
BOTH = [IN_PERSON, ONLINE]
E = Expertise

# The partners' cities, as the foundation's demo has them (created here when missing).
CITIES = {
    "Barcelona": (Country.ES, "SURT Women's Foundation"),
    "Palermo": (Country.IT, "CESIE"),
    "Athens": (Country.GR, "Centre for Women's Studies and Research"),
    "Koper": (Country.SI, "Science and Research Centre Koper"),
}

# (e-mail, name, city or None (online only), {language: level}, expertise, formats,
#  availability, capacity, status, a short introduction). The first four are the
# foundation's demo mentors (home.demo_data.PEOPLE); the others are made here.
MENTORS = [
    (
        "mentor.amina@linkage.local",
        "Amina",
        "Barcelona",
        {"ar": N, "es": F, "ca": C, "fr": B},
        [E.HEALTH, E.RIGHTS, E.INTERPRETING],
        BOTH,
        "mon-morning tue-evening thu-morning sat-morning",
        3,
        MentorStatus.ACTIVE,
        "Came to Barcelona from Morocco twelve years ago. I go with women to the health "
        "centre and help them understand their rights.",
    ),
    (
        "mentor.fatima@linkage.local",
        "Fatima",
        "Palermo",
        {"ar": N, "it": F, "fr": F},
        [E.RIGHTS, E.HOUSING_WORK, E.OUTREACH],
        BOTH,
        "tue-morning wed-afternoon fri-morning",
        2,
        MentorStatus.ACTIVE,
        "Tunisian, in Palermo since 2009. Cultural mediator; I know the offices and the "
        "neighbourhood associations.",
    ),
    (
        "mentor.olena@linkage.local",
        "Olena",
        None,
        {"uk": N, "ru": N, "lt": F, "en": C},
        [E.PSYCHOSOCIAL, E.OUTREACH],
        [ONLINE],
        "mon-evening wed-evening sun-afternoon",
        2,
        MentorStatus.ACTIVE,
        "From Kharkiv, living in Vilnius. I support Ukrainian women online, wherever they "
        "are in the partnership's countries.",
    ),
    (
        "mentor.zahra@linkage.local",
        "Zahra",
        "Athens",
        {"fa": N, "el": F, "en": F, "ps": C},
        [E.HEALTH, E.PSYCHOSOCIAL, E.TRAINING],
        BOTH,
        "mon-afternoon wed-morning thu-afternoon",
        2,
        MentorStatus.ACTIVE,
        "Afghan, trained as a nurse. I run sessions for professionals on working with "
        "Afghan and Iranian women.",
    ),
    # Barcelona
    (
        "mentor.rokia@linkage.local",
        "Rokia",
        "Barcelona",
        {"fr": N, "es": F, "en": C},
        [E.OUTREACH, E.HOUSING_WORK],
        BOTH,
        "tue-afternoon thu-evening sat-afternoon",
        2,
        MentorStatus.ACTIVE,
        "From Mali. I organise the women's gatherings at the community centre in Raval.",
    ),
    (
        "mentor.nadia@linkage.local",
        "Nadia",
        "Barcelona",
        {"ur": N, "en": F, "es": C},
        [E.HEALTH, E.TRAINING],
        [IN_PERSON],
        "mon-afternoon wed-afternoon fri-afternoon",
        2,
        MentorStatus.ACTIVE,
        "Pakistani, a pharmacist at home. I help women with Urdu or English find their way "
        "through the health system.",
    ),
    (
        "mentor.luz@linkage.local",
        "Luz Marina",
        "Barcelona",
        {"es": N, "en": C},
        [E.RIGHTS, E.PSYCHOSOCIAL],
        BOTH,
        "mon-evening tue-evening fri-evening",
        3,
        MentorStatus.ACTIVE,
        "Colombian, a social worker. Evenings suit me best.",
    ),
    (
        "mentor.khadija@linkage.local",
        "Khadija",
        "Barcelona",
        {"ar": N, "fr": F, "es": C},
        [E.OUTREACH, E.INTERPRETING],
        [IN_PERSON],
        "sat-morning sun-morning",
        1,
        MentorStatus.APPLICANT,
        "Algerian, new to Barcelona. I would like to become a mentor.",
    ),
    # Palermo
    (
        "mentor.hodan@linkage.local",
        "Hodan",
        "Palermo",
        {"so": N, "it": F, "ar": C, "en": C},
        [E.HEALTH, E.OUTREACH],
        BOTH,
        "mon-morning wed-morning fri-morning",
        2,
        MentorStatus.ACTIVE,
        "Somali, in Palermo for eight years. I accompany women to the health centre.",
    ),
    (
        "mentor.blessing@linkage.local",
        "Blessing",
        "Palermo",
        {"en": N, "it": C},
        [E.RIGHTS, E.OUTREACH, E.TRAINING],
        BOTH,
        "tue-evening thu-evening sat-afternoon",
        3,
        MentorStatus.ACTIVE,
        "Nigerian, a church volunteer. I reach women the services rarely see.",
    ),
    (
        "mentor.saba@linkage.local",
        "Saba",
        "Palermo",
        {"ti": N, "it": F, "ar": C, "en": B},
        [E.INTERPRETING, E.HEALTH],
        [IN_PERSON],
        "tue-morning thu-morning",
        2,
        MentorStatus.ACTIVE,
        "Eritrean. I interpret Tigrinya at appointments and explain what happens next.",
    ),
    (
        "mentor.mariam@linkage.local",
        "Mariam",
        "Palermo",
        {"ps": N, "fa": F, "it": B},
        [E.OUTREACH, E.PSYCHOSOCIAL],
        BOTH,
        "wed-afternoon sat-morning",
        1,
        MentorStatus.IN_TRAINING,
        "Afghan, in Palermo since last year. Taking the mentor course.",
    ),
    # Athens
    (
        "mentor.shirin@linkage.local",
        "Shirin",
        "Athens",
        {"ku": N, "fa": F, "el": C, "en": C},
        [E.PSYCHOSOCIAL, E.INTERPRETING],
        BOTH,
        "mon-morning tue-afternoon thu-morning",
        2,
        MentorStatus.ACTIVE,
        "Kurdish, from Iran. A psychologist; I listen in Kurdish and Persian.",
    ),
    (
        "mentor.rania@linkage.local",
        "Rania",
        "Athens",
        {"ar": N, "el": F, "en": F},
        [E.RIGHTS, E.HOUSING_WORK],
        BOTH,
        "tue-morning wed-evening fri-afternoon",
        2,
        MentorStatus.ACTIVE,
        "Syrian, a lawyer at home. I explain papers, rights and the way to a job.",
    ),
    (
        "mentor.malalai@linkage.local",
        "Malalai",
        "Athens",
        {"ps": N, "fa": N, "en": C},
        [E.OUTREACH, E.HEALTH],
        [IN_PERSON],
        "wed-morning fri-morning",
        2,
        MentorStatus.PAUSED,
        "Afghan. Taking a break for a few months; back in the spring.",
    ),
    (
        "mentor.kateryna@linkage.local",
        "Kateryna",
        "Athens",
        {"uk": N, "ru": N, "el": C, "en": C},
        [E.PSYCHOSOCIAL, E.INTERPRETING],
        BOTH,
        "mon-evening thu-evening sun-morning",
        2,
        MentorStatus.ACTIVE,
        "Ukrainian, in Athens since 2022. Online or in person, evenings.",
    ),
    # Koper
    (
        "mentor.ardita@linkage.local",
        "Ardita",
        "Koper",
        {"sq": N, "sl": F, "it": C, "en": C},
        [E.RIGHTS, E.HOUSING_WORK, E.OUTREACH],
        BOTH,
        "mon-afternoon wed-afternoon sat-morning",
        2,
        MentorStatus.ACTIVE,
        "From Kosovo, in Koper for fifteen years. I know the municipality's services well.",
    ),
    (
        "mentor.iryna@linkage.local",
        "Iryna",
        "Koper",
        {"uk": N, "ru": N, "sl": C, "en": F},
        [E.PSYCHOSOCIAL, E.TRAINING],
        BOTH,
        "tue-evening thu-afternoon",
        2,
        MentorStatus.ACTIVE,
        "Ukrainian, a teacher. I also train professionals on working with refugee women.",
    ),
    (
        "mentor.lejla@linkage.local",
        "Lejla",
        "Koper",
        {"bs": N, "sl": F, "en": C},
        [E.OUTREACH, E.TRAINING],
        [IN_PERSON],
        "fri-afternoon sat-afternoon",
        1,
        MentorStatus.IN_TRAINING,
        "Bosnian, in Koper since childhood. Finishing the mentor course.",
    ),
    (
        "mentor.samira@linkage.local",
        "Samira",
        "Koper",
        {"ar": N, "fr": F, "sl": C, "it": C},
        [E.HEALTH, E.RIGHTS],
        BOTH,
        "mon-morning thu-morning",
        2,
        MentorStatus.ACTIVE,
        "Moroccan, in Koper since 2015. I accompany women in Arabic and French.",
    ),
]

# Professionals of the partners' cities: participants of a mentor-led training, and the
# people who asked for one.
PROFESSIONALS = [
    (
        "police.athens@linkage.local",
        "Eleni Papadaki",
        "Hellenic Police, Athens domestic violence unit",
        Sector.POLICE,
        "Athens",
    ),
    (
        "officer.athens@linkage.local",
        "Giorgos Nikolaou",
        "Hellenic Police, Athens domestic violence unit",
        Sector.POLICE,
        "Athens",
    ),
    (
        "health.palermo@linkage.local",
        "Giulia Russo",
        "Community health centre, Palermo",
        Sector.HEALTH,
        "Palermo",
    ),
]

# Requests. Support: (pseudonym, contact method, fake contact, safe times, languages,
# city, formats, availability, needs, days waiting, organisation filing on her behalf).
# The first ones were in the accepted round; what happened to each offer is in OUTCOMES.
ROUND_SUPPORT = [
    (
        "Salma",
        ContactMethod.TEXT,
        "+34 600 000 001",
        "Weekday mornings, after 9",
        ["ar"],
        "Barcelona",
        [IN_PERSON],
        "mon-morning thu-morning",
        [E.HEALTH],
        34,
        "",
    ),
    (
        "Noor",
        ContactMethod.THROUGH_SERVICE,
        "casal.raval@example.org",
        "Through the women's centre only",
        ["ar", "fr"],
        "Barcelona",
        [IN_PERSON],
        "sat-morning tue-evening",
        [E.RIGHTS, E.INTERPRETING],
        30,
        "Women's centre, Raval (demo)",
    ),
    (
        "Ayan",
        ContactMethod.PHONE,
        "+39 300 000 0011",
        "Tuesday and Thursday mornings",
        ["so"],
        "Palermo",
        [IN_PERSON],
        "wed-morning fri-morning",
        [E.HEALTH],
        27,
        "",
    ),
    (
        "Grace",
        ContactMethod.TEXT,
        "+39 300 000 0012",
        "Evenings",
        ["en"],
        "Palermo",
        BOTH,
        "tue-evening thu-evening",
        [E.RIGHTS, E.OUTREACH],
        25,
        "",
    ),
    (
        "Parisa",
        ContactMethod.EMAIL,
        "parisa.demo@example.org",
        "Any time by e-mail",
        ["fa"],
        "Athens",
        [IN_PERSON],
        "mon-afternoon thu-afternoon",
        [E.PSYCHOSOCIAL],
        40,
        "",
    ),
    (
        "Lina",
        ContactMethod.TEXT,
        "+30 690 000 0021",
        "Mornings",
        ["ar"],
        "Athens",
        BOTH,
        "tue-morning fri-afternoon",
        [E.RIGHTS, E.HOUSING_WORK],
        22,
        "",
    ),
    (
        "Oksana",
        ContactMethod.TEXT,
        "+386 30 000 031",
        "Evenings after the children sleep",
        ["uk"],
        "Koper",
        [ONLINE],
        "mon-evening wed-evening",
        [E.PSYCHOSOCIAL],
        19,
        "",
    ),
    (
        "Drita",
        ContactMethod.PHONE,
        "+386 30 000 032",
        "Weekday afternoons",
        ["sq"],
        "Koper",
        [IN_PERSON],
        "mon-afternoon wed-afternoon",
        [E.HOUSING_WORK],
        18,
        "",
    ),
    (
        "Hiwet",
        ContactMethod.THROUGH_SERVICE,
        "mediacija.koper@example.org",
        "Through the mediation service",
        ["ti"],
        "Koper",
        [IN_PERSON],
        "tue-morning",
        [E.INTERPRETING],
        16,
        "Intercultural mediation service, Koper (demo)",
    ),
]

# Open support requests that came in after the round: the next round's work.
OPEN_SUPPORT = [
    (
        "Hanan",
        ContactMethod.TEXT,
        "+34 600 000 011",
        "Saturday mornings",
        ["ar"],
        "Barcelona",
        [IN_PERSON],
        "sat-morning",
        [E.HEALTH, E.RIGHTS],
        9,
        "",
    ),
    (
        "Mariama",
        ContactMethod.PHONE,
        "+34 600 000 012",
        "Afternoons",
        ["fr"],
        "Barcelona",
        BOTH,
        "tue-afternoon thu-evening",
        [E.HOUSING_WORK],
        7,
        "",
    ),
    (
        "Sadia",
        ContactMethod.THROUGH_SERVICE,
        "cap.raval@example.org",
        "Through the health centre",
        ["ur"],
        "Barcelona",
        [IN_PERSON],
        "wed-afternoon",
        [E.HEALTH],
        6,
        "Primary care centre, Raval (demo)",
    ),
    (
        "Valentina",
        ContactMethod.TEXT,
        "+34 600 000 014",
        "Evenings",
        ["es"],
        "Barcelona",
        [ONLINE],
        "mon-evening fri-evening",
        [E.PSYCHOSOCIAL, E.RIGHTS],
        3,
        "",
    ),
    (
        "Faduma",
        ContactMethod.PHONE,
        "+39 300 000 0015",
        "Mornings",
        ["so", "it"],
        "Palermo",
        [IN_PERSON],
        "mon-morning",
        [E.OUTREACH],
        8,
        "",
    ),
    (
        "Senait",
        ContactMethod.THROUGH_SERVICE,
        "mediazione.palermo@example.org",
        "Through the mediation service",
        ["ti"],
        "Palermo",
        [IN_PERSON],
        "thu-morning",
        [E.INTERPRETING, E.HEALTH],
        5,
        "Intercultural mediation service, Palermo (demo)",
    ),
    (
        "Zarmina",
        ContactMethod.TEXT,
        "+30 690 000 0024",
        "Friday mornings",
        ["ps"],
        "Athens",
        [IN_PERSON],
        "fri-morning",
        [E.HEALTH],
        8,
        "",
    ),
    (
        "Rojin",
        ContactMethod.TEXT,
        "+30 690 000 0025",
        "Mornings",
        ["ku"],
        "Athens",
        BOTH,
        "mon-morning",
        [E.PSYCHOSOCIAL],
        4,
        "",
    ),
    (
        "Tetiana",
        ContactMethod.EMAIL,
        "tetiana.demo@example.org",
        "Any time by e-mail",
        ["uk", "ru"],
        "Athens",
        [ONLINE],
        "sun-morning thu-evening",
        [E.PSYCHOSOCIAL, E.HOUSING_WORK],
        2,
        "",
    ),
    (
        "Besa",
        ContactMethod.PHONE,
        "+386 30 000 035",
        "Weekday afternoons",
        ["sq", "sl"],
        "Koper",
        [IN_PERSON],
        "wed-afternoon",
        [E.RIGHTS],
        6,
        "",
    ),
    (
        "Yasmin",
        ContactMethod.TEXT,
        "+386 30 000 036",
        "Monday or Thursday mornings",
        ["ar", "fr"],
        "Koper",
        BOTH,
        "mon-morning thu-morning",
        [E.HEALTH],
        1,
        "",
    ),
    (
        "Gulnara",
        ContactMethod.TEXT,
        "+34 600 000 017",
        "Weekends",
        ["ru"],
        "Barcelona",
        [ONLINE],
        "sun-afternoon",
        [E.PSYCHOSOCIAL],
        0,
        "",
    ),
]

# Training requests: (organisation, contact person, filed by (a demo account) or None,
# contact e-mail, topic, expected participants, languages, city, formats, availability,
# days waiting, in the round?).
TRAINING = [
    (
        "Hellenic Police, Athens domestic violence unit",
        "Eleni",
        "police.athens@linkage.local",
        "dv-unit.athens@example.org",
        "Working with Afghan and Iranian women who report violence",
        12,
        ["el", "en"],
        "Athens",
        [IN_PERSON],
        "wed-morning thu-afternoon",
        45,
        True,
    ),
    (
        "Community health centre, Palermo",
        "Giulia",
        "health.palermo@linkage.local",
        "health.palermo@example.org",
        "Reaching migrant women who do not come to appointments",
        15,
        ["it"],
        "Palermo",
        [IN_PERSON],
        "tue-morning thu-morning",
        8,
        False,
    ),
    (
        "Social work centre, Koper (demo)",
        "Maja",
        None,
        "csd.koper@example.org",
        "Refugee women and the services: an introduction for social workers",
        10,
        ["sl", "en"],
        "Koper",
        BOTH,
        "tue-evening thu-afternoon",
        4,
        False,
    ),
]

# What happened to each offer of the round, by the request's contact: the engine chose
# the mentor; each mentor answered her offer. "wait": the offer is still to be answered.
OUTCOMES = {
    "+34 600 000 001": "active",  # Amina: accepted, sessions logged
    "casal.raval@example.org": "wait",  # Amina: an offer waiting for her
    "+39 300 000 0011": "active",
    "+39 300 000 0012": "accepted",  # accepted, no session yet
    "parisa.demo@example.org": "active",
    "+30 690 000 0021": "declined",  # back to waiting, first in line next time
    "+386 30 000 031": "paused",
    "+386 30 000 032": "wait",
    "dv-unit.athens@example.org": "completed",  # the training was given
}

# Sessions without a match: (mentor e-mail, kind, size, days ago, minutes, format,
# topic, support counts, participants' e-mails, anonymous count).
STANDALONE_SESSIONS = [
    (
        "mentor.fatima@linkage.local",
        SessionKind.SUPPORT,
        SessionSize.GROUP,
        12,
        120,
        IN_PERSON,
        "Information morning at the neighbourhood association",
        {SupportCategory.INFORMATION: 9, SupportCategory.PRACTICAL: 4},
        [],
        0,
    ),
    (
        "mentor.rokia@linkage.local",
        SessionKind.NETWORKING,
        SessionSize.GROUP,
        9,
        150,
        IN_PERSON,
        "Women's gathering at the community centre",
        {},
        ["mentor.khadija@linkage.local", "mentor.luz@linkage.local"],
        14,
    ),
    (
        "mentor.ardita@linkage.local",
        SessionKind.NETWORKING,
        SessionSize.GROUP,
        5,
        90,
        IN_PERSON,
        "Meeting with the Albanian-speaking community association",
        {},
        ["mentor.lejla@linkage.local"],
        8,
    ),
    (
        "mentor.blessing@linkage.local",
        SessionKind.SUPPORT,
        SessionSize.GROUP,
        3,
        90,
        IN_PERSON,
        "After-service conversation group",
        {SupportCategory.EMOTIONAL: 6, SupportCategory.INFORMATION: 5},
        [],
        0,
    ),
]


# --- Building it ----------------------------------------------------------------------------

ROUND_DAYS_AGO = 10


def load_demo_mentors(*, stdout) -> None:
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


# A running match's sessions: (days ago, minutes, topic, support category).
MATCH_SESSIONS = [
    (8, 60, "First meeting, getting to know each other", SupportCategory.INFORMATION),
    (3, 90, "Went together to an appointment", SupportCategory.ACCOMPANIMENT),
]


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


# The professionals trained by Zahra (PROFESSIONALS), as she gives their addresses.
TRAINED = ["police.athens@linkage.local", "Officer.Athens@linkage.local"]


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
        },
        support_counts={str(key): count for key, count in (support_counts or {}).items()},
        participant_emails=participant_emails,
    )


def _standalone_session(programme, spec) -> None:
    email, kind, size, days_ago, minutes, format, topic, counts, emails, anonymous = spec
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
    )


register_demo_step(load_demo_mentors, order=400)
