"""A programme: one funded piece of work (a country network, a coalition, a partnership)
with its organisers. What belongs to it (course and event pages, later mentoring pools,
campaigns and indicators) points here; ``programmes.selectors`` says what each organiser
may see."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import ChoiceListField
from people.enums import Country


def _validate_time_zone(value: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(name)s” is not a time zone. Choose one from the list.") % {"name": value}
        ) from error


# The years a programme's dates may fall in.
PROGRAMME_YEARS = (2000, 2100)


class Programme(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("short name"),
        max_length=60,
        unique=True,
        help_text=_("Used in addresses and file names, e.g. “kosovo”."),
    )
    lead_organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_programmes",
    )
    partner_organisations = models.ManyToManyField(
        "people.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_programmes",
    )
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    grant_number = models.CharField(_("contract or grant number"), max_length=100, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    countries = ChoiceListField(_("countries"), item_choices=Country.choices, blank=True)
    languages = ChoiceListField(_("working languages"), item_choices=settings.LANGUAGES, blank=True)
    time_zone = models.CharField(
        _("default time zone"),
        max_length=64,
        default="Europe/Brussels",
        validators=[_validate_time_zone],
        help_text=_("New events of this programme start in this time zone."),
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_programmes",
    )
    # Wagtail's own permission system does the page, image and document rights: the
    # programme's organisers are this group; it has page permissions on the programme's
    # sections of the page tree and collection permissions on its collection.
    group = models.OneToOneField(
        Group, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A programme cannot end before it starts.")})
        # A mistyped year ("0026" for 2026) would make reports of two thousand years.
        for name in ("starts_on", "ends_on"):
            value = getattr(self, name)
            if value and not (PROGRAMME_YEARS[0] <= value.year <= PROGRAMME_YEARS[1]):
                raise ValidationError(
                    {
                        name: _("Give a year from %(first)s to %(last)s.")
                        % {"first": PROGRAMME_YEARS[0], "last": PROGRAMME_YEARS[1]}
                    }
                )
