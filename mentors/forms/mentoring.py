"""The mentor's forms: her profile (languages, the weekly grid), her answers to an offer
and the match's life, sessions, feedback and concerns."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from people.enums import SPOKEN_LANGUAGES
from people.models import Region
from programmes.models import Programme

from ..enums import (
    AVAILABILITY_SLOTS,
    DAYS,
    PARTS_OF_DAY,
    DeclineReason,
    EndReason,
    FeedbackStage,
    LanguageLevel,
    MatchStatus,
    MeetingFormat,
    RequestKind,
    SessionKind,
    SessionSize,
    SupportCategory,
)
from ..models import MentorProfile
from .common import ServiceErrorsMixin
from .requests import HoneypotMixin, country_choices, language_choices

LANGUAGE_ROWS = 3  # empty language rows offered on the mentor profile form

# --- The mentor's profile --------------------------------------------------------------------


class MentorApplyForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("The programme you want to mentor in"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes


class MentorProfileForm(ServiceErrorsMixin, forms.ModelForm):
    conduct = forms.BooleanField(
        label=_("I have read and accept the code of conduct for mentors"), required=False
    )

    class Meta:
        model = MentorProfile
        fields = [
            "bio",
            "countries",
            "regions",
            "formats",
            "availability",
            "capacity",
            "expertise",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4, "maxlength": 600}),
            "regions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = list(self.instance.programme.countries or []) if self.instance.pk else []
        regions = Region.objects.order_by("country", "name")
        if countries:
            regions = regions.filter(country__in=countries)
        if regions.exists():
            self.fields["regions"].queryset = regions
            self.fields["regions"].help_text = _(
                "Leave empty if you can meet anywhere in the countries you serve."
            )
        else:
            # Nothing to choose from: no empty box of checkboxes.
            del self.fields["regions"]
        self.fields["capacity"].widget.attrs.update(min=1, max=10)
        # Countries in the reader's alphabetical order ("Other country" last), as on the
        # request forms; the widget's choices are set when the form is built.
        countries_field = self.fields["countries"]
        countries_field.choices = country_choices()[1:]
        for field in self.fields.values():
            field.label = capfirst(field.label)
        if self.instance.conduct_accepted_at:
            del self.fields["conduct"]
        else:
            self.fields["conduct"].help_text = format_html(
                '<a href="{}">{}</a>',
                reverse("mentors:code_of_conduct"),
                gettext("Read the code of conduct"),
            )

    def availability_rows(self) -> list[dict]:
        """The weekly grid: a row per day, a labelled checkbox per part of the day."""
        bound = self["availability"]
        chosen = set(bound.value() or [])
        labels = dict(AVAILABILITY_SLOTS)
        # Ids as Django numbers a checkbox list's (<id>_0 …): the error summary links to _0.
        index = {value: n for n, (value, _label) in enumerate(AVAILABILITY_SLOTS)}
        return [
            {
                "day": day_label,
                "slots": [
                    {
                        "value": f"{day}-{part}",
                        "label": labels[f"{day}-{part}"],
                        "id": f"{bound.auto_id}_{index[f'{day}-{part}']}",
                        "checked": f"{day}-{part}" in chosen,
                    }
                    for part, _part_label in PARTS_OF_DAY
                ],
            }
            for day, day_label in DAYS
        ]

    parts_of_day = PARTS_OF_DAY


class MentorLanguageForm(forms.Form):
    # A row without a language is left out (the formset asks for at least one).
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Choose a language"))] + list(SPOKEN_LANGUAGES),
        required=False,
    )
    level = forms.TypedChoiceField(
        label=_("How well you speak it"),
        choices=LanguageLevel.choices,
        coerce=int,
        initial=LanguageLevel.FLUENT,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the reader's alphabetical order (the choices below are only the fallback).
        self.fields["language"].choices = [("", gettext("Choose a language"))] + list(
            language_choices()
        )


class BaseLanguageFormSet(forms.BaseFormSet):
    """Her languages, a "Remove" box on each, and a few empty rows (left out if unused)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this language")

    def _kept(self) -> list:
        return [
            form for form in self.forms if not (self.can_delete and self._should_delete_form(form))
        ]

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self._kept():
            code = form.cleaned_data.get("language")
            if not code:
                continue
            if code in seen:
                raise ValidationError(gettext("Give each language once."))
            seen.add(code)
        if not seen:
            raise ValidationError(gettext("Give at least one language you speak."))

    def languages(self) -> dict[str, int]:
        return {
            form.cleaned_data["language"]: form.cleaned_data["level"]
            for form in self._kept()
            if form.cleaned_data.get("language")
        }


LanguageFormSet = forms.formset_factory(
    MentorLanguageForm,
    formset=BaseLanguageFormSet,
    extra=0,
    max_num=len(SPOKEN_LANGUAGES),
    can_delete=True,
    can_delete_extra=False,
)


def language_formset(data=None, *, profile: MentorProfile) -> BaseLanguageFormSet:
    initial = [
        {"language": row.language, "level": row.level}
        for row in (profile.languages.all() if profile.pk else [])
    ]
    formset = LanguageFormSet(data, initial=initial, prefix="languages")
    formset.extra = LANGUAGE_ROWS
    if formset.forms:
        # At least one language is needed: the first row does not say "(optional)".
        first = formset.forms[0].fields["language"]
        first.required = True
        first.error_messages["required"] = gettext("Give at least one language you speak.")
    return formset


# --- Answers to an offer, and the match's life -----------------------------------------------


class DeclineForm(forms.Form):
    prefix = "decline"

    reason = forms.ChoiceField(
        label=_("Why are you declining?"),
        choices=[("", _("Choose a reason"))] + list(DeclineReason.choices),
        help_text=_("Organisers see the reason. She is offered another mentor first."),
        error_messages={"required": _("Tell us why you decline: choose a reason.")},
    )
    note = forms.CharField(
        label=_("Anything the organisers should know"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only organisers read it. Never write her name or details of violence."),
    )


class CompleteForm(forms.Form):
    """Completing ends the mentoring for good: she confirms it first."""

    prefix = "complete"

    confirm = forms.BooleanField(
        label=_("Yes, the mentoring is over"),
        error_messages={"required": _("Tick the box to confirm that the mentoring is over.")},
    )


class EndEarlyForm(forms.Form):
    prefix = "end"

    reason = forms.ChoiceField(
        label=_("Why is the mentoring ending?"),
        choices=EndReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("A note for the organisers"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only organisers read it. Never write details of violence."),
    )


class BlockForm(forms.Form):
    prefix = "block"

    confirm = forms.BooleanField(
        label=_("Yes: never match me with her again"),
        error_messages={"required": _("Tick the box to confirm.")},
    )


class ConcernForm(forms.Form):
    match = forms.ChoiceField(label=_("About which mentoring?"), required=False)
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None, empty_label=None)
    text = forms.CharField(
        label=_("What worries you?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "The organisers of your programme read it and contact you. Please do not write "
            "details of violence. Her first name or the request number is enough."
        ),
    )

    def __init__(self, *args, profiles, matches, **kwargs):
        super().__init__(*args, **kwargs)
        self.matches = {str(match.pk): match for match in matches}
        self.fields["match"].choices = [("", _("None in particular"))] + [
            (key, match_label(match)) for key, match in self.matches.items()
        ]
        programme_ids = {profile.programme_id for profile in profiles}
        self.fields["programme"].queryset = Programme.objects.filter(pk__in=programme_ids)
        if len(programme_ids) == 1:
            self.fields["programme"].widget = forms.HiddenInput()
            self.fields["programme"].initial = next(iter(programme_ids))
        if not self.matches:
            del self.fields["match"]

    def clean_match(self):
        return self.matches.get(self.cleaned_data.get("match") or "")


class PublicConcernForm(HoneypotMixin, forms.Form):
    """A concern from someone without a mentor's account: a woman supported by a mentor, a
    service, anyone. The least data: the programme, what worries her and, only if she wants
    an answer, a safe way to reach her (stored encrypted with the text)."""

    programme = forms.ModelChoiceField(
        label=_("Which programme's mentor is it about?"), queryset=None, empty_label=None
    )
    text = forms.CharField(
        label=_("What worries you?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Only the programme's organisers read it. You do not need to give your name. Please "
            "do not write details of violence. Her first name or the request number is enough."
        ),
    )
    reply_to = forms.CharField(
        label=_("If you want an answer: a safe way to reach you"),
        max_length=200,
        required=False,
        help_text=_("A phone number, an e-mail address, or a service that can pass on a message."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.filter(
            pk__in=MentorProfile.objects.values("programme_id")
        ).order_by("name")
        if self.fields["programme"].queryset.count() == 1:
            self.fields["programme"].widget = forms.HiddenInput()
            self.fields["programme"].initial = self.fields["programme"].queryset.get().pk
        self.add_honeypot()

    def report_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        reply_to = self.cleaned_data.get("reply_to", "").strip()
        if reply_to:
            text += "\n\n" + gettext("A safe way to reach her: %(contact)s") % {"contact": reply_to}
        return text


def match_reference(match) -> str:
    """How a mentor names a match: by its REQUEST's number, the one organisers see
    ("Request 2" in the admin), never by her name or contact, nor by the match's own id."""
    number = match.request_id
    if match.request.kind == RequestKind.TRAINING:
        return gettext("Training request no. %(number)s") % {"number": number}
    return gettext("Support request no. %(number)s") % {"number": number}


def match_label(match) -> str:
    """A match in a mentor's lists: its reference and place ("Support request no. 2 ·
    Barcelona")."""
    request = match.request
    place = request.region.name if request.region_id else request.get_country_display()
    return gettext("%(reference)s · %(place)s") % {
        "reference": match_reference(match),
        "place": place,
    }


# The match's status in the mentor's own words (MatchStatus's labels are the organisers').
STATUS_FOR_MENTOR = {
    MatchStatus.PROPOSED: _("An offer to you"),
    MatchStatus.DECLINED: _("You declined this offer"),
}


def match_status_for_mentor(match) -> str:
    return str(STATUS_FOR_MENTOR.get(match.status, match.get_status_display()))


# --- Sessions --------------------------------------------------------------------------------


class SessionForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of session was it?"),
        choices=SessionKind.choices,
        widget=forms.RadioSelect,
        initial=SessionKind.SUPPORT,
    )
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    duration_minutes = forms.IntegerField(
        label=_("How long did it last (minutes)?"), min_value=5, max_value=720
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=MeetingFormat.choices, widget=forms.RadioSelect
    )
    size = forms.ChoiceField(
        label=_("One-to-one or group"),
        choices=SessionSize.choices,
        widget=forms.RadioSelect,
        initial=SessionSize.ONE_TO_ONE,
    )
    topic = forms.CharField(
        label=_("Topic"),
        max_length=200,
        help_text=_("A few words, e.g. “Visit to the health centre”. Never details of violence."),
    )
    participant_emails = forms.CharField(
        label=_("E-mail addresses of participants who have a Linkage account"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocapitalize": "off", "spellcheck": "false"}),
        help_text=_(
            "One per line. People with an account see the session in their My Linkage; "
            "addresses we do not know are only counted. In a training, only people registered "
            "as professionals count as professionals trained; other accounts are kept as "
            "participants."
        ),
    )
    anonymous_count = forms.IntegerField(
        label=_("Other participants (a number)"),
        min_value=0,
        max_value=500,
        required=False,
        initial=0,
        help_text=_("People who took part without an account, or whose address you do not have."),
    )
    women_new = forms.IntegerField(
        label=_("Women supported for the first time in this session"),
        min_value=0,
        max_value=500,
        required=False,
        initial=0,
        help_text=_(
            "Each woman counts once toward the programme's results. The woman you mentor is "
            "counted once for the whole mentoring: do not count her here. Count only the other "
            "women you supported for the first time, for example in a group; 0 if you "
            "counted them all before."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate
        for category, label in SupportCategory.choices:
            self.fields[f"support_{category}"] = forms.IntegerField(
                label=label, min_value=0, max_value=500, required=False
            )

    @property
    def support_fields(self) -> list:
        return [self[f"support_{category}"] for category in SupportCategory.values]

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise ValidationError(gettext("Log a session after it has taken place."))
        return value

    def clean_participant_emails(self):
        text = self.cleaned_data.get("participant_emails", "")
        addresses, wrong = [], []
        for item in text.replace(",", "\n").replace(";", "\n").splitlines():
            item = item.strip()
            if not item:
                continue
            try:
                validate_email(item)
            except ValidationError:
                wrong.append(item)
            else:
                if item.lower() not in {a.lower() for a in addresses}:
                    addresses.append(item)
        if wrong:
            raise ValidationError(
                gettext("These are not e-mail addresses: %(list)s") % {"list": ", ".join(wrong)}
            )
        return addresses

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        counts = self.support_counts()
        people = cleaned.get("participant_emails") or []
        anonymous = cleaned.get("anonymous_count") or 0
        if kind == SessionKind.SUPPORT:
            if not counts:
                self.add_error(
                    None,
                    gettext("Give how many women you supported, in at least one category."),
                )
            if cleaned.get("size") == SessionSize.ONE_TO_ONE:
                self._one_woman(counts, cleaned.get("women_new") or 0)
            if people or anonymous:
                self.add_error(
                    "participant_emails",
                    gettext(
                        "A support session is recorded as counts only: leave the participants "
                        "empty."
                    ),
                )
        elif kind in (SessionKind.NETWORKING, SessionKind.TRAINING):
            if counts or cleaned.get("women_new"):
                self.add_error(
                    None,
                    gettext("Counts of women supported belong to support sessions only."),
                )
            # A wrong address is named on its own field: no second error beside it.
            if not people and not anonymous and "participant_emails" not in self.errors:
                self.add_error(
                    "anonymous_count",
                    gettext("Give the participants' addresses, a number of participants, or both."),
                )
        return cleaned

    def _one_woman(self, counts: dict[str, int], women_new: int) -> None:
        """A one-to-one session is with one woman: at most 1 for each kind of help."""
        for category, count in counts.items():
            if count > 1:
                self.add_error(
                    f"support_{category}",
                    gettext("A one-to-one session is with one woman: give 0 or 1."),
                )
        if women_new > 1:
            self.add_error(
                "women_new", gettext("A one-to-one session is with one woman: give 0 or 1.")
            )

    def support_counts(self) -> dict[str, int]:
        return {
            category: self.cleaned_data[f"support_{category}"]
            for category in SupportCategory.values
            if self.cleaned_data.get(f"support_{category}")
        }

    def session_data(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "date": data["date"],
            "duration_minutes": data["duration_minutes"],
            "format": data["format"],
            "size": data["size"],
            "topic": data["topic"],
            "anonymous_count": data.get("anonymous_count") or 0,
            "women_new": data.get("women_new") or 0,
        }


# --- Feedback --------------------------------------------------------------------------------


class FeedbackForm(ServiceErrorsMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How is the mentoring going?"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=[
            (5, _("Very well")),
            (4, _("Well")),
            (3, _("Neither well nor badly")),
            (2, _("Not so well")),
            (1, _("Badly")),
        ],
    )
    went_well = forms.CharField(
        label=_("What went well?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    could_improve = forms.CharField(
        label=_("What could be better?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Never write her name or details of violence."),
    )

    def __init__(self, *args, stage: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if stage == FeedbackStage.CLOSING:
            self.fields["rating"].label = _("How did the mentoring go?")
