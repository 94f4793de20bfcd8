"""Who the demo registers for what, whose places an organiser approves, and who is
checked in at a past meeting. E-mail addresses are the demo people of home.demo_data."""

# slug → [(e-mail, {question key: answer})]. Registrations for an event that has started,
# or needs none, are refused by the services and skipped.
REGISTRATIONS = {
    "coordination-mechanism-gjilan": [
        ("organiser.kosovo@linkage.local", {}),
        ("social@linkage.local", {"dietary": "Halal"}),
        ("justice@linkage.local", {"interpretation": "Serbian → Albanian"}),
    ],
    "coordination-mechanism-gjakova": [
        ("gender.officer@linkage.local", {}),
        ("organiser.kosovo@linkage.local", {"interpretation": "Albanian → Serbian"}),
    ],
    "regional-coordination-kaunas": [
        ("organiser@linkage.local", {}),
        ("police@linkage.local", {}),
        ("mentor.olena@linkage.local", {"interpretation": "Lithuanian → Ukrainian"}),
    ],
    "joint-risk-assessment-kaunas": [
        ("police@linkage.local", {"dietary": "No special requirements"}),
        ("organiser@linkage.local", {"dietary": "Vegetarian"}),
        ("mentor.olena@linkage.local", {"interpretation": "Lithuanian → English"}),
    ],
    "working-with-interpreters-webinar": [
        ("health@linkage.local", {}),
        ("shelter@linkage.local", {}),
        ("social@linkage.local", {}),
        ("justice@linkage.local", {}),
        ("gender.officer@linkage.local", {}),
        ("mentor.amina@linkage.local", {}),
        ("mentor.fatima@linkage.local", {}),
        ("mentor.zahra@linkage.local", {"access": "Captions please"}),
    ],
    "trafficking-identification-belgrade": [
        ("shelter@linkage.local", {}),
        ("health@linkage.local", {"dietary": "Vegetarian"}),
        ("justice@linkage.local", {}),
        ("social@linkage.local", {"interpretation": "Serbian → Albanian"}),
        ("gender.officer@linkage.local", {"interpretation": "Serbian → Albanian"}),
        ("mentor.zahra@linkage.local", {"interpretation": "Serbian → English"}),
    ],
    "study-visit-brussels": [
        ("shelter@linkage.local", {"interpretation": "English → Serbian/Bosnian"}),
        ("health@linkage.local", {"dietary": "Vegetarian"}),
        ("social@linkage.local", {"interpretation": "English → Albanian", "dietary": "Halal"}),
        ("justice@linkage.local", {"interpretation": "English → Serbian/Bosnian"}),
    ],
    "specialised-help-centres-national-conference": [
        ("organiser@linkage.local", {}),
        ("police@linkage.local", {}),
        ("mentor.olena@linkage.local", {}),
        ("mentor.amina@linkage.local", {"access": "Joining online"}),
        ("shelter@linkage.local", {"interpretation": "Lithuanian → English"}),
    ],
    "16-days-debate-gjakova": [("gender.officer@linkage.local", {})],
    "16-days-debate-vilnius": [
        ("mentor.olena@linkage.local", {}),
        ("organiser@linkage.local", {}),
    ],
}

# Study visit places an organiser of the event's programme has confirmed:
# slug → (organiser, [e-mails]).
APPROVALS = {
    "study-visit-brussels": (
        "organiser.see-coalition@linkage.local",
        ["shelter@linkage.local", "health@linkage.local"],
    ),
}

# Checked in at the last past occurrence: slug → (who checks in, [e-mails]).
CHECK_INS = {
    "coordination-mechanism-gjilan": (
        "organiser.kosovo@linkage.local",
        ["organiser.kosovo@linkage.local", "social@linkage.local", "justice@linkage.local"],
    ),
}
