"""campaigns.messages: the pledge e-mails as their recipient reads them: in the pledge's
language, plain text and HTML, the campaign named, what happens next, absolute links in
that language, a withdraw link in each, nothing the form's sender typed, no tracking."""

import re

from django.core import mail
from django.utils import translation

import pytest

from campaigns import messages, services
from campaigns.enums import PledgeKind, PledgeStatus
from campaigns.models import Pledge
from core.enums import OutboxStatus
from core.models import OutboxMessage
from core.outbox import outbox_kind_label, outbox_send
from tests.factories.campaigns import campaign_page, partner_page

from .test_pledges import ANA, link, pledge_make, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(db):
    return campaign_page()


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


TYPED = ("Ana P.", "Visit spam.example", "We promise")


def html_of(email) -> str:
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    return html


def test_both_kinds_have_a_composer_and_a_label():
    assert {kind: outbox_kind_label(kind) for kind in messages.KINDS} == {
        "campaigns.pledge_confirm": "Campaigns: confirm a pledge",
        "campaigns.pledge_already": "Campaigns: already pledged",
    }


def test_the_confirmation_email_in_text_and_html(campaign, sending):
    with sending():
        submit(
            campaign,
            kind=PledgeKind.ORGANISATION,
            display_name=TYPED[0],
            organisation=TYPED[1],
            commitment=TYPED[2],
            wall=True,
            contact_consent=True,
        )
    [email] = mail.outbox
    pledge = Pledge.objects.get()
    html = html_of(email)
    confirm, withdraw = link(email, "confirm"), link(email, "consent")
    assert email.subject == "Please confirm your pledge: 16 Days of Activism"
    assert "thank you for pledging your support to “16 Days of Activism”." in email.body
    assert "The link works for 7 days." in email.body
    assert "an organiser checks what it shows before it appears" in email.body
    assert "You agreed that we may contact you" in email.body
    assert f"http://testserver{campaign.url}" in email.body
    for text in (email.body, html):
        assert confirm in text and withdraw in text
        assert not any(typed in text or typed in email.subject for typed in TYPED)
    assert services.pledge_for_token(token=confirm.rstrip("/").rsplit("/", 1)[1]) == pledge
    # No tracking: no images, every link absolute to the site, without a query string.
    assert "<img" not in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert sorted(hrefs) == sorted([confirm, withdraw, f"http://testserver{campaign.url}"])
    assert '<html lang="en" dir="ltr">' in html


def test_the_already_pledged_email_has_a_withdraw_link_and_no_confirmation(
    campaign,
    sending,
):
    pledge_make(campaign, status=PledgeStatus.CONFIRMED)
    with sending():
        submit(campaign)
    [email] = mail.outbox
    html = html_of(email)
    withdraw = link(email, "consent")
    assert "there is nothing more to do" in email.body
    assert withdraw in html
    assert "/pledge/confirm/" not in email.body + html


def test_a_partners_pledge_names_the_partner(campaign, sending):
    partner = partner_page(campaign, organisation="Women's Rights Centre")
    with sending():
        submit(partner)
    [email] = mail.outbox
    assert "“16 Days of Activism” with Women's Rights Centre." in email.body
    assert "with Women&#x27;s Rights Centre." in html_of(email)
    assert f"http://testserver{partner.url}" in email.body


@pytest.mark.parametrize(("language", "direction"), [("lt", "ltr"), ("ar", "rtl")])
def test_the_email_is_in_the_pledges_language(campaign, sending, language, direction):
    with sending():
        submit(campaign, language=language)
    [email] = mail.outbox
    assert link(email, "confirm").startswith(
        f"http://testserver/{language}/campaign-pledges/pledge/confirm/"
    )
    assert link(email, "consent").startswith(
        f"http://testserver/{language}/campaign-pledges/pledge/consent/"
    )
    assert f'<html lang="{language}" dir="{direction}">' in html_of(email)
    assert OutboxMessage.objects.get().language == language
    # Rendered in the language whatever the sender's was.
    assert translation.get_language() == "en"


def test_an_english_pledge_links_without_a_prefix(campaign, sending):
    with sending():
        submit(campaign)
    assert link(mail.outbox[0], "confirm").startswith(
        "http://testserver/campaign-pledges/pledge/confirm/"
    )


def _queued_then(campaign, change):
    submit(campaign)  # queued: nothing is sent before the commit
    change(Pledge.objects.get())
    message = OutboxMessage.objects.get()
    outbox_send(message_id=message.pk)
    message.refresh_from_db()
    return message


def test_a_confirmation_confirmed_before_it_went_out_is_cancelled(campaign):
    message = _queued_then(
        campaign, lambda p: Pledge.objects.filter(pk=p.pk).update(status=PledgeStatus.CONFIRMED)
    )
    assert message.status == OutboxStatus.CANCELLED
    assert mail.outbox == []


def test_an_email_to_an_erased_address_is_cancelled(campaign):
    from campaigns.services import pledges_erase

    def erase(pledge):
        Pledge.objects.filter(pk=pledge.pk).update(
            created_at=pledge.created_at.replace(year=pledge.created_at.year - 1)
        )
        pledges_erase()

    message = _queued_then(campaign, erase)
    assert (message.status, message.address) == (OutboxStatus.CANCELLED, "")
    assert mail.outbox == []


def test_only_the_address_owner_gets_an_email(campaign, sending):
    with sending():
        submit(campaign)
    assert [m.to for m in mail.outbox] == [[ANA]]
    assert [(m.cc, m.bcc) for m in mail.outbox] == [([], [])]
