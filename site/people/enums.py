"""Choices for people. Import them anywhere without import cycles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A role is a Django group of the same name (see people.roles)."""

    PROFESSIONAL = "professional", _("Professional")
    MENTOR = "mentor", _("Mentor")
    ORGANISER = "organiser", _("Organiser")
    ADMIN = "admin", _("Administrator")


class Sector(models.TextChoices):
    """The sectors of a coordinated local response, plus justice, education and other."""

    HEALTH = "health", _("Health care")
    POLICE = "police", _("Police")
    SOCIAL_SERVICES = "social_services", _("Social services")
    NGO_SHELTER = "ngo_shelter", _("NGOs, shelters and crisis centres")
    COMMUNITY = "community", _("Community groups")
    FAITH = "faith", _("Faith groups")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    OFFENDER_PROGRAMMES = "offender_programmes", _("Offender programmes")
    JUSTICE = "justice", _("Justice")
    EDUCATION = "education", _("Education")
    OTHER = "other", _("Other")


class Country(models.TextChoices):
    """Countries where the programmes run (ISO 3166 codes; XK for Kosovo)."""

    AL = "AL", _("Albania")
    BA = "BA", _("Bosnia and Herzegovina")
    XK = "XK", _("Kosovo")
    LT = "LT", _("Lithuania")
    ME = "ME", _("Montenegro")
    MK = "MK", _("North Macedonia")
    RS = "RS", _("Serbia")
    SI = "SI", _("Slovenia")
    ES = "ES", _("Spain")
    IT = "IT", _("Italy")
    GR = "GR", _("Greece")
    HR = "HR", _("Croatia")
    BE = "BE", _("Belgium")  # Brussels: EU trainings and study visits
    OTHER = "other", _("Other country")


class RegionKind(models.TextChoices):
    REGION = "region", _("Region")
    MUNICIPALITY = "municipality", _("Municipality")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    SELF_DESCRIBED = "other", _("In another way")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class AgeBand(models.TextChoices):
    """Fixed bands, as GBVIMS recommends: never an exact age."""

    UNDER_25 = "18-24", _("18–24")
    FROM_25 = "25-34", _("25–34")
    FROM_35 = "35-44", _("35–44")
    FROM_45 = "45-54", _("45–54")
    FROM_55 = "55-64", _("55–64")
    OVER_65 = "65+", _("65 or over")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class MigrantBackground(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class DemographicField(models.TextChoices):
    """The optional demographic questions; each has its own consent."""

    GENDER = "gender", _("Gender")
    AGE_BAND = "age_band", _("Age band")
    MIGRANT_BACKGROUND = "migrant_background", _("Migrant background")


DEMOGRAPHIC_CHOICES = {
    DemographicField.GENDER: Gender,
    DemographicField.AGE_BAND: AgeBand,
    DemographicField.MIGRANT_BACKGROUND: MigrantBackground,
}

# Languages people may speak: wider than the UI languages.
SPOKEN_LANGUAGES = [
    ("sq", _("Albanian")),
    ("ar", _("Arabic")),
    ("bs", _("Bosnian")),
    ("ca", _("Catalan")),
    ("hr", _("Croatian")),
    ("fa", _("Dari / Persian")),
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("el", _("Greek")),
    ("it", _("Italian")),
    ("ku", _("Kurdish")),
    ("lt", _("Lithuanian")),
    ("mk", _("Macedonian")),
    ("ps", _("Pashto")),
    ("ro", _("Romanian")),
    ("ru", _("Russian")),
    ("sr", _("Serbian")),
    ("sl", _("Slovenian")),
    ("so", _("Somali")),
    ("es", _("Spanish")),
    ("ti", _("Tigrinya")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
    ("ur", _("Urdu")),
]
