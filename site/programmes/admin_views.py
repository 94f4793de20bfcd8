"""A programme's dashboard in the Wagtail admin: what it is, what to do next (new event, new
course, import a sign-in sheet), and what needs action (the feature apps' panels and the
e-mails that did not go out).

Served under /admin/ (Wagtail's admin access check, the admin gate and the two-factor
middleware apply); a programme outside the user's scope is a 404, however its id is found.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton

from .components import (
    programme_dashboard_panels,
    programme_facts,
    quick_actions,
    sections_by_programme,
)
from .models import Programme
from .selectors import programmes_for


def forbidden(request):
    """A 403 page that says so (Wagtail's own ``permission_denied`` would redirect to the
    admin's home page with a 302, which reads like success to a script and to a tester)."""
    title = _("You do not have permission to do this")
    return TemplateResponse(
        request,
        "programmes/forbidden.html",
        {"page_title": title, "header_title": title, "header_icon": "lock"},
        status=403,
    )


def refuse_with_403(view):
    """``view``, answering a refusal with ``forbidden`` instead of Wagtail's redirect."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapped


class ProgrammeDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "programmes/dashboard.html"
    page_title = gettext_lazy("Programme dashboard")
    header_icon = "clipboard-list"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.programme = self.get_object()

    def get_object(self) -> Programme:
        programme = (
            programmes_for(self.request.user)
            .select_related("lead_organisation")
            .prefetch_related("partner_organisations", "organisers__profile")
            .filter(pk=self.kwargs["pk"])
            .first()
        )
        if programme is None:
            raise Http404
        return programme

    def get_page_subtitle(self):
        return self.programme.name

    def get_header_title(self):
        return self.programme.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("programmes:index"), "label": _("Programmes")},
            {"url": "", "label": self.programme.name},
        ]

    @cached_property
    def header_buttons(self):
        if not self.request.user.is_superuser:
            return []
        return [
            HeaderButton(
                _("Edit programme"),
                reverse("programmes:edit", args=[self.programme.pk]),
                icon_name="edit",
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = self.programme
        sections = sections_by_programme([programme.pk])[programme.pk]
        context.update(
            {
                "programme": programme,
                "facts": programme_facts(programme),
                "actions": quick_actions(self.request.user, sections),
                "panels": programme_dashboard_panels(self.request, programme),
            }
        )
        return context


programme_dashboard = ProgrammeDashboardView.as_view()
