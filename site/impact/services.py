"""Writes to the participation ledger. Feature apps call these; nothing else writes rows.

Every row says what happened (``kind``), to whom (a person, or an anonymous count), what
it came from (``source``: what makes it idempotent) and the activity it is evidence of
(``activity``: see ``impact.activities``; by default the source itself). Every write that
creates or changes rows has the indicators of the rows' programmes recounted after commit.
"""

import secrets
from collections.abc import Iterable
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .activities import activity_fields
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


def _row(
    *, lookup: dict, person, count: int, occurred_at, snapshot: dict, activity: dict
) -> Participation:
    """A validated, unsaved ledger row."""
    row = Participation(
        **lookup,
        person=person,
        count=count,
        occurred_at=occurred_at or timezone.now(),
        **{k: v for k, v in snapshot.items() if k in _SNAPSHOT_FIELDS},
        **activity,
    )
    # The person, the source and the activity were loaded by the caller: don't query them
    # again. Everything else is checked (the activity's key, kind and place too).
    row.full_clean(
        exclude=["person", "source_type", "activity_type"],
        validate_unique=False,
        validate_constraints=False,
    )
    return row


def _refresh_soon(programme_ids: list[int]) -> None:
    """Have the indicators of these programmes recounted (debounced per programme by the
    indicators engine, so a burst of writes costs one recount)."""
    # Imported here: the engine reads this module's models, and the ledger is loaded first.
    from .indicators.tasks import indicators_refresh_soon

    indicators_refresh_soon(programme_ids)


def _refresh_on_commit(programme_ids: Iterable[int]) -> None:
    """Recount the programmes' indicators once the rows just written are committed (never
    for rows rolled back). Rows of no programme count toward no indicator."""
    ids = sorted(set(programme_ids))
    if ids:
        transaction.on_commit(lambda: _refresh_soon(ids))


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
    activity: models.Model | None = None,
    activity_key: str = "",
    activity_kind: str = "",
    activity_country: str = "",
    activity_region: str = "",
) -> tuple[Participation, bool]:
    """Record that something happened; return (row, created).

    Idempotent per (kind, source, person): a retried or concurrent call returns the
    existing row and counts nothing twice (a unique constraint enforces it). Anonymous
    aggregates (``person=None``) are idempotent per ``aggregate_key``; only they may carry a
    count above one, and their ``attributes`` give the disaggregation of the group.
    ``programmes`` are the ids of the programmes whose work it was (see ``ProgrammeOwned
    .programme_ids``), written with a new row.

    ``activity`` is what the row is evidence of (default: ``source``), in its original
    language; ``activity_key`` tells activities apart (default ``"<app>.<model>:<pk>"``;
    an event gives each occurrence its own); ``activity_kind`` is one of the values
    registered with ``impact.activities.register_activity_kinds``; ``activity_country``
    and ``activity_region`` say where it took place. Like the row's snapshot they are
    written with a new row and never change an existing one.
    """
    _entry_check(kind=kind, source=source, person=person, count=count)
    activity_values = activity_fields(
        source if activity is None else activity,
        key=activity_key,
        kind=activity_kind,
        country=activity_country,
        region=activity_region,
    )
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
        lookup=lookup,
        person=person,
        count=count,
        occurred_at=occurred_at,
        snapshot=snapshot,
        activity=activity_values,
    )
    programme_ids = set(programmes)
    try:
        with transaction.atomic():
            row.save(force_insert=True)
            if programme_ids:
                row.programmes.set(programme_ids)
    except IntegrityError:
        # Another request recorded the same thing between our read and our write.
        return Participation.objects.get(**lookup), False
    _refresh_on_commit(programme_ids)
    return row, True


BATCH_SIZE = 2000


def participation_record_many(
    *,
    kind: str,
    entries: Iterable[tuple],
    programmes: Iterable[int] = (),
    activity: models.Model | None = None,
    activity_key: str = "",
    activity_kind: str = "",
    activity_country: str = "",
    activity_region: str = "",
) -> int:
    """``participation_record`` for many people at once, all sources of one model and of
    the same ``programmes``: the same checks, snapshots and idempotency, in a few queries
    whatever the number. Returns how many rows were new.

    ``entries`` are ``(source, person, occurred_at)`` or ``(source, person, occurred_at,
    activity_key)``: a fourth item is that entry's own activity key (the occurrence of an
    event each attendance was at), else ``activity_key`` is used, else the activity's
    default key. The other activity fields are shared by every entry; without
    ``activity`` each entry's source is its activity."""
    entries = [_entry(item, activity_key) for item in entries]
    if not entries:
        return 0
    for source, person, _when, _key in entries:
        _entry_check(kind=kind, source=source, person=person, count=1)
        if person is None:
            raise ValidationError(_("A participation needs a person here."))
    source_types = {
        ContentType.objects.get_for_model(source, for_concrete_model=False)
        for source, _person, _when, _key in entries
    }
    if len(source_types) != 1:
        raise ValidationError(_("Record one kind of source at a time."))
    source_type = source_types.pop()
    existing = set(
        Participation.objects.filter(
            kind=kind,
            source_type=source_type,
            source_id__in={str(source.pk) for source, _person, _when, _key in entries},
        ).values_list("source_id", "subject_key")
    )
    shared = {"kind": activity_kind, "country": activity_country, "region": activity_region}
    new, seen = [], set()
    for source, person, when, key in entries:
        natural = (str(source.pk), f"person:{person.pk}")
        if natural not in existing and natural not in seen:
            seen.add(natural)
            own = source if activity is None else activity
            new.append((natural, person, when, activity_fields(own, key=key, **shared)))
    snapshots = person_snapshots({person for _key, person, _when, _activity in new})
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
            activity=activity_values,
        )
        for (source_id, subject_key), person, when, activity_values in new
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
            keys=[natural for natural, _p, _w, _a in new],
            programme_ids=programme_ids,
        )
    _refresh_on_commit(programme_ids)
    return len(rows)


def _entry(item: tuple, activity_key: str) -> tuple:
    """(source, person, occurred_at, activity key) from an entry of three or four items."""
    if len(item) == 3:
        return (*item, activity_key)
    if len(item) == 4:
        source, person, when, key = item
        return source, person, when, key or activity_key
    raise ValueError(item)


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


def _programmes_of(rows) -> set[int]:
    """The programmes ``rows`` (a queryset of ledger rows) belong to. One query."""
    through = Participation.programmes.through
    return set(
        through.objects.filter(participation__in=rows)
        .values_list("programme_id", flat=True)
        .distinct()
    )


def participation_anonymise_person(*, person) -> int:
    """Detach a person's rows from them before their account is deleted.

    The rows keep their kind, date, count, source, activity and coarse attributes (role,
    sector, country, region), so programme totals survive. The demographics they
    consented to are erased with them. All of them get one random key that leads nowhere
    (``deleted:<token>``), so a count of distinct people still counts the person once
    (three courses completed are one person trained, not three). The key stays unique per
    row where it must: a person has one row per kind and source, so two of their rows
    never share (kind, source, key).
    """
    rows = Participation.objects.filter(person=person)
    programme_ids = _programmes_of(rows)
    changed = rows.update(
        person=None,
        subject_key=f"deleted:{secrets.token_hex(12)}",
        gender="",
        age_band="",
        migrant_background="",
    )
    if changed:
        _refresh_on_commit(programme_ids)
    return changed


def participation_forget_attribute(*, person, attribute: str) -> int:
    """Erase one demographic attribute from a person's rows (consent withdrawn)."""
    if attribute not in DEMOGRAPHIC_ATTRIBUTES:
        raise ValueError(attribute)
    rows = Participation.objects.filter(person=person)
    changed = rows.update(**{attribute: ""})
    if changed:
        # The breakdowns by that attribute change.
        _refresh_on_commit(_programmes_of(rows))
    return changed


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
    activity: models.Model | None = None,
    activity_key: str = "",
    activity_kind: str = "",
    activity_country: str = "",
    activity_region: str = "",
) -> Participation | None:
    """An anonymous count that can be corrected (walk-ins without a name): the ledger keeps
    one row for ``source``, for the current ``count`` (none when it is 0). Earlier
    anonymous counts of the same source are replaced, never added to; rows of people,
    including those kept anonymously after an account was deleted, are never touched.
    ``aggregate_key`` should change with each correction (e.g. carry a revision), so a
    retried write of the same correction counts it once. The activity fields are
    ``participation_record``'s."""
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
            activity=activity,
            activity_key=activity_key,
            activity_kind=activity_kind,
            activity_country=activity_country,
            activity_region=activity_region,
        )
    # The rows replaced, with their programmes (one read): their indicators change too,
    # whichever programmes the new count belongs to (none when it is 0).
    replaced = {}
    for pk, programme_id in (
        Participation.objects.filter(
            kind=kind,
            source_type=source_type,
            source_id=str(source.pk),
            person__isnull=True,
            subject_key__startswith="aggregate:",
        )
        .exclude(subject_key=subject_key)
        .values_list("pk", "programmes")
    ):
        replaced.setdefault(pk, set()).update({programme_id} - {None})
    if replaced:
        Participation.objects.filter(pk__in=replaced).delete()
        _refresh_on_commit(set().union(*replaced.values()))
    return row
