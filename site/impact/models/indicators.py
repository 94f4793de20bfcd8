"""Indicators: what a programme promised its donor, and the rule that counts it from the
ledger.

An indicator belongs to one programme. Its counting rule (``kinds``, the filters,
``measure``, ``accumulation``) selects ledger rows of that programme and counts them in
SQL (``impact.indicators``); the result is kept in ``IndicatorValue`` and recomputed by a
Celery task when rows arrive. Manual entries are the documented fallback: they count only
once a second organiser has approved them.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.fields import ChoiceListField
from people.enums import Country, Role, Sector

from ..enums import (
    ActivityScope,
    IndicatorAccumulation,
    IndicatorLevel,
    IndicatorMeasure,
    LedgerBreakdown,
    LedgerPeriod,
    ManualEntryStatus,
    ParticipationKind,
)

BREAKDOWN_CHOICES = [(value, label) for value, label in LedgerBreakdown.choices if value]


class Indicator(ClusterableModel):
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    code = models.CharField(
        _("reference"),
        max_length=20,
        blank=True,
        help_text=_("The donor's reference for this indicator, e.g. “1.2”."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(
        _("unit"), max_length=60, help_text=_("What is counted, e.g. “women”, “meetings”.")
    )
    level = models.CharField(
        _("level"), max_length=16, choices=IndicatorLevel.choices, default=IndicatorLevel.OUTPUT
    )
    means_of_verification = models.TextField(_("means of verification"), blank=True)
    baseline = models.PositiveIntegerField(_("baseline"), default=0)
    target = models.PositiveIntegerField(
        _("target"), null=True, blank=True, help_text=_("For the whole programme.")
    )

    # The counting rule.
    kinds = ChoiceListField(
        _("what counts"),
        item_choices=ParticipationKind.choices,
        help_text=_("One or several kinds of participation recorded on the platform."),
    )
    measure = models.CharField(
        _("count"),
        max_length=16,
        choices=IndicatorMeasure.choices,
        default=IndicatorMeasure.PEOPLE,
    )
    accumulation = models.CharField(
        _("accumulation"),
        max_length=16,
        choices=IndicatorAccumulation.choices,
        default=IndicatorAccumulation.CUMULATIVE,
    )
    period = models.CharField(
        _("reporting period"),
        max_length=16,
        choices=LedgerPeriod.choices,
        default=LedgerPeriod.QUARTER,
    )
    roles = ChoiceListField(_("roles"), item_choices=Role.choices, blank=True)
    sectors = ChoiceListField(_("sectors"), item_choices=Sector.choices, blank=True)
    countries = ChoiceListField(_("countries"), item_choices=Country.choices, blank=True)
    regions = models.ManyToManyField(
        "people.Region", verbose_name=_("regions or municipalities"), blank=True, related_name="+"
    )
    # Activity types as the feature apps name them (an event's kind, a session's kind):
    # the choices come from ``impact.activities``; impact never imports a feature app.
    activity_kinds = models.JSONField(_("activity types"), default=list, blank=True)
    activity_scope = models.CharField(
        _("activities"), max_length=16, choices=ActivityScope.choices, default=ActivityScope.ALL
    )
    breakdowns = ChoiceListField(_("disaggregated by"), item_choices=BREAKDOWN_CHOICES, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["programme", "sort_order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class IndicatorTarget(models.Model):
    """A target for one reporting period (the period that starts on ``period_start``)."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="period_targets")
    period_start = models.DateField(_("period starting"))
    target = models.PositiveIntegerField(_("target"))

    class Meta:
        ordering = ["period_start"]
        verbose_name = _("target for a period")
        verbose_name_plural = _("targets per period")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start"], name="indicator_target_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_start}: {self.target}"


class IndicatorActivity(models.Model):
    """One activity an indicator is limited to (``activity_scope`` = chosen): the same
    (type, id) the ledger rows carry in ``activity_type``/``activity_id``."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="activities")
    activity_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    activity_id = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("activity counted")
        verbose_name_plural = _("activities counted")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "activity_type", "activity_id"],
                name="indicator_activity_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_type_id}:{self.activity_id}"


class IndicatorValue(models.Model):
    """The last computed value of an indicator (see ``impact.indicators.compute``), as
    JSON: totals, periods, breakdowns, the manual share, and ``last_row_id``, the newest
    ledger row it counted (the evidence is the rule's rows up to that id)."""

    indicator = models.OneToOneField(
        Indicator, on_delete=models.CASCADE, related_name="computed", primary_key=True
    )
    data = models.JSONField(default=dict)
    last_row_id = models.BigIntegerField(default=0)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("computed value")
        verbose_name_plural = _("computed values")

    def __str__(self) -> str:
        return f"{self.indicator_id} @ {self.computed_at:%Y-%m-%d %H:%M}"


def _evidence_path(instance, filename: str) -> str:
    # Never the uploader's file name (it may name a person); never guessable.
    suffix = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"impact-evidence/{uuid.uuid4().hex}.{suffix}"


class ManualEntry(models.Model):
    """A number typed in when the platform cannot count it (the documented fallback): it
    counts once a second organiser (not the one who entered it) has approved it."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="manual_entries",
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    value = models.PositiveIntegerField(_("number"), validators=[MinValueValidator(1)])
    note = models.TextField(_("note"), help_text=_("How the number was obtained."))
    evidence = models.FileField(_("evidence"), upload_to=_evidence_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ManualEntryStatus.choices,
        default=ManualEntryStatus.PENDING,
        db_index=True,
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or rejected by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-entered_at", "-pk"]
        verbose_name = _("manual entry")
        verbose_name_plural = _("manual entries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="manual_entry_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period_start}–{self.period_end})"
