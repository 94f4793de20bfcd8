"""Keeping values fresh: a recount soon after ledger writes, once per burst, and all of
them on the beat."""

from django.core.cache import cache

import pytest
from kombu.exceptions import OperationalError

from config.celery_app import app
from impact.indicators.tasks import (
    indicators_refresh_all_task,
    indicators_refresh_soon,
    indicators_refresh_task,
    refresh_key,
)
from impact.models import IndicatorValue
from impact.services import participation_record
from people.enums import Role
from tests.factories import OrganisationFactory, user_with_role
from tests.impact.indicator_helpers import COMPLETED, indicator_make, row


@pytest.fixture
def sent(monkeypatch):
    """The refresh tasks sent, instead of running them: [(programme ids, countdown)]."""
    calls = []

    def apply_async(*, args, countdown):
        calls.append((args[0], countdown))

    monkeypatch.setattr(indicators_refresh_task, "apply_async", apply_async)
    return calls


def test_the_tasks_are_registered_under_their_names():
    import impact.tasks  # noqa: F401  (what Celery's autodiscovery imports)

    assert {"impact.indicators_refresh", "impact.indicators_refresh_all"} <= set(app.tasks)


@pytest.mark.django_db
def test_a_burst_of_writes_sends_one_recount_per_programme(
    programme, other_programme, sent, settings
):
    settings.IMPACT_REFRESH_INTERVAL = 30

    first = indicators_refresh_soon([programme.pk, other_programme.pk])
    again = indicators_refresh_soon([programme.pk])

    assert (first, again) == (sorted([programme.pk, other_programme.pk]), [])
    assert sent == [(sorted([programme.pk, other_programme.pk]), 30)]


@pytest.mark.django_db
def test_a_recount_frees_its_programmes_for_the_next_burst(programme, sent):
    indicators_refresh_soon([programme.pk])

    indicators_refresh_task.run([programme.pk])
    indicators_refresh_soon([programme.pk])

    assert [ids for ids, _countdown in sent] == [[programme.pk], [programme.pk]]


@pytest.mark.django_db
def test_an_unreachable_broker_does_not_fail_the_write(programme, monkeypatch):
    def unreachable(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(indicators_refresh_task, "apply_async", unreachable)

    assert indicators_refresh_soon([programme.pk]) == []
    assert cache.get(refresh_key(programme.pk)) is None


@pytest.mark.django_db
def test_with_eager_tasks_the_recount_happens_at_once(programme):
    indicator = indicator_make(programme)
    row(programmes=[programme], person=1)

    indicators_refresh_soon([programme.pk])
    row(programmes=[programme], person=2)
    indicators_refresh_soon([programme.pk])

    assert IndicatorValue.objects.get(indicator=indicator).data["value"] == 2


@pytest.mark.django_db
def test_a_ledger_write_has_its_programmes_indicators_recounted(
    programme, django_capture_on_commit_callbacks
):
    indicator = indicator_make(programme, kinds=[COMPLETED])
    person = user_with_role(Role.PROFESSIONAL)

    with django_capture_on_commit_callbacks(execute=True):
        participation_record(
            kind=COMPLETED, source=OrganisationFactory(), person=person, programmes=[programme.pk]
        )

    assert IndicatorValue.objects.get(indicator=indicator).data["value"] == 1


@pytest.mark.django_db
def test_the_beat_task_recounts_every_indicator(programme, other_programme):
    indicator_make(programme)
    indicator_make(other_programme)

    assert indicators_refresh_all_task.delay().get() == 2
    assert IndicatorValue.objects.count() == 2
