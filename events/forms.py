"""Forms: the event filters and the registration form built from an event's questions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from people.enums import Country
from people.models import Region

from .enums import EVENT_LANGUAGES, EventFormat, EventKind, QuestionKind
from .schedule import Schedule


def _blank_first(label, choices):
    return [("", label), *choices]


class EventFilterForm(forms.Form):
    """The filters of the listing and of the public feeds (the same query string)."""

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=_blank_first(_("All kinds"), EventKind.choices)
    )
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        choices=_blank_first(_("All countries"), Country.choices),
    )
    region = forms.ModelChoiceField(
        label=_("Region or municipality"),
        required=False,
        queryset=Region.objects.all(),
        empty_label=_("All regions"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=_blank_first(_("All languages"), EVENT_LANGUAGES),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=_blank_first(_("Any format"), EventFormat.choices),
    )
    campaign = forms.SlugField(label=_("Campaign"), required=False, max_length=60)
    past = forms.BooleanField(label=_("Include past events"), required=False)

    def filters(self) -> dict:
        """The valid filters given; an invalid value is ignored rather than an error page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        result = {
            name: data[name]
            for name in ("kind", "country", "region", "language", "format", "campaign", "past")
            if data.get(name) and name not in self.errors
        }
        return result

    def query_string(self) -> str:
        from django.utils.http import urlencode

        params = []
        for name, value in self.filters().items():
            if name == "region":
                value = value.pk
            elif name == "past":
                value = "1"
            params.append((name, value))
        return urlencode(params)


class RegistrationForm(forms.Form):
    """One field per question of the event, named ``q_<question id>``."""

    def __init__(self, *args, questions: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = f"q_{question['id']}"
            common = {
                "label": question["label"],
                "help_text": question["help_text"],
                "required": question["required"],
            }
            if question["kind"] == QuestionKind.CHOICE:
                field = forms.ChoiceField(
                    choices=_blank_first("—", [(c, c) for c in question["choices"]]), **common
                )
            elif question["kind"] == QuestionKind.CHECKBOX:
                field = forms.BooleanField(**common)
            elif question["kind"] == QuestionKind.LONG_TEXT:
                field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, **common
                )
            else:
                field = forms.CharField(max_length=300, **common)
            if question["help_text"]:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"
            self.fields[name] = field

    def full_clean(self):
        super().full_clean()
        self._mark_errors()

    def _mark_errors(self) -> None:
        """Tie each error message to its field for screen readers (the template renders it
        with the id ``<field id>-error``)."""
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            described = [attrs.get("aria-describedby", ""), f"id_{name}-error"]
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = " ".join(d for d in described if d)

    def answers(self) -> dict:
        return {
            question["id"]: self.cleaned_data.get(f"q_{question['id']}")
            for question in self.questions
        }

    def add_service_errors(self, error) -> None:
        """Put the service's per-question errors on the right fields."""
        if hasattr(error, "error_dict"):
            for key, errors in error.error_dict.items():
                field = f"q_{key}" if f"q_{key}" in self.fields else None
                for item in errors:
                    self.add_error(field, item)
        else:
            for message in error.messages:
                self.add_error(None, message)
        self._mark_errors()


class EventPageForm(WagtailAdminPageForm):
    """The event editor: each cancelled or moved occurrence must be a date the event's
    rule gives, checked against the times and rule being saved (not the stored ones)."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("occurrence_changes")
        if formset is None or not formset.is_valid() or self.errors:
            return cleaned
        try:
            schedule = Schedule(
                start_date=cleaned["start_date"],
                start_time=cleaned["start_time"],
                end_date=cleaned.get("end_date") or cleaned["start_date"],
                end_time=cleaned["end_time"],
                time_zone=cleaned["time_zone"],
                recurrence=cleaned.get("recurrence") or "",
            )
            schedule.rule()
        except (KeyError, ValidationError):
            return cleaned  # the field errors already say what is wrong
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            day = data.get("original_date")
            if day is None or data.get("DELETE"):
                continue
            if schedule.occurrence(day) is None:
                form.add_error(
                    "original_date",
                    _("The event does not take place on %(day)s: choose a date it repeats on.")
                    % {"day": day.strftime("%d.%m.%Y")},
                )
        return cleaned
