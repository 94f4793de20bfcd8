"""The mentors' part of the ledger's activities (``impact.activities``).

A session's rows (the mentor's ``mentoring_session``, the women supported, the people
networking or trained) are evidence of the session: its kind is
``mentoring_<session kind>`` and its place the one its counts are disaggregated by (the
request's country and region, else the mentor's one country). An approval
(``mentor_empowered``) is evidence of the mentor's profile, of kind ``mentor_approval``.
Labels never name a mentor or a woman: a session is its kind and date, an approval its
date. Registered at ``MentorsConfig.ready()``.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from impact.activities import register_activity_kinds, register_activity_labeller

from .enums import SessionKind

MENTOR_APPROVAL = "mentor_approval"
SESSION_LABELS = {
    SessionKind.SUPPORT: gettext_lazy("Mentoring: support session"),
    SessionKind.NETWORKING: gettext_lazy("Mentoring: community networking session"),
    SessionKind.TRAINING: gettext_lazy("Mentoring: training of professionals"),
}
ACTIVITY_KINDS = [
    *((f"mentoring_{kind}", label) for kind, label in SESSION_LABELS.items()),
    (MENTOR_APPROVAL, gettext_lazy("Mentor approved")),
]


def session_activity_kind(session_kind: str) -> str:
    """The ledger's ``activity_kind`` of a session of ``session_kind``."""
    return f"mentoring_{session_kind}"


def _ids(ids: list[str]) -> list[int]:
    return [int(pk) for pk in ids if pk.isdigit()]


def session_labels(ids: list[str]) -> dict[str, str]:
    """ "<kind> · <date>" for each session: one query, no names, no topics."""
    from .models import MentoringSession

    return {
        str(pk): f"{SESSION_LABELS.get(kind, kind)} · {formats.date_format(day)}"
        for pk, kind, day in MentoringSession.objects.filter(pk__in=_ids(ids)).values_list(
            "pk", "kind", "date"
        )
    }


def approval_labels(ids: list[str]) -> dict[str, str]:
    """ "Mentor approved on <date>" for each profile: one query, never her name."""
    from .models import MentorProfile

    return {
        str(pk): _("Mentor approved on %(date)s")
        % {"date": formats.date_format(timezone.localdate(approved_at))}
        for pk, approved_at in MentorProfile.objects.filter(
            pk__in=_ids(ids), approved_at__isnull=False
        ).values_list("pk", "approved_at")
    }


def register() -> None:
    register_activity_kinds(gettext_lazy("Mentoring"), ACTIVITY_KINDS)
    register_activity_labeller("mentors.mentoringsession", session_labels)
    register_activity_labeller("mentors.mentorprofile", approval_labels)
