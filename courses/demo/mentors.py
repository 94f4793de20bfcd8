"""Demo course for the mentor track: "Community mentor foundations" (CommunityLinkage,
shared/domain/communitylinkage-migrant-women-mentors.txt)."""

from .kinds import TF, M, S

MENTORS = {
    "slug": "community-mentor-foundations",
    "programme": "communitylinkage",
    "title": "Community mentor foundations",
    "summary": "For migrant women training as community mentors: how to accompany a woman "
    "affected by gender-based violence, and how to link her with services.",
    "intro": "<p>Community mentors are women from migrant communities who help other women "
    "recognise violence, find support and use services, and who help professionals "
    "understand their communities. This course prepares you for that role.</p>",
    "tracks": ["mentor", "community"],
    "sectors": ["community", "ngo_shelter"],
    "duration": 150,
    "outcomes": [
        "Describe what a community mentor does, and what she does not do",
        "Recognise signs of gender-based violence, including its intersectional dimensions",
        "Listen without judgement and put safety first",
        "Link a woman with GBV services through the referral pathway",
        "Look after your own wellbeing",
    ],
    "modules": [
        ("role", "The mentor's role", "Agent of change, bridge, not a case worker."),
        ("support", "Supporting a woman safely", "Signs, listening, safety."),
        ("services", "Working with services", "Referral, and looking after yourself."),
    ],
    "pre_test": (
        "mentor-pre",
        "Before you start",
        [
            (
                S,
                "What is a community mentor's main task?",
                [
                    ("To link women with services and accompany them", True, "Yes."),
                    ("To investigate what happened", False, "Investigation is for the police."),
                    (
                        "To persuade a woman to leave her partner",
                        False,
                        "The woman decides; the mentor supports her choices.",
                    ),
                ],
            ),
            (
                M,
                "Which can be signs of gender-based violence?",
                [
                    (
                        "Her partner controls her money and documents",
                        True,
                        "Yes: economic control.",
                    ),
                    (
                        "She is not allowed to see friends or learn the language",
                        True,
                        "Yes: isolation.",
                    ),
                    ("She has unexplained injuries", True, "Yes."),
                ],
            ),
            (
                TF,
                "If a woman tells you about violence, you must call the police at once, even "
                "if she does not want it.",
                [
                    (
                        "True",
                        False,
                        "Only with her consent, unless there is immediate danger to life.",
                    ),
                    ("False", True, "Right: she decides, except in immediate danger."),
                ],
            ),
        ],
        0,
        1,
    ),
    "post_test": (
        "mentor-post",
        "Final test",
        [
            (
                S,
                "What is a community mentor's main task?",
                [
                    ("To link women with services and accompany them", True, "Yes."),
                    ("To investigate what happened", False, "Investigation is for the police."),
                    (
                        "To persuade a woman to leave her partner",
                        False,
                        "The woman decides; the mentor supports her choices.",
                    ),
                ],
            ),
            (
                M,
                "Which can be signs of gender-based violence?",
                [
                    (
                        "Her partner controls her money and documents",
                        True,
                        "Yes: economic control.",
                    ),
                    (
                        "She is not allowed to see friends or learn the language",
                        True,
                        "Yes: isolation.",
                    ),
                    ("She has unexplained injuries", True, "Yes."),
                ],
            ),
            (
                TF,
                "If a woman tells you about violence, you must call the police at once, even "
                "if she does not want it.",
                [
                    (
                        "True",
                        False,
                        "Only with her consent, unless there is immediate danger to life.",
                    ),
                    ("False", True, "Right: she decides, except in immediate danger."),
                ],
            ),
        ],
        70,
        3,
    ),
    "cohorts": [("Barcelona and Palermo, online", 7, 42)],
    "lessons": [
        {
            "slug": "what-a-mentor-does",
            "module": "role",
            "title": "What a community mentor does, and does not do",
            "summary": "A bridge between women and services.",
            "minutes": 25,
            "body": [
                (
                    "p",
                    "<p>As a community mentor you help women in your community recognise "
                    "violence, learn what support exists, and reach it. You can go with a "
                    "woman to her first appointment, help with language and explain how a "
                    "service works. You also help professionals understand the needs of "
                    "migrant women, for example by co-delivering trainings.</p><p>You are "
                    "not a counsellor, lawyer or police officer, and you never have to solve "
                    "everything alone: your role is to link women with those who can "
                    "help.</p>",
                ),
                (
                    "check",
                    "mentor-role-check",
                    "Check your understanding",
                    [
                        (
                            M,
                            "Which are part of a mentor's role?",
                            [
                                (
                                    "Going with a woman to her first appointment, if she wants",
                                    True,
                                    "Yes.",
                                ),
                                ("Explaining how a service works", True, "Yes."),
                                (
                                    "Giving legal advice about her residence permit",
                                    False,
                                    "Refer her to a lawyer or legal service.",
                                ),
                            ],
                        ),
                    ],
                    100,
                    3,
                ),
            ],
        },
        {
            "slug": "recognising-gbv",
            "module": "support",
            "title": "Recognising signs of gender-based violence",
            "summary": "Physical, psychological, economic and sexual violence, and control.",
            "minutes": 30,
            "body": [
                (
                    "p",
                    "<p>Violence is not only physical. Watch for control over money, "
                    "documents and phones; isolation from friends, family and language "
                    "classes; threats about residence status or children; and fear of a "
                    "partner or family member.</p><p>Migrant women can face several barriers "
                    "at once: language, insecure residence status, distrust of "
                    "authorities, and isolation. This is what the intersectional dimension "
                    "of GBV means.</p>",
                ),
            ],
        },
        {
            "slug": "listening-and-safety",
            "module": "support",
            "title": "Listening and safety",
            "summary": "Believe, listen, do not judge, and think about safety.",
            "minutes": 30,
            "body": [
                (
                    "p",
                    "<p>If a woman tells you about violence: listen, believe her, do not "
                    "judge, and do not push her to act. Ask if she is safe now. Tell her "
                    "about the help that exists and that the decision is hers.</p>",
                ),
                (
                    "callout",
                    "safety",
                    "Safety first",
                    "<p>Meet in a safe place. Do not send messages that her partner could read. "
                    "Agree on a safe way to contact her.</p>",
                ),
                (
                    "check",
                    "listening-check",
                    "Check your understanding",
                    [
                        (
                            S,
                            "A woman tells you her husband hits her but she is not ready to leave. "
                            "What do you do?",
                            [
                                (
                                    "Respect her decision, tell her what help exists and "
                                    "how to reach you",
                                    True,
                                    "Yes: she decides, and knows where to find help.",
                                ),
                                (
                                    "Tell her she must leave today",
                                    False,
                                    "Pressure can put her in danger and end her trust.",
                                ),
                                (
                                    "Talk to her husband",
                                    False,
                                    "Never contact the perpetrator: it can put her in danger.",
                                ),
                            ],
                        ),
                    ],
                    100,
                    3,
                ),
            ],
        },
        {
            "slug": "referral-to-services",
            "module": "services",
            "title": "Linking women with GBV services",
            "summary": "The referral pathway from a mentor's point of view.",
            "minutes": 30,
            "body": [
                (
                    "p",
                    "<p>Know your local services: helplines, crisis centres, shelters, "
                    "health services, social services and police. With the woman's consent, "
                    "help her make contact, and go with her if she wishes.</p>",
                ),
            ],
        },
        {
            "slug": "looking-after-yourself",
            "module": "services",
            "title": "Looking after yourself",
            "summary": "Supervision, limits and peer support.",
            "minutes": 20,
            "body": [
                (
                    "p",
                    "<p>Hearing about violence is hard. Use supervision and peer support "
                    "with other mentors, know your limits, and ask your coordinator for help "
                    "when you need it.</p>",
                ),
            ],
        },
    ],
}
