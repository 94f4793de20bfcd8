"""The one Celery app. Periodic tasks live in ``CELERY_BEAT_SCHEDULE`` in settings."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("linkage")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# core keeps its import jobs apart from the outbox tasks.
app.autodiscover_tasks(related_name="import_tasks")
