"""What the demo events say, drawn from the programme descriptions in shared/domain/:
the Kosovo coordination mechanisms, the SEE coalition against trafficking and GBV, the
Lithuanian specialised help centres and the CommunityLinkage mentors. ``programme``: the
slug of the demo programme (programmes/demo.py) whose section holds the event.

Dates are given relative to the day the demo runs (``days``: the first ``weekday``, 0 for
Monday, on or after today + days), so the programme always has past and upcoming events;
the 16 Days debates fall on fixed days of the campaign (see ``sixteen_days_year``).
"""

from datetime import time

from people.enums import Country

from ..enums import EventFormat, EventKind, QuestionKind

ONLINE = "https://meet.linkage.local"

INDEX_INTRO = (
    "<p>Trainings, coordination-mechanism meetings, conferences, public debates, webinars "
    "and study visits of the programmes. Times are shown in each event's own time zone; "
    "add an event, or a whole filtered list, to your calendar.</p>"
)

# --- registration questions ----------------------------------------------------------

DIETARY = ["No special requirements", "Vegetarian", "Vegan", "Halal", "Gluten-free"]


def questions(interpretation: list[str] | None = None, *, dietary: bool = True) -> list[tuple]:
    """(key, label, kind, choices, required, help text) for the usual three questions."""
    result = [
        (
            "access",
            "Access needs",
            QuestionKind.TEXT,
            [],
            False,
            "Anything that helps you take part: step-free access, sign language, seating.",
        )
    ]
    if interpretation:
        result.append(
            (
                "interpretation",
                "Interpretation needed",
                QuestionKind.CHOICE,
                interpretation,
                False,
                "",
            )
        )
    if dietary:
        result.append(("dietary", "Dietary needs", QuestionKind.CHOICE, DIETARY, False, ""))
    return result


KOSOVO_INTERPRETATION = ["None", "Albanian → Serbian", "Serbian → Albanian"]

# --- the coordination mechanisms' bi-monthly meetings ---------------------------------

MEETING_BODY = (
    "<p>The municipal coordination mechanism against domestic violence brings together the "
    "police, the judiciary, the Centre for Social Welfare, the municipal gender equality "
    "officer, the victims' advocate, the women's caucus, the directorates of education and "
    "employment, and civil society organisations including the shelter.</p>"
    "<p>Each meeting reviews the cases referred since the last one (anonymised), the "
    "implementation of the municipal Domestic Violence Action Plan and the next steps of the "
    "monitoring methodology.</p>"
)

# Each meeting repeats every two months, twelve times, from ``months_back`` months before
# the month the demo runs. ``changes``: (offset from the first upcoming occurrence,
# action, days moved, note).
MEETINGS = [
    {
        "slug": "coordination-mechanism-gjilan",
        "programme": "kosovo",
        "title": "Coordination mechanism meeting, Gjilan/Gnjilane",
        "summary": (
            "The bi-monthly meeting of the municipal coordination mechanism against domestic "
            "violence: referrals, the action plan and its monitoring."
        ),
        "byday": "2TU",
        "months_back": 10,
        "start_time": time(10, 0),
        "end_time": time(12, 30),
        "time_zone": "Europe/Belgrade",
        "venue": "Municipal Assembly Hall",
        "country": Country.XK,
        "region": "Gjilan/Gnjilane",
        "languages": ["sq", "sr"],
        "interpretation": "Albanian ↔ Serbian",
        "interpretation_choices": KOSOVO_INTERPRETATION,
        "changes": [
            (
                0,
                "move",
                7,
                "Moved one week later: the assembly hall is taken by the budget session.",
            ),
            (1, "cancel", None, "Cancelled: members join the end-line survey workshop instead."),
        ],
    },
    {
        "slug": "coordination-mechanism-gjakova",
        "programme": "kosovo",
        "title": "Coordination mechanism meeting, Gjakovë/Djakovica",
        "summary": (
            "The bi-monthly meeting of the municipal coordination mechanism against domestic "
            "violence, hosted by the gender equality office."
        ),
        "byday": "2WE",
        "months_back": 9,
        "start_time": time(13, 0),
        "end_time": time(15, 0),
        "time_zone": "Europe/Belgrade",
        "venue": "Municipal Gender Equality Office, meeting room",
        "country": Country.XK,
        "region": "Gjakovë/Djakovica",
        "languages": ["sq", "sr"],
        "interpretation": "Albanian ↔ Serbian",
        "interpretation_choices": KOSOVO_INTERPRETATION,
        "changes": [
            (-3, "cancel", None, "Cancelled: members attended the regional training instead."),
        ],
    },
    {
        "slug": "regional-coordination-kaunas",
        "programme": "lithuania",
        "title": "Regional coordination meeting of the specialised help centres, Kaunas",
        "summary": (
            "Every two months the Kaunas region's specialised help centre, police and social "
            "services review referrals and share practice with the coordination centre."
        ),
        "byday": "1TH",
        "months_back": 9,
        "start_time": time(10, 0),
        "end_time": time(12, 0),
        "time_zone": "Europe/Vilnius",
        "venue": "Kaunas County Police training centre",
        "country": Country.LT,
        "region": "Kaunas",
        "languages": ["lt"],
        "interpretation": "Lithuanian ↔ Ukrainian or Russian on request",
        "interpretation_choices": ["None", "Lithuanian → Ukrainian", "Lithuanian → Russian"],
        "changes": [],
    },
]

# --- trainings, webinar, conference ---------------------------------------------------

EVENTS = [
    {
        "slug": "joint-risk-assessment-kaunas",
        "programme": "coordinated-response",  # a training of the shared curriculum, in Kaunas
        "title": "Joint risk assessment for police and social services",
        "kind": EventKind.TRAINING,
        "format": EventFormat.IN_PERSON,
        "summary": (
            "A one-day training on assessing the risk a survivor faces together, with one "
            "tool, and on agreeing who does what next."
        ),
        "body": (
            "<p>Police officers, social workers and specialised help centre consultants "
            "practise a shared risk assessment on anonymised cases, then agree a safety plan "
            "and the referral in mixed groups.</p>"
            "<p>A certificate of attendance is e-mailed to everyone checked in.</p>"
        ),
        "days": 14,
        "weekday": 1,
        "start_time": time(9, 30),
        "end_time": time(16, 30),
        "time_zone": "Europe/Vilnius",
        "venue": "Kaunas County Police training centre",
        "country": Country.LT,
        "region": "Kaunas",
        "languages": ["lt"],
        "interpretation": "Lithuanian ↔ English on request",
        "capacity": 20,
        "certificates": True,
        "questions": questions(["None", "Lithuanian → English"]),
    },
    {
        "slug": "working-with-interpreters-webinar",
        "programme": "communitylinkage",
        "title": "Working with interpreters in GBV cases",
        "kind": EventKind.WEBINAR,
        "format": EventFormat.ONLINE,
        "summary": (
            "How to brief an interpreter, keep the survivor at the centre of the conversation "
            "and avoid using family members or community acquaintances to interpret."
        ),
        "body": (
            "<p>Community mentors from the CommunityLinkage partners and a court interpreter "
            "share what goes wrong when a survivor's words pass through someone else, and "
            "what helps.</p>"
        ),
        "days": 7,
        "weekday": 3,
        "start_time": time(14, 0),
        "end_time": time(15, 30),
        "time_zone": "Europe/Brussels",
        "country": Country.OTHER,
        "online_url": f"{ONLINE}/interpreters",
        "languages": ["en"],
        "interpretation": "Live captions in English",
        "capacity": 100,
        "questions": questions(dietary=False),
    },
    {
        "slug": "trafficking-identification-belgrade",
        "programme": "see-coalition",
        "title": "Identifying trafficking among women and children in transit",
        "kind": EventKind.TRAINING,
        "format": EventFormat.IN_PERSON,
        "summary": (
            "A practice workshop of the SEE coalition for NGOs, police and health workers who "
            "meet women and children on the move."
        ),
        "body": (
            "<p>Role-play in small groups on the indicators of trafficking and gender-based "
            "violence among people in transit, and on safe referral across borders. The "
            "places are few so that everyone practises: join the waiting list if it is "
            "full.</p>"
        ),
        "days": 21,
        "weekday": 2,
        "start_time": time(9, 0),
        "end_time": time(15, 0),
        "time_zone": "Europe/Belgrade",
        "venue": "Civil society centre, training room",
        "country": Country.RS,
        "region": "Belgrade",
        "languages": ["sr", "en"],
        "interpretation": "Serbian ↔ English, Albanian on request",
        "capacity": 4,
        "questions": questions(["None", "Serbian → English", "Serbian → Albanian"]),
    },
    {
        "slug": "specialised-help-centres-national-conference",
        "programme": "lithuania",
        "title": "National conference of the specialised help centres",
        "kind": EventKind.CONFERENCE,
        "format": EventFormat.HYBRID,
        "summary": (
            "The eight regional specialised help centres and their coordination centre "
            "present the handbook of methodological recommendations and a year of practice."
        ),
        "body": (
            "<p>Morning: the handbook of methodological recommendations for specialised help "
            "centres and the optimal operating model. Afternoon: volunteering and the "
            "“Stop violence against women” campaign in the regions, with decision makers "
            "from the municipalities.</p>"
        ),
        "days": 35,
        "weekday": 4,
        "start_time": time(9, 30),
        "end_time": time(16, 30),
        "time_zone": "Europe/Vilnius",
        "venue": "Vilnius Women's House, conference hall",
        "country": Country.LT,
        "region": "Vilnius",
        "online_url": f"{ONLINE}/shc-national-conference",
        "languages": ["lt", "en"],
        "interpretation": "Lithuanian ↔ English, Lithuanian Sign Language",
        "capacity": 150,
        "questions": questions(["None", "Lithuanian → English", "Lithuanian Sign Language"]),
    },
    # Events held in a programme's working language other than English (their
    # translations: events/demo/translations.py): the SEE coalition's team in North
    # Macedonia, and the CommunityLinkage partners in Spain and Italy.
    {
        "slug": "local-action-plan-workshop-skopje",
        "programme": "see-coalition",
        "title": "Local action plan workshop: protecting women and children in transit",
        "kind": EventKind.TRAINING,
        "format": EventFormat.IN_PERSON,
        "summary": (
            "The coalition's North Macedonian team, institutions and civil society "
            "organisations agree the measures of the local action plan against trafficking "
            "and gender-based violence."
        ),
        "body": (
            "<p>Social workers, police officers, health workers and NGOs from Skopje and "
            "Kumanovo review the team's research on women and children in transit and agree "
            "who does what, and by when, in the local action plan.</p>"
            "<p>Macedonian and Albanian are interpreted both ways throughout.</p>"
        ),
        "days": 28,
        "weekday": 3,
        "start_time": time(10, 0),
        "end_time": time(15, 0),
        "time_zone": "Europe/Skopje",
        "venue": "Civil society resource centre, training hall",
        "country": Country.MK,
        "region": "Skopje",
        "languages": ["mk", "sq"],
        "interpretation": "Macedonian ↔ Albanian",
        "capacity": 30,
        "questions": questions(["None", "Macedonian → Albanian", "Albanian → Macedonian"]),
    },
    {
        "slug": "mentors-train-professionals-barcelona",
        "programme": "communitylinkage",
        "title": "Community mentors train GBV professionals",
        "kind": EventKind.TRAINING,
        "format": EventFormat.IN_PERSON,
        "summary": (
            "Migrant women trained as community mentors show professionals of Barcelona's "
            "gender-based violence services how to detect violence early and support "
            "migrant women."
        ),
        "body": (
            "<p>In small groups, mentors and professionals work through what migrant women "
            "meet when they look for help: the language, their residence status, fear of the "
            "authorities. Then they agree how services and community networks can refer "
            "women to each other.</p>"
        ),
        "days": 18,
        "weekday": 1,
        "start_time": time(10, 0),
        "end_time": time(14, 0),
        "time_zone": "Europe/Madrid",
        "venue": "SURT Women's Foundation, training room",
        "country": Country.ES,
        "region": "Barcelona",
        "languages": ["es"],
        "interpretation": "Arabic and Persian on request",
        "capacity": 25,
        "questions": questions(["None", "Spanish → Arabic", "Spanish → Persian"]),
    },
    {
        "slug": "community-networking-palermo",
        "programme": "communitylinkage",
        "title": "Community networking meeting: mentors and services in Palermo",
        "kind": EventKind.COMMUNITY_SESSION,
        "format": EventFormat.IN_PERSON,
        "summary": (
            "Community mentors, migrant women's associations and local gender-based violence "
            "services meet to get to know each other and agree how to refer women between "
            "them."
        ),
        "body": (
            "<p>An afternoon for CommunityLinkage's community networks: each service presents "
            "what it offers, the mentors bring their communities' questions, and everyone "
            "leaves with the contacts they need.</p>"
        ),
        "days": 25,
        "weekday": 4,
        "start_time": time(15, 0),
        "end_time": time(18, 0),
        "time_zone": "Europe/Rome",
        "venue": "CESIE, meeting room",
        "country": Country.IT,
        "region": "Palermo",
        "languages": ["it"],
        "interpretation": "Arabic on request",
        "capacity": 40,
        "questions": questions(["None", "Italian → Arabic"], dietary=False),
    },
]

# --- public debates of the 16 Days of Activism ----------------------------------------

SIXTEEN_DAYS_BODY = (
    "<p>Part of the 16 Days of Activism against Gender-Based Violence, from 25 November, "
    "the International Day for the Elimination of Violence against Women, to 10 December, "
    "Human Rights Day.</p>"
)

# On fixed days of the campaign (``month``, ``day``); ``capacity`` None: no registration.
DEBATES = [
    {
        "slug": "16-days-debate-gjakova",
        "programme": "kosovo",
        "title": "Public debate: what the coordination mechanism does for survivors",
        "summary": (
            "Members of the Gjakovë/Djakovica coordination mechanism answer citizens' questions."
        ),
        "month": 11,
        "day": 25,
        "start_time": time(17, 0),
        "end_time": time(19, 0),
        "time_zone": "Europe/Belgrade",
        "venue": "Municipal Gender Equality Office, meeting room",
        "country": Country.XK,
        "region": "Gjakovë/Djakovica",
        "languages": ["sq", "sr"],
        "interpretation": "Albanian ↔ Serbian",
        "capacity": None,
    },
    {
        "slug": "16-days-debate-gjilan",
        "programme": "kosovo",
        "title": "Public debate: the domestic violence action plan, two years on",
        "summary": "The baseline survey's findings for Gjilan/Gnjilane, and what must change next.",
        "month": 12,
        "day": 3,
        "start_time": time(17, 0),
        "end_time": time(19, 0),
        "time_zone": "Europe/Belgrade",
        "venue": "Municipal Assembly Hall",
        "country": Country.XK,
        "region": "Gjilan/Gnjilane",
        "languages": ["sq", "sr"],
        "interpretation": "Albanian ↔ Serbian",
        "capacity": None,
    },
    {
        "slug": "16-days-debate-belgrade",
        "programme": "see-coalition",
        "title": "Public debate: trafficking and violence against women on the Balkan route",
        "summary": (
            "The SEE coalition and decision makers on the legal reforms the region still needs."
        ),
        "month": 12,
        "day": 8,
        "start_time": time(18, 0),
        "end_time": time(20, 0),
        "time_zone": "Europe/Belgrade",
        "venue": "Civil society centre, training room",
        "country": Country.RS,
        "region": "Belgrade",
        "languages": ["sr"],
        "interpretation": "Serbian ↔ English",
        "capacity": None,
    },
    {
        # The only debate with registration falls on the campaign's last day, so it is
        # always still to come when the demo runs (see ``sixteen_days_year``).
        "slug": "16-days-debate-vilnius",
        "programme": "lithuania",
        "title": "Public debate: Stop violence against women",
        "summary": (
            "Closing the campaign on Human Rights Day: volunteers, help centres and politicians."
        ),
        "month": 12,
        "day": 10,
        "start_time": time(17, 0),
        "end_time": time(19, 0),
        "time_zone": "Europe/Vilnius",
        "venue": "Vilnius Women's House, conference hall",
        "country": Country.LT,
        "region": "Vilnius",
        "languages": ["lt"],
        "interpretation": "Lithuanian ↔ English, Lithuanian Sign Language",
        "capacity": 80,
        "questions": questions(dietary=False),
    },
]
