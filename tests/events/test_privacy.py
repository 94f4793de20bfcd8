"""What events keep about a person: in their data export, and gone with their account."""

import json
from datetime import time, timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from events import services
from events.models import Attendance, Registration
from impact.models import Participation
from people.services import account_delete
from tests.factories import UserFactory
from tests.factories.events import event_page

pytestmark = pytest.mark.django_db

ACCESS = {
    "type": "question",
    "value": {
        "label": "Access needs",
        "help_text": "",
        "kind": "text",
        "choices": "",
        "required": False,
    },
}


def test_the_data_export_holds_my_registrations_answers_and_attendance(client):
    me = UserFactory(email="vjosa@example.org")
    other = UserFactory(email="other@example.org")
    event = event_page(
        questions=[ACCESS],
        start_date=timezone.localdate() - timedelta(days=1),
        start_time=time(0, 0),
        end_time=time(23, 0),
        registration_closes_at=None,
    )
    question = event.question_list[0]["id"]
    mine = Registration.objects.create(
        event=event, person=me, status="confirmed", answers={question: "Sign language"}
    )
    Registration.objects.create(
        event=event, person=other, status="confirmed", answers={question: "x"}
    )
    services.attendance_check_in(registration=mine)
    client.force_login(me)

    data = json.loads(client.get(reverse("people:data_export")).content)

    assert [
        (r["event"], r["status"], r["answers"], r["attended"]) for r in data["event_registrations"]
    ] == [
        (
            event.title,
            "confirmed",
            {"Access needs": "Sign language"},
            [event.start_date.isoformat()],
        )
    ]
    assert set(data) >= {"courses", "certificates", "event_registrations"}


def test_deleting_the_account_removes_registrations_and_answers_but_keeps_the_count():
    me = UserFactory(email="vjosa@example.org")
    event = event_page(
        questions=[ACCESS],
        start_date=timezone.localdate() - timedelta(days=1),
        start_time=time(0, 0),
        end_time=time(23, 0),
    )
    registration = Registration.objects.create(
        event=event,
        person=me,
        status="confirmed",
        answers={event.question_list[0]["id"]: "Wheelchair"},
    )
    services.attendance_check_in(registration=registration)

    account_delete(user=me)

    assert (Registration.objects.count(), Attendance.objects.count()) == (0, 0)
    assert list(Participation.objects.values_list("kind", "person", "count")) == [
        ("event_attended", None, 1)
    ]
