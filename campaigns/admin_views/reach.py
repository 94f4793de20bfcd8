"""A campaign's reach records: the list, adding, correcting and deleting one. Every write
goes through ``campaigns.reach`` (its ledger row follows, the audit log records it)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import reach as services
from ..admin_forms import ReachRecordForm
from ..admin_selectors import campaign_for, partners_of, reach_of, reach_record_for
from .common import campaign_crumbs, chrome, dates_text, moment_text, require

PER_PAGE = 50


def _records_url(campaign) -> str:
    return reverse("campaigns_admin:reach", args=[campaign.pk])


@require("campaigns.view_reachrecord")
def reach_list(request, pk: int):
    campaign = campaign_for(request.user, pk)
    partners = {partner.translation_key: partner for partner in partners_of(campaign)}
    page = Paginator(reach_of(campaign).select_related("recorded_by__profile"), PER_PAGE).get_page(
        request.GET.get("p")
    )
    for record in page:
        record.partner = partners.get(record.partner_key)
        record.recorded_text = moment_text(record.recorded_at, campaign)
    return TemplateResponse(
        request,
        "campaigns/admin/reach_list.html",
        {
            "campaign": campaign,
            "records": page,
            "page": page,
            "query": "",
            "dates": dates_text(campaign),
            "can_add": request.user.has_perm("campaigns.add_reachrecord"),
            "can_change": request.user.has_perm("campaigns.change_reachrecord"),
            "can_delete": request.user.has_perm("campaigns.delete_reachrecord"),
            **chrome(
                _("Reach"),
                crumbs=campaign_crumbs(campaign),
                subtitle=campaign.title,
            ),
        },
    )


def _form_page(request, campaign, form, *, title: str, record=None):
    return TemplateResponse(
        request,
        "campaigns/admin/reach_form.html",
        {
            "campaign": campaign,
            "form": form,
            "record": record,
            "dates": dates_text(campaign),
            "back": _records_url(campaign),
            **chrome(
                title,
                crumbs=[*campaign_crumbs(campaign), (_records_url(campaign), _("Reach"))],
                subtitle=campaign.title,
            ),
        },
    )


@require("campaigns.add_reachrecord")
def reach_add(request, pk: int):
    campaign = campaign_for(request.user, pk)
    partners = partners_of(campaign)
    form = ReachRecordForm(request.POST or None, partners=partners)
    if request.method == "POST" and form.is_valid():
        try:
            services.reach_record(campaign=campaign, by=request.user, **form.service_values())
        except ValidationError as refusal:
            form.add_service_errors(refusal)
        else:
            messages.success(request, _("The reach is recorded."))
            return redirect(_records_url(campaign))
    return _form_page(request, campaign, form, title=_("Record reach"))


@require("campaigns.change_reachrecord")
def reach_edit(request, pk: int, record_pk: int):
    campaign = campaign_for(request.user, pk)
    record = reach_record_for(campaign, record_pk)
    partners = partners_of(campaign)
    form = ReachRecordForm(
        request.POST or None,
        partners=partners,
        initial=ReachRecordForm.initial_for(record, partners),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reach_update(record=record, by=request.user, **form.service_values())
        except ValidationError as refusal:
            form.add_service_errors(refusal)
        else:
            messages.success(request, _("The reach record is corrected."))
            return redirect(_records_url(campaign))
    return _form_page(request, campaign, form, title=_("Correct reach"), record=record)


@require("campaigns.delete_reachrecord")
def reach_delete(request, pk: int, record_pk: int):
    """A page that asks (GET), then the deletion (POST)."""
    campaign = campaign_for(request.user, pk)
    record = reach_record_for(campaign, record_pk)
    if request.method == "POST":
        services.reach_delete(record=record, by=request.user)
        messages.success(request, _("The reach record is deleted."))
        return redirect(_records_url(campaign))
    return TemplateResponse(
        request,
        "campaigns/admin/reach_delete.html",
        {
            "campaign": campaign,
            "record": record,
            "back": _records_url(campaign),
            **chrome(
                _("Delete reach record"),
                crumbs=[*campaign_crumbs(campaign), (_records_url(campaign), _("Reach"))],
                subtitle=campaign.title,
            ),
        },
    )
