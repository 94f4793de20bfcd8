"""Programmes in the Wagtail admin: who reaches which programme (the 403/404 matrix, id
guessing included), admins adding, editing and deleting programmes and their organisers,
organisers reading their own, human labels, the dashboard, the home page panel, the users
list and the Help menu."""

from datetime import date

from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail import hooks

import pytest

from courses.models import CourseSectionPage
from events.models import EventSectionPage
from people.enums import Role
from people.roles import user_role
from programmes.components import ProgrammePanel
from programmes.models import Programme
from programmes.sections import section_for
from tests.factories import OrganisationFactory, user_with_role

pytestmark = pytest.mark.django_db


def url(name, programme=None):
    args = [programme.pk] if programme is not None else []
    return reverse(f"programmes:{name}", args=args)


def form_data(**overrides) -> dict:
    data = {
        "name": "Kosovo coordination",
        "slug": "kosovo",
        "funder": "EU CERV",
        "grant_number": "101143210",
        "starts_on": "2025-01-01",
        "ends_on": "2026-12-31",
        "countries": ["XK"],
        "languages": ["sq", "sr-latn"],
        "time_zone": "Europe/Belgrade",
        "new_organisers": "",
    }
    data.update(overrides)
    return data


# --- Who reaches what ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["dashboard", "inspect"])
def test_an_organiser_gets_404_for_another_programme(
    name, organiser_client, programme, other_programme
):
    response = organiser_client.get(url(name, other_programme))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["dashboard", "inspect"])
def test_a_guessed_id_is_404(name, organiser_client, programme, other_programme):
    missing = Programme.objects.order_by("-pk").first().pk + 100

    response = organiser_client.get(reverse(f"programmes:{name}", args=[missing]))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["dashboard", "inspect"])
def test_an_organiser_reaches_their_own_programme(name, organiser_client, programme):
    response = organiser_client.get(url(name, programme))

    assert response.status_code == 200
    assert programme.name in response.content.decode()


@pytest.mark.parametrize("whose", ["programme", "other_programme"])
@pytest.mark.parametrize("name", ["edit", "delete", "history", "usage"])
def test_an_organiser_cannot_change_any_programme(name, whose, request, organiser_client):
    target = request.getfixturevalue(whose)

    get = organiser_client.get(url(name, target))
    post = organiser_client.post(url(name, target), form_data(name="Taken over", slug="over"))

    assert (get.status_code, post.status_code) == (403, 403)
    target.refresh_from_db()
    assert target.name != "Taken over"
    assert Programme.objects.filter(pk=target.pk).exists()


def test_an_organiser_cannot_add_a_programme(organiser_client, programme):
    response = organiser_client.post(url("add"), form_data())

    assert response.status_code == 403
    assert not Programme.objects.filter(slug="kosovo").exists()


def test_an_organiser_lists_only_their_own_programmes(organiser_client, programme, other_programme):
    response = organiser_client.get(url("index"))

    assert response.status_code == 200
    assert [row.pk for row in response.context["object_list"]] == [programme.pk]
    page = response.content.decode()
    assert other_programme.name not in page
    assert url("add") not in page
    assert url("edit", programme) not in page


def test_an_organiser_cannot_change_organisers(organiser_client, programme, professional):
    organiser_client.post(
        url("edit", programme), form_data(name=programme.name, organisers=[professional.pk])
    )

    assert list(programme.organisers.exclude(email="ruta@example.org")) == []


def test_the_policy_names_who_may_view_and_who_may_change(
    superuser, organiser, professional, programme
):
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(Programme)
    unassigned = user_with_role(Role.ORGANISER, email="new@example.org")

    assert set(policy.users_with_permission("view")) == {superuser, organiser}
    assert set(policy.users_with_permission("change")) == {superuser}
    assert unassigned not in policy.users_with_permission("view")


@pytest.mark.parametrize("name", ["index", "dashboard"])
def test_a_professional_never_reaches_the_programmes_admin(name, professional, programme):
    client = Client()
    client.force_login(professional)

    response = client.get(url(name, programme if name == "dashboard" else None))

    assert (response.status_code, response.get("Location")) == (403, None)


def test_an_organiser_without_two_factor_is_sent_to_set_it_up(organiser, programme):
    client = Client()
    client.force_login(organiser)

    response = client.get(url("dashboard", programme))

    assert (response.status_code, response["Location"]) == (302, reverse("mfa_activate_totp"))


def test_a_visitor_is_sent_to_log_in(programme):
    response = Client().get(url("dashboard", programme))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_programmes_menu_item_shows_for_organisers_and_admins(
    organiser_client, superuser_client, programme
):
    for client in (organiser_client, superuser_client):
        page = client.get(reverse("wagtailadmin_home")).content.decode()
        assert url("index") in page


# --- Admins: add, edit, delete ---------------------------------------------------------------


def test_an_admin_adds_a_programme_with_an_organiser_who_gets_the_role(
    superuser_client, indexes, professional
):
    lead = OrganisationFactory(name="Kosovo Women's Network")
    partner = OrganisationFactory(name="Municipality of Gjilan/Gnjilane")

    response = superuser_client.post(
        url("add"),
        form_data(
            lead_organisation=lead.pk,
            partner_organisations=[partner.pk],
            new_organisers="VJOSA@example.org\n",
        ),
    )

    assert response.status_code == 302
    programme = Programme.objects.get(slug="kosovo")
    assert (
        programme.lead_organisation,
        list(programme.partner_organisations.all()),
        programme.countries,
        programme.languages,
        programme.time_zone,
        programme.starts_on,
    ) == (lead, [partner], ["XK"], ["sq", "sr-latn"], "Europe/Belgrade", date(2025, 1, 1))
    assert list(programme.organisers.all()) == [professional]
    professional = type(professional).objects.get(pk=professional.pk)
    assert user_role(professional) == Role.ORGANISER
    assert programme.group in professional.groups.all()
    assert section_for(programme=programme, section_model=EventSectionPage) is not None


def test_an_admin_unticks_an_organiser_and_the_group_goes(superuser_client, organiser, programme):
    response = superuser_client.post(url("edit", programme), form_data(name=programme.name))

    assert response.status_code == 302
    assert list(programme.organisers.all()) == []
    assert programme.group not in type(organiser).objects.get(pk=organiser.pk).groups.all()


def test_an_admin_ticks_an_existing_organiser(superuser_client, programme, other_organiser):
    response = superuser_client.post(
        url("edit", programme), form_data(name=programme.name, organisers=[other_organiser.pk])
    )

    assert response.status_code == 302
    assert list(programme.organisers.all()) == [other_organiser]


def test_the_organisers_offered_are_active_organisers_and_current_ones(
    superuser_client, organiser, other_organiser, professional, programme
):
    gone = user_with_role(Role.ORGANISER, email="gone@example.org", is_active=False)

    response = superuser_client.get(url("edit", programme))

    offered = set(response.context["form"].fields["organisers"].queryset)
    assert offered == {organiser, other_organiser}
    assert gone not in offered and professional not in offered


@pytest.mark.parametrize(
    "address, message",
    [
        ("nobody@example.org", "Nobody has an account with this address"),
        ("gone@example.org", "This account is not active"),
        ("not an address", "is not an e-mail address"),
    ],
)
def test_only_active_accounts_can_be_named_organisers(address, message, superuser_client, indexes):
    user_with_role(Role.PROFESSIONAL, email="gone@example.org", is_active=False)

    response = superuser_client.post(url("add"), form_data(new_organisers=address))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["new_organisers"])
    assert not Programme.objects.filter(slug="kosovo").exists()


def test_a_programme_cannot_end_before_it_starts(superuser_client, indexes):
    response = superuser_client.post(url("add"), form_data(ends_on="2024-12-31"))

    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "A programme cannot end before it starts."
    ]


def test_a_mistyped_year_is_refused_in_words(superuser_client, indexes):
    """ "0026" for 2026 would have given reports of two thousand years (and a crash)."""
    response = superuser_client.post(url("add"), form_data(starts_on="0026-01-01"))

    assert response.status_code == 200
    assert response.context["form"].errors["starts_on"] == ["Give a year from 2000 to 2100."]
    assert not Programme.objects.filter(slug="kosovo").exists()


def test_an_admin_deletes_a_programme_without_pages(superuser_client):
    programme = Programme.objects.create(name="Short-lived", slug="short")

    response = superuser_client.post(url("delete", programme))

    assert response.status_code == 302
    assert not Programme.objects.filter(pk=programme.pk).exists()


def test_a_programme_with_sections_in_the_page_tree_is_not_deleted(superuser_client, programme):
    page = superuser_client.get(url("delete", programme)).content.decode()
    response = superuser_client.post(url("delete", programme))

    assert "prevent it from being deleted" in page
    assert response.status_code == 403
    assert Programme.objects.filter(pk=programme.pk).exists()


def test_an_admin_sees_every_programme(superuser_client, programme, other_programme):
    response = superuser_client.get(url("index"))

    assert {row.pk for row in response.context["object_list"]} == {
        programme.pk,
        other_programme.pk,
    }
    assert url("edit", programme) in response.content.decode()


def test_the_time_zone_picker_offers_every_zone_and_keeps_the_current_one(
    superuser_client, programme
):
    response = superuser_client.get(url("edit", programme))

    field = response.context["form"].fields["time_zone"]
    values = set()
    for value, label in field.choices:
        if isinstance(label, (list, tuple)):
            values |= {inner for inner, _label in label}
        else:
            values.add(value)
    assert {"Europe/Vilnius", "Europe/Belgrade", "America/New_York"} <= values
    assert field.initial == "Europe/Vilnius"


# --- Human labels -------------------------------------------------------------------------


def test_the_list_names_countries_and_languages_and_formats_dates(superuser_client, programme):
    programme.starts_on, programme.ends_on = date(2025, 3, 1), date(2026, 2, 28)
    programme.countries = ["XK", "LT"]
    programme.save()

    page = superuser_client.get(url("index")).content.decode()

    assert "Kosovo, Lithuania" in page
    assert "English, Lietuvių" in page
    assert "Saturday 1 March 2025 to Saturday 28 February 2026" in page
    assert "XK" not in page.replace("XK/", "")


def test_dates_follow_the_organisers_language(organiser_with_totp, programme):
    from wagtail.users.models import UserProfile

    programme.starts_on = date(2025, 3, 1)
    programme.save()
    profile = UserProfile.get_for_user(organiser_with_totp)
    profile.preferred_language = "lt"
    profile.save()
    client = Client()
    client.force_login(organiser_with_totp)

    page = client.get(url("inspect", programme)).content.decode()

    with translation.override("lt"):
        from django.utils import formats

        expected = formats.date_format(date(2025, 3, 1), "DATE_FORMAT")
    assert expected in page
    assert expected != "March 1, 2025"


def test_inspect_names_everything(organiser_client, organiser, programme):
    response = organiser_client.get(url("inspect", programme))

    fields = {str(f["label"]): str(f["value"]) for f in response.context["fields"]}
    assert fields["Countries"] == "Lithuania"
    assert fields["Working languages"] == "English, Lietuvių"
    assert fields["Organisers"] == f"{organiser.display_name} <ruta@example.org>"


# --- Dashboard -------------------------------------------------------------------------------


def test_the_dashboard_shows_the_facts_and_quick_actions(organiser_client, programme):
    programme.funder = "EU CERV"
    programme.save()
    events = section_for(programme=programme, section_model=EventSectionPage)
    courses = section_for(programme=programme, section_model=CourseSectionPage)

    response = organiser_client.get(url("dashboard", programme))

    facts = dict(response.context["facts"])
    assert facts["Funder"] == "EU CERV"
    assert facts["Countries"] == "Lithuania"
    actions = {a.label: a.url for a in response.context["actions"]}
    assert actions["New event"] == reverse(
        "wagtailadmin_pages:add", args=["events", "eventpage", events.pk]
    )
    assert actions["New course"] == reverse(
        "wagtailadmin_pages:add", args=["courses", "coursepage", courses.pk]
    )


def test_the_new_event_action_opens_the_add_page_form(organiser_client, programme):
    response = organiser_client.get(url("dashboard", programme))
    new_event = {a.label: a.url for a in response.context["actions"]}["New event"]

    assert organiser_client.get(new_event).status_code == 200


def test_the_import_action_leads_to_the_sign_in_sheets(organiser_client, programme):
    response = organiser_client.get(url("dashboard", programme))

    actions = {a.label: a.url for a in response.context["actions"]}
    assert actions["Import a sign-in sheet"] == reverse("events_admin:index")


def test_without_the_import_permission_there_is_no_import_action(organiser_with_totp, programme):
    from django.contrib.auth.models import Group

    from people.roles import GROUP_NAMES

    group = Group.objects.get(name=GROUP_NAMES[Role.ORGANISER])
    group.permissions.remove(*group.permissions.filter(codename="import_attendance"))
    client = Client()
    client.force_login(organiser_with_totp)

    actions = client.get(url("dashboard", programme)).context["actions"]

    assert [a.label for a in actions] == ["New course", "New event"]


def test_feature_apps_panels_appear_in_their_order(organiser_client, programme):
    seen = []

    def panels(request, for_programme):
        seen.append(for_programme)
        return [
            ProgrammePanel(
                name="late",
                title="Late panel",
                template_name="programmes/panels/empty.html",
                order=200,
            ),
            ProgrammePanel(
                name="early",
                title="Early panel",
                template_name="programmes/panels/empty.html",
                order=100,
            ),
        ]

    with hooks.register_temporarily("linkage_programme_dashboard_panels", panels):
        response = organiser_client.get(url("dashboard", programme))

    assert seen == [programme]
    # The events and courses apps add theirs too: these three keep their order among them.
    names = [getattr(panel, "name", "") for panel in response.context["panels"]]
    assert [name for name in names if name in {"early", "late", "outbox"}] == [
        "early",
        "late",
        "outbox",
    ]
    orders = [panel.order for panel in response.context["panels"]]
    assert orders == sorted(orders)
    page = response.content.decode()
    assert page.index("Early panel") < page.index("Late panel")


# --- Wagtail's home page -------------------------------------------------------------------


def test_an_organiser_with_one_programme_sees_its_panels_on_the_home_page(
    organiser_client, programme
):
    def panels(request, for_programme):
        return [
            ProgrammePanel(
                name="test",
                title="A feature app's panel",
                template_name="programmes/panels/empty.html",
            )
        ]

    with hooks.register_temporarily("linkage_programme_dashboard_panels", panels):
        page = organiser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Your programmes" in page
    assert url("dashboard", programme) in page
    assert "A feature app&#x27;s panel" in page
    assert "Unsent or failed e-mails" in page


def test_an_admin_sees_a_card_per_programme(superuser_client, programme, other_programme):
    page = superuser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert url("dashboard", programme) in page
    assert url("dashboard", other_programme) in page
    assert "Unsent or failed e-mails" not in page


def test_an_organiser_of_two_programmes_sees_two_cards(
    organiser_client, organiser, programme, other_programme
):
    from programmes.services import programme_organiser_add

    programme_organiser_add(programme=other_programme, user=organiser)

    page = organiser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert url("dashboard", programme) in page
    assert url("dashboard", other_programme) in page


def test_an_organiser_never_sees_another_programme_on_the_home_page(
    organiser_client, programme, other_programme
):
    page = organiser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert other_programme.name not in page
    assert url("dashboard", other_programme) not in page


# --- Users list ----------------------------------------------------------------------------


def test_the_users_list_shows_role_and_programmes(
    superuser_client, organiser, other_organiser, professional, programme, other_programme
):
    from programmes.services import programme_organiser_add

    programme_organiser_add(programme=other_programme, user=organiser)

    response = superuser_client.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 200
    table = response.context["table"]
    columns = {column.name: column for column in table.columns.values()}
    rows = {user.email: user for user in response.context["object_list"]}
    cell = {
        email: (
            str(columns["role"].get_value(user)),
            str(columns["programmes"].get_value(user)),
        )
        for email, user in rows.items()
    }
    assert cell["ruta@example.org"] == ("Organiser", "Other programme, Test programme")
    assert cell["arta@example.org"] == ("Organiser", "Other programme")
    assert cell["vjosa@example.org"] == ("Professional", "")
    assert cell["admin@example.org"] == ("Administrator", "All programmes")
    assert "Organiser" in response.content.decode()


def test_the_role_column_agrees_with_user_role(
    superuser, organiser, professional, mentor, programme
):
    from django.contrib.auth import get_user_model

    from programmes.viewsets import role_of

    for user in get_user_model().objects.prefetch_related("groups"):
        assert role_of(user) == user_role(get_user_model().objects.get(pk=user.pk))


def test_organisers_do_not_reach_the_users_list(organiser_client, programme):
    response = organiser_client.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 403


# --- Help ------------------------------------------------------------------------------------


def test_help_leads_to_the_organiser_guide_not_wagtails(organiser_client, settings, programme):
    settings.LINKAGE_ORGANISER_GUIDE_URL = "/organiser-guide/"

    page = organiser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "/organiser-guide/" in page
    assert "Organiser guide" in page
    assert "guide.wagtail.org" not in page
