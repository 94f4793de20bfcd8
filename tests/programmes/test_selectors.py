"""programmes/selectors.py: the one rule of what a user may see (scope_for, Scope.filter,
programmes_for, people_visible_to, person_visible_to)."""

from django.contrib.auth.models import AnonymousUser

import pytest

from events.models import EventPage, EventSectionPage
from people.enums import Role
from programmes.sections import section_for
from programmes.selectors import (
    Scope,
    people_visible_to,
    person_visible_to,
    programmes_for,
    scope_for,
)
from programmes.services import programme_organiser_add
from tests.factories import user_with_role
from tests.factories.events import event_page

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as a new request would load it (no cached role or scope)."""
    return type(user).objects.get(pk=user.pk)


def test_a_superuser_sees_everything(superuser, programme, other_programme):
    scope = scope_for(superuser)

    assert (scope.everything, scope.nothing) == (True, False)
    assert scope.allows({other_programme.pk})
    assert set(programmes_for(superuser)) == {programme, other_programme}


def test_an_organiser_sees_only_their_own_programmes(organiser, programme, other_programme):
    scope = scope_for(fresh(organiser))

    assert scope == Scope(everything=False, programme_ids=frozenset({programme.pk}))
    assert scope.allows({programme.pk, other_programme.pk})
    assert not scope.allows({other_programme.pk})
    assert list(programmes_for(fresh(organiser))) == [programme]


def test_an_organiser_of_two_programmes_sees_both(organiser, programme, other_programme):
    programme_organiser_add(programme=other_programme, user=organiser)

    assert scope_for(fresh(organiser)).programme_ids == {programme.pk, other_programme.pk}


@pytest.mark.parametrize("who", ["professional", "mentor", "anonymous"])
def test_people_without_the_organiser_role_see_nothing(who, request, programme):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)

    scope = scope_for(user)

    assert scope.nothing
    assert list(programmes_for(user)) == []


def test_a_former_organiser_without_the_role_sees_nothing(organiser, programme):
    from people.roles import role_assign

    role_assign(user=organiser, role=Role.PROFESSIONAL)

    assert scope_for(fresh(organiser)).nothing


@pytest.mark.parametrize("who", ["organiser", "superuser"])
def test_an_inactive_account_sees_nothing(who, request, programme):
    user = request.getfixturevalue(who)
    user.is_active = False
    user.save()

    assert scope_for(fresh(user)).nothing


def test_scope_filter_shows_a_page_owned_by_two_programmes_once(
    organiser, programme, other_programme
):
    programme_organiser_add(programme=other_programme, user=organiser)
    section = section_for(programme=programme, section_model=EventSectionPage)
    shared = event_page(section, slug="shared")
    shared.shared_with.add(other_programme)
    shared.save()  # a parental relation is written with its page
    event_page(section_for(programme=other_programme, section_model=EventSectionPage))

    visible = scope_for(fresh(organiser)).filter(
        EventPage.objects.order_by("pk"), "programme", "shared_with"
    )

    assert list(visible.values_list("pk", flat=True)) == sorted(
        EventPage.objects.values_list("pk", flat=True)
    )
    assert visible.count() == 2


def test_scope_filter_leaves_out_other_programmes_pages(organiser, programme, other_programme):
    mine = event_page(section_for(programme=programme, section_model=EventSectionPage))
    theirs = event_page(section_for(programme=other_programme, section_model=EventSectionPage))
    shared_with_me = event_page(
        section_for(programme=other_programme, section_model=EventSectionPage), slug="shared"
    )
    shared_with_me.shared_with.add(programme)
    shared_with_me.save()

    visible = scope_for(fresh(organiser)).filter(
        EventPage.objects.all(), "programme", "shared_with"
    )

    assert set(visible) == {mine, shared_with_me}
    assert theirs not in visible


def test_scope_filter_for_nobody_is_empty_and_for_an_admin_untouched(
    professional, superuser, programme
):
    event_page(section_for(programme=programme, section_model=EventSectionPage))

    assert list(scope_for(professional).filter(EventPage.objects.all(), "programme")) == []
    assert scope_for(superuser).filter(EventPage.objects.all(), "programme").count() == 1


def test_people_visible_to_an_organiser_come_from_the_registered_sources(
    participants, organiser, programme, other_programme
):
    ours = user_with_role(Role.PROFESSIONAL, email="ona@example.org")
    theirs = user_with_role(Role.PROFESSIONAL, email="blerta@example.org")
    both = user_with_role(Role.PROFESSIONAL, email="both@example.org")
    participants[programme.pk] = {ours.pk, both.pk}
    participants[other_programme.pk] = {theirs.pk, both.pk}

    visible = people_visible_to(fresh(organiser))

    assert set(visible) == {ours, both}
    assert visible.filter(pk=both.pk).count() == 1
    assert person_visible_to(fresh(organiser), ours)
    assert not person_visible_to(fresh(organiser), theirs)
    assert not person_visible_to(fresh(organiser), None)


def test_without_people_sources_an_organiser_sees_nobody(participants, organiser, professional):
    assert list(people_visible_to(fresh(organiser))) == []


def test_an_admin_sees_everyone_and_a_professional_nobody(
    participants, superuser, professional, programme
):
    participants[programme.pk] = {professional.pk}

    assert professional in people_visible_to(superuser)
    assert list(people_visible_to(professional)) == []
