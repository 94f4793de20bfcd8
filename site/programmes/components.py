"""What the admin shows about a programme: its facts in words, its quick actions, and the
panels of its dashboard (on /admin/programmes/<pk>/dashboard/ and on Wagtail's home page).

Feature apps add panels without programmes importing them: they register a function with
Wagtail's hook ``linkage_programme_dashboard_panels``, taking ``(request, programme)`` and
returning a list of components (``ProgrammePanel`` or any laces ``Component`` with an
``order``). The dashboard shows them sorted by ``order``, with this app's own "Unsent or
failed e-mails" panel.
"""

from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.ui.components import Component

from core.enums import OutboxStatus
from core.models import OutboxMessage

from .models import Programme
from .outbox_scope import about_programmes
from .pages import ProgrammeOwned
from .sections import section_types
from .selectors import people_visible_to, programmes_for, scope_for

PANELS_HOOK = "linkage_programme_dashboard_panels"
# A queued e-mail older than this is stuck (the worker or the mail server is down).
STUCK_AFTER = timedelta(hours=1)
OUTBOX_ROWS = 5


# --- Facts in words ----------------------------------------------------------------------


def choice_labels(programme: Programme, field_name: str) -> str:
    """Countries or languages by name ("Lithuania, Kosovo"), never by code."""
    field = Programme._meta.get_field(field_name)
    return ", ".join(field.labels(getattr(programme, field_name)))


def date_label(value) -> str:
    """A date in the format of the admin's language (``DATE_FORMAT`` of the active locale)."""
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def period_label(programme: Programme) -> str:
    starts, ends = date_label(programme.starts_on), date_label(programme.ends_on)
    if starts and ends:
        return _("%(start)s to %(end)s") % {"start": starts, "end": ends}
    if starts:
        return _("from %(start)s") % {"start": starts}
    if ends:
        return _("until %(end)s") % {"end": ends}
    return ""


def time_zone_label(programme: Programme) -> str:
    """The zone as the picker names it (country and city), or its IANA name."""
    from .forms import time_zone_choices

    def find(choices):
        for value, label in choices:
            if isinstance(label, (list, tuple)):
                found = find(label)
                if found:
                    return found
            elif value == programme.time_zone:
                return str(label)
        return ""

    return find(time_zone_choices(programme.countries)) or programme.time_zone


def programme_facts(programme: Programme) -> list[tuple[str, str]]:
    """(label, value) pairs for the dashboard, leaving out what is not filled in. Partner
    organisations and organisers should be prefetched."""
    facts = [
        (_("Lead organisation"), str(programme.lead_organisation or "")),
        (
            _("Partner organisations"),
            ", ".join(str(org) for org in programme.partner_organisations.all()),
        ),
        (_("Funder"), programme.funder),
        (_("Contract or grant number"), programme.grant_number),
        (_("Period"), period_label(programme)),
        (_("Countries"), choice_labels(programme, "countries")),
        (_("Working languages"), choice_labels(programme, "languages")),
        (_("Default time zone"), time_zone_label(programme)),
        (
            _("Organisers"),
            ", ".join(user.display_name for user in programme.organisers.all()),
        ),
    ]
    return [(label, value) for label, value in facts if value]


# --- Quick actions -----------------------------------------------------------------------


@dataclass(frozen=True)
class QuickAction:
    label: str
    url: str
    icon: str = "plus"


def owned_page_model(section_model: type) -> type | None:
    """The main kind of page a section holds (an event, a course): the first allowed
    subpage type that belongs to programmes."""
    for model in section_model.allowed_subpage_models():
        if issubclass(model, ProgrammeOwned):
            return model
    return None


def sections_by_programme(programme_ids) -> dict[int, list]:
    """Each programme's sections of the page tree (default locale, first per kind), by
    programme id: one query per registered section type, whatever the number of programmes."""
    from wagtail.models import Locale

    ids = list(programme_ids)
    found: dict[int, list] = {pk: [] for pk in ids}
    if not ids:
        return found
    locale = Locale.get_default()
    for _index_model, section_model in section_types():
        seen = set()
        for section in section_model.objects.filter(programme_id__in=ids, locale=locale).order_by(
            "path"
        ):
            if section.programme_id not in seen:
                seen.add(section.programme_id)
                found[section.programme_id].append(section)
    return found


def quick_actions(user, sections: list) -> list[QuickAction]:
    """ "New event", "New course" (Wagtail's add-page form below the programme's section,
    where the user may add pages) and "Import a sign-in sheet"."""
    actions = []
    for section in sections:
        model = owned_page_model(type(section))
        if model is None or not section.permissions_for_user(user).can_add_subpage():
            continue
        actions.append(
            QuickAction(
                _("New %(page_type)s") % {"page_type": model._meta.verbose_name},
                reverse(
                    "wagtailadmin_pages:add",
                    args=[model._meta.app_label, model._meta.model_name, section.pk],
                ),
            )
        )
    if user.has_perm("events.import_attendance"):
        with suppress(NoReverseMatch):  # the events app is not installed
            actions.append(
                QuickAction(_("Import a sign-in sheet"), reverse("events_admin:index"), "upload")
            )
    return actions


def dashboard_url(programme: Programme) -> str:
    return reverse("programmes:dashboard", args=[programme.pk])


# --- Panels ------------------------------------------------------------------------------


class ProgrammePanel(Component):
    """A titled panel on a programme's dashboard. ``template_name`` renders the body with
    ``context`` (and ``request``)."""

    template_name = "programmes/panels/panel.html"

    def __init__(
        self,
        *,
        name: str,
        title: str,
        template_name: str,
        context: dict | None = None,
        order: int = 100,
    ):
        self.name = name
        self.title = title
        self.body_template_name = template_name
        self.context = context or {}
        self.order = order

    def get_context_data(self, parent_context=None):
        parent_context = parent_context or {}
        return {
            "panel": self,
            "request": parent_context.get("request"),
            "body_template_name": self.body_template_name,
            **self.context,
        }


def outbox_needing_attention(*, user, programme: Programme, now=None) -> QuerySet:
    """E-mails of ``programme`` that did not go out: failed, or queued for more than an
    hour. Only to people ``user`` may see (anyone, with or without an account, for an
    admin), and, where the e-mail's source tells, only those about this programme."""
    scope = scope_for(user)
    if not scope.allows({programme.pk}):
        return OutboxMessage.objects.none()
    now = now or timezone.now()
    messages = OutboxMessage.objects.filter(
        Q(status=OutboxStatus.FAILED)
        | Q(status=OutboxStatus.QUEUED, created_at__lt=now - STUCK_AFTER)
    )
    if not scope.everything:
        messages = messages.filter(to_user__in=people_visible_to(user).values("pk"))
    return about_programmes(messages, {programme.pk})


class OutboxPanel(ProgrammePanel):
    """ "Unsent or failed e-mails": counts, the latest few, and the way to the E-mails admin."""

    def __init__(self, request, programme: Programme, order: int = 900):
        messages = outbox_needing_attention(user=request.user, programme=programme)
        counts = messages.aggregate(
            failed=Count("pk", filter=Q(status=OutboxStatus.FAILED)),
            waiting=Count("pk", filter=Q(status=OutboxStatus.QUEUED)),
        )
        rows = []
        if counts["failed"] or counts["waiting"]:
            rows = list(messages.select_related("to_user__profile")[:OUTBOX_ROWS])
        link = ""
        if request.user.has_perm("core.view_outboxmessage"):
            try:
                link = reverse("core_outboxmessage:index")
            except NoReverseMatch:
                link = ""
        super().__init__(
            name="outbox",
            title=gettext_lazy("Unsent or failed e-mails"),
            template_name="programmes/panels/outbox.html",
            order=order,
            context={
                "failed": counts["failed"],
                "waiting": counts["waiting"],
                "rows": rows,
                "failed_url": f"{link}?{urlencode({'status': OutboxStatus.FAILED})}"
                if link
                else "",
                "waiting_url": f"{link}?{urlencode({'status': OutboxStatus.QUEUED})}"
                if link
                else "",
            },
        )


def programme_dashboard_panels(request, programme: Programme) -> list[Component]:
    """The feature apps' panels for ``programme`` and the e-mail panel, sorted by ``order``."""
    panels = []
    for provider in hooks.get_hooks(PANELS_HOOK):
        panels.extend(provider(request, programme) or [])
    panels.append(OutboxPanel(request, programme))
    return sorted(panels, key=lambda panel: getattr(panel, "order", 100))


@dataclass
class ProgrammeCard:
    programme: Programme
    url: str
    actions: list[QuickAction]


class ProgrammesHomePanel(Component):
    """ "Your programmes" on Wagtail's home page: a card per programme (its dashboard and
    quick actions); an organiser with one programme sees its panels here directly."""

    name = "linkage_programmes"
    template_name = "programmes/home_panel.html"
    order = 50

    def __init__(self, request, programmes: list[Programme]):
        self.request = request
        self.programmes = programmes

    def get_context_data(self, parent_context=None):
        request = self.request
        sections = sections_by_programme(p.pk for p in self.programmes)
        cards = [
            ProgrammeCard(
                programme=programme,
                url=dashboard_url(programme),
                actions=quick_actions(request.user, sections[programme.pk]),
            )
            for programme in self.programmes
        ]
        single = len(cards) == 1 and not request.user.is_superuser
        return {
            "request": request,
            "cards": cards,
            "panels": programme_dashboard_panels(request, cards[0].programme) if single else [],
            "index_url": reverse("programmes:index"),
            "guide_url": settings.LINKAGE_ORGANISER_GUIDE_URL,
        }


def programmes_home_panel(request) -> ProgrammesHomePanel | None:
    programmes = list(programmes_for(request.user).order_by("name"))
    if not programmes:
        return None
    return ProgrammesHomePanel(request, programmes)
