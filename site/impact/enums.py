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
    CAMPAIGN_PLEDGE = "campaign_pledge", _("Campaign pledge")
    CAMPAIGN_REACH = "campaign_reach", _("People reached by the campaign (anonymous count)")
