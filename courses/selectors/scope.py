"""Which courses, cohorts and learners an organiser may see: ``programmes.selectors``'s
rule applied to courses.

A course belongs to the programmes of its pages: the programme whose section holds it
(``programme``) and those it is shared with (``shared_with``). Learners' records are keyed
on the course's ``translation_key``, so a course is visible in every language once any
of its versions belongs to one of the organiser's programmes. A course outside every
programme (placed directly in the catalogue) is for admins only.
"""

from uuid import UUID

from django.db.models import Q, QuerySet

from programmes.selectors import scope_for

from ..models import CohortRun, CoursePage, Enrolment

_KEYS_ATTR = "_linkage_course_keys"


def programme_course_keys(programme_ids) -> QuerySet:
    """The ``translation_key`` of every course that belongs to one of ``programme_ids``
    (``None``: to any programme), as a subquery."""
    if programme_ids is None:
        condition = Q(programme__isnull=False) | Q(shared_with__isnull=False)
    else:
        ids = list(programme_ids)
        condition = Q(programme__in=ids) | Q(shared_with__in=ids)
    return CoursePage.objects.filter(condition).order_by().values("translation_key")


def course_people(programme_ids) -> QuerySet:
    """The people source registered with ``programmes.selectors``: everyone enrolled in a
    course of ``programme_ids`` (``None``: of any programme)."""
    return Enrolment.objects.filter(course_key__in=programme_course_keys(programme_ids)).values(
        "person_id"
    )


def courses_visible_to(user) -> QuerySet:
    """Course pages (every language) whose learners ``user`` may see."""
    scope = scope_for(user)
    if scope.everything:
        return CoursePage.objects.all()
    if scope.nothing:
        return CoursePage.objects.none()
    return CoursePage.objects.filter(translation_key__in=programme_course_keys(scope.programme_ids))


def course_keys_visible_to(user) -> frozenset[UUID] | None:
    """The ``translation_key`` of every course ``user`` may see (``None``: all of them),
    read once and kept on the user object for the request: for checks made once per row,
    such as the buttons of a page listing."""
    scope = scope_for(user)
    if scope.everything:
        return None
    # Kept with the scope it was read for: adding or removing an organiser drops the
    # user's cached scope, and with it these keys.
    cached_scope, keys = getattr(user, _KEYS_ATTR, (None, None))
    if cached_scope is not scope:
        keys = frozenset()
        if not scope.nothing:
            keys = frozenset(
                programme_course_keys(scope.programme_ids).values_list("translation_key", flat=True)
            )
        setattr(user, _KEYS_ATTR, (scope, keys))
    return keys


def course_visible_to(user, course) -> bool:
    keys = course_keys_visible_to(user)
    return keys is None or course.translation_key in keys


def course_for(*, user, page_id: int) -> CoursePage | None:
    """The course with this page id if ``user`` may see its learners, else None (the
    caller answers 404: a course id guessed from another programme is not revealed)."""
    return courses_visible_to(user).filter(pk=page_id).first()


def cohorts_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """Cohort runs (of ``queryset``, default: all) of the courses ``user`` may see."""
    queryset = CohortRun.objects.all() if queryset is None else queryset
    scope = scope_for(user)
    if scope.everything:
        return queryset
    if scope.nothing:
        return queryset.none()
    return queryset.filter(course_key__in=programme_course_keys(scope.programme_ids))


def course_programme_ids(*, course_key: UUID) -> set[int]:
    """Every programme a course belongs to, across its languages (owner and shared): what
    the ledger and certificates record with a completion. One query."""
    ids: set[int] = set()
    for owner, shared in CoursePage.objects.filter(translation_key=course_key).values_list(
        "programme_id", "shared_with"
    ):
        ids.update(pk for pk in (owner, shared) if pk is not None)
    return ids
