"""What the demo programmes promised their donors: each programme's indicators (their
counting rules, targets and donor references) and the numbers entered by hand. Drawn from
shared/domain/: CommunityLinkage's five targets are its grant's; the Kosovo, Lithuanian
and SEE programmes report what their descriptions name."""

from ..enums import (
    IndicatorAccumulation,
    IndicatorLevel,
    IndicatorMeasure,
    LedgerBreakdown,
    LedgerPeriod,
)
from ..enums import ParticipationKind as Kind

PEOPLE, COUNT, ACTIVITIES = (
    IndicatorMeasure.PEOPLE,
    IndicatorMeasure.COUNT,
    IndicatorMeasure.ACTIVITIES,
)
CUMULATIVE, PER_PERIOD = IndicatorAccumulation.CUMULATIVE, IndicatorAccumulation.PER_PERIOD
OUTPUT, OUTCOME = IndicatorLevel.OUTPUT, IndicatorLevel.OUTCOME
B = LedgerBreakdown

# The activity kinds the feature apps write (impact.activities): an event's kind, a
# course, a mentoring session of kind training.
TRAINING, MEETING, COURSE, MENTOR_TRAINING = (
    "training",
    "coordination_meeting",
    "course",
    "mentoring_training",
)

TRAINED = "Course completions and attendance at trainings recorded on the platform (check-in "
TRAINED += "or the imported sign-in sheet), counted once per person."
REACH = "Campaign reach records (page views, shares, broadcast and event audiences entered "
REACH += "by the campaign team with their basis) and confirmed pledges, as anonymous counts."

# programme slug → indicators. ``milestones``: targets at the end of each programme year
# (cumulative) or for every period (per period), spread from ``target``.
INDICATORS: dict[str, list[dict]] = {
    "communitylinkage": [
        {
            "code": "1.1",
            "name": "Migrant women empowered as community-based mentors",
            "description": "Migrant women who completed the mentor track and were approved "
            "as community mentors, trainers and agents of change against GBV.",
            "unit": "women",
            "level": OUTCOME,
            "means_of_verification": "Mentor profiles approved by the programme's organisers "
            "after the “Community mentor foundations” course.",
            "target": 60,
            "kinds": [Kind.MENTOR_EMPOWERED],
            "measure": PEOPLE,
            "breakdowns": [B.COUNTRY, B.AGE_BAND],
        },
        {
            "code": "1.2",
            "name": "Migrant women engaged in community networking",
            "description": "Women of migrant communities who took part in community networking "
            "sessions led by the mentors.",
            "unit": "women",
            "means_of_verification": "Networking sessions logged by mentors: participants with "
            "an account by name, the others as anonymous counts.",
            "target": 160,
            "kinds": [Kind.COMMUNITY_NETWORKING],
            "measure": PEOPLE,
            "breakdowns": [B.COUNTRY, B.REGION],
        },
        {
            "code": "1.3",
            "name": "GBV professionals engaged and trained",
            "description": "Professionals of GBV services trained to detect and support "
            "migrant women, in trainings given by community mentors, the programme's courses "
            "and its training events.",
            "unit": "professionals",
            "means_of_verification": TRAINED + " Trainings by mentors as logged by the mentor.",
            "target": 120,
            "kinds": [Kind.COURSE_COMPLETED, Kind.EVENT_ATTENDED, Kind.TRAINED_BY_MENTOR],
            # Professionals only: the mentors' own course is not training of professionals.
            "roles": ["professional"],
            "activity_kinds": [COURSE, TRAINING, MENTOR_TRAINING],
            "measure": PEOPLE,
            "breakdowns": [B.SECTOR, B.COUNTRY, B.GENDER],
        },
        {
            "code": "1.4",
            "name": "Migrant women victims and potential victims of GBV supported",
            "description": "Women who benefited from the pilot support actions in services, "
            "accompanied by a community mentor.",
            "unit": "women",
            "level": OUTCOME,
            "means_of_verification": "Anonymous counts logged by mentors after support "
            "sessions and accepted support requests: never a name.",
            "target": 100,
            "kinds": [Kind.WOMEN_SUPPORTED],
            "measure": COUNT,
            "breakdowns": [B.COUNTRY],
        },
        {
            "code": "1.5",
            "name": "Stakeholders and general population reached by the awareness campaign",
            "description": "People reached by the awareness-raising campaign of the 16 Days of "
            "Activism, and those who pledged.",
            "unit": "people",
            "means_of_verification": REACH,
            "target": 15_000,
            "kinds": [Kind.CAMPAIGN_REACH, Kind.CAMPAIGN_PLEDGE],
            "measure": COUNT,
            "breakdowns": [B.COUNTRY],
        },
    ],
    "kosovo": [
        {
            "code": "1.1",
            "name": "Coordination-mechanism members trained, by sector",
            "description": "Members of the municipal coordination mechanisms (police, "
            "judiciary, social welfare, gender equality officers, shelters and NGOs) trained "
            "in advocacy, lobbying and the Domestic Violence Action Plans.",
            "unit": "members",
            "means_of_verification": TRAINED,
            "target": 105,
            "kinds": [Kind.COURSE_COMPLETED, Kind.EVENT_ATTENDED],
            "activity_kinds": [COURSE, TRAINING],
            "measure": PEOPLE,
            "breakdowns": [B.SECTOR, B.REGION],
        },
        {
            "code": "1.2",
            "name": "Coordination meetings held per municipality",
            "description": "Bi-monthly meetings of the coordination mechanisms in the seven "
            "target municipalities.",
            "unit": "meetings",
            "means_of_verification": "Occurrences of coordination meetings with attendance "
            "recorded on the platform, placed in the municipality where they were held.",
            "target": 84,  # seven municipalities, every two months, for two years
            "kinds": [Kind.EVENT_ATTENDED],
            "activity_kinds": [MEETING],
            "measure": ACTIVITIES,
            "accumulation": PER_PERIOD,
            "breakdowns": [B.REGION],
        },
        {
            "code": "2.1",
            "name": "People reached by the 16 Days of Activism campaign",
            "description": "Advocacy campaign marking the 16 days of activism against "
            "gender-based violence in the target municipalities.",
            "unit": "people",
            "means_of_verification": REACH + " Radio audiences as approved manual entries.",
            "target": 20_000,
            "kinds": [Kind.CAMPAIGN_REACH, Kind.CAMPAIGN_PLEDGE],
            "measure": COUNT,
            "breakdowns": [B.COUNTRY],
        },
    ],
    "lithuania": [
        {
            "code": "1.1",
            "name": "Trainings held",
            "description": "Skill-building trainings of the specialised help centres in the "
            "eight regions, coordinated by the coordination centre.",
            "unit": "trainings",
            "means_of_verification": "Occurrences of training events with attendance recorded "
            "on the platform.",
            "target": 24,
            "kinds": [Kind.EVENT_ATTENDED],
            "activity_kinds": [TRAINING],
            "measure": ACTIVITIES,
            "accumulation": PER_PERIOD,
            "breakdowns": [B.REGION],
        },
        {
            "code": "1.2",
            "name": "People trained, by sector",
            "description": "Help-centre staff, volunteers and professionals of the police, "
            "municipalities and services trained.",
            "unit": "people",
            "means_of_verification": TRAINED,
            "target": 400,
            "kinds": [Kind.COURSE_COMPLETED, Kind.EVENT_ATTENDED],
            "activity_kinds": [COURSE, TRAINING],
            "measure": PEOPLE,
            "breakdowns": [B.SECTOR, B.REGION],
        },
        {
            "code": "2.1",
            "name": "People reached by the “Stop violence against women” campaign",
            "description": "The national advocacy campaign, at local, regional and national level.",
            "unit": "people",
            "means_of_verification": REACH + " Radio audiences as approved manual entries.",
            "target": 30_000,
            "kinds": [Kind.CAMPAIGN_REACH, Kind.CAMPAIGN_PLEDGE],
            "measure": COUNT,
            "breakdowns": [B.COUNTRY],
        },
    ],
    "see-coalition": [
        {
            "code": "1.1",
            "name": "Professionals trained, by country",
            "description": "Stakeholders of the five countries (CSOs, police, judiciary, "
            "social and health services) trained in women and child protection against "
            "trafficking and GBV, including study visits to EU trainings.",
            "unit": "professionals",
            "means_of_verification": TRAINED,
            "target": 250,
            "kinds": [Kind.COURSE_COMPLETED, Kind.EVENT_ATTENDED],
            "activity_kinds": [COURSE, TRAINING, "study_visit"],
            "measure": PEOPLE,
            "period": LedgerPeriod.YEAR,
            "breakdowns": [B.COUNTRY, B.SECTOR],
        },
        {
            "code": "3.1",
            "name": "Campaign pledges",
            "description": "People who pledged to act against trafficking and GBV in the "
            "coalition's awareness-raising campaigns.",
            "unit": "pledges",
            "means_of_verification": "Pledges confirmed by e-mail on the campaign pages; "
            "anonymous ones counted, never shown.",
            "target": 100,
            "kinds": [Kind.CAMPAIGN_PLEDGE],
            "measure": COUNT,
            "breakdowns": [B.COUNTRY],
        },
        {
            "code": "3.2",
            "name": "People reached by awareness-raising campaigns",
            "description": "The general public reached by the coalition's campaigns, public "
            "debates and media in the five countries.",
            "unit": "people",
            "level": OUTCOME,
            "means_of_verification": REACH,
            "target": 40_000,
            "kinds": [Kind.CAMPAIGN_REACH, Kind.CAMPAIGN_PLEDGE],
            "measure": COUNT,
            "breakdowns": [B.COUNTRY],
        },
    ],
}

# Numbers the platform cannot count: (programme, indicator reference, entered by, approved
# by or None (waiting), value, note, evidence: file name and content, or None).
MANUAL_ENTRIES = [
    (
        "lithuania",
        "2.1",
        "organiser.lithuania@linkage.local",
        "organiser@linkage.local",
        4200,
        "Listeners of the campaign's radio spots on LRT Radijas, from the broadcaster's "
        "audience estimate for the campaign weeks.",
        (
            "lrt-audience-estimate.csv",
            "week,spots,estimated listeners\n1,6,2300\n2,5,1900\n",
        ),
    ),
    (
        "kosovo",
        "2.1",
        "organiser.kosovo@linkage.local",
        None,
        3500,
        "Listeners of the 16 Days radio programme on Radio Kosova, from the station's "
        "audience estimate.",
        None,
    ),
]
