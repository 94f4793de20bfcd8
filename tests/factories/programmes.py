"""Programmes for tests: "Test programme" (the ``organiser`` fixture runs it) and others."""

from programmes.models import Programme
from programmes.services import programme_organiser_add


def programme_make(name: str = "Test programme", slug: str = "test", **fields) -> Programme:
    """The programme called ``name``, created (with its sections, group and collection) if
    it does not exist yet."""
    fields.setdefault("countries", ["LT"])
    fields.setdefault("languages", ["en", "lt"])
    fields.setdefault("time_zone", "Europe/Vilnius")
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        programme = Programme(name=name, slug=slug, **fields)
        programme.full_clean()
        programme.save()
    return programme


def organiser_of(programme: Programme, **user_fields):
    """A new organiser of ``programme``."""
    from people.enums import Role

    from .people import user_with_role

    user = user_with_role(Role.ORGANISER, **user_fields)
    programme_organiser_add(programme=programme, user=user)
    return user
