from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _anonymise_person(user) -> int:
    # However a person is deleted (My Linkage, the Wagtail admin, the shell), their ledger
    # rows are detached and anonymised first, so programme counts survive without them.
    from .services import participation_anonymise_person

    return participation_anonymise_person(person=user)


def _forget_attribute(*, person, field: str) -> None:
    from .services import DEMOGRAPHIC_ATTRIBUTES, participation_forget_attribute

    if field in DEMOGRAPHIC_ATTRIBUTES:
        participation_forget_attribute(person=person, attribute=field)


def _person_totals(user) -> dict[str, int]:
    from .selectors import participation_totals

    return participation_totals(person=user)


class ImpactConfig(AppConfig):
    name = "impact"
    verbose_name = _("Impact")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The ledger plugs into people's hooks; people never imports impact.
        from people.dashboard import register_totals
        from people.hooks import (
            register_consent_withdrawn,
            register_data_section,
            register_person_deleted,
        )

        from .selectors import person_participation_data

        register_data_section("participation", person_participation_data)
        register_person_deleted("participation", _anonymise_person)
        register_consent_withdrawn("participation", _forget_attribute)
        register_totals("participation", _person_totals)

        # Organisers keep their programmes' indicators and enter numbers by hand
        # (impact.admin.permissions; each view keeps them to their own programmes).
        from people.enums import Role
        from people.roles import register_permissions

        from .admin.permissions import ORGANISER_PERMISSIONS

        register_permissions(Role.ORGANISER, *ORGANISER_PERMISSIONS)
