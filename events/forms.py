"""Forms: the event filters and the registration form built from an event's questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from people.enums import Country
from people.models import Region

from .enums import EVENT_LANGUAGES, EventFormat, EventKind, QuestionKind


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
