"""The two requests for a mentor: a woman asking for support (herself or through a
service) and an organisation asking for a session. Only what a mentor needs to reach her;
never a question about violence."""

from django import forms
from django.conf import settings
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


def region_choices() -> list:
    """Regions grouped by country, for a select with optgroups."""
    names = dict(Country.choices)
    groups: dict[str, list] = {}
    for region in Region.objects.order_by("country", "name"):
        groups.setdefault(region.country, []).append((str(region.pk), region.name))
    return [("", _("Not given"))] + [
        (names.get(country, country), options) for country, options in groups.items()
    ]


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
        label=_("Phone number, messaging app or e-mail address"),
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
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", _("Choose a country"))] + list(Country.choices)
    )
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

    def __init__(self, *args, programmes=(), fixed_programme=None, **kwargs):
        """``programmes``: those that could take the request (with active mentors);
        ``fixed_programme``: the one named in the address (?programme=slug)."""
        super().__init__(*args, **kwargs)
        self.programmes = list(programmes)
        self.fixed_programme = fixed_programme
        self.fields["region"].choices = region_choices()
        days = settings.MENTORS_CONTACT_RETENTION_DAYS
        self.fields["consent"].label = ngettext(
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

    def clean_region(self):
        value = self.cleaned_data.get("region")
        if not value:
            return None
        return Region.objects.filter(pk=value).first()

    def clean(self):
        cleaned = super().clean()
        region, country = cleaned.get("region"), cleaned.get("country")
        if region is not None and country and region.country != country:
            self.add_error(
                "region",
                gettext("%(region)s is not in the country you chose.") % {"region": region.name},
            )
        if country and "programme" not in self.errors:
            cleaned["programme"] = self._programme_for(country, cleaned.get("programme"))
        return cleaned

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

    field_order = ["organisation", "name", "contact_method", "contact", "safe_times"]

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

    def request_data(self) -> dict:
        data = super().request_data()
        data.update(
            needs=self.cleaned_data["needs"],
            organisation=self.cleaned_data["organisation"].strip(),
            topic=self.cleaned_data["topic"],
            participants_expected=self.cleaned_data["participants_expected"],
        )
        return data
