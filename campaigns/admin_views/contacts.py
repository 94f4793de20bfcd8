"""The follow-up contacts of a campaign as a CSV file: only pledgers who agreed to be
contacted again, have not withdrawn it and whose address has not been erased. The only
place the admin decrypts pledgers' addresses.

Who: holders of ``campaigns.export_pledge_contacts`` (not an organiser's permission unless
the site grants it: until then, admins), and only for a campaign whose own programme is
theirs (consent was given to the campaign's organisers, not to every programme that also
runs it). How: a page that says what the file holds and asks the reader to handle it with
care, then a POST (never a link a browser or a scanner could prefetch) that answers with
an uncached download, written to the campaign page's audit log with the number of
addresses. What leaves here is outside the site's reach: a withdrawal or the erasure after
the campaign cannot follow a downloaded file, and the page says so.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from wagtail.log_actions import log

from import_export import fields

from core.exports import StreamingExportResource, export_download
from people.enums import Country
from programmes.selectors import scope_for

from ..admin_selectors import campaign_for, campaign_zone, contacts_for_export, partners_of
from ..enums import PledgeKind
from .common import campaign_crumbs, chrome, moment_text, require

EXPORT_PERMISSION = "campaigns.export_pledge_contacts"


def contacts_allowed(user, campaign) -> bool:
    """The permission, and the campaign's own programme is one of the user's (admins: any)."""
    if not user.has_perm(EXPORT_PERMISSION):
        return False
    scope = scope_for(user)
    return scope.everything or campaign.programme_id in scope.programme_ids


class ContactsResource(StreamingExportResource):
    name = fields.Field(column_name=gettext_lazy("Name"))
    organisation = fields.Field(column_name=gettext_lazy("Organisation"))
    kind = fields.Field(column_name=gettext_lazy("Pledge from"))
    country = fields.Field(column_name=gettext_lazy("Country"))
    language = fields.Field(column_name=gettext_lazy("Language"))
    partner = fields.Field(column_name=gettext_lazy("Partner"))
    agreed = fields.Field(column_name=gettext_lazy("Agreed to be contacted"))
    email = fields.Field(column_name=gettext_lazy("E-mail address"))

    def __init__(self, campaign):
        super().__init__()
        self._order = [
            "name",
            "organisation",
            "kind",
            "country",
            "language",
            "partner",
            "agreed",
            "email",
        ]
        self.campaign = campaign
        self._zone = campaign_zone(campaign)
        self._countries = {key: str(label) for key, label in Country.choices}
        self._kinds = {key: str(label) for key, label in PledgeKind.choices}
        self._languages = {code: str(name) for code, name in settings.LANGUAGES}
        self._partners = {p.translation_key: p.organisation for p in partners_of(campaign)}

    def dehydrate_name(self, row):
        return row["display_name"]

    def dehydrate_organisation(self, row):
        return row["organisation"]

    def dehydrate_kind(self, row):
        return self._kinds.get(row["kind"], row["kind"])

    def dehydrate_country(self, row):
        return self._countries.get(row["country"], row["country"])

    def dehydrate_language(self, row):
        return self._languages.get(row["language"], row["language"])

    def dehydrate_partner(self, row):
        return self._partners.get(row["partner_key"], "")

    def dehydrate_agreed(self, row):
        return moment_text(row["contact_consent_at"], self.campaign)

    def dehydrate_email(self, row):
        return row["email"]


class ContactsExportForm(forms.Form):
    care = forms.BooleanField(
        label=gettext_lazy(
            "I will use these addresses only to follow up on this campaign, keep the file "
            "safe and delete it when the follow-up is done."
        ),
        required=True,
    )


def _rows(campaign):
    return contacts_for_export(campaign).values(
        "display_name",
        "organisation",
        "kind",
        "country",
        "language",
        "partner_key",
        "contact_consent_at",
        "email",
    )


@never_cache
@require(EXPORT_PERMISSION)
def contacts_export(request, pk: int):
    campaign = campaign_for(request.user, pk)
    if not contacts_allowed(request.user, campaign):
        raise PermissionDenied
    form = ContactsExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = contacts_for_export(campaign).count()
        log(
            instance=campaign,
            action="campaigns.contacts_export",
            user=request.user,
            data={"count": count},
        )
        stamp = timezone.localtime(timezone.now(), campaign_zone(campaign)).strftime("%Y%m%d")
        stem = f"{slugify(campaign.title)[:40] or 'campaign'}-contacts-{stamp}"
        return export_download(
            ContactsResource(campaign), _rows(campaign), stem=stem, fmt="csv", title=campaign.title
        )
    return TemplateResponse(
        request,
        "campaigns/admin/contacts.html",
        {
            "campaign": campaign,
            "form": form,
            "count": contacts_for_export(campaign).count(),
            "retention_days": settings.CAMPAIGNS_PLEDGE_RETENTION_DAYS,
            **chrome(
                _("Follow-up contacts"),
                crumbs=campaign_crumbs(campaign),
                subtitle=campaign.title,
            ),
        },
    )
