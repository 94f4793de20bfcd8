"""Exceptions to a repeating event: one occurrence cancelled or moved."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..enums import OccurrenceAction
from ..schedule import Change


class OccurrenceChange(Orderable):
    """One occurrence of a recurring event cancelled or moved."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrence_changes"
    )
    original_date = models.DateField(
        _("date of the occurrence"), help_text=_("The date the rule gives it.")
    )
    action = models.CharField(_("change"), max_length=16, choices=OccurrenceAction.choices)
    new_date = models.DateField(_("new date"), null=True, blank=True)
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("action")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cancelled or moved occurrence")

    def __str__(self) -> str:
        return f"{self.original_date} ({self.get_action_display()})"

    def clean(self):
        if self.action == OccurrenceAction.MOVE and not (
            self.new_date or self.new_start_time or self.new_end_time
        ):
            raise ValidationError({"new_date": _("Say when the occurrence moves to.")})
        # Whether the rule gives original_date is checked by EventPageForm, against the
        # rule being saved.

    def as_change(self) -> Change:
        return Change(
            original_date=self.original_date,
            cancelled=self.action == OccurrenceAction.CANCEL,
            new_date=self.new_date,
            new_start_time=self.new_start_time,
            new_end_time=self.new_end_time,
            note=self.note,
        )
