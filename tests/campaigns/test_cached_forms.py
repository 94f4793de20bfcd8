"""The pledge form on a page served from the page cache works for every visitor.

Two visitors who share nothing (no session, each her own language cookie) read the same
cached Lithuanian campaign page: the first has it rendered, the second gets the stored
copy without a query. Each sends the form from that copy with her own address: the form
has no CSRF token to go stale or belong to someone else, and its address carries the
page's language, so both pledges are taken, in Lithuanian. A form sent from another site
is refused.
"""

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from campaigns.enums import PledgeStatus
from campaigns.models import Pledge
from tests.factories.campaigns import campaign_page

pytestmark = pytest.mark.django_db


def form_data(form, **values) -> dict:
    """What a browser sends from ``form`` (a parsed <form>), with ``values`` typed in."""
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        kind = field.get("type", "")
        if kind == "radio":
            if field.has_attr("checked"):
                data[name] = field["value"]
        elif kind == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
        elif field.name == "select":
            chosen = field.select_one("option[selected]")
            data[name] = chosen["value"] if chosen else ""
        else:
            data[name] = field.get("value", "") if field.name == "input" else field.get_text()
    data.update(values)
    return data


@pytest.fixture
def lithuanian_page():
    page = campaign_page(days=3)
    lithuanian = Locale.objects.get_or_create(language_code="lt")[0]
    alias = page.copy_for_translation(lithuanian, copy_parents=True, alias=True)
    alias.refresh_from_db()
    return alias


@override_settings(LINKAGE_PAGE_CACHE_SECONDS=300)
def test_two_visitors_pledge_from_the_same_cached_page(lithuanian_page):
    from django.core.cache import cache

    cache.clear()
    rasa, vjosa = Client(), Client()
    rasa.cookies[settings.LANGUAGE_COOKIE_NAME] = "lt"
    vjosa.cookies[settings.LANGUAGE_COOKIE_NAME] = "el"

    first = rasa.get(lithuanian_page.url)
    with CaptureQueriesContext(connection) as queries:
        second = vjosa.get(lithuanian_page.url)

    assert (first.status_code, first["X-Cache"], second.status_code, second["X-Cache"]) == (
        200,
        "miss",
        200,
        "hit",
    )
    assert (len(queries), second.content == first.content, second.cookies) == (0, True, {})
    assert b"csrfmiddlewaretoken" not in second.content

    form = BeautifulSoup(second.content, "html.parser").select_one("form[data-pledge-form]")
    action = form["action"]
    sent = [
        visitor.post(
            action,
            form_data(form, email=address, country="LT", display_name=name),
            HTTP_ORIGIN="http://testserver",
        )
        for visitor, address, name in (
            (rasa, "rasa@example.org", "Rasa"),
            (vjosa, "vjosa@example.org", "Vjosa"),
        )
    ]
    inboxes = [
        visitor.get(response["Location"])
        for visitor, response in zip((rasa, vjosa), sent, strict=True)
    ]

    assert action == f"/lt/campaign-pledges/pledge/{lithuanian_page.pk}/"
    assert [(response.status_code, response["Location"]) for response in sent] == [
        (303, f"/lt/campaign-pledges/pledge/sent/?from={lithuanian_page.pk}")
    ] * 2
    assert [response.status_code for response in inboxes] == [200, 200]
    assert inboxes[0].content == inboxes[1].content
    assert sorted(
        Pledge.objects.values_list("email", "language", "status", "page_id", "display_name")
    ) == [
        ("rasa@example.org", "lt", PledgeStatus.PENDING, lithuanian_page.pk, "Rasa"),
        ("vjosa@example.org", "lt", PledgeStatus.PENDING, lithuanian_page.pk, "Vjosa"),
    ]


@override_settings(LINKAGE_PAGE_CACHE_SECONDS=300)
def test_the_cached_form_sent_from_another_site_is_refused(lithuanian_page):
    from django.core.cache import cache

    cache.clear()
    visitor = Client()
    page = visitor.get(lithuanian_page.url)
    form = BeautifulSoup(page.content, "html.parser").select_one("form[data-pledge-form]")

    response = Client().post(
        form["action"],
        form_data(form, email="mallory@example.org", country="LT"),
        HTTP_ORIGIN="https://attacker.example",
    )

    assert (response.status_code, Pledge.objects.count()) == (403, 0)
