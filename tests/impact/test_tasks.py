"""Ledger tasks: recording by ids is safe to run twice, eagerly and through a real worker."""

import pytest
from celery.result import EagerResult

from impact.enums import ParticipationKind
from impact.models import Participation
from impact.tasks import participation_record_task
from people.enums import Role
from tests.factories import OrganisationFactory, user_with_role

COMPLETED = ParticipationKind.COURSE_COMPLETED


@pytest.mark.django_db
def test_the_task_records_once_when_run_twice():
    person = user_with_role(Role.PROFESSIONAL)
    source = OrganisationFactory()
    args = (COMPLETED, "people.Organisation", str(source.pk), person.pk)

    first = participation_record_task.delay(*args).get()
    second = participation_record_task.delay(*args).get()

    assert first == second == Participation.objects.get(person=person).pk


@pytest.mark.django_db
def test_the_task_does_nothing_when_the_source_is_gone():
    person = user_with_role(Role.PROFESSIONAL)

    result = participation_record_task.delay(COMPLETED, "people.Organisation", "999999", person.pk)

    assert (result.get(), Participation.objects.count()) == (None, 0)


@pytest.mark.django_db
def test_the_task_does_nothing_when_the_person_is_gone():
    source = OrganisationFactory()

    result = participation_record_task.delay(
        COMPLETED, "people.Organisation", str(source.pk), 999999
    )

    assert (result.get(), Participation.objects.count()) == (None, 0)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_records_once_when_the_task_is_sent_twice(celery_worker_live):
    person = user_with_role(Role.PROFESSIONAL)
    source = OrganisationFactory()
    args = (COMPLETED, "people.Organisation", str(source.pk), person.pk)

    first = participation_record_task.delay(*args)
    second = participation_record_task.delay(*args)
    ids = (first.get(timeout=30), second.get(timeout=30))

    row = Participation.objects.get(person=person)
    assert (isinstance(first, EagerResult), isinstance(second, EagerResult)) == (False, False)
    assert ids == (row.pk, row.pk)
    assert Participation.objects.filter(kind=COMPLETED, source_id=str(source.pk)).count() == 1
