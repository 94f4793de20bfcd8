"""The "Impact" panels: on the admin's home page, every indicator of the user's programmes
in one compact table (value against target, status in words) with the way to each
programme's dashboard; on a programme's dashboard, the same for that programme.

Values come from the engine's cache: a fixed number of queries whatever the number of
indicators. Small numbers are hidden from anyone but the programme's organisers.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.components import Component

from programmes.components import ProgrammePanel
from programmes.selectors import scope_for

from ..enums import RagStatus
from ..indicators.compute import indicator_result
from ..indicators.present import may_see_small_cells, presented
from ..indicators.selectors import indicators_visible_to
from .common import VIEW_INDICATORS
from .dashboard import RAG_ICONS, figure, progress_text

HOME_PANEL_ORDER = 60
PROGRAMME_PANEL_ORDER = 150


def indicator_rows(user, *, programme=None) -> list[dict]:
    """(programme, indicator, value against target, status) of the user's programmes'
    indicators, or of ``programme``'s, in the dashboards' order."""
    indicators = indicators_visible_to(user).select_related("programme", "computed")
    if programme is not None:
        indicators = indicators.filter(programme=programme)
    indicators = indicators.order_by("programme__name", "programme_id", "sort_order", "pk")
    may_see: dict[int, bool] = {}
    rows = []
    for indicator in indicators:
        if indicator.programme_id not in may_see:
            may_see[indicator.programme_id] = may_see_small_cells(user, indicator.programme)
        result = indicator_result(indicator)
        view = presented(indicator, result, suppress=not may_see[indicator.programme_id])
        rag = view.rag or RagStatus.NONE
        rows.append(
            {
                "programme": indicator.programme,
                "indicator": indicator,
                "value": figure(view.value),
                "progress": progress_text(view.value, view.target),
                "rag": str(rag),
                "rag_label": view.rag_label,
                "rag_icon": RAG_ICONS.get(rag, "help"),
                "dashboard_url": reverse("impact_admin:dashboard", args=[indicator.programme_id]),
            }
        )
    return rows


def grouped(rows: list[dict]) -> list[dict]:
    """Rows grouped by programme, in order."""
    groups: list[dict] = []
    for row in rows:
        if not groups or groups[-1]["programme"].pk != row["programme"].pk:
            groups.append({"programme": row["programme"], "url": row["dashboard_url"], "rows": []})
        groups[-1]["rows"].append(row)
    return groups


class ImpactHomePanel(Component):
    """ "Impact" on Wagtail's home page."""

    name = "linkage_impact"
    template_name = "impact/admin/home_panel.html"
    order = HOME_PANEL_ORDER

    def __init__(self, request):
        self.request = request

    @property
    def media(self):
        from django.forms import Media

        return Media(css={"all": [static("impact/admin.css")]})

    def get_context_data(self, parent_context=None):
        user = self.request.user
        return {
            "request": self.request,
            "groups": grouped(indicator_rows(user)),
            "dashboard_url": reverse("impact_admin:dashboard_index"),
            "indicators_url": reverse("impact_indicator:index"),
            "can_add": user.has_perm("impact.add_indicator"),
        }


def home_panel(request) -> ImpactHomePanel | None:
    """The home page's panel, for people who may see indicators. An organiser of a single
    programme has none: the home page shows her programme's own panels, this one's
    "Impact" among them (``programmes.components.ProgrammesHomePanel``)."""
    user = request.user
    scope = scope_for(user)
    if not user.has_perm(VIEW_INDICATORS) or scope.nothing:
        return None
    if not scope.everything and len(scope.programme_ids) == 1:
        return None
    return ImpactHomePanel(request)


def programme_panel(request, programme) -> list:
    """The "Impact" panel of a programme's dashboard."""
    user = request.user
    if not user.has_perm(VIEW_INDICATORS) or not scope_for(user).allows({programme.pk}):
        return []
    return [
        ProgrammePanel(
            name="impact",
            title=gettext_lazy("Impact"),
            template_name="impact/admin/programme_panel.html",
            order=PROGRAMME_PANEL_ORDER,
            context={
                "programme": programme,
                "rows": indicator_rows(user, programme=programme),
                "dashboard_url": reverse("impact_admin:dashboard", args=[programme.pk]),
                "add_url": reverse("impact_indicator:add") + f"?programme={programme.pk}",
                "can_add": user.has_perm("impact.add_indicator"),
            },
        )
    ]
