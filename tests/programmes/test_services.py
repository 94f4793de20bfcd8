"""programmes/services.py, sections.py, pages.py and signals.py: a programme's Wagtail group,
collection and sections of the page tree, the page rights that follow, pages that follow
their section, and organisers joining and leaving."""

from django.contrib.auth.models import Group

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

import pytest

from courses.enums import Track
from courses.models import CoursePage, CourseSectionPage
from events.models import EventPage, EventSectionPage
from people.enums import Role
from people.roles import GROUP_NAMES, user_role
from programmes.models import Programme
from programmes.sections import programme_sections_ensure, section_for, section_types
from programmes.services import (
    SECTION_PAGE_PERMISSIONS,
    group_name,
    programme_organiser_add,
    programme_organiser_remove,
)
from tests.factories import user_with_role
from tests.factories.events import event_page

pytestmark = pytest.mark.django_db


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_saving_a_programme_creates_its_group_collection_and_sections(indexes):
    programme = Programme.objects.create(name="Kosovo coordination", slug="kosovo")

    programme.refresh_from_db()
    assert programme.group.name == "Programme: Kosovo coordination"
    assert programme.collection.name == "Kosovo coordination"
    assert programme.collection.get_parent() == Collection.get_first_root_node()
    events = section_for(programme=programme, section_model=EventSectionPage)
    courses = section_for(programme=programme, section_model=CourseSectionPage)
    assert (events.get_parent().specific, events.slug, events.live) == (
        indexes["events"],
        "kosovo",
        True,
    )
    assert (courses.get_parent().specific, courses.title) == (
        indexes["courses"],
        "Kosovo coordination",
    )


def test_the_sections_carry_the_groups_page_permissions(programme):
    section = section_for(programme=programme, section_model=EventSectionPage)

    granted = set(
        GroupPagePermission.objects.filter(group=programme.group, page=section).values_list(
            "permission__codename", flat=True
        )
    )

    assert granted == set(SECTION_PAGE_PERMISSIONS)


def test_the_collection_carries_image_and_document_permissions(programme):
    granted = set(
        GroupCollectionPermission.objects.filter(
            group=programme.group, collection=programme.collection
        ).values_list("permission__codename", flat=True)
    )

    assert granted == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }


def test_saving_again_changes_nothing(programme):
    sections = programme_sections_ensure(programme=programme)
    groups, collections = Group.objects.count(), Collection.objects.count()

    programme.save()

    assert programme_sections_ensure(programme=programme) == sections
    assert (Group.objects.count(), Collection.objects.count()) == (groups, collections)
    # One section per listing that exists (courses and events here; no campaigns listing).
    assert (len(sections), len(section_types())) == (2, 3)


def test_renaming_a_programme_renames_its_group_and_collection(programme):
    programme.name = "Lithuanian help centres"
    programme.save()

    programme.refresh_from_db()
    assert (programme.group.name, programme.collection.name) == (
        group_name(programme),
        "Lithuanian help centres",
    )


def test_a_programmes_slug_taken_in_the_listing_gets_a_free_one(indexes):
    from home.models import StandardPage

    # Any page with that slug below the listing (add_child does not check page types).
    indexes["events"].add_child(instance=StandardPage(title="Kosovo", slug="kosovo"))
    programme = Programme.objects.create(name="Kosovo", slug="kosovo")

    section = section_for(programme=programme, section_model=EventSectionPage)

    assert section.slug == "kosovo-2"


@pytest.mark.parametrize("section_model", [EventSectionPage, CourseSectionPage])
def test_an_organiser_edits_and_publishes_pages_of_their_own_section_only(
    section_model, organiser, programme, other_programme
):
    mine = section_for(programme=programme, section_model=section_model)
    theirs = section_for(programme=other_programme, section_model=section_model)
    user = fresh(organiser)

    mine_rights, their_rights = mine.permissions_for_user(user), theirs.permissions_for_user(user)

    assert (mine_rights.can_edit(), mine_rights.can_publish()) == (True, True)
    assert (their_rights.can_edit(), their_rights.can_publish()) == (False, False)
    assert mine_rights.can_add_subpage() is True
    assert their_rights.can_add_subpage() is False


def test_an_organiser_edits_an_event_in_their_section_not_in_anothers(
    organiser, programme, other_programme
):
    mine = event_page(section_for(programme=programme, section_model=EventSectionPage))
    theirs = event_page(section_for(programme=other_programme, section_model=EventSectionPage))
    user = fresh(organiser)

    assert mine.permissions_for_user(user).can_edit()
    assert mine.permissions_for_user(user).can_publish()
    assert not theirs.permissions_for_user(user).can_edit()
    assert not theirs.permissions_for_user(user).can_publish()


def test_an_organiser_cannot_add_pages_at_the_listing_itself(organiser, programme, indexes):
    user = fresh(organiser)

    assert not indexes["events"].permissions_for_user(user).can_add_subpage()
    assert not indexes["courses"].permissions_for_user(user).can_add_subpage()


def test_a_page_belongs_to_the_programme_of_its_section(programme, other_programme, indexes):
    mine = event_page(section_for(programme=programme, section_model=EventSectionPage))
    open_to_all = event_page(indexes["events"], slug="open")

    assert mine.programme == programme
    assert mine.programme_ids() == {programme.pk}
    assert open_to_all.programme is None
    assert open_to_all.programme_ids() == set()


def test_a_page_moved_to_another_section_changes_programme(programme, other_programme):
    event = event_page(section_for(programme=programme, section_model=EventSectionPage))
    theirs = section_for(programme=other_programme, section_model=EventSectionPage)

    event.move(theirs, pos="last-child")

    assert EventPage.objects.get(pk=event.pk).programme == other_programme


def test_a_page_moved_out_of_any_section_belongs_to_no_programme(programme, indexes):
    event = event_page(section_for(programme=programme, section_model=EventSectionPage))
    listing = type(indexes["events"]).objects.get(pk=indexes["events"].pk)

    event.move(listing, pos="last-child")

    assert EventPage.objects.get(pk=event.pk).programme is None


def test_a_course_follows_its_section_too(programme, other_programme):
    course = CoursePage(
        title="Risk assessment", slug="risk", summary="Risk.", tracks=[Track.PROFESSIONAL]
    )
    section_for(programme=programme, section_model=CourseSectionPage).add_child(instance=course)
    theirs = section_for(programme=other_programme, section_model=CourseSectionPage)

    course.move(theirs, pos="last-child")

    assert CoursePage.objects.get(pk=course.pk).programme == other_programme


def test_a_section_moved_to_another_programme_takes_its_pages_along(programme, other_programme):
    section = section_for(programme=programme, section_model=EventSectionPage)
    event = event_page(section)

    section.programme = other_programme
    section.save()

    assert EventPage.objects.get(pk=event.pk).programme == other_programme


def test_adding_an_organiser_gives_the_role_and_the_programmes_group(programme):
    person = user_with_role(Role.PROFESSIONAL, email="ona@example.org")

    programme_organiser_add(programme=programme, user=person)

    person = fresh(person)
    assert user_role(person) == Role.ORGANISER
    assert set(person.groups.values_list("name", flat=True)) == {
        GROUP_NAMES[Role.ORGANISER],
        group_name(programme),
    }
    assert list(person.organised_programmes.all()) == [programme]


def test_adding_an_admin_keeps_them_admin(programme, superuser):
    programme_organiser_add(programme=programme, user=superuser)

    assert user_role(fresh(superuser)) == Role.ADMIN
    assert programme.group in fresh(superuser).groups.all()


def test_an_inactive_account_cannot_become_an_organiser(programme):
    from django.core.exceptions import ValidationError

    person = user_with_role(Role.PROFESSIONAL, email="gone@example.org", is_active=False)

    with pytest.raises(ValidationError):
        programme_organiser_add(programme=programme, user=person)
    assert not programme.organisers.filter(pk=person.pk).exists()


def test_removing_an_organiser_takes_the_group_and_the_rights_away(organiser, programme):
    section = section_for(programme=programme, section_model=EventSectionPage)

    programme_organiser_remove(programme=programme, user=organiser)

    user = fresh(organiser)
    assert programme.group not in user.groups.all()
    assert not section.permissions_for_user(user).can_edit()
    assert user.organised_programmes.count() == 0


def test_organisers_changed_from_the_users_side_keep_the_group_in_step(organiser, programme):
    organiser.organised_programmes.remove(programme)

    assert programme.group not in fresh(organiser).groups.all()

    organiser.organised_programmes.add(programme)

    assert programme.group in fresh(organiser).groups.all()
