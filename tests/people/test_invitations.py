"""Invited accounts: organisers enrol people from (e-mail, name) rows. Each new person gets
an account without a password, one invitation and one e-mail, in their language, naming
who invited them, whose link lets them choose a password, which proves the address is
theirs. Importing the same rows again creates and sends nothing; existing accounts are
left as they are."""

import re

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError

import pytest
from allauth.account.models import EmailAddress

from core.enums import OutboxStatus
from core.models import OutboxMessage
from people.enums import Role
from people.invitations import OUTBOX_KIND, person_invite_many
from people.models import Invitation, User
from people.roles import user_role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "sunflower-river-kaunas-2026"
ROWS = [("Vjosa.Berisha@Example.org ", "Vjosa Berisha"), ("amina@example.org", "Amina Hodžić")]


@pytest.fixture
def inviter():
    return UserFactory(email="ruta@example.org", profile__display_name="Rūta Kazlauskienė")


def invite(rows=ROWS, *, capture, language="en", **kwargs):
    """Invite, and run what waits for the commit (the outbox sends at once, to locmem)."""
    with capture(execute=True):
        return person_invite_many(entries=rows, language=language, **kwargs)


def link_in(message) -> str:
    [url] = re.findall(r"http://testserver(/\S+)", message.body)
    return url


def state() -> tuple[int, int, int, int]:
    return (
        User.objects.count(),
        Invitation.objects.count(),
        OutboxMessage.objects.filter(kind=OUTBOX_KIND).count(),
        len(mail.outbox),
    )


# --- Accounts, invitations, e-mails -----------------------------------------------------------


def test_each_new_person_gets_one_account_one_invitation_one_email(
    inviter, django_capture_on_commit_callbacks
):
    people = invite(invited_by=inviter, capture=django_capture_on_commit_callbacks)

    assert sorted(people) == ["amina@example.org", "vjosa.berisha@example.org"]
    vjosa = people["vjosa.berisha@example.org"]
    assert (
        vjosa.email,
        vjosa.has_usable_password(),
        vjosa.profile.display_name,
        user_role(vjosa),
    ) == ("vjosa.berisha@example.org", False, "Vjosa Berisha", Role.PROFESSIONAL)
    assert state() == (3, 2, 2, 2)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(people)
    assert set(Invitation.objects.values_list("invited_by", flat=True)) == {inviter.pk}
    assert list(
        EmailAddress.objects.filter(user__in=people.values()).values_list("verified", "primary")
    ) == [(False, True), (False, True)]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}


def test_importing_the_same_rows_again_creates_and_sends_nothing(
    inviter, django_capture_on_commit_callbacks
):
    first = invite(invited_by=inviter, capture=django_capture_on_commit_callbacks)
    again = invite(
        [("VJOSA.BERISHA@example.org", "Someone Else"), *ROWS],
        invited_by=inviter,
        capture=django_capture_on_commit_callbacks,
    )

    assert {k: u.pk for k, u in again.items()} == {k: u.pk for k, u in first.items()}
    assert state() == (3, 2, 2, 2)
    assert again["vjosa.berisha@example.org"].profile.display_name == "Vjosa Berisha"


def test_the_same_person_twice_in_one_sheet_is_one_person(django_capture_on_commit_callbacks):
    people = invite(
        [("amina@example.org", "Amina"), (" AMINA@example.org", "Amina H.")],
        capture=django_capture_on_commit_callbacks,
    )

    assert (list(people), state()) == (["amina@example.org"], (1, 1, 1, 1))


def test_existing_accounts_are_returned_untouched_and_get_no_invitation(
    inviter, professional, django_capture_on_commit_callbacks
):
    # Stored with capitals, and a second address another person confirmed as theirs.
    mixed = UserFactory(email="Amina@Example.org", profile__display_name="Amina H.")
    other = UserFactory(email="teuta@example.org")
    EmailAddress.objects.create(user=other, email="teuta.work@example.org", verified=True)
    before = {u.pk: (u.password, u.profile.display_name) for u in (professional, mixed, other)}

    people = invite(
        [
            ("VJOSA@example.org", "Not Her Name"),
            ("amina@example.org", "Amina Hodžić"),
            ("teuta.work@example.org", "Teuta"),
        ],
        invited_by=inviter,
        capture=django_capture_on_commit_callbacks,
    )

    assert {k: u.pk for k, u in people.items()} == {
        "vjosa@example.org": professional.pk,
        "amina@example.org": mixed.pk,
        "teuta.work@example.org": other.pk,
    }
    after = {
        u.pk: (u.password, u.profile.display_name)
        for u in User.objects.filter(pk__in=before).select_related("profile")
    }
    assert after == before
    assert (Invitation.objects.count(), OutboxMessage.objects.count(), mail.outbox) == (0, 0, [])


def test_bad_addresses_are_refused_by_name_and_nothing_is_created(
    django_capture_on_commit_callbacks,
):
    with pytest.raises(ValidationError) as refused:
        invite(
            [("amina@example.org", "Amina"), ("vjosa at example.org", "Vjosa"), ("", "Walk-in")],
            capture=django_capture_on_commit_callbacks,
        )

    assert refused.value.messages == [
        "“vjosa at example.org” is not an e-mail address.",
        "An e-mail address is missing.",
    ]
    assert state() == (0, 0, 0, 0)


def test_inviting_as_an_admin_is_refused(django_capture_on_commit_callbacks):
    with pytest.raises(ValueError):
        invite(role=Role.ADMIN, capture=django_capture_on_commit_callbacks)
    assert state() == (0, 0, 0, 0)


def test_the_role_is_the_one_asked_for(django_capture_on_commit_callbacks):
    people = invite(role=Role.MENTOR, capture=django_capture_on_commit_callbacks)

    assert {user_role(u) for u in people.values()} == {Role.MENTOR}
    assert Group.objects.get(name="Mentors").user_set.count() == 2


@pytest.mark.parametrize("n", [1, 3])
def test_inviting_takes_the_same_queries_for_1_or_3_people(n, inviter, django_assert_num_queries):
    rows = [(f"person{i}@example.org", f"Person {i}") for i in range(n)]
    # What a running site has at hand: the role groups, the content type of invitations.
    Group.objects.get(name="Professionals")
    ContentType.objects.get_for_model(Invitation)

    # The role group; existing accounts (by login address, by confirmed address); the
    # insert and the accounts read back; profiles, group membership, addresses and
    # invitations (read back); the outbox's duplicate check, insert (in a savepoint) and
    # ids read back. The e-mails themselves wait for the commit. All in a savepoint.
    with django_assert_num_queries(17):
        person_invite_many(entries=rows, invited_by=inviter)


# --- The e-mail and its link ------------------------------------------------------------------


def test_the_email_is_in_the_persons_language_and_names_the_inviter(
    inviter, django_capture_on_commit_callbacks
):
    invite(
        [("amina@example.org", "Amina")],
        invited_by=inviter,
        language="lt",
        capture=django_capture_on_commit_callbacks,
    )
    invite(
        [("vjosa@example.org", "Vjosa")],
        invited_by=inviter,
        language="en",
        capture=django_capture_on_commit_callbacks,
    )

    lithuanian, english = mail.outbox
    assert (lithuanian.to, english.to) == (["amina@example.org"], ["vjosa@example.org"])
    # allauth's own words for the sign-in page's link, in each person's language.
    assert (
        "Pamiršote slaptažodį?" in lithuanian.body,
        "Forgot your password?" in english.body,
    ) == (
        True,
        True,
    )
    assert ("Rūta Kazlauskienė" in lithuanian.body, "Hello Vjosa," in english.body) == (True, True)
    amina = User.objects.get(email="amina@example.org")
    assert (
        amina.profile.preferred_language,
        OutboxMessage.objects.get(to_user=amina).language,
    ) == (
        "lt",
        "lt",
    )


def test_a_language_variant_falls_back_to_the_sites_language_of_that_name(
    django_capture_on_commit_callbacks,
):
    people = invite(
        [("amina@example.org", "Amina")],
        language="lt-LT",
        capture=django_capture_on_commit_callbacks,
    )
    unknown = invite(
        [("vjosa@example.org", "Vjosa")], language="xx", capture=django_capture_on_commit_callbacks
    )

    assert (
        people["amina@example.org"].profile.preferred_language,
        unknown["vjosa@example.org"].profile.preferred_language,
    ) == ("lt", "en")


def test_the_link_lets_the_person_choose_a_password_and_sign_in(
    client, inviter, django_capture_on_commit_callbacks
):
    people = invite(
        [("amina@example.org", "Amina")],
        invited_by=inviter,
        capture=django_capture_on_commit_callbacks,
    )
    amina = people["amina@example.org"]
    url = link_in(mail.outbox[0])

    # allauth keeps the key in the session and sends the person on to a page without it.
    follow = client.get(url)
    form_page = client.get(follow["Location"])
    chosen = client.post(follow["Location"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert (follow.status_code, form_page.status_code, chosen.status_code) == (302, 200, 302)
    assert "token_fail" not in form_page.context or not form_page.context["token_fail"]
    amina.refresh_from_db()
    assert (amina.has_usable_password(), amina.check_password(NEW_PASSWORD)) == (True, True)
    assert Invitation.objects.get(user=amina).accepted_at is not None
    assert EmailAddress.objects.get(user=amina).verified is True

    client.logout()
    signed_in = client.post(
        "/accounts/login/", {"login": "amina@example.org", "password": NEW_PASSWORD}
    )
    assert (signed_in.status_code, client.session.get("_auth_user_id")) == (302, str(amina.pk))


def test_the_link_works_once(client, django_capture_on_commit_callbacks):
    invite([("amina@example.org", "Amina")], capture=django_capture_on_commit_callbacks)
    url = link_in(mail.outbox[0])
    follow = client.get(url)
    client.post(follow["Location"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()

    again = client.get(url)

    assert (again.status_code, again.context["token_fail"]) == (200, True)


def test_an_invitation_whose_person_chose_a_password_meanwhile_is_not_sent(
    django_capture_on_commit_callbacks,
):
    people = person_invite_many(entries=[("amina@example.org", "Amina")])
    amina = people["amina@example.org"]
    amina.set_password(NEW_PASSWORD)
    amina.save()

    from core.outbox import outbox_send

    message = OutboxMessage.objects.get(to_user=amina)
    outcome = outbox_send(message_id=message.pk)

    assert (outcome.status, mail.outbox) == (OutboxStatus.CANCELLED, [])
