"""Reads of the campaigns app that pages and other apps reuse.

Totals are read from ``PledgeTotal`` (kept by ``services.totals_refresh``): a page never
counts pledges, however many visitors it has.
"""

from datetime import date
from types import SimpleNamespace

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .days import campaign_zone
from .enums import PledgeKind, PledgeStatus, WallStatus
from .models import CampaignPage, CampaignPartnerPage, Pledge, PledgeTotal


def percent(count: int, target: int | None) -> int:
    """``count`` as a whole percentage of ``target``, rounded down (the bar is full only
    when the target is reached), at most 100; 0 without a target."""
    if not target:
        return 0
    return min(100, count * 100 // target)


def campaign_totals(*, campaign: CampaignPage) -> dict:
    """The counter of a campaign page (any translation): confirmed pledges against the
    target, organisations among them, and each live partner's own total, in page order.
    Two queries: the stored totals, the partner pages.

    ``{"confirmed", "target", "percent", "organisations", "partners": [{"page",
    "confirmed", "target", "percent", "organisations"}]}``; ``percent`` is 0–100 (0 when
    there is no target: show a bar only with one)."""
    stored = {
        row.scope: row
        for row in PledgeTotal.objects.filter(campaign_key=campaign.translation_key).only(
            "scope", "confirmed", "organisations"
        )
    }

    def numbers(scope: str) -> tuple[int, int]:
        row = stored.get(scope)
        return (row.confirmed, row.organisations) if row is not None else (0, 0)

    partners = []
    for page in CampaignPartnerPage.objects.live().child_of(campaign).order_by("path"):
        confirmed, organisations = numbers(str(page.translation_key))
        partners.append(
            {
                "page": page,
                "confirmed": confirmed,
                "target": page.pledge_target,
                "percent": percent(confirmed, page.pledge_target),
                "organisations": organisations,
            }
        )
    confirmed, organisations = numbers("")
    return {
        "confirmed": confirmed,
        "target": campaign.pledge_target,
        "percent": percent(confirmed, campaign.pledge_target),
        "organisations": organisations,
        "partners": partners,
    }


def wall_name(pledge: Pledge) -> str:
    """The name a pledge shows on the wall: "Anonymous", an organisation's name, or the
    person's chosen name."""
    if pledge.anonymous:
        return _("Anonymous")
    if pledge.kind == PledgeKind.ORGANISATION:
        return pledge.organisation or pledge.display_name or _("Anonymous")
    return pledge.display_name or _("Anonymous")


WALL_FIELDS = (
    "pk",
    "kind",
    "display_name",
    "anonymous",
    "organisation",
    "commitment",
    "country",
    "confirmed_at",
)


def pledge_wall(*, campaign: CampaignPage, partner=None, limit: int = 60) -> list[Pledge]:
    """The newest confirmed pledges an organiser approved for the wall (only those whose
    pledger asked), for a campaign (any translation) or one of its partners. One query,
    none when the campaign has no wall. Only what the wall shows is loaded; each pledge's
    ``wall_name`` is what to print (an anonymous pledge shows neither name nor
    organisation). A person's pledge whose name was erased (retention) leaves the wall."""
    if not campaign.pledge_wall or limit <= 0:
        return []
    pledges = Pledge.objects.filter(
        campaign_key=campaign.translation_key,
        status=PledgeStatus.CONFIRMED,
        wall=WallStatus.APPROVED,
    ).exclude(kind=PledgeKind.INDIVIDUAL, erased_at__isnull=False)
    if partner is not None:
        pledges = pledges.filter(partner_key=partner.translation_key)
    shown = list(pledges.only(*WALL_FIELDS).order_by("-confirmed_at", "-pk")[:limit])
    for pledge in shown:
        pledge.wall_name = wall_name(pledge)
        if pledge.anonymous:
            pledge.display_name = pledge.organisation = ""
    return shown


def campaign_programme_ids(page) -> set[int]:
    """The programmes whose work a campaign is (its owner and those it is shared with), for
    a campaign page or one of its partners' pages."""
    page = page.specific if type(page) not in (CampaignPage, CampaignPartnerPage) else page
    if isinstance(page, CampaignPartnerPage):
        page = page.get_parent().specific
    if not isinstance(page, CampaignPage):
        return set()
    return page.programme_ids()


def _today(row: SimpleNamespace, today: date | None) -> date:
    return today or timezone.now().astimezone(campaign_zone(row)).date()


def current_campaign(*, language: str | None = None, today: date | None = None):
    """The campaign to announce (the home page's 16 Days block): the live campaign running
    today (the one that began last, if several), else the next to begin, else the one that
    ended last; None without any. "Today" is each campaign's own (its zone) unless
    ``today`` is given. In ``language`` when the campaign has a live page in it (a
    translation or an alias), else in the default language, else its first page. Three
    queries: view restrictions, the campaigns' dates, the page chosen."""
    language = language or settings.LANGUAGE_CODE
    rows = [
        SimpleNamespace(**row)
        for row in CampaignPage.objects.live()
        .public()
        .values(
            "pk",
            "translation_key",
            "starts_on",
            "ends_on",
            "time_zone",
            language_code=F("locale__language_code"),
        )
    ]
    by_key: dict = {}
    for row in rows:
        by_key.setdefault(row.translation_key, []).append(row)

    def shown(group: list[SimpleNamespace]) -> SimpleNamespace:
        def rank(row):
            code = row.language_code
            return (code != language, code != settings.LANGUAGE_CODE, row.pk)

        return min(group, key=rank)

    running, coming, past = [], [], []
    for row in (shown(group) for group in by_key.values()):
        day = _today(row, today)
        if row.starts_on <= day <= row.ends_on:
            running.append(row)
        elif day < row.starts_on:
            coming.append(row)
        else:
            past.append(row)
    if running:
        chosen = max(running, key=lambda r: (r.starts_on, -r.pk))
    elif coming:
        chosen = min(coming, key=lambda r: (r.starts_on, r.pk))
    elif past:
        chosen = max(past, key=lambda r: (r.ends_on, -r.pk))
    else:
        return None
    return CampaignPage.objects.select_related("locale").get(pk=chosen.pk)
