"""What the mentoring admin views share: the querysets narrowed to the user's programmes,
permission checks, the admin chrome, filters, pagination and the score breakdown in words.

Every read here goes through ``programmes.selectors.scope_for``: an organiser sees her own
programmes' pool, requests, rounds, matches and concerns, an admin sees all, and an id
from another programme is answered like one that does not exist (404).
"""

from datetime import datetime
from functools import wraps
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.text import join_list
from core.timezones import zone_name
from programmes.selectors import programmes_for, scope_for

from ..enums import MATCH_HOLDING, MatchStatus
from ..models import (
    ConcernReport,
    Match,
    MatchingRound,
    MentoringRequest,
    MentoringSession,
    MentorProfile,
)
from ..selectors import PERSONAL_FIELDS

PER_PAGE = 50


# --- What the user may see ------------------------------------------------------------------


def pool_for(user) -> QuerySet[MentorProfile]:
    return scope_for(user).filter(MentorProfile.objects.all(), "programme")


def requests_for(user) -> QuerySet[MentoringRequest]:
    """Requests of the user's programmes, without their personal data (deferred: never
    read, never decrypted; the admin never shows it, so no template, export or search can)."""
    return scope_for(user).filter(MentoringRequest.objects.defer(*PERSONAL_FIELDS), "programme")


def rounds_for(user) -> QuerySet[MatchingRound]:
    return scope_for(user).filter(MatchingRound.objects.all(), "programme")


def matches_for(user) -> QuerySet[Match]:
    return scope_for(user).filter(Match.objects.all(), "mentor__programme")


def concerns_for(user) -> QuerySet[ConcernReport]:
    return scope_for(user).filter(ConcernReport.objects.all(), "programme")


def sessions_for(user) -> QuerySet[MentoringSession]:
    return scope_for(user).filter(MentoringSession.objects.all(), "mentor__programme")


def with_load(queryset: QuerySet[MentorProfile]) -> QuerySet[MentorProfile]:
    """Each mentor's seats taken (accepted, active or paused matches) and open offers."""
    return queryset.annotate(
        load=Count("matches", filter=Q(matches__status__in=MATCH_HOLDING), distinct=True),
        offers=Count("matches", filter=Q(matches__status=MatchStatus.PROPOSED), distinct=True),
    )


def get_or_404(queryset: QuerySet, pk):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# --- Permissions and chrome -----------------------------------------------------------------


def forbidden(request):
    """A 403 page that says so (Wagtail's own ``permission_denied`` redirects with a 302)."""
    return TemplateResponse(
        request,
        "programmes/forbidden.html",
        chrome(_("You do not have permission to do this"), icon="lock"),
        status=403,
    )


def require(permission: str):
    """Only people with the model ``permission`` (organisers and admins); others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def chrome(title: str, *, crumbs=(), icon: str = "group", subtitle: str = "") -> dict:
    """Wagtail's page header: title, icon and breadcrumbs (Home › Mentoring › …)."""
    items = [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        *({"url": url, "label": label} for url, label in crumbs),
        {"url": "", "label": title},
    ]
    return {
        "page_title": title,
        "page_subtitle": subtitle,
        "header_title": title,
        "header_icon": icon,
        "breadcrumbs_items": items,
    }


# --- Filters and pages ----------------------------------------------------------------------


def int_or_none(value) -> int | None:
    """A positive whole number typed or sent by a form, or None."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        return None
    return int(text) or None


def choice_filter(request, name: str, choices) -> str:
    """``?name=`` when it is one of ``choices``, else ""."""
    value = request.GET.get(name, "")
    return value if value in {str(key) for key, _label in choices} else ""


def programme_filter(request) -> tuple[list, int | None]:
    """The programmes the user may filter by (hers; all for an admin) and the chosen one."""
    programmes = list(programmes_for(request.user).order_by("name"))
    chosen = int_or_none(request.GET.get("programme"))
    if chosen not in {programme.pk for programme in programmes}:
        chosen = None
    return programmes, chosen


def page_of(request, queryset, per_page: int = PER_PAGE):
    return Paginator(queryset, per_page).get_page(request.GET.get("p"))


def query_without_page(request) -> str:
    """The current filters as a query string, for the page links."""
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


# --- Words for values -----------------------------------------------------------------------


def field_labels(model, field_name: str, value) -> str:
    """A ChoiceListField's items by name ("Arabic and Spanish"), never by code, joined as
    the active language joins words (Arabic with "و", never a Latin comma)."""
    return join_list(model._meta.get_field(field_name).labels(value))


def place_text(country: str, region: str) -> str:
    """Where a request or a mentor is: "Italy — Palermo", or just the country. Not a list
    (``join_list`` would write "Italy and Palermo"): the core's "country — city" words."""
    if country and region:
        return _("%(country)s — %(city)s") % {"country": country, "city": region}
    return country or region


def moment_text(moment: datetime | None, tz_name: str) -> str:
    """A moment as the clocks of the programme's zone showed it, the zone named in words:
    "1 Dec 2026, 18:45 Central European Time" (the active language's short date and
    time). Organisers work across several zones: a bare "18:45" is nobody's time."""
    if moment is None:
        return ""
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        tz_name = settings.TIME_ZONE
        zone = ZoneInfo(tz_name)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    at = timezone.localtime(moment, zone)
    when = _("%(day)s, %(time)s") % {
        "day": formats.date_format(at, "SHORT_DATE_FORMAT"),
        "time": formats.time_format(at, "TIME_FORMAT"),
    }
    return _("%(when)s %(zone)s") % {"when": when, "zone": zone_name(tz_name)}


def breakdown_rows(breakdown) -> list[dict]:
    """A score's breakdown as table rows in the criteria's fixed order (PostgreSQL does not
    keep a JSON object's key order), each detail said again in the viewer's language."""
    from mentors.matching import breakdown_rows as engine_rows

    return engine_rows(breakdown or {})
