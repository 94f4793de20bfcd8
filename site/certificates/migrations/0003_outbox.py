"""A certificate's e-mail moves to the site's outbox (core.OutboxMessage).

Certificates already e-mailed get a SENT outbox row under the key the outbox uses, so they
are never sent again; those with a recorded error get a FAILED row an organiser can retry.
"""

from django.db import migrations


def to_outbox(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    OutboxMessage = apps.get_model("core", "OutboxMessage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    certificate_type, _ = ContentType.objects.get_or_create(
        app_label="certificates", model="certificate"
    )
    rows = []
    done = Certificate.objects.exclude(emailed_at__isnull=True, email_error="")
    for certificate in done.filter(holder__isnull=False).iterator():
        sent = certificate.emailed_at is not None
        rows.append(
            OutboxMessage(
                kind="certificates.email",
                key=f"certificates.email:{certificate.pk}",
                source_type=certificate_type,
                source_id=str(certificate.pk),
                to_user_id=certificate.holder_id,
                status="sent" if sent else "failed",
                sent_at=certificate.emailed_at,
                last_error="" if sent else certificate.email_error,
            )
        )
    OutboxMessage.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)


def from_outbox(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    OutboxMessage = apps.get_model("core", "OutboxMessage")
    messages = OutboxMessage.objects.filter(kind="certificates.email")
    for message in messages.exclude(status="queued").iterator():
        Certificate.objects.filter(pk=message.source_id).update(
            emailed_at=message.sent_at, email_error=message.last_error
        )
    messages.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_status"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_outbox"),
    ]

    operations = [
        migrations.RunPython(to_outbox, from_outbox),
        migrations.RemoveField(model_name="certificate", name="email_error"),
        migrations.RemoveField(model_name="certificate", name="emailed_at"),
    ]
