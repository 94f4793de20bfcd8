"""Celery tasks of the outbox: thin, by id, idempotent (see ``core.outbox``)."""

from celery import shared_task

from .enums import OutboxStatus
from .outbox import SKIPPED, outbox_requeue_stale, outbox_send


@shared_task(name="core.outbox_send", bind=True, max_retries=None, acks_late=True)
def outbox_send_task(self, message_id: int) -> str:
    """Send one message. On a transient error the row goes back to QUEUED with its next
    attempt time (the row counts attempts and gives up, not the task): run again then."""
    outcome = outbox_send(message_id=message_id)
    retry = outcome.retry_in is not None and outcome.status in (OutboxStatus.QUEUED, SKIPPED)
    if retry and not self.request.is_eager:  # run eagerly, a retry would come at once
        raise self.retry(countdown=max(outcome.retry_in, 1))
    return outcome.status


@shared_task(name="core.outbox_requeue_stale")
def outbox_requeue_stale_task() -> int:
    return outbox_requeue_stale()
