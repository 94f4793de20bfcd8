"""campaigns.selectors: the counter reads stored totals (never pledges) in a fixed number of
queries, the pledge wall shows only what was approved, and the home page's campaign."""

from datetime import date, timedelta

from django.utils import timezone, translation

import pytest

from campaigns.enums import PledgeKind, PledgeStatus, WallStatus
from campaigns.models import PledgeTotal
from campaigns.selectors import (
    campaign_programme_ids,
    campaign_totals,
    current_campaign,
    percent,
    pledge_wall,
)
from tests.factories.campaigns import campaign_page, partner_page
from tests.factories.programmes import programme_make

from .test_pledges import pledge_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(db):
    return campaign_page()


CONFIRMED = PledgeStatus.CONFIRMED


def stored(campaign, scope="", confirmed=0, organisations=0):
    PledgeTotal.objects.create(
        campaign_key=campaign.translation_key,
        scope=scope,
        confirmed=confirmed,
        organisations=organisations,
    )


# --- The counter -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "target", "expected"),
    [(0, 100, 0), (1, 3, 33), (199, 200, 99), (200, 200, 100), (250, 200, 100), (5, None, 0)],
)
def test_percent_is_rounded_down_and_capped(count, target, expected):
    assert percent(count, target) == expected


def test_the_counter_reads_the_stored_totals_not_the_pledges(campaign):
    first = partner_page(campaign, organisation="First", pledge_target=10)
    second = partner_page(campaign, organisation="Second", pledge_target=None)
    hidden = partner_page(campaign, organisation="Unpublished")
    hidden.unpublish()
    stored(campaign, confirmed=57, organisations=4)
    stored(campaign, str(first.translation_key), confirmed=12, organisations=1)
    stored(campaign, str(hidden.translation_key), confirmed=3)
    # Confirmed since the last recount: not counted yet.
    pledge_make(campaign, status=CONFIRMED)
    assert campaign_totals(campaign=campaign) == {
        "confirmed": 57,
        "target": 100,
        "percent": 57,
        "organisations": 4,
        "partners": [
            {"page": first, "confirmed": 12, "target": 10, "percent": 100, "organisations": 1},
            {"page": second, "confirmed": 0, "target": None, "percent": 0, "organisations": 0},
        ],
    }


def test_a_campaign_without_totals_yet_shows_zero(campaign):
    assert campaign_totals(campaign=campaign) == {
        "confirmed": 0,
        "target": 100,
        "percent": 0,
        "organisations": 0,
        "partners": [],
    }


@pytest.mark.parametrize("partners", [1, 3])
def test_the_counter_takes_two_queries_whatever_the_partners(
    campaign,
    partners,
    django_assert_num_queries,
):
    for index in range(partners):
        partner = partner_page(campaign, title=f"Partner {index}")
        stored(campaign, str(partner.translation_key), confirmed=index)
    stored(campaign, confirmed=10)
    with django_assert_num_queries(2):
        totals = campaign_totals(campaign=campaign)
    assert [p["confirmed"] for p in totals["partners"]] == list(range(partners))


# --- The wall ----------------------------------------------------------------------------------


def test_the_wall_shows_approved_confirmed_pledges_newest_first(campaign):
    now = timezone.now()
    approved = {"status": CONFIRMED, "wall": WallStatus.APPROVED}
    older = pledge_make(
        campaign, "1@example.org", confirmed_at=now - timedelta(hours=2), **approved
    )
    organisation = pledge_make(
        campaign,
        "2@example.org",
        kind=PledgeKind.ORGANISATION,
        organisation="NGO",
        commitment="We light our office orange.",
        confirmed_at=now - timedelta(hours=1),
        **approved,
    )
    anonymous = pledge_make(
        campaign,
        "3@example.org",
        anonymous=True,
        display_name="",
        organisation="Hidden employer",
        confirmed_at=now,
        **approved,
    )
    pledge_make(campaign, "4@example.org", status=CONFIRMED, wall=WallStatus.PENDING)
    pledge_make(campaign, "5@example.org", status=CONFIRMED, wall=WallStatus.REJECTED)
    pledge_make(campaign, "6@example.org", status=CONFIRMED, wall=WallStatus.NOT_ASKED)
    pledge_make(campaign, "7@example.org", wall=WallStatus.APPROVED)  # not confirmed
    pledge_make(  # a person whose name was erased (retention)
        campaign, "", display_name="", erased_at=now, **approved
    )
    pledge_make(campaign_page(title="Other"), "8@example.org", **approved)
    wall = pledge_wall(campaign=campaign)
    assert [(p.pk, p.wall_name, p.organisation, p.commitment) for p in wall] == [
        (anonymous.pk, "Anonymous", "", ""),
        (organisation.pk, "NGO", "NGO", "We light our office orange."),
        (older.pk, "Ana P.", "", ""),
    ]
    assert [p.pk for p in pledge_wall(campaign=campaign, limit=2)] == [
        anonymous.pk,
        organisation.pk,
    ]


def test_the_wall_in_another_language_names_anonymous_in_it(campaign):
    pledge_make(campaign, anonymous=True, status=CONFIRMED, wall=WallStatus.APPROVED)
    with translation.override("lt"):
        [pledge] = pledge_wall(campaign=campaign)
        assert pledge.wall_name == translation.gettext("Anonymous")


def test_a_partners_wall(campaign):
    partner = partner_page(campaign)
    mine = pledge_make(
        campaign, "1@example.org", partner=partner, status=CONFIRMED, wall="approved"
    )
    pledge_make(campaign, "2@example.org", status=CONFIRMED, wall=WallStatus.APPROVED)
    assert [p.pk for p in pledge_wall(campaign=campaign, partner=partner)] == [mine.pk]
    assert len(pledge_wall(campaign=campaign)) == 2


def test_a_campaign_without_a_wall_shows_none_without_asking(
    django_assert_num_queries,
    db,
):
    page = campaign_page(pledge_wall=False)
    pledge_make(page, status=CONFIRMED, wall=WallStatus.APPROVED)
    with django_assert_num_queries(0):
        assert pledge_wall(campaign=page) == []


@pytest.mark.parametrize("count", [1, 3])
def test_the_wall_takes_one_query(campaign, count, django_assert_num_queries):
    for index in range(count):
        pledge_make(campaign, f"{index}@example.org", status=CONFIRMED, wall="approved")
    with django_assert_num_queries(1):
        wall = pledge_wall(campaign=campaign)
        names = [p.wall_name for p in wall] + [p.commitment for p in wall]
    assert len(names) == 2 * count


# --- Programmes --------------------------------------------------------------------------------


def test_a_partners_programmes_are_its_campaigns(campaign):
    other = programme_make("Other programme", "other")
    campaign.shared_with.add(other)
    campaign.save()
    partner = partner_page(campaign)
    expected = {campaign.programme_id, other.pk}
    assert campaign_programme_ids(campaign) == expected
    assert campaign_programme_ids(partner) == expected
    assert campaign_programme_ids(partner.page_ptr) == expected


# --- The home page's campaign ---------------------------------------------------------------------


def _campaign(title, first: date, last: date, **fields):
    return campaign_page(title=title, starts_on=first, ends_on=last, **fields)


def test_the_running_campaign_comes_first_then_the_next_then_the_last(db):
    today = date(2025, 12, 1)
    past = _campaign("Past", date(2025, 3, 1), date(2025, 3, 8))
    coming = _campaign("Coming", date(2026, 3, 1), date(2026, 3, 8))
    later = _campaign("Later", date(2026, 6, 1), date(2026, 6, 8))
    _campaign("Unpublished", date(2025, 11, 30), date(2025, 12, 5), publish=False)
    assert current_campaign(today=today) == coming
    running = _campaign("Running", date(2025, 11, 25), date(2025, 12, 10))
    assert current_campaign(today=today) == running
    assert current_campaign(today=date(2026, 12, 1)) == later
    assert current_campaign(today=date(2025, 3, 8)) == past


def test_of_two_running_campaigns_the_one_that_began_last(db):
    _campaign("16 Days", date(2025, 11, 25), date(2025, 12, 10))
    national = _campaign("National week", date(2025, 11, 28), date(2025, 12, 4))
    assert current_campaign(today=date(2025, 12, 1)) == national


def test_today_is_the_campaigns_own(db):
    """On the campaign's last day in Kiritimati (UTC+14), it is over there at 10:00 UTC."""
    today = timezone.now().astimezone(timezone.get_fixed_timezone(14 * 60)).date()
    running = _campaign(
        "Far east", today - timedelta(days=5), today, time_zone="Pacific/Kiritimati"
    )
    assert current_campaign() == running
    ended = _campaign(
        "Ended there",
        today - timedelta(days=6),
        today - timedelta(days=1),
        time_zone="Pacific/Kiritimati",
    )
    assert ended != current_campaign()


def test_no_campaign_no_block(db):
    assert current_campaign() is None


def test_the_campaign_in_the_visitors_language(db):
    from wagtail.models import Locale

    page = _campaign("16 Days", date(2025, 11, 25), date(2025, 12, 10))
    locale = Locale.objects.create(language_code="lt")
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        ancestor.copy_for_translation(locale)
    translated = page.copy_for_translation(locale)
    translated.title = "16 aktyvumo dienų"
    translated.save_revision().publish()
    day = date(2025, 12, 1)
    assert current_campaign(language="lt", today=day).pk == translated.pk
    assert current_campaign(language="en", today=day).pk == page.pk
    # Not translated into Arabic: the default language's page.
    assert current_campaign(language="ar", today=day).pk == page.pk
