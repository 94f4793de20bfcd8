"""The SEE coalition's study visit to an EU training in Brussels."""

from datetime import time

from people.enums import Country

from .content import questions

STUDY_VISIT = {
    "slug": "study-visit-brussels",
    "programme": "see-coalition",
    "title": "Study visit to Brussels: EU training on trafficking and gender-based violence",
    "summary": (
        "Three days in Brussels for the SEE coalition's regional teams: EU law and practice on "
        "victims of trafficking and GBV, and visits to the services that apply it."
    ),
    "body": (
        "<p>The combined study visit brings two members of each regional team (Albania, Bosnia "
        "and Herzegovina, Kosovo, North Macedonia, Serbia) to an EU training. What they learn "
        "goes into the local action plans each country adopts this year.</p>"
        "<p>An organiser confirms each place: the coalition pays travel and accommodation.</p>"
    ),
    "days": 70,
    "weekday": 0,
    "length": 3,
    "start_time": time(9, 0),
    "end_time": time(13, 0),
    "time_zone": "Europe/Brussels",
    "venue": "Training centre on victims' rights",
    "country": Country.BE,
    "languages": ["en"],
    "interpretation": "English ↔ Albanian, English ↔ Serbian/Bosnian/Macedonian",
    "capacity": 12,
    "destination": "Brussels, Belgium",
    "hosts": [
        "Training centre on victims' rights, Brussels",
        "Specialised shelter for trafficked women, Brussels",
        "Federal police, human trafficking unit",
    ],
    "practical": (
        "<p><b>Travel.</b> The coalition books and pays return flights and three nights in a "
        "hotel near the training centre; per diems follow the EU rates.</p>"
        "<p><b>Documents.</b> Travellers from all five countries enter the Schengen area "
        "visa-free for short stays. Your passport must be valid for at least three months "
        "after the return date.</p>"
        "<p><b>Safety.</b> Participants' names are not published. Tell the organiser in "
        "confidence if you need a single room or other arrangements for your safety.</p>"
    ),
    "questions": questions(["None", "English → Albanian", "English → Serbian/Bosnian"]),
    # (theme, [(start, end, what, where, details)]) for each day
    "itinerary": [
        (
            "The EU framework",
            [
                ("09:00", "09:30", "Welcome and introductions", "Training centre", ""),
                (
                    "09:30",
                    "12:30",
                    "The Anti-Trafficking Directive and the Victims' Rights Directive in practice",
                    "Training centre",
                    "With practitioners from two EU member states.",
                ),
                (
                    "14:00",
                    "17:00",
                    "Visit: a specialised shelter for trafficked women",
                    "Shelter (address given on the day)",
                    "No photographs; the shelter's address stays confidential.",
                ),
            ],
        ),
        (
            "Identification and referral across borders",
            [
                (
                    "09:30",
                    "12:30",
                    "Workshop: identifying victims among people in transit",
                    "Training centre",
                    "",
                ),
                ("14:00", "16:00", "Meeting the human trafficking unit", "Federal police", ""),
                ("16:30", "17:30", "Regional teams: what we take home", "Training centre", ""),
            ],
        ),
        (
            "From learning to local action plans",
            [
                (
                    "09:00",
                    "12:00",
                    "Drafting the next steps of the five local action plans",
                    "Training centre",
                    "",
                ),
                ("12:00", "13:00", "Evaluation and certificates", "Training centre", ""),
            ],
        ),
    ],
}
