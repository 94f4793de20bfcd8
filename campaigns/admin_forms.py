"""The campaign admin's forms. They only collect and shape what the organiser typed; the
rules (a sensible date, a partner of this campaign, people and method given) are checked
by ``campaigns.reach``, whose messages the view puts beside the field they are about."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput

from .enums import ReachBasis, ReachChannel
from .models import CampaignPartnerPage, ReachRecord


class ReachRecordForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=ReachChannel.choices)
    basis = forms.ChoiceField(
        label=_("Counted or estimated"),
        choices=ReachBasis.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Counted: people you counted one by one (sign-in sheets, a head count at the "
            "march). Estimated: audiences and impressions (a broadcaster's figures, social "
            "media reach). The two are reported apart: estimates are weaker evidence."
        ),
    )
    # Whether a number is sensible is the service's to say (in words, beside the field).
    people = forms.IntegerField(
        label=_("People reached"),
        widget=forms.NumberInput(attrs={"min": 1}),
        error_messages={
            "required": _("Give the number of people reached: a whole number, at least 1."),
            "invalid": _("Give the number of people reached: a whole number, at least 1."),
        },
    )
    method = forms.CharField(
        label=_("Method"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=ReachRecord._meta.get_field("method").help_text,
        error_messages={"required": _("Say how the number was found.")},
    )
    on = forms.DateField(
        label=_("Date"),
        widget=AdminDateInput,
        error_messages={"required": _("Give the date the people were reached.")},
    )
    partner = forms.TypedChoiceField(
        label=_("Through a partner"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The coalition partner whose work this was, if any."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=250)

    def __init__(self, *args, partners: list[CampaignPartnerPage], **kwargs):
        super().__init__(*args, **kwargs)
        self.partners = {partner.pk: partner for partner in partners}
        if partners:
            self.fields["partner"].choices = [("", _("None: the campaign itself"))] + [
                (partner.pk, f"{partner.organisation} ({partner.get_country_display()})")
                for partner in partners
            ]
        else:
            del self.fields["partner"]

    @classmethod
    def initial_for(cls, record: ReachRecord, partners: list[CampaignPartnerPage]) -> dict:
        partner = next((p for p in partners if p.translation_key == record.partner_key), None)
        return {
            "channel": record.channel,
            "basis": record.basis,
            "people": record.people,
            "method": record.method,
            "on": record.on,
            "partner": partner.pk if partner else "",
            "note": record.note,
        }

    def service_values(self) -> dict:
        """The cleaned values as ``campaigns.reach`` takes them."""
        data = dict(self.cleaned_data)
        data["partner"] = self.partners.get(data.get("partner"))
        return data

    def add_service_errors(self, refusal) -> None:
        """A ``ValidationError`` of the service, each message beside its field."""
        if hasattr(refusal, "error_dict"):
            for name, messages in refusal.message_dict.items():
                self.add_error(name if name in self.fields else None, messages)
        else:
            self.add_error(None, refusal.messages)
