"""The home page, standard pages and the site settings that keep visitors safe."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from people.enums import Country

from .blocks import BodyBlock

# The campaign the home page's 16 Days block announces, from the app that has campaigns
# (home imports no feature app): ``fn(request) -> dict | None`` with its title, theme, url,
# dates (and lang/dir when its words are in another language than the page's).
HOME_CAMPAIGN_HOOK = "linkage_home_campaign"


def home_campaign(request) -> dict | None:
    """The first campaign a ``linkage_home_campaign`` hook gives; None without one."""
    for hook in hooks.get_hooks(HOME_CAMPAIGN_HOOK):
        found = hook(request)
        if found:
            return found
    return None


class HomePage(Page):
    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_campaign"] = home_campaign(request)
        return context


class StandardPage(Page):
    """About, privacy, safety and other plain pages."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    # A public impact page (impact.ImpactPage) may sit under a page such as "About".
    subpage_types = ["home.StandardPage", "impact.ImpactPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="warning")
class SafetySettings(ClusterableModel, BaseSiteSetting):
    """Quick exit, contacts and helplines, editable per site in the admin."""

    # The footer links to the privacy page on every page: read it with the settings.
    select_related = ["privacy_page"]

    exit_url = models.URLField(
        _("quick exit address"),
        default=settings.LINKAGE_DEFAULT_EXIT_URL,
        help_text=_(
            "A neutral site that shows nothing personal, such as a weather or search page. "
            "Quick exit sends visitors there."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    emergency_note = RichTextField(
        _("emergency note"),
        blank=True,
        features=["bold", "link"],
        help_text=_("E.g. 'In immediate danger, call 112.'"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("exit_url"), FieldPanel("privacy_page")],
            heading=_("Safety"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contacts"),
        ),
        FieldPanel("emergency_note"),
        InlinePanel("helplines", heading=_("Helplines per country"), label=_("Helpline")),
    ]

    class Meta:
        verbose_name = _("safety and contacts")


class Helpline(Orderable):
    settings = ParentalKey(SafetySettings, on_delete=models.CASCADE, related_name="helplines")
    country = models.CharField(_("country"), max_length=8, choices=Country.choices)
    name = models.CharField(_("name"), max_length=120)
    number = models.CharField(_("number"), max_length=40)
    hours = models.CharField(_("hours"), max_length=80, blank=True, help_text=_("E.g. 24/7"))
    free_of_charge = models.BooleanField(_("free of charge"), default=True)

    panels = [
        FieldPanel("country"),
        FieldPanel("name"),
        FieldPanel("number"),
        FieldPanel("hours"),
        FieldPanel("free_of_charge"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("helpline")

    def __str__(self) -> str:
        return f"{self.name} {self.number}"

    @property
    def tel(self) -> str:
        return "".join(ch for ch in self.number if ch.isdigit() or ch == "+")
