"""Choices of the campaigns app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ToolkitKind(models.TextChoices):
    POSTER = "poster", _("Poster")
    SOCIAL_CARD = "social_card", _("Social media card")
    FACTSHEET = "factsheet", _("Factsheet")
    GUIDE = "guide", _("Guide")
    OTHER = "other", _("Other material")


class PledgeKind(models.TextChoices):
    INDIVIDUAL = "individual", _("A person")
    ORGANISATION = "organisation", _("An organisation or agency")


class PledgeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    EXPIRED = "expired", _("Not confirmed in time")


class WallStatus(models.TextChoices):
    """Whether a pledge appears on the campaign's pledge wall: only if the pledger asked for
    it, and only after an organiser approved what it shows."""

    NOT_ASKED = "not_asked", _("Not on the wall")
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("On the wall")
    REJECTED = "rejected", _("Not approved")


class ReachChannel(models.TextChoices):
    MEDIA = "media", _("Media")
    SOCIAL = "social", _("Social media")
    EVENTS = "events", _("Events")
    PRINTED = "printed", _("Printed materials")
    LANDMARKS = "landmarks", _("Landmarks lit orange")


class ReachBasis(models.TextChoices):
    DIRECT = "direct", _("Direct (people counted)")
    ESTIMATED = "estimated", _("Estimated (audience, impressions)")
