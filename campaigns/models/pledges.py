"""Pledges, their totals and recorded reach.

A campaign is identified across its translations by its page's ``translation_key`` (a
pledge made on the Lithuanian page counts for the same campaign as one made on the English
page); a coalition partner likewise by its page's key. Pledgers' addresses are encrypted
(``core.crypto``) and known otherwise only by a keyed digest of the normalised address
(one pledge per address per campaign); both are erased a set time after the campaign ends
(``CAMPAIGNS_PLEDGE_RETENTION_DAYS``), the pledge itself (and so every count) stays.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedTextField
from people.enums import Country

from ..enums import PledgeKind, PledgeStatus, ReachBasis, ReachChannel, WallStatus


class Pledge(models.Model):
    campaign_key = models.UUIDField(_("campaign"), db_index=True, editable=False)
    partner_key = models.UUIDField(_("partner"), null=True, blank=True, editable=False)
    # The page it was made on (its language and address); its key above is what counts.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(
        _("pledge from"), max_length=16, choices=PledgeKind.choices, default=PledgeKind.INDIVIDUAL
    )
    display_name = models.CharField(_("name to show"), max_length=120, blank=True)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    email = EncryptedTextField(_("e-mail address"), blank=True)
    email_digest = models.CharField(max_length=64, null=True, blank=True, editable=False)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    commitment = models.TextField(_("commitment"), blank=True)
    language = models.CharField(_("language"), max_length=12, default="en")
    status = models.CharField(
        _("status"), max_length=16, choices=PledgeStatus.choices, default=PledgeStatus.PENDING
    )
    wall = models.CharField(
        _("pledge wall"), max_length=16, choices=WallStatus.choices, default=WallStatus.NOT_ASKED
    )
    wall_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    wall_decided_at = models.DateTimeField(null=True, blank=True)
    # Consent to follow-up contact: separate from the pledge, given with the confirmation,
    # withdrawn from a link in every e-mail.
    contact_consent_asked = models.BooleanField(default=False)
    contact_consent_at = models.DateTimeField(_("agreed to be contacted"), null=True, blank=True)
    contact_consent_withdrawn_at = models.DateTimeField(
        _("withdrew consent to be contacted"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    erased_at = models.DateTimeField(_("address erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign_key", "email_digest"],
                condition=Q(email_digest__isnull=False),
                name="pledge_once_per_address",
            ),
        ]
        indexes = [models.Index(fields=["campaign_key", "status", "confirmed_at"])]
        permissions = [
            ("moderate_pledge", _("Can approve pledges for the pledge wall")),
            (
                "export_pledge_contacts",
                _("Can export pledgers who agreed to follow-up contact"),
            ),
        ]

    def __str__(self) -> str:
        return f"Pledge {self.pk}"

    @property
    def counts(self) -> bool:
        return self.status == PledgeStatus.CONFIRMED


class PledgeTotal(models.Model):
    """Confirmed pledges of a campaign (``scope`` "") or of one of its partners (``scope`` =
    the partner page's key), kept by ``campaigns.tasks.totals_refresh``: pages read this
    number, they never count pledges."""

    campaign_key = models.UUIDField(db_index=True)
    scope = models.CharField(max_length=36, blank=True, default="")
    confirmed = models.PositiveIntegerField(default=0)
    organisations = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign_key", "scope"], name="pledge_total_once"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_key} {self.scope or 'all'}: {self.confirmed}"


class ReachRecord(models.Model):
    """People a campaign reached through one channel, counted (direct) or estimated, with
    the method; each writes an anonymous ``campaign_reach`` row to the ledger."""

    campaign_key = models.UUIDField(_("campaign"), db_index=True)
    partner_key = models.UUIDField(_("partner"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=16, choices=ReachChannel.choices)
    basis = models.CharField(_("counted or estimated"), max_length=16, choices=ReachBasis.choices)
    people = models.PositiveIntegerField(_("people reached"))
    method = models.TextField(
        _("method"),
        help_text=_(
            'How the number was found, e.g. "Sign-in sheets at the march" or "Broadcaster\'s '
            'audience figures for the evening news".'
        ),
    )
    on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=250, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reach record")
        verbose_name_plural = _("reach records")
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.people}"
