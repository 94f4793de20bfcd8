"""A campaign's dashboard in the admin: the pledges-per-day chart and its table showing the
same figures by the campaign's own day (and mirrored in a right-to-left language), reach
counted directly kept apart from estimates against the target, attendance of the linked
events and confirmed pledges read from the ledger as the reader may see it, partners'
totals, days and times in the campaign's zone named, the programme dashboard's panel, and
query-count guards."""

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone

import pytest

from campaigns import reach
from campaigns.admin_views.charts import PLOT_HEIGHT, bar_chart
from campaigns.enums import PledgeStatus, ReachBasis, ReachChannel, WallStatus
from campaigns.models import CampaignEvent
from impact.enums import ParticipationKind
from impact.models import Participation
from programmes.selectors import scope_for
from tests.campaigns.test_admin import (
    VILNIUS,
    local,
    page_queries,
    pledge_make,
    reach_values,
    signed_in,
    speaks,
    url,
)
from tests.factories.campaigns import campaign_page, partner_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(organiser_with_totp) -> Client:
    return signed_in(organiser_with_totp)


@pytest.fixture
def campaign(programme):
    return campaign_page()


# --- Pledges per day: the chart and its table ---------------------------------------------------


def chart_and_table(html: str) -> tuple[list, list, list, list]:
    svg = re.search(r"<svg class=\"campaigns-chart\".*?</svg>", html, re.S).group(0)
    bars = [
        (int(value), float(height))
        for height, value in re.findall(r'height="([\d.]+)" fill="[^"]*" data-value="(\d+)"', svg)
    ]
    written = [int(v) for v in re.findall(r'class="campaigns-chart-value"[^>]*>(\d+)<', svg)]
    ticks = [int(v) for v in re.findall(r'class="campaigns-chart-tick"[^>]*>(\d+)<', svg)]
    table = re.search(r'id="pledges-per-day-table".*?</table>', html, re.S).group(0)
    rows = re.findall(
        r'<tr><th scope="row">([^<]*)</th><td class="campaigns-number">(\d+)</td></tr>', table
    )
    return bars, written, ticks, [(label, int(count)) for label, count in rows]


def test_the_chart_and_the_table_show_the_same_pledges_per_campaign_day(organiser_client, campaign):
    first = campaign.starts_on
    for i in range(2):
        pledge_make(campaign, f"d1-{i}@example.org", confirmed_at=local(first, 10))
    # 23:30 and 00:30 in Vilnius: UTC puts both on the first day, Vilnius does not.
    pledge_make(campaign, "late@example.org", confirmed_at=local(first, 23, 30))
    pledge_make(
        campaign, "after-midnight@example.org", confirmed_at=local(first + timedelta(days=1), 0, 30)
    )
    assert local(first + timedelta(days=1), 0, 30).astimezone(UTC).date() == first
    pledge_make(campaign, "early@example.org", confirmed_at=local(first - timedelta(days=3), 12))
    pledge_make(campaign, "pending@example.org", status=PledgeStatus.PENDING)

    html = organiser_client.get(url("dashboard", campaign.pk)).content.decode()
    bars, written, ticks, table = chart_and_table(html)

    # The chart stops at today (in the campaign's zone): days to come are not zeros.
    today = timezone.now().astimezone(ZoneInfo(campaign.time_zone)).date()
    days = (min(campaign.ends_on, today) - first).days + 1
    expected = [1, 3, 1] + [0] * (days - 2)
    assert days < (campaign.ends_on - first).days + 1
    assert [count for _label, count in table] == expected
    assert [value for value, _height in bars] == expected
    assert written == expected
    assert table[0][0] == "Before the first day"
    # Each bar's height is its value on the axis's scale.
    top = max(ticks)
    assert [height for _value, height in bars] == [
        round(PLOT_HEIGHT * value / top, 2) for value in expected
    ]
    assert (
        "<tfoot>" in html
        and '<td class="campaigns-number">5</td></tr>\n            </tfoot>' in html
    )


def test_the_chart_is_a_named_image_with_labelled_axes(organiser_client, campaign):
    html = organiser_client.get(url("dashboard", campaign.pk)).content.decode()

    assert 'role="img" aria-labelledby="pledge-chart-title pledge-chart-desc"' in html
    assert '<title id="pledge-chart-title">Confirmed pledges per day</title>' in html
    assert re.search(r'<desc id="pledge-chart-desc">[^<]*The same figures are in the table', html)
    assert f"Day of the month ({VILNIUS})" in html
    assert 'rotate(-90)" text-anchor="middle">Confirmed pledges</text>' in html


def test_the_chart_runs_from_the_right_in_a_right_to_left_language():
    entries = [(1, "1", "one"), (2, "2", "two"), (3, "3", "three")]

    ltr, rtl = bar_chart(entries), bar_chart(entries, rtl=True)

    assert [bar.x for bar in ltr.bars] == sorted(bar.x for bar in ltr.bars)
    assert [bar.x for bar in rtl.bars] == sorted((bar.x for bar in rtl.bars), reverse=True)
    assert [bar.height for bar in rtl.bars] == [bar.height for bar in ltr.bars]
    # The value axis stands on the start side: left, or right when mirrored.
    assert ltr.axis_x < ltr.bars[0].x and rtl.axis_x > rtl.bars[0].x + rtl.bars[0].width


def test_the_arabic_dashboard_draws_the_first_day_at_the_right(
    organiser_client, organiser_with_totp, campaign
):
    speaks(organiser_with_totp, "ar")
    pledge_make(campaign, confirmed_at=local(campaign.starts_on, 12))

    response = organiser_client.get(url("dashboard", campaign.pk))

    xs = [
        float(x)
        for x in re.findall(
            r'<rect class="campaigns-chart-bar" x="([\d.]+)"', response.content.decode()
        )
    ]
    assert xs == sorted(xs, reverse=True)
    assert response.context["days"]["chart"].rtl is True


# --- Reach against the target, the ledger, partners -----------------------------------------


@pytest.fixture
def linked_event(campaign):
    from tests.factories.events import event_page

    event = event_page(start_date=campaign.starts_on + timedelta(days=1), capacity=50)
    CampaignEvent.objects.create(page=campaign, event=event)
    return event


def walk_ins(event, count, by):
    from events.walk_ins import anonymous_attendance_add

    anonymous_attendance_add(event=event, occurrence_date=event.start_date, count=count, by=by)


def test_the_dashboard_keeps_counted_reach_apart_from_estimates_against_the_target(
    organiser_client, organiser_with_totp, campaign, linked_event
):
    from campaigns import services, tokens
    from tests.factories.events import event_page

    by = organiser_with_totp
    for channel, basis, people, method in [
        (ReachChannel.MEDIA, ReachBasis.ESTIMATED, 10000, "Audience figures"),
        (ReachChannel.SOCIAL, ReachBasis.ESTIMATED, 2000, "Platform reach"),
        (ReachChannel.EVENTS, ReachBasis.DIRECT, 300, "Head count at the march"),
        (ReachChannel.EVENTS, ReachBasis.DIRECT, 50, "Head count at the march"),
    ]:
        reach.reach_record(
            campaign=campaign,
            by=by,
            **reach_values(campaign, channel=channel, basis=basis, people=people, method=method),
        )
    walk_ins(linked_event, 12, by)
    unlinked = event_page(start_date=campaign.starts_on + timedelta(days=1), title="Elsewhere")
    walk_ins(unlinked, 40, by)
    for email in ("p1@example.org", "p2@example.org"):
        pending = pledge_make(campaign, email, status=PledgeStatus.PENDING)
        services.pledge_confirm(token=tokens.confirm_token(pending))

    response = organiser_client.get(url("dashboard", campaign.pk))
    summary = response.context["reach"]
    html = response.content.decode()

    assert (response.context["ledger"].attendance, response.context["ledger"].pledges) == (12, 2)
    assert (summary["recorded_direct"], summary["estimated"]) == (350, 12000)
    assert (summary["counted"], summary["with_estimates"]) == (364, 12364)
    assert "Counted directly: 364 of 15000 people (2%)" in html
    assert "With estimates: 12364 of 15000 people (82%)" in html
    [media, social, events] = summary["channels"]
    assert (events.label, events.direct, events.estimated) == ("Events", 350, 0)
    assert events.direct_methods == ["Head count at the march"]
    assert (media.estimated, media.estimated_methods) == (10000, ["Audience figures"])


def test_the_ledger_counts_only_what_the_reader_may_see(
    organiser_client, campaign, other_programme, other_organiser
):
    from tests.factories.events import event_page, programme_section

    foreign = event_page(
        parent=programme_section(other_programme), start_date=campaign.starts_on + timedelta(days=1)
    )
    CampaignEvent.objects.create(page=campaign, event=foreign)
    walk_ins(foreign, 9, other_organiser)
    assert Participation.objects.filter(kind=ParticipationKind.EVENT_ATTENDED).count() == 1

    response = organiser_client.get(url("dashboard", campaign.pk))

    assert response.context["ledger"].attendance == 0


def test_partners_show_their_own_totals(organiser_client, organiser_with_totp, campaign):
    albania = partner_page(campaign, organisation="Albanian Women's Network", country="AL")
    serbia = partner_page(campaign, organisation="Serbian Women's Network", country="RS")
    pledge_make(campaign, "a@example.org", partner=albania)
    pledge_make(campaign, "b@example.org", partner=albania)
    pledge_make(campaign, "c@example.org")
    pledge_make(campaign, "d@example.org", partner=serbia, status=PledgeStatus.PENDING)
    reach.reach_record(
        campaign=campaign, by=organiser_with_totp, partner=serbia, **reach_values(campaign)
    )

    partners = organiser_client.get(url("dashboard", campaign.pk)).context["partners"]

    assert [(p.page, p.confirmed, p.percent, p.reach_estimated) for p in partners] == [
        (albania, 2, 10, 0),
        (serbia, 0, 0, 1000),
        (None, 1, None, 0),
    ]


# --- Times in the campaign's zone, named -------------------------------------------------------


def test_days_and_times_are_the_campaigns_own_with_its_zone_named(organiser_client, campaign):
    # 22:30 UTC is 00:30 the next day in Vilnius.
    moment = datetime.combine(campaign.starts_on, time(22, 30), tzinfo=UTC)
    pledge_make(campaign, confirmed_at=moment, wall=WallStatus.PENDING)
    next_day = formats.date_format(campaign.starts_on + timedelta(days=1), "SHORT_DATE_FORMAT")

    listing = organiser_client.get(url("index")).content.decode()
    dashboard = organiser_client.get(url("dashboard", campaign.pk)).content.decode()
    wall = organiser_client.get(url("wall", campaign.pk)).content.decode()

    assert f"days in {VILNIUS}" in listing
    assert f"days in {VILNIUS}" in dashboard
    assert f"{next_day}, 00:30 {VILNIUS}" in wall


# --- The programme dashboard's panel -----------------------------------------------------------


def panel_for(user, programme):
    from django.test import RequestFactory

    from campaigns.wagtail_hooks import campaigns_programme_panel

    request = RequestFactory().get("/admin/")
    request.user = type(user).objects.get(pk=user.pk)
    return request, campaigns_programme_panel(request, programme)


def test_the_programme_panel_shows_the_running_campaign(organiser, programme, campaign):
    today = timezone.localdate()
    campaign_page(
        title="Last year",
        starts_on=today - timedelta(days=400),
        ends_on=today - timedelta(days=385),
    )
    campaign_page(
        title="Next year",
        starts_on=today + timedelta(days=300),
        ends_on=today + timedelta(days=315),
    )
    pledge_make(campaign, "a@example.org")
    pledge_make(campaign, "b@example.org", wall=WallStatus.PENDING)
    reach.reach_record(
        campaign=campaign,
        by=organiser,
        **reach_values(campaign, basis=ReachBasis.DIRECT, people=1500),
    )

    request, [panel] = panel_for(organiser, programme)
    html = panel.render_html({"request": request})

    assert panel.context["campaign"] == campaign
    assert panel.context["others"] == 2
    assert "Confirmed pledges: <strong>2</strong> of 100 (2%)" in html
    assert "People reached, counted directly: <strong>1500</strong> of 15000 (10%)" in html


def test_the_programme_panel_is_not_shown_without_the_permission(professional, programme):
    assert panel_for(professional, programme)[1] == []


def test_the_programme_dashboard_shows_the_campaigns_panel(organiser_client, programme, campaign):
    html = organiser_client.get(
        reverse("programmes:dashboard", args=[programme.pk])
    ).content.decode()

    assert url("dashboard", campaign.pk) in html


# --- Query-count guards --------------------------------------------------------------------


def test_the_dashboard_runs_the_same_queries_whatever_it_counts(
    organiser_client, organiser_with_totp, campaign
):
    from tests.factories.events import event_page

    pattern = r'<th scope="row">[^<]*Women[^<]*</th>'

    def add(start, stop):
        for i in range(start, stop):
            partner = partner_page(campaign, organisation=f"Women's Centre {i}")
            pledge_make(campaign, f"p{i}@example.org", partner=partner, wall=WallStatus.PENDING)
            reach.reach_record(
                campaign=campaign,
                by=organiser_with_totp,
                partner=partner,
                **reach_values(campaign, channel=ReachChannel.values[i], method=f"Method {i}"),
            )
            event = event_page(start_date=campaign.starts_on + timedelta(days=1), title=f"E{i}")
            CampaignEvent.objects.create(page=campaign, event=event)
            walk_ins(event, 3, organiser_with_totp)

    add(0, 1)
    one = page_queries(organiser_client, url("dashboard", campaign.pk), 1, pattern)
    add(1, 3)

    assert page_queries(organiser_client, url("dashboard", campaign.pk), 3, pattern) == one


@pytest.mark.parametrize("n", [1, 3])
def test_the_programme_panel_runs_a_fixed_number_of_queries(
    n, django_assert_num_queries, organiser, programme
):
    today = timezone.localdate()
    for i in range(n):
        campaign_page(
            title=f"C{i}", starts_on=today - timedelta(days=i), ends_on=today + timedelta(days=5)
        )
    user = type(organiser).objects.get(pk=organiser.pk)
    user.has_perm("campaigns.view_pledge")  # the permission cache, filled
    scope_for(user)  # and the scope, as the programme dashboard has already read it

    from django.test import RequestFactory

    from campaigns.wagtail_hooks import campaigns_programme_panel

    request = RequestFactory().get("/admin/")
    request.user = user
    with django_assert_num_queries(1):
        campaigns_programme_panel(request, programme)
