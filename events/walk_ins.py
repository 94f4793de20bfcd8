"""Walk-ins: people who came without registering.

Someone who gives an e-mail address is a person: an account is made for them if they have
none (``people.invitations``: an invitation e-mail lets them choose a password), and they
are checked in and counted in the ledger like anyone. Someone without an e-mail address is
counted, never named: a number per occurrence (``AnonymousAttendance``) that the organiser
can correct, written to the ledger as one anonymous row.
"""

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from impact.enums import ParticipationKind
from impact.services import participation_aggregate_replace
from people.invitations import person_invite_many

from .impact_activities import attendance_activity, occurrence_key
from .models import AnonymousAttendance, EventPage
from .services import _lock, occurrence_refusal

MAX_WALK_INS = 10_000  # at one occurrence: more is a typing mistake
# The languages events are held in, mapped to the site's languages an invitation can use.
UI_LANGUAGE_OF = {"sr": "sr-latn", "bs": "sr-latn", "hr": "sr-latn", "me": "sr-latn"}


def invitation_language(event: EventPage) -> str:
    """The language of an invitation to someone who came to ``event``: the first of the
    event's languages the site speaks, else the language of whoever is working."""
    ui = {code for code, _name in settings.LANGUAGES}
    for code in event.languages or ():
        code = UI_LANGUAGE_OF.get(code, code)
        if code in ui:
            return code
    current = translation.get_language() or settings.LANGUAGE_CODE
    return current if current in ui else settings.LANGUAGE_CODE


def walk_ins_invite(*, event: EventPage, entries: Iterable[tuple[str, str]], by) -> dict:
    """The people behind (e-mail, name) pairs, by normalised address: existing accounts as
    they are, new ones invited (once ever: running it again sends nothing)."""
    return person_invite_many(entries=entries, invited_by=by, language=invitation_language(event))


def sheet_digest(*, event: EventPage, occurrence_date: date, names: Iterable[str]) -> str:
    """What identifies the nameless rows of one sign-in sheet for one occurrence, without
    keeping the names: the same sheet imported again gives the same digest."""
    text = "\n".join(sorted(" ".join(name.split()).casefold() for name in names))
    return salted_hmac(
        "events.walk_ins.sheet", f"{event.pk}|{occurrence_date.isoformat()}|{text}"
    ).hexdigest()[:32]


def _count(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= MAX_WALK_INS:
        raise ValidationError(
            _("Give a whole number of people between 0 and %(max)d.") % {"max": MAX_WALK_INS}
        )
    return number


def _row_for_update(event: EventPage, occurrence_date: date) -> AnonymousAttendance:
    _lock(event)  # one writer per event, as for seats: concurrent additions both count
    row, _created = AnonymousAttendance.objects.get_or_create(
        event=event.original, occurrence_date=occurrence_date
    )
    return row


def _check_occurrence(event: EventPage, occurrence_date: date):
    occurrence = event.original.schedule().occurrence(occurrence_date)
    refusal = occurrence_refusal(
        event=event.original,
        occurrence_date=occurrence_date,
        occurrence=occurrence,
        now=timezone.now(),
    )
    if refusal:
        raise ValidationError(refusal)
    return occurrence


def _save(row: AnonymousAttendance, *, event: EventPage, occurrence, by) -> AnonymousAttendance:
    row.revision += 1
    row.recorded_by = by
    row.save(update_fields=["count", "sheets", "revision", "recorded_by", "recorded_at"])
    _ledger_write(row, event=event.original, occurrence=occurrence)
    return row


@transaction.atomic
def anonymous_attendance_add(
    *, event: EventPage, occurrence_date: date, count, by, sheet: str = ""
) -> tuple[AnonymousAttendance, int]:
    """Count ``count`` more walk-ins without an e-mail address at the occurrence; returns
    the row and how many were added. ``sheet``: the digest of the sign-in sheet they come
    from (``sheet_digest``): a sheet already counted adds nothing."""
    count = _count(count)
    occurrence = _check_occurrence(event, occurrence_date)
    row = _row_for_update(event, occurrence_date)
    if count == 0 or (sheet and sheet in row.sheets):
        return row, 0
    if row.count + count > MAX_WALK_INS:
        raise ValidationError(
            _("Give a whole number of people between 0 and %(max)d.") % {"max": MAX_WALK_INS}
        )
    row.count += count
    if sheet:
        row.sheets = [*row.sheets, sheet]
    return _save(row, event=event, occurrence=occurrence, by=by), count


@transaction.atomic
def anonymous_attendance_set(
    *, event: EventPage, occurrence_date: date, count, by
) -> AnonymousAttendance:
    """Correct the number of walk-ins without an e-mail address at the occurrence (0: none
    came after all). The ledger's row for it is replaced, never added to."""
    count = _count(count)
    occurrence = _check_occurrence(event, occurrence_date)
    row = _row_for_update(event, occurrence_date)
    if row.count == count:
        return row
    row.count = count
    return _save(row, event=event, occurrence=occurrence, by=by)


def _ledger_write(row: AnonymousAttendance, *, event: EventPage, occurrence) -> None:
    """The ledger holds one anonymous row per occurrence, for the current count; the key
    carries the revision, so a retried write counts a correction once. Its activity is
    the occurrence of ``event`` (the original), as for the people checked in."""
    participation_aggregate_replace(
        kind=ParticipationKind.EVENT_ATTENDED,
        source=row,
        count=row.count,
        aggregate_key=f"walk-ins:r{row.revision}",
        occurred_at=occurrence.start,
        programmes=event.programme_ids(),
        activity_key=occurrence_key(event.pk, row.occurrence_date),
        **attendance_activity(event),
    )
