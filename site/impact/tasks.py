"""Ledger tasks: record participation from a worker (e.g. after a bulk import)."""

import logging

from django.apps import apps
from django.contrib.auth import get_user_model

from celery import shared_task

from .indicators.tasks import indicators_refresh_all_task, indicators_refresh_task  # noqa: F401
from .services import participation_record

logger = logging.getLogger(__name__)


@shared_task(name="impact.participation_record", acks_late=True)
def participation_record_task(
    kind: str, source_model: str, source_pk: str, person_pk: int | None = None
) -> int | None:
    """Record one participation by ids. Safe to run twice: the ledger counts once.

    Returns the ledger row's id, or None when the source or person has gone (the task
    then does nothing, quietly).
    """
    model = apps.get_model(source_model)
    source = model._default_manager.filter(pk=source_pk).first()
    if source is None:
        logger.info("participation_record: %s %s is gone", source_model, source_pk)
        return None
    person = None
    if person_pk is not None:
        person = get_user_model()._default_manager.filter(pk=person_pk).first()
        if person is None:
            return None
    row, _created = participation_record(kind=kind, source=source, person=person)
    return row.pk


@shared_task(name="impact.ping")
def ping() -> str:
    """A round trip through the broker, for the health check and CI."""
    return "pong"
