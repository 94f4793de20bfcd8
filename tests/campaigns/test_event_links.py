"""The events listing's "Campaign" filter: a choice of campaigns (core.event_groups, filled
by campaigns.event_links), filtering the events linked to the chosen one in every
language; an old free-text value is the form's error, never a crash."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Locale

import pytest

from campaigns.event_links import campaign_choices, campaign_event_ids
from campaigns.models import CampaignEvent
from core.event_groups import event_group
from tests.factories.campaigns import campaign_page
from tests.factories.events import a_date, event_index_page, event_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return event_index_page()


def link(campaign, *events):
    for event in events:
        CampaignEvent.objects.create(page=campaign, event=event)


def titles(response) -> list[str]:
    return [entry["event"].title for entry in response.context["entries"]]


def lithuanian():
    return Locale.objects.get_or_create(language_code="lt")[0]


def test_the_campaign_grouping_is_registered_for_the_events_listing():
    group = event_group("campaign")

    assert (group.name, str(group.label), str(group.empty_label)) == (
        "campaign",
        "Campaign",
        "All campaigns",
    )


def test_the_listing_offers_a_select_of_campaigns_running_then_coming_then_past(index, client):
    today = timezone.localdate()
    past = campaign_page(
        title="Last year's 16 Days",
        starts_on=today - timedelta(days=380),
        ends_on=today - timedelta(days=365),
    )
    coming = campaign_page(
        title="Orange Day", starts_on=today + timedelta(days=20), ends_on=today + timedelta(days=20)
    )
    running = campaign_page(title="16 Days of Activism")
    campaign_page(title="Draft campaign", publish=False)

    response = client.get(index.url)

    assert list(response.context["filter_form"].fields["campaign"].choices) == [
        ("", "All campaigns"),
        (str(running.translation_key), "16 Days of Activism"),
        (str(coming.translation_key), "Orange Day"),
        (str(past.translation_key), "Last year's 16 Days"),
    ]
    body = response.content.decode()
    assert '<label for="id_campaign">Campaign</label><select name="campaign" id="id_campaign">' in (
        body
    )


def test_campaigns_of_the_same_title_are_told_apart_by_their_year():
    today = timezone.localdate()
    earlier = campaign_page(
        starts_on=today - timedelta(days=380), ends_on=today - timedelta(days=365)
    )
    current = campaign_page()

    assert campaign_choices("en") == [
        (str(current.translation_key), f"16 Days of Activism ({current.starts_on.year})"),
        (str(earlier.translation_key), f"16 Days of Activism ({earlier.starts_on.year})"),
    ]


def test_choosing_a_campaign_lists_its_linked_events_and_so_does_the_feed(index, client):
    campaign = campaign_page()
    debate = event_page(index, title="Public debate in Kaunas", start_date=a_date(2))
    march = event_page(index, title="Orange march", start_date=a_date(3))
    event_page(index, title="Risk assessment training", start_date=a_date(4))
    link(campaign, debate, march)

    response = client.get(index.url + f"?campaign={campaign.translation_key}")
    feed = client.get(response.context["feed_url"]).content.decode()

    assert titles(response) == ["Public debate in Kaunas", "Orange march"]
    assert response.context["query"] == f"campaign={campaign.translation_key}"
    assert ("Orange march" in feed, "Risk assessment training" in feed) == (True, False)


def test_the_month_view_has_the_select_and_filters_by_campaign(index, client):
    campaign = campaign_page()
    day = a_date(2)
    linked = event_page(index, title="Public debate", start_date=day)
    event_page(index, title="Training", start_date=day)
    link(campaign, linked)
    url = index.url + index.reverse_subpage("month", args=[day.year, day.month])

    response = client.get(url + f"?campaign={campaign.translation_key}")

    listed = [
        event.title
        for week in response.context["weeks"]
        for d in week
        for _o, event in d["entries"]
    ]
    assert listed == ["Public debate"]
    assert '<select name="campaign" id="id_campaign">' in response.content.decode()


def test_an_old_free_text_campaign_is_the_forms_error_and_filters_nothing(index, client):
    campaign_page()
    event_page(index, title="Training")

    response = client.get(index.url + "?campaign=16-days-2026")

    body = response.content.decode()
    assert (response.status_code, titles(response), response.context["query"]) == (
        200,
        ["Training"],
        "",
    )
    assert "16-days-2026 is not one of the available choices." in body
    assert 'aria-invalid="true" aria-describedby="id_campaign-error"' in body
    assert 'id="id_campaign-error"' in body
    assert client.get(index.url + "feed/?campaign=16-days-2026").status_code == 200


def test_a_campaign_of_another_language_page_lists_the_lithuanian_versions_of_its_events(
    index, client
):
    campaign = campaign_page(title="16 Days of Activism")
    debate = event_page(index, title="Public debate", start_date=a_date(2))
    event_page(index, title="Training", start_date=a_date(3))
    link(campaign, debate)
    locale = lithuanian()
    lt_campaign = campaign.copy_for_translation(locale, copy_parents=True)
    lt_campaign.title = "16 aktyvumo dienų"
    lt_campaign.save_revision().publish()
    lt_debate = debate.copy_for_translation(locale, copy_parents=True)
    lt_debate.title = "Vieši debatai"
    lt_debate.save_revision().publish()
    # The training is shown in Lithuanian by its alias (not yet translated).
    training = index.get_children().get(title="Training")
    training.specific.copy_for_translation(locale, copy_parents=True, alias=True)
    lt_index = index.get_translation(locale)

    response = client.get(lt_index.url + f"?campaign={campaign.translation_key}")

    assert [e["event"].pk for e in response.context["entries"]] == [lt_debate.pk]
    # The choice is the Lithuanian page's, under the key it has in every language.
    assert list(response.context["filter_form"].fields["campaign"].choices)[1:] == [
        (str(campaign.translation_key), "16 aktyvumo dienų")
    ]


def test_the_events_of_a_campaign_are_linked_from_any_of_its_translations(index):
    campaign = campaign_page()
    debate = event_page(index, title="Public debate")
    march = event_page(index, title="Orange march")
    link(campaign, debate)
    lt_campaign = campaign.copy_for_translation(lithuanian(), copy_parents=True)
    lt_campaign.save_revision().publish()
    link(lt_campaign, march)

    assert set(campaign_event_ids(str(campaign.translation_key)).values_list("pk", flat=True)) == {
        debate.pk,
        march.pk,
    }
    assert list(campaign_event_ids("not-a-key")) == []


def test_a_newly_published_campaign_is_offered_at_once_though_choices_are_cached(index, client):
    first = campaign_page(title="Orange Day")
    assert [label for _v, label in campaign_choices("en")] == ["Orange Day"]

    second = campaign_page(title="16 Days of Activism")
    first.unpublish()

    assert campaign_choices("en") == [(str(second.translation_key), "16 Days of Activism")]


@pytest.mark.parametrize("n", [1, 3])
def test_filtering_by_campaign_costs_the_same_queries_for_any_number_of_events(
    n, index, client, django_assert_num_queries
):
    campaign = campaign_page()
    link(campaign, *[event_page(index, start_date=a_date(2 + i)) for i in range(n)])
    url = index.url + f"?campaign={campaign.translation_key}"
    client.get(url)  # site root paths, content types and the campaign choices are cached

    with django_assert_num_queries(LISTING_FILTERED):
        response = client.get(url)

    assert len(response.context["entries"]) == n


# The events listing's own count (tests/events/test_query_counts.py): the campaign filter is a
# subquery of the same statements, its choices come from the cache.
LISTING_FILTERED = 14
