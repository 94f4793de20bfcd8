"""What the organisers' campaign admin reads, always through the reader's programme scope.

* ``campaigns_for(user)``: the campaigns a person may see in the admin, one entry per
  campaign (its first page, the one its translations were made from), whose programme or
  whose "also run by" programmes are hers; every campaign for an admin. Every view starts
  here: another programme's campaign is answered like one that does not exist (404).
* A campaign's pledges and reach are found by its translation key (a pledge made on the
  Lithuanian page counts for the same campaign as one made on the English page).
* Pledges are read without their address: ``PLEDGE_SAFE_FIELDS`` is all the admin ever
  loads, except for the follow-up contacts export (``contacts_for_export``).
* Attendance of the campaign's events and confirmed pledges are read from the impact
  ledger (``impact.selectors.participation_visible_to``): what counted, as the reader's
  programmes may see it.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.http import Http404
from django.utils import timezone

from impact.enums import ParticipationKind
from impact.selectors import participation_visible_to
from programmes.selectors import scope_for

from .days import campaign_zone
from .enums import PledgeStatus, ReachBasis, ReachChannel, WallStatus
from .models import CampaignEvent, CampaignPage, CampaignPartnerPage, Pledge, ReachRecord

# Everything the admin shows of a pledge: never the address nor its digest (they are not
# even loaded, so no template, log or error page can show them).
PLEDGE_SAFE_FIELDS = (
    "pk",
    "campaign_key",
    "partner_key",
    "kind",
    "display_name",
    "anonymous",
    "country",
    "organisation",
    "commitment",
    "language",
    "status",
    "wall",
    "wall_decided_by",
    "wall_decided_at",
    "confirmed_at",
    "erased_at",
)


# --- Which campaigns ---------------------------------------------------------------------------


def _first_pages() -> QuerySet[CampaignPage]:
    """One page per campaign: the first of its translations (the one they were made from;
    aliases and translations come later and share its translation key)."""
    first = (
        CampaignPage.objects.filter(translation_key=OuterRef("translation_key"))
        .order_by("pk")
        .values("pk")[:1]
    )
    return CampaignPage.objects.filter(pk=Subquery(first))


def campaigns_for(user) -> QuerySet[CampaignPage]:
    """The campaigns ``user`` may see in the admin (live or draft), newest first: those
    whose programme or "also run by" programmes are hers; all of them for an admin; none for
    anyone else."""
    scope = scope_for(user)
    if scope.nothing:
        return CampaignPage.objects.none()
    return scope.filter(_first_pages(), "programme", "shared_with").order_by("-starts_on", "-pk")


def campaign_for(user, pk) -> CampaignPage:
    """The campaign ``pk`` if ``user`` may see it; 404 otherwise (another programme's campaign
    reads as one that does not exist)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    campaign = campaigns_for(user).select_related("programme", "locale").filter(pk=pk).first()
    if campaign is None:
        raise Http404
    return campaign


def campaign_first_page(campaign_key) -> CampaignPage | None:
    """The campaign's first page (the one ``campaigns_for`` lists) from its key."""
    return CampaignPage.objects.filter(translation_key=campaign_key).order_by("pk").first()


def campaign_today(campaign: CampaignPage, now: datetime | None = None) -> date:
    """Today as the campaign's clocks show it."""
    return timezone.localtime(now or timezone.now(), campaign_zone(campaign)).date()


def local_day_bounds(campaign: CampaignPage, first: date, last: date) -> tuple[datetime, datetime]:
    """From midnight starting ``first`` to midnight ending ``last``, in the campaign's zone."""
    zone = campaign_zone(campaign)
    return (
        datetime.combine(first, time.min, tzinfo=zone),
        datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone),
    )


# --- Partners, pledges and reach of one campaign ---------------------------------------------


def partners_of(campaign: CampaignPage) -> list[CampaignPartnerPage]:
    """The campaign's partner pages (in the campaign page's own language), in tree order."""
    return list(CampaignPartnerPage.objects.child_of(campaign).order_by("path"))


def partner_of(campaign: CampaignPage, partner_key) -> CampaignPartnerPage | None:
    if not partner_key:
        return None
    return (
        CampaignPartnerPage.objects.child_of(campaign)
        .filter(translation_key=partner_key)
        .order_by("pk")
        .first()
    )


def pledges_of(campaign: CampaignPage) -> QuerySet[Pledge]:
    """The campaign's pledges (every language, every partner), without their addresses."""
    return Pledge.objects.filter(campaign_key=campaign.translation_key).only(*PLEDGE_SAFE_FIELDS)


def pledge_for(campaign: CampaignPage, pk) -> Pledge:
    """A pledge of ``campaign`` (already checked to be the reader's), or 404."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    pledge = pledges_of(campaign).filter(pk=pk).first()
    if pledge is None:
        raise Http404
    return pledge


def reach_of(campaign: CampaignPage) -> QuerySet[ReachRecord]:
    return ReachRecord.objects.filter(campaign_key=campaign.translation_key)


def reach_record_for(campaign: CampaignPage, pk) -> ReachRecord:
    """A reach record of ``campaign`` (already checked to be the reader's), or 404."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    record = reach_of(campaign).filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


def wall_queue(campaign: CampaignPage) -> QuerySet[Pledge]:
    """Confirmed pledges waiting for an organiser before they show on the wall, oldest
    first (an unconfirmed pledge may never count: it waits until it is confirmed)."""
    return (
        pledges_of(campaign)
        .filter(status=PledgeStatus.CONFIRMED, wall=WallStatus.PENDING)
        .order_by("confirmed_at", "pk")
    )


def wall_decided(campaign: CampaignPage) -> QuerySet[Pledge]:
    """Pledges an organiser approved for the wall or turned down, the latest first."""
    return (
        pledges_of(campaign)
        .filter(wall__in=[WallStatus.APPROVED, WallStatus.REJECTED])
        .select_related("wall_decided_by__profile")
        .order_by("-wall_decided_at", "-pk")
    )


def contacts_for_export(campaign: CampaignPage) -> QuerySet[Pledge]:
    """The only read of pledgers' addresses: confirmed pledges of people who agreed to be
    contacted again and have not withdrawn it, whose address has not been erased."""
    return (
        Pledge.objects.filter(
            campaign_key=campaign.translation_key,
            status=PledgeStatus.CONFIRMED,
            contact_consent_at__isnull=False,
            contact_consent_withdrawn_at__isnull=True,
            erased_at__isnull=True,
        )
        .exclude(email="")
        .order_by("contact_consent_at", "pk")
    )


# --- Listings: figures of many campaigns in one query ----------------------------------------


def _count_of(queryset: QuerySet) -> Coalesce:
    return Coalesce(
        Subquery(
            queryset.order_by().values("campaign_key").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _people_of(queryset: QuerySet) -> Coalesce:
    return Coalesce(
        Subquery(
            queryset.order_by().values("campaign_key").annotate(n=Sum("people")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def with_figures(campaigns: QuerySet[CampaignPage]) -> QuerySet[CampaignPage]:
    """``campaigns`` with their confirmed pledges, pledges waiting for the wall and recorded
    reach (counted directly, estimated), in the same query."""
    pledges = Pledge.objects.filter(campaign_key=OuterRef("translation_key"))
    reach = ReachRecord.objects.filter(campaign_key=OuterRef("translation_key"))
    return campaigns.annotate(
        confirmed_pledges=_count_of(pledges.filter(status=PledgeStatus.CONFIRMED)),
        wall_waiting=_count_of(
            pledges.filter(status=PledgeStatus.CONFIRMED, wall=WallStatus.PENDING)
        ),
        reach_direct=_people_of(reach.filter(basis=ReachBasis.DIRECT)),
        reach_estimated=_people_of(reach.filter(basis=ReachBasis.ESTIMATED)),
    )


# --- One campaign's dashboard ----------------------------------------------------------------


@dataclass
class DayCount:
    """Confirmed pledges of one campaign-local day (``day``), or of all the days before
    the first (``before``) or after the last (``after``)."""

    day: date | None
    count: int
    before: bool = False
    after: bool = False


def pledges_per_day(campaign: CampaignPage) -> list[DayCount]:
    """Confirmed pledges per day, each pledge on the day its confirmation fell in the
    campaign's zone: one entry per day of the campaign (zero included), and one for all the
    days before the first and one for all after the last when any were confirmed then. One
    query; the entries add up to every confirmed pledge."""
    counts = dict(
        Pledge.objects.filter(
            campaign_key=campaign.translation_key,
            status=PledgeStatus.CONFIRMED,
            confirmed_at__isnull=False,
        )
        .annotate(day=TruncDate("confirmed_at", tzinfo=campaign_zone(campaign)))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
        .values_list("day", "n")
    )
    first, last = campaign.starts_on, campaign.ends_on
    # Days still to come are not zeros: the chart stops at today (in the campaign's zone).
    today = timezone.now().astimezone(campaign_zone(campaign)).date()
    shown_last = min(last, max(today, first))
    days = [first + timedelta(days=i) for i in range((shown_last - first).days + 1)]
    entries = [DayCount(day=day, count=counts.get(day, 0)) for day in days]
    before = sum(n for day, n in counts.items() if day < first)
    after = sum(n for day, n in counts.items() if day > shown_last)
    if before:
        entries.insert(0, DayCount(day=None, count=before, before=True))
    if after:
        entries.append(DayCount(day=None, count=after, after=True))
    return entries


@dataclass
class ChannelReach:
    channel: str
    label: str
    direct: int = 0
    estimated: int = 0
    direct_methods: list[str] = field(default_factory=list)
    estimated_methods: list[str] = field(default_factory=list)


def reach_by_channel(campaign: CampaignPage) -> list[ChannelReach]:
    """Recorded reach per channel (in the channels' order), counted directly and estimated
    kept apart, each with the distinct methods used: one query."""
    rows = (
        reach_of(campaign)
        .order_by()
        .values("channel", "basis", "method")
        .annotate(people=Sum("people"))
        .order_by("channel", "basis", "method")
    )
    by_channel: dict[str, ChannelReach] = {}
    for row in rows:
        entry = by_channel.setdefault(
            row["channel"],
            ChannelReach(
                channel=row["channel"],
                label=str(dict(ReachChannel.choices).get(row["channel"], row["channel"])),
            ),
        )
        method = " ".join(row["method"].split())
        if row["basis"] == ReachBasis.DIRECT:
            entry.direct += row["people"]
            if method and method not in entry.direct_methods:
                entry.direct_methods.append(method)
        else:
            entry.estimated += row["people"]
            if method and method not in entry.estimated_methods:
                entry.estimated_methods.append(method)
    return [by_channel[value] for value in ReachChannel.values if value in by_channel]


def linked_event_keys(campaign: CampaignPage) -> list:
    """The translation keys of the events linked to the campaign (its first page's links)."""
    return list(
        CampaignEvent.objects.filter(page=campaign)
        .values_list("event__translation_key", flat=True)
        .distinct()
    )


def _attendance_sources(event_keys) -> Q:
    """Ledger rows whose source is an attendance (named or walk-ins) of one of the events:
    the ledger records attendance with the attendance row as its source, so the events
    app's public selector says which rows those are."""
    from events.selectors import attendance_sources

    condition = Q(pk__in=[])
    for model, ids in attendance_sources(event_keys=event_keys):
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        condition |= Q(source_type=content_type, source_id__in=ids)
    return condition


def _pledge_sources(campaign: CampaignPage) -> Q:
    """Ledger rows of the campaign's confirmed pledges: each pledge is the source of its
    ``campaign_pledge`` row (``campaigns.services.pledge_confirm``)."""
    ids = (
        Pledge.objects.filter(campaign_key=campaign.translation_key)
        .annotate(source_key=Cast("pk", CharField()))
        .values("source_key")
    )
    return Q(
        source_type=ContentType.objects.get_for_model(Pledge, for_concrete_model=False),
        source_id__in=ids,
    )


@dataclass(frozen=True)
class LedgerCounts:
    """What counted for the campaign by itself, as the ledger holds it (``None``: the reader
    may not see the ledger)."""

    attendance: int | None
    pledges: int | None


def ledger_counts(*, campaign: CampaignPage, user) -> LedgerCounts:
    """Attendance of the campaign's linked events during its days, and its confirmed pledges,
    from the impact ledger, as far as ``user`` may see the ledger's numbers (an organiser:
    her programmes' rows). Two queries (one when no event is linked)."""
    if not user.has_perm("impact.view_participation"):
        return LedgerCounts(attendance=None, pledges=None)
    visible = participation_visible_to(user=user)
    pledges = visible.filter(
        _pledge_sources(campaign), kind=ParticipationKind.CAMPAIGN_PLEDGE
    ).aggregate(n=Sum("count", default=0))["n"]
    keys = linked_event_keys(campaign)
    attendance = 0
    if keys:
        start, end = local_day_bounds(campaign, campaign.starts_on, campaign.ends_on)
        attendance = visible.filter(
            _attendance_sources(keys),
            kind=ParticipationKind.EVENT_ATTENDED,
            occurred_at__gte=start,
            occurred_at__lt=end,
        ).aggregate(n=Sum("count", default=0))["n"]
    return LedgerCounts(attendance=attendance, pledges=pledges)


@dataclass
class PartnerTotals:
    page: CampaignPartnerPage | None  # None: pledges and reach not through a partner
    confirmed: int = 0
    target: int | None = None
    reach_direct: int = 0
    reach_estimated: int = 0

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return min(100, round(100 * self.confirmed / self.target))


def partner_totals(campaign: CampaignPage) -> list[PartnerTotals]:
    """Each partner's confirmed pledges (against its own target) and recorded reach, and
    a last row for what came through the campaign's own page; three queries."""
    partners = partners_of(campaign)
    if not partners:
        return []
    pledges = dict(
        Pledge.objects.filter(campaign_key=campaign.translation_key, status=PledgeStatus.CONFIRMED)
        .order_by()
        .values("partner_key")
        .annotate(n=Count("pk"))
        .values_list("partner_key", "n")
    )
    reach: dict = {}
    for key, basis, people in (
        reach_of(campaign)
        .order_by()
        .values("partner_key", "basis")
        .annotate(n=Sum("people"))
        .values_list("partner_key", "basis", "n")
    ):
        reach.setdefault(key, {})[basis] = people
    rows = []
    for key in [partner.translation_key for partner in partners] + [None]:
        page = next((p for p in partners if p.translation_key == key), None)
        rows.append(
            PartnerTotals(
                page=page,
                confirmed=pledges.pop(key, 0),
                target=page.pledge_target if page else None,
                reach_direct=reach.get(key, {}).get(ReachBasis.DIRECT, 0),
                reach_estimated=reach.get(key, {}).get(ReachBasis.ESTIMATED, 0),
            )
        )
    # A partner page deleted since: its pledges still count, with the campaign's own.
    rows[-1].confirmed += sum(pledges.values())
    return rows


def programme_campaigns(user, programme) -> list[CampaignPage]:
    """The campaigns of ``programme`` (owned or also run by it) that ``user`` may see, with
    their figures: one query."""
    of_programme = CampaignPage.objects.filter(
        Q(programme=programme) | Q(shared_with=programme)
    ).values("pk")
    return list(with_figures(campaigns_for(user).filter(pk__in=of_programme)))
