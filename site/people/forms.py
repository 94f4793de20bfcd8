from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.timezones import ZoneSelect, choice_values, zone_choices, zone_label

from .enums import DEMOGRAPHIC_CHOICES, SPOKEN_LANGUAGES, Country, DemographicField, Role
from .models import Profile, Region


class SignupExtraForm(forms.Form):
    """Fields allauth adds to its sign-up form: the least we need to start."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("Shown on your certificates. You can use a short or chosen name."),
    )
    track = forms.ChoiceField(
        label=_("I am joining as"),
        choices=[
            (Role.PROFESSIONAL, _("A professional (police, health, social services, NGO…)")),
            (Role.MENTOR, _("A community mentor")),
        ],
        widget=forms.RadioSelect,
        initial=Role.PROFESSIONAL,
    )

    def signup(self, request, user) -> None:
        from .services import person_register

        person_register(
            user=user,
            display_name=self.cleaned_data["display_name"],
            role=self.cleaned_data["track"],
        )


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "organisation",
            "sector",
            "country",
            "region",
            "languages",
            "preferred_language",
            "time_zone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.order_by("country", "name")
        self._set_up_time_zone()

    def _set_up_time_zone(self) -> None:
        """The zones by country and city, the person's own country's first; empty means
        "not shown"."""
        names = dict(Country.choices)
        if self.is_bound:
            current, country = self.data.get("time_zone", ""), self.data.get("country", "")
        else:
            current, country = self.instance.time_zone, self.instance.country
        choices = zone_choices(
            [country] if country else [],
            country_names=names,
            first_label=gettext("Your country"),
        )
        if current and current not in choice_values(choices) and current == self.instance.time_zone:
            choices.append((current, zone_label(current, country, country_names=names)))
        widget = ZoneSelect()
        widget.preferred_label = (
            zone_label(current, country, country_names=names) if current else ""
        )
        field = forms.ChoiceField(
            label=self.fields["time_zone"].label,
            help_text=self.fields["time_zone"].help_text,
            required=False,
            choices=[("", gettext("Not given: show only the event's own time")), *choices],
            widget=widget,
        )
        self.fields["time_zone"] = field

    def clean(self):
        cleaned = super().clean()
        region, country = cleaned.get("region"), cleaned.get("country")
        if region and country and region.country != country:
            self.add_error(
                "region",
                _("%(region)s is not in the country you chose.") % {"region": region.name},
            )
        return cleaned


class DemographicForm(forms.Form):
    """One optional question, asked with its own explicit consent."""

    field = forms.ChoiceField(choices=DemographicField.choices, widget=forms.HiddenInput)
    value = forms.ChoiceField(label=_("Your answer"))
    consent = forms.BooleanField(
        label=_(
            "I agree that Linkage stores this answer and uses it only, without my name, "
            "in statistics broken down by group. I can withdraw this at any time."
        ),
        required=True,
        error_messages={"required": _("Tick the box to agree, or leave the question.")},
    )

    def __init__(self, *args, question: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["field"].initial = question
        self.fields["value"].choices = DEMOGRAPHIC_CHOICES[question].choices
        self.fields["value"].label = DemographicField(question).label
        self.prefix = question


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be deleted for good."),
        required=True,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right."))
        return password
