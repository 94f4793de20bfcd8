"""The two requests for a mentor: a woman asking for support (herself or through a
service) and an organisation asking for a session. Only what a mentor needs to reach her;
never a question about violence."""

import json
import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from people.enums import SPOKEN_LANGUAGES, Country
from people.models import Region

from ..enums import ContactMethod, Expertise, MeetingFormat
from .common import ServiceErrorsMixin

# What a woman may ask help with, in plain words (Expertise's labels are for mentors).
NEEDS_IN_PLAIN_WORDS = [
    (Expertise.RIGHTS, _("Understanding my rights and legal options")),
    (Expertise.HEALTH, _("Getting health care")),
    (Expertise.HOUSING_WORK, _("Finding housing or work")),
    (Expertise.PSYCHOSOCIAL, _("Someone to talk to")),
    (Expertise.INTERPRETING, _("Someone who speaks my language, to interpret or come with me")),
    (Expertise.OUTREACH, _("Meeting people and groups in my community")),
]
HONEYPOT = "website"
# A phone number as people write it: digits, an optional leading +, spaces, dashes, dots
# and brackets; at least PHONE_MIN_DIGITS digits.
PHONE = re.compile(r"^\+?[\d\s().\-]+$")
PHONE_MIN_DIGITS = 6


def by_name(label) -> str:
    """A sort key for labels in the active language: case and accents aside ("Éire" next
    to "Eesti"), so a translated list reads in its own alphabetical order."""
    text = unicodedata.normalize("NFKD", str(label).casefold())
    return "".join(char for char in text if not unicodedata.combining(char))


def country_choices() -> list:
    """Countries by their name in the active language, "Other country" last."""
    named = sorted(
        (choice for choice in Country.choices if choice[0] != Country.OTHER),
        key=lambda choice: by_name(choice[1]),
    )
    return [("", _("Choose a country"))] + named + [(Country.OTHER, Country.OTHER.label)]


def language_choices() -> list:
    """Spoken languages by their name in the active language."""
    return sorted(SPOKEN_LANGUAGES, key=lambda choice: by_name(choice[1]))


def region_choices() -> list:
    """Regions grouped by country, for a select with optgroups (countries by name)."""
    names = dict(Country.choices)
    groups: dict[str, list] = {}
    for region in Region.objects.order_by("country", "name"):
        groups.setdefault(region.country, []).append((str(region.pk), region.name))
    ordered = sorted(groups.items(), key=lambda item: by_name(names.get(item[0], item[0])))
    return [("", _("Not given"))] + [
        (names.get(country, country), options) for country, options in ordered
    ]


def region_countries() -> dict[str, str]:
    """Each region's country (by the region's id), for mentors.js to hide the regions of the
    other countries once she chooses hers."""
    return {str(pk): country for pk, country in Region.objects.values_list("pk", "country")}


class HoneypotMixin:
    """A field people never see (hidden by CSS, skipped by the keyboard): a robot fills it."""

    def add_honeypot(self) -> None:
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


class RequestForm(ServiceErrorsMixin, HoneypotMixin, forms.Form):
    """What both kinds of request share: a safe way to reach her, languages, place, the
    agreements."""

    name = forms.CharField(
        label=_("Your first name or a pseudonym"),
        max_length=80,
        help_text=_("It does not have to be your real name."),
    )
    contact_method = forms.ChoiceField(
        label=_("One safe way to contact you"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
    )
    contact = forms.CharField(
        label=_("Phone number or e-mail address"),
        max_length=200,
        help_text=_("Give one that only you use, or the service's if it files this for you."),
    )
    safe_times = forms.CharField(
        label=_("When is it safe to contact you?"),
        max_length=200,
        help_text=_("For example: weekday mornings, never at weekends."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    region = forms.ChoiceField(label=_("Region or municipality"), required=False)
    formats = forms.MultipleChoiceField(
        label=_("How can you meet?"),
        choices=MeetingFormat.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Tick the box to agree, or we cannot keep your request.")}
    )
    conduct = forms.BooleanField(
        label=_("I accept the code of conduct for mentoring"),
        error_messages={"required": _("Tick the box to accept the code of conduct.")},
    )
    programme = forms.ChoiceField(label=_("Programme"), required=False)

    # As the page shows them (request_fields.html, then request_agreements.html).
    PAGE_ORDER = [
        "name",
        "contact_method",
        "contact",
        "safe_times",
        "languages",
        "country",
        "region",
        "formats",
        "programme",
        "consent",
        "conduct",
        HONEYPOT,
    ]

    def __init__(self, *args, programmes=(), fixed_programme=None, **kwargs):
        """``programmes``: those that could take the request (with active mentors);
        ``fixed_programme``: the one named in the address (?programme=slug)."""
        super().__init__(*args, **kwargs)
        self.programmes = list(programmes)
        self.fixed_programme = fixed_programme
        # Sorted per request: the names are those of the visitor's language.
        self.fields["languages"].choices = language_choices()
        self.fields["country"].choices = country_choices()
        self.fields["region"].choices = region_choices()
        self.fields["region"].widget.attrs.update(
            {
                "data-country-field": self["country"].auto_id,
                "data-region-countries": json.dumps(region_countries()),
            }
        )
        self.fields["consent"].label = self.consent_text(settings.MENTORS_CONTACT_RETENTION_DAYS)
        self.fields["conduct"].help_text = format_html(
            '<a href="{}">{}</a>',
            reverse("mentors:code_of_conduct"),
            gettext("Read the code of conduct (it opens in this window)"),
        )
        if fixed_programme is not None or len(self.programmes) < 2:
            del self.fields["programme"]
        else:
            self.fields["programme"].choices = [("", _("Let us choose by your country"))] + [
                (str(p.pk), p.name) for p in self.programmes
            ]
            self.fields["programme"].help_text = _(
                "More than one programme offers mentors. Leave it to us if you are not sure."
            )
        self.add_honeypot()
        # The fields in the order the page shows them: the error summary lists them so.
        self.order_fields(self.PAGE_ORDER)

    def consent_text(self, days: int) -> str:
        return ngettext(
            "I agree that Linkage keeps the name and contact I give here, encrypted, and shows "
            "them only to the one mentor who accepts to support me. Organisers see my "
            "languages, place and needs, never my name or contact. Both are erased %(days)s "
            "day after the support ends.",
            "I agree that Linkage keeps the name and contact I give here, encrypted, and shows "
            "them only to the one mentor who accepts to support me. Organisers see my "
            "languages, place and needs, never my name or contact. Both are erased %(days)s "
            "days after the support ends.",
            days,
        ) % {"days": days}

    def clean_region(self):
        value = self.cleaned_data.get("region")
        if not value:
            return None
        return Region.objects.filter(pk=value).first()

    def clean(self):
        cleaned = super().clean()
        self._check_contact(cleaned.get("contact_method"), cleaned.get("contact"))
        region, country = cleaned.get("region"), cleaned.get("country")
        if region is not None and country and region.country != country:
            self.add_error(
                "region",
                gettext(
                    "%(region)s is not in the country you chose. Choose a region in "
                    "%(country)s, or leave it empty."
                )
                % {"region": region.name, "country": Country(country).label},
            )
        if country and "programme" not in self.errors:
            cleaned["programme"] = self._programme_for(country, cleaned.get("programme"))
        return cleaned

    def _check_contact(self, method: str | None, contact: str | None) -> None:
        """The contact must be what the chosen way needs: an e-mail address for e-mail, a
        phone number for a call or a text; anything for "through the service"."""
        if not method or not contact:
            return
        contact = contact.strip()
        if method == ContactMethod.EMAIL:
            try:
                validate_email(contact)
            except ValidationError:
                self.add_error(
                    "contact",
                    gettext(
                        "Give an e-mail address, such as name@example.org, or choose another "
                        "way to contact you."
                    ),
                )
        elif method in (ContactMethod.PHONE, ContactMethod.TEXT):
            digits = sum(char.isdigit() for char in contact)
            if not PHONE.match(contact) or digits < PHONE_MIN_DIGITS:
                self.add_error(
                    "contact",
                    gettext(
                        "Give a phone number of at least %(digits)s digits, such as +34 611 "
                        "222 333, or choose another way to contact you."
                    )
                    % {"digits": PHONE_MIN_DIGITS},
                )

    def _programme_for(self, country: str, chosen: str | None):
        if self.fixed_programme is not None:
            return self.fixed_programme
        if chosen:
            return next((p for p in self.programmes if str(p.pk) == chosen), None)
        serving = [p for p in self.programmes if country in (p.countries or [])]
        if not serving:
            self.add_error(
                "country",
                gettext(
                    "No mentoring programme works in this country yet. We are sorry. The "
                    "safety page lists helplines you can call."
                ),
            )
            return None
        return serving[0]

    def request_data(self) -> dict:
        """The request's fields for ``services.request_create``."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "contact_method": data["contact_method"],
            "contact": data["contact"],
            "safe_times": data["safe_times"],
            "languages": data["languages"],
            "country": data["country"],
            "region": data["region"],
            "formats": data["formats"],
            "consent": data["consent"],
            "conduct_accepted": data["conduct"],
        }


class SupportRequestForm(RequestForm):
    """Request (a): a woman asks for support, herself or through a service."""

    needs = forms.MultipleChoiceField(
        label=_("What would you like help with?"),
        choices=NEEDS_IN_PLAIN_WORDS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose all that fit. A mentor will ask you more, when it is safe."),
    )
    on_behalf = forms.BooleanField(
        label=_("I am filing this for someone, as a service or organisation"), required=False
    )
    organisation = forms.CharField(
        label=_("Your service or organisation"),
        max_length=200,
        required=False,
        help_text=_("Needed when you file this for someone."),
    )

    PAGE_ORDER = [
        *RequestForm.PAGE_ORDER[:-3],
        "needs",
        "on_behalf",
        "organisation",
        *RequestForm.PAGE_ORDER[-3:],
    ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("on_behalf") and not cleaned.get("organisation", "").strip():
            self.add_error("organisation", gettext("Give the name of your service."))
        if cleaned.get("contact_method") == ContactMethod.THROUGH_SERVICE and not cleaned.get(
            "on_behalf"
        ):
            self.add_error(
                "contact_method",
                gettext(
                    "Choose this only when a service files this for her, and tick the box below."
                ),
            )
        return cleaned

    def request_data(self) -> dict:
        data = super().request_data()
        data["needs"] = self.cleaned_data["needs"]
        data["organisation"] = (
            self.cleaned_data["organisation"].strip() if self.cleaned_data["on_behalf"] else ""
        )
        return data


class TrainingRequestForm(RequestForm):
    """Request (b): an organisation asks for a mentor-led session or training."""

    organisation = forms.CharField(label=_("Your organisation or team"), max_length=200)
    topic = forms.CharField(
        label=_("What should the session be about?"),
        max_length=200,
        help_text=_("For example: “Reaching migrant women in our municipality”."),
    )
    participants_expected = forms.IntegerField(
        label=_("How many people will take part?"), min_value=1, max_value=500, required=False
    )
    needs = forms.MultipleChoiceField(
        label=_("Which experience should the mentor bring?"),
        choices=Expertise.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Expertise.TRAINING],
    )

    PAGE_ORDER = [
        "organisation",
        "topic",
        "participants_expected",
        "needs",
        *RequestForm.PAGE_ORDER,
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Your name")
        self.fields["name"].help_text = _("The person the mentor should contact.")
        self.fields["contact_method"].choices = [
            choice for choice in ContactMethod.choices if choice[0] != ContactMethod.THROUGH_SERVICE
        ]
        self.fields["contact"].help_text = ""
        self.fields["safe_times"].label = _("When can the mentor reach you?")
        self.fields["formats"].label = _("How can the session take place?")

    def consent_text(self, days: int) -> str:
        # An organisation's contact person, not a woman asking for herself.
        return ngettext(
            "I agree that Linkage keeps the contact person's name and contact given here, "
            "encrypted, and shows them only to the mentor who accepts the request. Organisers "
            "see the topic, languages and place, never the contact details. They are erased "
            "%(days)s day after the session or training.",
            "I agree that Linkage keeps the contact person's name and contact given here, "
            "encrypted, and shows them only to the mentor who accepts the request. Organisers "
            "see the topic, languages and place, never the contact details. They are erased "
            "%(days)s days after the session or training.",
            days,
        ) % {"days": days}

    def request_data(self) -> dict:
        data = super().request_data()
        data.update(
            needs=self.cleaned_data["needs"],
            organisation=self.cleaned_data["organisation"].strip(),
            topic=self.cleaned_data["topic"],
            participants_expected=self.cleaned_data["participants_expected"],
        )
        return data
