"""Knowledge checks as plain data, and grading: pure functions, no database.

A check comes from a ``KnowledgeCheckBlock`` in a lesson body or a course's pre- or
post-test. Questions and answers are identified by their StreamField ids, which stay the
same in every translation. A submission maps question ids to the answer ids chosen.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .enums import CheckKind, QuestionKind


class SubmissionRefused(ValidationError):
    """A submission the server will not grade. ``code`` says why: ``tampered``,
    ``incomplete``, ``attempts``, ``passed``, ``locked``, ``unknown`` or ``not_enrolled``."""


@dataclass(frozen=True)
class Answer:
    id: str
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: str
    answers: tuple[Answer, ...]

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(answer.id for answer in self.answers if answer.correct)

    @property
    def answer_ids(self) -> frozenset[str]:
        return frozenset(answer.id for answer in self.answers)

    @property
    def multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE


@dataclass(frozen=True)
class Check:
    id: str
    kind: str
    title: str
    intro: str
    questions: tuple[Question, ...]
    pass_mark: int
    max_attempts: int  # 0: unlimited

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def shows_feedback(self) -> bool:
        # A pre-test never reveals answers: the post-test often asks the same questions.
        return self.kind != CheckKind.PRE_TEST


@dataclass(frozen=True)
class Grade:
    score: int
    passed: bool
    answers: dict[str, list[str]]
    correct_questions: frozenset[str] = field(default_factory=frozenset)


def _child_id(child, position: int) -> str:
    # Blocks saved through the admin always carry ids; fall back to the position for
    # values built in code without them, so nothing crashes.
    return str(child.id) if getattr(child, "id", None) else str(position)


def check_from_block(bound_block, *, kind: str = CheckKind.LESSON) -> Check:
    """Turn a bound ``knowledge_check`` stream child into a ``Check``."""
    value = bound_block.value
    questions = []
    for q_position, question_child in enumerate(value["questions"].bound_blocks):
        question = question_child.value
        answers = tuple(
            Answer(
                id=_child_id(answer_child, a_position),
                text=answer_child.value["text"],
                correct=bool(answer_child.value["correct"]),
                feedback=answer_child.value.get("feedback") or "",
            )
            for a_position, answer_child in enumerate(question["answers"].bound_blocks)
        )
        questions.append(
            Question(
                id=_child_id(question_child, q_position),
                kind=question["kind"],
                prompt=question["prompt"],
                answers=answers,
            )
        )
    max_attempts = 1 if kind == CheckKind.PRE_TEST else int(value.get("max_attempts") or 0)
    return Check(
        id=str(bound_block.id),
        kind=kind,
        title=value.get("title") or "",
        intro=value.get("intro") or "",
        questions=tuple(questions),
        pass_mark=int(value.get("pass_mark") or 0),
        max_attempts=max_attempts,
    )


def parse_submission(check: Check, data: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Validate submitted answers against the check; return {question id: [answer ids]}.

    ``data`` maps question ids to the answer ids chosen (from ``q-<id>`` form fields).
    Anything the form could not have produced is refused as tampering: a question that
    is not in this check, an answer that belongs to another question, several answers
    to a single-choice question. An unanswered question is refused as incomplete.
    """
    unknown = [key for key in data if check.question(key) is None]
    if unknown:
        raise SubmissionRefused(
            _("This submission contains a question that is not part of this check."),
            code="tampered",
        )
    answers: dict[str, list[str]] = {}
    for question in check.questions:
        chosen = [str(item) for item in data.get(question.id, []) if str(item)]
        if len(set(chosen)) != len(chosen):
            raise SubmissionRefused(
                _("The same answer was sent twice for one question."), code="tampered"
            )
        if any(answer_id not in question.answer_ids for answer_id in chosen):
            raise SubmissionRefused(
                _("An answer was sent for a question it does not belong to."), code="tampered"
            )
        if not question.multiple and len(chosen) > 1:
            raise SubmissionRefused(
                _("Only one answer can be chosen for this question."), code="tampered"
            )
        answers[question.id] = chosen
    if any(not chosen for chosen in answers.values()):
        raise SubmissionRefused(_("Answer every question before you submit."), code="incomplete")
    return answers


def grade(check: Check, answers: Mapping[str, list[str]]) -> Grade:
    """All-or-nothing per question: a multiple-choice question is right when exactly the
    correct answers are chosen. The score is the share of questions right, rounded down,
    so 100 % means every question."""
    correct = frozenset(
        q.id for q in check.questions if frozenset(answers.get(q.id, ())) == q.correct_ids
    )
    total = len(check.questions)
    score = (100 * len(correct)) // total if total else 0
    passed = bool(total) and 100 * len(correct) >= check.pass_mark * total
    return Grade(
        score=score,
        passed=passed,
        answers={q.id: list(answers.get(q.id, ())) for q in check.questions},
        correct_questions=correct,
    )
