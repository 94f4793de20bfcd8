"""People deleted before one key per person: their rows were keyed ``deleted:<token>:<row
pk>``, the token shared by all of that person's rows. Dropping the row part gives each of
them the single ``deleted:<token>`` key rows get now, so distinct-people counts count them
once. The unique constraint (kind, source, subject_key) still holds: a person had one row
per kind and source."""

from django.db import migrations
from django.db.models.functions import Substr

# "deleted:" (8 characters) and a 24-character hexadecimal token.
KEY_LENGTH = 32


def merge_keys(apps, schema_editor):
    Participation = apps.get_model("impact", "Participation")
    Participation.objects.filter(subject_key__regex=r"^deleted:[0-9a-f]{24}:[0-9]+$").update(
        subject_key=Substr("subject_key", 1, KEY_LENGTH)
    )


class Migration(migrations.Migration):
    dependencies = [("impact", "0006_impact_page")]

    operations = [migrations.RunPython(merge_keys, migrations.RunPython.noop)]
