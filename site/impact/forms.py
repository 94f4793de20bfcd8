from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import LedgerBreakdown, LedgerPeriod


class SummaryForm(forms.Form):
    """The organisers' ledger: how to group dates and what to break counts down by."""

    period = forms.ChoiceField(
        label=_("Group by"), choices=LedgerPeriod.choices, initial=LedgerPeriod.MONTH
    )
    breakdown = forms.ChoiceField(
        label=_("Break down by"), choices=LedgerBreakdown.choices, required=False
    )

    def values(self) -> tuple[str, str]:
        """The chosen (period, breakdown), or the defaults when the query string is bad."""
        if self.is_valid():
            return self.cleaned_data["period"], self.cleaned_data["breakdown"] or ""
        return LedgerPeriod.MONTH, LedgerBreakdown.NONE
