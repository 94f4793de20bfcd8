from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from .enums import ActivityScope, LedgerBreakdown, LedgerPeriod


class SummaryForm(forms.Form):
    """The organisers' ledger: how to group dates, what to break counts down by and, for
    someone with several programmes, which of them (all by default)."""

    period = forms.ChoiceField(
        label=_("Group by"), choices=LedgerPeriod.choices, initial=LedgerPeriod.MONTH
    )
    breakdown = forms.ChoiceField(
        label=_("Break down by"), choices=LedgerBreakdown.choices, required=False
    )
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None, required=False)

    def __init__(self, data=None, *, user, **kwargs):
        from programmes.selectors import programmes_for, scope_for

        super().__init__(data, **kwargs)
        scope = scope_for(user)
        field = self.fields["programme"]
        field.queryset = programmes_for(user)
        field.empty_label = _("All programmes") if scope.everything else _("All my programmes")
        # Someone with a single programme has nothing to choose.
        if not scope.everything and len(scope.programme_ids) < 2:
            del self.fields["programme"]

    def values(self) -> tuple[str, str, object]:
        """The chosen (period, breakdown, programme or None), or the defaults when the query
        string is bad (another programme's id included)."""
        if self.is_valid():
            return (
                self.cleaned_data["period"],
                self.cleaned_data["breakdown"] or "",
                self.cleaned_data.get("programme"),
            )
        return LedgerPeriod.MONTH, LedgerBreakdown.NONE, None


# --- Indicators ---------------------------------------------------------------------------

PERIOD_START_HELP = {
    LedgerPeriod.MONTH: _("the first day of a month"),
    LedgerPeriod.QUARTER: _("the first day of a quarter (1 January, 1 April, 1 July or 1 October)"),
    LedgerPeriod.YEAR: _("1 January"),
}


def period_start_of(day: date, period: str) -> date:
    """The first day of the calendar month, quarter or year holding ``day`` (the
    reporting periods of ``impact.indicators.periods``)."""
    from .indicators.periods import period_start

    return period_start(day, period)


def activity_value(content_type_id: int, activity_id: str) -> str:
    """How a form names one activity: "<content type id>:<id>"."""
    return f"{content_type_id}:{activity_id}"


class IndicatorForm(WagtailAdminModelForm):
    """An indicator and its counting rule, for the organisers of its programme.

    The programme is one of the user's; regions and chosen activities are offered for the
    user's programmes and must belong to the programme chosen (refused in words
    otherwise); the targets per period must fall within the programme's dates, each on the
    first day of a reporting period. Chosen activities are kept as ``IndicatorActivity``
    rows.
    """

    activity_kinds = forms.MultipleChoiceField(
        label=_("Types of activity"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Count only activities of these types (for example trainings, not meetings). "
            "Tick none to count every type."
        ),
    )
    chosen_activities = forms.MultipleChoiceField(
        label=_("Chosen activities"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "With “Only the activities chosen below”, only participation in these courses, "
            "events and campaigns counts."
        ),
    )

    HELP = {
        "programme": _("The programme that promised this result to its donor."),
        "code": _("The donor's reference for this indicator, e.g. “1.2” (optional)."),
        "unit": _("What one counts, in the plural: “women”, “professionals”, “meetings”."),
        "level": _(
            "An output is something the programme delivers (people trained); an "
            "outcome is a change it brings about (women supported)."
        ),
        "means_of_verification": _(
            "How a donor or auditor can check the number: attendance lists, certificates…"
        ),
        "baseline": _("The value before the programme started (0 if it starts from nothing)."),
        "target": _(
            "What the programme promised by its end. Leave empty if there is no target: no "
            "progress bar or status is shown then."
        ),
        "kinds": _(
            "What people did on the platform that counts towards this indicator. Tick "
            "several to count any of them (e.g. professionals trained = course completions "
            "and attendance at trainings)."
        ),
        "measure": _(
            "“Distinct people” counts each person once, however many times they took part. "
            "“Sum of counts” adds up every completion, attendance or head count. "
            "“Activities held” counts each course, event or session once."
        ),
        "accumulation": _(
            "“Cumulative”: each period shows everything since the programme started, as "
            "donors usually ask. “Per period”: each period shows only what happened in it."
        ),
        "period": _("The periods of the trend chart and of the donor export."),
        "roles": _(
            "Count only people who had one of these roles at the time. Tick none to count everyone."
        ),
        "sectors": _(
            "Count only people working in these sectors. Tick none to count every sector."
        ),
        "countries": _(
            "Count only people from these of the programme's countries. Tick "
            "none to count every country."
        ),
        "regions": _(
            "Count only people in these regions or municipalities of the "
            "programme's countries. Tick none to count everywhere."
        ),
        "activity_scope": _(
            "All of the programme's courses, events and campaigns, or only those you tick below."
        ),
        "breakdowns": _(
            "The tables on the dashboard and the rows of the donor export. Small numbers "
            "are hidden from anyone but the programme's organisers."
        ),
        "sort_order": _("Indicators are shown from the lowest number to the highest."),
    }
    RADIOS = ("measure", "accumulation", "period", "activity_scope", "level")
    LABELS = {
        "kinds": _("Kinds of participation that count"),
        "measure": _("How to count"),
        "accumulation": _("Cumulative or per period"),
        "period": _("Reporting period"),
        "activity_scope": _("Which activities"),
        "breakdowns": _("Disaggregated by"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from programmes.selectors import programmes_for

        from .activities import activity_kind_choices

        self.programmes = list(programmes_for(self.for_user).order_by("name"))
        for name, text in self.HELP.items():
            if name in self.fields:
                self.fields[name].help_text = text
        for name, field in self.fields.items():
            field.label = self.LABELS.get(name) or capfirst(field.label or "")
        for name in self.RADIOS:
            if name in self.fields:
                self.fields[name].widget = forms.RadioSelect(choices=self.fields[name].choices)
        if "programme" in self.fields:
            field = self.fields["programme"]
            field.queryset = programmes_for(self.for_user).order_by("name")
            field.empty_label = None if len(self.programmes) == 1 else "---------"
            field.error_messages["invalid_choice"] = _("Choose one of your programmes.")
        if "kinds" in self.fields:
            self.fields["kinds"].error_messages["required"] = _(
                "Choose at least one kind of participation."
            )
        if "regions" in self.fields:
            self._setup_regions()
        self.fields["activity_kinds"].choices = activity_kind_choices()
        self.fields["chosen_activities"].choices = self._activity_choices()
        if self.instance.pk and not self.is_bound:
            self.initial["activity_kinds"] = list(self.instance.activity_kinds or [])
            self.initial["chosen_activities"] = [
                activity_value(row.activity_type_id, row.activity_id)
                for row in self.instance.activities.all()
            ]

    def _setup_regions(self) -> None:
        from people.enums import Country
        from people.models import Region

        countries = sorted({code for p in self.programmes for code in p.countries or []})
        field = self.fields["regions"]
        field.queryset = Region.objects.filter(country__in=countries).order_by("country", "name")
        field.widget = forms.CheckboxSelectMultiple()
        names = dict(Country.choices)
        groups: dict[str, list] = {}
        for region in field.queryset:
            groups.setdefault(region.country, []).append((region.pk, region.name))
        field.choices = [(str(names.get(code, code)), items) for code, items in groups.items()]
        field.error_messages["invalid_choice"] = _(
            "Choose regions or municipalities of your programmes' countries."
        )

    def _activity_choices(self) -> list:
        from .activities import activity_options

        self.activity_programme = {}  # form value -> programme pk
        groups = []
        for programme in self.programmes:
            items = []
            for content_type, activity_id, label in activity_options(programme):
                value = activity_value(content_type.pk, activity_id)
                self.activity_programme[value] = programme.pk
                items.append((value, label))
            if items:
                groups.append((programme.name, items))
        if len(groups) == 1:
            return groups[0][1]
        return groups

    def clean_target(self):
        target = self.cleaned_data.get("target")
        if target == 0:
            raise ValidationError(
                _("A target of 0 can be neither reached nor missed: leave it empty for no target."),
                code="zero_target",
            )
        return target

    def clean(self):
        cleaned = super().clean()
        programme = cleaned.get("programme") or (
            self.instance.programme if self.instance.programme_id else None
        )
        if programme is None:
            return cleaned
        self._clean_countries(cleaned, programme)
        self._clean_regions(cleaned, programme)
        self._clean_activities(cleaned, programme)
        self._clean_period_targets(cleaned, programme)
        return cleaned

    def _clean_countries(self, cleaned, programme) -> None:
        from people.enums import Country

        chosen = cleaned.get("countries") or []
        outside = [
            code for code in chosen if programme.countries and code not in programme.countries
        ]
        if outside:
            names = dict(Country.choices)
            self.add_error(
                "countries",
                _("%(countries)s is not one of the countries of %(programme)s.")
                % {
                    "countries": ", ".join(str(names.get(code, code)) for code in outside),
                    "programme": programme.name,
                },
            )

    def _clean_regions(self, cleaned, programme) -> None:
        regions = cleaned.get("regions") or []
        outside = [
            region for region in regions if region.country not in (programme.countries or [])
        ]
        if outside:
            self.add_error(
                "regions",
                _("%(regions)s is not in a country of %(programme)s.")
                % {
                    "regions": ", ".join(region.name for region in outside),
                    "programme": programme.name,
                },
            )

    def _clean_activities(self, cleaned, programme) -> None:
        chosen = cleaned.get("chosen_activities") or []
        scope = cleaned.get("activity_scope")
        if scope == ActivityScope.CHOSEN and not chosen:
            self.add_error(
                "chosen_activities",
                _(
                    "Chosen activities need at least one activity: tick the courses, events "
                    "or campaigns that count, or count all of the programme's activities."
                ),
            )
        elif scope == ActivityScope.ALL and chosen:
            self.add_error(
                "chosen_activities",
                _(
                    "The rule counts all of the programme's activities: untick these, or "
                    "choose “Only the activities chosen below”."
                ),
            )
        elsewhere = [
            value for value in chosen if self.activity_programme.get(value) != programme.pk
        ]
        if elsewhere:
            labels = dict(flat_choices(self.fields["chosen_activities"].choices))
            self.add_error(
                "chosen_activities",
                _("%(activities)s does not belong to %(programme)s.")
                % {
                    "activities": "; ".join(labels.get(value, value) for value in elsewhere),
                    "programme": programme.name,
                },
            )

    def _clean_period_targets(self, cleaned, programme) -> None:
        formset = self.formsets.get("period_targets")
        period = cleaned.get("period") or self.instance.period
        if formset is None or not period:
            return
        formset.is_valid()  # clean the rows now, to check them against the programme
        first = period_start_of(programme.starts_on, period) if programme.starts_on else None
        seen = set()
        bad = False
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE"):
                continue
            # Read again: the formset's own check of duplicates drops a repeated date.
            start = data.get("period_start") or _date_or_none(form, "period_start")
            if not start:
                continue
            if (first and start < first) or (programme.ends_on and start > programme.ends_on):
                form.add_error(
                    "period_start",
                    _("This period is outside the programme's dates (%(dates)s).")
                    % {"dates": programme_dates(programme)},
                )
                bad = True
            elif start != period_start_of(start, period):
                form.add_error(
                    "period_start",
                    _("Choose %(first_day)s: the day a reporting period starts.")
                    % {"first_day": PERIOD_START_HELP[period]},
                )
                bad = True
            elif period_start_of(start, period) in seen:
                form.add_error("period_start", _("This period has a target already."))
                bad = True
            seen.add(period_start_of(start, period))
        if bad:
            self.add_error(None, _("Correct the targets per period below."))

    def save(self, commit=True):
        self.instance.activity_kinds = list(self.cleaned_data.get("activity_kinds") or [])
        instance = super().save(commit=commit)
        if commit:
            self.save_activities()
        return instance

    def save_activities(self) -> None:
        """The chosen activities as ``IndicatorActivity`` rows: added and removed so the
        rows are exactly those ticked."""
        from .models import IndicatorActivity

        wanted = set()
        for value in self.cleaned_data.get("chosen_activities") or []:
            type_id, _sep, activity_id = value.partition(":")
            wanted.add((int(type_id), activity_id))
        rows = IndicatorActivity.objects.filter(indicator=self.instance)
        have = {(row.activity_type_id, row.activity_id): row.pk for row in rows}
        stale = [pk for pair, pk in have.items() if pair not in wanted]
        if stale:
            IndicatorActivity.objects.filter(pk__in=stale).delete()
        IndicatorActivity.objects.bulk_create(
            IndicatorActivity(indicator=self.instance, activity_type_id=type_id, activity_id=pk)
            for type_id, pk in sorted(wanted - have.keys())
        )


def _date_or_none(form, name: str) -> date | None:
    try:
        return form.fields[name].clean(form[name].value())
    except ValidationError:
        return None


def programme_dates(programme) -> str:
    starts = formats.date_format(programme.starts_on, "DATE_FORMAT") if programme.starts_on else ""
    ends = formats.date_format(programme.ends_on, "DATE_FORMAT") if programme.ends_on else ""
    if starts and ends:
        return _("%(start)s to %(end)s") % {"start": starts, "end": ends}
    if starts:
        return _("from %(start)s") % {"start": starts}
    if ends:
        return _("until %(end)s") % {"end": ends}
    return ""


def flat_choices(choices) -> list[tuple[str, str]]:
    flat = []
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            flat.extend((str(v), str(lbl)) for v, lbl in label)
        else:
            flat.append((str(value), str(label)))
    return flat


# --- Manual entries -----------------------------------------------------------------------


class ManualEntryForm(forms.Form):
    """ "Enter a number": for one of the user's programmes' indicators, the number, the
    period it covers, how it was obtained and, best, a file that proves it. It counts
    once a second organiser has approved it."""

    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None)
    period_start = forms.DateField(label=_("From"), widget=AdminDateInput)
    period_end = forms.DateField(
        label=_("To"),
        widget=AdminDateInput,
        help_text=_("The number counts in the reporting period holding this day."),
    )
    value = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        max_value=10_000_000,
        help_text=_("In the indicator's unit (people, meetings…)."),
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("How the number was obtained, and from which source. No names."),
    )
    # What a file may be is the service's rule (impact.indicators.services.evidence_check):
    # its refusals show on this field.
    evidence = forms.FileField(
        label=_("Evidence"),
        required=False,
        help_text=_(
            "A sign-in sheet, a report or a photo of a tally: a PDF, PNG, JPEG, XLSX, CSV, "
            "DOCX or ODT file of up to 10 MB. Remove names first where you can."
        ),
    )

    def __init__(self, data=None, files=None, *, user, **kwargs):
        from .indicators.selectors import indicators_visible_to

        super().__init__(data, files, **kwargs)
        self.user = user
        field = self.fields["indicator"]
        field.queryset = (
            indicators_visible_to(user)
            .select_related("programme")
            .order_by("programme__name", "sort_order", "pk")
        )
        field.label_from_instance = lambda indicator: f"{indicator.programme.name}: {indicator}"
        field.error_messages["invalid_choice"] = _("Choose an indicator of your programmes.")

    def clean(self):
        from .indicators.periods import programme_today

        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        indicator = cleaned.get("indicator")
        if not (start and end):
            return cleaned
        if end < start:
            self.add_error("period_end", _("The end comes before the start."))
        elif indicator is not None:
            programme = indicator.programme
            if end > programme_today(programme):
                self.add_error(
                    "period_end",
                    _("Enter numbers for days that have passed: this period ends after today."),
                )
            elif (programme.starts_on and end < programme.starts_on) or (
                programme.ends_on and start > programme.ends_on
            ):
                self.add_error(
                    "period_end",
                    _("The period is outside the programme's dates (%(dates)s).")
                    % {"dates": programme_dates(programme)},
                )
        return cleaned

    def refuse(self, error: ValidationError) -> None:
        """A service's refusal shown on the form: on its field when it names one."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tell the organiser who entered it what is wrong, so it can be corrected."),
        error_messages={"required": _("Give a reason for rejecting the entry.")},
    )
