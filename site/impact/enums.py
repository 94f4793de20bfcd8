from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipationKind(models.TextChoices):
    """Everything that counts toward the programme's impact targets.

    Feature apps add the kinds they write here, with their issue: the ledger itself never
    imports a feature app, it only knows the names.
    """

    COURSE_COMPLETED = "course_completed", _("Course completed")
    EVENT_ATTENDED = "event_attended", _("Event attended")
    MENTOR_EMPOWERED = "mentor_empowered", _("Mentor empowered")
    MENTORING_SESSION = "mentoring_session", _("Mentoring session held")
    COMMUNITY_NETWORKING = "community_networking", _("Engaged in community networking")
    WOMEN_SUPPORTED = "women_supported", _("Women supported (anonymous count)")
    # A professional trained in a session led by a community mentor (mentors app).
    TRAINED_BY_MENTOR = "trained_by_mentor", _("Professional trained by a community mentor")
    CAMPAIGN_PLEDGE = "campaign_pledge", _("Campaign pledge")
    CAMPAIGN_REACH = "campaign_reach", _("People reached by the campaign (anonymous count)")


class LedgerPeriod(models.TextChoices):
    """How the ledger summary groups dates."""

    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")


class LedgerBreakdown(models.TextChoices):
    """What the ledger summary disaggregates by: one attribute at a time, never a cross-tab."""

    NONE = "", _("Nothing (totals only)")
    ROLE = "role", _("Role")
    SECTOR = "sector", _("Sector")
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region or municipality")
    GENDER = "gender", _("Gender")
    AGE_BAND = "age_band", _("Age band")
    MIGRANT_BACKGROUND = "migrant_background", _("Migrant background")


# Breakdowns by these are demographics: small counts are suppressed, and they never appear
# beside a person (see impact.selectors).
DEMOGRAPHIC_BREAKDOWNS = (
    LedgerBreakdown.GENDER,
    LedgerBreakdown.AGE_BAND,
    LedgerBreakdown.MIGRANT_BACKGROUND,
)


class IndicatorLevel(models.TextChoices):
    """Where the indicator sits in the results chain (logframe)."""

    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")


class IndicatorMeasure(models.TextChoices):
    """What a counting rule counts over the ledger rows it selects."""

    # Each person once, however many rows they have (a deleted person keeps one key);
    # anonymous counts (walk-ins, pledges, reach) add their counts.
    PEOPLE = "people", _("Distinct people")
    # The sum of the rows' counts (a row of a person counts one).
    COUNT = "count", _("Sum of counts")
    # Each activity once (a course, an occurrence of an event, a mentoring session).
    ACTIVITIES = "activities", _("Activities held")


class IndicatorAccumulation(models.TextChoices):
    CUMULATIVE = "cumulative", _("Cumulative (to the end of each period)")
    PER_PERIOD = "per_period", _("Per period")


class ActivityScope(models.TextChoices):
    """Which of the programme's activities a counting rule counts."""

    ALL = "all", _("All of the programme's activities")
    CHOSEN = "chosen", _("Only the activities chosen below")


class ManualEntryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class RagStatus(models.TextChoices):
    """Progress against the time elapsed in the programme."""

    GREEN = "green", _("On track")
    AMBER = "amber", _("Slightly behind")
    RED = "red", _("Behind")
    NONE = "none", _("No target or no dates")
