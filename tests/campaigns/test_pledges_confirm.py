"""Confirming a pledge from its e-mail's link (it counts, once, in the ledger and the
totals), consent to follow-up contact given then and withdrawn from any e-mail, and the
pledge wall's moderation."""

import time
from datetime import timedelta

from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from campaigns import services, tokens
from campaigns.enums import PledgeKind, PledgeStatus, WallStatus
from campaigns.models import Pledge, PledgeTotal
from impact.enums import ParticipationKind
from impact.models import Participation
from tests.factories.campaigns import campaign_page, partner_page
from tests.factories.programmes import programme_make

from .test_pledges import link, pledge_make, submit, token

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(db):
    return campaign_page()


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


@pytest.fixture
def confirm_token(campaign, sending):
    """The token of the confirmation link Ana received."""
    with sending():
        submit(campaign, contact_consent=True)
    [email] = mail.outbox
    return token(link(email, "confirm"))


def total(campaign, scope: str = "") -> int | None:
    row = PledgeTotal.objects.filter(campaign_key=campaign.translation_key, scope=scope).first()
    return row.confirmed if row is not None else None


# --- Confirming -------------------------------------------------------------------------------


def test_the_link_confirms_the_pledge_writes_the_ledger_and_counts_it(
    campaign, confirm_token, sending
):
    other = programme_make("Other programme", "other")
    campaign.shared_with.add(other)
    campaign.save()
    assert total(campaign) is None
    with sending():
        pledge = services.pledge_confirm(token=confirm_token)
    pledge.refresh_from_db()
    assert (pledge.status, pledge.confirmed_at is not None) == (PledgeStatus.CONFIRMED, True)
    row = Participation.objects.get()
    assert (
        row.kind,
        row.source,
        row.person,
        row.count,
        row.subject_key,
        row.country,
        row.occurred_at,
        set(row.programmes.values_list("pk", flat=True)),
    ) == (
        ParticipationKind.CAMPAIGN_PLEDGE,
        pledge,
        None,
        1,
        "aggregate:individual",
        "LT",
        pledge.confirmed_at,
        {campaign.programme_id, other.pk},
    )
    assert total(campaign) == 1


def test_confirming_twice_counts_once(campaign, confirm_token, sending):
    with sending():
        first = services.pledge_confirm(token=confirm_token)
    with sending():
        again = services.pledge_confirm(token=confirm_token)
    assert (again.pk, again.confirmed_at) == (first.pk, first.confirmed_at)
    assert Participation.objects.count() == 1
    assert total(campaign) == 1


def test_a_partners_pledge_counts_for_the_partner_and_the_campaign(campaign, sending):
    partner = partner_page(campaign)
    with sending():
        submit(partner, kind=PledgeKind.ORGANISATION, organisation="NGO", commitment="We act.")
    with sending():
        services.pledge_confirm(token=token(link(mail.outbox[0], "confirm")))
    assert (total(campaign), total(campaign, str(partner.translation_key))) == (1, 1)
    assert Participation.objects.get().subject_key == "aggregate:organisation"
    assert PledgeTotal.objects.get(scope="").organisations == 1


def test_two_confirmations_in_a_row_are_both_counted(campaign, sending):
    """Eager tasks (tests, ``make run``): the debounce never loses a confirmation."""
    with sending():
        submit(campaign, "one@example.org")
        submit(campaign, "two@example.org")
    for email in mail.outbox:
        with sending():
            services.pledge_confirm(token=token(link(email, "confirm")))
    assert total(campaign) == 2


def test_a_tampered_or_foreign_token_is_refused(campaign, confirm_token):
    pledge = Pledge.objects.get()
    for bad in (
        confirm_token[:-2] + "xx",
        "",
        tokens.withdraw_token(pledge),  # the other link's token
        signing.dumps(pledge.pk, salt="another.purpose"),
        signing.dumps("1", salt=tokens.CONFIRM_SALT),
    ):
        with pytest.raises(services.PledgeTokenInvalid) as invalid:
            services.pledge_confirm(token=bad)
        assert invalid.value.expired is False
    assert Pledge.objects.get().status == PledgeStatus.PENDING


def test_a_token_for_a_pledge_that_is_gone_is_refused(campaign, confirm_token):
    Pledge.objects.all().delete()
    with pytest.raises(services.PledgeTokenInvalid):
        services.pledge_confirm(token=confirm_token)


def test_the_link_works_for_the_confirmation_days_and_not_after(campaign, monkeypatch):
    pledge = pledge_make(campaign)
    value = tokens.confirm_token(pledge)
    issued = time.time()
    days = 7 * 24 * 60 * 60
    monkeypatch.setattr(signing.time, "time", lambda: issued + days + 60)
    with pytest.raises(services.PledgeTokenInvalid) as invalid:
        services.pledge_confirm(token=value)
    assert invalid.value.expired is True
    assert invalid.value.message == (
        "This confirmation link has expired, so your pledge was not counted. Please pledge "
        "again on the campaign's page: we will send you a new link."
    )
    monkeypatch.setattr(signing.time, "time", lambda: issued + days - 60)
    assert services.pledge_confirm(token=value).status == PledgeStatus.CONFIRMED


@pytest.mark.parametrize("how", ["expired", "waited too long"])
def test_an_expired_pledge_cannot_be_confirmed(campaign, how):
    pledge = pledge_make(campaign)
    value = tokens.confirm_token(pledge)
    if how == "expired":
        Pledge.objects.filter(pk=pledge.pk).update(status=PledgeStatus.EXPIRED)
        now = None
    else:
        now = pledge.created_at + timedelta(days=7, seconds=1)
    with pytest.raises(services.PledgeTokenInvalid) as invalid:
        services.pledge_confirm(token=value, now=now)
    assert invalid.value.expired is True
    assert not Participation.objects.exists()
    with pytest.raises(services.PledgeTokenInvalid):
        services.pledge_for_token(token=value, now=now)


def test_pledge_for_token_reads_without_confirming(campaign, confirm_token):
    pledge = services.pledge_for_token(token=confirm_token)
    assert (pledge, pledge.status) == (Pledge.objects.get(), PledgeStatus.PENDING)
    assert not Participation.objects.exists()


# --- Consent to follow-up contact -----------------------------------------------------------


def test_consent_from_the_form_is_recorded_at_confirmation(campaign, confirm_token):
    pledge = Pledge.objects.get()
    assert (pledge.contact_consent_asked, pledge.contact_consent_at) == (True, None)
    moment = timezone.now()
    services.pledge_confirm(token=confirm_token, now=moment)
    pledge.refresh_from_db()
    assert (pledge.contact_consent_asked, pledge.contact_consent_at) == (True, moment)


def test_the_confirmation_page_can_change_the_consent(campaign, confirm_token):
    services.pledge_confirm(token=confirm_token, contact_consent=False)
    pledge = Pledge.objects.get()
    assert (pledge.status, pledge.contact_consent_asked, pledge.contact_consent_at) == (
        PledgeStatus.CONFIRMED,
        False,
        None,
    )


def test_no_consent_without_asking(campaign, sending):
    with sending():
        submit(campaign, contact_consent=False)
    services.pledge_confirm(token=token(link(mail.outbox[0], "confirm")))
    assert Pledge.objects.values_list("contact_consent_at", flat=True).get() is None


def test_every_email_carries_a_withdraw_link_that_works_twice_harmlessly(
    campaign, confirm_token, sending
):
    services.pledge_confirm(token=confirm_token)
    pledge = Pledge.objects.get()
    pledge.refresh_from_db()
    assert pledge.contact_consent_at is not None
    first = timezone.now()
    withdraw = token(link(mail.outbox[0], "consent"))
    assert services.consent_withdraw(token=withdraw, now=first).contact_consent_withdrawn_at == (
        first
    )
    later = services.consent_withdraw(token=withdraw, now=first + timedelta(days=3))
    assert later.contact_consent_withdrawn_at == first
    # Withdrawn stays withdrawn: confirming again does not give it back.
    services.pledge_confirm(token=confirm_token, contact_consent=True)
    pledge.refresh_from_db()
    assert pledge.contact_consent_withdrawn_at == first
    assert pledge.status == PledgeStatus.CONFIRMED


def test_the_withdraw_link_never_expires(campaign, monkeypatch):
    pledge = pledge_make(campaign)
    value = tokens.withdraw_token(pledge)
    issued = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: issued + 5 * 365 * 24 * 3600)
    assert services.consent_withdraw(token=value).contact_consent_withdrawn_at is not None


def test_a_confirm_token_does_not_withdraw(campaign, confirm_token):
    with pytest.raises(services.PledgeTokenInvalid):
        services.consent_withdraw(token=confirm_token)


# --- The pledge wall -----------------------------------------------------------------------------


def test_an_organiser_approves_a_pledge_for_the_wall_and_it_is_logged(
    campaign, organiser, monkeypatch
):
    from wagtail.models import ModelLogEntry

    stale = []
    monkeypatch.setattr(services.page_cache, "invalidate", lambda: stale.append(True))
    pledge = pledge_make(campaign, status=PledgeStatus.CONFIRMED, wall=WallStatus.PENDING)
    stale.clear()
    decided = services.wall_decide(pledge=pledge, approve=True, by=organiser)
    assert (decided.wall, decided.wall_decided_by, decided.wall_decided_at is not None) == (
        WallStatus.APPROVED,
        organiser,
        True,
    )
    entry = ModelLogEntry.objects.get()
    assert (entry.action, entry.user_id, entry.object_id, entry.data) == (
        "wagtail.moderation.approve",
        organiser.pk,
        str(pledge.pk),
        {"wall": "approved"},
    )
    assert stale == [True]
    services.wall_decide(pledge=pledge, approve=False, by=organiser)
    assert Pledge.objects.get().wall == WallStatus.REJECTED
    assert ModelLogEntry.objects.order_by("-pk").first().action == "wagtail.moderation.reject"


def test_an_organiser_of_another_programme_cannot_decide(campaign, other_organiser):
    pledge = pledge_make(campaign, status=PledgeStatus.CONFIRMED, wall=WallStatus.PENDING)
    with pytest.raises(PermissionDenied):
        services.wall_decide(pledge=pledge, approve=True, by=other_organiser)
    assert Pledge.objects.get().wall == WallStatus.PENDING


@pytest.mark.parametrize(
    ("status", "wall"),
    [
        (PledgeStatus.PENDING, WallStatus.PENDING),
        (PledgeStatus.CONFIRMED, WallStatus.NOT_ASKED),
    ],
)
def test_only_a_confirmed_pledge_that_asked_goes_on_the_wall(campaign, organiser, status, wall):
    pledge = pledge_make(campaign, status=status, wall=wall)
    with pytest.raises(ValidationError):
        services.wall_decide(pledge=pledge, approve=True, by=organiser)
    assert Pledge.objects.get().wall == wall


def test_a_submitted_wish_to_appear_waits_for_approval(campaign):
    submit(campaign, wall=True)
    assert Pledge.objects.get().wall == WallStatus.PENDING
