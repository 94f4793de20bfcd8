"""campaigns.tasks and the services they run: totals recounted from confirmed pledges
(debounced after a confirmation, periodic otherwise) and retention (unconfirmed pledges
expire, addresses are erased a set time after the campaign; counts stay)."""

from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

import pytest

from campaigns import services, tasks
from campaigns.enums import PledgeKind, PledgeStatus, WallStatus
from campaigns.models import Pledge, PledgeTotal
from core.models import OutboxMessage
from impact.models import Participation
from tests.factories.campaigns import campaign_page, partner_page

from .test_pledges import pledge_make, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(db):
    return campaign_page()


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


def totals() -> dict:
    return {
        (str(row.campaign_key), row.scope): (row.confirmed, row.organisations)
        for row in PledgeTotal.objects.all()
    }


@pytest.fixture
def stale(monkeypatch):
    """Every ``core.page_cache.invalidate`` call the services make."""
    calls = []
    monkeypatch.setattr(services.page_cache, "invalidate", lambda: calls.append(True))
    return calls


# --- The tasks' names ------------------------------------------------------------------------


def test_the_beat_schedule_names_the_tasks():
    from config.celery_app import app

    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"campaigns.totals_refresh", "campaigns.pledges_erase"} <= names
    assert tasks.totals_refresh_task.name == "campaigns.totals_refresh"
    assert tasks.pledges_erase_task.name == "campaigns.pledges_erase"
    assert {"campaigns.totals_refresh", "campaigns.pledges_erase"} <= set(app.tasks)


# --- Totals -------------------------------------------------------------------------------------


def test_totals_count_confirmed_pledges_per_campaign_and_partner(campaign, stale):
    a, b = partner_page(campaign), partner_page(campaign, organisation="Other NGO")
    other = campaign_page(title="Another campaign")
    confirmed = PledgeStatus.CONFIRMED
    pledge_make(campaign, "1@example.org", status=confirmed)
    pledge_make(campaign, "2@example.org", status=confirmed, kind=PledgeKind.ORGANISATION)
    pledge_make(campaign, "3@example.org", partner=a, status=confirmed)
    pledge_make(
        campaign, "4@example.org", partner=a, status=confirmed, kind=PledgeKind.ORGANISATION
    )
    pledge_make(campaign, "5@example.org", partner=b)  # waiting: not counted
    pledge_make(campaign, "6@example.org", partner=b, status=PledgeStatus.EXPIRED)
    pledge_make(other, "1@example.org", status=confirmed)
    stale.clear()  # publishing the pages above made them stale
    assert tasks.totals_refresh_task() == 3
    key, other_key = str(campaign.translation_key), str(other.translation_key)
    assert totals() == {
        (key, ""): (4, 2),
        (key, str(a.translation_key)): (2, 1),
        (other_key, ""): (1, 0),
    }
    assert stale == [True]
    # Nothing changed: nothing written, no page made stale.
    assert services.totals_refresh() == 0
    assert stale == [True]


def test_one_campaigns_recount_leaves_the_others_alone(campaign):
    other = campaign_page(title="Another campaign")
    pledge_make(campaign, status=PledgeStatus.CONFIRMED)
    pledge_make(other, status=PledgeStatus.CONFIRMED)
    assert services.totals_refresh(campaign_key=campaign.translation_key) == 1
    assert list(totals()) == [(str(campaign.translation_key), "")]


def test_a_scope_left_without_pledges_goes_back_to_zero(campaign):
    partner = partner_page(campaign)
    pledge = pledge_make(campaign, partner=partner, status=PledgeStatus.CONFIRMED)
    services.totals_refresh()
    pledge.delete()
    assert services.totals_refresh() == 2
    assert set(totals().values()) == {(0, 0)}


@pytest.mark.parametrize("partners", [1, 3])
def test_a_recount_takes_the_same_queries_whatever_the_partners(
    campaign,
    partners,
    django_assert_num_queries,
):
    for index in range(partners):
        partner = partner_page(campaign, title=f"Partner {index}")
        pledge_make(campaign, f"{index}@example.org", partner=partner, status="confirmed")
    # The aggregate, the stored totals, and the upsert (in a savepoint).
    with django_assert_num_queries(5):
        services.totals_refresh()
    assert PledgeTotal.objects.count() == partners + 1


def test_totals_refresh_soon_is_debounced(campaign, monkeypatch):
    scheduled = []

    def apply_async(args, countdown):
        scheduled.append((args, countdown))

    monkeypatch.setattr(tasks.totals_refresh_task, "apply_async", apply_async)
    key = campaign.translation_key
    assert services.totals_refresh_soon(key) is True
    assert services.totals_refresh_soon(key) is False
    assert services.totals_refresh_soon(key) is False
    assert scheduled == [([str(key)], settings.CAMPAIGNS_TOTALS_INTERVAL)]
    # Another campaign has its own recount.
    other = campaign_page(title="Another campaign")
    assert services.totals_refresh_soon(other.translation_key) is True
    # The task drops the lock before counting: the next confirmation schedules again.
    tasks.totals_refresh_task(str(key))
    assert services.totals_refresh_soon(key) is True
    assert len(scheduled) == 3


def test_a_broker_that_is_down_leaves_the_recount_to_the_periodic_task(
    campaign,
    monkeypatch,
):
    def broken(**kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.totals_refresh_task, "apply_async", broken)
    assert services.totals_refresh_soon(campaign.translation_key) is False
    assert cache.get(services.totals_lock_key(campaign.translation_key)) is None


def test_a_confirmation_updates_the_counter_at_once_with_eager_tasks(
    campaign,
    sending,
):
    from django.core import mail

    from .test_pledges import link, token

    with sending():
        submit(campaign)
    with sending():
        services.pledge_confirm(token=token(link(mail.outbox[0], "confirm")))
    assert totals() == {(str(campaign.translation_key), ""): (1, 0)}


# --- Retention ------------------------------------------------------------------------------------


def erase_moment(ends_on: date) -> datetime:
    """Midnight in Vilnius (UTC+2 in winter) after the last day, plus the retention days."""
    midnight = datetime.combine(ends_on, datetime.min.time(), tzinfo=UTC) + timedelta(hours=22)
    return midnight + timedelta(days=settings.CAMPAIGNS_PLEDGE_RETENTION_DAYS)


@pytest.fixture
def ended(db):
    return campaign_page(
        starts_on=date(2024, 11, 25), ends_on=date(2024, 12, 10), time_zone="Europe/Vilnius"
    )


def _retained(ended):
    person = pledge_make(
        ended, "ana@example.org", status=PledgeStatus.CONFIRMED, wall=WallStatus.APPROVED
    )
    organisation = pledge_make(
        ended,
        "office@ngo.example",
        status=PledgeStatus.CONFIRMED,
        kind=PledgeKind.ORGANISATION,
        organisation="NGO",
        display_name="Vesna K.",
        commitment="We act.",
    )
    return person, organisation


def test_addresses_are_kept_until_the_retention_time_in_the_campaigns_zone(ended):
    person, organisation = _retained(ended)
    moment = erase_moment(ended.ends_on)
    # In UTC the time has come two hours later: a campaign erased by UTC's clock would
    # not be erased yet at ``moment + 1 s``.
    assert services.pledges_erase(now=moment - timedelta(seconds=1)) == 0
    assert Pledge.objects.filter(erased_at__isnull=True).count() == 2
    assert services.pledges_erase(now=moment + timedelta(seconds=1)) == 2
    person.refresh_from_db()
    organisation.refresh_from_db()
    assert (person.email, person.email_digest, person.display_name, person.status) == (
        "",
        None,
        "",
        PledgeStatus.CONFIRMED,
    )
    # The organisation stays (the wall shows it); its contact person's name goes.
    assert (organisation.email, organisation.display_name, organisation.organisation) == (
        "",
        "",
        "NGO",
    )
    assert person.erased_at == moment + timedelta(seconds=1)
    # Erased once: a later run finds nothing to do.
    assert services.pledges_erase(now=moment + timedelta(days=1)) == 0


def test_erasing_keeps_the_counts_and_the_ledger(ended, sending):
    from campaigns import tokens

    person, _organisation = _retained(ended)
    Pledge.objects.filter(pk=person.pk).update(status=PledgeStatus.PENDING, confirmed_at=None)
    services.pledge_confirm(token=tokens.confirm_token(person), now=person.created_at)
    services.totals_refresh()
    before = totals()
    services.pledges_erase(now=erase_moment(ended.ends_on) + timedelta(seconds=1))
    assert services.totals_refresh() == 0
    assert totals() == before
    assert Participation.objects.filter(source_id=str(person.pk)).count() == 1


def test_an_unconfirmed_pledge_expires_after_the_confirmation_days(campaign):
    pledge = pledge_make(campaign)
    limit = pledge.created_at + timedelta(days=settings.CAMPAIGNS_PLEDGE_CONFIRM_DAYS)
    assert services.pledges_erase(now=limit - timedelta(seconds=1)) == 0
    assert Pledge.objects.get().status == PledgeStatus.PENDING
    assert services.pledges_erase(now=limit + timedelta(seconds=1)) == 1
    pledge.refresh_from_db()
    assert (pledge.status, pledge.email, pledge.email_digest, pledge.display_name) == (
        PledgeStatus.EXPIRED,
        "",
        None,
        "",
    )


def test_erasing_a_pledge_erases_its_address_in_the_outbox(campaign, sending):
    with sending():
        submit(campaign)
    assert OutboxMessage.objects.get().address == "ana.petrovic@example.org"
    services.pledges_erase(now=timezone.now() + timedelta(days=8))
    assert OutboxMessage.objects.get().address == ""


def test_the_pledges_of_a_deleted_campaign_are_erased(campaign):
    pledge_make(campaign, status=PledgeStatus.CONFIRMED)
    campaign.delete()
    assert services.pledges_erase() == 1
    assert Pledge.objects.get().email == ""


def test_a_translation_with_a_later_end_keeps_addresses_until_then(ended):
    from wagtail.models import Locale

    pledge_make(ended, status=PledgeStatus.CONFIRMED)
    locale = Locale.objects.create(language_code="lt")
    for ancestor in ended.get_ancestors().filter(depth__gt=1).specific():
        ancestor.copy_for_translation(locale)
    translation = ended.copy_for_translation(locale)
    translation.ends_on = date(2024, 12, 20)
    translation.save()
    assert services.pledges_erase(now=erase_moment(ended.ends_on) + timedelta(days=1)) == 0
    assert services.pledges_erase(now=erase_moment(date(2024, 12, 20)) + timedelta(seconds=1)) == 1


@override_settings(CAMPAIGNS_PLEDGE_CONFIRM_DAYS=7)
def test_the_erase_task_runs_the_service(campaign):
    pledge = pledge_make(campaign)
    Pledge.objects.filter(pk=pledge.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert tasks.pledges_erase_task() == 1
    assert Pledge.objects.get().status == PledgeStatus.EXPIRED


def test_erasure_leaves_no_copy_of_the_address_in_the_outbox_nor_its_errors(ended):
    from django.contrib.contenttypes.models import ContentType

    person, _organisation = _retained(ended)
    kind = ContentType.objects.get_for_model(Pledge)
    OutboxMessage.objects.create(
        kind="campaigns.pledge_confirm",
        key="t-erase",
        source_type=kind,
        source_id=str(person.pk),
        address=person.email,
        last_error=f"SMTPRecipientsRefused: {person.email} 550 no such user",
    )

    services.pledges_erase(now=erase_moment(ended.ends_on) + timedelta(seconds=1))

    assert OutboxMessage.objects.filter(key="t-erase").values_list(
        "address", "last_error"
    ).get() == ("", "")
