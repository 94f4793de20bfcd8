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
    ("STOP coalition, Albania", Country.AL, Sector.NGO_SHELTER),
    ("STOP coalition, Bosnia and Herzegovina", Country.BA, Sector.NGO_SHELTER),
    ("STOP coalition, Serbia", Country.RS, Sector.NGO_SHELTER),
    ("Skopje Clinical Hospital, emergency department", Country.MK, Sector.HEALTH),
    ("SURT Women's Foundation", Country.ES, Sector.NGO_SHELTER),
    ("CESIE", Country.IT, Sector.COMMUNITY),
    ("Centre for Women's Studies and Research", Country.GR, Sector.COMMUNITY),
    ("Science and Research Centre Koper", Country.SI, Sector.EDUCATION),
]

# (e-mail, display name, role, organisation, sector, country, region, languages)
PEOPLE = [
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
    (Country.OTHER, "European emergency number", "112", "24/7"),
]

HOME_INTRO = {
    "en": "Learning and coordination for everyone who responds to gender-based violence.",
    "lt": "Mokymai ir koordinavimas visiems, kurie reaguoja į smurtą dėl lyties.",
    "sq": "Mësim dhe koordinim për të gjithë ata që i përgjigjen dhunës me bazë gjinore.",
    "sr-latn": "Učenje i koordinacija za sve koji odgovaraju na rodno zasnovano nasilje.",
    "ar": "التعلّم والتنسيق لكل من يستجيب للعنف القائم على النوع الاجتماعي.",
}
HOME_TITLE = {
    "en": "Linkage",
    "lt": "Linkage",
    "sq": "Linkage",
    "sr-latn": "Linkage",
    "ar": "لينكج",
}
