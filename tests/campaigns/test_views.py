"""The pledge flow's views: a pledge sent from our pages (and only from them), the same
answer whatever the address did before, the form sent back with its errors, the
confirmation link (a GET confirms nothing), consent withdrawn, never cached."""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from campaigns import tokens
from campaigns.enums import PledgeKind, PledgeStatus, WallStatus
from campaigns.models import Pledge
from tests.factories.campaigns import campaign_page, partner_page

pytestmark = pytest.mark.django_db

OURS = "http://testserver"
FORM = {
    "kind": "individual",
    "display_name": "Ana",
    "email": "ana.petrovic@example.org",
    "country": "LT",
    "wall": "on",
    "contact_consent": "on",
}


@pytest.fixture
def campaign(db):
    return campaign_page()


def submit_url(page) -> str:
    return reverse("campaigns:pledge_submit", args=[page.pk])


def post(client, page, data=None, *, origin: str | None = OURS, **headers):
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    return client.post(submit_url(page), data or FORM, **headers)


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def never_cached(response) -> bool:
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"no-cache", "no-store", "private"} <= directives


# --- Sending a pledge ---------------------------------------------------------------------------


def test_a_pledge_from_our_page_leads_to_check_your_inbox(
    client, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, campaign)

    pledge = Pledge.objects.get()
    assert (
        response.status_code,
        response["Location"],
        never_cached(response),
        pledge.status,
        pledge.email,
        pledge.language,
        pledge.wall,
        pledge.contact_consent_asked,
        [message.to for message in mail.outbox],
    ) == (
        303,
        f"{reverse('campaigns:pledge_sent')}?from={campaign.pk}",
        True,
        PledgeStatus.PENDING,
        "ana.petrovic@example.org",
        "en",
        "pending",
        True,
        [["ana.petrovic@example.org"]],
    )


def test_check_your_inbox_names_no_address_and_links_back(client, campaign):
    response = client.get(post(client, campaign)["Location"])

    soup = html(response)
    assert (
        response.status_code,
        soup.select_one("h1").get_text(),
        "ana.petrovic" in response.content.decode(),
        soup.select_one("main a[href]")["href"],
        never_cached(response),
    ) == (200, "Check your inbox", False, campaign.url, True)


def test_a_pledge_on_a_partners_page_carries_the_partner(client, campaign):
    partner = partner_page(campaign)

    post(client, partner)

    pledge = Pledge.objects.get()
    assert (pledge.partner_key, pledge.page_id, pledge.campaign_key) == (
        partner.translation_key,
        partner.pk,
        campaign.translation_key,
    )


def test_an_address_that_pledged_before_gets_the_same_answer_and_still_counts_once(
    client, campaign
):
    first = post(client, campaign)
    again = post(client, campaign, {**FORM, "email": "Ana.Petrovic@example.org"})
    Pledge.objects.update(status=PledgeStatus.CONFIRMED, confirmed_at=timezone.now())
    confirmed = post(client, campaign)
    stranger = post(client, campaign, {**FORM, "email": "rasa@example.org"})

    answers = [
        (response.status_code, response["Location"], response.content)
        for response in (first, again, confirmed, stranger)
    ]
    pages = [client.get(response["Location"]).content for response in (first, confirmed, stranger)]
    assert answers == [answers[0]] * 4
    assert pages == [pages[0]] * 3
    assert Pledge.objects.count() == 2


def test_a_robot_that_fills_the_hidden_field_is_answered_as_a_person_and_nothing_is_kept(
    client, campaign
):
    person = post(client, campaign, {**FORM, "email": "rasa@example.org"})
    Pledge.objects.all().delete()

    robot = post(client, campaign, {**FORM, "website": "http://spam.example"})

    assert (robot.status_code, robot["Location"], Pledge.objects.count(), len(mail.outbox)) == (
        303,
        person["Location"],
        0,
        0,
    )


@pytest.mark.parametrize(
    ("headers", "accepted"),
    [
        ({"HTTP_ORIGIN": "https://evil.example"}, False),
        ({"HTTP_ORIGIN": "http://testserver.evil.example"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({}, False),
        ({"HTTP_REFERER": "https://evil.example/campaigns/"}, False),
        ({"HTTP_ORIGIN": OURS}, True),
        ({"HTTP_REFERER": f"{OURS}/campaigns/test/campaign-1/"}, True),
        ({"HTTP_ORIGIN": "null", "HTTP_REFERER": f"{OURS}/campaigns/"}, True),
    ],
)
def test_only_a_form_sent_from_our_site_is_taken(client, campaign, headers, accepted):
    response = client.post(submit_url(campaign), FORM, **headers)

    refused = (403, "The pledge was not sent", 0)
    taken = (303, None, 1)
    title = html(response).select_one("h1").get_text() if response.status_code == 403 else None
    assert (response.status_code, title, Pledge.objects.count()) == (taken if accepted else refused)


def test_the_base_address_counts_as_our_site_behind_a_proxy(client, campaign, settings):
    settings.LINKAGE_BASE_URL = "https://linkage.example.org"
    settings.ALLOWED_HOSTS = ["linkage.example.org", "testserver"]

    response = post(client, campaign, origin="https://linkage.example.org")

    assert response.status_code == 303


def test_errors_come_back_on_a_page_of_their_own_with_the_error_summary(client, campaign):
    response = post(
        client,
        campaign,
        {"kind": "organisation", "email": "not-an-address", "country": "", "website": ""},
    )

    soup = html(response)
    summary = [li.get_text(" ", strip=True) for li in soup.select(".error-summary li")]
    assert (
        response.status_code,
        never_cached(response),
        soup.title.get_text().startswith("Error:"),
    ) == (
        400,
        True,
        True,
    )
    assert summary == [
        "Your e-mail address: Enter an e-mail address like name@example.org.",
        "Country: Choose your country, or “Other country”.",
        "Organisation or agency: Enter the name of the organisation or agency you pledge for.",
        "Your organisation's commitment: Write what your organisation commits to do.",
    ]
    assert (
        soup.select_one("form[data-pledge-form]")["action"],
        soup.select_one("#id_email")["value"],
        soup.select_one("#id_email")["aria-invalid"],
        soup.select_one("a.back-link, .back-link a")["href"],
        Pledge.objects.count(),
    ) == (submit_url(campaign), "not-an-address", "true", campaign.url, 0)


def test_an_organisations_pledge_keeps_its_commitment_and_a_persons_none(client, campaign):
    post(
        client,
        campaign,
        {
            **FORM,
            "kind": "organisation",
            "organisation": "Vilnius police",
            "commitment": "Train every officer.",
            "display_name": "",
        },
    )
    post(client, campaign, {**FORM, "email": "rasa@example.org", "commitment": "Ignored."})

    assert sorted(
        Pledge.objects.values_list("kind", "organisation", "commitment", "anonymous")
    ) == [
        (PledgeKind.INDIVIDUAL, "", "", False),
        (PledgeKind.ORGANISATION, "Vilnius police", "Train every officer.", False),
    ]


def test_no_name_or_the_anonymous_box_keeps_no_name(client, campaign):
    post(client, campaign, {**FORM, "anonymous": "on"})
    post(client, campaign, {**FORM, "email": "rasa@example.org", "display_name": ""})

    assert list(Pledge.objects.values_list("anonymous", "display_name")) == [(True, "")] * 2


def test_a_campaign_that_takes_no_pledges_says_so_on_the_form(client):
    closed = campaign_page(pledges_open=False)

    response = post(client, closed)

    assert (
        response.status_code,
        Pledge.objects.count(),
        len(html(response).select(".error-summary li")),
    ) == (
        400,
        0,
        1,
    )


def test_a_pledge_to_a_page_that_is_not_a_campaign_is_not_found(client, campaign):
    assert post(client, campaign.get_parent()).status_code == 404


def test_the_flow_answers_in_the_pages_language(client, campaign):
    from wagtail.models import Locale

    alias = campaign.copy_for_translation(
        Locale.objects.get_or_create(language_code="lt")[0], copy_parents=True, alias=True
    )

    response = client.post(f"/lt/campaign-pledges/pledge/{alias.pk}/", FORM, HTTP_ORIGIN=OURS)

    assert (
        response["Location"].startswith("/lt/campaign-pledges/pledge/sent/"),
        Pledge.objects.get().language,
    ) == (
        True,
        "lt",
    )


# --- The confirmation link ---------------------------------------------------------------------


@pytest.fixture
def pending(client, campaign):
    post(client, campaign, {**FORM, "contact_consent": "on"})
    return Pledge.objects.get()


def confirm_url(pledge) -> str:
    return reverse("campaigns:pledge_confirm", kwargs={"token": tokens.confirm_token(pledge)})


def test_opening_the_link_confirms_nothing_shows_what_would_be_published_and_ticks_nothing(
    client, pending
):
    """Whoever typed the address chose the name and asked for the wall and for contact: the
    owner sees it and decides, from unticked boxes."""
    response = client.get(confirm_url(pending))

    pending.refresh_from_db()
    soup = html(response)
    assert (
        response.status_code,
        never_cached(response),
        pending.status,
        soup.select_one("main form button[type=submit]").get_text(),
        soup.select_one("#id_contact_consent").has_attr("checked"),
        soup.select_one("#id_wall").has_attr("checked"),
        soup.select_one("main form input[name=csrfmiddlewaretoken]") is not None,
        soup.select_one(".pledge-summary dd").get_text(),
    ) == (200, True, PledgeStatus.PENDING, "Confirm my pledge", False, False, True, "Ana")


def test_the_owner_decides_the_wall_and_anonymity_when_she_confirms(client, pending):
    client.post(confirm_url(pending), {"anonymous": "on"})

    pending.refresh_from_db()
    assert (pending.status, pending.wall, pending.anonymous, pending.contact_consent_at) == (
        PledgeStatus.CONFIRMED,
        WallStatus.NOT_ASKED,
        True,
        None,
    )


def test_an_old_link_to_a_confirmed_pledge_still_says_confirmed(client, pending, settings):
    url = confirm_url(pending)
    client.post(url, {})
    later = timezone.now() + timedelta(days=settings.CAMPAIGNS_PLEDGE_CONFIRM_DAYS + 1)

    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        confirmed = client.get(url)
        Pledge.objects.filter(pk=pending.pk).update(status=PledgeStatus.PENDING)
        expired = client.get(url)

    assert (confirmed.status_code, html(confirmed).select_one("h1").get_text()) == (
        200,
        "Your pledge is confirmed",
    )
    assert expired.status_code == 400


@pytest.mark.parametrize("value", ["²", "9" * 40, "-1", "abc"])
def test_a_strange_back_link_is_ignored(client, value):
    for name in ("campaigns:pledge_sent", "campaigns:pledge_confirmed"):
        assert client.get(reverse(name), {"from": value}).status_code == 200


def test_pressing_the_button_confirms_and_thanks_with_a_link_back(client, pending, campaign):
    response = client.post(confirm_url(pending), {"contact_consent": "on"})

    pending.refresh_from_db()
    thanks = client.get(response["Location"])
    assert (
        response.status_code,
        pending.status,
        pending.contact_consent_at is not None,
        html(thanks).select_one("h1").get_text(),
        html(thanks).select_one("main a.button")["href"],
        never_cached(thanks),
    ) == (303, PledgeStatus.CONFIRMED, True, "Thank you, your pledge counts", campaign.url, True)


def test_unticking_the_box_confirms_without_consent(client, pending):
    client.post(confirm_url(pending), {})

    pending.refresh_from_db()
    assert (pending.status, pending.contact_consent_at) == (PledgeStatus.CONFIRMED, None)


def test_a_confirmed_pledges_link_says_so_without_a_form(client, pending):
    client.post(confirm_url(pending), {})

    soup = html(client.get(confirm_url(pending)))

    assert (soup.select_one("h1").get_text(), soup.select("main form")) == (
        "Your pledge is confirmed",
        [],
    )


def test_a_broken_link_says_what_to_do(client, pending):
    url = reverse("campaigns:pledge_confirm", kwargs={"token": "not-a-token"})

    responses = [client.get(url), client.post(url)]

    pending.refresh_from_db()
    assert [
        (response.status_code, html(response).select_one("h1").get_text()) for response in responses
    ] == [(400, "This link does not work")] * 2
    assert pending.status == PledgeStatus.PENDING


# --- Consent withdrawn --------------------------------------------------------------------------


def test_consent_is_withdrawn_by_the_button_not_by_opening_the_link(client, pending, campaign):
    client.post(confirm_url(pending), {"contact_consent": "on"})
    url = reverse("campaigns:consent_withdraw", kwargs={"token": tokens.withdraw_token(pending)})

    opened = client.get(url)
    pending.refresh_from_db()
    withdrawn_on_open = pending.contact_consent_withdrawn_at
    pressed = client.post(url)
    pending.refresh_from_db()

    assert (
        opened.status_code,
        never_cached(opened),
        withdrawn_on_open,
        pressed.status_code,
        html(pressed).select_one("h1").get_text(),
        pending.contact_consent_withdrawn_at is not None,
        pending.status,
    ) == (200, True, None, 200, "We will not contact you", True, PledgeStatus.CONFIRMED)


def test_a_forged_withdrawal_link_changes_nothing(client, pending):
    url = reverse("campaigns:consent_withdraw", kwargs={"token": tokens.confirm_token(pending)})

    response = client.post(url)

    pending.refresh_from_db()
    assert (response.status_code, pending.contact_consent_withdrawn_at) == (400, None)


def test_a_broken_withdrawal_link_says_so_when_opened(client, pending):
    broken = reverse("campaigns:consent_withdraw", kwargs={"token": "garbage"})
    good = reverse("campaigns:consent_withdraw", kwargs={"token": tokens.withdraw_token(pending)})

    assert (client.get(broken).status_code, client.get(good).status_code) == (400, 200)
