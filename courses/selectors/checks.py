"""The state of a knowledge check for one learner: attempts, what they may do now, and
the feedback to show. Also finds a check by its block id, refusing unknown ids."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from ..checks import Check, SubmissionRefused, check_from_block
from ..enums import CheckKind
from ..models import CheckAttempt, CoursePage, LessonPage
from .learning import Progress


def find_check(*, page, block_id: str) -> tuple[Check, LessonPage | None]:
    """The knowledge check with this block id on a lesson or course page, and the lesson
    it belongs to (None for a pre- or post-test). Refuses an unknown id."""
    page = page.specific
    if isinstance(page, LessonPage):
        for block in page.check_blocks():
            if str(block.id) == str(block_id):
                return check_from_block(block, kind=CheckKind.LESSON), page
    elif isinstance(page, CoursePage):
        for kind in (CheckKind.PRE_TEST, CheckKind.POST_TEST):
            block = page.test_block(kind)
            if block is not None and str(block.id) == str(block_id):
                return check_from_block(block, kind=kind), None
    raise SubmissionRefused(
        _("This knowledge check does not exist; it may have just been changed. Reload the page."),
        code="unknown",
    )


@dataclass
class QuestionFeedback:
    question: object
    chosen: list
    right: bool
    reveal: bool  # mark the correct answers too


@dataclass
class CheckState:
    check: Check
    attempts: list[CheckAttempt]
    action: str
    enrolled: bool
    locked_reason: str = ""
    page_url: str = ""  # where the check is taken (pre- and post-tests have their own page)

    @property
    def last(self) -> CheckAttempt | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def passed(self) -> bool:
        return any(attempt.passed for attempt in self.attempts)

    @property
    def used(self) -> int:
        return len(self.attempts)

    @property
    def remaining(self) -> int | None:
        if not self.check.max_attempts:
            return None
        return max(0, self.check.max_attempts - self.used)

    @property
    def next_number(self) -> int:
        return self.used + 1

    @property
    def finished(self) -> bool:
        if self.check.kind == CheckKind.PRE_TEST:
            return self.used > 0
        return self.passed or self.remaining == 0

    @property
    def can_submit(self) -> bool:
        return self.enrolled and not self.locked_reason and not self.finished

    @property
    def feedback(self) -> list[QuestionFeedback]:
        """Per question of the last attempt: right or not, and the feedback of each answer
        chosen. Correct answers are revealed only once the check is finished; a pre-test
        reveals nothing."""
        last = self.last
        if last is None or not self.check.shows_feedback:
            return []
        rows = []
        for question in self.check.questions:
            chosen_ids = list(last.answers.get(question.id, []))
            chosen = [answer for answer in question.answers if answer.id in chosen_ids]
            rows.append(
                QuestionFeedback(
                    question=question,
                    chosen=chosen,
                    right=frozenset(chosen_ids) == question.correct_ids,
                    reveal=self.finished,
                )
            )
        return rows


def check_state(
    *, check: Check, attempts, enrolment, action: str, locked_reason: str = ""
) -> CheckState:
    return CheckState(
        check=check,
        attempts=list(attempts),
        action=action,
        enrolled=enrolment is not None,
        locked_reason=locked_reason,
    )


def course_test_states(
    *, course: CoursePage, enrolment, progress: Progress, attempts, course_url: str = ""
) -> list[CheckState]:
    """The pre-test and post-test of a course with what the learner may do now."""
    states = []
    post_started = any(a.kind == CheckKind.POST_TEST for group in attempts.values() for a in group)
    for kind in (CheckKind.PRE_TEST, CheckKind.POST_TEST):
        block = course.test_block(kind)
        if block is None:
            continue
        check = check_from_block(block, kind=kind)
        locked = ""
        if kind == CheckKind.PRE_TEST and post_started:
            locked = _("The pre-test closed when you started the post-test.")
        if kind == CheckKind.POST_TEST:
            if progress.has_pre_test and not progress.pre_test_done:
                locked = _("Take the pre-test first.")
            elif not progress.lessons_complete:
                locked = _("The post-test opens when every lesson is complete.")
        state = check_state(
            check=check,
            attempts=attempts.get(check.id, []),
            enrolment=enrolment,
            action=reverse(
                "courses:check_submit", kwargs={"page_id": course.pk, "block_id": check.id}
            ),
            locked_reason=locked,
        )
        route = "pre_test" if kind == CheckKind.PRE_TEST else "post_test"
        state.page_url = course_url + course.reverse_subpage(route) if course_url else ""
        states.append(state)
    return states
