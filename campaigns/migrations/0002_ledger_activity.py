"""The ledger's pledge and reach rows written before rows had an activity: each is
evidence of its campaign, the campaign's original page (the first of its translations),
keyed ``campaigns.campaignpage:<pk>``, of kind ``campaign``; a reach record through a
partner took place in the partner's country (the row's own country), as
``campaigns.services`` and ``campaigns.reach`` now write them.

One UPDATE per campaign and kind of row, for all of that campaign's rows at once: only
the campaigns' pages (a handful) are read into Python, never the ledger. Rows that
already have an activity are left alone, so running it again changes nothing."""

from django.db import migrations
from django.db.models import CharField, F
from django.db.models.functions import Cast


def _originals(CampaignPage) -> dict:
    """Each campaign's original page: (pk, content type id) by translation key."""
    originals = {}
    for key, pk, type_id in CampaignPage.objects.order_by("translation_key", "pk").values_list(
        "translation_key", "pk", "content_type_id"
    ):
        originals.setdefault(key, (pk, type_id))
    return originals


def backfill(apps, schema_editor):
    Participation = apps.get_model("impact", "Participation")
    sources = {
        # kind: (source model, its name in ContentType, where the activity took place)
        "campaign_pledge": (apps.get_model("campaigns", "Pledge"), "pledge", ""),
        "campaign_reach": (apps.get_model("campaigns", "ReachRecord"), "reachrecord", None),
    }
    for key, (pk, type_id) in _originals(apps.get_model("campaigns", "CampaignPage")).items():
        for kind, (model, model_name, country) in sources.items():
            ids = (
                model.objects.filter(campaign_key=key)
                .annotate(text_pk=Cast("pk", CharField()))
                .values("text_pk")
            )
            Participation.objects.filter(
                kind=kind,
                source_type__app_label="campaigns",
                source_type__model=model_name,
                source_id__in=ids,
                activity_key="",
            ).update(
                activity_type_id=type_id,
                activity_id=str(pk),
                activity_key=f"campaigns.campaignpage:{pk}",
                activity_kind="campaign",
                activity_country=F("country") if country is None else country,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("impact", "0005_indicators"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
