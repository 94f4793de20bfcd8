"""Reach recorded by organisers: people a campaign reached through one channel (media,
social media, events held elsewhere, printed materials, landmarks lit), counted directly or
estimated, always with the method used.

Every record is mirrored by one anonymous ``campaign_reach`` row in the impact ledger (its
source is the record; its count the people; its programmes the campaign page's programme
and those it is shared with), so the programmes' impact figures follow the record: an edit
replaces the row (``participation_aggregate_replace``, keyed by the record and a digest of
what the row holds, so a retried edit counts once), a deletion removes it. Every write is
in Wagtail's audit log ("campaigns.reach_add", "campaigns.reach_change",
"campaigns.reach_delete").

Attendance of the campaign's events on this site and confirmed pledges count by themselves
through the ledger: they are not recorded here.

``by`` is the person making the change: she needs the model permission and the campaign
must be one of her programmes' (``PermissionDenied`` otherwise, whatever the view did);
``by=None`` is the system itself (the demo content, a script).
"""

import hashlib
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Page

from impact.enums import ParticipationKind
from impact.services import participation_aggregate_replace
from programmes.selectors import scope_for

from .admin_selectors import campaign_first_page, campaign_today, campaign_zone, partner_of
from .enums import ReachBasis, ReachChannel
from .impact_activities import campaign_activity
from .models import CampaignPage, CampaignPartnerPage, ReachRecord

# A record may be dated this long before the first day (the launch's press coverage) or
# after the last (coverage and materials that go on being seen), never in the future.
REACH_DAYS_BEFORE = 90
REACH_DAYS_AFTER = 90
# Above any audience these campaigns reach: a typing slip, or a number the database cannot
# hold (PositiveIntegerField).
REACH_MAX_PEOPLE = 1_000_000_000
# The fields an edit may change, in the order the audit log names them.
REACH_FIELDS = ("channel", "basis", "people", "method", "on", "partner_key", "note")


def _allowed(by, campaign: CampaignPage, permission: str) -> None:
    if by is None:
        return
    if not by.has_perm(permission) or not scope_for(by).allows(campaign.programme_ids()):
        raise PermissionDenied


def reach_date_range(campaign: CampaignPage, *, today: date | None = None) -> tuple[date, date]:
    """The first and last dates a record of ``campaign`` may carry (the last is before the
    first while the campaign is more than ``REACH_DAYS_BEFORE`` days away)."""
    today = today or campaign_today(campaign)
    first = campaign.starts_on - timedelta(days=REACH_DAYS_BEFORE)
    last = min(campaign.ends_on + timedelta(days=REACH_DAYS_AFTER), today)
    return first, last


def _partner_belongs(campaign: CampaignPage, partner: CampaignPartnerPage) -> bool:
    """Whether ``partner`` is a partner page (in any language) of ``campaign``."""
    if not isinstance(partner, CampaignPartnerPage) or not partner.path:
        return False
    parent_path = partner.path[: -partner.steplen]
    return Page.objects.filter(path=parent_path, translation_key=campaign.translation_key).exists()


def _validate(
    *, campaign, channel, basis, people, method, on, partner, today: date | None = None
) -> dict:
    """The values of a record, cleaned; ``ValidationError`` (per field) with every problem
    in plain words."""
    errors: dict[str, str] = {}
    if channel not in ReachChannel.values:
        errors["channel"] = _("Choose how people were reached.")
    if basis not in ReachBasis.values:
        errors["basis"] = _("Say whether the people were counted or estimated.")
    if isinstance(people, bool) or not isinstance(people, int):
        try:
            people = int(str(people).strip())
        except (TypeError, ValueError):
            people = None
    if people is None or people < 1:
        errors["people"] = _("Give the number of people reached: a whole number, at least 1.")
    elif people > REACH_MAX_PEOPLE:
        errors["people"] = _("Give a number of people below %(max)s.") % {
            "max": formats.number_format(REACH_MAX_PEOPLE, force_grouping=True)
        }
    method = str(method or "").strip()
    if not method:
        errors["method"] = _(
            'Say how the number was found, e.g. "Sign-in sheets at the march" or '
            '"Broadcaster\'s audience figures".'
        )
    if isinstance(on, datetime):
        on = on.date()
    if not isinstance(on, date):
        errors["on"] = _("Give the date the people were reached.")
    else:
        first, last = reach_date_range(campaign, today=today)
        if last < first:
            errors["on"] = _(
                "Reach can be recorded from %(first)s (%(before)d days before the campaign's "
                "first day), and not for a day still to come."
            ) % {
                "first": formats.date_format(first, "DATE_FORMAT"),
                "before": REACH_DAYS_BEFORE,
            }
        elif not first <= on <= last:
            errors["on"] = _(
                "Give a date between %(first)s and %(last)s: from %(before)d days before the "
                "campaign's first day to %(after)d days after its last, and not later than "
                "today."
            ) % {
                "first": formats.date_format(first, "DATE_FORMAT"),
                "last": formats.date_format(last, "DATE_FORMAT"),
                "before": REACH_DAYS_BEFORE,
                "after": REACH_DAYS_AFTER,
            }
    if partner is not None and not _partner_belongs(campaign, partner):
        errors["partner"] = _("Choose one of this campaign's partners, or none.")
    if errors:
        raise ValidationError(errors)
    return {
        "channel": channel,
        "basis": basis,
        "people": people,
        "method": method,
        "on": on,
        "partner_key": partner.translation_key if partner is not None else None,
    }


def _occurred_at(campaign: CampaignPage, on: date) -> datetime:
    """The ledger's moment for a day's reach: midday on that day in the campaign's zone
    (any report, in any zone, then puts it on that day)."""
    return datetime.combine(on, time(12, 0), tzinfo=campaign_zone(campaign))


def _ledger_write(record: ReachRecord, campaign: CampaignPage, *, original: CampaignPage) -> None:
    """The ledger's row for ``record``: one anonymous ``campaign_reach`` row counting its
    people, replacing whatever row the record had before. Its key carries a digest of what
    the row holds, so an edit writes a new row (and removes the old one), while the same
    write retried finds its row and counts nothing twice. Its activity is the campaign
    (``original``: its first page), held in the partner's country when there is one."""
    programmes = sorted(campaign.programme_ids())
    partner = partner_of(campaign, record.partner_key)
    attributes = {
        "channel": record.channel,
        "basis": record.basis,
        # The ledger keeps the coarse attributes it has columns for: a partner's country.
        "country": partner.country if partner is not None else "",
    }
    digest = hashlib.sha256(
        "|".join(
            str(part)
            for part in (
                record.people,
                record.on.isoformat(),
                record.channel,
                record.basis,
                attributes["country"],
                ",".join(map(str, programmes)),
            )
        ).encode()
    ).hexdigest()[:12]
    participation_aggregate_replace(
        kind=ParticipationKind.CAMPAIGN_REACH,
        source=record,
        count=record.people,
        aggregate_key=f"reach:{record.pk}:{digest}",
        occurred_at=_occurred_at(campaign, record.on),
        programmes=programmes,
        attributes=attributes,
        **campaign_activity(original, country=attributes["country"]),
    )


def _log_data(record: ReachRecord) -> dict:
    return {
        "campaign": str(record.campaign_key),
        "channel": record.channel,
        "basis": record.basis,
        "people": record.people,
        "on": record.on.isoformat(),
    }


@transaction.atomic
def reach_record(
    *,
    campaign: CampaignPage,
    by,
    channel: str,
    basis: str,
    people: int,
    method: str,
    on: date,
    partner: CampaignPartnerPage | None = None,
    note: str = "",
) -> ReachRecord:
    """Record people ``campaign`` reached through ``channel`` (``basis``: counted directly
    or estimated, ``method``: how the number was found), on ``on``, through ``partner``
    (one of the campaign's partner pages) or not; with its ``campaign_reach`` ledger row."""
    _allowed(by, campaign, "campaigns.add_reachrecord")
    values = _validate(
        campaign=campaign,
        channel=channel,
        basis=basis,
        people=people,
        method=method,
        on=on,
        partner=partner,
    )
    record = ReachRecord(
        campaign_key=campaign.translation_key,
        note=" ".join(str(note or "").split()),
        recorded_by=by,
        **values,
    )
    record.full_clean()
    record.save()
    _ledger_write(record, campaign, original=_campaign_of(record))
    log(instance=record, action="campaigns.reach_add", user=by, data=_log_data(record))
    return record


def _campaign_of(record: ReachRecord) -> CampaignPage:
    campaign = campaign_first_page(record.campaign_key)
    if campaign is None:
        raise ValidationError(_("The campaign of this record no longer exists."))
    return campaign


@transaction.atomic
def reach_update(
    *,
    record: ReachRecord,
    by,
    channel: str,
    basis: str,
    people: int,
    method: str,
    on: date,
    partner: CampaignPartnerPage | None = None,
    note: str = "",
) -> ReachRecord:
    """Correct a record: the ledger's row follows (replaced, never added to)."""
    record = ReachRecord.objects.select_for_update().get(pk=record.pk)
    campaign = _campaign_of(record)
    _allowed(by, campaign, "campaigns.change_reachrecord")
    values = _validate(
        campaign=campaign,
        channel=channel,
        basis=basis,
        people=people,
        method=method,
        on=on,
        partner=partner,
    )
    values["note"] = " ".join(str(note or "").split())
    changed = {
        name: [_plain(getattr(record, name)), _plain(values[name])]
        for name in REACH_FIELDS
        if getattr(record, name) != values[name]
    }
    for name, value in values.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
    _ledger_write(record, campaign, original=campaign)
    if changed:
        log(
            instance=record,
            action="campaigns.reach_change",
            user=by,
            data={**_log_data(record), "changed": changed},
        )
    return record


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (int, str)):
        return value
    return str(value)


@transaction.atomic
def reach_delete(*, record: ReachRecord, by) -> None:
    """Delete a record and its ledger row (the figure goes with it)."""
    record = ReachRecord.objects.select_for_update().get(pk=record.pk)
    campaign = campaign_first_page(record.campaign_key)
    if campaign is not None:
        _allowed(by, campaign, "campaigns.delete_reachrecord")
    elif by is not None and not by.is_superuser:
        raise PermissionDenied
    # Every anonymous row of this source goes (a count of 0 keeps none).
    participation_aggregate_replace(
        kind=ParticipationKind.CAMPAIGN_REACH,
        source=record,
        count=0,
        aggregate_key=f"reach:{record.pk}:deleted",
    )
    log(instance=record, action="campaigns.reach_delete", user=by, data=_log_data(record))
    record.delete()
