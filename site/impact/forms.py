from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import LedgerBreakdown, LedgerPeriod


class SummaryForm(forms.Form):
    """The organisers' ledger: how to group dates, what to break counts down by and, for
    someone with several programmes, which of them (all by default)."""

    period = forms.ChoiceField(
        label=_("Group by"), choices=LedgerPeriod.choices, initial=LedgerPeriod.MONTH
    )
    breakdown = forms.ChoiceField(
        label=_("Break down by"), choices=LedgerBreakdown.choices, required=False
    )
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None, required=False)

    def __init__(self, data=None, *, user, **kwargs):
        from programmes.selectors import programmes_for, scope_for

        super().__init__(data, **kwargs)
        scope = scope_for(user)
        field = self.fields["programme"]
        field.queryset = programmes_for(user)
        field.empty_label = _("All programmes") if scope.everything else _("All my programmes")
        # Someone with a single programme has nothing to choose.
        if not scope.everything and len(scope.programme_ids) < 2:
            del self.fields["programme"]

    def values(self) -> tuple[str, str, object]:
        """The chosen (period, breakdown, programme or None), or the defaults when the query
        string is bad (another programme's id included)."""
        if self.is_valid():
            return (
                self.cleaned_data["period"],
                self.cleaned_data["breakdown"] or "",
                self.cleaned_data.get("programme"),
            )
        return LedgerPeriod.MONTH, LedgerBreakdown.NONE, None
