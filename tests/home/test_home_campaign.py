"""The home page's 16 Days block: it links to the current campaign in the visitor's language
(through the campaigns app's "linkage_home_campaign" hook: home imports no feature app),
and keeps its general text when there is no campaign."""

from datetime import timedelta

from django.utils import timezone

from wagtail import hooks
from wagtail.models import Locale

import pytest

from core.locales import translation_publish
from home.models import HOME_CAMPAIGN_HOOK, home_campaign
from tests.factories.campaigns import campaign_page

pytestmark = pytest.mark.django_db

GENERAL_TEXT = "Every year from 25 November, the International Day for the Elimination"


def block(response) -> str:
    """The 16 Days block of the home page."""
    html = response.content.decode()
    start = html.index('<aside class="callout callout--action sixteen-days"')
    return html[start : html.index("</aside>", start)]


def test_without_a_campaign_the_block_keeps_its_general_text_and_links_nowhere(client, home_page):
    response = client.get("/")
    aside = block(response)

    assert response.status_code == 200
    assert response.context["home_campaign"] is None
    assert (GENERAL_TEXT in aside, "<a " in aside) == (True, False)


def test_the_block_links_to_the_running_campaign_with_its_title_theme_and_dates(client, home_page):
    today = timezone.localdate()
    page = campaign_page(
        title="16 Days of Activism",
        theme="Every woman, in every language",
        starts_on=today - timedelta(days=3),
        ends_on=today + timedelta(days=12),
    )

    aside = block(client.get("/"))

    assert f'<a class="button" href="{page.url}">Read the daily actions and take part</a>' in aside
    assert '<h3 class="sixteen-days__campaign">16 Days of Activism</h3>' in aside
    assert "Every woman, in every language" in aside
    assert f"{page.ends_on.day} {page.ends_on:%B %Y}" in aside
    assert GENERAL_TEXT not in aside


def test_the_running_campaign_comes_before_the_next_one_and_a_draft_is_never_shown(
    client, home_page
):
    today = timezone.localdate()
    running = campaign_page(
        title="Running now", starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=9)
    )
    campaign_page(
        title="Next year",
        starts_on=today + timedelta(days=300),
        ends_on=today + timedelta(days=315),
    )
    campaign_page(
        title="A draft",
        publish=False,
        starts_on=today - timedelta(days=2),
        ends_on=today + timedelta(days=9),
    )

    aside = block(client.get("/"))

    assert (f'href="{running.url}"' in aside, "Next year" in aside, "A draft" in aside) == (
        True,
        False,
        False,
    )


def test_when_nothing_runs_the_block_announces_the_next_campaign(client, home_page):
    today = timezone.localdate()
    coming = campaign_page(
        title="Coming soon",
        starts_on=today + timedelta(days=20),
        ends_on=today + timedelta(days=35),
    )

    aside = block(client.get("/"))

    assert f'href="{coming.url}"' in aside
    assert "Coming soon" in aside


def test_a_visitor_reading_spanish_is_sent_to_the_spanish_campaign_page(client, home_page):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    page = campaign_page(title="16 Days of Activism", theme="Every woman, in every language")
    translated = translation_publish(
        page,
        spanish,
        {
            "16 Days of Activism": "16 días de activismo",
            "Every woman, in every language": "Cada mujer, en cada idioma",
        },
    )

    aside = block(client.get("/es/"))

    assert translated.url.startswith("/es/")
    assert f'href="{translated.url}"' in aside
    assert '<h3 class="sixteen-days__campaign">16 días de activismo</h3>' in aside
    assert "Cada mujer, en cada idioma" in aside
    assert 'lang="en"' not in aside


def test_a_campaign_not_translated_yet_is_linked_in_english_and_marked_as_english(
    client, home_page
):
    Locale.objects.get_or_create(language_code="lt")
    page = campaign_page(title="16 Days of Activism", theme="Every woman, in every language")

    aside = block(client.get("/lt/"))

    assert f'href="{page.url}"' in aside
    assert (
        '<h3 class="sixteen-days__campaign" lang="en" dir="ltr">16 Days of Activism</h3>' in aside
    )


def test_the_arabic_page_marks_an_english_title_left_to_right(client, home_page):
    Locale.objects.get_or_create(language_code="ar")
    campaign_page(title="16 Days of Activism")

    aside = block(client.get("/ar/"))

    assert 'lang="en" dir="ltr"' in aside


def test_the_block_shows_what_the_hook_answers_home_imports_no_campaigns(client, home_page):
    """home asks the "linkage_home_campaign" hook; any app answering it fills the block."""
    answer = {
        "title": "Orange Day",
        "theme": "",
        "url": "/somewhere/",
        "dates": "25 November 2026",
        "lang": "",
        "dir": "",
    }

    with hooks.register_temporarily(HOME_CAMPAIGN_HOOK, lambda request: answer, order=-1):
        aside = block(client.get("/"))
        request_answer = home_campaign(None)

    assert request_answer == answer
    assert '<a class="button" href="/somewhere/">' in aside
    assert '<p class="sixteen-days__theme"' not in aside
