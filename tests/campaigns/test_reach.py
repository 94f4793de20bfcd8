"""campaigns.reach: a reach record and its anonymous ``campaign_reach`` ledger row move
together (recorded, corrected, deleted), the rules say what is wrong in words, another
programme's organiser is refused by the service itself, and every write is in the audit
log."""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum

from wagtail.models import ModelLogEntry

import pytest

from campaigns import reach
from campaigns.enums import ReachBasis, ReachChannel
from campaigns.models import ReachRecord
from impact.enums import ParticipationKind
from impact.models import Participation
from tests.factories.campaigns import campaign_page, campaign_section, partner_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(programme):
    return campaign_page()


@pytest.fixture
def other_campaign(other_programme):
    return campaign_page(parent=campaign_section(other_programme), title="Other campaign")


def values(campaign, **changes) -> dict:
    data = {
        "channel": ReachChannel.MEDIA,
        "basis": ReachBasis.ESTIMATED,
        "people": 1200,
        "method": "Broadcaster's audience figures for the evening news",
        "on": campaign.starts_on + timedelta(days=1),
    }
    data.update(changes)
    return data


def ledger(record=None):
    rows = Participation.objects.filter(kind=ParticipationKind.CAMPAIGN_REACH)
    if record is not None:
        rows = rows.filter(source_id=str(record.pk))
    return rows


def ledger_total() -> int:
    return ledger().aggregate(n=Sum("count", default=0))["n"]


# --- The ledger follows the record ------------------------------------------------------------


def test_recording_reach_writes_one_anonymous_ledger_row(campaign, organiser, programme):
    record = reach.reach_record(campaign=campaign, by=organiser, **values(campaign))

    [row] = ledger()
    assert (row.source, row.person, row.count) == (record, None, 1200)
    assert set(row.programmes.values_list("pk", flat=True)) == {programme.pk}
    # Midday of the record's day in the campaign's zone (Vilnius, UTC+2 in winter).
    assert row.occurred_at == datetime.combine(
        record.on, datetime.min.time(), tzinfo=UTC
    ) + timedelta(hours=10)
    assert (record.campaign_key, record.recorded_by) == (campaign.translation_key, organiser)


def test_a_shared_campaigns_reach_counts_for_every_programme_running_it(
    campaign, organiser, programme, other_programme, other_organiser
):
    campaign.shared_with.add(other_programme)
    campaign.save()

    reach.reach_record(campaign=campaign, by=other_organiser, **values(campaign))

    [row] = ledger()
    assert set(row.programmes.values_list("pk", flat=True)) == {programme.pk, other_programme.pk}


def test_correcting_reach_replaces_its_ledger_row(campaign, organiser):
    record = reach.reach_record(campaign=campaign, by=organiser, **values(campaign))
    later = campaign.starts_on + timedelta(days=3)

    reach.reach_update(
        record=record,
        by=organiser,
        **values(campaign, people=800, basis=ReachBasis.DIRECT, on=later),
    )

    [row] = ledger()
    assert (row.source_id, row.count) == (str(record.pk), 800)
    assert row.occurred_at.date() == later
    record.refresh_from_db()
    assert (record.people, record.basis, record.on) == (800, ReachBasis.DIRECT, later)


def test_a_correction_sent_twice_counts_once(campaign, organiser):
    record = reach.reach_record(campaign=campaign, by=organiser, **values(campaign))

    for _attempt in range(2):
        reach.reach_update(record=record, by=organiser, **values(campaign, people=900))

    assert ledger_total() == 900
    assert ledger().count() == 1


def test_a_correction_back_to_an_earlier_number_counts_it_again(campaign, organiser):
    record = reach.reach_record(campaign=campaign, by=organiser, **values(campaign))
    reach.reach_update(record=record, by=organiser, **values(campaign, people=10))

    reach.reach_update(record=record, by=organiser, **values(campaign, people=1200))

    assert ledger_total() == 1200


def test_deleting_reach_removes_its_ledger_row(campaign, organiser):
    kept = reach.reach_record(campaign=campaign, by=organiser, **values(campaign, people=5))
    gone = reach.reach_record(campaign=campaign, by=organiser, **values(campaign))
    gone_pk = gone.pk

    reach.reach_delete(record=gone, by=organiser)

    assert not ReachRecord.objects.filter(pk=gone_pk).exists()
    assert list(ledger().values_list("source_id", "count")) == [(str(kept.pk), 5)]


def test_a_partners_reach_carries_its_country_into_the_ledger(campaign, organiser):
    partner = partner_page(campaign, country="AL")

    record = reach.reach_record(
        campaign=campaign, by=organiser, partner=partner, **values(campaign)
    )

    assert record.partner_key == partner.translation_key
    assert ledger().get().country == "AL"


# --- The audit log ------------------------------------------------------------------------------


def test_every_write_is_in_the_audit_log(campaign, organiser):
    record = reach.reach_record(campaign=campaign, by=organiser, **values(campaign))
    reach.reach_update(record=record, by=organiser, **values(campaign, people=7))
    reach.reach_delete(record=record, by=organiser)

    entries = ModelLogEntry.objects.filter(action__startswith="campaigns.reach_").order_by("pk")
    assert [(e.action, e.user, e.data["people"]) for e in entries] == [
        ("campaigns.reach_add", organiser, 1200),
        ("campaigns.reach_change", organiser, 7),
        ("campaigns.reach_delete", organiser, 7),
    ]
    assert entries[1].data["changed"] == {"people": [1200, 7]}
    assert (
        entries[1].message == "Reach corrected: 7 people, Media, Estimated (audience, impressions)"
    )


# --- Rules in words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"people": 0}, "people"),
        ({"people": -3}, "people"),
        ({"people": "many"}, "people"),
        ({"people": 2_000_000_000}, "people"),
        ({"method": "   "}, "method"),
        ({"channel": "radio"}, "channel"),
        ({"basis": "guessed"}, "basis"),
        ({"on": None}, "on"),
    ],
)
def test_a_record_that_breaks_a_rule_is_refused_with_its_field(campaign, organiser, changes, field):
    with pytest.raises(ValidationError) as refusal:
        reach.reach_record(campaign=campaign, by=organiser, **values(campaign, **changes))

    assert list(refusal.value.message_dict) == [field]
    assert not ReachRecord.objects.exists()
    assert not ledger().exists()


@pytest.mark.parametrize(
    "on",
    [
        lambda c: c.starts_on - timedelta(days=reach.REACH_DAYS_BEFORE + 1),
        lambda c: c.ends_on + timedelta(days=1),  # later than today: the campaign runs on
    ],
)
def test_a_date_outside_the_sensible_range_is_refused(campaign, organiser, on):
    with pytest.raises(ValidationError) as refusal:
        reach.reach_record(campaign=campaign, by=organiser, **values(campaign, on=on(campaign)))

    assert "Give a date between" in refusal.value.message_dict["on"][0]


def test_the_earliest_sensible_date_is_accepted(campaign, organiser):
    first = campaign.starts_on - timedelta(days=reach.REACH_DAYS_BEFORE)

    record = reach.reach_record(campaign=campaign, by=organiser, **values(campaign, on=first))

    assert record.on == first


def test_a_partner_of_another_campaign_is_refused(campaign, other_campaign, organiser):
    stranger = partner_page(other_campaign)

    with pytest.raises(ValidationError) as refusal:
        reach.reach_record(campaign=campaign, by=organiser, partner=stranger, **values(campaign))

    assert refusal.value.message_dict == {
        "partner": ["Choose one of this campaign's partners, or none."]
    }


def test_a_correction_that_breaks_a_rule_leaves_record_and_ledger_as_they_were(campaign, organiser):
    record = reach.reach_record(campaign=campaign, by=organiser, **values(campaign))

    with pytest.raises(ValidationError):
        reach.reach_update(record=record, by=organiser, **values(campaign, people=0, method=""))

    record.refresh_from_db()
    assert record.people == 1200
    assert ledger_total() == 1200


# --- Scope, in the service itself -----------------------------------------------------------


def test_another_programmes_organiser_cannot_record_reach(campaign, other_organiser):
    with pytest.raises(PermissionDenied):
        reach.reach_record(campaign=campaign, by=other_organiser, **values(campaign))

    assert not ReachRecord.objects.exists()


def test_another_programmes_organiser_cannot_correct_or_delete_reach(
    campaign, organiser, other_organiser
):
    record = reach.reach_record(campaign=campaign, by=organiser, **values(campaign))

    with pytest.raises(PermissionDenied):
        reach.reach_update(record=record, by=other_organiser, **values(campaign, people=1))
    with pytest.raises(PermissionDenied):
        reach.reach_delete(record=record, by=other_organiser)

    assert ledger_total() == 1200


def test_a_professional_cannot_record_reach(campaign, professional):
    with pytest.raises(PermissionDenied):
        reach.reach_record(campaign=campaign, by=professional, **values(campaign))
