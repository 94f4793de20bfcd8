"""The read-only "Matching weights" page and the mentoring panel of a programme's
dashboard (open requests, offers waiting, active matches, sessions this month, open
concerns, each leading to its list)."""

from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes.components import ProgrammePanel

from .. import rounds as engine
from ..enums import MATCH_HOLDING, ConcernStatus, MatchStatus, RequestStatus
from ..models import ConcernReport, Match, MentoringRequest, MentoringSession
from .common import chrome, require


@require("mentors.view_matchinground")
def weights(request):
    """The weights the next round uses, each criterion in plain words (read-only: they
    are settings of the site)."""
    data = engine.match_weights()
    return TemplateResponse(
        request,
        "mentors/admin/weights.html",
        {
            "rows": [{"key": key, **entry} for key, entry in data["weights"].items()],
            "other_settings": [data["priority_bonus"], data["waiting_full_days"]],
            **chrome(_("Matching weights"), icon="cogs"),
        },
    )


def _list_url(name: str, programme, **filters) -> str:
    query = urlencode({"programme": programme.pk, **filters})
    return f"{reverse(f'mentors_admin:{name}')}?{query}"


def programme_panel(request, programme) -> list:
    """The "Mentoring" panel of ``programme``'s dashboard (the dashboard has already checked
    that the user may see the programme); nothing for someone who may not read requests."""
    user = request.user
    if not user.has_perm("mentors.view_mentoringrequest"):
        return []
    today = timezone.localdate()
    open_requests = MentoringRequest.objects.filter(
        programme=programme, status=RequestStatus.OPEN
    ).count()
    matches = Match.objects.filter(mentor__programme=programme).aggregate(
        offers=Count("pk", filter=Q(status=MatchStatus.PROPOSED)),
        active=Count("pk", filter=Q(status__in=MATCH_HOLDING)),
    )
    sessions = MentoringSession.objects.filter(
        mentor__programme=programme, date__year=today.year, date__month=today.month
    ).count()
    concerns = ConcernReport.objects.filter(programme=programme, status=ConcernStatus.OPEN).count()
    rows = [
        (
            _("Requests waiting for a mentor"),
            open_requests,
            _list_url("requests", programme, status=RequestStatus.OPEN),
        ),
        (
            _("Offers waiting for a mentor's answer"),
            matches["offers"],
            _list_url("matches", programme, status=MatchStatus.PROPOSED),
        ),
        (
            _("Active matches"),
            matches["active"],
            _list_url("matches", programme, status=MatchStatus.ACTIVE),
        ),
        (_("Sessions logged this month"), sessions, ""),
        (_("Open concerns"), concerns, _list_url("concerns", programme, status=ConcernStatus.OPEN)),
    ]
    return [
        ProgrammePanel(
            name="mentoring",
            title=gettext_lazy("Mentoring"),
            template_name="mentors/admin/programme_panel.html",
            order=300,
            context={
                "rows": [
                    {"label": label, "count": count, "url": url} for label, count, url in rows
                ],
                "concerns_open": concerns,
                "rounds_url": _list_url("rounds", programme),
                "can_run": user.has_perm("mentors.add_matchinground"),
            },
        )
    ]
