"""Pledge e-mails, through the shared outbox (``core.outbox``).

Two kinds, both to the address a pledge was made with and to nobody else:

- ``campaigns.pledge_confirm``: "confirm your pledge" with the confirmation link (a new
  pledge, or one still waiting whose address pledged again);
- ``campaigns.pledge_already``: "you have already pledged to this campaign; nothing to do"
  (an address that pledged again after confirming). The page the visitor saw was the same:
  only the owner of the address learns that it had pledged.

At most one pledge e-mail every quarter of an hour goes to a pledge's address, however often
it is entered (a flood through the form cannot turn the site into a mail cannon): a message
queued in the last quarter of an hour holds any other back, and the key (the pledge and its
e-mails' count) makes concurrent submits queue one. Every e-mail links to the withdrawal
of consent to follow-up contact.

The composer renders them at send time in the pledge's language (the outbox activates it),
as plain text with an HTML alternative (``templates/campaigns/email/``): the campaign's
title, what happens next, absolute links without any tracking (no pixel, no redirect, no
query string), and nothing the pledger typed (so the form cannot be used to send someone
else a message).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.addresses import absolute_url
from core.models import OutboxMessage
from core.outbox import OutboxCancel, outbox_enqueue, register_composer

from . import tokens
from .enums import PledgeStatus, WallStatus
from .models import CampaignPage, CampaignPartnerPage, Pledge

PREFIX = "campaigns."
CONFIRM = "pledge_confirm"
ALREADY = "pledge_already"

LABELS = {
    CONFIRM: _("Campaigns: confirm a pledge"),
    ALREADY: _("Campaigns: already pledged"),
}
KINDS = [PREFIX + kind for kind in LABELS]
# At most one pledge e-mail per address every quarter of an hour: someone who lost the link
# may ask again soon, a flood (also limited per address per hour) cannot fill an inbox.
THROTTLE_SECONDS = 15 * 60


def register() -> None:
    """Register the outbox composers (called from CampaignsConfig.ready)."""
    for kind, label in LABELS.items():
        register_composer(PREFIX + kind, compose, label=label)


# --- Queue -------------------------------------------------------------------------------------


def _enqueue(*, kind: str, pledge: Pledge) -> bool:
    """Queue a pledge e-mail unless one was queued for the pledge in the last hour. The
    key (the pledge and how many e-mails it had) makes concurrent submits queue one."""
    if not pledge.email:
        return False
    mailed = OutboxMessage.objects.filter(
        source_type=ContentType.objects.get_for_model(Pledge), source_id=str(pledge.pk)
    )
    if mailed.filter(created_at__gt=timezone.now() - timedelta(seconds=THROTTLE_SECONDS)).exists():
        return False
    message = outbox_enqueue(
        kind=PREFIX + kind,
        source=pledge,
        key=f"campaigns:pledge:{pledge.pk}:{mailed.count() + 1}",
        address=pledge.email,
        language=pledge.language or settings.LANGUAGE_CODE,
    )
    return message is not None


def confirm_enqueue(*, pledge: Pledge) -> bool:
    """Queue "confirm your pledge" unless a pledge e-mail went to the address in the last
    hour. True if queued."""
    return _enqueue(kind=CONFIRM, pledge=pledge)


def already_enqueue(*, pledge: Pledge) -> bool:
    """Queue "you have already pledged" unless a pledge e-mail went to the address in the
    last hour. True if queued."""
    return _enqueue(kind=ALREADY, pledge=pledge)


# --- Compose -----------------------------------------------------------------------------------


def _in_language(model, key, language: str):
    """The live page of ``model`` with translation key ``key`` in ``language``, else the
    live one in the default language, else any live one, else any."""
    if key is None:
        return None
    pages = list(model.objects.filter(translation_key=key).select_related("locale"))

    def rank(page):
        return (
            not page.live,
            page.locale.language_code != language,
            page.locale.language_code != settings.LANGUAGE_CODE,
            page.pk,
        )

    return min(pages, key=rank) if pages else None


def _context(kind: str, pledge: Pledge) -> dict:
    language = pledge.language or settings.LANGUAGE_CODE
    campaign = _in_language(CampaignPage, pledge.campaign_key, language)
    if campaign is None:
        raise OutboxCancel(_("The campaign no longer exists."))
    partner = _in_language(CampaignPartnerPage, pledge.partner_key, language)
    page = partner if partner is not None and partner.live else campaign
    context = {
        "kind": kind,
        "campaign": campaign.title,
        "partner": partner.organisation if partner is not None else "",
        "page_url": absolute_url(page.get_url()) if page.live else "",
        "withdraw_url": tokens.consent_withdraw_url(pledge),
        "wall_asked": pledge.wall == WallStatus.PENDING,
        "consent_asked": pledge.contact_consent_asked,
        "confirm_days": settings.CAMPAIGNS_PLEDGE_CONFIRM_DAYS,
        "retention_days": settings.CAMPAIGNS_PLEDGE_RETENTION_DAYS,
    }
    if kind == CONFIRM:
        context["confirm_url"] = tokens.confirm_url(pledge)
    return context


def compose(message: OutboxMessage) -> EmailMultiAlternatives:
    """The outbox composer of both kinds, in the active (the pledge's) language."""
    kind = message.kind.removeprefix(PREFIX)
    pledge = message.source
    if pledge.erased_at is not None or not pledge.email:
        raise OutboxCancel(_("The pledger's address was erased."))
    waited = timezone.now() - pledge.created_at > timedelta(
        days=settings.CAMPAIGNS_PLEDGE_CONFIRM_DAYS
    )
    if kind == CONFIRM and (pledge.status != PledgeStatus.PENDING or waited):
        raise OutboxCancel(_("The pledge was confirmed or expired before this e-mail went out."))
    if kind == ALREADY and pledge.status != PledgeStatus.CONFIRMED:
        raise OutboxCancel(_("The pledge is not confirmed."))
    context = _context(kind, pledge)
    subject = " ".join(render_to_string("campaigns/email/subject.txt", context).split())
    context["subject"] = subject
    text = render_to_string(f"campaigns/email/{kind}.txt", context)
    html = render_to_string(f"campaigns/email/{kind}.html", context)
    email = EmailMultiAlternatives(subject=subject, body=text)
    email.attach_alternative(html, "text/html")
    return email
