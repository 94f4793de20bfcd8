"""What the mentors app does when a person deletes her account, and what it puts in her data
export (GDPR access). Both plug into ``people.hooks`` from ``MentorsConfig.ready``.

A mentor who leaves keeps the programme's history: her profiles stay, detached from her
account (anonymous alumnae, bio blanked), so her matches, sessions and ledger rows still
count. The women she was supporting do not pay for her leaving: their requests wait again,
first in line, as when a mentor can no longer continue.

A requester's name, contact and safe times are hers: they appear in her own export only
(the requests she filed), never in a mentor's.
"""

from django.db import transaction

from .enums import MATCH_HOLDING, EndReason, MentorStatus
from .models import Match, MentorProfile

# --- Deleting an account ---------------------------------------------------------------------


def person_deleted(user) -> int:
    """Before ``user``'s account goes: end her running matches (each woman waits again,
    first in line), decline her open offers, and detach her profiles from her account as
    alumnae with the bio blanked. Returns how many profiles were detached. Idempotent: the
    second call (the user model's pre_delete) finds nothing left."""
    from . import services

    profiles = list(MentorProfile.objects.filter(person=user).order_by("pk"))
    with transaction.atomic():
        for profile in profiles:
            for match in Match.objects.filter(mentor=profile, status__in=MATCH_HOLDING):
                services.match_end_early(match=match, by=None, reason=EndReason.MENTOR_UNAVAILABLE)
            # Declines her open offers ("no time now"; each request first in line).
            services.mentor_status_set(profile=profile, status=MentorStatus.ALUMNI, by=None)
        MentorProfile.objects.filter(pk__in=[p.pk for p in profiles]).update(
            person=None, bio="", status=MentorStatus.ALUMNI
        )
    # Requests she filed stay (MentoringRequest.filed_by is SET_NULL): they may be a
    # woman's only way to a mentor, and their contacts are erased on the usual schedule.
    return len(profiles)
