"""Keeping indicator values fresh: recount a programme's indicators soon after its ledger
rows change, at most once per ``IMPACT_REFRESH_INTERVAL`` whatever the number of writes,
and all of them periodically (the beat task), which catches anything missed.

The ledger calls ``indicators_refresh_soon`` after every write commits. The first write of
a burst claims a cache key for the programme and schedules a recount after the
interval; the writes that follow find the key taken and rely on that recount. The task
frees the key as it starts, so rows written while it counts get a recount of their own.
Where tasks run eagerly (tests, ``make run``) every write is recounted at once, as the
campaigns' pledge totals are.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError as DatabaseOperationalError

from celery import shared_task
from kombu.exceptions import OperationalError as BrokerOperationalError

from .compute import indicators_refresh

logger = logging.getLogger(__name__)


def refresh_key(programme_id: int) -> str:
    return f"impact:refresh:{programme_id}"


def indicators_refresh_soon(programme_ids: Iterable[int]) -> list[int]:
    """Have the indicators of ``programme_ids`` recounted after the refresh interval
    (at once where tasks run eagerly); returns the programmes newly scheduled."""
    interval = settings.IMPACT_REFRESH_INTERVAL
    due = [pk for pk in sorted(set(programme_ids)) if cache.add(refresh_key(pk), 1, interval)]
    if not due:
        return []
    try:
        indicators_refresh_task.apply_async(args=[due], countdown=interval)
    except (BrokerOperationalError, OSError):
        # The write that called us has committed and must not fail now; the beat task
        # recounts everything within minutes.
        logger.warning("indicators_refresh_soon: broker unreachable for %s", due, exc_info=True)
        cache.delete_many([refresh_key(pk) for pk in due])
        return []
    return due


@shared_task(
    name="impact.indicators_refresh",
    acks_late=True,
    autoretry_for=(DatabaseOperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def indicators_refresh_task(programme_ids: list[int]) -> int:
    """Recount the indicators of ``programme_ids``. Safe to run twice: it only replaces
    cached values. Returns how many indicators were counted."""
    cache.delete_many([refresh_key(pk) for pk in programme_ids])
    return indicators_refresh(programme_ids=programme_ids)


@shared_task(name="impact.indicators_refresh_all", acks_late=True)
def indicators_refresh_all_task() -> int:
    """Recount every indicator (the beat schedule runs it every few minutes)."""
    return indicators_refresh()
