from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# What the organiser role may do here. Every read and write is further narrowed to the
# organiser's own programmes by mentors.selectors (scope_for), never by templates alone.
ORGANISER_PERMISSIONS = (
    ("mentors", "mentorprofile", "view_mentorprofile"),
    ("mentors", "mentorprofile", "change_mentorprofile"),
    ("mentors", "mentoringrequest", "view_mentoringrequest"),
    ("mentors", "mentoringrequest", "change_mentoringrequest"),
    ("mentors", "matchinground", "view_matchinground"),
    ("mentors", "matchinground", "add_matchinground"),
    ("mentors", "matchinground", "change_matchinground"),
    ("mentors", "match", "view_match"),
    ("mentors", "match", "change_match"),
    ("mentors", "mentoringsession", "view_mentoringsession"),
    ("mentors", "concernreport", "view_concernreport"),
    ("mentors", "concernreport", "change_concernreport"),
    ("mentors", "donotmatch", "view_donotmatch"),
    ("mentors", "donotmatch", "add_donotmatch"),
)


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = _("Mentors")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from people.enums import Role
        from people.hooks import register_data_section, register_person_deleted
        from people.roles import register_permissions
        from programmes.selectors import register_people_source

        from . import dashboard, emails, privacy
        from .selectors import programme_mentors

        register_permissions(Role.ORGANISER, *ORGANISER_PERMISSIONS)
        # A mentor who deletes her account: her matches end (each woman waits again, first
        # in line) and her profiles stay, anonymous, so sessions and counts survive her.
        register_person_deleted("mentors", privacy.person_deleted)
        # Her data export: her profiles, matches (numbers only) and sessions; her requests.
        register_data_section("mentoring", privacy.person_mentoring_data)
        # A programme's organisers see the mentors of its pool (and no one else's).
        register_people_source("mentors", programme_mentors)
        emails.register()
        dashboard.register()
        # What the ledger's mentoring rows are evidence of, for the impact indicators.
        from . import impact_activities

        impact_activities.register()
