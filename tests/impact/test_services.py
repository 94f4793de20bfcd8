"""The participation ledger: idempotent writes, anonymous aggregates, the snapshot of a
person's attributes, and the constraint that backs it all (also under concurrency)."""

import threading

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

import pytest

from impact.enums import ParticipationKind
from impact.models import Participation
from impact.services import participation_record
from people.enums import AgeBand, Country, Gender, Role, Sector
from people.models import Organisation
from people.services import consent_withdraw, demographic_answer
from tests.factories import OrganisationFactory, RegionFactory, UserFactory, user_with_role

COMPLETED = ParticipationKind.COURSE_COMPLETED
ATTENDED = ParticipationKind.EVENT_ATTENDED
SUPPORTED = ParticipationKind.WOMEN_SUPPORTED


@pytest.fixture
def source(db) -> Organisation:
    """Any saved model instance can be a source; the ledger stores its type and id."""
    return OrganisationFactory(name="Training: first response to disclosure")


@pytest.fixture
def person(db):
    return user_with_role(
        Role.PROFESSIONAL,
        profile__sector=Sector.POLICE,
        profile__country=Country.LT,
        profile__region=RegionFactory(name="Kaunas", country=Country.LT),
    )


# --- Idempotency ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_recording_twice_returns_the_same_row_and_creates_it_once(source, person):
    first = participation_record(kind=COMPLETED, source=source, person=person)
    second = participation_record(kind=COMPLETED, source=source, person=person)

    assert (first[1], second[1]) == (True, False)
    assert second[0].pk == first[0].pk
    assert list(Participation.objects.values_list("pk", flat=True)) == [first[0].pk]


@pytest.mark.django_db
def test_different_people_make_different_rows(source, person):
    other = user_with_role(Role.PROFESSIONAL)

    participation_record(kind=COMPLETED, source=source, person=person)
    _row, created = participation_record(kind=COMPLETED, source=source, person=other)

    assert created is True
    assert Participation.objects.filter(kind=COMPLETED).count() == 2


@pytest.mark.django_db
def test_different_kinds_make_different_rows(source, person):
    participation_record(kind=COMPLETED, source=source, person=person)
    _row, created = participation_record(kind=ATTENDED, source=source, person=person)

    assert created is True
    assert sorted(Participation.objects.values_list("kind", flat=True)) == [COMPLETED, ATTENDED]


@pytest.mark.django_db
def test_different_sources_make_different_rows(source, person):
    other = OrganisationFactory(name="Training: risk assessment")

    participation_record(kind=COMPLETED, source=source, person=person)
    _row, created = participation_record(kind=COMPLETED, source=other, person=person)

    assert created is True
    assert Participation.objects.count() == 2


@pytest.mark.django_db
def test_a_persons_row_stores_the_source_and_counts_one(source, person):
    row, _created = participation_record(kind=COMPLETED, source=source, person=person)

    row.refresh_from_db()
    assert (row.source_type, row.source_id, row.person, row.count) == (
        ContentType.objects.get_for_model(Organisation),
        str(source.pk),
        person,
        1,
    )
    assert row.source == source


# --- Anonymous aggregates ---------------------------------------------------------------------


@pytest.mark.django_db
def test_an_anonymous_aggregate_may_count_more_than_one(source):
    row, created = participation_record(
        kind=SUPPORTED,
        source=source,
        count=12,
        aggregate_key="2026-01",
        attributes={"country": Country.XK, "region": "Gjilan/Gnjilane"},
    )

    row.refresh_from_db()
    assert created is True
    assert (row.person, row.count, row.country, row.region) == (None, 12, "XK", "Gjilan/Gnjilane")


@pytest.mark.django_db
def test_an_anonymous_aggregate_is_idempotent_per_aggregate_key(source):
    first, _ = participation_record(kind=SUPPORTED, source=source, count=12, aggregate_key="jan")
    again, created_again = participation_record(
        kind=SUPPORTED, source=source, count=12, aggregate_key="jan"
    )
    other, created_other = participation_record(
        kind=SUPPORTED, source=source, count=7, aggregate_key="feb"
    )

    assert (again.pk, created_again) == (first.pk, False)
    assert (created_other, other.pk != first.pk) == (True, True)
    assert sorted(Participation.objects.values_list("count", flat=True)) == [7, 12]


@pytest.mark.django_db
def test_aggregate_attributes_outside_the_snapshot_are_ignored(source):
    row, _ = participation_record(
        kind=SUPPORTED, source=source, count=3, attributes={"sector": "health", "name": "X"}
    )

    row.refresh_from_db()
    assert row.sector == "health"


# --- Refusals -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_person_cannot_count_more_than_one(source, person):
    with pytest.raises(ValidationError):
        participation_record(kind=COMPLETED, source=source, person=person, count=2)

    assert Participation.objects.count() == 0


@pytest.mark.django_db
def test_an_unknown_kind_is_refused(source, person):
    with pytest.raises(ValidationError):
        participation_record(kind="course_liked", source=source, person=person)

    assert Participation.objects.count() == 0


@pytest.mark.django_db
def test_an_unsaved_source_is_refused(person):
    with pytest.raises(ValidationError):
        participation_record(kind=COMPLETED, source=Organisation(name="Unsaved"), person=person)

    assert Participation.objects.count() == 0


@pytest.mark.django_db
def test_a_count_below_one_is_refused(source):
    with pytest.raises(ValidationError):
        participation_record(kind=SUPPORTED, source=source, count=0)


# --- The snapshot -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_snapshot_holds_role_sector_country_and_region_name(source, person):
    row, _ = participation_record(kind=COMPLETED, source=source, person=person)

    row.refresh_from_db()
    assert (row.role, row.sector, row.country, row.region) == (
        "professional",
        "police",
        "LT",
        "Kaunas",
    )


@pytest.mark.django_db
def test_the_snapshot_holds_only_demographics_with_active_consent(source, person):
    demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    demographic_answer(user=person, field="age_band", value=AgeBand.FROM_35)
    consent_withdraw(user=person, field="age_band")
    person.refresh_from_db()

    row, _ = participation_record(kind=COMPLETED, source=source, person=person)

    row.refresh_from_db()
    assert (row.gender, row.age_band, row.migrant_background) == ("woman", "", "")


@pytest.mark.django_db
def test_the_snapshot_leaves_out_an_answer_withdrawn_earlier_with_the_same_user_object(
    source, person
):
    # A service may be handed the user object that was used to withdraw consent (as a
    # request.user would be): the withdrawn answer must not reach a new ledger row.
    demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    person.refresh_from_db()
    person.profile  # noqa: B018 - the profile is loaded, as any template or view may do
    consent_withdraw(user=person, field="gender")

    row, _ = participation_record(kind=COMPLETED, source=source, person=person)

    row.refresh_from_db()
    assert row.gender == ""


@pytest.mark.django_db
def test_the_snapshot_is_taken_when_the_row_is_written(source, person):
    row, _ = participation_record(kind=COMPLETED, source=source, person=person)
    person.profile.sector = Sector.HEALTH
    person.profile.save()

    participation_record(kind=COMPLETED, source=source, person=person)

    row.refresh_from_db()
    assert row.sector == "police"


@pytest.mark.django_db
def test_a_person_without_a_profile_gets_only_their_role(source):
    person = UserFactory(profile=None)

    row, _ = participation_record(kind=COMPLETED, source=source, person=person)

    row.refresh_from_db()
    assert (row.role, row.sector, row.country, row.region, row.gender) == ("", "", "", "", "")


# --- The constraint ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_database_refuses_a_duplicate_row(source, person):
    row, _ = participation_record(kind=COMPLETED, source=source, person=person)
    duplicate = Participation(
        kind=row.kind,
        source_type=row.source_type,
        source_id=row.source_id,
        subject_key=row.subject_key,
        occurred_at=row.occurred_at,
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save(force_insert=True)

    assert Participation.objects.count() == 1


@pytest.mark.django_db
def test_the_database_refuses_a_persons_row_counting_two(source, person):
    row = Participation(
        kind=COMPLETED,
        source_type=ContentType.objects.get_for_model(source),
        source_id=str(source.pk),
        subject_key=f"person:{person.pk}",
        person=person,
        count=2,
        occurred_at="2026-01-01T00:00:00Z",
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        row.save(force_insert=True)


# --- Concurrency (PostgreSQL) -----------------------------------------------------------------

THREADS = 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_calls_for_the_same_person_make_exactly_one_row(source, person):
    barrier = threading.Barrier(THREADS)
    created: list[bool] = []
    row_ids: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def record() -> None:
        try:
            barrier.wait(timeout=30)
            row, was_created = participation_record(kind=COMPLETED, source=source, person=person)
            with lock:
                created.append(was_created)
                row_ids.append(row.pk)
        except BaseException as error:  # noqa: BLE001 - every failure is reported below
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=record) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(created) == [False] * (THREADS - 1) + [True]
    assert len(set(row_ids)) == 1
    assert list(Participation.objects.values_list("pk", flat=True)) == row_ids[:1]


# --- Many at once -----------------------------------------------------------------------------

SNAPSHOT = (
    "kind",
    "source_id",
    "subject_key",
    "person_id",
    "count",
    "occurred_at",
    "role",
    "sector",
    "country",
    "region",
    "gender",
    "age_band",
    "migrant_background",
)


def ledger() -> list[tuple]:
    return sorted(Participation.objects.values_list(*SNAPSHOT))


@pytest.mark.django_db
def test_recording_many_writes_the_same_rows_as_one_at_a_time(source, person):
    from django.utils import timezone

    from impact.services import participation_record_many

    demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    admin = UserFactory(is_superuser=True, profile=None)
    others = [OrganisationFactory(name=f"Training {i}") for i in range(2)]
    when = timezone.now().replace(microsecond=0)
    entries = [(source, person, when), (others[0], admin, when), (others[1], person, when)]
    for item, who, at in entries:
        participation_record(kind=ATTENDED, source=item, person=who, occurred_at=at)
    one_at_a_time = ledger()
    Participation.objects.all().delete()

    created = participation_record_many(kind=ATTENDED, entries=entries)

    assert created == 3
    assert ledger() == one_at_a_time
    assert sorted(Participation.objects.values_list("role", "region", "gender")) == [
        ("admin", "", ""),
        ("professional", "Kaunas", "woman"),
        ("professional", "Kaunas", "woman"),
    ]


@pytest.mark.django_db
def test_recording_many_twice_counts_each_once(source, person):
    from impact.services import participation_record_many

    participation_record(kind=ATTENDED, source=source, person=person)
    other = OrganisationFactory(name="Training 2")
    entries = [(source, person, None), (other, person, None), (other, person, None)]

    assert participation_record_many(kind=ATTENDED, entries=entries) == 1
    assert participation_record_many(kind=ATTENDED, entries=entries) == 0
    assert sorted(Participation.objects.values_list("source_id", flat=True)) == sorted(
        [str(source.pk), str(other.pk)]
    )


@pytest.mark.django_db
def test_recording_many_refuses_what_one_at_a_time_refuses(source, person):
    from impact.services import participation_record_many

    with pytest.raises(ValidationError, match="Unknown participation kind"):
        participation_record_many(kind="nonsense", entries=[(source, person, None)])
    with pytest.raises(ValidationError, match="saved source"):
        participation_record_many(
            kind=ATTENDED, entries=[(Organisation(name="unsaved"), person, None)]
        )
    assert Participation.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 5])
def test_recording_many_takes_a_fixed_number_of_queries(count, django_assert_num_queries):
    from impact.services import participation_record_many

    entries = [
        (OrganisationFactory(name=f"Training {i}"), user_with_role(Role.PROFESSIONAL), None)
        for i in range(count)
    ]
    # Existing rows, the profiles, the roles, the insert.
    with django_assert_num_queries(4):
        participation_record_many(kind=ATTENDED, entries=entries)
    assert Participation.objects.count() == count


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 5])
def test_recording_many_for_programmes_links_each_row_once_in_fixed_queries(
    count, programme, other_programme, django_assert_num_queries
):
    from impact.services import participation_record_many

    entries = [
        (OrganisationFactory(name=f"Training {i}"), user_with_role(Role.PROFESSIONAL), None)
        for i in range(count)
    ]
    ids = [programme.pk, other_programme.pk]
    # Existing rows, profiles, roles; then in a savepoint: the insert, the new rows' ids,
    # their links to the programmes.
    with django_assert_num_queries(8):
        participation_record_many(kind=ATTENDED, entries=entries, programmes=ids)
    participation_record_many(kind=ATTENDED, entries=entries, programmes=ids)  # again: no-op

    through = Participation.programmes.through
    assert (Participation.objects.count(), through.objects.count()) == (count, 2 * count)


@pytest.mark.django_db
def test_an_aggregate_replaced_keeps_one_row_for_the_new_count_and_leaves_people_alone(
    source, person, programme
):
    from impact.services import participation_aggregate_replace

    kind = ParticipationKind.EVENT_ATTENDED
    participation_record(kind=kind, source=source, person=person)
    participation_aggregate_replace(kind=kind, source=source, count=4, aggregate_key="w:r1")
    participation_aggregate_replace(
        kind=kind, source=source, count=6, aggregate_key="w:r2", programmes=[programme.pk]
    )
    participation_aggregate_replace(
        kind=kind, source=source, count=6, aggregate_key="w:r2", programmes=[programme.pk]
    )  # a retried write of the same correction

    rows = Participation.objects.filter(kind=kind).order_by("count")
    assert [(row.person_id, row.count) for row in rows] == [(person.pk, 1), (None, 6)]
    assert list(rows.last().programmes.values_list("pk", flat=True)) == [programme.pk]

    assert (
        participation_aggregate_replace(kind=kind, source=source, count=0, aggregate_key="w:r3")
        is None
    )
    assert list(Participation.objects.values_list("person_id", "count")) == [(person.pk, 1)]
