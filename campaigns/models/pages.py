"""The campaign pages: a listing, one section per programme, campaigns and their partners.

``CampaignIndexPage`` (``/campaigns/``) → ``CampaignSectionPage`` (one per programme, its
organisers' page rights) → ``CampaignPage`` → ``CampaignPartnerPage`` (coalition partners,
each with its own localised page and pledge form). A campaign's days, linked events,
toolkit and stories are inline rows of its page, so they are translated and published with
it. What a page shows is assembled in ``campaigns.pages_serve``; totals come from
``PledgeTotal`` (kept by a task, never counted per request).
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.timezones import ZoneSelect, zone_choices, zone_known
from home.blocks import BodyBlock
from people.enums import Country
from programmes.pages import ProgrammeOwned, ProgrammeSection

from ..colours import UNITE_ORANGE, palette
from ..enums import ToolkitKind

HEX_COLOUR = RegexValidator(
    r"^#[0-9A-Fa-f]{6}$", _("Enter a colour as # and six hexadecimal digits, e.g. #F7941D.")
)


def sixteen_days_start() -> date:
    """25 November of this year (the International Day for the Elimination of Violence
    against Women): the default first day."""
    return date(timezone.localdate().year, 11, 25)


def sixteen_days_end() -> date:
    """10 December of this year (Human Rights Day): the default last day."""
    return date(timezone.localdate().year, 12, 10)


def _language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class CampaignIndexPage(RoutablePageMixin, Page):
    """Every campaign: running ones first, then coming, then past."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignSectionPage", "campaigns.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaigns listing")

    @path("")
    def listing(self, request):
        from ..pages_serve import campaign_index

        return campaign_index(request, self)


class CampaignSectionPage(ProgrammeSection, Page):
    """One programme's campaigns: its organisers create, edit and publish them."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("programme"), FieldPanel("intro")]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("programme's campaigns")
        verbose_name_plural = _("programmes' campaigns")

    def serve(self, request, *args, **kwargs):
        from ..pages_serve import campaign_section

        return campaign_section(request, self)

    def serve_preview(self, request, mode_name):
        from ..pages_serve import campaign_section

        return campaign_section(request, self)


class KeyMessagesBlock(blocks.StreamBlock):
    message = blocks.CharBlock(label=_("Key message"), max_length=280)

    class Meta:
        label = _("Key messages")


class CampaignPage(ProgrammeOwned, RoutablePageMixin, Page):
    theme = models.CharField(
        _("theme"),
        max_length=200,
        help_text=_(
            'This year\'s theme, e.g. "UNiTE to end digital violence against all women and girls".'
        ),
    )
    intro = models.CharField(_("introduction"), max_length=400, blank=True)
    starts_on = models.DateField(_("first day"), default=sixteen_days_start)
    ends_on = models.DateField(_("last day"), default=sixteen_days_end)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        help_text=_("The campaign's days begin and end at midnight in this zone."),
    )
    key_messages = StreamField(KeyMessagesBlock(), blank=True, use_json_field=True)
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default=UNITE_ORANGE,
        validators=[HEX_COLOUR],
        help_text=_(
            "The campaign's accent colour (orange, the UNiTE colour, by default). Text on it "
            "is black or white, whichever is easier to read; a darker shade is used where "
            "it must stand out from the white page."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    pledges_open = models.BooleanField(_("pledges open"), default=True)
    pledge_target = models.PositiveIntegerField(_("pledge target"), null=True, blank=True)
    reach_target = models.PositiveIntegerField(
        _("people to reach"),
        null=True,
        blank=True,
        help_text=_("The number of people the campaign aims to reach, e.g. 15000."),
    )
    pledge_wall = models.BooleanField(
        _("pledge wall"),
        default=True,
        help_text=_("Show approved pledges of those who asked to appear on the wall."),
    )
    closing_summary = RichTextField(
        _("closing summary"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Shown after the last day, above the totals."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldPanel("time_zone", widget=ZoneSelect(choices=zone_choices)),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("shared_with"),
        FieldPanel("key_messages"),
        MultiFieldPanel(
            [FieldPanel("colour"), FieldPanel("hero_image"), FieldPanel("hero_alt")],
            heading=_("Look"),
        ),
        FieldPanel("body"),
        InlinePanel("days", heading=_("Day by day"), label=_("Day")),
        InlinePanel("event_links", heading=_("Events"), label=_("Event")),
        InlinePanel("toolkit", heading=_("Toolkit"), label=_("Material")),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Publish a story only with the consent of the person it is about, "
                        "recorded below. Never include names, places, dates or details that "
                        "could identify her or anyone else."
                    )
                ),
                InlinePanel("stories", label=_("Story")),
            ],
            heading=_("Stories"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("pledges_open"),
                FieldPanel("pledge_target"),
                FieldPanel("pledge_wall"),
                FieldPanel("reach_target"),
            ],
            heading=_("Pledges and reach"),
        ),
        FieldPanel("closing_summary"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage", "campaigns.CampaignSectionPage"]
    subpage_types = ["campaigns.CampaignPartnerPage"]
    # Not text to translate: the same colour and zone in every language.
    override_translatable_fields = [
        SynchronizedField("colour"),
        SynchronizedField("time_zone"),
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
    ]

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot be before the first day.")
        if self.time_zone and not zone_known(self.time_zone):
            errors["time_zone"] = _("Choose a time zone from the list, e.g. Europe/Vilnius.")
        if self.hero_image_id and not self.hero_alt.strip():
            errors["hero_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    @property
    def palette(self) -> dict[str, str]:
        return palette(self.colour)

    @path("")
    def campaign(self, request):
        from ..pages_serve import campaign_page

        return campaign_page(request, self)

    @path("calendar/")
    def calendar_feed(self, request):
        from ..sharing import campaign_calendar

        return campaign_calendar(request, self)

    @path("share-image/")
    def share_image(self, request):
        from ..sharing import share_image

        return share_image(request, self)

    @path("poster/")
    def poster(self, request):
        from ..sharing import poster_pdf

        return poster_pdf(request, self)


class CampaignPartnerPage(Page):
    """One partner organisation of a (coalition) campaign: its own localised page and pledge
    form; its pledges add to the campaign's total and to its own."""

    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.CharField(_("introduction"), max_length=400, blank=True)
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)
    pledge_target = models.PositiveIntegerField(_("pledge target"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("pledge_target"),
    ]
    parent_page_types = ["campaigns.CampaignPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign partner")

    def serve(self, request, *args, **kwargs):
        from ..pages_serve import partner_page

        return partner_page(request, self)

    def serve_preview(self, request, mode_name):
        from ..pages_serve import partner_page

        return partner_page(request, self)


class CampaignDay(TranslatableMixin, Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="days")
    day = models.DateField(_("day"))
    theme = models.CharField(_("theme of the day"), max_length=200)
    action = models.TextField(_("action"), help_text=_("What people can do today."))
    share_text = models.CharField(
        _("share text"),
        max_length=280,
        blank=True,
        help_text=_("A short text for people to share, with the campaign's hashtag."),
    )
    resources = RichTextField(_("resources"), blank=True, features=["link", "document-link", "ul"])

    panels = [
        FieldPanel("day"),
        FieldPanel("theme"),
        FieldPanel("action"),
        FieldPanel("share_text"),
        FieldPanel("resources"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("day")
        verbose_name_plural = _("days")

    def clean(self):
        super().clean()
        page = self.page
        known = self.day and page.starts_on and page.ends_on
        if known and not page.starts_on <= self.day <= page.ends_on:
            raise ValidationError(
                {"day": _("Choose a day between the campaign's first and last day.")}
            )


class CampaignEvent(Orderable):
    """An event of the campaign: a real relation, so the campaign's calendar and the events
    listing's campaign filter follow it."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="event_links")
    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("event", page_type=["events.EventPage", "events.StudyVisitPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("campaign event")
        constraints = [
            models.UniqueConstraint(fields=["page", "event"], name="campaign_event_once"),
        ]


class ToolkitItem(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="toolkit")
    kind = models.CharField(_("kind"), max_length=16, choices=ToolkitKind.choices)
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=12, choices=_language_choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_("What the material shows or says (also the image's text alternative)."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("language"),
        FieldPanel("document"),
        FieldPanel("image"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("toolkit material")
        verbose_name_plural = _("toolkit")

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.image_id):
            raise ValidationError(_("Choose either a document or an image."))
        if self.image_id and not self.description.strip():
            raise ValidationError(
                {"description": _("Describe the image for people who cannot see it.")}
            )


class CampaignStory(TranslatableMixin, Orderable):
    """A story told with the consent of the person it is about, recorded here; never with
    details that identify her."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="stories")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("story"),
        help_text=_(
            "No names, places, dates, workplaces, children's details or anything else that "
            "could identify her or anyone else."
        ),
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=120,
        blank=True,
        help_text=_(
            'How she wishes to be named, without identifying her, e.g. "A mentor in Athens".'
        ),
    )
    consent_recorded_on = models.DateField(
        _("consent recorded on"),
        help_text=_("The day she agreed to this story being published."),
        error_messages={
            "required": _("A story is published only with her consent: enter the day she agreed.")
        },
    )
    consent_record = models.CharField(
        _("how consent was recorded"),
        max_length=250,
        error_messages={
            "required": _("A story is published only with her consent: say how it was recorded.")
        },
        help_text=_('E.g. "Signed consent form, kept by the mentoring coordinator". Never shown.'),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("attribution"),
        FieldRowPanel([FieldPanel("consent_recorded_on"), FieldPanel("consent_record")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("story")
        verbose_name_plural = _("stories")
