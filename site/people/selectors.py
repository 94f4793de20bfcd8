"""Reads about people."""

from django.utils import timezone

from .hooks import data_sections, register_data_section
from .models import Consent, Profile, User

# Feature apps, certificates and the ledger add what they hold about a person through
# people.hooks.register_data_section (re-exported here, where apps have always found it).
__all__ = ["active_consents", "person_data_export", "register_data_section"]


def person_data_export(*, user: User) -> dict:
    """Everything Linkage holds about a person, as JSON-ready data (GDPR access)."""
    profile = Profile.objects.select_related("organisation", "region").filter(user=user).first()
    data: dict = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": list(user.groups.values_list("name", flat=True)),
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in user.emailaddress_set.all()
            ],
        },
        "profile": None,
        "consents": [
            {
                "question": c.field,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in Consent.objects.filter(user=user).order_by("given_at")
        ],
    }
    if profile is not None:
        data["profile"] = {
            "display_name": profile.display_name,
            "organisation": profile.organisation.name if profile.organisation else None,
            "sector": profile.sector,
            "country": profile.country,
            "region": profile.region.name if profile.region else None,
            "languages": profile.languages,
            "preferred_language": profile.preferred_language,
            "gender": profile.gender,
            "age_band": profile.age_band,
            "migrant_background": profile.migrant_background,
        }
    data.update(data_sections(user))
    return data


def active_consents(*, user: User) -> dict[str, Consent]:
    return {c.field: c for c in Consent.objects.filter(user=user, withdrawn_at__isnull=True)}
