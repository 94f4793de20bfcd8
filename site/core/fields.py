"""A list of choices stored as JSON: several tracks, sectors or languages on one page, shown as
checkboxes, filterable in SQL on SQLite and PostgreSQL (see ``json_list_contains``)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A JSON list whose items must come from ``item_choices``.

    The choices are not passed to the model field itself (Django would then validate the
    whole list as one choice); they drive the form field and ``validate``.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {str(key) for key, _label in self.item_choices}
        if not isinstance(value, list) or any(item not in allowed for item in value):
            raise ValidationError(_("Choose from the options offered."), code="invalid_choice")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, value) -> list[str]:
        names = dict(self.item_choices)
        return [str(names.get(item, item)) for item in value or []]


def json_list_contains(field: str, value: str) -> Q:
    """``Q`` for "the JSON list in ``field`` contains ``value``".

    PostgreSQL answers with jsonb containment (indexable); SQLite has no containment
    lookup, so it matches the quoted item in the JSON text, which is exact because choice
    values never contain quotes.
    """
    if connection.features.supports_json_field_contains:
        return Q(**{f"{field}__contains": [value]})
    return Q(**{f"{field}__icontains": f'"{value}"'})
