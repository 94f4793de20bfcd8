"""Mentoring requests as organisers see them: what matching and the counts need (kind,
status, languages, place, needs, waiting time, priority) and never who she is: the name,
the contact and the safe times are not even read from the database here
(``selectors.PERSONAL_FIELDS``), so no list, page or search can show them."""

from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from ..enums import RequestKind, RequestStatus
from ..models import Match, MentoringRequest
from .common import (
    choice_filter,
    chrome,
    field_labels,
    get_or_404,
    page_of,
    place_text,
    programme_filter,
    query_without_page,
    requests_for,
    require,
)


def describe(request_: MentoringRequest) -> dict:
    return {
        "item": request_,
        "languages": field_labels(MentoringRequest, "languages", request_.languages),
        "needs": field_labels(MentoringRequest, "needs", request_.needs),
        "formats": field_labels(MentoringRequest, "formats", request_.formats),
        "place": place_text(request_.get_country_display(), str(request_.region or "")),
    }


@require("mentors.view_mentoringrequest")
def requests(request):
    status = choice_filter(request, "status", RequestStatus.choices)
    kind = choice_filter(request, "kind", RequestKind.choices)
    programmes, programme = programme_filter(request)
    queryset = requests_for(request.user).select_related("programme", "region")
    if status:
        queryset = queryset.filter(status=status)
    if kind:
        queryset = queryset.filter(kind=kind)
    if programme:
        queryset = queryset.filter(programme_id=programme)
    listed = page_of(request, queryset.order_by("-priority", "waiting_since", "pk"))
    return TemplateResponse(
        request,
        "mentors/admin/requests.html",
        {
            "rows": [describe(item) for item in listed],
            "page": listed,
            "query": query_without_page(request),
            "statuses": RequestStatus.choices,
            "status": status,
            "kinds": RequestKind.choices,
            "kind": kind,
            "programmes": programmes,
            "programme": programme,
            **chrome(_("Mentoring requests"), icon="help"),
        },
    )


@require("mentors.view_mentoringrequest")
def request_detail(request, pk: int):
    matches = Match.objects.select_related("mentor__person__profile").order_by("-proposed_at")
    item = get_or_404(
        requests_for(request.user)
        .select_related("programme", "region")
        .prefetch_related(Prefetch("matches", queryset=matches)),
        pk,
    )
    title = str(item)
    return TemplateResponse(
        request,
        "mentors/admin/request.html",
        {
            **describe(item),
            "availability": field_labels(MentoringRequest, "availability", item.availability),
            "matches": item.matches.all(),
            **chrome(
                title,
                crumbs=[(reverse("mentors_admin:requests"), _("Mentoring requests"))],
                icon="help",
                subtitle=item.programme.name,
            ),
        },
    )
