"""What the demo holds: the three curriculum courses, the programmes' own short courses,
and the demo learners' progress."""

from .coordinated import COORDINATED
from .coordinated_lt import COORDINATED_LT, PRE_POST_LT
from .interviewing import INTERVIEWING
from .interviewing_lt import INTERVIEWING_LT
from .mechanisms import MECHANISMS
from .mechanisms_sq import MECHANISMS_SQ
from .mentors import MENTORS
from .mentors_fa import MENTORS_FA
from .trafficking import TRAFFICKING
from .trafficking_mk import TRAFFICKING_MK

__all__ = [
    "ALL_COURSES",
    "COORDINATED",
    "COORDINATED_LT",
    "COURSES",
    "INTERVIEWING",
    "LEARNERS",
    "MECHANISMS",
    "MECHANISMS_SQ",
    "MENTORS",
    "PRE_POST_LT",
    "PROGRAMME_COURSES",
    "PROGRAMME_LEARNERS",
    "TRAFFICKING",
    "TRANSLATIONS",
]

COURSES = [COORDINATED, INTERVIEWING, MENTORS]

# Short courses of the programmes the three above leave without one of their own: the
# Kosovo mechanisms (also in Albanian) and the SE European coalition.
PROGRAMME_COURSES = [MECHANISMS, TRAFFICKING]

ALL_COURSES = [*COURSES, *PROGRAMME_COURSES]

# Each programme's course in a working language other than English (programmes/demo.py),
# besides the curriculum's Lithuanian and the mechanisms' Albanian, which are made with
# their courses: (course slug, language, texts).
TRANSLATIONS = [
    ("trauma-informed-interviewing", "lt", INTERVIEWING_LT),  # the Lithuanian programme
    ("trafficking-identification-and-referral", "mk", TRAFFICKING_MK),  # the SEE coalition
    ("community-mentor-foundations", "fa", MENTORS_FA),  # CommunityLinkage's mentors
]

# Demo learners: (e-mail, course slug, cohort title or None, lessons to complete,
#                 take the pre-test with this many right answers or None, pass the post-test)
LEARNERS = [
    ("police@linkage.local", "coordinated-response", None, "all", 2, True),
    ("police@linkage.local", "trauma-informed-interviewing", None, 1, None, False),
    ("health@linkage.local", "coordinated-response", "Kaunas, spring cohort", 2, 3, False),
    (
        "social@linkage.local",
        "coordinated-response",
        "Gjilan/Gnjilane, coordination mechanism",
        0,
        None,
        False,
    ),
    # Amina finished the mentor track (the mentoring demo makes her an active mentor).
    (
        "mentor.amina@linkage.local",
        "community-mentor-foundations",
        "Barcelona and Palermo, online",
        "all",
        1,
        True,
    ),
    ("mentor.fatima@linkage.local", "community-mentor-foundations", None, "all", 2, True),
]

# The same, for the programmes' own courses. Several of these people also take part in
# another programme's work (social@ in Kosovo's meetings and the coalition's course,
# shelter@ in the coalition and at the Lithuanian conference), so each organiser sees them
# only through their own programme.
PROGRAMME_LEARNERS = [
    (
        "gender.officer@linkage.local",
        "coordination-mechanism-essentials",
        "Seven municipalities, spring cohort",
        "all",
        None,
        False,
    ),
    ("justice@linkage.local", "coordination-mechanism-essentials", None, 1, None, False),
    (
        "shelter@linkage.local",
        "trafficking-identification-and-referral",
        "Regional teams, online",
        2,
        None,
        False,
    ),
    ("social@linkage.local", "trafficking-identification-and-referral", None, 1, None, False),
]
