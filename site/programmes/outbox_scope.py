"""Which outbox e-mails an organiser may see in the admin: those to the people of their
programmes (``people_visible_to``). A message to an address without an account belongs to
nobody's programme, so only admins see it. Registered with core, which imports no
programmes; imported by ``ProgrammesConfig.ready``."""

from django.db.models import QuerySet

from core.outbox import register_visibility

from .selectors import people_visible_to, scope_for


def outbox_visible_in_programmes(user, queryset: QuerySet) -> QuerySet:
    scope = scope_for(user)
    if scope.everything:
        return queryset
    if scope.nothing:
        return queryset.none()
    return queryset.filter(to_user__in=people_visible_to(user).values("pk"))


register_visibility(outbox_visible_in_programmes)
