"""Celery tasks of the mentors app: thin, idempotent, and they only call services.

E-mails are not tasks of their own: they go through the site's outbox (``core.outbox``;
see ``mentors.emails``), each under a key that is never queued twice.
"""

from celery import shared_task

from .services import contacts_erase_due, nudges_due


@shared_task(name="mentors.contacts_erase")
def contacts_erase_task() -> int:
    """Hourly: erase requesters' contact details once the retention time has passed."""
    return contacts_erase_due()


@shared_task(name="mentors.nudges_due")
def nudges_due_task() -> dict:
    """Hourly: session reminders, midpoint and closing feedback, each sent once."""
    return nudges_due()
