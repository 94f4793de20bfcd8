"""The demo campaigns' pledges and reach, made the way people and organisers make them.

Pledges go through ``campaigns.services`` as a visitor's would: submitted on the campaign's
page (or a coalition partner's) in the pledger's language, confirmed from the link in the
e-mail (most of them, over the campaign's days so far; the newest still wait), with or
without consent to be contacted (one withdrew it later); organisations' commitments put on
the wall by the programme's organiser, or still waiting for her; one pledge never
confirmed, expired by the retention task. Reach is recorded through ``campaigns.reach``
(direct counts and estimates, each with its method), for the days that have come. The
totals are then recounted so the counters show them.

Each campaign's pledges and its reach are made once: a campaign that has any is left as it
is. The pledgers are made up; their addresses are at example.org, a domain reserved for
examples, so no e-mail reaches anyone.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from wagtail.models import Locale

from people.models import User

from .. import reach, services, tokens
from ..addresses import address_digest
from ..enums import PledgeKind, WallStatus
from ..models import CampaignPage, CampaignPartnerPage, Pledge, ReachRecord
from . import content

# Individuals' pledges per campaign (programme slug).
INDIVIDUALS = {"communitylinkage": 36, "see-coalition": 30, "lithuania": 24}
# A pledge this many days old and never confirmed: expired by ``services.pledges_erase``.
EXPIRED_DAYS_AGO = 9


def _version(page, language: str):
    """The page in ``language`` if it is live there (a translation or an alias)."""
    locale = Locale.objects.filter(language_code=language).first()
    version = page.get_translation_or_none(locale) if locale is not None else None
    return version.specific if version is not None and version.live else page


def _moments(campaign: CampaignPage, count: int, now: datetime) -> list[datetime]:
    """``count`` moments spread over the campaign's days so far (the week before, if it
    has not begun), at the hours people pledge, each before ``now``."""
    zone = ZoneInfo(campaign.time_zone)
    start = datetime.combine(campaign.starts_on, time(8, 0), tzinfo=zone)
    if start >= now:
        start = now - timedelta(days=6)
    span = (now - start).total_seconds()
    moments = []
    for number in range(count):
        moment = start + timedelta(seconds=span * number / max(count, 1))
        hour = content.PLEDGE_HOURS[number % len(content.PLEDGE_HOURS)]
        local = moment.astimezone(zone)
        moment = datetime.combine(local.date(), hour, tzinfo=zone)
        if moment >= now:
            moment = now - timedelta(minutes=10 * (count - number))
        moments.append(moment)
    return sorted(moments)


def _submit(page, data: dict, language: str, ip: int, when: datetime) -> Pledge:
    services.pledge_submit(
        page=page, data=data, language=language, client_ip=f"198.51.100.{ip % 254 + 1}", now=when
    )
    campaign, _partner = services.campaign_and_partner(page)
    pledge = Pledge.objects.get(
        campaign_key=campaign.translation_key,
        email_digest=address_digest(data["email"]),
    )
    # As if it had been made then (the form's submission time, which expiry reads).
    Pledge.objects.filter(pk=pledge.pk).update(created_at=when)
    pledge.created_at = when
    return pledge


def _confirm(pledge: Pledge, when: datetime, consent: bool) -> Pledge:
    return services.pledge_confirm(
        token=tokens.confirm_token(pledge), contact_consent=consent, now=when
    )


def pledges_build(campaign: CampaignPage, slug: str, stdout) -> bool:
    """The campaign's demo pledges (once). True if they were made now."""
    if Pledge.objects.filter(campaign_key=campaign.translation_key).exists():
        return False
    now = timezone.now()
    partners = {
        page.country: page
        for page in CampaignPartnerPage.objects.child_of(campaign).filter(locale=campaign.locale)
    }
    names = content.PLEDGE_NAMES[slug]
    organisations = content.ORGANISATION_PLEDGES[slug]
    count = INDIVIDUALS[slug]
    moments = _moments(campaign, count, now)
    waiting = max(3, count // 8)  # the newest pledges are not confirmed yet
    organiser = User.objects.filter(email=f"organiser.{slug}@linkage.local").first()
    to_wall: list[Pledge] = []
    statuses = {"confirmed": 0, "waiting": 0}
    for number in range(count):
        name, country, language = names[number % len(names)]
        target = partners.get(country, campaign)
        when = moments[number]
        data = {
            "kind": PledgeKind.INDIVIDUAL,
            "display_name": name,
            "anonymous": number % 5 == 4,
            "email": f"{slug}.{number + 1:03d}@example.org",
            "country": country,
            "organisation": "",
            "commitment": "",
            "wall": number % 4 == 0,
            "contact_consent": number % 2 == 0,
        }
        pledge = _submit(_version(target, language), data, language, number, when)
        if number >= count - waiting:
            statuses["waiting"] += 1
            continue
        pledge = _confirm(pledge, min(when + timedelta(minutes=7), now), number % 2 == 0)
        statuses["confirmed"] += 1
        if number == 2:  # she agreed to be contacted, then changed her mind
            services.consent_withdraw(
                token=tokens.withdraw_token(pledge), now=min(when + timedelta(days=2), now)
            )
        if data["wall"] and number < count - waiting - 4:
            to_wall.append(pledge)
    partner_pages = {page.slug: page for page in partners.values()}
    for offset, (name, country, language, commitment, partner, wall) in enumerate(organisations):
        # Spread among the individuals' pledges, none among the newest.
        when = moments[(offset + 1) * (count - waiting) // (len(organisations) + 1)]
        when = min(when + timedelta(minutes=30), now - timedelta(hours=1))
        target = partner_pages.get(partner, campaign)
        data = {
            "kind": PledgeKind.ORGANISATION,
            "display_name": "",
            "anonymous": False,
            "email": f"{slug}.organisation.{offset + 1}@example.org",
            "country": country,
            "organisation": name,
            "commitment": commitment,
            "wall": bool(wall),
            "contact_consent": True,
        }
        pledge = _submit(_version(target, language), data, language, count + offset, when)
        pledge = _confirm(pledge, min(when + timedelta(hours=1), now), True)
        statuses["confirmed"] += 1
        if wall == "approved":
            to_wall.append(pledge)
    if organiser is not None:
        for pledge in to_wall:
            services.wall_decide(pledge=pledge, approve=True, by=organiser)
    # One pledge never confirmed: made before the others, expired by the retention task.
    expired_at = now - timedelta(days=EXPIRED_DAYS_AGO)
    if expired_at.astimezone(ZoneInfo(campaign.time_zone)).date() <= campaign.ends_on:
        _submit(
            campaign,
            {
                "kind": PledgeKind.INDIVIDUAL,
                "display_name": "",
                "anonymous": True,
                "email": f"{slug}.unconfirmed@example.org",
                "country": names[0][1],
                "wall": False,
                "contact_consent": False,
            },
            "en",
            count + len(organisations),
            expired_at,
        )
        services.pledges_erase(now=now)
    walled = Pledge.objects.filter(
        campaign_key=campaign.translation_key, wall=WallStatus.APPROVED
    ).count()
    stdout.write(
        f"  pledges for {campaign.title}: {statuses['confirmed']} confirmed, "
        f"{statuses['waiting']} waiting for confirmation, {walled} on the wall"
    )
    return True


def reach_build(campaign: CampaignPage, slug: str, stdout) -> int:
    """The campaign's recorded reach (once), for the days that have come."""
    if ReachRecord.objects.filter(campaign_key=campaign.translation_key).exists():
        return 0
    today = timezone.localtime(timezone.now(), ZoneInfo(campaign.time_zone)).date()
    partners = {
        page.slug: page
        for page in CampaignPartnerPage.objects.child_of(campaign).filter(locale=campaign.locale)
    }
    made = 0
    for day, channel, basis, people, method, partner in content.REACH[slug]:
        on = campaign.starts_on + timedelta(days=day - 1)
        if on > today:
            continue
        reach.reach_record(
            campaign=campaign,
            by=None,
            channel=channel,
            basis=basis,
            people=people,
            method=method,
            on=on,
            partner=partners.get(partner),
        )
        made += 1
    stdout.write(f"  reach of {campaign.title}: {made} records")
    return made


def totals_refresh(campaign: CampaignPage) -> None:
    services.totals_refresh(campaign_key=campaign.translation_key)
