"""The programmes' own short courses (content.PROGRAMME_COURSES): a step of its own,
after the curriculum courses, so that every demo programme has a course in its section:
the Kosovo mechanisms' course (also in Albanian) and the SE European coalition's."""

from home.demo_data import register_demo_step

from ..models import CoursePage
from . import build_course, content, course_catalogue, enrol_learners
from .languages import course_translate


def load_demo_programme_courses(*, stdout) -> None:
    index = course_catalogue()
    courses = {course.slug: course for course in CoursePage.objects.filter(locale=index.locale)}
    built = [build_course(index, spec, courses) for spec in content.PROGRAMME_COURSES]
    courses.update({course.slug: course for course in built})
    course_translate(
        courses[content.MECHANISMS["slug"]], content.MECHANISMS, content.MECHANISMS_SQ, "sq"
    )
    enrol_learners(courses, stdout, content.PROGRAMME_LEARNERS)
    for course in built:
        stdout.write(f"  course {course.title} at {course.url}")
    stdout.write(f"Courses: {len(built)} programme courses")


register_demo_step(load_demo_programme_courses, order=210)
