"""The courses' part of the ledger's activities (``impact.activities``): a completion's
activity is the course (its original page, like the row's source), of kind ``course``;
organisers may limit an indicator to their programme's courses. Registered at
``CoursesConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from impact.activities import (
    programme_page_options,
    register_activity_kinds,
    register_activity_options,
)

COURSE_ACTIVITY = "course"
ACTIVITY_KINDS = [(COURSE_ACTIVITY, _("Course"))]


def course_options(programme):
    """The programme's courses (owned or shared), each once, by title."""
    from .models import CoursePage

    return programme_page_options(CoursePage, programme)


def register() -> None:
    register_activity_kinds(_("Courses"), ACTIVITY_KINDS)
    register_activity_options(course_options)
