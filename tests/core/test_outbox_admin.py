"""The "E-mails" admin: organisers see, inspect and send again only the e-mails to their
own programmes' people; any other message is a 404, however its id is guessed. Admins see
every message, including those to an address without an account."""

from django.core import mail
from django.core.mail import EmailMessage
from django.utils.translation import gettext_lazy

import pytest

from core import outbox
from core.enums import OutboxStatus
from core.models import OutboxMessage
from impact.enums import ParticipationKind
from impact.models import Participation
from impact.services import participation_record
from tests.factories import OrganisationFactory, UserFactory, totp_activate

pytestmark = pytest.mark.django_db
KIND = "tests.note"
QUERIES_LIST = 14


def compose_note(message):
    return EmailMessage(subject="A note", body="Hello")


@pytest.fixture(autouse=True)
def note_composer():
    outbox.register_composer(KIND, compose_note, label=gettext_lazy("Test note"))
    yield
    outbox._COMPOSERS.pop(KIND, None)
    outbox._KIND_LABELS.pop(KIND, None)


@pytest.fixture(autouse=True)
def programme_people(monkeypatch):
    """People take part in programmes through their ledger rows here: this source stands in
    for the feature apps' (course enrolments, event registrations)."""
    from programmes import selectors

    def source(ids):
        rows = Participation.objects.all()
        if ids is not None:
            rows = rows.filter(programmes__in=ids)
        return rows.values("person_id")

    monkeypatch.setitem(selectors._people_sources, "tests.ledger", source)


def take_part(person, *programmes):
    participation_record(
        kind=ParticipationKind.EVENT_ATTENDED,
        source=OrganisationFactory(),
        person=person,
        programmes=[p.pk for p in programmes],
    )


def failed(*, email: str, programmes=(), account: bool = True) -> OutboxMessage:
    """A message that failed for good, to a person who takes part in ``programmes`` (or to
    a bare address without an account)."""
    if account:
        person = UserFactory(email=email)
        for programme in programmes:
            take_part(person, programme)
        message = outbox.outbox_enqueue(kind=KIND, source=person, key=email, to_user=person)
    else:
        message = outbox.outbox_enqueue(
            kind=KIND, source=OrganisationFactory(), key=email, address=email
        )
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.FAILED, attempts=1, last_error="SMTPDataError: 554 rejected"
    )
    message.refresh_from_db()
    return message


@pytest.fixture
def messages(programme, other_programme):
    return {
        "mine": failed(email="ruta.learner@example.org", programmes=[programme]),
        "theirs": failed(email="arta.learner@example.org", programmes=[other_programme]),
        "walk_in": failed(email="walk.in@example.org", account=False),
    }


def signed_in(client, user):
    totp_activate(user)
    client.force_login(user)
    return client


def listed(client, query: str = "") -> list[str]:
    response = client.get(f"/admin/core_outboxmessage/{query}")
    assert response.status_code == 200
    return sorted(message.recipient for message in response.context["object_list"])


def status(message) -> str:
    message.refresh_from_db()
    return message.status


# --- The matrix ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("organiser", ["ruta.learner@example.org"]),
        ("other_organiser", ["arta.learner@example.org"]),
        (
            "superuser",
            ["arta.learner@example.org", "ruta.learner@example.org", "walk.in@example.org"],
        ),
    ],
)
def test_each_sees_the_emails_of_their_own_programmes_people(client, request, messages, who, sees):
    client = signed_in(client, request.getfixturevalue(who))

    assert listed(client) == sees
    assert listed(client, "?status=failed&q=example") == sees
    body = client.get("/admin/core_outboxmessage/").content.decode()
    hidden = {"ruta.learner", "arta.learner", "walk.in"} - {s.split("@")[0] for s in sees}
    assert [name for name in sorted(hidden) if name in body] == []


def test_the_results_view_is_scoped_too(client, organiser, messages):
    client = signed_in(client, organiser)

    response = client.get("/admin/core_outboxmessage/results/?q=learner")

    assert [m.recipient for m in response.context["object_list"]] == ["ruta.learner@example.org"]
    assert "arta.learner" not in response.content.decode()


@pytest.mark.parametrize(
    ("who", "mine", "theirs", "walk_in"),
    [
        ("organiser", 200, 404, 404),
        ("other_organiser", 404, 200, 404),
        ("superuser", 200, 200, 200),
    ],
)
@pytest.mark.parametrize(
    "url", ["/admin/core_outboxmessage/inspect/{pk}/", "/admin/outbox/{pk}/retry/"]
)
def test_inspect_and_retry_by_id_answer_only_for_visible_messages(
    client, request, messages, who, mine, theirs, walk_in, url
):
    client = signed_in(client, request.getfixturevalue(who))

    codes = [client.get(url.format(pk=messages[k].pk)).status_code for k in messages]

    assert codes == [mine, theirs, walk_in]


def test_an_organiser_cannot_send_again_another_programmes_email(client, organiser, messages):
    client = signed_in(client, organiser)

    response = client.post(f"/admin/outbox/{messages['theirs'].pk}/retry/")

    assert (response.status_code, status(messages["theirs"]), mail.outbox) == (
        404,
        OutboxStatus.FAILED,
        [],
    )
    assert "arta.learner" not in response.content.decode()


def test_an_id_that_does_not_exist_is_the_same_404(client, organiser, messages):
    client = signed_in(client, organiser)

    assert client.get("/admin/core_outboxmessage/inspect/999999/").status_code == 404


def test_an_organiser_sends_their_own_failed_email_again(
    client, organiser, messages, django_capture_on_commit_callbacks
):
    client = signed_in(client, organiser)
    url = f"/admin/outbox/{messages['mine'].pk}/retry/"

    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert (response.status_code, status(messages["mine"])) == (302, OutboxStatus.SENT)
    assert [m.to for m in mail.outbox] == [["ruta.learner@example.org"]]


def test_a_person_in_both_programmes_is_seen_by_both_organisers(
    client, organiser, other_organiser, programme, other_programme
):
    both = failed(email="both@example.org", programmes=[programme, other_programme])

    seen = []
    for user in (organiser, other_organiser):
        client = signed_in(client, user)
        seen.append(listed(client))
        assert client.get(f"/admin/core_outboxmessage/inspect/{both.pk}/").status_code == 200

    assert seen == [["both@example.org"], ["both@example.org"]]


def test_the_list_names_kinds_and_statuses_in_words(client, organiser, messages):
    client = signed_in(client, organiser)

    response = client.get("/admin/core_outboxmessage/")
    inspect = client.get(f"/admin/core_outboxmessage/inspect/{messages['mine'].pk}/")

    html = response.content.decode()
    assert ("Test note" in html, ">tests.note<" in html, "Failed" in html) == (True, False, True)
    fields = {f["label"]: str(f["value"]) for f in inspect.context["fields"]}
    assert (fields["Kind"], fields["Recipient"]) == ("Test note", "ruta.learner@example.org")
    assert dict(response.context["filters"].filters["kind"].extra["choices"]())[KIND] == (
        "Test note"
    )


@pytest.mark.parametrize("n", [1, 3])
def test_the_outbox_list_runs_the_same_queries_for_1_or_3_messages(
    n, client, organiser, programme, django_assert_num_queries
):
    for i in range(n):
        failed(email=f"refused{i}@example.org", programmes=[programme])
    client = signed_in(client, organiser)
    client.get("/admin/core_outboxmessage/")  # warm: the caches a running site has

    with django_assert_num_queries(QUERIES_LIST):
        response = client.get("/admin/core_outboxmessage/")

    assert len(response.context["object_list"]) == n


def test_someone_without_the_permission_cannot_send_again(client, professional, messages):
    client.force_login(professional)

    response = client.post(f"/admin/outbox/{messages['mine'].pk}/retry/")

    assert (response.status_code, status(messages["mine"])) == (403, OutboxStatus.FAILED)


# --- The registry ---------------------------------------------------------------------------


def test_without_a_registered_rule_nobody_but_admins_sees_a_message(
    monkeypatch, organiser, superuser, messages
):
    monkeypatch.setattr(outbox, "_VISIBILITY", [])

    assert (
        outbox.outbox_visible_to(user=organiser).count(),
        outbox.outbox_visible_to(user=superuser).count(),
        outbox.outbox_visible_to(user=None).count(),
    ) == (0, 3, 0)


def test_every_registered_rule_narrows_what_is_seen(monkeypatch, organiser, messages):
    monkeypatch.setattr(outbox, "_VISIBILITY", list(outbox._VISIBILITY))

    def only_walk_ins(user, queryset):
        return queryset.filter(to_user__isnull=True)

    outbox.register_visibility(only_walk_ins)
    outbox.register_visibility(only_walk_ins)  # once is enough

    assert (len(outbox._VISIBILITY), outbox.outbox_visible_to(user=organiser).count()) == (2, 0)
    outbox.unregister_visibility(only_walk_ins)
    assert outbox.outbox_visible_to(user=organiser).count() == 1


def test_an_unregistered_kind_is_named_in_words_not_as_a_code():
    assert (
        outbox.outbox_kind_label("events.waitlist_offer"),
        outbox.outbox_kind_label(KIND),
    ) == ("Events: waitlist offer", "Test note")
