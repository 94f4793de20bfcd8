"""The ledger's attendance rows written before rows had an activity: each is evidence of
one occurrence of the event (its original page), keyed
``events.eventpage:<pk>:<occurrence date>``, of the event's kind, held in the event's
country and region, as ``events.services`` and ``events.walk_ins`` now write them.

One UPDATE per source model (named attendance, walk-in counts), each field read from
the row's source by a correlated subquery on its primary key: no row is loaded into
Python. Rows whose source is gone, and rows that already have an activity, are left
alone, so running it again changes nothing."""

from django.db import migrations
from django.db.models import (
    BigIntegerField,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat


def _backfill(Participation, source_model, model_name: str) -> None:
    source = source_model.objects.filter(pk=Cast(OuterRef("source_id"), BigIntegerField()))

    def read(expression, output_field=None):
        values = source.annotate(value=expression).values("value")[:1]
        return Subquery(values, output_field=output_field or CharField())

    Participation.objects.filter(
        Exists(source),
        kind="event_attended",
        source_type__app_label="events",
        source_type__model=model_name,
        activity_key="",
    ).update(
        # A page's specific type (a study visit's own), as ``impact.activities`` records it.
        activity_type_id=read(F("event__content_type_id"), IntegerField()),
        activity_id=read(Cast("event_id", CharField())),
        activity_key=read(
            Concat(
                Value("events.eventpage:"),
                Cast("event_id", CharField()),
                Value(":"),
                Cast("occurrence_date", CharField()),
                output_field=CharField(),
            )
        ),
        activity_kind=read(F("event__kind")),
        activity_country=read(F("event__country")),
        activity_region=Coalesce(read(F("event__region__name")), Value("")),
    )


def backfill(apps, schema_editor):
    Participation = apps.get_model("impact", "Participation")
    _backfill(Participation, apps.get_model("events", "Attendance"), "attendance")
    _backfill(Participation, apps.get_model("events", "AnonymousAttendance"), "anonymousattendance")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_campaign_tag_removed"),
        ("impact", "0005_indicators"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
