"""Celery tasks of the campaigns app: thin, idempotent, they only call services.

E-mails are not tasks of their own: they go through the site's outbox (``core.outbox``;
see ``campaigns.messages``).
"""

from django.core.cache import cache

from celery import shared_task

from .services import pledges_erase, totals_lock_key, totals_refresh


@shared_task(name="campaigns.totals_refresh")
def totals_refresh_task(campaign_key: str | None = None) -> int:
    """Recount pledge totals: one campaign's soon after a confirmation
    (``services.totals_refresh_soon``), every campaign's every few minutes (beat), which
    also catches up a recount that was lost. Returns how many totals changed."""
    if campaign_key:
        # Dropped before counting: a pledge confirmed from now on schedules the next
        # recount, one confirmed before is counted by this one.
        cache.delete(totals_lock_key(campaign_key))
    return totals_refresh(campaign_key=campaign_key or None)


@shared_task(name="campaigns.pledges_erase")
def pledges_erase_task() -> int:
    """Hourly: expire unconfirmed pledges, erase addresses once retention has passed."""
    return pledges_erase()
