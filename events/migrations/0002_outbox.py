"""Messages to registrants move to the site's outbox (core.OutboxMessage).

Every EventMessage becomes an outbox row with the same identity (registration, kind, key),
so nothing already sent is queued again (reminders are found again by beat and must stay
"queued once, ever"); unsent rows become QUEUED (the outbox's periodic task sends them),
rows with an error become FAILED.
"""

from django.db import migrations


def to_outbox(apps, schema_editor):
    EventMessage = apps.get_model("events", "EventMessage")
    OutboxMessage = apps.get_model("core", "OutboxMessage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    registration_type, _ = ContentType.objects.get_or_create(
        app_label="events", model="registration"
    )
    rows = []
    for message in EventMessage.objects.select_related("registration__person").iterator():
        if message.sent_at is not None:
            status = "sent"
        elif message.error:
            status = "failed"
        else:
            status = "queued"
        rows.append(
            OutboxMessage(
                kind=f"events.{message.kind}",
                key=f"events:{message.registration_id}:{message.kind}:{message.key}",
                source_type=registration_type,
                source_id=str(message.registration_id),
                to_user_id=message.registration.person_id,
                status=status,
                sent_at=message.sent_at,
                last_error=message.error,
            )
        )
    OutboxMessage.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)


def from_outbox(apps, schema_editor):
    EventMessage = apps.get_model("events", "EventMessage")
    OutboxMessage = apps.get_model("core", "OutboxMessage")
    rows = []
    for message in OutboxMessage.objects.filter(kind__startswith="events.").iterator():
        _prefix, registration_id, kind, key = message.key.split(":", 3)
        rows.append(
            EventMessage(
                registration_id=int(registration_id),
                kind=kind,
                key=key,
                sent_at=message.sent_at,
                error=message.last_error,
            )
        )
    EventMessage.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    OutboxMessage.objects.filter(kind__startswith="events.").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_outbox"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(to_outbox, from_outbox),
        migrations.DeleteModel(name="EventMessage"),
    ]
