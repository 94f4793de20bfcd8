"""Indicators in the Wagtail admin: list, add, edit, inspect, delete, history and usage,
for the organisers of each indicator's programme and for admins.

Every view of one indicator finds it through the user's programme scope and answers 404
for anyone else's; the list holds the user's programmes' indicators only, its programme
filter offers only those programmes, and the form offers only the user's programmes,
their regions and their activities (``impact.forms.IndicatorForm``). The edit and inspect
pages say the counting rule in words (``describe.rule_summary``).
"""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from people.enums import Country, Role, Sector
from programmes.selectors import programmes_for, scope_for

from ..enums import LedgerBreakdown, ParticipationKind
from ..forms import IndicatorForm
from ..models import Indicator
from .common import ICON
from .describe import join_and, join_or, rule_summary


class ScopedIndicator:
    """A view of one indicator: 404 unless it belongs to one of the user's programmes."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if instance is not None and not scope_for(self.request.user).allows(
            {instance.programme_id}
        ):
            raise Http404
        return instance


def _programmes(request):
    return programmes_for(request.user).order_by("name") if request else programmes_for(None)


class IndicatorFilterSet(WagtailFilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=_programmes, empty_label=_("All my programmes")
    )

    class Meta:
        model = Indicator
        fields = ["programme", "level"]


class IndicatorIndexView(generic.IndexView):
    def get_base_queryset(self):
        return scope_for(self.request.user).filter(
            super().get_base_queryset().select_related("programme"), "programme"
        )


class RuleSummaryMixin:
    """The counting rule in words and the ways to the dashboard and the evidence."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator = getattr(self, "object", None)
        if indicator is not None and indicator.pk:
            context["rule"] = rule_summary(indicator)
            context["dashboard_url"] = reverse(
                "impact_admin:dashboard", args=[indicator.programme_id]
            )
            context["evidence_url"] = reverse("impact_admin:evidence", args=[indicator.pk])
        return context


class IndicatorCreateView(generic.CreateView):
    template_name = "impact/admin/indicator_form.html"

    def get_initial(self):
        initial = super().get_initial()
        wanted = self.request.GET.get("programme", "")
        if wanted.isdigit() and programmes_for(self.request.user).filter(pk=wanted).exists():
            initial["programme"] = int(wanted)
        return initial


class IndicatorEditView(ScopedIndicator, RuleSummaryMixin, generic.EditView):
    template_name = "impact/admin/indicator_form.html"


class IndicatorDeleteView(ScopedIndicator, generic.DeleteView):
    pass


class IndicatorHistoryView(ScopedIndicator, history.HistoryView):
    pass


class IndicatorUsageView(ScopedIndicator, usage.UsageView):
    pass


def _choice_labels(values, choices) -> list[str]:
    names = dict(choices)
    return [str(names.get(value, value)) for value in values or []]


class IndicatorInspectView(ScopedIndicator, RuleSummaryMixin, generic.InspectView):
    """The indicator's facts in words: codes become labels, empty lists say "anyone"."""

    template_name = "impact/admin/indicator_inspect.html"

    def get_object(self, queryset=None):
        return super().get_object(queryset)

    def get_kinds_display_value(self):
        return join_or(_choice_labels(self.object.kinds, ParticipationKind.choices))

    def get_roles_display_value(self):
        return join_or(_choice_labels(self.object.roles, Role.choices)) or _("Any")

    def get_sectors_display_value(self):
        return join_or(_choice_labels(self.object.sectors, Sector.choices)) or _("Any")

    def get_countries_display_value(self):
        return join_or(_choice_labels(self.object.countries, Country.choices)) or _("Any")

    def get_regions_display_value(self):
        return join_or([region.name for region in self.object.regions.all()]) or _("Any")

    def get_activity_kinds_display_value(self):
        from .describe import _activity_kind_choices

        return join_or(_choice_labels(self.object.activity_kinds, _activity_kind_choices())) or _(
            "Any"
        )

    def get_breakdowns_display_value(self):
        return join_and(_choice_labels(self.object.breakdowns, LedgerBreakdown.choices)) or _(
            "None"
        )

    def get_target_display_value(self):
        return self.object.target if self.object.target is not None else _("No target")


class IndicatorViewSet(ModelViewSet):
    model = Indicator
    icon = ICON
    menu_label = _("Indicators")
    add_to_admin_menu = False
    url_prefix = "impact/indicators"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        Column("name", label=_("Indicator"), accessor="name"),
        "code",
        "programme",
        "level",
        "target",
    ]
    filterset_class = IndicatorFilterSet
    search_fields = ["name", "code", "description"]
    ordering = ["programme__name", "sort_order", "pk"]
    inspect_view_fields = [
        "programme",
        "code",
        "name",
        "description",
        "unit",
        "level",
        "means_of_verification",
        "baseline",
        "target",
        "kinds",
        "measure",
        "accumulation",
        "period",
        "roles",
        "sectors",
        "countries",
        "regions",
        "activity_kinds",
        "activity_scope",
        "breakdowns",
    ]

    index_view_class = IndicatorIndexView
    add_view_class = IndicatorCreateView
    edit_view_class = IndicatorEditView
    delete_view_class = IndicatorDeleteView
    inspect_view_class = IndicatorInspectView
    history_view_class = IndicatorHistoryView
    usage_view_class = IndicatorUsageView

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("programme"),
                    FieldPanel("code"),
                    FieldPanel("name"),
                    FieldPanel("description"),
                    FieldPanel("unit"),
                    FieldPanel("level"),
                    FieldPanel("means_of_verification"),
                ],
                heading=_("The indicator"),
            ),
            MultiFieldPanel(
                [FieldPanel("baseline"), FieldPanel("target")],
                heading=_("Baseline and target"),
            ),
            InlinePanel(
                "period_targets",
                heading=_("Targets per period"),
                label=_("Target for a period"),
                help_text=_(
                    "Optional: what the programme promised by the end of a period (for a "
                    "cumulative indicator) or within it (per period). Give the first day of "
                    "the period; it must fall within the programme's dates."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("kinds"),
                    FieldPanel("measure"),
                    FieldPanel("accumulation"),
                    FieldPanel("period"),
                ],
                heading=_("What counts"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("roles"),
                    FieldPanel("sectors"),
                    FieldPanel("countries"),
                    FieldPanel("regions"),
                    FieldPanel("activity_kinds"),
                    FieldPanel("activity_scope"),
                    FieldPanel("chosen_activities"),
                ],
                heading=_("Only some of it (leave empty to count everything)"),
            ),
            MultiFieldPanel(
                [FieldPanel("breakdowns"), FieldPanel("sort_order")],
                heading=_("Reporting"),
            ),
        ],
        base_form_class=IndicatorForm,
    )
