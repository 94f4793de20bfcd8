"""The believable demo programme, drawn from the domain texts in shared/domain/.

Kept apart from the command so feature apps can extend it: each adds a function to
``DEMO_STEPS`` (in order) from its own demo module.
"""

from collections.abc import Callable

from people.enums import Country, RegionKind, Role, Sector

# Feature apps extend the demo: their `<app>/demo.py` calls register_demo_step(fn, order=...).
# The command imports every installed app's `demo` module, then runs the steps in order,
# inside its transaction, after the foundation's people and pages exist.
_DEMO_STEPS: list[tuple[int, Callable]] = []


def register_demo_step(step: Callable, *, order: int = 100) -> Callable:
    if all(existing is not step for _order, existing in _DEMO_STEPS):
        _DEMO_STEPS.append((order, step))
    return step


def demo_steps() -> list[Callable]:
    return [step for _order, step in sorted(_DEMO_STEPS, key=lambda pair: pair[0])]


DEMO_PASSWORD = "linkage-demo-2026"  # noqa: S105 - printed by `make run`, local demo only

REGIONS = [
    # Lithuania: the eight regions of the specialised help centres' coordination centre.
    *[
        (name, Country.LT, RegionKind.REGION)
        for name in (
            "Vilnius",
            "Kaunas",
            "Klaipėda",
            "Šiauliai",
            "Panevėžys",
            "Alytus",
            "Marijampolė",
            "Utena",
        )
    ],
    # Kosovo: the seven municipalities with domestic-violence coordination mechanisms.
    *[
        (name, Country.XK, RegionKind.MUNICIPALITY)
        for name in (
            "Gjilan/Gnjilane",
            "Gjakovë/Djakovica",
            "Dragash/Dragaš",
            "North Mitrovica",
            "Zvečan/Zveçan",
            "Zubin Potok",
            "Leposavić/Leposaviq",
        )
    ],
    # The Western Balkans coalition countries.
    ("Tirana", Country.AL, RegionKind.MUNICIPALITY),
    ("Shkodër", Country.AL, RegionKind.MUNICIPALITY),
    ("Sarajevo", Country.BA, RegionKind.MUNICIPALITY),
    ("Tuzla", Country.BA, RegionKind.MUNICIPALITY),
    ("Belgrade", Country.RS, RegionKind.MUNICIPALITY),
    ("Preševo", Country.RS, RegionKind.MUNICIPALITY),
    ("Skopje", Country.MK, RegionKind.MUNICIPALITY),
    ("Kumanovo", Country.MK, RegionKind.MUNICIPALITY),
    # CommunityLinkage partner countries.
    ("Koper", Country.SI, RegionKind.MUNICIPALITY),
    ("Barcelona", Country.ES, RegionKind.MUNICIPALITY),
    ("Palermo", Country.IT, RegionKind.MUNICIPALITY),
    ("Athens", Country.GR, RegionKind.MUNICIPALITY),
]

ORGANISATIONS = [
    ("Association Vilnius Women's House", Country.LT, Sector.NGO_SHELTER),
    ("Specialised Help Centres Coordination Centre", Country.LT, Sector.NGO_SHELTER),
    ("Kaunas County Police", Country.LT, Sector.POLICE),
    ("Centre for Social Welfare Gjilan/Gnjilane", Country.XK, Sector.SOCIAL_SERVICES),
    ("Municipal Gender Equality Office Gjakovë/Djakovica", Country.XK, Sector.LOCAL_GOVERNMENT),
    ("Kosovo Police, Gjilan regional directorate", Country.XK, Sector.POLICE),
    ("Basic Court of Gjilan/Gnjilane", Country.XK, Sector.JUSTICE),
    ("Shelter for women and children, Gjakovë", Country.XK, Sector.NGO_SHELTER),
    ("Women's rights centre, Prishtinë/Priština", Country.XK, Sector.NGO_SHELTER),
    ("STOP coalition, Albania", Country.AL, Sector.NGO_SHELTER),
    ("STOP coalition, Bosnia and Herzegovina", Country.BA, Sector.NGO_SHELTER),
    ("STOP coalition, Serbia", Country.RS, Sector.NGO_SHELTER),
    ("STOP coalition, North Macedonia", Country.MK, Sector.NGO_SHELTER),
    ("STOP coalition, Kosovo", Country.XK, Sector.NGO_SHELTER),
    ("Skopje Clinical Hospital, emergency department", Country.MK, Sector.HEALTH),
    ("SURT Women's Foundation", Country.ES, Sector.NGO_SHELTER),
    ("CESIE", Country.IT, Sector.COMMUNITY),
    ("Centre for Women's Studies and Research", Country.GR, Sector.COMMUNITY),
    ("Science and Research Centre Koper", Country.SI, Sector.EDUCATION),
]

# (e-mail, display name, role, organisation, sector, country, region, languages).
# Each programme of programmes/demo.py has an organiser "organiser.<slug>@linkage.local";
# organiser@linkage.local, the demo's first organiser, runs the Lithuanian one too.
PEOPLE = [
    (
        "organiser.lithuania@linkage.local",
        "Greta Jankauskienė",
        Role.ORGANISER,
        "Association Vilnius Women's House",
        Sector.NGO_SHELTER,
        Country.LT,
        "Vilnius",
        ["lt", "en"],
    ),
    (
        "organiser.see-coalition@linkage.local",
        "Jelena Marković",
        Role.ORGANISER,
        "STOP coalition, Serbia",
        Sector.NGO_SHELTER,
        Country.RS,
        "Belgrade",
        ["sr", "en"],
    ),
    (
        "organiser.communitylinkage@linkage.local",
        "Núria Puig",
        Role.ORGANISER,
        "SURT Women's Foundation",
        Sector.NGO_SHELTER,
        Country.ES,
        "Barcelona",
        ["es", "ca", "en"],
    ),
    (
        "organiser.coordinated-response@linkage.local",
        "Ieva Mockutė",
        Role.ORGANISER,
        "Specialised Help Centres Coordination Centre",
        Sector.NGO_SHELTER,
        Country.LT,
        "Vilnius",
        ["lt", "en", "ru"],
    ),
    (
        "organiser@linkage.local",
        "Rūta Kazlauskienė",
        Role.ORGANISER,
        "Specialised Help Centres Coordination Centre",
        Sector.NGO_SHELTER,
        Country.LT,
        "Vilnius",
        ["lt", "en", "ru"],
    ),
    (
        "organiser.kosovo@linkage.local",
        "Arbër Krasniqi",
        Role.ORGANISER,
        "Centre for Social Welfare Gjilan/Gnjilane",
        Sector.SOCIAL_SERVICES,
        Country.XK,
        "Gjilan/Gnjilane",
        ["sq", "sr", "en"],
    ),
    (
        "police@linkage.local",
        "Tomas Petrauskas",
        Role.PROFESSIONAL,
        "Kaunas County Police",
        Sector.POLICE,
        Country.LT,
        "Kaunas",
        ["lt", "en"],
    ),
    (
        "health@linkage.local",
        "Elena Stojanovska",
        Role.PROFESSIONAL,
        "Skopje Clinical Hospital, emergency department",
        Sector.HEALTH,
        Country.MK,
        "Skopje",
        ["mk", "sq", "en"],
    ),
    (
        "social@linkage.local",
        "Vjosa Berisha",
        Role.PROFESSIONAL,
        "Centre for Social Welfare Gjilan/Gnjilane",
        Sector.SOCIAL_SERVICES,
        Country.XK,
        "Gjilan/Gnjilane",
        ["sq", "en"],
    ),
    (
        "justice@linkage.local",
        "Milica Jovanović",
        Role.PROFESSIONAL,
        "Basic Court of Gjilan/Gnjilane",
        Sector.JUSTICE,
        Country.XK,
        "Gjilan/Gnjilane",
        ["sr", "sq"],
    ),
    (
        "gender.officer@linkage.local",
        "Drita Hoxha",
        Role.PROFESSIONAL,
        "Municipal Gender Equality Office Gjakovë/Djakovica",
        Sector.LOCAL_GOVERNMENT,
        Country.XK,
        "Gjakovë/Djakovica",
        ["sq", "en"],
    ),
    (
        "shelter@linkage.local",
        "Amra Hadžić",
        Role.PROFESSIONAL,
        "STOP coalition, Bosnia and Herzegovina",
        Sector.NGO_SHELTER,
        Country.BA,
        "Sarajevo",
        ["bs", "en"],
    ),
    (
        "mentor.amina@linkage.local",
        "Amina",
        Role.MENTOR,
        "SURT Women's Foundation",
        Sector.COMMUNITY,
        Country.ES,
        "Barcelona",
        ["ar", "es", "ca"],
    ),
    (
        "mentor.fatima@linkage.local",
        "Fatima",
        Role.MENTOR,
        "CESIE",
        Sector.COMMUNITY,
        Country.IT,
        "Palermo",
        ["ar", "it", "fr"],
    ),
    (
        "mentor.olena@linkage.local",
        "Olena",
        Role.MENTOR,
        "Association Vilnius Women's House",
        Sector.COMMUNITY,
        Country.LT,
        "Vilnius",
        ["uk", "ru", "lt"],
    ),
    (
        "mentor.zahra@linkage.local",
        "Zahra",
        Role.MENTOR,
        "Centre for Women's Studies and Research",
        Sector.COMMUNITY,
        Country.GR,
        "Athens",
        ["fa", "el", "en"],
    ),
]

ADMIN_EMAIL = "admin@linkage.local"

# Helplines: verify every number with the partner organisation before going live.
HELPLINES = [
    (Country.LT, "Pagalbos moterims linija (help line for women)", "8 800 66366", "24/7"),
    (Country.AL, "National counselling line for women and girls", "116 117", "24/7"),
    (Country.XK, "Hotline for victims of domestic violence", "0800 11 112", "24/7"),
]

# The navigation-level pages in English. Their translations into every other language are
# in demo_translations.py, keyed by these texts (wagtail-localize's segments): a text
# changed here must be changed there too (tests/home/test_demo.py checks it).
HOME_TITLE = "Linkage"
HOME_INTRO = "Learning and coordination for everyone who responds to gender-based violence."
SIXTEEN_DAYS = "16 Days of Activism, 25 November to 10 December"
SIXTEEN_DAYS_TEXT = (
    "Coordination mechanisms in seven Kosovo municipalities, specialised help centres in "
    "eight Lithuanian regions and a five-country coalition in the Western Balkans campaign "
    "together. Join a public debate or a training near you."
)
ABOUT_TITLE = "About Linkage"
ABOUT_INTRO = "One place to learn and to coordinate the response to violence against women."
ABOUT_WHO = (
    "Linkage brings together the organisations that respond to gender-based violence: "
    "police, health and social services, justice, education, shelters and NGOs, local "
    "government, and community mentors from migrant women's communities."
)
ABOUT_WHAT = (
    "Professionals take courses and earn certificates; community mentors follow their own "
    "track; organisers publish trainings, coordination meetings and study visits and report "
    "the programme's progress to donors, only ever as anonymous totals."
)
SAFETY_HEADING = "Your safety comes first"
# "Exit this page" is the quick exit button's label: translated as the interface has it.
SAFETY_TEXT = (
    "Use the <b>Exit this page</b> button, or press Shift three times, to leave this site at once."
)
PRIVACY_TITLE = "Privacy"
PRIVACY_INTRO = "What Linkage keeps about you, why, and what you can do about it."
PRIVACY_KEPT = (
    "We keep what the work needs: your e-mail address, your name as you want it on "
    "certificates, your organisation, sector, country, region and languages, and what you do "
    "here: your courses and progress, the events you register for with your answers to their "
    "questions, your attendance and your certificates."
)
PRIVACY_OPTIONAL = (
    "Questions about gender, age band and migrant background are optional, asked only with "
    "your consent, which you can withdraw at any time, and used only in statistics that hide "
    "small numbers."
)
PRIVACY_ANONYMOUS = (
    "Support to survivors is recorded only as anonymous counts, never about a person. "
    "Organisers see only the people who take part in their own programme."
)
PRIVACY_YOURS = (
    "You can download everything we hold about you, and delete your account, from My Linkage."
)


def _block(block_id: str, block_type: str, value) -> dict:
    # Fixed ids: wagtail-localize keys each translated segment by its block's id, so the
    # demo's second run finds the first run's translations instead of adding new ones.
    return {"type": block_type, "value": value, "id": block_id}


HOME_BODY = [
    _block("6f0c1a52-16da-4d0b-9a51-000000000001", "heading", SIXTEEN_DAYS),
    _block("6f0c1a52-16da-4d0b-9a51-000000000002", "paragraph", f"<p>{SIXTEEN_DAYS_TEXT}</p>"),
]
ABOUT_BODY = [
    _block(
        "6f0c1a52-16da-4d0b-9a51-000000000011",
        "paragraph",
        f"<p>{ABOUT_WHO}</p><p>{ABOUT_WHAT}</p>",
    ),
    _block(
        "6f0c1a52-16da-4d0b-9a51-000000000012",
        "callout",
        {"tone": "safety", "heading": SAFETY_HEADING, "text": f"<p>{SAFETY_TEXT}</p>"},
    ),
]
PRIVACY_BODY = [
    _block(
        "6f0c1a52-16da-4d0b-9a51-000000000021",
        "paragraph",
        f"<p>{PRIVACY_KEPT}</p><p>{PRIVACY_OPTIONAL}</p><p>{PRIVACY_ANONYMOUS}</p>"
        f"<p>{PRIVACY_YOURS}</p>",
    ),
    _block("6f0c1a52-16da-4d0b-9a51-000000000022", "helplines", None),
]

# The organiser guide at /organiser-guide/ (the admin's "Help" leads there): for a new NGO
# organiser, in plain words. (heading, rich text) sections; a "safety" callout where the
# heading starts with "!".
ORGANISER_GUIDE_TITLE = "Organiser guide"
ORGANISER_GUIDE_INTRO = "How to run your programme in Linkage: events, courses, people."
ORGANISER_GUIDE = [
    (
        "",
        "<p>This guide is for organisers: the people who run a programme's events and "
        'courses. Sign in, then open the admin at <a href="/admin/">/admin/</a>. Each part '
        "below takes a few minutes to read.</p>",
    ),
    (
        "Your programme dashboard",
        "<p>The admin opens on your programme's dashboard. If you run more than one "
        "programme, choose it at the top.</p>"
        "<p>The dashboard shows what needs you:</p>"
        "<ul><li>upcoming events, with free places, the waiting list and places waiting "
        "for your approval;</li>"
        "<li>learners who recently completed a course;</li>"
        "<li>e-mails that have not been sent yet, or that failed.</li></ul>"
        "<p>The buttons at the top start the usual work: <b>New event</b>, <b>New "
        "course</b> and <b>Import a sign-in sheet</b>.</p>",
    ),
    (
        "Creating an event",
        "<p>Choose <b>New event</b> on the dashboard. The event goes into your programme's "
        "part of the site. Its address is /events/<i>your programme</i>/<i>the "
        "event</i>/.</p>"
        "<ol><li>Give it a title and a summary of one or two sentences.</li>"
        "<li>Set the date, the start and end times, and the time zone.</li>"
        "<li>Choose the venue, or add the online link.</li>"
        "<li>Say whether people must register, how many places there are, and whether you "
        "approve each place yourself.</li>"
        "<li>Press <b>Publish</b>. Use <b>Save draft</b> to finish later.</li></ol>",
    ),
    (
        "Events that repeat",
        "<p>Coordination meetings often repeat. Under <b>Repeats</b>, fill in the form "
        "like a sentence: <i>every 2 months on the second Tuesday</i>, then <i>12 "
        "times</i> or <i>until</i> a date. The form shows the next dates. Check them "
        "before you publish.</p>"
        "<p>To move or cancel one date, change that date only. The other dates stay as "
        "they are. People who registered get an e-mail about the change.</p>"
        "<p>You never need to type a repeat rule. If a colleague sends you one, paste it "
        "under <b>Advanced</b>.</p>",
    ),
    (
        "Time zones",
        "<p>Every event has the time zone of the place where it happens. New events start "
        "in your programme's time zone. The list shows your programme's countries first, "
        "by country and city.</p>"
        "<p>For an online event, choose the time zone of the team that runs it. The event "
        "page shows the time in the event's time zone. Calendar files carry the zone, so "
        "each participant's calendar shows her own local time.</p>",
    ),
    (
        "Enrolling a team in a course",
        "<p>Open the course and choose <b>Learners and report</b>. To enrol one person, "
        "choose <b>Enrol a learner</b>. To enrol a whole team, choose <b>Import "
        "learners</b> and upload a spreadsheet with a name and an e-mail address on each "
        "row.</p>"
        "<p>A person without a Linkage account gets an invited account and an e-mail to "
        "set a password. Everyone you enrol is told by e-mail. If you import the same "
        "sheet twice, nobody is enrolled twice and nobody gets a second invitation.</p>",
    ),
    (
        "Importing a sign-in sheet",
        "<p>For a meeting or a training, print the sign-in sheet from the event's "
        "<b>Registrations and attendance</b> page. It lists the people who registered and "
        "has empty rows for walk-ins.</p>"
        "<p>After the event, choose <b>Import a sign-in sheet</b> and upload the typed "
        "sheet. Check the preview, then confirm. Everyone on the sheet is checked in.</p>"
        "<ul><li>A walk-in who gives an e-mail address gets an invited account and counts "
        "as a participant.</li>"
        "<li>A walk-in without an e-mail address is counted without a name, as anonymous "
        "attendance.</li></ul>",
    ),
    (
        "Certificates",
        "<p>A learner gets a certificate when she completes a course. For an event, turn "
        "on <b>Certificates of attendance</b>: everyone checked in gets one by e-mail. "
        "Each certificate has a code that anyone can check on the site. Your programme's "
        "certificates are listed under <b>Certificates</b>.</p>",
    ),
    (
        "What you can and cannot see",
        "<p>You see the people who take part in your programme's courses and events. You "
        "do not see anyone else.</p>"
        "<ul><li>You edit your own programme's pages only.</li>"
        "<li>A course shared with your programme shows you the people who take part "
        "through your programme. You cannot edit that course.</li>"
        "<li>Lists, exports, check-in lists, certificates and the participation ledger "
        "show your programme only.</li>"
        "<li>Reports for donors show totals. Small numbers are hidden, so that nobody can "
        "be recognised.</li></ul>"
        "<p>Answers to registration questions, such as dietary or access needs, are for "
        "organising the event. Do not send exports by e-mail or in chat groups. If you "
        "need to see more, ask an administrator.</p>",
    ),
    (
        "Two-factor sign-in",
        "<p>Organisers see personal data, so your account has a second lock. The first "
        "time you sign in, Linkage asks you to set up an authenticator app, for example on "
        "your phone, and shows you recovery codes. Keep the codes in a safe place, not on "
        "the phone.</p>"
        "<p>After that, you type your password and then the six-digit code from the app. "
        "If you lose the phone, sign in with a recovery code and set up the app again at "
        '<a href="/accounts/2fa/">/accounts/2fa/</a>.</p>',
    ),
    (
        "!The quick exit",
        "<p>Every page has an <b>Exit this page</b> button. Pressing Shift three times "
        "does the same. It signs you out, clears Linkage from the browser and opens a "
        "neutral site.</p>"
        "<p>Tell participants about it: some of them may be at risk at home. The pages "
        "seen before stay in the browser's history, so on a shared device use a private "
        "window.</p>",
    ),
]
