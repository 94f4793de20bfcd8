"""The e-mail that tells a learner an organiser enrolled them (outbox kind
``courses.enrolled``, registered in ``CoursesConfig.ready``). Composed when it is sent, in
the learner's language (active while the composer runs): the course's title and address
in that language where the course is published in it."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.addresses import absolute_url, base_url
from core.models import OutboxMessage
from core.outbox import OutboxCancel

from .models import CoursePage, Enrolment


def course_version(*, course_key, language_code: str) -> CoursePage | None:
    """The live course in this language, else its original (or any live version)."""
    versions = list(
        CoursePage.objects.live()
        .filter(translation_key=course_key)
        .select_related("locale")
        .defer_streamfields()
        .order_by("pk")
    )
    for version in versions:
        if version.locale.language_code == language_code:
            return version
    return versions[0] if versions else None


def page_address(page) -> str:
    """The page's full address for an e-mail, on the site's one base URL
    (``core.addresses``), whoever's request queued it."""
    return absolute_url(page.get_url())


def enrolled_compose(message: OutboxMessage) -> EmailMessage:
    enrolment = message.source
    if not isinstance(enrolment, Enrolment):
        raise OutboxCancel(_("The enrolment no longer exists."))
    person = enrolment.person
    course = course_version(
        course_key=enrolment.course_key,
        language_code=translation.get_language() or settings.LANGUAGE_CODE,
    )
    if course is None:
        raise OutboxCancel(_("The course is no longer published."))
    context = {
        "name": person.display_name,
        "enrolled_by": enrolment.enrolled_by.display_name if enrolment.enrolled_by_id else "",
        "title": course.title,
        "url": page_address(course),
        "cohort": enrolment.cohort,
        "invited": not person.has_usable_password(),
        "site_url": base_url(),
    }
    return EmailMessage(
        subject=_("You are enrolled in “%(title)s”") % {"title": course.title},
        body=render_to_string("courses/email/enrolled.txt", context),
    )
