"""Migration 0007: rows of people deleted under the old scheme (one key per row, sharing the
person's token) get the person's single key, so they count as one person again."""

import importlib

from django.apps import apps as django_apps
from django.utils import timezone

import pytest

from impact.enums import ParticipationKind
from impact.models import Participation
from people.enums import Role
from tests.factories import OrganisationFactory, user_with_role

migration = importlib.import_module("impact.migrations.0007_deleted_people_one_key")

pytestmark = pytest.mark.django_db


def old_row(source, key: str, kind=ParticipationKind.COURSE_COMPLETED) -> Participation:
    from django.contrib.contenttypes.models import ContentType

    return Participation.objects.create(
        kind=kind,
        source_type=ContentType.objects.get_for_model(source),
        source_id=str(source.pk),
        subject_key=key,
        occurred_at=timezone.now(),
    )


def test_old_per_row_keys_of_one_person_become_one_key_and_others_stay():
    sources = [OrganisationFactory() for _ in range(3)]
    token, other = "a" * 24, "b" * 24
    for index, source in enumerate(sources):
        old_row(source, f"deleted:{token}:{100 + index}")
    old_row(sources[0], f"deleted:{other}:7")
    person = user_with_role(Role.PROFESSIONAL, email="kept@example.org")
    kept = old_row(sources[1], f"person:{person.pk}")
    aggregate = old_row(sources[2], "aggregate:walk-ins:r1")

    migration.merge_keys(django_apps, None)

    keys = sorted(Participation.objects.values_list("subject_key", flat=True))
    assert keys.count(f"deleted:{token}") == 3
    assert keys.count(f"deleted:{other}") == 1
    kept.refresh_from_db()
    aggregate.refresh_from_db()
    assert kept.subject_key == f"person:{person.pk}"
    assert aggregate.subject_key == "aggregate:walk-ins:r1"
    distinct = Participation.objects.filter(subject_key__startswith="deleted:")
    assert distinct.values("subject_key").distinct().count() == 2
