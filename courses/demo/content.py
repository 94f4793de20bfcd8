"""What the demo holds: the three courses and the demo learners' progress."""

from .coordinated import COORDINATED
from .coordinated_lt import COORDINATED_LT, PRE_POST_LT
from .interviewing import INTERVIEWING
from .mentors import MENTORS

__all__ = [
    "COORDINATED",
    "COORDINATED_LT",
    "COURSES",
    "INTERVIEWING",
    "LEARNERS",
    "MENTORS",
    "PRE_POST_LT",
]

COURSES = [COORDINATED, INTERVIEWING, MENTORS]

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
    (
        "mentor.amina@linkage.local",
        "community-mentor-foundations",
        "Barcelona and Palermo, online",
        3,
        1,
        False,
    ),
    ("mentor.fatima@linkage.local", "community-mentor-foundations", None, "all", 2, True),
]
