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
    menu_label = "People"
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, RegionViewSet)


register_snippet(PeopleGroup)
