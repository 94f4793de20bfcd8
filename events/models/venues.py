"""Venues: where events happen, with what a disabled participant needs to know."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from people.enums import Country


class Venue(models.Model):
    """A place where events happen, with what a disabled participant needs to know."""

    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))
    city = models.CharField(_("town or city"), max_length=120)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices)
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Entrances, lifts, parking, seating, lighting: what someone should know."),
    )
    directions = models.TextField(_("directions"), blank=True)
    address_private = models.BooleanField(
        _("confidential address"),
        default=False,
        help_text=_(
            "For a shelter, a women's centre or any place whose address must not be public: "
            "the name, address and directions go only to people with a confirmed place, and "
            "everyone else sees the town."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        MultiFieldPanel(
            [
                FieldPanel("step_free"),
                FieldPanel("accessible_toilet"),
                FieldPanel("hearing_loop"),
                FieldPanel("quiet_room"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        FieldPanel("directions"),
        FieldPanel("address_private"),
    ]

    class Meta:
        ordering = ["country", "city", "name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    @property
    def access_features(self) -> list[str]:
        labels = [
            (self.step_free, _("Step-free access")),
            (self.accessible_toilet, _("Accessible toilet")),
            (self.hearing_loop, _("Hearing loop")),
            (self.quiet_room, _("Quiet room")),
        ]
        return [str(label) for present, label in labels if present]
