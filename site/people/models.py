"""People: the user (e-mail login), their profile, organisations, regions and consent."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.timezones import zone_known, zone_label

from .enums import (
    AgeBand,
    Country,
    DemographicField,
    Gender,
    MigrantBackground,
    RegionKind,
    Role,
    Sector,
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with their e-mail address. Names live on the profile."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        profile = getattr(self, "profile", None)
        if profile is not None and profile.display_name:
            return profile.display_name
        return self.email.split("@", 1)[0]

    # Wagtail's admin shows these.
    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A region or municipality, e.g. "Gjilan/Gnjilane" (XK) or "Kaunas region" (LT)."""

    name = models.CharField(_("name"), max_length=120)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices)
    kind = models.CharField(
        _("kind"), max_length=16, choices=RegionKind.choices, default=RegionKind.MUNICIPALITY
    )

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("region or municipality")
        verbose_name_plural = _("regions and municipalities")
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="region_unique_per_country")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"


class Profile(models.Model):
    """What a person tells us about themselves. Demographics only with consent."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(
        _("display name"),
        max_length=120,
        blank=True,
        help_text=_("How your name appears on certificates and to organisers."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region or municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    # Only for online events: their times are also given in this zone. Empty: not shown.
    time_zone = models.CharField(
        _("your time zone"),
        max_length=64,
        blank=True,
        help_text=_(
            "Online events also show their times in this zone. Leave it empty to see only "
            "the event's own time."
        ),
    )
    # Optional demographics: set only while the matching consent is active.
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    age_band = models.CharField(_("age band"), max_length=16, choices=AgeBand.choices, blank=True)
    migrant_background = models.CharField(
        _("migrant background"), max_length=16, choices=MigrantBackground.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        permissions = [
            ("use_professional_track", _("Can use the professional track")),
            ("use_mentor_track", _("Can use the mentor track")),
        ]

    def __str__(self) -> str:
        return self.display_name or str(self.user_id)

    def clean(self):
        super().clean()
        if self.time_zone and not zone_known(self.time_zone):
            raise ValidationError({"time_zone": _("Choose a time zone from the list.")})

    @property
    def time_zone_label(self) -> str:
        """The zone as the profile form names it ("Lithuania — Vilnius"), or ""."""
        if not self.time_zone:
            return ""
        return zone_label(self.time_zone, self.country, country_names=dict(Country.choices))

    @property
    def role(self) -> str:
        from .roles import user_role

        return user_role(self.user)


class Consent(models.Model):
    """Explicit, timestamped consent to one demographic question. Withdrawal keeps the
    record (when it was given and withdrawn) but erases the answer."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    field = models.CharField(_("question"), max_length=32, choices=DemographicField.choices)
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "field"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="consent_one_active_per_field",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.field}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class Invitation(models.Model):
    """An account an organiser created for someone (bulk enrolment, a sign-in sheet). The
    person sets their own password from the invitation e-mail; one invitation per person,
    however many times their name is imported."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitation"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    # A record, not content.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return str(self.user_id)


__all__ = ["Consent", "Invitation", "Organisation", "Profile", "Region", "Role", "User"]
