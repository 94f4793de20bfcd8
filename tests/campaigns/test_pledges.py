"""campaigns.services.pledge_submit: double opt-in, one pledge per address per campaign, the
same outcome whatever the address's history (only its owner hears more), limits per
connection and per address, and concurrent submits that make one pledge."""

import re
from datetime import timedelta

from django.core import mail
from django.db import connection
from django.db.models import F
from django.test import override_settings
from django.utils import timezone

import pytest

from campaigns import services
from campaigns.addresses import address_digest
from campaigns.enums import PledgeKind, PledgeStatus, WallStatus
from campaigns.models import Pledge
from core.models import OutboxMessage
from tests.factories.campaigns import campaign_page, partner_page

pytestmark = pytest.mark.django_db

ANA = "ana.petrovic@example.org"
IP = "203.0.113.7"


def pledge_data(email: str = ANA, **fields) -> dict:
    data = {
        "kind": PledgeKind.INDIVIDUAL,
        "display_name": "Ana P.",
        "anonymous": False,
        "email": email,
        "country": "LT",
        "organisation": "",
        "commitment": "",
        "wall": False,
        "contact_consent": False,
    }
    data.update(fields)
    return data


def submit(page, email: str = ANA, *, ip: str = IP, language: str = "en", now=None, **fields):
    return services.pledge_submit(
        page=page, data=pledge_data(email, **fields), language=language, client_ip=ip, now=now
    )


def pledge_make(campaign, email: str = ANA, *, partner=None, **fields) -> Pledge:
    """A pledge written directly (its state as given), with its address's digest."""
    values = {
        "campaign_key": campaign.translation_key,
        "partner_key": partner.translation_key if partner is not None else None,
        "page": partner or campaign,
        "display_name": "Ana P.",
        "email": email,
        "email_digest": address_digest(email) if email else None,
        "country": "LT",
    }
    values.update(fields)
    if values.get("status") == PledgeStatus.CONFIRMED:
        values.setdefault("confirmed_at", timezone.now())
    return Pledge.objects.create(**values)


def link(email, name: str) -> str:
    """The address of ``name`` ("confirm" or "consent") in a sent e-mail's text."""
    [url] = re.findall(rf"http://testserver/\S*/pledge/{name}/\S+/", email.body)
    return url


def token(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


@pytest.fixture
def campaign(db):
    return campaign_page()


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the outbox's sending) at the end of each block."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


# --- A new address -------------------------------------------------------------------------


def test_a_new_address_makes_a_pending_pledge_and_gets_a_confirmation_link(campaign, sending):
    with sending():
        outcome = submit(campaign, "  Ana.Petrovic@Example.org ", wall=True, contact_consent=True)
    assert outcome is None
    pledge = Pledge.objects.get()
    assert (
        pledge.campaign_key,
        pledge.partner_key,
        pledge.page_id,
        pledge.kind,
        pledge.display_name,
        pledge.email,
        pledge.email_digest,
        pledge.status,
        pledge.wall,
        pledge.contact_consent_asked,
        pledge.contact_consent_at,
        pledge.confirmed_at,
        pledge.language,
    ) == (
        campaign.translation_key,
        None,
        campaign.pk,
        PledgeKind.INDIVIDUAL,
        "Ana P.",
        "Ana.Petrovic@Example.org",
        address_digest("Ana.Petrovic@Example.org"),
        PledgeStatus.PENDING,
        WallStatus.PENDING,
        True,
        None,
        None,
        "en",
    )
    [email] = mail.outbox
    assert email.to == ["Ana.Petrovic@Example.org"]
    assert email.subject == "Please confirm your pledge: 16 Days of Activism"
    assert link(email, "confirm").startswith("http://testserver/campaign-pledges/pledge/confirm/")


def test_an_anonymous_pledge_keeps_no_name(campaign):
    submit(campaign, anonymous=True, display_name="Ana P.")
    assert Pledge.objects.values_list("anonymous", "display_name").get() == (True, "")


def test_a_partners_page_pledges_to_the_campaign_and_the_partner(campaign):
    partner = partner_page(campaign)
    submit(partner)
    submit(campaign, "other@example.org")
    assert sorted(
        Pledge.objects.values_list("campaign_key", "partner_key", "page_id"), key=str
    ) == sorted(
        [
            (campaign.translation_key, partner.translation_key, partner.pk),
            (campaign.translation_key, None, campaign.pk),
        ],
        key=str,
    )


def test_an_organisations_pledge_needs_its_name(campaign):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        submit(campaign, kind=PledgeKind.ORGANISATION, organisation="", commitment="We act.")
    assert not Pledge.objects.exists()


# --- No leak: the same outcome, one e-mail to the owner ---------------------------------------


def test_the_outcome_is_the_same_for_a_new_a_pending_and_a_confirmed_address(campaign, sending):
    pledge_make(campaign, "waiting@example.org")
    pledge_make(campaign, "counted@example.org", status=PledgeStatus.CONFIRMED)
    outcomes = []
    with sending():
        for address in ("new@example.org", "waiting@example.org", "counted@example.org"):
            outcomes.append(submit(campaign, address))
    assert outcomes == [None, None, None]
    assert Pledge.objects.count() == 3
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("counted@example.org", "You have already pledged: 16 Days of Activism"),
        ("new@example.org", "Please confirm your pledge: 16 Days of Activism"),
        ("waiting@example.org", "Please confirm your pledge: 16 Days of Activism"),
    ]


def test_the_already_pledged_email_tells_the_owner_there_is_nothing_to_do(campaign, sending):
    pledge_make(campaign, status=PledgeStatus.CONFIRMED)
    with sending():
        submit(campaign)
    [email] = mail.outbox
    assert "You have already pledged to this campaign" in email.body
    assert "/pledge/confirm/" not in email.body
    assert Pledge.objects.get().status == PledgeStatus.CONFIRMED


def test_aliases_of_one_mailbox_make_one_pledge(campaign, sending):
    with sending():
        submit(campaign, "anapetrovic@gmail.com")
        submit(campaign, "Ana.Petrovic+16days@googlemail.com", ip="198.51.100.1")
    assert Pledge.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["anapetrovic@gmail.com"]]


def test_a_second_pledge_keeps_the_first_ones_details(campaign):
    """Anyone can type someone's address: a second submission never rewrites her pledge."""
    submit(campaign, display_name="Ana P.")
    submit(campaign, display_name="Someone else", wall=True, contact_consent=True)
    assert Pledge.objects.values_list("display_name", "wall", "contact_consent_asked").get() == (
        "Ana P.",
        WallStatus.NOT_ASKED,
        False,
    )


def an_hour_passes():
    """The outbox's clock (its rows' creation times) an hour and a minute back."""
    OutboxMessage.objects.update(created_at=F("created_at") - timedelta(minutes=61))


@override_settings(CAMPAIGNS_PLEDGE_LIMIT_PER_ADDRESS=100, CAMPAIGNS_PLEDGE_LIMIT_PER_IP=100)
def test_a_flood_sends_at_most_one_email_an_hour_to_an_address(campaign, sending):
    with sending():
        for _ in range(4):
            submit(campaign)
    assert len(mail.outbox) == 1
    an_hour_passes()
    with sending():
        submit(campaign)
        submit(campaign)
    assert len(mail.outbox) == 2
    # Confirmed since: "already pledged", still one an hour (whatever the kind).
    Pledge.objects.update(status=PledgeStatus.CONFIRMED, confirmed_at=timezone.now())
    with sending():
        submit(campaign)
    assert len(mail.outbox) == 2
    an_hour_passes()
    with sending():
        for _ in range(3):
            submit(campaign)
    assert [m.subject.split(":")[0] for m in mail.outbox] == [
        "Please confirm your pledge",
        "Please confirm your pledge",
        "You have already pledged",
    ]


def test_the_same_campaign_in_another_language_is_the_same_campaign(campaign, sending):
    from wagtail.models import Locale

    locale = Locale.objects.create(language_code="lt")
    for ancestor in campaign.get_ancestors().filter(depth__gt=1).specific():
        ancestor.copy_for_translation(locale)
    translation = campaign.copy_for_translation(locale)
    translation.save_revision().publish()
    translation.refresh_from_db()
    with sending():
        submit(campaign)
        submit(translation, language="lt", ip="198.51.100.1")
    assert Pledge.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_expired_pledge_leaves_room_for_a_new_one(campaign, sending):
    old = pledge_make(campaign)
    Pledge.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    with sending():
        submit(campaign)
    old.refresh_from_db()
    assert (old.status, old.email, old.email_digest) == (PledgeStatus.EXPIRED, "", None)
    new = Pledge.objects.exclude(pk=old.pk).get()
    assert (new.status, new.email) == (PledgeStatus.PENDING, ANA)
    assert [m.to for m in mail.outbox] == [[ANA]]


# --- When pledges are not taken ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"pledges_open": False}, "This campaign is not taking pledges at the moment."),
        (
            {
                "starts_on": timezone.localdate() - timedelta(days=20),
                "ends_on": timezone.localdate() - timedelta(days=2),
            },
            "This campaign has ended, so it no longer takes pledges. Thank you for your support.",
        ),
    ],
)
def test_a_closed_or_ended_campaign_refuses_pledges(db, fields, message):
    page = campaign_page(**fields)
    with pytest.raises(services.PledgeRefused) as refused:
        submit(page)
    assert refused.value.message == message
    assert not Pledge.objects.exists()


def test_an_unpublished_campaign_refuses_pledges(campaign):
    campaign.unpublish()
    with pytest.raises(services.PledgeRefused):
        submit(campaign)


def test_the_last_day_ends_at_midnight_in_the_campaigns_zone(db):
    from datetime import UTC, datetime

    page = campaign_page(
        starts_on=timezone.localdate() - timedelta(days=40),
        ends_on=timezone.localdate() - timedelta(days=30),
        time_zone="Pacific/Kiritimati",  # UTC+14
    )
    # 23:00 on the last day in Kiritimati is 09:00 UTC that day: still open.
    late = datetime.combine(page.ends_on, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
    submit(page, now=late)
    with pytest.raises(services.PledgeRefused):
        submit(page, "other@example.org", now=late + timedelta(hours=2))
    assert Pledge.objects.count() == 1


def test_pledges_are_taken_before_the_first_day(db):
    page = campaign_page(
        starts_on=timezone.localdate() + timedelta(days=10),
        ends_on=timezone.localdate() + timedelta(days=25),
    )
    submit(page)
    assert Pledge.objects.count() == 1


# --- Limits ------------------------------------------------------------------------------------


@override_settings(CAMPAIGNS_PLEDGE_LIMIT_PER_IP=2)
def test_a_connection_is_limited_per_hour(campaign):
    submit(campaign, "one@example.org")
    submit(campaign, "two@example.org")
    with pytest.raises(services.PledgeRefused) as refused:
        submit(campaign, "three@example.org")
    assert refused.value.message == (
        "Too many pledges were sent from your connection in the last hour. "
        "Please try again in an hour."
    )
    submit(campaign, "three@example.org", ip="198.51.100.9")
    assert Pledge.objects.count() == 3


@override_settings(CAMPAIGNS_PLEDGE_LIMIT_PER_IP=2)
def test_the_addresses_of_one_ipv6_network_count_together(campaign):
    submit(campaign, "one@example.org", ip="2001:db8:1:2::1")
    submit(campaign, "two@example.org", ip="2001:db8:1:2:ffff::9")
    with pytest.raises(services.PledgeRefused):
        submit(campaign, "three@example.org", ip="2001:db8:1:2::abcd")
    submit(campaign, "three@example.org", ip="2001:db8:1:3::1")


@override_settings(CAMPAIGNS_PLEDGE_LIMIT_PER_ADDRESS=2)
@pytest.mark.parametrize("history", ["none", "pending", "confirmed"])
def test_an_address_over_its_hourly_limit_is_dropped_without_a_word_whatever_its_history(
    campaign, history
):
    """A refusal would tell a prober that someone else entered the address in the last hour
    (a pledge, perhaps): over the limit, the submission looks accepted and does nothing."""
    if history != "none":
        pledge_make(campaign, status=history)
    submit(campaign, ip="198.51.100.1")
    submit(campaign, ip="198.51.100.2")
    an_hour_passes()  # without the limit, the next submit would queue an e-mail
    before = (Pledge.objects.count(), OutboxMessage.objects.count())

    assert submit(campaign, ip="198.51.100.3") is None

    assert (Pledge.objects.count(), OutboxMessage.objects.count()) == before
    # Another address from the same connection is taken.
    submit(campaign, "other@example.org", ip="198.51.100.3")
    assert Pledge.objects.count() == before[0] + 1


@override_settings(CAMPAIGNS_PLEDGE_LIMIT_PER_ADDRESS=1)
def test_an_address_limit_counts_aliases_together(campaign):
    submit(campaign, "anapetrovic@gmail.com", ip="198.51.100.1")
    an_hour_passes()
    before = OutboxMessage.objects.count()
    submit(campaign, "Ana.Petrovic+x@gmail.com", ip="198.51.100.2")
    assert OutboxMessage.objects.count() == before


# --- Double clicks and concurrent submits ------------------------------------------------------


def test_a_double_click_makes_one_pledge_and_one_email(campaign, sending):
    with sending():
        submit(campaign)
        submit(campaign)
    assert Pledge.objects.count() == 1
    assert OutboxMessage.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_pledge_saved_by_a_concurrent_request_is_the_one_kept(campaign, sending, monkeypatch):
    """The race a unique constraint settles: another request inserted the same address
    between our read and our write. No error, one pledge, one e-mail."""
    made = services._pledge_new

    def concurrent_first(**kwargs):
        pledge_make(campaign)  # the other request's pledge
        return made(**kwargs)

    monkeypatch.setattr(services, "_pledge_new", concurrent_first)
    with sending():
        assert submit(campaign) is None
    assert Pledge.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[ANA]]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@override_settings(CAMPAIGNS_PLEDGE_LIMIT_PER_IP=100, CAMPAIGNS_PLEDGE_LIMIT_PER_ADDRESS=100)
def test_concurrent_identical_submits_make_one_pledge_and_one_email():
    from concurrent.futures import ThreadPoolExecutor

    page = campaign_page()

    def attempt(_index):
        try:
            return submit(page)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(attempt, range(8)))
    assert results == [None] * 8
    assert Pledge.objects.count() == 1
    assert OutboxMessage.objects.count() == 1
