"""Reads about people."""

from collections.abc import Callable

from django.utils import timezone

from impact.models import Participation

from .models import Consent, Profile, User

# Feature apps add what they hold about a person (enrolments, registrations, certificates)
# without people importing them: a section is a name and a function of the user that
# returns JSON-ready data.
_DATA_SECTIONS: dict[str, Callable] = {}


def register_data_section(name: str, provider: Callable) -> Callable:
    _DATA_SECTIONS[name] = provider
    return provider


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
        "participation": [
            {
                "kind": row.kind,
                "occurred_at": row.occurred_at.isoformat(),
                "source": f"{row.source_type.app_label}.{row.source_type.model}:{row.source_id}",
                "snapshot": {
                    "role": row.role,
                    "sector": row.sector,
                    "country": row.country,
                    "region": row.region,
                    "gender": row.gender,
                    "age_band": row.age_band,
                    "migrant_background": row.migrant_background,
                },
            }
            for row in Participation.objects.filter(person=user).select_related("source_type")
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
    for name, provider in sorted(_DATA_SECTIONS.items()):
        data[name] = provider(user)
    return data


def active_consents(*, user: User) -> dict[str, Consent]:
    return {c.field: c for c in Consent.objects.filter(user=user, withdrawn_at__isnull=True)}
