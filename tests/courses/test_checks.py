"""courses/checks.py: knowledge checks as data, tamper-proof parsing, grading."""

import pytest

from courses.checks import Answer, Check, Question, SubmissionRefused, grade, parse_submission
from courses.enums import CheckKind, QuestionKind


def make_check(pass_mark=50) -> Check:
    return Check(
        id="check-1",
        kind=CheckKind.LESSON,
        title="Check",
        intro="",
        pass_mark=pass_mark,
        max_attempts=3,
        questions=(
            Question(
                id="q1",
                kind=QuestionKind.SINGLE,
                prompt="Whose safety comes first?",
                answers=(Answer("a1", "The survivor's", True), Answer("a2", "The agency's", False)),
            ),
            Question(
                id="q2",
                kind=QuestionKind.MULTIPLE,
                prompt="Which sectors take part?",
                answers=(
                    Answer("b1", "Health", True),
                    Answer("b2", "Police", True),
                    Answer("b3", "Nobody", False),
                ),
            ),
        ),
    )


def test_parse_submission_accepts_answers_that_belong_to_their_questions():
    answers = parse_submission(make_check(), {"q1": ["a1"], "q2": ["b1", "b2"]})

    assert answers == {"q1": ["a1"], "q2": ["b1", "b2"]}


def test_parse_submission_refuses_an_answer_from_another_question():
    with pytest.raises(SubmissionRefused) as refused:
        parse_submission(make_check(), {"q1": ["b1"], "q2": ["b2"]})

    assert refused.value.code == "tampered"
    assert refused.value.messages == ["An answer was sent for a question it does not belong to."]


def test_parse_submission_refuses_an_unknown_question():
    with pytest.raises(SubmissionRefused) as refused:
        parse_submission(make_check(), {"q1": ["a1"], "q2": ["b1"], "q9": ["a1"]})

    assert refused.value.code == "tampered"


def test_parse_submission_refuses_two_answers_to_a_single_choice_question():
    with pytest.raises(SubmissionRefused) as refused:
        parse_submission(make_check(), {"q1": ["a1", "a2"], "q2": ["b1"]})

    assert refused.value.code == "tampered"


def test_parse_submission_refuses_the_same_answer_twice():
    with pytest.raises(SubmissionRefused) as refused:
        parse_submission(make_check(), {"q1": ["a1"], "q2": ["b1", "b1"]})

    assert refused.value.code == "tampered"


def test_parse_submission_asks_for_every_question():
    with pytest.raises(SubmissionRefused) as refused:
        parse_submission(make_check(), {"q1": ["a1"]})

    assert refused.value.code == "incomplete"


def test_grade_multiple_choice_is_all_or_nothing():
    result = grade(make_check(), {"q1": ["a1"], "q2": ["b1"]})

    assert (result.score, result.passed, result.correct_questions) == (50, True, frozenset({"q1"}))


def test_grade_below_the_pass_mark_fails():
    result = grade(make_check(pass_mark=51), {"q1": ["a1"], "q2": ["b1"]})

    assert (result.score, result.passed) == (50, False)


def test_grade_rounds_the_score_down_so_100_means_every_question():
    check = make_check(pass_mark=100)
    three = Check(
        **{
            **check.__dict__,
            "questions": check.questions
            + (
                check.questions[0].__class__(
                    id="q3",
                    kind=QuestionKind.TRUE_FALSE,
                    prompt="True?",
                    answers=(Answer("c1", "True", True), Answer("c2", "False", False)),
                ),
            ),
        }
    )

    result = grade(three, {"q1": ["a1"], "q2": ["b1", "b2"], "q3": ["c2"]})

    assert (result.score, result.passed) == (66, False)
