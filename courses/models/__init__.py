"""Courses: pages (catalogue, course, lesson) and what learners do with them."""

from .learning import CheckAttempt, CohortRun, Enrolment, LessonCompletion
from .pages import (
    CourseIndexPage,
    CourseModule,
    CoursePage,
    CoursePrerequisite,
    CourseSectionPage,
    LessonPage,
)

__all__ = [
    "CourseSectionPage",
    "CheckAttempt",
    "CohortRun",
    "CourseIndexPage",
    "CourseModule",
    "CoursePage",
    "CoursePrerequisite",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
]
