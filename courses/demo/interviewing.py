"""Demo course for police: "Trauma-informed interviewing" (the police role in
shared/domain/coordinated-response-local-partner-roles.txt)."""

from .kinds import TF, M, S

INTERVIEWING = {
    "slug": "trauma-informed-interviewing",
    "programme": "lithuania",  # Kaunas County Police train with the help centres
    "title": "Trauma-informed interviewing",
    "summary": "For police officers: how trauma shapes what a survivor can tell you, and how "
    "to interview so that her account, and the evidence, hold.",
    "intro": "<p>Trauma changes how people remember and speak. An interview that expects a "
    "neat, chronological story can retraumatise a survivor and weaken the case. This "
    "course gives officers practical ways to interview with respect and belief.</p>",
    "tracks": ["professional"],
    "sectors": ["police", "justice"],
    "duration": 120,
    "outcomes": [
        "Recognise common effects of trauma on memory and behaviour",
        "Plan and conduct an interview that is safe, respectful and thorough",
        "Gather evidence without relying on the survivor's account alone",
        "Refer to specialised support and follow up",
    ],
    "modules": [
        ("trauma", "Understanding trauma", "What trauma does to memory, attention and trust."),
        ("interview", "The interview", "Preparation, conduct, evidence and referral."),
    ],
    "requires": ["coordinated-response"],
    "pre_test": None,
    "post_test": (
        "interviewing-post",
        "Final test",
        [
            (
                S,
                "A survivor's account has gaps and the order of events changes between "
                "interviews. This most likely means:",
                [
                    (
                        "Her memory is affected by trauma, which is common",
                        True,
                        "Yes. Fragmented memory is a known effect of trauma, not a sign of lying.",
                    ),
                    (
                        "She is not telling the truth",
                        False,
                        "Inconsistency is common after trauma and is not evidence of lying.",
                    ),
                ],
            ),
            (
                M,
                "Which help an interview with a survivor?",
                [
                    ("A private room and, if she wishes, a female officer", True, "Yes."),
                    ("Explaining what will happen with what she says", True, "Yes."),
                    (
                        "Interrupting to get events in order",
                        False,
                        "Let her tell it her way first; clarify later.",
                    ),
                    ("Breaks when she needs them", True, "Yes."),
                ],
            ),
            (
                TF,
                "A case can be built on evidence beyond the survivor's statement, such as "
                "medical records, photographs, messages and witnesses.",
                [
                    ("True", True, "Right: this also takes pressure off her."),
                    ("False", False, "Corroborating evidence is part of a thorough investigation."),
                ],
            ),
        ],
        70,
        3,
    ),
    "cohorts": [],
    "lessons": [
        {
            "slug": "trauma-and-memory",
            "module": "trauma",
            "title": "How trauma affects memory and behaviour",
            "summary": "Fragmented memories, flat affect and freezing are normal responses.",
            "minutes": 25,
            "body": [
                (
                    "p",
                    "<p>Under extreme threat the brain prioritises survival. Memories of "
                    "the event may be stored as fragments: a smell, a sound, a detail of a "
                    "room, without a clear sequence. A survivor may appear calm, laugh, or "
                    "be unable to speak. None of this is evidence that she is lying.</p>",
                ),
                (
                    "callout",
                    "practice",
                    "In practice",
                    "<p>Ask what she remembers seeing, hearing, smelling or feeling, rather than "
                    'asking for "everything from the beginning".</p>',
                ),
                (
                    "check",
                    "trauma-memory-check",
                    "Check your understanding",
                    [
                        (
                            TF,
                            "A survivor who shows no emotion while describing an assault is "
                            "probably not telling the truth.",
                            [
                                ("True", False, "Flat affect is a common trauma response."),
                                ("False", True, "Right. Demeanour does not show truthfulness."),
                            ],
                        ),
                        (
                            S,
                            "Which question suits a trauma-informed interview best?",
                            [
                                (
                                    "What do you remember hearing at that moment?",
                                    True,
                                    "Yes: sensory questions help recall.",
                                ),
                                (
                                    "Why didn't you scream?",
                                    False,
                                    '"Why" questions sound like blame; freezing is a '
                                    "common response.",
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
            "slug": "respect-and-belief",
            "module": "trauma",
            "title": "Responding with respect and belief",
            "summary": "The first response decides whether she comes back.",
            "minutes": 20,
            "body": [
                (
                    "p",
                    "<p>Women often try several times before they report. How the first "
                    "officer responds decides whether she trusts the police again. Tell "
                    "her she did the right thing by coming, that violence is a crime, and "
                    "what will happen next.</p>",
                ),
            ],
        },
        {
            "slug": "planning-and-conducting",
            "module": "interview",
            "title": "Planning and conducting the interview",
            "summary": "Setting, pace, questions and breaks.",
            "minutes": 30,
            "body": [
                (
                    "p",
                    "<p>Plan a private room, time without interruptions and, if she "
                    "wishes, a female officer and an interpreter who is not from her family "
                    "or community. Explain the process. Let her give a free account first; "
                    "use open questions; clarify later. Offer breaks.</p>",
                ),
                (
                    "callout",
                    "safety",
                    "Safety first",
                    "<p>Before she leaves, check where she will go tonight and whether she needs "
                    "a referral to a shelter or crisis centre.</p>",
                ),
            ],
        },
        {
            "slug": "evidence-and-referral",
            "module": "interview",
            "title": "Evidence, referral and follow-up",
            "summary": "A case that does not rest on her alone.",
            "minutes": 25,
            "body": [
                (
                    "p",
                    "<p>Gather medical records with her consent, photographs of injuries "
                    "and damage, messages, call logs and witness statements. Refer her to "
                    "specialised support through the local referral pathway, and keep her "
                    "informed of the case.</p>",
                ),
            ],
        },
    ],
}
