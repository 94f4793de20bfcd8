"""The pledge form, shown on every campaign and partner page, and the two small forms of
the links in the pledge e-mails (confirm, withdraw consent).

The pledge form is on a page served from the page cache, the same for every visitor, so it
carries no CSRF token: ``campaigns.views.pledge_submit`` checks instead that the form was
sent from this site (Origin or Referer). A field people never see catches robots.
"""

import unicodedata

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from people.enums import Country

from .enums import PledgeKind

HONEYPOT = "website"


def _by_name(label) -> str:
    """Sort key: case and accents aside, so a translated list reads in its own order."""
    text = unicodedata.normalize("NFKD", str(label).casefold())
    return "".join(char for char in text if not unicodedata.combining(char))


def country_choices() -> list:
    """Countries by their name in the active language, "Other country" last."""
    named = sorted(
        (choice for choice in Country.choices if choice[0] != Country.OTHER),
        key=lambda choice: _by_name(choice[1]),
    )
    return [("", _("Choose a country"))] + named + [(Country.OTHER, Country.OTHER.label)]


def privacy_text(days: int | None = None) -> str:
    """What is kept and for how long: shown beside the form and on the confirmation page."""
    days = settings.CAMPAIGNS_PLEDGE_RETENTION_DAYS if days is None else days
    return ngettext(
        "We keep your e-mail address encrypted and never show it on the site. We use it to "
        "confirm your pledge and, only if you agree, to contact you about this campaign. "
        "It is erased %(days)s day after the campaign ends; your pledge still counts.",
        "We keep your e-mail address encrypted and never show it on the site. We use it to "
        "confirm your pledge and, only if you agree, to contact you about this campaign. "
        "It is erased %(days)s days after the campaign ends; your pledge still counts.",
        days,
    ) % {"days": days}


class PledgeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Who is pledging?"),
        choices=PledgeKind.choices,
        initial=PledgeKind.INDIVIDUAL,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you pledge as a person or for an organisation.")
        },
    )
    display_name = forms.CharField(
        label=_("Your name as it may be shown"),
        max_length=120,
        required=False,
        help_text=_(
            "A first name is enough. Leave it empty, or tick the box below, to pledge anonymously."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    anonymous = forms.BooleanField(
        label=_("Pledge anonymously: show no name"),
        required=False,
        help_text=_("For an organisation's pledge, its name is not shown either."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm your pledge. Only confirmed pledges count."),
        error_messages={
            "required": _("Enter your e-mail address: we send the confirmation link there."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        choices=country_choices,
        error_messages={"required": _("Choose your country, or “Other country”.")},
    )
    organisation = forms.CharField(
        label=_("Organisation or agency"),
        max_length=200,
        required=False,
        help_text=_("Needed when you pledge for an organisation."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    commitment = forms.CharField(
        label=_("Your organisation's commitment"),
        max_length=1000,
        required=False,
        help_text=_(
            "Needed when you pledge for an organisation: what it will do, e.g. "
            "“We will train all our front-desk staff to recognise violence and refer women "
            "to support.”"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    wall = forms.BooleanField(
        label=_("Show my pledge on the pledge wall"),
        required=False,
        help_text=_(
            "The wall shows the name (or “Anonymous”), the organisation and its commitment, "
            "never your e-mail address. An organiser approves each pledge before it appears."
        ),
    )
    contact_consent = forms.BooleanField(
        label=_("You may contact me by e-mail about this campaign's next steps"),
        required=False,
        help_text=_(
            "Separate from your pledge: your pledge counts either way. You can withdraw this "
            "at any time with the link in every e-mail we send you."
        ),
    )
    # Robots fill it; people never see it (hidden by CSS, out of the keyboard's way).
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, country: str = "", **kwargs):
        """``country``: the one chosen beforehand (a partner's page: the partner's)."""
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        if country:
            self.fields["country"].initial = country

    @property
    def is_robot(self) -> bool:
        return bool(str(self.data.get(HONEYPOT, "")).strip())

    def clean(self):
        data = super().clean()
        if data.get("kind") == PledgeKind.ORGANISATION:
            if not data.get("organisation", "").strip():
                self.add_error(
                    "organisation",
                    _("Enter the name of the organisation or agency you pledge for."),
                )
            if not data.get("commitment", "").strip():
                self.add_error("commitment", _("Write what your organisation commits to do."))
        else:
            # A person's pledge carries no commitment text (organisations' only).
            data["commitment"] = ""
        unnamed = not data.get("display_name", "").strip()
        if data.get("anonymous") or (unnamed and data.get("kind") != PledgeKind.ORGANISATION):
            # Nothing kept that will not be shown. (An organisation without a contact's
            # name is still named: by the organisation.)
            data["anonymous"] = True
            data["display_name"] = ""
        data.pop(HONEYPOT, None)
        return data

    def pledge_data(self) -> dict:
        """What ``services.pledge_submit`` takes."""
        keys = (
            "kind",
            "display_name",
            "anonymous",
            "email",
            "country",
            "organisation",
            "commitment",
            "wall",
            "contact_consent",
        )
        return {key: self.cleaned_data.get(key) for key in keys}


class ConfirmForm(forms.Form):
    """The confirmation link's page: what will be shown, a button (mail scanners only follow
    links), and the choices only the address's owner makes, all unticked: whoever typed the
    address chose the name and the wall, so the owner decides again here whether anything
    is published, and consent is given only by a box she ticks herself."""

    anonymous = forms.BooleanField(
        label=PledgeForm.base_fields["anonymous"].label,
        required=False,
    )
    wall = forms.BooleanField(
        label=PledgeForm.base_fields["wall"].label,
        required=False,
        help_text=PledgeForm.base_fields["wall"].help_text,
    )

    contact_consent = forms.BooleanField(
        label=_("You may contact me by e-mail about this campaign's next steps"),
        required=False,
        help_text=_(
            "Your pledge counts either way. You can withdraw this at any time with the link in "
            "every e-mail we send you."
        ),
    )
