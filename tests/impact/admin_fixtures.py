"""Fixtures and helpers of the impact admin's tests (indicators, dashboard, manual entries).

``organiser`` runs "Test programme" (Lithuania), ``other_organiser`` runs "Other programme"
(Kosovo); ``co_organiser`` is a second organiser of "Test programme" (she approves what
``organiser`` enters). Import with ``from .admin_fixtures import *``."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

import pytest

from impact import activities
from impact.enums import IndicatorMeasure, ParticipationKind
from impact.models import Indicator, IndicatorValue
from people.models import Organisation
from tests.factories import OrganisationFactory, totp_activate

__all__ = [
    "activity_choices",
    "admin_client",
    "co_organiser",
    "co_organiser_client",
    "indicator_make",
    "organiser_client",
    "other_client",
    "value_store",
]


@pytest.fixture
def organiser_client(client, organiser):
    totp_activate(organiser)
    client.force_login(organiser)
    return client


@pytest.fixture
def other_client(client, other_organiser):
    totp_activate(other_organiser)
    client.force_login(other_organiser)
    return client


@pytest.fixture
def admin_client(client, superuser):
    totp_activate(superuser)
    client.force_login(superuser)
    return client


@pytest.fixture
def co_organiser(programme):
    from tests.factories.programmes import organiser_of

    user = organiser_of(programme, email="daiva@example.org")
    user.profile.display_name = "Daiva"
    user.profile.save()
    return user


@pytest.fixture
def co_organiser_client(client, co_organiser):
    totp_activate(co_organiser)
    client.force_login(co_organiser)
    return client


def indicator_make(programme, **fields) -> Indicator:
    """An indicator of ``programme``: distinct people who completed a course, target 60."""
    fields.setdefault("name", "Professionals trained")
    fields.setdefault("unit", "professionals")
    fields.setdefault("kinds", [ParticipationKind.COURSE_COMPLETED])
    fields.setdefault("measure", IndicatorMeasure.PEOPLE)
    fields.setdefault("target", 60)
    indicator = Indicator(programme=programme, **fields)
    indicator.full_clean()
    indicator.save()
    return indicator


@pytest.fixture
def activity_choices(monkeypatch, programme, other_programme):
    """Two "activities" per programme (organisations stand in for courses), offered by a
    registered provider instead of the feature apps'."""
    made = {
        programme.pk: [OrganisationFactory(name=f"Course {n}") for n in ("A", "B")],
        other_programme.pk: [OrganisationFactory(name="Course of another programme")],
    }

    def provider(of_programme):
        content_type = ContentType.objects.get_for_model(Organisation)
        return [(content_type, str(o.pk), o.name) for o in made.get(of_programme.pk, [])]

    monkeypatch.setattr(activities, "_option_providers", {"test": provider})
    return made


def value_store(
    indicator,
    *,
    value: int,
    manual: int = 0,
    periods=(),
    cells=None,
    rag: str = "green",
    expected: int | None = 48,
):
    """An ``IndicatorValue`` as the engine stores it, fresh (computed after the indicator
    last changed), for views that only read the cache. ``periods``: (start, end, value,
    target, cells) tuples."""
    from impact.indicators.compute import result_to_data
    from impact.indicators.types import IndicatorResult, PeriodValue

    result = IndicatorResult(
        indicator_id=indicator.pk,
        value=value,
        ledger=value - manual,
        manual=manual,
        baseline=indicator.baseline,
        target=indicator.target,
        periods=tuple(
            PeriodValue(
                start=start,
                end=end,
                value=period_value,
                ledger=period_value,
                manual=0,
                target=target,
                cells=period_cells,
            )
            for start, end, period_value, target, period_cells in periods
        ),
        cells=cells or {},
        last_row_id=0,
        computed_at=timezone.now(),
        rag=rag,
        expected=expected,
    )
    IndicatorValue.objects.update_or_create(
        indicator=indicator,
        defaults={
            "data": result_to_data(result),
            "last_row_id": 0,
            "computed_at": result.computed_at,
        },
    )
    return result


QUARTERS = [
    (date(2026, 1, 1), date(2026, 4, 1)),
    (date(2026, 4, 1), date(2026, 7, 1)),
]
