"""Roles are Django groups. This module owns their names and what each may do.

``ensure_role_groups()`` is idempotent; it runs after every migrate (see apps.py) and from
the demo command, so a fresh database always has the groups and their permissions.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .enums import Role

GROUP_NAMES = {
    Role.PROFESSIONAL: "Professionals",
    Role.MENTOR: "Mentors",
    Role.ORGANISER: "Organisers",
}

# (app_label, model, codename) triples. Feature apps add theirs with register_permissions().
_ROLE_PERMISSIONS: dict[str, set[tuple[str, str, str]]] = {
    Role.PROFESSIONAL: {("people", "profile", "use_professional_track")},
    Role.MENTOR: {("people", "profile", "use_mentor_track")},
    Role.ORGANISER: {
        ("wagtailadmin", "admin", "access_admin"),
        ("people", "profile", "view_profile"),
        ("people", "organisation", "add_organisation"),
        ("people", "organisation", "change_organisation"),
        ("people", "organisation", "view_organisation"),
        ("people", "region", "add_region"),
        ("people", "region", "change_region"),
        ("people", "region", "view_region"),
        ("impact", "participation", "view_participation"),
        ("impact", "participation", "export_participation"),
        # wagtail-localize's "Translate this page": into the trees where the programme's
        # group may edit (its sections' translations and aliases, programmes.services).
        ("wagtail_localize", "translation", "submit_translation"),
    },
}

# Organisers edit pages, images and documents only through their programmes' groups (see
# programmes.services): the role group itself has no page or collection permission, and
# any left from an older version is taken away.


def register_permissions(role: str, *perms: tuple[str, str, str]) -> None:
    """Feature apps call this from AppConfig.ready() to grant a role their permissions."""
    _ROLE_PERMISSIONS.setdefault(role, set()).update(perms)


def _permission(app_label: str, model: str, codename: str) -> Permission | None:
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        return None
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def ensure_role_groups() -> dict[str, Group]:
    groups = {}
    for role, name in GROUP_NAMES.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = [p for p in (_permission(*t) for t in _ROLE_PERMISSIONS.get(role, ())) if p]
        group.permissions.add(*perms)
        groups[role] = group
    _revoke_site_wide_wagtail_permissions(groups[Role.ORGANISER])
    return groups


def _revoke_site_wide_wagtail_permissions(group: Group) -> None:
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()


def user_role(user) -> str:
    """The person's main role: admin > organiser > mentor > professional ('' if none)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    if user.is_superuser:
        return Role.ADMIN
    cached = getattr(user, "_linkage_role", None)
    if cached is not None:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    role = ""
    for candidate in (Role.ORGANISER, Role.MENTOR, Role.PROFESSIONAL):
        if GROUP_NAMES[candidate] in names:
            role = candidate
            break
    user._linkage_role = role
    return role


def role_assign(*, user, role: str) -> None:
    """Give a person a role (replacing any other role group)."""
    groups = ensure_role_groups()
    user.groups.remove(*groups.values())
    if role in groups:
        user.groups.add(groups[role])
    user._linkage_role = None
    if hasattr(user, "_linkage_role"):
        del user._linkage_role


def needs_two_factor(user) -> bool:
    return user_role(user) in (Role.ORGANISER, Role.ADMIN)
