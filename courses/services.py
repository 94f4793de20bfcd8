"""Writes about courses: enrolment, lesson completion, knowledge-check attempts, and the
completion that follows the moment the last requirement is met.

Completion is never left to a scheduled job: every write that can meet a requirement
(`lesson_complete`, `check_submit`) calls `enrolment_refresh_completion` in the same
transaction, which records the ledger row, issues the certificate and, after commit,
queues the e-mail. Both carry the course's programmes.

Organisers enrol people in bulk (`enrolments_by_organiser`, and the import in
`resources`): someone without an account is invited, and every learner they enrol is told
by e-mail (`enrolments_notify`, outbox messages of kind `courses.enrolled`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from uuid import UUID

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.outbox import outbox_enqueue_many
from impact.enums import ParticipationKind
from impact.services import participation_record
from people.models import User

from . import checks as grading
from .checks import SubmissionRefused
from .enums import CheckKind, CompletionMethod, EnrolmentSource
from .impact_activities import COURSE_ACTIVITY
from .models import CheckAttempt, CohortRun, CoursePage, Enrolment, LessonCompletion, LessonPage
from .selectors import (
    canonical_course,
    course_programme_ids,
    course_progress,
    find_check,
    prerequisites_missing,
)

# The outbox kind of the e-mail that tells a learner an organiser enrolled them.
ENROLLED_KIND = "courses.enrolled"

# Reopening the lesson last opened within this time is not recorded again.
VISIT_RESOLUTION = timedelta(minutes=5)


class PrerequisitesMissing(ValidationError):
    """Enrolment refused: the person has not completed the courses this one requires.

    ``courses`` are the missing courses (in the course's language where possible), so a
    view can link to them; ``message_html`` says the same with links."""

    def __init__(self, courses: list[CoursePage]):
        self.courses = courses
        titles = ", ".join(f"“{course.title}”" for course in courses)
        super().__init__(
            ngettext(
                "This course requires %(courses)s. Complete it first.",
                "This course requires %(courses)s. Complete them first.",
                len(courses),
            )
            % {"courses": titles},
            code="prerequisites",
        )

    def message_html(self, request=None) -> str:
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((course.get_url(request) or "", course.title) for course in self.courses),
        )
        return format_html(
            ngettext(
                "This course requires {}. Complete it first.",
                "This course requires {}. Complete them first.",
                len(self.courses),
            ),
            links,
        )


# --- Enrolment ------------------------------------------------------------------------------


def enrolment_check(*, course: CoursePage, person, cohort: CohortRun | None = None) -> None:
    """Raise ValidationError if this person may not enrol in this course (in this cohort).
    ``person`` None is someone without an account yet (about to be invited): they have
    completed nothing, so a course with prerequisites refuses them."""
    if not course.live:
        raise ValidationError(_("This course is not open for enrolment."), code="closed")
    if person is not None and not person.is_active:
        raise ValidationError(_("This account is not active."), code="inactive")
    missing = prerequisites_missing(course=course, person=person)
    if missing:
        raise PrerequisitesMissing(missing)
    if cohort is not None:
        if cohort.course_key != course.translation_key:
            raise ValidationError(_("That cohort belongs to another course."), code="cohort")
        if cohort.has_ended:
            raise ValidationError(
                _("The cohort “%(cohort)s” has already ended.") % {"cohort": cohort.title},
                code="cohort_ended",
            )


def enrolment_create(
    *,
    course: CoursePage,
    person,
    by=None,
    cohort: CohortRun | None = None,
    source: str = EnrolmentSource.SELF,
) -> tuple[Enrolment, bool]:
    """Enrol a person; return (enrolment, created). Enrolling twice returns the first
    enrolment, in whichever language of the course it was made."""
    existing = Enrolment.objects.filter(person=person, course_key=course.translation_key).first()
    if existing is not None:
        return existing, False
    enrolment_check(course=course, person=person, cohort=cohort)
    enrolment = Enrolment(
        person=person,
        course_key=course.translation_key,
        cohort=cohort,
        source=source,
        enrolled_by=by,
    )
    enrolment.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            enrolment.save(force_insert=True)
    except IntegrityError:
        # A double click: the other request enrolled them a moment ago.
        return Enrolment.objects.get(person=person, course_key=course.translation_key), False
    return enrolment, True


def person_language(person) -> str:
    """The language a person reads their e-mail in: their profile's, else the site's."""
    profile = getattr(person, "profile", None) if person is not None else None
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE


def course_language(course: CoursePage) -> str:
    """The language of a course's page, as one of the site's languages (for the invitation
    of someone enrolled in it), else the language of whoever is working."""
    languages = {code for code, _name in settings.LANGUAGES}
    code = course.locale.language_code
    if code in languages:
        return code
    current = translation.get_language() or settings.LANGUAGE_CODE
    return current if current in languages else settings.LANGUAGE_CODE


def enrolments_notify(*, enrolments: Iterable[Enrolment]) -> None:
    """Tell each learner by e-mail that an organiser enrolled them (once per enrolment: the
    outbox key), in their language, after the transaction commits. A few queries whatever
    the number (read the enrolments with ``person__profile``)."""
    outbox_enqueue_many(
        kind=ENROLLED_KIND,
        messages=[
            {
                "key": f"courses:enrolled:{enrolment.pk}",
                "source": enrolment,
                "to_user": enrolment.person,
                "language": person_language(enrolment.person),
            }
            for enrolment in enrolments
        ],
    )


@dataclass
class OrganiserEnrolment:
    """What ``enrolments_by_organiser`` did for one e-mail address."""

    email: str
    person: object
    enrolment: Enrolment
    created: bool
    invited: bool


def _refused_learner(email: str, line, refusal: ValidationError) -> str:
    where = _("Line %(line)d (%(email)s)") % {"line": line, "email": email} if line else email
    return f"{where}: {' '.join(refusal.messages)}"


@transaction.atomic
def enrolments_by_organiser(
    *,
    course: CoursePage,
    entries: Iterable[tuple],
    by,
    cohort: CohortRun | None = None,
    source: str = EnrolmentSource.ORGANISER,
) -> list[OrganiserEnrolment]:
    """An organiser enrols people: ``entries`` are (e-mail, name) or (e-mail, name, line)
    tuples. Someone without an account gets one, with an invitation e-mail in the course's
    language (``people.invitations``); everyone newly enrolled is told by e-mail. All or
    nothing: any refusal (prerequisites, an inactive account, a cohort) refuses the lot,
    naming each person refused.

    Refused with PermissionDenied when ``by`` may not see this course's learners (the
    organiser of another programme)."""
    from people.invitations import normalise_email, person_invite_many

    from .selectors import course_visible_to

    if not course_visible_to(by, course):
        raise PermissionDenied(_("This course belongs to another programme."))
    wanted: dict[str, tuple[str, object]] = {}
    for entry in entries:
        email, name, line = (*entry, None)[:3]
        wanted.setdefault(normalise_email(email), ((name or "").strip(), line))
    if not wanted:
        return []
    people = {
        person.email_lower: person
        for person in User.objects.select_related("profile")
        .annotate(email_lower=Lower("email"))
        .filter(email_lower__in=list(wanted))
    }
    existing = {
        enrolment.person_id: enrolment
        for enrolment in Enrolment.objects.filter(
            course_key=course.translation_key, person__in=list(people.values())
        )
    }
    refusals = []
    for email, (_name, line) in wanted.items():
        person = people.get(email)
        if person is not None and person.pk in existing:
            continue
        try:
            enrolment_check(course=course, person=person, cohort=cohort)
        except ValidationError as refusal:
            refusals.append(_refused_learner(email, line, refusal))
    if refusals:
        raise ValidationError(refusals, code="refused")
    new = [(email, name) for email, (name, _line) in wanted.items() if email not in people]
    if new:
        people.update(
            person_invite_many(entries=new, invited_by=by, language=course_language(course))
        )
    # An address in ``new`` may still lead to an account (one its owner added and
    # confirmed): only an account without a password was made now.
    invited = {email for email, _name in new if not people[email].has_usable_password()}
    done = []
    for email in wanted:
        person = people[email]
        enrolment = existing.get(person.pk)
        created = False
        if enrolment is None:
            enrolment, created = enrolment_create(
                course=course, person=person, by=by, cohort=cohort, source=source
            )
        done.append(
            OrganiserEnrolment(
                email=email,
                person=person,
                enrolment=enrolment,
                created=created,
                invited=email in invited,
            )
        )
    enrolments_notify(
        enrolments=Enrolment.objects.filter(
            pk__in=[row.enrolment.pk for row in done if row.created]
        ).select_related("person__profile")
    )
    return done


def lesson_visit(*, enrolment: Enrolment, lesson: LessonPage) -> None:
    """Remember the lesson a learner opened, for "resume where I left off". Reopening the
    same lesson within a few minutes writes nothing (a reload is not new activity)."""
    now = timezone.now()
    if (
        enrolment.last_lesson_key == lesson.translation_key
        and enrolment.last_activity_at is not None
        and now - enrolment.last_activity_at < VISIT_RESOLUTION
    ):
        return
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson_key=lesson.translation_key, last_activity_at=now
    )
    enrolment.last_lesson_key, enrolment.last_activity_at = lesson.translation_key, now


# --- Progress -------------------------------------------------------------------------------


def _course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(path=lesson.path[: -lesson.steplen])


def _record_lesson(*, enrolment: Enrolment, lesson_key: UUID, method: str) -> LessonCompletion:
    existing = LessonCompletion.objects.filter(enrolment=enrolment, lesson_key=lesson_key).first()
    if existing is not None:
        return existing
    completion = LessonCompletion(enrolment=enrolment, lesson_key=lesson_key, method=method)
    completion.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            completion.save(force_insert=True)
    except IntegrityError:
        return LessonCompletion.objects.get(enrolment=enrolment, lesson_key=lesson_key)
    return completion


@transaction.atomic
def lesson_complete(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    method: str = CompletionMethod.MARKED,
    course: CoursePage | None = None,
) -> LessonCompletion:
    """Mark a lesson done. A lesson with a knowledge check is done only when it is passed."""
    if lesson.course_key != enrolment.course_key:
        raise ValidationError(_("This lesson belongs to another course."), code="tampered")
    if not lesson.live:
        raise ValidationError(_("This lesson is not published."), code="closed")
    if method == CompletionMethod.MARKED and lesson.check_blocks():
        raise ValidationError(
            _("Pass this lesson's knowledge check to complete it."), code="needs_check"
        )
    completion = _record_lesson(
        enrolment=enrolment, lesson_key=lesson.translation_key, method=method
    )
    enrolment_refresh_completion(enrolment=enrolment, course=course or _course_of(lesson))
    return completion


def check_submit(
    *,
    enrolment: Enrolment | None,
    page,
    block_id: str,
    data: Mapping[str, list[str]],
    attempt_number: int | None = None,
    course: CoursePage | None = None,
) -> CheckAttempt:
    """Grade one attempt at a knowledge check on the server and record it.

    ``page`` is the lesson or course page the check is on and ``block_id`` its block id;
    ``data`` maps question ids to the answer ids chosen. Refused with SubmissionRefused
    (nothing recorded) when the learner is not enrolled, the check does not exist, the
    attempts are used up or already passed, the check is not open yet, or the answers
    could not have come from the form.
    """
    if enrolment is None:
        raise SubmissionRefused(_("Enrol in the course to take its checks."), code="not_enrolled")
    page = page.specific
    page_course_key = page.course_key
    if page_course_key != enrolment.course_key:
        raise SubmissionRefused(_("This check belongs to another course."), code="tampered")
    check, lesson = find_check(page=page, block_id=block_id)
    if course is None:
        course = page if isinstance(page, CoursePage) else _course_of(page)

    with transaction.atomic():
        # One attempt at a time per learner: the row lock orders concurrent submissions.
        Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
        previous = list(
            CheckAttempt.objects.filter(enrolment=enrolment, check_key=check.id).order_by("number")
        )
        _refuse_if_closed(enrolment=enrolment, course=course, check=check, previous=previous)
        if attempt_number is not None and attempt_number != len(previous) + 1:
            raise SubmissionRefused(
                _("This attempt was already submitted. Your result is shown below."),
                code="resubmitted",
            )
        answers = grading.parse_submission(check, data)
        result = grading.grade(check, answers)
        attempt = CheckAttempt(
            enrolment=enrolment,
            check_key=check.id,
            kind=check.kind,
            lesson_key=lesson.translation_key if lesson is not None else None,
            number=len(previous) + 1,
            score=result.score,
            passed=result.passed,
            answers=result.answers,
        )
        attempt.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                attempt.save(force_insert=True)
        except IntegrityError as error:
            raise SubmissionRefused(
                _("This attempt was already submitted. Your result is shown below."),
                code="resubmitted",
            ) from error
        if lesson is not None and result.passed and _lesson_checks_passed(enrolment, lesson):
            _record_lesson(
                enrolment=enrolment,
                lesson_key=lesson.translation_key,
                method=CompletionMethod.CHECK,
            )
        enrolment_refresh_completion(enrolment=enrolment, course=course)
    return attempt


def _refuse_if_closed(*, enrolment, course, check, previous) -> None:
    if any(attempt.passed for attempt in previous) and check.kind != CheckKind.PRE_TEST:
        raise SubmissionRefused(_("You have already passed this check."), code="passed")
    if check.max_attempts and len(previous) >= check.max_attempts:
        raise SubmissionRefused(
            ngettext(
                "You have used the only attempt at this check.",
                "You have used all %(count)d attempts at this check.",
                check.max_attempts,
            )
            % {"count": check.max_attempts},
            code="attempts",
        )
    if check.kind == CheckKind.PRE_TEST:
        if enrolment.attempts.filter(kind=CheckKind.POST_TEST).exists():
            raise SubmissionRefused(
                _("The pre-test closes once you have started the post-test."), code="locked"
            )
    elif check.kind == CheckKind.POST_TEST:
        progress = course_progress(enrolment=enrolment, course=course)
        if progress.has_pre_test and not progress.pre_test_done:
            raise SubmissionRefused(_("Take the pre-test first."), code="locked")
        if not progress.lessons_complete:
            raise SubmissionRefused(
                _("The post-test opens when every lesson is complete."), code="locked"
            )


def _lesson_checks_passed(enrolment: Enrolment, lesson: LessonPage) -> bool:
    keys = {str(block.id) for block in lesson.check_blocks()}
    passed = set(
        CheckAttempt.objects.filter(enrolment=enrolment, check_key__in=keys, passed=True)
        .values_list("check_key", flat=True)
        .distinct()
    )
    return keys <= passed


# --- Completion -----------------------------------------------------------------------------


@transaction.atomic
def enrolment_refresh_completion(*, enrolment: Enrolment, course: CoursePage | None = None) -> bool:
    """Complete the enrolment if every requirement is now met; return True if it was
    completed by this call.

    Completing writes one ``course_completed`` ledger row (source: the course's original
    page, so a person counts once per course whatever the language), issues the
    certificate and, after commit, queues its e-mail. Safe to call any number of times.
    """
    locked = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("person__profile")
        .filter(pk=enrolment.pk)
        .first()
    )
    if locked is None or locked.completed_at is not None:
        return False
    original = canonical_course(course_key=locked.course_key)
    course = course or original
    if course is None or not course_progress(enrolment=locked, course=course).requirements_met:
        return False
    now = timezone.now()
    # The programmes whose work this was (the course's owner and those sharing it, in
    # every language): the ledger row and the certificate keep them.
    programmes = course_programme_ids(course_key=locked.course_key)
    participation_record(
        kind=ParticipationKind.COURSE_COMPLETED,
        source=original,
        person=locked.person,
        occurred_at=now,
        programmes=programmes,
        # The activity is the course itself (its original page, as the source).
        activity_kind=COURSE_ACTIVITY,
    )
    certificate = _certificate_issue(
        enrolment=locked, original=original or course, completed_at=now, programmes=programmes
    )
    locked.completed_at, locked.certificate_code = now, certificate.code
    locked.save(update_fields=["completed_at", "certificate_code"])
    enrolment.completed_at, enrolment.certificate_code = now, certificate.code
    transaction.on_commit(partial(_certificate_email_enqueue, certificate=certificate))
    return True


# The certificates app is imported where it is used, so this module (and with it the
# whole site) loads even while that app is being built alongside this one.


def course_in_language(*, original: CoursePage, language: str) -> CoursePage:
    """The course as written in ``language``: its live translation there, never an alias
    (which only shows the original), else the original."""
    translated = (
        CoursePage.objects.live()
        .filter(
            translation_key=original.translation_key,
            locale__language_code=language,
            alias_of__isnull=True,
        )
        .defer_streamfields()
        .first()
    )
    return translated or original


def _certificate_issue(*, enrolment: Enrolment, original: CoursePage, completed_at, programmes):
    """The course's certificate in the learner's language (her profile's, else the one she
    completed it in): the course's title as written in that language and its length."""
    from certificates.enums import CertificateKind
    from certificates.services import certificate_issue, holder_language

    language = holder_language(enrolment.person)
    course = course_in_language(original=original, language=language)
    return certificate_issue(
        subject=enrolment,
        holder=enrolment.person,
        holder_name=enrolment.person.display_name,
        title=course.title,
        kind=CertificateKind.COURSE_COMPLETION,
        completed_on=timezone.localdate(completed_at),
        programmes=programmes,
        language=language,
        duration_minutes=course.duration_minutes,
    )


def _certificate_email_enqueue(*, certificate) -> None:
    from certificates.tasks import certificate_email_enqueue

    certificate_email_enqueue(certificate=certificate)
