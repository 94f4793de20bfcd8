"""Forms: the event filters, the registration form built from an event's questions, and
the event editor (its repeat fields, time-zone picker and programmes)."""

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.dates import WEEKDAYS as DAY_NAMES
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin import compare
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.widgets import AdminDateInput

from core.event_groups import event_groups
from core.timezones import ZoneSelect, choice_values, zone_choices, zone_label
from people.enums import Country
from people.models import Region

from .enums import EVENT_LANGUAGES, EventFormat, EventKind, QuestionKind
from .recurrence import (
    MAX_INTERVAL,
    MAX_MONTH_DAY,
    ORDINALS,
    WEEKDAYS,
    fields_from_rule,
    next_dates,
    rule_faults,
    rule_from_fields,
    same_rule,
)
from .schedule import Schedule
from .when import clock, day_text


def _blank_first(label, choices):
    return [("", label), *choices]


class EventFilterForm(forms.Form):
    """The filters of the listing and of the public feeds (the same query string).

    Besides its own fields it offers one choice per grouping another app registers in
    ``core.event_groups`` (a campaign's events), placed before "Include past events": the
    events app lists them without knowing the app that defines them. Only values from the
    choices are accepted; anything else (an old free-text ``?campaign=16-days-2026``) is
    the field's error, shown beside it, and that filter is left out."""

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
    past = forms.BooleanField(label=_("Include past events"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        past = self.fields.pop("past")
        for group in event_groups():
            self.fields[group.name] = forms.ChoiceField(
                label=group.label,
                required=False,
                # Read when the select is drawn or a value checked, in the language active
                # then; a form that is neither (an unfiltered feed) never reads them.
                choices=functools.partial(_group_choices, group),
            )
        self.fields["past"] = past

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"id_{name}-error"

    def filters(self) -> dict:
        """The valid filters given; an invalid value is left out (and is the field's error
        on the listing) rather than an error page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            name: data[name] for name in self.fields if data.get(name) and name not in self.errors
        }

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


def _group_choices(group) -> list[tuple[str, str]]:
    return _blank_first(group.empty_label, group.choices(get_language()))


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


REPEAT_CUSTOM = "custom"
REPEAT_CHOICES = [
    ("", _("Never")),
    ("DAILY", _("Daily")),
    ("WEEKLY", _("Weekly")),
    ("MONTHLY", _("Monthly")),
    ("YEARLY", _("Yearly")),
    (REPEAT_CUSTOM, _("Another rule (advanced, below)")),
]
WEEKDAY_CHOICES = [(code, DAY_NAMES[index]) for index, code in enumerate(WEEKDAYS)]
ORDINAL_CHOICES = list(
    zip(
        [str(n) for n in ORDINALS],
        [_("first"), _("second"), _("third"), _("fourth"), _("last")],
        strict=True,
    )
)
# Where each fault ``events.recurrence`` finds is shown.
REPEAT_FIELD_FOR = {
    "freq": "repeat_freq",
    "interval": "repeat_interval",
    "weekdays": "repeat_weekdays",
    "month_day": "repeat_month_day",
    "ordinal": "repeat_ordinal",
    "weekday": "repeat_weekday",
    "count": "repeat_count",
    "until": "repeat_until",
    "start": "start_date",
}
REPEAT_FIELDS = (
    "repeat_freq",
    "repeat_interval",
    "repeat_weekdays",
    "repeat_monthly_by",
    "repeat_month_day",
    "repeat_ordinal",
    "repeat_weekday",
    "repeat_ends",
    "repeat_count",
    "repeat_until",
)


def _weekday_of(day) -> str:
    return WEEKDAYS[day.weekday()]


def _ordinal_of(day) -> str:
    """ "2" for the second Tuesday of its month, "-1" for the last one (5th weeks)."""
    nth = (day.day - 1) // 7 + 1
    return str(nth) if nth <= 4 else "-1"


class EventPageForm(WagtailAdminPageForm):
    """The event editor.

    Repeats are asked in plain fields (``repeat_*``) that write the RRULE into
    ``recurrence``; the raw rule stays under "Advanced" for rules the fields cannot say.
    The rule: **"Repeats" decides.** "Never" saves no rule; daily to yearly save what the
    fields say (the raw box only shows it); "Another rule (advanced)" saves the raw box as
    typed. A client that sends no "Repeats" at all (an old form, a script) is taken at its
    raw rule. An unchanged rule keeps its stored text, so re-saving an event does not
    look like a change of time to calendars and registrants.

    Each cancelled or moved occurrence must be a date the rule gives, checked against the
    times and rule being saved (not the stored ones).
    """

    repeat_freq = forms.ChoiceField(
        label=_("Repeats"),
        choices=REPEAT_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "The fields below write the repeat rule. To type an iCalendar rule yourself, "
            "choose “Another rule (advanced)” and open “Advanced”."
        ),
    )
    repeat_interval = forms.IntegerField(
        label=_("Every"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_INTERVAL, "class": "recurrence__n"}),
        help_text=_("1: every time; 2: every other day, week, month or year."),
    )
    repeat_weekdays = forms.MultipleChoiceField(
        label=_("On these days"),
        choices=WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    repeat_monthly_by = forms.ChoiceField(
        label=_("Which day of the month"),
        choices=[("day", _("On day")), ("weekday", _("On the"))],
        required=False,
        widget=forms.RadioSelect,
    )
    repeat_month_day = forms.IntegerField(
        label=_("Day of the month"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_MONTH_DAY, "class": "recurrence__n"}),
    )
    repeat_ordinal = forms.ChoiceField(
        label=_("Which one"), choices=ORDINAL_CHOICES, required=False
    )
    repeat_weekday = forms.ChoiceField(
        label=_("Day of the week"), choices=WEEKDAY_CHOICES, required=False
    )
    repeat_ends = forms.ChoiceField(
        label=_("Ends"),
        choices=[("never", _("Never")), ("count", _("After")), ("until", _("On"))],
        required=False,
        widget=forms.RadioSelect,
    )
    repeat_count = forms.IntegerField(
        label=_("Number of times"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 2, "class": "recurrence__n"}),
    )
    repeat_until = forms.DateField(label=_("Last date"), required=False, widget=AdminDateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = self._programme()
        if "time_zone" in self.fields:
            self._set_up_time_zone()
        if "shared_with" in self.fields and self.programme is not None:
            field = self.fields["shared_with"]
            field.queryset = field.queryset.exclude(pk=self.programme.pk)
        if self.instance.pk is None and self.programme is not None:
            # The section's programme shows as "Runs in" before the page is first saved
            # (saving sets it from the tree again).
            self.instance.programme = self.programme
        if "recurrence" in self.fields:
            self._set_up_recurrence()

    # --- programme and time zone --------------------------------------------------------

    def _programme(self):
        """The programme the event runs in: its own, or (being created) its section's."""
        from programmes.models import Programme

        programme_id = self.instance.programme_id
        if programme_id is None and self.parent_page is not None:
            parent = self.parent_page
            programme_id = getattr(parent, "programme_id", None)
            if programme_id is None and type(parent) is not parent.specific_class:
                programme_id = getattr(parent.specific, "programme_id", None)
        if programme_id is None:
            return None
        return Programme.objects.filter(pk=programme_id).first()

    def _set_up_time_zone(self) -> None:
        names = dict(Country.choices)
        countries = list(self.programme.countries) if self.programme else []
        choices = zone_choices(
            countries, country_names=names, first_label=_("The programme's countries")
        )
        if self.is_bound:
            current, country = self.data.get("time_zone", ""), self.data.get("country", "")
        else:
            if self.instance.pk is None and self.programme is not None:
                self.initial["time_zone"] = self.programme.time_zone
                if len(countries) == 1 and not self.instance.country:
                    self.initial["country"] = countries[0]
            current = self.initial.get("time_zone") or self.instance.time_zone
            country = self.initial.get("country") or self.instance.country
        if current and current not in choice_values(choices) and current == self.instance.time_zone:
            # A zone stored before the picker (an alias such as Europe/Kiev) stays choosable.
            choices.append((current, zone_label(current, country, country_names=names)))
        field = self.fields["time_zone"]
        widget = ZoneSelect(attrs=field.widget.attrs)
        widget.preferred_label = (
            zone_label(current, country, country_names=names) if current else ""
        )
        field.widget = widget
        field.choices = choices
        field.help_text = _(
            "Where the event happens: the times above are local times there. Listed by "
            "country and city."
        )

    # --- repeats ------------------------------------------------------------------------

    def _set_up_recurrence(self) -> None:
        self.fields["recurrence"].label = _("Rule in iCalendar form (RRULE)")
        self.fields["recurrence"].help_text = _(
            "Saved as typed only when “Repeats” is “Another rule (advanced)”. Otherwise the "
            "fields above write the rule and show it here. Example, every two months on the "
            "second Tuesday, twelve times: FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12"
        )
        for name in ("repeat_month_day", "repeat_ordinal", "repeat_weekday", "repeat_count"):
            # Each sits beside a choice's label: it needs a name of its own.
            self.fields[name].widget.attrs["aria-label"] = self.fields[name].label
        self.fields["repeat_until"].widget.attrs["aria-label"] = self.fields["repeat_until"].label
        if self.is_bound:
            return
        rule, start = self.instance.recurrence, self.instance.start_date
        initial = {
            "repeat_freq": "",
            "repeat_interval": 1,
            "repeat_weekdays": [_weekday_of(start)] if start else [],
            "repeat_monthly_by": "day",
            "repeat_month_day": start.day if start and start.day <= MAX_MONTH_DAY else None,
            "repeat_ordinal": _ordinal_of(start) if start else "1",
            "repeat_weekday": _weekday_of(start) if start else "MO",
            "repeat_ends": "never",
        }
        fields = fields_from_rule(rule, start) if rule else None
        if rule and fields is None:
            initial["repeat_freq"] = REPEAT_CUSTOM
        elif fields is not None:
            initial["repeat_freq"] = fields["freq"]
            initial["repeat_interval"] = fields["interval"]
            if fields["weekdays"]:
                initial["repeat_weekdays"] = list(fields["weekdays"])
            if fields["ordinal"] is not None:
                initial["repeat_monthly_by"] = "weekday"
                initial["repeat_ordinal"] = str(fields["ordinal"])
                initial["repeat_weekday"] = fields["weekday"]
            elif fields["month_day"] is not None:
                initial["repeat_month_day"] = fields["month_day"]
            if fields["count"] is not None:
                initial["repeat_ends"], initial["repeat_count"] = "count", fields["count"]
            elif fields["until"] is not None:
                initial["repeat_ends"], initial["repeat_until"] = "until", fields["until"]
        for name, value in initial.items():
            self.initial.setdefault(name, value)

    def _repeat_fields(self, cleaned: dict, freq: str) -> tuple[dict, set[str]]:
        """The keyword arguments of ``rule_from_fields`` the form's fields say, and the
        names of the fields that say them."""
        interval = cleaned.get("repeat_interval")
        fields = {"freq": freq, "interval": 1 if interval is None else interval}
        used = {"repeat_freq", "repeat_interval", "repeat_ends"}
        if freq == "WEEKLY":
            fields["weekdays"] = list(cleaned.get("repeat_weekdays") or [])
            used.add("repeat_weekdays")
        elif freq == "MONTHLY":
            used.add("repeat_monthly_by")
            if cleaned.get("repeat_monthly_by") == "weekday":
                ordinal = cleaned.get("repeat_ordinal")
                fields["ordinal"] = int(ordinal) if ordinal else None
                fields["weekday"] = cleaned.get("repeat_weekday") or None
                used.update({"repeat_ordinal", "repeat_weekday"})
            else:
                fields["month_day"] = cleaned.get("repeat_month_day")
                used.add("repeat_month_day")
        ends = cleaned.get("repeat_ends") or "never"
        if ends == "count":
            fields["count"] = cleaned.get("repeat_count")
            used.add("repeat_count")
        elif ends == "until":
            fields["until"] = cleaned.get("repeat_until")
            used.add("repeat_until")
        return fields, used

    def _clean_recurrence(self, cleaned: dict) -> None:
        if "recurrence" not in self.fields or "repeat_freq" not in self.data:
            return  # no repeat fields sent: the raw rule is what was given
        freq = cleaned.get("repeat_freq") or ""
        used = {"repeat_freq"}
        try:
            if freq == "":
                cleaned["recurrence"] = ""
            elif freq == REPEAT_CUSTOM:
                if (
                    not (cleaned.get("recurrence") or "").strip()
                    and "recurrence" not in self.errors
                ):
                    self.add_error(
                        "recurrence",
                        _("Type the rule here, or choose above how often the event repeats."),
                    )
            else:
                fields, used = self._repeat_fields(cleaned, freq)
                missing = self._missing_repeat_values(fields, used)
                if missing:
                    for name, message in missing.items():
                        self.add_error(name, message)
                    return
                start = cleaned.get("start_date")
                try:
                    rule = rule_from_fields(**fields, start=start)
                except ValidationError as error:
                    for key, messages in error.message_dict.items():
                        self.add_error(REPEAT_FIELD_FOR.get(key), messages)
                    return
                stored = self.instance.recurrence
                filled = fields_from_rule(rule, start)
                cleaned["recurrence"] = stored if same_rule(stored, filled, start) else rule
                self.errors.pop("recurrence", None)  # the raw box only showed a rule
        finally:
            # Fields the chosen repeat does not use (hidden in the editor) cannot stop a save.
            for name in set(REPEAT_FIELDS) - used:
                self.errors.pop(name, None)

    @staticmethod
    def _missing_repeat_values(fields: dict, used: set[str]) -> dict:
        missing = {}
        if "repeat_month_day" in used and fields.get("month_day") is None:
            missing["repeat_month_day"] = _("Give the day of the month, from 1 to 28.")
        if "repeat_count" in used and fields.get("count") is None:
            missing["repeat_count"] = _("Give the number of times, or choose another end.")
        if "repeat_until" in used and fields.get("until") is None:
            missing["repeat_until"] = _("Give the last date, or choose another end.")
        return missing

    def clean(self):
        cleaned = super().clean()
        self._clean_recurrence(cleaned)
        formset = self.formsets.get("occurrence_changes")
        if formset is None or not formset.is_valid() or self.errors:
            return cleaned
        if rule_faults(cleaned.get("recurrence") or ""):
            return cleaned  # EventPage.clean names them
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
                    % {"day": formats.date_format(day, "DATE_FORMAT")},
                )
        return cleaned


class RecurrencePanel(Panel):
    """The editor's "Repeats": the repeat fields of ``EventPageForm``, the next dates, and
    the raw rule under an "Advanced" disclosure. The dates are the server's after each save
    (no script needed); ``events/recurrence.js`` redraws them as the fields change."""

    def get_form_options(self):
        return {"fields": ["recurrence", *REPEAT_FIELDS]}

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/recurrence_panel.html"

        class Media:
            js = ["events/recurrence.js"]
            css = {"all": ["events/recurrence.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            form = self.form
            fields = {name: form[name] for name in REPEAT_FIELDS}
            freq = fields["repeat_freq"].value() or ""
            raw_errors = bool(form["recurrence"].errors)
            context.update(
                fields=fields,
                raw=form["recurrence"],
                advanced_open=freq == REPEAT_CUSTOM or raw_errors,
                preview=self.preview(),
                zone=self.zone_name(),
            )
            return context

        def zone_name(self) -> str:
            instance = self.form.instance
            if not instance.time_zone:
                return ""
            return zone_label(
                instance.time_zone, instance.country, country_names=dict(Country.choices)
            )

        def preview(self) -> dict:
            """The next dates of the event as last saved or submitted, or why there are none."""
            form, instance = self.form, self.form.instance
            blocking = ("start_date", "start_time", "end_time", "time_zone", "recurrence")
            if form.is_bound and any(form.errors.get(name) for name in (*blocking, *REPEAT_FIELDS)):
                return {"message": gettext("The dates appear once the errors are corrected.")}
            if not (instance.start_date and instance.start_time and instance.end_time):
                return {"message": gettext("The dates appear once the event has a start.")}
            try:
                occurrences = next_dates(instance.schedule())
            except (ValidationError, ValueError, TypeError, OverflowError):
                return {"message": gettext("The dates appear once the errors are corrected.")}
            if not occurrences:
                return {"message": gettext("This event has no dates after today.")}
            return {"dates": [_preview_date(o) for o in occurrences]}

        def get_comparison(self):
            field = self.panel.model._meta.get_field("recurrence")
            return [functools.partial(compare.FieldComparison, field)]


class RunsInPanel(FieldPanel):
    """The programme an event runs in, read-only ("Runs in: Kosovo coordination"): it
    follows the section the event is in, so moving the event is how to change it."""

    def __init__(self, field_name="programme", **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("disable_comments", True)
        kwargs.setdefault("heading", _("Runs in"))
        kwargs.setdefault(
            "help_text",
            _("The programme whose section holds this event. Move the event to change it."),
        )
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if value is None:
            return gettext("No programme: open to all, and only admins see its participants.")
        return super().format_value_for_display(value)


def _preview_date(occurrence) -> dict:
    start = occurrence.start
    text = gettext("%(day)s, %(time)s") % {"day": day_text(start.date()), "time": clock(start)}
    return {
        "iso": start.isoformat(),
        "text": text,
        "cancelled": occurrence.cancelled,
        "moved": occurrence.moved,
    }
