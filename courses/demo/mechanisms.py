"""Demo course of the Kosovo programme: "Working in a municipal coordination mechanism"
(shared/domain/kosovo-coordination-mechanisms.txt). Albanian: mechanisms_sq.py."""

from .kinds import TF, S

MECHANISMS = {
    "slug": "coordination-mechanism-essentials",
    "programme": "kosovo",
    "title": "Working in a municipal coordination mechanism",
    "summary": "For members of the municipal coordination mechanisms against domestic "
    "violence: what the mechanism does, how to monitor the action plan, and how to ask "
    "the municipality for better services.",
    "intro": "<p>The coordination mechanism brings together every institution that responds "
    "to domestic violence in the municipality. This short course helps you know your role, "
    "follow the municipal action plan, and take what you find to the municipality.</p>",
    "tracks": ["professional"],
    "sectors": [],
    "duration": 75,
    "outcomes": [
        "Describe the role of each member of the mechanism",
        "Follow the action plan with a few simple indicators",
        "Share only anonymised totals",
        "Prepare a recommendation for the municipality",
    ],
    "modules": [
        ("mechanism", "The mechanism", "Who sits at the table, and what it decides."),
        ("monitoring", "Monitoring and advocacy", "The action plan, its indicators, the assembly."),
    ],
    "pre_test": None,
    "post_test": None,
    "cohorts": [("Seven municipalities, spring cohort", 10, 60)],
    "lessons": [
        {
            "slug": "who-sits-at-the-table",
            "module": "mechanism",
            "title": "Who sits at the table",
            "summary": "The members of the mechanism and their meetings every two months.",
            "minutes": 20,
            "body": [
                (
                    "p",
                    "<p>The coordination mechanism brings together the police, the judiciary, "
                    "the Centre for Social Welfare, the municipal gender equality officer, the "
                    "victims' advocate, the women's caucus, the directorates of education and "
                    "employment, and civil society organisations, including the shelter where "
                    "there is one.</p><p>It meets every two months. Each meeting reviews the "
                    "cases referred since the last one, in anonymised form, and checks what "
                    "the municipal Domestic Violence Action Plan says should have happened.</p>",
                ),
            ],
        },
        {
            "slug": "monitoring-the-action-plan",
            "module": "monitoring",
            "title": "Monitoring the action plan",
            "summary": "Indicators, and the baseline and end-line surveys.",
            "minutes": 25,
            "body": [
                (
                    "p",
                    "<p>An action plan is only as good as its follow-up. For each measure, "
                    "agree a few indicators: how many cases were referred, how quickly the "
                    "Centre for Social Welfare responded, how many protection orders were "
                    "requested and granted. The baseline survey shows where the municipality "
                    "started; the end-line survey shows what changed.</p>",
                ),
                (
                    "callout",
                    "safety",
                    "Only totals leave the meeting",
                    "<p>Report numbers, never names or details that could identify a woman. "
                    "When a number is very small, write “fewer than five”.</p>",
                ),
            ],
        },
        {
            "slug": "from-findings-to-recommendations",
            "module": "monitoring",
            "title": "From findings to recommendations",
            "summary": "Speaking to the municipality, also during the 16 Days of Activism.",
            "minutes": 30,
            "body": [
                (
                    "p",
                    "<p>Monitoring findings become recommendations: what should change, who "
                    "should do it, by when, and what it costs. Present them to the municipal "
                    "assembly and the mayor's office together with the other members, so that "
                    "no single institution carries the message alone.</p><p>The 16 Days of "
                    "Activism, from 25 November to 10 December, are a good moment: at a "
                    "public debate, citizens can ask the mechanism what it does for "
                    "survivors.</p>",
                ),
                (
                    "check",
                    "mechanism-advocacy-check",
                    "Check your understanding",
                    [
                        (
                            S,
                            "A member wants to show the assembly that referrals are slow. "
                            "What do you share?",
                            [
                                (
                                    "The number of referrals and the average days to a response",
                                    True,
                                    "Yes: totals show the problem without exposing anyone.",
                                ),
                                (
                                    "The story of one recent case, with the village named",
                                    False,
                                    "That could identify her. Share totals only.",
                                ),
                            ],
                        ),
                        (
                            TF,
                            "The coordination mechanism meets every two months.",
                            [
                                ("True", True, "Yes: in all seven municipalities."),
                                ("False", False, "It meets every two months."),
                            ],
                        ),
                    ],
                    100,
                    3,
                ),
            ],
        },
    ],
}
