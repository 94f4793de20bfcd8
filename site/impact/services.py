"""Writes to the participation ledger. Feature apps call these; nothing else writes rows."""

import secrets
from collections.abc import Iterable
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import CharField, F, Value
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
    return person_snapshots([person])[person.pk]


class _Groups:
    """Group names already loaded, served where ``user_role`` asks the database."""

    def __init__(self, names: list[str]):
        self.names = names

    def values_list(self, *fields, flat=False):
        return self.names


class _Proxy:
    """A person whose ``groups`` are the names already loaded."""

    def __init__(self, person, groups: _Groups):
        self.is_authenticated = getattr(person, "is_authenticated", False)
        self.is_superuser = person.is_superuser
        self.groups = groups
        self._linkage_role = None


def person_snapshots(people) -> dict[int, dict[str, str]]:
    """``person_snapshot`` for many people at once: two queries whoever they are."""
    from django.contrib.auth.models import Group

    from people.models import Profile
    from people.roles import user_role

    people = {person.pk: person for person in people}
    # Read the profiles afresh: a cached one may still hold an answer whose consent was
    # withdrawn since.
    profiles = {
        profile["user_id"]: profile
        for profile in Profile.objects.filter(user_id__in=people).values(
            "user_id",
            "sector",
            "country",
            "gender",
            "age_band",
            "migrant_background",
            region_name=F("region__name"),
        )
    }
    groups: dict[int, list[str]] = {pk: [] for pk in people}
    unknown = [
        pk
        for pk, person in people.items()
        if not person.is_superuser and getattr(person, "_linkage_role", None) is None
    ]
    if unknown:
        through = Group.user_set.through.objects.filter(user_id__in=unknown)
        for user_id, name in through.values_list("user_id", "group__name"):
            groups[user_id].append(name)
    snapshots = {}
    for pk, person in people.items():
        if person.is_superuser or getattr(person, "_linkage_role", None) is not None:
            role = user_role(person)
        else:
            # The same rule as user_role, on the group names loaded above.
            role = user_role(_Proxy(person, _Groups(groups[pk])))
        snapshots[pk] = _snapshot(role, profiles.get(pk))
    return snapshots


def _snapshot(role, profile: dict | None) -> dict[str, str]:
    snapshot = {"role": str(role or "")}
    if profile is None:
        return snapshot
    snapshot.update(
        sector=profile["sector"],
        country=profile["country"],
        region=profile["region_name"] or "",
        gender=profile["gender"],
        age_band=profile["age_band"],
        migrant_background=profile["migrant_background"],
    )
    return snapshot


def _entry_check(*, kind: str, source: models.Model, person, count: int) -> None:
    """The rules every ledger row obeys, before anything is read or written."""
    if kind not in ParticipationKind.values:
        raise ValidationError(_("Unknown participation kind: %(kind)s") % {"kind": kind})
    if source is None or source.pk is None:
        raise ValidationError(_("A participation needs a saved source object."))
    if count < 1:
        raise ValidationError(_("A participation counts at least one."))
    if person is not None and count != 1:
        raise ValidationError(_("A participation by a person counts exactly one."))


def _row(*, lookup: dict, person, count: int, occurred_at, snapshot: dict) -> Participation:
    """A validated, unsaved ledger row."""
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
    return row


def participation_record(
    *,
    kind: str,
    source: models.Model,
    person=None,
    count: int = 1,
    occurred_at: datetime | None = None,
    aggregate_key: str = "aggregate",
    attributes: dict[str, str] | None = None,
    programmes: Iterable[int] = (),
) -> tuple[Participation, bool]:
    """Record that something happened; return (row, created).

    Idempotent per (kind, source, person): a retried or concurrent call returns the
    existing row and counts nothing twice (a unique constraint enforces it). Anonymous
    aggregates (``person=None``) are idempotent per ``aggregate_key``; only they may carry a
    count above one, and their ``attributes`` give the disaggregation of the group.
    ``programmes`` are the ids of the programmes whose work it was (see ``ProgrammeOwned
    .programme_ids``), written with a new row.
    """
    _entry_check(kind=kind, source=source, person=person, count=count)
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
    row = _row(
        lookup=lookup, person=person, count=count, occurred_at=occurred_at, snapshot=snapshot
    )
    try:
        with transaction.atomic():
            row.save(force_insert=True)
            if programmes:
                row.programmes.set(set(programmes))
    except IntegrityError:
        # Another request recorded the same thing between our read and our write.
        return Participation.objects.get(**lookup), False
    return row, True


BATCH_SIZE = 2000


def participation_record_many(
    *,
    kind: str,
    entries: Iterable[tuple[models.Model, object, datetime | None]],
    programmes: Iterable[int] = (),
) -> int:
    """``participation_record`` for many (source, person, occurred_at) at once, all sources
    of one model and of the same ``programmes``: the same checks, snapshots and
    idempotency, in a few queries whatever the number. Returns how many rows were new."""
    entries = list(entries)
    if not entries:
        return 0
    for source, person, _when in entries:
        _entry_check(kind=kind, source=source, person=person, count=1)
        if person is None:
            raise ValidationError(_("A participation needs a person here."))
    source_types = {
        ContentType.objects.get_for_model(source, for_concrete_model=False)
        for source, _person, _when in entries
    }
    if len(source_types) != 1:
        raise ValidationError(_("Record one kind of source at a time."))
    source_type = source_types.pop()
    existing = set(
        Participation.objects.filter(
            kind=kind,
            source_type=source_type,
            source_id__in={str(source.pk) for source, _person, _when in entries},
        ).values_list("source_id", "subject_key")
    )
    new, seen = [], set()
    for source, person, when in entries:
        key = (str(source.pk), f"person:{person.pk}")
        if key not in existing and key not in seen:
            seen.add(key)
            new.append((key, person, when))
    snapshots = person_snapshots({person for _key, person, _when in new})
    rows = [
        _row(
            lookup={
                "kind": kind,
                "source_type": source_type,
                "source_id": source_id,
                "subject_key": subject_key,
            },
            person=person,
            count=1,
            occurred_at=when,
            snapshot=snapshots[person.pk],
        )
        for (source_id, subject_key), person, when in new
    ]
    # Conflicts are rows another request recorded since our read: they are counted once.
    programme_ids = set(programmes)
    if not (rows and programme_ids):
        # One write: no transaction (nor savepoint) of our own needed.
        Participation.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)
        return len(rows)
    with transaction.atomic():
        Participation.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)
        _programmes_link(
            kind=kind,
            source_type=source_type,
            keys=[key for key, _p, _w in new],
            programme_ids=programme_ids,
        )
    return len(rows)


def _programmes_link(*, kind, source_type, keys, programme_ids) -> None:
    """Link the rows just written (found by their natural keys: a bulk insert that ignores
    conflicts returns no ids) to their programmes, in one read and one insert per batch."""
    through = Participation.programmes.through
    by_source: dict[str, set[str]] = {}
    for source_id, subject_key in keys:
        by_source.setdefault(source_id, set()).add(subject_key)
    ids = [
        pk
        for pk, source_id, subject_key in Participation.objects.filter(
            kind=kind, source_type=source_type, source_id__in=by_source
        ).values_list("pk", "source_id", "subject_key")
        if subject_key in by_source[source_id]
    ]
    links = [
        through(participation_id=pk, programme_id=programme_id)
        for pk in ids
        for programme_id in programme_ids
    ]
    through.objects.bulk_create(links, batch_size=BATCH_SIZE, ignore_conflicts=True)


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


@transaction.atomic
def participation_aggregate_replace(
    *,
    kind: str,
    source: models.Model,
    count: int,
    aggregate_key: str,
    occurred_at: datetime | None = None,
    programmes: Iterable[int] = (),
    attributes: dict[str, str] | None = None,
) -> Participation | None:
    """An anonymous count that can be corrected (walk-ins without a name): the ledger keeps
    one row for ``source``, for the current ``count`` (none when it is 0). Earlier
    anonymous counts of the same source are replaced, never added to; rows of people,
    including those kept anonymously after an account was deleted, are never touched.
    ``aggregate_key`` should change with each correction (e.g. carry a revision), so a
    retried write of the same correction counts it once."""
    if count < 0:
        raise ValidationError(_("A participation counts at least one."))
    source_type = ContentType.objects.get_for_model(source, for_concrete_model=False)
    subject_key = f"aggregate:{aggregate_key}"[:64]
    row = None
    if count:
        row, _created = participation_record(
            kind=kind,
            source=source,
            count=count,
            aggregate_key=aggregate_key,
            occurred_at=occurred_at,
            programmes=programmes,
            attributes=attributes,
        )
    Participation.objects.filter(
        kind=kind,
        source_type=source_type,
        source_id=str(source.pk),
        person__isnull=True,
        subject_key__startswith="aggregate:",
    ).exclude(subject_key=subject_key).delete()
    return row
