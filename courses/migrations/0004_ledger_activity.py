"""The ledger's rows of course completions written before rows had an activity: the
activity is the course itself (the row's source, the course's original page), of kind
"course", as ``courses.services`` now writes them. One UPDATE; rows that already have
an activity are left alone, so running it again changes nothing."""

from django.db import migrations
from django.db.models import CharField, F, Value
from django.db.models.functions import Concat


def backfill(apps, schema_editor):
    Participation = apps.get_model("impact", "Participation")
    Participation.objects.filter(
        kind="course_completed",
        source_type__app_label="courses",
        source_type__model="coursepage",
        activity_key="",
    ).update(
        activity_type=F("source_type"),
        activity_id=F("source_id"),
        activity_key=Concat(Value("courses.coursepage:"), F("source_id"), output_field=CharField()),
        activity_kind="course",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_coursepage_programme_coursepage_shared_with_and_more"),
        ("impact", "0005_indicators"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
