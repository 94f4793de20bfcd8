"""Which outbox e-mails an organiser may see in the admin and on a programme's dashboard.

An organiser sees an e-mail when both hold:

* it went to one of the people of their programmes (``people_visible_to``): a message to
  an address without an account belongs to nobody's programme, so only admins see it;
* it is about their programmes' work, where its ``source`` tells: a registration (its
  event), a certificate (its programmes), an enrolment (its course, through the tracer the
  courses app registers)... An e-mail whose source says nothing of a programme (an
  invitation to choose a password) is seen by the organisers who may see its recipient.

So a person who takes part in two programmes does not show one programme's organiser the
e-mails about the other's events. Registered with core, which imports no programmes;
imported by ``ProgrammesConfig.ready``.
"""

from collections.abc import Callable, Iterable
from functools import cache, reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from core.outbox import register_visibility

from .models import Programme
from .pages import ProgrammeOwned
from .selectors import people_visible_to, scope_for

# model -> function(programme ids) -> queryset of that model's rows about those programmes,
# for sources that reach a programme other than by a relation (an enrolment's course key).
_tracers: dict[type, Callable[[frozenset[int]], QuerySet]] = {}


def register_outbox_tracer(model: type, rows_about: Callable[[frozenset[int]], QuerySet]):
    _tracers[model] = rows_about
    return rows_about


@cache
def _related_paths() -> tuple[tuple[type, tuple[str, ...]], ...]:
    """Models with a relation to Programme, or to a page that belongs to programmes, and the
    lookups that lead there."""
    from django.apps import apps

    from core.models import OutboxMessage

    traceable = []
    for model in apps.get_models():
        if model is OutboxMessage:
            continue
        paths = []
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is None:
                continue
            related = field.related_model
            if related is Programme:
                paths.append(field.name)
            elif isinstance(related, type) and issubclass(related, ProgrammeOwned):
                paths += [f"{field.name}__programme", f"{field.name}__shared_with"]
        if paths:
            traceable.append((model, tuple(paths)))
    return tuple(traceable)


def about_programmes(queryset: QuerySet, programme_ids: Iterable[int]) -> QuerySet:
    """Outbox messages of ``queryset`` about one of ``programme_ids``, or whose source
    says nothing of any programme."""
    ids = frozenset(programme_ids)
    about = Q(source_type__isnull=True)
    traced_types = []
    sources: list[tuple[type, QuerySet]] = [
        (
            model,
            model._base_manager.filter(reduce(or_, (Q(**{f"{path}__in": ids}) for path in paths))),
        )
        for model, paths in _related_paths()
        if model not in _tracers
    ]
    sources += [(model, rows_about(ids)) for model, rows_about in _tracers.items()]
    for model, rows in sources:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        traced_types.append(content_type.pk)
        keys = rows.order_by().annotate(_key=Cast("pk", CharField())).values("_key")
        about |= Q(source_type_id=content_type.pk, source_id__in=keys)
    about |= ~Q(source_type_id__in=traced_types)
    return queryset.filter(about)


def outbox_visible_in_programmes(user, queryset: QuerySet) -> QuerySet:
    scope = scope_for(user)
    if scope.everything:
        return queryset
    if scope.nothing:
        return queryset.none()
    queryset = queryset.filter(to_user__in=people_visible_to(user).values("pk"))
    return about_programmes(queryset, scope.programme_ids)


register_visibility(outbox_visible_in_programmes)
