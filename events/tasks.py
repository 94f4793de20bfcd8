"""Celery tasks of the events app: thin, and they only call services.

Messages to registrants are not tasks of their own: they go through the site's outbox
(``core.outbox``; see ``events.messages``).
"""

from celery import shared_task

from .messages import reminders_due
from .services import offers_expire


@shared_task(name="events.reminders_due")
def reminders_due_task() -> int:
    return reminders_due()


@shared_task(name="events.offers_expire")
def offers_expire_task() -> int:
    return offers_expire()
