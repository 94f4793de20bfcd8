"""Factories for people: users (with a profile and a verified e-mail address),
organisations and regions, and a helper that gives a person a role."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from factory.django import DjangoModelFactory

from people.enums import Country, RegionKind, Sector
from people.models import Organisation, Profile, Region, User
from people.roles import role_assign

PASSWORD = "a-long-test-passphrase"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Centre for Social Welfare {n}")
    country = Country.XK
    sector = Sector.SOCIAL_SERVICES


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("country", "name")

    name = factory.Sequence(lambda n: f"Municipality {n}")
    country = Country.XK
    kind = RegionKind.MUNICIPALITY


class ProfileFactory(DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    user = factory.SubFactory("tests.factories.people.UserFactory", profile=None)
    display_name = factory.Sequence(lambda n: f"Person {n}")


class UserFactory(DjangoModelFactory):
    """A person who can sign in: password ``PASSWORD``, a verified primary e-mail address
    (pass ``email_verified=False`` for a fresh sign-up) and a profile."""

    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password(PASSWORD)
    profile = factory.RelatedFactory(ProfileFactory, factory_related_name="user")

    @factory.post_generation
    def email_verified(self, create, extracted, **kwargs):
        if not create:
            return
        EmailAddress.objects.update_or_create(
            user=self,
            email=self.email,
            defaults={"verified": True if extracted is None else extracted, "primary": True},
        )


def user_with_role(role: str, **kwargs) -> User:
    """A person with a role group (``Role.PROFESSIONAL``, ``MENTOR`` or ``ORGANISER``).

    Profile fields go in with a ``profile__`` prefix: ``profile__sector=Sector.POLICE``.
    """
    user = UserFactory(**kwargs)
    role_assign(user=user, role=role)
    return user


def totp_activate(user: User) -> Authenticator:
    """Give a person a TOTP authenticator, as finishing allauth's set-up would."""
    return TOTP.activate(user, generate_totp_secret()).instance


__all__ = [
    "PASSWORD",
    "OrganisationFactory",
    "ProfileFactory",
    "RegionFactory",
    "UserFactory",
    "totp_activate",
    "user_with_role",
]
