"""The public impact page: the indicators an organiser chooses to show the world.

An ``ImpactPage`` lists indicators (``ImpactPageIndicator``, inline rows of the page, so
they are translated and published with it: a public name, unit and caption in every
language). What it shows is always suppressed as for the public: a count under the threshold
is "<5", and complementary suppression hides whatever would let it be worked out
(``impact.indicators.present``). The page is the same for every anonymous visitor and is
served from the full-page cache (``core.page_cache``): a recount saves an
``IndicatorValue``, which makes cached pages stale (registered below).

A page renders in a fixed number of queries however many indicators it shows: the rows,
their indicators, programmes and stored values come in one query.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.fields import ChoiceListField
from core.page_cache import cache_for, shown_on_pages_register

from .models.indicators import BREAKDOWN_CHOICES, Indicator

# A recount (``IndicatorValue`` saved) or an edited indicator changes what public impact
# pages show: every cached page is stale from then on.
shown_on_pages_register("impact.IndicatorValue", "impact.Indicator")

# Values are recounted at least every 15 minutes (the beat task) and each recount makes
# the cache stale; a day's turn also changes the current period: keep a page no longer.
PAGE_CACHE_SECONDS = 15 * 60


def indicators_choosable(user, *, keep=()) -> models.QuerySet[Indicator]:
    """The indicators ``user`` may put on a public page: those of the programmes they run
    (all for an admin), and the ones the page already shows (``keep``), so another editor
    can save the page without losing them."""
    from programmes.selectors import scope_for

    scope = scope_for(user)
    own = scope.filter(Indicator.objects.all(), "programme")
    keep = [pk for pk in keep if pk]
    if keep:
        own = Indicator.objects.filter(models.Q(pk__in=own.values("pk")) | models.Q(pk__in=keep))
    return own.select_related("programme").order_by("programme__name", "sort_order", "pk")


class ImpactPageForm(WagtailAdminPageForm):
    """Each row's indicator is chosen among the editor's programmes' indicators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("impact_indicators")
        if formset is None or self.for_user is None:
            return
        keep = [row.indicator_id for row in self.instance.impact_indicators.all()]
        queryset = indicators_choosable(self.for_user, keep=keep)
        base = formset.form

        class RowForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields.get("indicator")
                if field is not None:
                    field.queryset = queryset
                    field.label_from_instance = _indicator_choice_label

        RowForm.__name__ = base.__name__
        formset.form = RowForm


def _indicator_choice_label(indicator: Indicator) -> str:
    return f"{indicator.programme.name}: {indicator}"


class ImpactPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    method_notes = RichTextField(
        _("notes on method"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("How the numbers are counted, for readers who want to know."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "impact_indicators",
            heading=_("Indicators shown"),
            label=_("Indicator"),
            help_text=_(
                "Numbers from 1 to 4 are always shown as “<5” on this page, and other "
                "numbers are hidden where they would let someone work them out."
            ),
        ),
        FieldPanel("method_notes"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types: list[str] = []
    base_form_class = ImpactPageForm

    class Meta:
        verbose_name = _("impact page")

    def serve(self, request, *args, **kwargs):
        return impact_page_response(request, self)

    def serve_preview(self, request, mode_name):
        return impact_page_response(request, self, preview=True)


class ImpactPageIndicator(TranslatableMixin, Orderable):
    page = ParentalKey(ImpactPage, on_delete=models.CASCADE, related_name="impact_indicators")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="+"
    )
    public_name = models.CharField(
        _("name on the page"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to show the indicator's own name."),
    )
    public_unit = models.CharField(
        _("unit on the page"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to show the indicator's own unit, e.g. “women”."),
    )
    caption = models.TextField(
        _("caption"), blank=True, help_text=_("A sentence for the public on what is counted.")
    )
    breakdowns = ChoiceListField(
        _("breakdowns shown"),
        item_choices=BREAKDOWN_CHOICES,
        blank=True,
        help_text=_(
            "Only breakdowns the indicator is disaggregated by. Small numbers are hidden in "
            "them too."
        ),
    )

    panels = [
        FieldPanel("indicator"),
        FieldPanel("public_name"),
        FieldPanel("public_unit"),
        FieldPanel("caption"),
        FieldPanel("breakdowns"),
    ]
    # The same indicator and breakdowns in every language; only the words are translated.
    override_translatable_fields = [
        SynchronizedField("indicator"),
        SynchronizedField("breakdowns"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator shown")
        verbose_name_plural = _("indicators shown")

    def __str__(self) -> str:
        return self.public_name or str(self.indicator)

    def clean(self):
        super().clean()
        if self.indicator_id and self.breakdowns:
            offered = set(self.indicator.breakdowns or [])
            unknown = [key for key in self.breakdowns if key not in offered]
            if unknown:
                raise ValidationError(
                    {
                        "breakdowns": _(
                            "This indicator is not disaggregated by %(names)s. Choose among "
                            "its own breakdowns, or none."
                        )
                        % {"names": ", ".join(_breakdown_labels(unknown))}
                    }
                )


def _breakdown_labels(keys) -> list[str]:
    names = dict(BREAKDOWN_CHOICES)
    return [str(names.get(key, key)) for key in keys]


def impact_page_response(request, page: ImpactPage, *, preview: bool = False):
    from .pages_serve import impact_page_context

    context = impact_page_context(request, page, preview=preview)
    response = TemplateResponse(request, page.get_template(request), context)
    return cache_for(response, PAGE_CACHE_SECONDS)
