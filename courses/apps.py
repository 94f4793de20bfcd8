from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

ORGANISER_PERMISSIONS = (
    ("courses", "enrolment", "view_enrolment"),
    ("courses", "enrolment", "add_enrolment"),
    ("courses", "enrolment", "export_enrolment"),
    ("courses", "enrolment", "import_enrolment"),
    ("courses", "cohortrun", "view_cohortrun"),
    ("courses", "cohortrun", "add_cohortrun"),
    ("courses", "cohortrun", "change_cohortrun"),
    ("courses", "cohortrun", "delete_cohortrun"),
)


def _lesson_moved(sender, instance, parent_page_after=None, **kwargs):
    """A lesson moved to another course now counts toward that course."""
    from .models import LessonPage

    if parent_page_after is not None and instance.specific_class is LessonPage:
        LessonPage.objects.filter(pk=instance.pk).update(
            course_key=parent_page_after.translation_key
        )


def _certificate_reissued(sender, old, new, **kwargs):
    """The enrolment shows the code of its valid certificate, so it follows a reissue."""
    from .models import Enrolment

    Enrolment.objects.filter(certificate_code=old.code).update(certificate_code=new.code)


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.page_cache import shown_on_pages_register

        # A course page shows its cohorts' dates, edited outside the page.
        shown_on_pages_register("courses.CohortRun")
        from wagtail.signals import post_page_move

        from certificates.services import certificate_reissued
        from core.outbox import register_composer
        from people.dashboard import register_panel
        from people.enums import Role
        from people.roles import register_permissions
        from people.selectors import register_data_section
        from programmes.sections import register_section_type
        from programmes.selectors import register_people_source

        from .emails import enrolled_compose
        from .models import CourseIndexPage, CourseSectionPage
        from .selectors.learning import person_course_data
        from .selectors.scope import course_people
        from .services import ENROLLED_KIND
        from .views import dashboard_panel

        register_permissions(Role.ORGANISER, *ORGANISER_PERMISSIONS)
        register_section_type(CourseIndexPage, CourseSectionPage)
        # Who takes part in a programme's courses: its organisers see these people.
        register_people_source("courses", course_people)
        # Which e-mails are about a programme's courses: an enrolment reaches its course
        # by key, not by a relation, so it says so itself.
        from programmes.outbox_scope import register_outbox_tracer

        from .models import Enrolment
        from .selectors.scope import programme_course_keys

        register_outbox_tracer(
            Enrolment,
            lambda ids: Enrolment.objects.filter(course_key__in=programme_course_keys(ids)),
        )
        register_composer(
            ENROLLED_KIND, enrolled_compose, label=_("Enrolled in a course by an organiser")
        )
        register_panel(dashboard_panel)
        register_data_section("courses", person_course_data)
        # What the ledger's course rows are evidence of, for the impact indicators.
        from . import impact_activities

        impact_activities.register()
        post_page_move.connect(_lesson_moved, dispatch_uid="courses.lesson_moved")
        certificate_reissued.connect(_certificate_reissued, dispatch_uid="courses.reissued")
