"""The organiser role alone (no permission granted by hand) is enough to check people in
and export attendance; a professional's role is not."""

from datetime import time, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from events.models import Attendance, Registration
from people.enums import Role
from people.roles import role_assign
from tests.factories import UserFactory
from tests.factories.events import event_page

pytestmark = pytest.mark.django_db


def test_an_organiser_checks_people_in_and_exports_attendance(organiser_with_totp):
    day = timezone.localdate() - timedelta(days=2)
    event = event_page(start_date=day, start_time=time(10, 0), end_time=time(12, 0))
    person = UserFactory(email="amina@example.org")
    registration = Registration.objects.create(
        event=event, person=person, status="confirmed", confirmed_at=timezone.now()
    )
    client = Client()
    client.force_login(organiser_with_totp)

    check_in = reverse("events_admin:check_in", args=[event.pk])
    assert client.get(check_in).status_code == 200
    client.post(check_in, {"registration": registration.pk, "date": day.isoformat()})
    export = client.get(reverse("events_admin:export", args=[event.pk, "attendance", "csv"]))

    assert list(Attendance.objects.values_list("registration_id", flat=True)) == [registration.pk]
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert (export.status_code, len(lines)) == (200, 2)
    assert "amina@example.org" in lines[1]


def test_a_professional_role_grants_no_event_admin_permission():
    person = UserFactory(email="vjosa@example.org")
    role_assign(user=person, role=Role.PROFESSIONAL)
    assert [p for p in person.get_all_permissions() if p.startswith("events.")] == []
