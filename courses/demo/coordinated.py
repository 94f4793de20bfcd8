"""Demo course for every sector: "Coordinated response to violence against women", from
shared/domain/coordinated-response-local-partner-roles.txt (Lithuanian: coordinated_lt.py)."""

from .kinds import TF, M, S

COORDINATED_PRE_POST = [
    (
        S,
        "In a coordinated response, whose safety comes first?",
        [
            (
                "The survivor's, and her children's",
                True,
                "Yes. Every agency's actions are judged first by what they do to her safety.",
            ),
            ("The agency's reputation", False, "A coordinated response puts the survivor first."),
            (
                "The perpetrator's right to privacy",
                False,
                "Accountability matters, but safety comes first.",
            ),
        ],
    ),
    (
        M,
        "Which of these belong to the police's role in a coordinated response?",
        [
            (
                "Giving clear messages that violence against women is a crime",
                True,
                "Yes, and acting consistently with those messages.",
            ),
            ("Responding with respect and belief when women report", True, "Yes."),
            (
                "Deciding alone whether a woman needs a shelter",
                False,
                "Shelter and support decisions are taken with NGOs and the woman herself.",
            ),
            (
                "Sharing aggregate data on reports and case outcomes",
                True,
                "Yes: aggregate, anonymised data only.",
            ),
        ],
    ),
    (
        TF,
        "Data about survivors should be shared between agencies only as anonymised "
        "aggregates, unless a survivor consents to a referral.",
        [
            ("True", True, "Right: monitoring uses aggregate data; a referral needs consent."),
            (
                "False",
                False,
                "Survivors' personal data is shared only for a referral she agrees to.",
            ),
        ],
    ),
    (
        S,
        "What is a referral pathway?",
        [
            (
                "An agreed route by which each agency passes a woman on to the support she needs",
                True,
                "Yes. Each sector knows where to refer and what happens next.",
            ),
            ("A police form for opening a criminal case", False, "That is only one possible step."),
            (
                "A list of shelters' addresses published online",
                False,
                "Shelter addresses are kept confidential for safety.",
            ),
        ],
    ),
    (
        M,
        "Which sectors take part in a local coordinated response?",
        [
            ("Health care", True, "Yes."),
            ("Social services", True, "Yes."),
            ("NGOs, shelters and crisis centres", True, "Yes."),
            ("Community and faith groups", True, "Yes: they educate and refer."),
        ],
    ),
]

COORDINATED = {
    "slug": "coordinated-response",
    # The shared curriculum: its own programme's course, run by the Lithuanian and Kosovo
    # programmes too (their organisers see their people in it).
    "programme": "coordinated-response",
    "shared_with": ["lithuania", "kosovo"],
    "title": "Coordinated response to violence against women",
    "summary": "How health care, police, social services, NGOs, community groups and local "
    "government work together so that survivors get safety and support.",
    "intro": "<p>No single agency can keep a woman safe on its own. This course explains what "
    "each local partner brings to a coordinated response, how referral pathways work, "
    "and why survivors' safety and anonymised data run through all of it.</p>",
    "tracks": ["professional", "mentor"],
    "sectors": [],
    "duration": 150,
    "outcomes": [
        "Explain why a coordinated response serves survivors better than agencies acting alone",
        "Describe the role of each local sector, including your own",
        "Use a local referral pathway, with the woman's consent",
        "Share data only as anonymised aggregates",
    ],
    "modules": [
        ("why", "Why coordinate", "Safety first, and what goes wrong when agencies work alone."),
        ("who", "Who does what", "The role of each local sector."),
        ("together", "Working together", "Referral pathways, meetings and data."),
    ],
    "pre_test": ("coordinated-pre", "Before you start", COORDINATED_PRE_POST, 0, 1),
    "post_test": ("coordinated-post", "Final test", COORDINATED_PRE_POST, 80, 3),
    "cohorts": [
        ("Kaunas, spring cohort", 14, 56),
        ("Gjilan/Gnjilane, coordination mechanism", 30, 60),
    ],
    "lessons": [
        {
            "slug": "what-is-a-coordinated-response",
            "module": "why",
            "title": "What a coordinated response is",
            "summary": "One response, many agencies, centred on the survivor.",
            "minutes": 20,
            "body": [
                (
                    "p",
                    "<p>A coordinated response brings together every local agency a woman "
                    "may turn to: health care, police, social services, NGOs and shelters, "
                    "community and faith groups, local government and offender programmes. "
                    "Each keeps its own mandate, but they agree how they work together, so "
                    "that a woman who speaks to one of them is not sent from door to door.</p>"
                    "<p>Coordination mechanisms in Kosovo's municipalities, for example, meet "
                    "every two months: police, judiciary, social welfare, gender equality "
                    "officers, shelters and NGOs around one table.</p>",
                ),
                (
                    "callout",
                    "safety",
                    "Survivors' safety comes first",
                    "<p>Every decision is checked against one question: does this make her and "
                    "her children safer? Contacting a perpetrator, sharing an address or pushing "
                    "for a report she does not want can put her in danger.</p>",
                ),
                (
                    "p",
                    "<p>Survivors should also take part in planning and evaluating the "
                    "response, and speak out when and where it is safe for them to do so.</p>",
                ),
            ],
        },
        {
            "slug": "safety-and-data",
            "module": "why",
            "title": "Safety, consent and anonymised data",
            "summary": "What may be shared, with whom, and how it is counted.",
            "minutes": 20,
            "body": [
                (
                    "p",
                    "<p>Agencies need numbers to plan: how many women came forward, through "
                    "which door, and what happened next. Those numbers are gathered, "
                    "monitored and shared <b>only as anonymised aggregates</b>. A woman's "
                    "name, address or story moves between agencies only as part of a referral "
                    "she has agreed to.</p>",
                ),
                (
                    "callout",
                    "practice",
                    "In practice",
                    '<p>Report "14 women referred by the health centre this quarter", never a '
                    "list of names. Hide very small numbers in a small town, where they could "
                    "identify someone.</p>",
                ),
                (
                    "check",
                    "safety-data-check",
                    "Check your understanding",
                    [
                        (
                            TF,
                            "A colleague at another agency asks for the name of a woman you "
                            'referred last month, "for statistics". You should give it.',
                            [
                                (
                                    "True",
                                    False,
                                    "Statistics never need names: share an aggregate count.",
                                ),
                                ("False", True, "Right. Statistics use anonymised aggregates."),
                            ],
                        ),
                        (
                            S,
                            "Why hide very small counts in published figures?",
                            [
                                (
                                    "They could identify a survivor in a small community",
                                    True,
                                    "Yes.",
                                ),
                                (
                                    "Small numbers are always wrong",
                                    False,
                                    "They may be right, and still identify someone.",
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
            "slug": "health-and-police",
            "module": "who",
            "title": "Health care and police",
            "summary": "Routine enquiry, forensic evidence, reporting and belief.",
            "minutes": 25,
            "body": [
                (
                    "p",
                    "<h3>Health care</h3><p>Health services implement protocols on "
                    "screening and routine enquiry, give access to female staff, document "
                    "the medical impact of violence, and refer to psychosocial and other "
                    "support. Staff are trained in obtaining and handling forensic evidence.</p>"
                    "<h3>Police</h3><p>The police give clear messages that violence against "
                    "women is a crime and that perpetrators will be held accountable, and act "
                    "consistently with those messages. They create ways that make reporting "
                    "easier, such as specialised teams, respond with respect and belief, and "
                    "train in evidence-gathering and trauma-informed interviewing.</p>",
                ),
                (
                    "check",
                    "health-police-check",
                    "Check your understanding",
                    [
                        (
                            M,
                            "Which are part of the health sector's role?",
                            [
                                ("Routine enquiry about violence", True, "Yes."),
                                ("Providing access to female staff", True, "Yes."),
                                ("Documenting the medical impacts of violence", True, "Yes."),
                                (
                                    "Deciding whether to prosecute",
                                    False,
                                    "That is for the police and prosecution.",
                                ),
                            ],
                        ),
                        (
                            S,
                            "What should a woman who reports violence to the police meet first?",
                            [
                                ("Respect and belief", True, "Yes."),
                                (
                                    "Questions about why she did not leave",
                                    False,
                                    "Such questions blame her and make reporting harder.",
                                ),
                                (
                                    "A request to come back with a witness",
                                    False,
                                    "Her report is taken as it is.",
                                ),
                            ],
                        ),
                    ],
                    80,
                    3,
                ),
            ],
        },
        {
            "slug": "social-services-and-ngos",
            "module": "who",
            "title": "Social services, NGOs and shelters",
            "summary": "Outreach, advocacy, specialised support and referral mechanisms.",
            "minutes": 25,
            "body": [
                (
                    "p",
                    "<p>Social services detect violence through screening and routine "
                    "enquiry, respond to survivors' emotional and social needs, reach out to "
                    "women in rural and isolated communities, and develop and oversee local "
                    "referral mechanisms.</p><p>NGOs, shelters and crisis centres provide "
                    "information, support and female advocates, based on human rights, "
                    "equality and empowerment. They check that every group of women can "
                    "reach their services, and often lead the coordination so that the "
                    "response stays centred on the survivor.</p>",
                ),
                (
                    "callout",
                    "reflect",
                    "Reflect",
                    "<p>Which women in your area are least likely to reach a service: rural "
                    "women, women with disabilities, migrant or minority women? What would open "
                    "a door for them?</p>",
                ),
            ],
        },
        {
            "slug": "community-faith-local-government",
            "module": "who",
            "title": "Community groups, faith groups and local government",
            "summary": "Education, dialogue, funding and safe public spaces.",
            "minutes": 20,
            "body": [
                (
                    "p",
                    "<p>Community and faith groups educate their members about violence "
                    "against women, make sure religious texts are never used to blame "
                    "survivors or excuse perpetrators, and refer women to specialised "
                    "services. Local government leaders speak out regularly, fund specialised "
                    "services sustainably, take part in coordination and improve safety in "
                    "public spaces and transport. Offender programmes challenge ideas of "
                    "masculinity that tolerate violence.</p>",
                ),
            ],
        },
        {
            "slug": "referral-pathways",
            "module": "together",
            "title": "Referral pathways and working together",
            "summary": "From first contact to the right support, with her consent.",
            "minutes": 25,
            "body": [
                (
                    "p",
                    "<p>A referral pathway is an agreed route: who a woman can go to first, "
                    "how each agency passes her on with her consent, and what happens next. "
                    "It is written down, known to every partner, and reviewed at regular "
                    "coordination meetings, where agencies solve problems together and hear "
                    "from NGOs and survivors.</p>",
                ),
                (
                    "callout",
                    "safety",
                    "Never refer without consent",
                    "<p>Explain what will happen, to whom her details will go and why, and "
                    "respect her decision. The exception is immediate danger to life, as your "
                    "local protocol defines it.</p>",
                ),
                (
                    "check",
                    "referral-check",
                    "Check your understanding",
                    [
                        (
                            S,
                            "A woman tells a family doctor about violence at home. "
                            "What comes first?",
                            [
                                (
                                    "Listen, assess immediate safety and explain her options",
                                    True,
                                    "Yes: safety and her informed choice first.",
                                ),
                                (
                                    "Phone the police straight away",
                                    False,
                                    "Not without her consent, unless her life is in "
                                    "immediate danger.",
                                ),
                                (
                                    "Ask her partner to come in",
                                    False,
                                    "Contacting the perpetrator can put her in danger.",
                                ),
                            ],
                        ),
                        (
                            TF,
                            "Coordination meetings are a place to solve problems in the referral "
                            "pathway, with NGOs and survivors' experience at the table.",
                            [
                                ("True", True, "Right."),
                                ("False", False, "They are exactly that."),
                            ],
                        ),
                    ],
                    80,
                    3,
                ),
            ],
        },
    ],
}
