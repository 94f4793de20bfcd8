"""Pledges: every write that carries a rule.

- ``pledge_submit``: a pledge from a campaign's or a partner's page, double opt-in. What the
  visitor sees never depends on the address (new, waiting for confirmation, confirmed): the
  service returns nothing and only the address's owner hears more, by e-mail.
- ``pledge_confirm``: the e-mail's link makes it count (a ``campaign_pledge`` ledger row,
  the totals recounted soon); consent to follow-up contact is recorded then, apart from it.
- ``consent_withdraw``: the link in every e-mail.
- ``wall_decide``: an organiser approves (or not) what a pledge shows on the pledge wall.
- ``totals_refresh`` / ``totals_refresh_soon``: ``PledgeTotal`` recounted in SQL, debounced.
- ``pledges_erase``: retention (addresses erased after the campaign, unconfirmed pledges
  expire); every count stays.
"""

import ipaddress
import logging
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from core import page_cache
from core.outbox import outbox_addresses_erase
from impact.enums import ParticipationKind
from impact.services import participation_record
from programmes.selectors import scope_for

from . import messages, tokens
from .addresses import address_digest
from .days import campaign_zone, local_midnight
from .enums import PledgeKind, PledgeStatus, WallStatus
from .impact_activities import campaign_activity
from .models import CampaignPage, CampaignPartnerPage, Pledge, PledgeTotal
from .selectors import campaign_programme_ids

logger = logging.getLogger(__name__)

HOUR = 60 * 60
IPV6_PREFIX = 64


class PledgeRefused(Exception):  # noqa: N818 - an outcome the form shows
    """The pledge was not taken; ``message`` says why, in the visitor's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PledgeTokenInvalid(Exception):  # noqa: N818 - an outcome the page explains
    """A confirmation or withdrawal link that does not work (any more). ``expired``: it did
    once; the pledger may pledge again."""

    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.message = message
        self.expired = expired


# --- Helpers --------------------------------------------------------------------------------


def campaign_and_partner(page) -> tuple[CampaignPage, CampaignPartnerPage | None]:
    """The campaign a pledge page belongs to, and the partner if it is a partner's page."""
    page = page.specific if type(page) not in (CampaignPage, CampaignPartnerPage) else page
    if isinstance(page, CampaignPartnerPage):
        return page.get_parent().specific, page
    if isinstance(page, CampaignPage):
        return page, None
    raise ValueError(f"Pledges are made on campaign or partner pages, not on {page!r}.")


def _pledge_stale(pledge: Pledge, now: datetime) -> bool:
    """An unconfirmed pledge older than the confirmation window no longer waits."""
    age = timedelta(days=settings.CAMPAIGNS_PLEDGE_CONFIRM_DAYS)
    return pledge.status == PledgeStatus.PENDING and pledge.created_at < now - age


def _network(client_ip: str) -> str:
    """What the limit per connection counts: an IPv4 address, or an IPv6 /64 network (one
    subscriber's), as ``core.http.client_network``."""
    try:
        address = ipaddress.ip_address((client_ip or "").strip())
    except ValueError:
        return (client_ip or "").strip()
    if address.version == 6:
        return str(ipaddress.IPv6Network(f"{address}/{IPV6_PREFIX}", strict=False).network_address)
    return str(address)


def _counted(key: str) -> int:
    """Count one more submission under ``key`` and return the count. The hour starts at the
    first one (``cache.add``); counting before comparing keeps a concurrent flood within
    the limit."""
    cache.add(key, 0, HOUR)
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, HOUR)
        return 1


def _limits_check(*, client_ip: str, digest: str) -> bool:
    """Refuses a connection over its limit (it learns only about itself). Returns False
    when the address was entered too often in the last hour, by anyone: the submission is
    then dropped without a word, as if accepted, because a refusal would tell whoever asked
    that someone else entered this address (a pledge, perhaps) in the last hour."""
    if _counted(f"campaigns:pledge:ip:{_network(client_ip)}") > (
        settings.CAMPAIGNS_PLEDGE_LIMIT_PER_IP
    ):
        raise PledgeRefused(
            _(
                "Too many pledges were sent from your connection in the last hour. "
                "Please try again in an hour."
            )
        )
    limit = settings.CAMPAIGNS_PLEDGE_LIMIT_PER_ADDRESS
    return _counted(f"campaigns:pledge:address:{digest}") <= limit


def _open_check(campaign: CampaignPage, page, now: datetime) -> None:
    if not (campaign.live and page.live and campaign.pledges_open):
        raise PledgeRefused(_("This campaign is not taking pledges at the moment."))
    if now.astimezone(campaign_zone(campaign)).date() > campaign.ends_on:
        raise PledgeRefused(
            _("This campaign has ended, so it no longer takes pledges. Thank you for your support.")
        )


def _erase_fields(now: datetime) -> dict:
    """What an erased pledge keeps of its pledger: nothing but an organisation's name."""
    return {
        "email": "",
        "email_digest": None,
        # An organisation's pledge keeps the organisation, not its contact person's name.
        "display_name": "",
        "erased_at": now,
    }


def _outbox_addresses_forget(pledge_ids) -> None:
    """The outbox keeps the address of a message to someone without an account: when a
    pledge's address is erased, so is every copy of it there."""
    outbox_addresses_erase(model=Pledge, source_ids=pledge_ids)


def _pledge_expire(pledge: Pledge, now: datetime) -> None:
    Pledge.objects.filter(pk=pledge.pk).update(status=PledgeStatus.EXPIRED, **_erase_fields(now))
    _outbox_addresses_forget([pledge.pk])


# --- Submit ---------------------------------------------------------------------------------


def _pledge_new(*, campaign, partner, page, data: dict, language: str, email: str, digest: str):
    anonymous = bool(data.get("anonymous"))
    pledge = Pledge(
        campaign_key=campaign.translation_key,
        partner_key=partner.translation_key if partner is not None else None,
        page=page,
        kind=data.get("kind") or PledgeKind.INDIVIDUAL,
        # Nothing is kept that will not be shown.
        display_name="" if anonymous else (data.get("display_name") or "").strip(),
        anonymous=anonymous,
        email=email,
        email_digest=digest,
        country=data.get("country") or "",
        organisation=(data.get("organisation") or "").strip(),
        commitment=(data.get("commitment") or "").strip(),
        language=language or settings.LANGUAGE_CODE,
        wall=WallStatus.PENDING if data.get("wall") else WallStatus.NOT_ASKED,
        contact_consent_asked=bool(data.get("contact_consent")),
    )
    if pledge.kind == PledgeKind.ORGANISATION and not pledge.organisation:
        raise ValidationError(
            {"organisation": _("Enter the name of the organisation or agency you pledge for.")}
        )
    pledge.full_clean(exclude=["page"], validate_unique=False, validate_constraints=False)
    return pledge


def _pledge_for_address(*, campaign, digest: str, now: datetime, new) -> tuple[Pledge, bool]:
    """The campaign's pledge for the address (locked), or a new one; (pledge, created).
    A pledge that waited too long is expired on the way and a new one made."""
    existing = (
        Pledge.objects.select_for_update()
        .filter(campaign_key=campaign.translation_key, email_digest=digest)
        .first()
    )
    if existing is not None and (
        existing.status == PledgeStatus.EXPIRED or _pledge_stale(existing, now)
    ):
        _pledge_expire(existing, now)
        existing = None
    if existing is not None:
        return existing, False
    pledge = new()
    try:
        with transaction.atomic():
            pledge.save(force_insert=True)
    except IntegrityError:
        # The same address pledged in a concurrent request (a double click): one pledge.
        return (
            Pledge.objects.select_for_update().get(
                campaign_key=campaign.translation_key, email_digest=digest
            ),
            False,
        )
    return pledge, True


def pledge_submit(
    *, page, data: dict, language: str, client_ip: str, now: datetime | None = None
) -> None:
    """Take a pledge made on ``page`` (a live campaign or partner page) with ``data`` (the
    pledge form's cleaned data). The outcome the visitor sees is the same for a new
    address, one waiting for confirmation and one already confirmed: the service returns
    None in each case. The owner of the address gets one e-mail: "confirm your pledge" (new
    or waiting) or "you have already pledged" (confirmed), at most one an hour.

    Raises ``PledgeRefused`` (a sentence for the visitor) when the campaign takes no
    pledges or a limit per connection or per address is reached."""
    now = now or timezone.now()
    campaign, partner = campaign_and_partner(page)
    _open_check(campaign, page, now)
    email = (data.get("email") or "").strip()
    digest = address_digest(email)
    if not digest:
        raise ValidationError({"email": _("Enter your e-mail address.")})
    if not _limits_check(client_ip=client_ip, digest=digest):
        return None
    new = partial(
        _pledge_new,
        campaign=campaign,
        partner=partner,
        page=page,
        data=data,
        language=language,
        email=email,
        digest=digest,
    )
    with transaction.atomic():
        pledge, _created = _pledge_for_address(campaign=campaign, digest=digest, now=now, new=new)
        if pledge.status == PledgeStatus.CONFIRMED:
            messages.already_enqueue(pledge=pledge)
        else:
            messages.confirm_enqueue(pledge=pledge)
    return None


# --- Confirm, withdraw ------------------------------------------------------------------------


def _invalid() -> PledgeTokenInvalid:
    return PledgeTokenInvalid(
        _(
            "This link does not work. Check that you opened the whole link from the e-mail, "
            "or pledge again on the campaign's page."
        )
    )


def _expired() -> PledgeTokenInvalid:
    return PledgeTokenInvalid(
        _(
            "This confirmation link has expired, so your pledge was not counted. Please "
            "pledge again on the campaign's page: we will send you a new link."
        ),
        expired=True,
    )


def _confirmable(pledge: Pledge | None, now: datetime) -> Pledge:
    if pledge is None:
        raise _invalid()
    if pledge.status == PledgeStatus.EXPIRED or _pledge_stale(pledge, now):
        raise _expired()
    return pledge


def _confirm_id(token: str) -> tuple[int, bool]:
    """The pledge id of a confirmation link, and whether the link is past its age: an old
    link to a pledge already confirmed still says "confirmed", not "not counted"."""
    try:
        return tokens.confirm_pledge_id(token), False
    except tokens.TokenExpired:
        try:
            return tokens.confirm_pledge_id_any_age(token), True
        except tokens.TokenInvalid:
            raise _invalid() from None
    except tokens.TokenInvalid:
        raise _invalid() from None


def _old_link_check(pledge: Pledge | None, old: bool) -> None:
    if old and (pledge is None or pledge.status != PledgeStatus.CONFIRMED):
        raise _expired()


def pledge_for_token(*, token: str, now: datetime | None = None) -> Pledge:
    """The pledge a confirmation link is for, to show before confirming (read only).
    Raises ``PledgeTokenInvalid`` as ``pledge_confirm`` would."""
    now = now or timezone.now()
    pledge_id, old = _confirm_id(token)
    pledge = Pledge.objects.filter(pk=pledge_id).first()
    _old_link_check(pledge, old)
    if pledge is not None and pledge.status == PledgeStatus.CONFIRMED:
        return pledge
    return _confirmable(pledge, now)


def _consent_apply(pledge: Pledge, consent: bool, now: datetime) -> list[str]:
    """Record consent to follow-up contact, given now. A withdrawn consent stays withdrawn
    (only a new pledge asks again)."""
    if not consent or pledge.contact_consent_at or pledge.contact_consent_withdrawn_at:
        return []
    pledge.contact_consent_asked = True
    pledge.contact_consent_at = now
    return ["contact_consent_asked", "contact_consent_at"]


def pledge_confirm(
    *,
    token: str,
    contact_consent: bool | None = None,
    wall: bool | None = None,
    anonymous: bool | None = None,
    now: datetime | None = None,
) -> Pledge:
    """Confirm the pledge of a confirmation link: it counts from now on. Idempotent (a
    second confirmation changes nothing, except that it may record a consent not given
    before). ``contact_consent``: the choice on the confirmation page; None keeps the one
    made in the pledge form. Writes the pledge's ``campaign_pledge`` ledger row and has the
    totals recounted. Raises ``PledgeTokenInvalid``."""
    now = now or timezone.now()
    pledge_id, old = _confirm_id(token)
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().filter(pk=pledge_id).first()
        _old_link_check(pledge, old)
        if pledge is None or pledge.status != PledgeStatus.CONFIRMED:
            pledge = _confirmable(pledge, now)
        if pledge.status == PledgeStatus.CONFIRMED:
            changed = _consent_apply(pledge, bool(contact_consent), now)
            if changed:
                pledge.save(update_fields=changed)
            return pledge
        consent = pledge.contact_consent_asked if contact_consent is None else contact_consent
        pledge.status = PledgeStatus.CONFIRMED
        pledge.confirmed_at = now
        pledge.contact_consent_asked = bool(consent)
        fields = ["status", "confirmed_at", "contact_consent_asked"]
        # The owner's own choices on the confirmation page (whoever typed the address made
        # the form's): the wall only if she asks for it, anonymous if she says so.
        if wall is not None:
            pledge.wall = WallStatus.PENDING if wall else WallStatus.NOT_ASKED
            fields.append("wall")
        if anonymous is not None:
            pledge.anonymous = anonymous
            fields.append("anonymous")
        fields += _consent_apply(pledge, bool(consent), now)
        pledge.save(update_fields=sorted(set(fields)))
        campaign = _campaign_original(pledge.campaign_key)
        participation_record(
            kind=ParticipationKind.CAMPAIGN_PLEDGE,
            source=pledge,
            # The key tells a person's pledge from an organisation's in the ledger.
            aggregate_key=pledge.kind,
            count=1,
            occurred_at=now,
            attributes={"country": pledge.country},
            programmes=campaign_programme_ids(campaign) if campaign is not None else set(),
            # Evidence of the campaign (its original page), whatever the pledge's language.
            **campaign_activity(campaign),
        )
        transaction.on_commit(partial(totals_refresh_soon, pledge.campaign_key))
    return pledge


def _campaign_original(campaign_key) -> CampaignPage | None:
    """The campaign's original page (the first of its translations), or None."""
    return CampaignPage.objects.filter(translation_key=campaign_key).order_by("pk").first()


def _campaign_programmes(campaign_key) -> set[int]:
    campaign = _campaign_original(campaign_key)
    return campaign_programme_ids(campaign) if campaign is not None else set()


def consent_token_check(*, token: str) -> None:
    """Raises ``PledgeTokenInvalid`` unless ``token`` is one of our withdrawal links: the
    page that offers the button says at once when a link was broken or made up."""
    try:
        tokens.withdraw_pledge_id(token)
    except tokens.TokenInvalid:
        raise _invalid() from None


def consent_withdraw(*, token: str, now: datetime | None = None) -> Pledge:
    """No more follow-up contact for this pledge (the link in every pledge e-mail; it
    never expires). Withdrawing twice keeps the first time. Raises ``PledgeTokenInvalid``."""
    now = now or timezone.now()
    try:
        pledge_id = tokens.withdraw_pledge_id(token)
    except tokens.TokenInvalid:
        raise _invalid() from None
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().filter(pk=pledge_id).first()
        if pledge is None:
            raise _invalid()
        if pledge.contact_consent_withdrawn_at is None:
            pledge.contact_consent_withdrawn_at = now
            pledge.save(update_fields=["contact_consent_withdrawn_at"])
    return pledge


# --- The pledge wall ----------------------------------------------------------------------------


def wall_decide(*, pledge: Pledge, approve: bool, by) -> Pledge:
    """An organiser of the campaign's programmes puts a pledge on the wall, or keeps it off
    (only a confirmed pledge whose pledger asked to appear). Logged in Wagtail's history
    with the moderation actions; the cached pages show the wall anew."""
    programmes = _campaign_programmes(pledge.campaign_key)
    if not (by.has_perm("campaigns.moderate_pledge") and scope_for(by).allows(programmes)):
        raise PermissionDenied
    with transaction.atomic():
        locked = Pledge.objects.select_for_update().get(pk=pledge.pk)
        if locked.status != PledgeStatus.CONFIRMED:
            raise ValidationError(_("Only a confirmed pledge can go on the pledge wall."))
        if locked.wall == WallStatus.NOT_ASKED:
            raise ValidationError(_("This pledger did not ask to appear on the pledge wall."))
        locked.wall = WallStatus.APPROVED if approve else WallStatus.REJECTED
        locked.wall_decided_by = by
        locked.wall_decided_at = timezone.now()
        locked.save(update_fields=["wall", "wall_decided_by", "wall_decided_at"])
        action = "wagtail.moderation.approve" if approve else "wagtail.moderation.reject"
        log(instance=locked, action=action, user=by, data={"wall": locked.wall})
        page_cache.invalidate()
    return locked


# --- Totals ---------------------------------------------------------------------------------------


def totals_refresh(*, campaign_key=None) -> int:
    """Recount the confirmed pledges of one campaign (or of every campaign) into
    ``PledgeTotal``: the whole campaign (scope "") and each partner (scope = its page's key).
    One aggregate query, one read of the stored totals, one upsert of the rows that
    changed; the cached pages are made stale only if a number changed. Returns how many
    rows changed."""
    confirmed = Pledge.objects.filter(status=PledgeStatus.CONFIRMED)
    stored = PledgeTotal.objects.all()
    if campaign_key is not None:
        confirmed = confirmed.filter(campaign_key=campaign_key)
        stored = stored.filter(campaign_key=campaign_key)
    groups = (
        confirmed.order_by()
        .values("campaign_key", "partner_key")
        .annotate(
            confirmed=Count("pk"),
            organisations=Count("pk", filter=Q(kind=PledgeKind.ORGANISATION)),
        )
    )
    wanted: dict[tuple, list[int]] = {}
    for group in groups:
        scopes = [""] + ([str(group["partner_key"])] if group["partner_key"] else [])
        for scope in scopes:
            numbers = wanted.setdefault((group["campaign_key"], scope), [0, 0])
            numbers[0] += group["confirmed"]
            numbers[1] += group["organisations"]
    current = {(row.campaign_key, row.scope): row for row in stored}
    for key in current.keys() - wanted.keys():
        wanted[key] = [0, 0]  # no confirmed pledge left in that scope
    changed = []
    for (key, scope), (count, organisations) in wanted.items():
        row = current.get((key, scope))
        if row is not None and (row.confirmed, row.organisations) == (count, organisations):
            continue
        changed.append(
            PledgeTotal(campaign_key=key, scope=scope, confirmed=count, organisations=organisations)
        )
    if changed:
        with transaction.atomic():
            PledgeTotal.objects.bulk_create(
                changed,
                update_conflicts=True,
                unique_fields=["campaign_key", "scope"],
                update_fields=["confirmed", "organisations", "updated_at"],
            )
            page_cache.invalidate()
    return len(changed)


def totals_lock_key(campaign_key) -> str:
    return f"campaigns:totals:{campaign_key}"


def totals_refresh_soon(campaign_key) -> bool:
    """Have the campaign's totals recounted within ``CAMPAIGNS_TOTALS_INTERVAL`` seconds,
    once however many pledges are confirmed meanwhile: the first confirmation takes a lock
    (``cache.add``) and schedules the task; the task drops the lock before counting, so a
    confirmation it might miss schedules the next one. Eager tasks (tests, ``make run``)
    run at once. True if a recount was scheduled now."""
    interval = settings.CAMPAIGNS_TOTALS_INTERVAL
    lock = totals_lock_key(campaign_key)
    if not cache.add(lock, 1, timeout=interval):
        return False
    from .tasks import totals_refresh_task

    try:
        totals_refresh_task.apply_async(args=[str(campaign_key)], countdown=interval)
    except Exception:  # the broker is down: the periodic recount catches up
        logger.warning("could not schedule a pledge totals recount", exc_info=True)
        cache.delete(lock)
        return False
    return True


# --- Retention -----------------------------------------------------------------------------------


def erase_after(campaign) -> datetime:
    """When a campaign's pledgers' addresses are erased: ``CAMPAIGNS_PLEDGE_RETENTION_DAYS``
    after the end of its last day, midnight in its zone."""
    end = local_midnight(campaign.ends_on + timedelta(days=1), campaign_zone(campaign))
    return end + timedelta(days=settings.CAMPAIGNS_PLEDGE_RETENTION_DAYS)


def pledges_erase(*, now: datetime | None = None) -> int:
    """Retention, run hourly:

    - a pledge not confirmed within ``CAMPAIGNS_PLEDGE_CONFIRM_DAYS`` expires: its address
      and a person's name are erased;
    - ``CAMPAIGNS_PLEDGE_RETENTION_DAYS`` after a campaign's last day (in its zone), its
      pledgers' addresses, their digests and individuals' names are erased (an
      organisation's name and commitment stay: they are on the wall); so are the pledges of
      a campaign whose page was deleted.

    The pledges stay (with their status, country and kind), and so do the totals and the
    ledger rows. The outbox's copies of the addresses go too. Returns the number of pledges
    erased."""
    now = now or timezone.now()
    age = timedelta(days=settings.CAMPAIGNS_PLEDGE_CONFIRM_DAYS)
    # Translations share the key; the latest end wins.
    ends: dict = {}
    for campaign in CampaignPage.objects.only("translation_key", "ends_on", "time_zone"):
        moment = erase_after(campaign)
        ends[campaign.translation_key] = max(moment, ends.get(campaign.translation_key, moment))
    due = [key for key, moment in ends.items() if moment <= now]
    kept = Pledge.objects.filter(erased_at__isnull=True)
    stale = kept.filter(status=PledgeStatus.PENDING, created_at__lt=now - age)
    ended = kept.filter(Q(campaign_key__in=due) | ~Q(campaign_key__in=list(ends)))
    erased = 0
    with transaction.atomic():
        stale_ids = list(stale.select_for_update().values_list("pk", flat=True))
        Pledge.objects.filter(pk__in=stale_ids).update(
            status=PledgeStatus.EXPIRED, **_erase_fields(now)
        )
        ended_ids = list(ended.select_for_update().values_list("pk", flat=True))
        Pledge.objects.filter(pk__in=ended_ids).update(**_erase_fields(now))
        _outbox_addresses_forget(stale_ids + ended_ids)
        erased = len(stale_ids) + len(ended_ids)
    if ended_ids:
        # Erased names leave the pledge walls of the cached pages too.
        page_cache.invalidate()
    return erased
