from .people import (
    PASSWORD,
    OrganisationFactory,
    ProfileFactory,
    RegionFactory,
    UserFactory,
    totp_activate,
    user_with_role,
)

__all__ = [
    "PASSWORD",
    "OrganisationFactory",
    "ProfileFactory",
    "RegionFactory",
    "UserFactory",
    "totp_activate",
    "user_with_role",
]
