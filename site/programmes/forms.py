"""The programme form in the Wagtail admin (admins only): the programme's facts, its time
zone from a list that puts its countries first, and its organisers.

Organisers are chosen among active accounts. Ticking or naming someone goes through
``programmes.services.programme_organiser_add``, so they get the organiser role and the
programme's Wagtail group; unticking goes through ``programme_organiser_remove``.
"""

import zoneinfo

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminModelForm

from people.enums import Role
from people.roles import GROUP_NAMES

from .models import Programme
from .services import programme_organiser_add, programme_organiser_remove


def time_zone_choices(countries: list[str]) -> list:
    """Zones for the picker, the programme's countries' zones first, named in plain words
    (``core.timezones``). Without that module, every IANA zone by name."""
    try:
        from core.timezones import zone_choices
    except ImportError:
        return [(name, name) for name in sorted(zoneinfo.available_timezones())]
    return list(zone_choices(countries_first=list(countries or [])))


def _flat_values(choices) -> set[str]:
    values = set()
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            values |= _flat_values(label)
        else:
            values.add(value)
    return values


class ProgrammeForm(WagtailAdminModelForm):
    time_zone = forms.ChoiceField(
        label=_("Default time zone"),
        help_text=_("New events of this programme start in this time zone."),
    )
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organisers"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People with the organiser role. Untick someone to take the programme away."),
    )
    new_organisers = forms.CharField(
        label=_("Add organisers by e-mail address"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One address per line, of people who already have an account. They become "
            "organisers and see this programme's courses, events and people."
        ),
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "slug",
            "lead_organisation",
            "partner_organisations",
            "funder",
            "grant_number",
            "starts_on",
            "ends_on",
            "countries",
            "languages",
            "time_zone",
        ]
        widgets = {"partner_organisations": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programme = self.instance
        choices = time_zone_choices(programme.countries)
        if programme.time_zone and programme.time_zone not in _flat_values(choices):
            choices = [(programme.time_zone, programme.time_zone), *choices]
        self.fields["time_zone"].choices = choices
        self.fields["time_zone"].initial = programme.time_zone
        User = get_user_model()
        current = Q(organised_programmes=programme) if programme.pk else Q(pk__in=[])
        self.fields["organisers"].queryset = (
            User.objects.filter(
                (Q(is_active=True) & Q(groups__name=GROUP_NAMES[Role.ORGANISER])) | current
            )
            .distinct()
            .select_related("profile")
            .order_by("email")
        )
        if programme.pk:
            self.fields["organisers"].initial = list(
                programme.organisers.values_list("pk", flat=True)
            )
        self.fields["organisers"].label_from_instance = lambda user: (
            f"{user.display_name} <{user.email}>"
        )

    def clean_new_organisers(self) -> list:
        """The accounts named, one address per line: each must exist and be active."""
        User = get_user_model()
        addresses = [
            line.strip().lower()
            for line in self.cleaned_data.get("new_organisers", "").splitlines()
            if line.strip()
        ]
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError as error:
                raise ValidationError(
                    _("“%(address)s” is not an e-mail address."), params={"address": address}
                ) from error
        found = {user.email.lower(): user for user in User.objects.filter(email__in=addresses)}
        unknown = [address for address in addresses if address not in found]
        if unknown:
            raise ValidationError(
                ngettext(
                    "Nobody has an account with this address: %(addresses)s. Invite them first.",
                    "Nobody has an account with these addresses: %(addresses)s. Invite them first.",
                    len(unknown),
                ),
                params={"addresses": ", ".join(unknown)},
            )
        inactive = [address for address in addresses if not found[address].is_active]
        if inactive:
            raise ValidationError(
                ngettext(
                    "This account is not active: %(addresses)s.",
                    "These accounts are not active: %(addresses)s.",
                    len(inactive),
                ),
                params={"addresses": ", ".join(inactive)},
            )
        return [found[address] for address in addresses]

    def clean_organisers(self):
        chosen = self.cleaned_data.get("organisers")
        current = set(self.fields["organisers"].initial or [])
        newly_inactive = [
            user for user in chosen or [] if user.pk not in current and not user.is_active
        ]
        if newly_inactive:
            raise ValidationError(_("Only active accounts can become organisers."))
        return chosen

    def _save_m2m(self):
        super()._save_m2m()
        self.organisers_save(self.instance)

    def organisers_save(self, programme: Programme) -> None:
        """Give and take the programme to and from people, through the services."""
        wanted = {user.pk: user for user in self.cleaned_data.get("organisers") or []}
        wanted.update({user.pk: user for user in self.cleaned_data.get("new_organisers") or []})
        current = {user.pk: user for user in programme.organisers.all()}
        for pk, user in wanted.items():
            if pk not in current:
                programme_organiser_add(programme=programme, user=user)
        for pk, user in current.items():
            if pk not in wanted:
                programme_organiser_remove(programme=programme, user=user)
