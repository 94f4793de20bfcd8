"""core/pages.py: page privacy for the endpoints that act on a page, the one-query
restriction lookup, and a page's translations read once per request."""

from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from wagtail.models import Locale, Page, PageViewRestriction, Site

import pytest

from core.pages import (
    OneQueryViewRestrictionsMixin,
    ancestor_paths,
    live_translations,
    page_viewable,
    view_restrictions,
    with_privacy_flag,
)
from home.models import StandardPage
from people.enums import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def section(home) -> StandardPage:
    """A section with a page inside: restrictions on the section apply to both."""
    section = home.add_child(instance=StandardPage(title="Members", slug="members"))
    section.add_child(instance=StandardPage(title="Inside", slug="inside"))
    return section


@pytest.fixture
def inside(section) -> StandardPage:
    return section.get_children().get().specific


def request_for(user=None, session=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = session or SessionStore()
    return request


def restrict(page, kind, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def test_ancestor_paths_are_the_page_and_its_ancestors(inside):
    assert ancestor_paths(inside) == [p.path for p in inside.get_ancestors(inclusive=True)]


def test_view_restrictions_include_an_ancestors_in_one_query(
    section, inside, django_assert_num_queries
):
    restriction = restrict(section, PageViewRestriction.LOGIN)

    with django_assert_num_queries(1):
        found = list(view_restrictions(inside))

    assert found == [restriction]


def test_view_restrictions_of_an_alias_are_its_source_pages(home, section, inside):
    restriction = restrict(section, PageViewRestriction.LOGIN)
    alias = section.create_alias(parent=home, update_slug="members-alias")

    assert list(view_restrictions(alias)) == [restriction]


def test_an_unrestricted_page_is_viewable_by_anyone(inside):
    assert page_viewable(request_for(), inside) is True


def test_a_login_restriction_admits_only_people_signed_in(section, inside):
    restrict(section, PageViewRestriction.LOGIN)
    person = user_with_role(Role.PROFESSIONAL, email="a@example.org")

    assert (page_viewable(request_for(), inside), page_viewable(request_for(person), inside)) == (
        False,
        True,
    )


def test_a_group_restriction_admits_only_its_members(section, inside):
    group = Group.objects.create(name="Prosecutors")
    restrict(section, PageViewRestriction.GROUPS).groups.add(group)
    member = user_with_role(Role.PROFESSIONAL, email="member@example.org")
    member.groups.add(group)
    outsider = user_with_role(Role.PROFESSIONAL, email="outsider@example.org")

    assert (
        page_viewable(request_for(outsider), inside),
        page_viewable(request_for(member), inside),
    ) == (False, True)


def test_a_password_restriction_admits_a_session_that_gave_the_password(section, inside):
    restriction = restrict(section, PageViewRestriction.PASSWORD, password="open sesame")
    session = SessionStore()
    restriction.mark_as_passed(request_for(session=session))

    assert (
        page_viewable(request_for(), inside),
        page_viewable(request_for(session=session), inside),
    ) == (
        False,
        True,
    )


def test_privacy_flag_marks_pages_no_restriction_reaches(home, section, inside):
    other = home.add_child(instance=StandardPage(title="Open", slug="open"))
    restrict(section, PageViewRestriction.LOGIN)

    flags = dict(
        with_privacy_flag(
            Page.objects.filter(pk__in=[section.pk, inside.pk, other.pk])
        ).values_list("pk", "privacy_free")
    )

    assert flags == {section.pk: False, inside.pk: False, other.pk: True}


def test_a_page_read_with_the_flag_needs_no_query_for_its_restrictions(
    section, django_assert_num_queries
):
    page = with_privacy_flag(Page.objects.filter(pk=section.pk)).get()

    with django_assert_num_queries(0):
        assert list(OneQueryViewRestrictionsMixin.get_view_restrictions(page)) == []


def test_live_translations_are_read_once_per_request(home, django_assert_num_queries):
    locale = Locale.objects.get_or_create(language_code="lt")[0]
    translated = home.copy_for_translation(locale)
    translated.save_revision().publish()
    request = request_for()

    with django_assert_num_queries(1):
        first = live_translations(request, home)
        second = live_translations(request, home)

    assert [p.locale.language_code for p in first] == ["en", "lt"]
    assert second == first
