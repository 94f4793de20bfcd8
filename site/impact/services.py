"""Writes to the participation ledger. Feature apps call these; nothing else writes rows."""

import secrets
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import ParticipationKind
from .models import Participation

DEMOGRAPHIC_ATTRIBUTES = ("gender", "age_band", "migrant_background")
_SNAPSHOT_FIELDS = {"role", "sector", "country", "region", *DEMOGRAPHIC_ATTRIBUTES}


def person_snapshot(person) -> dict[str, str]:
    """The disaggregation attributes of a person right now.

    Demographics are included only while their consent is active: the profile field is
    cleared when consent is withdrawn, so reading the profile is enough.
    """
    from people.models import Profile
    from people.roles import user_role

    # Read the profile afresh: a cached one may still hold an answer whose consent was
    # withdrawn since.
    profile = Profile.objects.select_related("region").filter(user_id=person.pk).first()
    snapshot = {"role": str(user_role(person) or "")}
    if profile is None:
        return snapshot
    snapshot.update(
        sector=profile.sector,
        country=profile.country,
        region=profile.region.name if profile.region_id else "",
        gender=profile.gender,
        age_band=profile.age_band,
        migrant_background=profile.migrant_background,
    )
    return snapshot


def participation_record(
    *,
    kind: str,
    source: models.Model,
    person=None,
    count: int = 1,
    occurred_at: datetime | None = None,
    aggregate_key: str = "aggregate",
    attributes: dict[str, str] | None = None,
) -> tuple[Participation, bool]:
    """Record that something happened; return (row, created).

    Idempotent per (kind, source, person): a retried or concurrent call returns the
    existing row and counts nothing twice (a unique constraint enforces it). Anonymous
    aggregates (``person=None``) are idempotent per ``aggregate_key``; only they may carry a
    count above one, and their ``attributes`` give the disaggregation of the group.
    """
    if kind not in ParticipationKind.values:
        raise ValidationError(_("Unknown participation kind: %(kind)s") % {"kind": kind})
    if source is None or source.pk is None:
        raise ValidationError(_("A participation needs a saved source object."))
    if count < 1:
        raise ValidationError(_("A participation counts at least one."))
    if person is not None and count != 1:
        raise ValidationError(_("A participation by a person counts exactly one."))

    if person is not None:
        subject_key = f"person:{person.pk}"
        snapshot = person_snapshot(person)
    else:
        subject_key = f"aggregate:{aggregate_key}"[:64]
        snapshot = {k: str(v) for k, v in (attributes or {}).items()}

    lookup = {
        "kind": kind,
        "source_type": ContentType.objects.get_for_model(source, for_concrete_model=False),
        "source_id": str(source.pk),
        "subject_key": subject_key,
    }
    existing = Participation.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    row = Participation(
        **lookup,
        person=person,
        count=count,
        occurred_at=occurred_at or timezone.now(),
        **{k: v for k, v in snapshot.items() if k in _SNAPSHOT_FIELDS},
    )
    # The person and the source were loaded by the caller: don't query them again.
    row.full_clean(
        exclude=["person", "source_type"], validate_unique=False, validate_constraints=False
    )
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:
        # Another request recorded the same thing between our read and our write.
        return Participation.objects.get(**lookup), False
    return row, True


def participation_anonymise_person(*, person) -> int:
    """Detach a person's rows from them before their account is deleted.

    The rows keep their kind, date, count, source and coarse attributes (role, sector,
    country, region), so programme totals survive. The demographics they consented to
    are erased with them, and each row gets a random key that leads nowhere.
    """
    token = secrets.token_hex(12)
    return Participation.objects.filter(person=person).update(
        person=None,
        subject_key=Concat(Value(f"deleted:{token}:"), Cast("pk", CharField())),
        gender="",
        age_band="",
        migrant_background="",
    )


def participation_forget_attribute(*, person, attribute: str) -> int:
    """Erase one demographic attribute from a person's rows (consent withdrawn)."""
    if attribute not in DEMOGRAPHIC_ATTRIBUTES:
        raise ValueError(attribute)
    return Participation.objects.filter(person=person).update(**{attribute: ""})
