"""Reads about courses: ``learning`` (one learner, one course), ``checks`` (a knowledge
check's state for a learner), ``catalogue`` (across courses) and ``reports`` (for
organisers). Import from here."""

from ..checks import check_from_block
from .catalogue import (
    CatalogueEntry,
    LearnerCourse,
    catalogue,
    catalogue_page,
    person_courses,
    with_lesson_counts,
)
from .checks import CheckState, check_state, course_test_states, find_check
from .learning import (
    LANGUAGE_NAMES,
    Outline,
    OutlineLesson,
    OutlineModule,
    Progress,
    attempts_by_check,
    canonical_course,
    completed_lesson_keys,
    course_checks,
    course_languages,
    course_lesson_keys,
    course_outline,
    course_progress,
    enrolment_for,
    open_cohorts,
    prerequisites_missing,
    resume_lesson,
)
from .reports import (
    annotate_best_scores,
    course_learners,
    course_report,
    learner_export_queryset,
    pre_post_report,
    with_course_progress,
)

__all__ = [
    "LANGUAGE_NAMES",
    "CatalogueEntry",
    "CheckState",
    "LearnerCourse",
    "Outline",
    "OutlineLesson",
    "OutlineModule",
    "Progress",
    "annotate_best_scores",
    "attempts_by_check",
    "canonical_course",
    "catalogue",
    "catalogue_page",
    "check_from_block",
    "check_state",
    "completed_lesson_keys",
    "course_checks",
    "course_languages",
    "course_learners",
    "course_lesson_keys",
    "course_outline",
    "course_progress",
    "course_report",
    "course_test_states",
    "enrolment_for",
    "find_check",
    "learner_export_queryset",
    "open_cohorts",
    "person_courses",
    "pre_post_report",
    "prerequisites_missing",
    "resume_lesson",
    "with_course_progress",
    "with_lesson_counts",
]
