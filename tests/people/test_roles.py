"""Roles are groups: their permissions, a person's main role, and what each role reaches."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page

import pytest

from people.enums import Role
from people.roles import GROUP_NAMES, ensure_role_groups, needs_two_factor, role_assign, user_role
from tests.factories import UserFactory, totp_activate, user_with_role


def group_permissions(name: str) -> set[str]:
    group = Group.objects.get(name=name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


@pytest.mark.django_db
def test_migrate_creates_the_three_role_groups():
    names = Group.objects.filter(name__in=["Professionals", "Mentors", "Organisers"])

    assert sorted(names.values_list("name", flat=True)) == [
        "Mentors",
        "Organisers",
        "Professionals",
    ]


@pytest.mark.django_db
def test_organisers_may_use_the_admin_and_export_the_ledger():
    permissions = group_permissions("Organisers")

    assert {"wagtailadmin.access_admin", "impact.export_participation"} <= permissions


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Professionals", "Mentors"])
def test_professionals_and_mentors_may_not_use_the_admin(name):
    assert "wagtailadmin.access_admin" not in group_permissions(name)


@pytest.mark.django_db
def test_each_track_has_its_own_permission():
    assert (group_permissions("Professionals"), group_permissions("Mentors")) == (
        {"people.use_professional_track"},
        {"people.use_mentor_track"},
    )


@pytest.mark.django_db
def test_ensure_role_groups_is_idempotent():
    before = {name: group_permissions(name) for name in GROUP_NAMES.values()}
    pages_before = GroupPagePermission.objects.count()
    groups_before = Group.objects.count()

    ensure_role_groups()
    ensure_role_groups()

    assert {name: group_permissions(name) for name in GROUP_NAMES.values()} == before
    assert Group.objects.count() == groups_before
    assert GroupPagePermission.objects.count() == pages_before


@pytest.mark.django_db
def test_the_organiser_role_has_no_page_permission_anywhere_even_if_an_old_grant_lingers():
    # Organisers edit pages only through their programmes' groups (tests/programmes).
    group = Group.objects.get(name="Organisers")
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )

    ensure_role_groups()

    assert GroupPagePermission.objects.filter(group=group).count() == 0


# --- A person's main role ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        ([], ""),
        (["Professionals"], Role.PROFESSIONAL),
        (["Mentors"], Role.MENTOR),
        (["Professionals", "Mentors"], Role.MENTOR),
        (["Professionals", "Mentors", "Organisers"], Role.ORGANISER),
        (["Mentors", "Organisers"], Role.ORGANISER),
    ],
)
def test_user_role_takes_the_highest_role_group(groups, expected):
    user = UserFactory()
    user.groups.add(*Group.objects.filter(name__in=groups))

    assert user_role(user) == expected


@pytest.mark.django_db
def test_a_superuser_is_an_admin_whatever_their_groups():
    user = UserFactory(is_superuser=True, is_staff=True)
    user.groups.add(Group.objects.get(name="Professionals"))

    assert user_role(user) == Role.ADMIN


def test_an_anonymous_visitor_has_no_role():
    from django.contrib.auth.models import AnonymousUser

    assert (user_role(AnonymousUser()), user_role(None)) == ("", "")


@pytest.mark.django_db
def test_role_assign_replaces_the_previous_role_group():
    user = user_with_role(Role.PROFESSIONAL)

    role_assign(user=user, role=Role.ORGANISER)

    assert list(user.groups.values_list("name", flat=True)) == ["Organisers"]
    assert user_role(user) == Role.ORGANISER


@pytest.mark.django_db
def test_role_assign_keeps_groups_that_are_not_roles():
    editors = Group.objects.create(name="Newsletter editors")
    user = user_with_role(Role.MENTOR)
    user.groups.add(editors)

    role_assign(user=user, role=Role.PROFESSIONAL)

    assert sorted(user.groups.values_list("name", flat=True)) == [
        "Newsletter editors",
        "Professionals",
    ]


@pytest.mark.django_db
def test_role_assign_with_no_role_removes_every_role_group():
    user = user_with_role(Role.MENTOR)

    role_assign(user=user, role="")

    assert (list(user.groups.all()), user_role(user)) == ([], "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [(Role.PROFESSIONAL, False), (Role.MENTOR, False), (Role.ORGANISER, True)],
)
def test_only_organisers_and_admins_need_two_factor(role, expected):
    assert needs_two_factor(user_with_role(role)) is expected


# --- Reaching the Wagtail admin -----------------------------------------------------------


@pytest.mark.django_db
def test_organiser_with_totp_reaches_the_wagtail_admin(client, organiser):
    totp_activate(organiser)
    client.force_login(organiser)

    response = client.get("/admin/")

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.MENTOR])
def test_professionals_and_mentors_are_turned_away_from_the_wagtail_admin(client, role):
    client.force_login(user_with_role(role))

    response = client.get("/admin/")

    # A 403 page, not a redirect: with allauth's login as Wagtail's, a redirect to the
    # login page would send a signed-in person round in circles (people.middleware).
    assert response.status_code == 403
