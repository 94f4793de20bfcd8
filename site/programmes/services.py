"""Writes about programmes: their organisers, and the Wagtail rights that follow from them.

Wagtail's own permission system carries the editing rights. Each programme has a group
("Programme: <name>") whose members are its organisers; the group gets page permissions on
the programme's sections of the page tree (granted by the feature app that creates each
section, through ``programme_section_grant``) and image and document permissions on the
programme's own collection.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Programme

SECTION_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add_image", "change_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "change_document", "choose_document")),
)


def group_name(programme: Programme) -> str:
    return f"Programme: {programme.name}"[:150]


def _permission(app_label: str, model: str, codename: str) -> Permission | None:
    return Permission.objects.filter(
        content_type__app_label=app_label, content_type__model=model, codename=codename
    ).first()


@transaction.atomic
def programme_rights_ensure(*, programme: Programme) -> Programme:
    """The programme's group and collection exist, are named after it and carry their
    permissions. Idempotent; runs whenever a programme is saved."""
    from wagtail.models import Collection, GroupCollectionPermission

    changed = []
    group = programme.group
    if group is None:
        group, _created = Group.objects.get_or_create(name=group_name(programme))
        programme.group = group
        changed.append("group")
    elif group.name != group_name(programme):
        group.name = group_name(programme)
        group.save(update_fields=["name"])
    # Organisers reach the admin through their role group; the programme group carries
    # only the programme's own rights.
    collection = programme.collection
    if collection is None:
        root = Collection.get_first_root_node()
        if root is not None:
            collection = root.get_children().filter(name=programme.name).first()
            if collection is None:
                collection = root.add_child(name=programme.name)
            programme.collection = collection
            changed.append("collection")
    elif collection.name != programme.name:
        collection.name = programme.name
        collection.save(update_fields=["name"])
    if collection is not None:
        for app_label, model, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                permission = _permission(app_label, model, codename)
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=collection, permission=permission
                    )
    if changed:
        Programme.objects.filter(pk=programme.pk).update(
            **{name: getattr(programme, name) for name in changed}
        )
    return programme


def programme_section_grant(*, programme: Programme, page) -> None:
    """Give the programme's organisers the right to edit and publish ``page`` and every
    page below it (a feature app calls this for the programme's section of its tree), in
    every language: the same rights on each of the section's translations and aliases,
    below which wagtail-localize keeps the translations and aliases of its pages."""
    from wagtail.models import GroupPagePermission, Page

    programme_rights_ensure(programme=programme)
    pages = Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    permissions = [
        permission
        for codename in SECTION_PAGE_PERMISSIONS
        if (permission := _permission("wagtailcore", "page", codename))
    ]
    granted = set(
        GroupPagePermission.objects.filter(
            group=programme.group, page_id__in=pages, permission__in=permissions
        ).values_list("page_id", "permission_id")
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=programme.group, page_id=page_id, permission=permission)
            for page_id in pages
            for permission in permissions
            if (page_id, permission.pk) not in granted
        ]
    )


def _sync_group(programme: Programme) -> None:
    if programme.group_id is None:
        programme_rights_ensure(programme=programme)
    programme.group.user_set.set(programme.organisers.all())


@transaction.atomic
def programme_organiser_add(*, programme: Programme, user) -> None:
    """Make ``user`` an organiser of ``programme`` (and give them the organiser role)."""
    from people.enums import Role
    from people.roles import role_assign, user_role

    if not user.is_active:
        raise ValidationError(_("This account is not active."))
    if user_role(user) not in (Role.ORGANISER, Role.ADMIN):
        role_assign(user=user, role=Role.ORGANISER)
    programme.organisers.add(user)  # the m2m signal adds them to the programme's group
    if hasattr(user, "_linkage_scope"):
        del user._linkage_scope


@transaction.atomic
def programme_organiser_remove(*, programme: Programme, user) -> None:
    programme.organisers.remove(user)
    if hasattr(user, "_linkage_scope"):
        del user._linkage_scope
