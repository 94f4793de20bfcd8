from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Region


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "country", "sector"]
    list_filter = ["country", "sector"]
    search_fields = ["name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "country", "kind"]
    list_filter = ["country", "kind"]
    search_fields = ["name"]


class PeopleGroup(SnippetViewSetGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, RegionViewSet)


register_snippet(PeopleGroup)


def _hide_wagtail_name_panel() -> None:
    """Wagtail's account page has a "Name" panel that requires a first and a last name.
    Linkage's users have neither (a person's name is their profile's display name, which
    they edit in My Linkage), so that panel could never be saved, and with it the whole
    account page: an organiser could not even choose her admin language. The panel is
    left out; the language, time zone and theme panels stay."""
    from wagtail.admin.views.account import NameEmailSettingsPanel

    NameEmailSettingsPanel.is_active = lambda self: False


_hide_wagtail_name_panel()
