"""What may this person see? The one place that answers it.

* Admins (superusers) see everything.
* An organiser sees what belongs to the programmes they organise, and people only as
  participants of those programmes' courses and events.
* Everyone else sees nobody (their own data is served elsewhere, by their own views).

Feature apps ask through ``scope_for(user)`` and filter their querysets with
``scope.filter(queryset, "<path to the programmes relation>")``; ``people_visible_to``
answers "which people" from the participation sources the feature apps register
(``register_people_source``), so this module imports no feature app.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from .models import Programme

# name -> function(programme_ids or None for all) -> queryset of person ids
_people_sources: dict[str, Callable[[frozenset[int] | None], QuerySet]] = {}


def register_people_source(name: str, source: Callable[[frozenset[int] | None], QuerySet]):
    """A feature app says who takes part in programmes' work: ``source(ids)`` returns a
    ``values("person_id")``-style queryset of the people taking part in the programmes
    ``ids`` (``None``: any programme)."""
    _people_sources[name] = source
    return source


@dataclass(frozen=True)
class Scope:
    """What one user may see: everything (``everything``), or what belongs to
    ``programme_ids`` (empty: nothing)."""

    everything: bool
    programme_ids: frozenset[int]

    @property
    def nothing(self) -> bool:
        return not self.everything and not self.programme_ids

    def allows(self, programme_ids: Iterable[int]) -> bool:
        """True if anything owned by ``programme_ids`` is visible."""
        return self.everything or bool(self.programme_ids & set(programme_ids))

    def filter(self, queryset: QuerySet, *paths: str) -> QuerySet:
        """``queryset`` narrowed to rows that belong to one of the user's programmes through
        any of ``paths`` (relations to Programme, e.g. ``"course__programme"`` and
        ``"course__shared_with"``). Written as a subquery on the primary key, so a row
        owned by two programmes appears once and ordering, slicing and aggregation are
        untouched."""
        if self.everything:
            return queryset
        if not self.programme_ids:
            return queryset.none()
        condition = Q()
        for path in paths or ("programmes",):
            condition |= Q(**{f"{path}__in": self.programme_ids})
        owned = queryset.model._base_manager.filter(condition).values("pk")
        return queryset.filter(pk__in=owned)

    def programmes(self) -> QuerySet[Programme]:
        if self.everything:
            return Programme.objects.all()
        return Programme.objects.filter(pk__in=self.programme_ids)


def scope_for(user) -> Scope:
    """The scope of ``user``, cached on the user object for the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope(everything=False, programme_ids=frozenset())
    cached = getattr(user, "_linkage_scope", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope(everything=True, programme_ids=frozenset())
    else:
        from people.enums import Role
        from people.roles import user_role

        ids = (
            frozenset(user.organised_programmes.values_list("pk", flat=True))
            if user_role(user) == Role.ORGANISER
            else frozenset()
        )
        scope = Scope(everything=False, programme_ids=ids)
    user._linkage_scope = scope
    return scope


def programmes_for(user) -> QuerySet[Programme]:
    """The programmes ``user`` runs (all of them for an admin)."""
    return scope_for(user).programmes()


def people_visible_to(user) -> QuerySet:
    """The people ``user`` may see: for an organiser, participants of their programmes'
    courses and events (as registered by the feature apps); everyone for an admin."""
    User = get_user_model()
    scope = scope_for(user)
    if scope.everything:
        return User.objects.all()
    if scope.nothing or not _people_sources:
        return User.objects.none()
    condition = Q()
    for _name, source in sorted(_people_sources.items()):
        condition |= Q(pk__in=source(scope.programme_ids))
    return User.objects.filter(condition)


def person_visible_to(user, person) -> bool:
    if person is None:
        return False
    return people_visible_to(user).filter(pk=person.pk).exists()
