"""Writes about people: profiles, consent, data export and account deletion."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import hooks
from .enums import DEMOGRAPHIC_CHOICES, DemographicField
from .models import Consent, Profile, User
from .roles import role_assign


def profile_get_or_create(*, user: User) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def person_register(*, user: User, display_name: str, role: str) -> Profile:
    """Finish a sign-up: a profile and a role (professional or mentor, never organiser)."""
    from .enums import Role

    if role not in (Role.PROFESSIONAL, Role.MENTOR):
        raise ValidationError(_("Choose the professional or the mentor track."))
    from django.conf import settings
    from django.utils import translation

    profile = profile_get_or_create(user=user)
    profile.display_name = display_name.strip()
    # She signed up in a language: her e-mails and certificates speak it until she chooses
    # another (the profile's default is English, which would never give way).
    language = translation.get_language()
    if profile.preferred_language == settings.LANGUAGE_CODE and language in dict(
        settings.LANGUAGES
    ):
        profile.preferred_language = language
    profile.full_clean()
    profile.save()
    role_assign(user=user, role=role)
    return profile


def profile_update(*, profile: Profile, **fields) -> Profile:
    """Update the non-demographic profile fields. Demographics go through consent."""
    demographic = {f.value for f in DemographicField}
    for name, value in fields.items():
        if name in demographic:
            raise ValidationError(_("Demographic answers need consent."))
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def demographic_answer(*, user: User, field: str, value: str) -> Consent:
    """Record an answer to an optional demographic question, with timestamped consent."""
    if field not in DEMOGRAPHIC_CHOICES:
        raise ValidationError(_("Unknown question."))
    if value not in DEMOGRAPHIC_CHOICES[field].values:
        raise ValidationError(_("Choose one of the answers offered."))
    consent = Consent.objects.filter(user=user, field=field, withdrawn_at__isnull=True).first()
    if consent is None:
        consent = Consent.objects.create(user=user, field=field, given_at=timezone.now())
    profile = profile_get_or_create(user=user)
    setattr(profile, field, value)
    profile.save(update_fields=[field, "updated_at"])
    return consent


@transaction.atomic
def consent_withdraw(*, user: User, field: str) -> bool:
    """Withdraw consent: erase the answer from the profile and, through the "consent
    withdrawn" hooks, from every copy another app keeps (the ledger's snapshots)."""
    if field not in DEMOGRAPHIC_CHOICES:
        raise ValidationError(_("Unknown question."))
    withdrawn = Consent.objects.filter(user=user, field=field, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    profile = profile_get_or_create(user=user)
    setattr(profile, field, "")
    profile.save(update_fields=[field, "updated_at"])
    hooks.consent_withdrawn(person=user, field=field)
    return bool(withdrawn)


@transaction.atomic
def account_delete(*, user: User) -> dict:
    """Delete a person. The "person deleted" hooks run first (the ledger anonymises their
    rows, so programme counts stay).

    Returns what each hook reported, by name (e.g. ``{"participation": 3}`` rows kept
    anonymously). The user model's pre_delete runs the hooks again; they find nothing left.
    """
    reports = hooks.person_deleting(user)
    user.delete()
    return reports
