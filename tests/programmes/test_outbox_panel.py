"""The "Unsent or failed e-mails" panel of a programme's dashboard: failed e-mails and those
queued for more than an hour, to people the user may see, about this programme where the
e-mail's source tells."""

from datetime import timedelta
from itertools import count

from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest

from core.enums import OutboxStatus
from core.models import OutboxMessage
from events.enums import RegistrationStatus
from events.models import EventSectionPage, Registration
from people.enums import Role
from programmes.components import OutboxPanel, outbox_needing_attention
from programmes.sections import section_for
from tests.factories import user_with_role
from tests.factories.events import event_page

pytestmark = pytest.mark.django_db

_keys = count()


def message(to_user=None, *, status=OutboxStatus.FAILED, age=timedelta(0), source=None, **fields):
    row = OutboxMessage.objects.create(
        kind="test.message",
        key=f"test-{next(_keys)}",
        to_user=to_user,
        status=status,
        subject=fields.pop("subject", "Your registration"),
        source_type=ContentType.objects.get_for_model(source, for_concrete_model=False)
        if source is not None
        else None,
        source_id=str(source.pk) if source is not None else "",
        **fields,
    )
    if age:
        OutboxMessage.objects.filter(pk=row.pk).update(created_at=timezone.now() - age)
    return row


def fresh(user):
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def ona(participants, programme):
    """A participant of "Test programme"."""
    person = user_with_role(Role.PROFESSIONAL, email="ona@example.org")
    participants.setdefault(programme.pk, set()).add(person.pk)
    return person


@pytest.fixture
def blerta(participants, other_programme):
    """A participant of "Other programme" only."""
    person = user_with_role(Role.PROFESSIONAL, email="blerta@example.org")
    participants.setdefault(other_programme.pk, set()).add(person.pk)
    return person


@pytest.fixture
def both(participants, programme, other_programme):
    """Someone who takes part in both programmes."""
    person = user_with_role(Role.PROFESSIONAL, email="both@example.org")
    participants.setdefault(programme.pk, set()).add(person.pk)
    participants.setdefault(other_programme.pk, set()).add(person.pk)
    return person


def registration(programme, person) -> Registration:
    section = section_for(programme=programme, section_model=EventSectionPage)
    event = event_page(section, slug=f"event-{next(_keys)}")
    return Registration.objects.create(
        event=event, person=person, status=RegistrationStatus.CONFIRMED
    )


def test_failed_and_long_queued_e_mails_need_attention(organiser, programme, ona):
    failed = message(ona)
    stuck = message(ona, status=OutboxStatus.QUEUED, age=timedelta(hours=2))
    message(ona, status=OutboxStatus.QUEUED, age=timedelta(minutes=10))
    message(ona, status=OutboxStatus.SENT, sent_at=timezone.now())
    message(ona, status=OutboxStatus.CANCELLED)

    rows = outbox_needing_attention(user=fresh(organiser), programme=programme)

    assert set(rows) == {failed, stuck}


def test_e_mails_to_another_programmes_people_stay_out(organiser, programme, ona, blerta):
    mine = message(ona)
    message(blerta)
    message(None, address="walk-in@example.org")

    assert list(outbox_needing_attention(user=fresh(organiser), programme=programme)) == [mine]


def test_an_e_mail_about_another_programmes_event_stays_out_even_to_a_shared_person(
    organiser, programme, other_programme, both
):
    ours = message(both, source=registration(programme, both))
    message(both, source=registration(other_programme, both))
    untraceable = message(both, source=both)  # a person: no programme to trace

    rows = set(outbox_needing_attention(user=fresh(organiser), programme=programme))

    assert rows == {ours, untraceable}


def test_an_e_mail_about_an_event_shared_with_the_programme_is_shown(
    organiser, programme, other_programme, both
):
    theirs = registration(other_programme, both)
    theirs.event.shared_with.add(programme)
    theirs.event.save()
    shared = message(both, source=theirs)

    assert list(outbox_needing_attention(user=fresh(organiser), programme=programme)) == [shared]


def test_an_organiser_gets_nothing_for_another_programme(organiser, other_programme, blerta):
    message(blerta)

    assert list(outbox_needing_attention(user=fresh(organiser), programme=other_programme)) == []


def test_an_admin_sees_every_e_mail_of_the_programme_with_or_without_an_account(
    superuser, programme, other_programme, ona, blerta
):
    mine = message(ona)
    walk_in = message(None, address="walk-in@example.org")
    message(blerta, source=registration(other_programme, blerta))

    assert set(outbox_needing_attention(user=superuser, programme=programme)) == {mine, walk_in}


def test_the_panel_counts_and_links_to_the_e_mails_admin(organiser, programme, ona):
    message(ona, subject="Your place is confirmed")
    message(ona)
    message(ona, status=OutboxStatus.QUEUED, age=timedelta(hours=3))
    request = RequestFactory().get("/admin/")
    request.user = fresh(organiser)

    panel = OutboxPanel(request, programme)
    html = panel.render_html({"request": request})

    assert (panel.context["failed"], panel.context["waiting"]) == (2, 1)
    index = reverse("core_outboxmessage:index")
    assert panel.context["failed_url"] == f"{index}?status=failed"
    assert "2 e-mails failed" in html
    assert "1 e-mail has waited more than an hour" in html
    assert "Your place is confirmed" in html
    assert "ona@example.org" in html


def test_the_panel_says_when_everything_went_out(organiser, programme, ona):
    message(ona, status=OutboxStatus.SENT, sent_at=timezone.now())
    request = RequestFactory().get("/admin/")
    request.user = fresh(organiser)

    html = OutboxPanel(request, programme).render_html({"request": request})

    assert "Every e-mail of this programme went out." in html


def test_the_dashboard_shows_the_panel(organiser_client, programme, ona):
    message(ona, subject="Your place is confirmed")

    page = organiser_client.get(reverse("programmes:dashboard", args=[programme.pk]))

    assert "Your place is confirmed" in page.content.decode()


# --- The E-mails admin reads through the same rule (programmes.outbox_scope) -------------


def test_the_e_mails_admin_hides_e_mails_about_another_programmes_event_to_a_shared_person(
    organiser, programme, other_programme, both
):
    from core.outbox import outbox_visible_to

    ours = message(both, source=registration(programme, both))
    message(both, source=registration(other_programme, both))
    untraceable = message(both, source=both)

    rows = set(outbox_visible_to(user=fresh(organiser), queryset=OutboxMessage.objects.all()))

    assert rows == {ours, untraceable}


def test_an_enrolment_e_mail_is_traced_to_its_course_programme(
    organiser, programme, other_programme, both
):
    from core.outbox import outbox_visible_to
    from courses.models import CoursePage, CourseSectionPage, Enrolment

    def course_in(prog, slug):
        section = section_for(programme=prog, section_model=CourseSectionPage)
        return section.add_child(
            instance=CoursePage(title=slug, slug=slug, summary="s", tracks=["professional"])
        )

    ours = Enrolment.objects.create(
        person=both, course_key=course_in(programme, "a").translation_key
    )
    theirs = Enrolment.objects.create(
        person=both, course_key=course_in(other_programme, "b").translation_key
    )
    shown = message(both, source=ours)
    message(both, source=theirs)

    rows = list(outbox_visible_to(user=fresh(organiser), queryset=OutboxMessage.objects.all()))

    assert rows == [shown]
