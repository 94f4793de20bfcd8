"""Demo course of the SE European coalition: "Identifying and referring victims of
trafficking" (shared/domain/see-cso-coalition-trafficking-gbv.txt)."""

from .kinds import TF, M

TRAFFICKING = {
    "slug": "trafficking-identification-and-referral",
    "programme": "see-coalition",
    "title": "Identifying and referring victims of trafficking",
    "summary": "For the coalition's regional teams: signs of trafficking and gender-based "
    "violence among women and children in transit, and safe referral across borders.",
    "intro": "<p>Women and children crossing South-East Europe on their way west are at risk "
    "of trafficking and violence. This course prepares NGO, police, health and social "
    "workers of the five regional teams to notice the signs, offer help safely and turn "
    "what they learn into local action plans.</p>",
    "tracks": ["professional"],
    "sectors": ["ngo_shelter", "police", "health", "social_services"],
    "duration": 90,
    "outcomes": [
        "Recognise indicators of trafficking among people in transit",
        "Refer a victim safely, with her consent, across borders",
        "Contribute to your country's local action plan",
    ],
    "modules": [
        ("signs", "Recognising trafficking", "Indicators among people in transit."),
        ("referral", "Referral and action plans", "Across borders, and into local plans."),
    ],
    "pre_test": None,
    "post_test": None,
    "cohorts": [("Regional teams, online", 14, 56)],
    "lessons": [
        {
            "slug": "indicators-in-transit",
            "module": "signs",
            "title": "Indicators of trafficking among people in transit",
            "summary": "No single sign proves it; several together call for a private talk.",
            "minutes": 30,
            "body": [
                (
                    "p",
                    "<p>Women and children on the Balkan route may have been trafficked, or "
                    "become victims on the way. Watch for someone else holding their "
                    "documents, a debt to the people who organised the journey, a companion "
                    "who answers for them, signs of violence, and fear of the police.</p>"
                    "<p>No single sign proves trafficking. Several together are a reason to "
                    "talk to the person alone, with an interpreter who is not from her group, "
                    "and to offer help.</p>",
                ),
            ],
        },
        {
            "slug": "safe-referral",
            "module": "referral",
            "title": "Safe referral across borders",
            "summary": "Consent, the national referral mechanisms, and the next country.",
            "minutes": 30,
            "body": [
                (
                    "p",
                    "<p>Refer an adult only with her informed consent; where a child is at "
                    "risk, child protection must be told. Use the national referral mechanism "
                    "of the country you are in, and the coalition's contacts in the next one, "
                    "so that support continues when she moves on.</p>",
                ),
                (
                    "callout",
                    "safety",
                    "Never expose a victim",
                    "<p>Do not share photographs, names or routes in group chats or on social "
                    "media. Traffickers may read the same channels.</p>",
                ),
            ],
        },
        {
            "slug": "local-action-plans",
            "module": "referral",
            "title": "From research to a local action plan",
            "summary": "What each country's team does with what it learns.",
            "minutes": 30,
            "body": [
                (
                    "p",
                    "<p>Each country's team turns its research into a local action plan: what "
                    "the authorities and civil society will do, by when, and how the "
                    "coalition will follow it. Public debates and campaigns then hold "
                    "decision makers to the plan.</p>",
                ),
                (
                    "check",
                    "trafficking-check",
                    "Check your understanding",
                    [
                        (
                            M,
                            "Which of these, together, are a reason to offer help in private?",
                            [
                                ("Someone else holds her passport", True, "Yes."),
                                (
                                    "She owes a large debt for the journey",
                                    True,
                                    "Yes: debt is a common means of control.",
                                ),
                                (
                                    "She speaks a language you do not",
                                    False,
                                    "Language alone says nothing; find an interpreter.",
                                ),
                            ],
                        ),
                        (
                            TF,
                            "You may refer an adult victim without her consent if it seems best.",
                            [
                                ("True", False, "Refer an adult only with her consent."),
                                ("False", True, "Right: her consent comes first."),
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
