"""The shape of every course import and export (django-import-export resources). Reading
uploads, writing files and the upload → preview → confirm flow: ``core``.

- ``EnrolmentImportResource``: bulk enrolment from CSV or XLSX (email, name, cohort). A
  dry run first; rows are checked with the same rules as one-by-one enrolment
  (``enrolment_check``); nothing is written unless the whole file is valid. People,
  existing enrolments and cohorts are looked up once per batch of rows, never once per
  row. Someone without an account is invited (``people.invitations``, once ever: the same
  file imported again invites nobody twice); everyone enrolled is told by e-mail.
- ``LearnerExportResource``: the learner-level report for HR and funders, streamed by
  ``core.exports``.
"""

import logging
from collections.abc import Iterable

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import dateformat, formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from import_export import fields, resources, widgets

from core.exports import StreamingExportResource
from core.imports import Importer, RowProgressMixin, import_result_preview
from people.enums import Country, Sector
from people.invitations import normalise_email, person_invite_many
from people.models import User

from .enums import CheckKind, EnrolmentSource
from .models import CohortRun, CoursePage, Enrolment
from .selectors import course_for
from .services import course_language, enrolment_check, enrolments_notify

logger = logging.getLogger(__name__)

LOOKUP_BATCH = 1000

# --- Import ---------------------------------------------------------------------------------


class LearnerWidget(widgets.Widget):
    """An e-mail address → the person with that Linkage account (looked up in bulk by the
    resource's ``before_import``), or a new, unsaved person to invite when nobody has it."""

    def __init__(self, resource=None):
        super().__init__()
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        email = normalise_email(str(value or ""))
        if not email:
            raise ValueError(_("The e-mail address is missing."))
        person = self.resource.people.get(email)
        if person is not None:
            return person
        try:
            validate_email(email)
        except ValidationError as error:
            raise ValueError(
                _("“%(value)s” is not an e-mail address.") % {"value": email}
            ) from error
        return User(email=email)  # no account yet: invited when the import is confirmed


def _is_new(person) -> bool:
    return person is not None and person.pk is None


class CohortWidget(widgets.Widget):
    """A cohort title (or number) → a cohort of this course; empty means no cohort."""

    def __init__(self, resource=None):
        super().__init__()
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return None
        cohort = self.resource.cohorts_by_title.get(text.casefold())
        if cohort is None and text.isdigit():
            cohort = self.resource.cohorts_by_pk.get(int(text))
        if cohort is None:
            raise ValueError(_("This course has no cohort called “%(title)s”.") % {"title": text})
        return cohort

    def render(self, value, obj=None, **kwargs):
        return value.title if value else ""


def _batches(items: list, size: int = LOOKUP_BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class EnrolmentImportResource(RowProgressMixin, resources.ModelResource):
    email = fields.Field(attribute="person", column_name="email")
    # Used only for someone without an account: the name their invited account gets.
    name = fields.Field(attribute="invite_name", column_name="name")
    cohort = fields.Field(attribute="cohort", column_name="cohort")

    class Meta:
        model = Enrolment
        fields = ("email", "name", "cohort")
        import_id_fields = ()
        skip_diff = True
        report_skipped = True
        store_row_values = True
        clean_model_instances = False
        use_transactions = True
        # New enrolments are written in batches (bulk_create), once every row is checked.
        use_bulk = True
        batch_size = LOOKUP_BATCH

    def __init__(self, *, course: CoursePage, by=None):
        super().__init__()
        self.course = course
        self.by = by
        self.fields["email"].widget = LearnerWidget(self)
        self.fields["cohort"].widget = CohortWidget(self)
        self._rows_by_email: dict[str, int] = {}
        self.notes: dict[int, str] = {}
        self.invited = 0
        self.people: dict[str, User] = {}
        self.existing: dict[int, Enrolment] = {}
        self.cohorts_by_title: dict[str, CohortRun] = {}
        self.cohorts_by_pk: dict[int, CohortRun] = {}

    def before_import(self, dataset, **kwargs):
        """A query per thousand rows for the people named in the file and their existing
        enrolments, one for the cohorts, one for the prerequisites: none per row."""
        emails = sorted({normalise_email(str(value or "")) for value in dataset["email"]} - {""})
        for batch in _batches(emails):
            self.people.update(
                (person.email_lower, person)
                for person in User.objects.annotate(email_lower=Lower("email")).filter(
                    email_lower__in=batch
                )
            )
        ids = sorted(person.pk for person in self.people.values())
        for batch in _batches(ids):
            self.existing.update(
                (enrolment.person_id, enrolment)
                for enrolment in Enrolment.objects.filter(
                    course_key=self.course.translation_key, person_id__in=batch
                )
            )
        for cohort in CohortRun.objects.filter(course_key=self.course.translation_key).order_by(
            "pk"
        ):
            self.cohorts_by_title.setdefault(cohort.title.casefold(), cohort)
            self.cohorts_by_pk[cohort.pk] = cohort
        # enrolment_check reads the course's prerequisites for every person: hold them in
        # memory (modelcluster serves a loaded relation without a query).
        self.course = CoursePage.objects.select_related("locale").get(pk=self.course.pk)
        self.course.prerequisites = list(self.course.prerequisites.select_related("course"))

    # One enrolment per person and course: an existing one is found, and skipped.
    def get_instance(self, instance_loader, row):
        person = self.people.get(normalise_email(str(row.get("email") or "")))
        return self.existing.get(person.pk) if person is not None else None

    def init_instance(self, row=None):
        return Enrolment(
            course_key=self.course.translation_key,
            source=EnrolmentSource.IMPORT,
            enrolled_by=self.by,
        )

    def import_instance(self, instance, row, **kwargs):
        errors: dict = {}
        number = kwargs.get("row_number")
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        person = getattr(instance, "person", None) if "person" not in errors else None
        if person is not None:
            first = self._rows_by_email.setdefault(normalise_email(person.email), number)
            if first != number:
                errors[NON_FIELD_ERRORS] = [
                    _("This learner is already on line %(line)d.")
                    % {"line": self.line_number(first)}
                ]
            elif instance.pk is None and "cohort" not in errors:
                try:
                    enrolment_check(
                        course=self.course,
                        person=None if _is_new(person) else person,
                        cohort=instance.cohort,
                    )
                except ValidationError as error:
                    errors[NON_FIELD_ERRORS] = error.messages
                else:
                    if _is_new(person):
                        self.notes[number] = _(
                            "No Linkage account yet: one is made, with an invitation e-mail."
                        )
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not any(str(value or "").strip() for value in row.values()):
            return True  # a blank line
        return instance.pk is not None and not import_validation_errors  # already enrolled

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """A batch of enrolments written at once: people without an account invited first
        (``people.invitations``, in the course's language), then everyone told by e-mail.
        All inside the import's transaction, so a bad row later in the file undoes the
        accounts and the e-mails with everything else."""
        if dry_run or (result is not None and result.has_validation_errors()):
            self.create_instances.clear()  # the preview (or a refused file) writes nothing
            return
        batch = list(self.create_instances)
        new = [
            (i.person.email, getattr(i, "invite_name", "") or "")
            for i in batch
            if _is_new(i.person)
        ]
        if new:
            invited = person_invite_many(
                entries=new, invited_by=self.by, language=course_language(self.course)
            )
            for instance in batch:
                if _is_new(instance.person):
                    instance.person = invited[normalise_email(instance.person.email)]
            people = {invited[normalise_email(email)] for email, _name in new}
            self.invited += sum(1 for person in people if not person.has_usable_password())
            # An address may lead to an account after all (one its owner added and
            # confirmed), perhaps enrolled already: that row is left as it is.
            enrolled = set(
                Enrolment.objects.filter(
                    course_key=self.course.translation_key, person__in=people
                ).values_list("person_id", flat=True)
            )
            if enrolled:
                batch = [instance for instance in batch if instance.person_id not in enrolled]
                self.create_instances[:] = batch
        super().bulk_create(using_transactions, dry_run, raise_errors, batch_size, result)
        enrolments_notify(
            enrolments=Enrolment.objects.filter(
                course_key=self.course.translation_key,
                person_id__in=[instance.person_id for instance in batch],
            ).select_related("person__profile")
        )


class EnrolmentImporter(Importer):
    columns = ("email", "name", "cohort")
    # The learner export's own headers, so an export reads back as is.
    aliases = {
        "email": (gettext_lazy("E-mail"),),
        "name": (gettext_lazy("Name"),),
        "cohort": (gettext_lazy("Cohort"),),
    }

    def run(self, *, target_id, by, dataset, lines, dry_run, progress=None) -> dict:
        # The job's owner must still see this course's learners (an organiser who left the
        # programme between the preview and the confirmation is refused).
        course = course_for(user=by, page_id=target_id)
        if course is None:
            raise PermissionDenied("import into a course outside the user's programmes")
        return enrolment_import(
            course=course,
            by=by,
            dataset=dataset,
            line_numbers=lines,
            dry_run=dry_run,
            progress=progress,
        )


ENROLMENTS = EnrolmentImporter()


def enrolment_import(*, course, by, dataset, line_numbers, dry_run: bool, progress=None) -> dict:
    """Import (or preview) enrolments; return the preview. A real run is atomic: any bad
    row rolls the whole file back."""
    resource = EnrolmentImportResource(course=course, by=by)
    resource.line_numbers = line_numbers
    resource.progress = progress
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    preview = import_result_preview(
        result,
        columns=("email", "name", "cohort"),
        line_of=resource.line_number,
        notes=resource.notes,
        label="enrolment import",
    )
    return {**preview, "invited": resource.invited}


# --- Export ---------------------------------------------------------------------------------


class LearnerExportResource(StreamingExportResource):
    """One row per learner in a course. Knowledge-check columns are added per course."""

    name = fields.Field(column_name=gettext_lazy("Name"))
    email = fields.Field(column_name=gettext_lazy("E-mail"))
    organisation = fields.Field(column_name=gettext_lazy("Organisation"))
    sector = fields.Field(column_name=gettext_lazy("Sector"))
    country = fields.Field(column_name=gettext_lazy("Country"))
    region = fields.Field(column_name=gettext_lazy("Region or municipality"))
    cohort = fields.Field(column_name=gettext_lazy("Cohort"))
    enrolled_on = fields.Field(column_name=gettext_lazy("Enrolled on"))
    progress = fields.Field(column_name=gettext_lazy("Progress (%)"))
    completed_on = fields.Field(column_name=gettext_lazy("Completed on"))
    certificate_code = fields.Field(column_name=gettext_lazy("Certificate code"))

    BASE_ORDER = (
        "name",
        "email",
        "organisation",
        "sector",
        "country",
        "region",
        "cohort",
        "enrolled_on",
        "progress",
    )

    def __init__(self, *, checks: Iterable[tuple] = ()):
        """``checks``: (check, lesson) pairs from selectors.course_checks(); each becomes
        a best-score column read from the ``score_<n>`` annotation."""
        super().__init__()
        score_fields = []
        for n, (check, lesson) in enumerate(checks):
            if check.kind == CheckKind.PRE_TEST:
                label = _("Pre-test score (%)")
            elif check.kind == CheckKind.POST_TEST:
                label = _("Post-test score (%)")
            else:
                label = _("Check: %(lesson)s (%%)") % {
                    "lesson": lesson.title if lesson else check.title
                }
            name = f"score_{n}"
            self.fields[name] = fields.Field(
                attribute=name,
                column_name=label,
                widget=widgets.IntegerWidget(coerce_to_string=False),
            )
            score_fields.append(name)
        self._order = [*self.BASE_ORDER, *score_fields, "completed_on", "certificate_code"]
        # Everything that depends on the organiser's language and time zone is resolved now,
        # while the admin view has them active: a CSV streams after the view returned.
        # Labels once per export, not once per row (get_FOO_display re-hashes every lazy
        # choice label on each call, which dominates a large export).
        for field in self.fields.values():
            field.column_name = str(field.column_name)
        self._sector_labels = {key: str(label) for key, label in Sector.choices}
        self._country_labels = {key: str(label) for key, label in Country.choices}
        self._date_format = formats.get_format("SHORT_DATE_FORMAT")
        self._zone = timezone.get_current_timezone()

    def _date(self, moment) -> str:
        """A date in the organiser's language's short format (e.g. 2026-05-04 in
        Lithuanian, 04/05/2026 in Greek)."""
        return dateformat.format(timezone.localdate(moment, self._zone), self._date_format)

    # Rows are dicts from selectors.learner_export_queryset() (a .values() queryset): no
    # model instances to build, so a large export stays fast and small.

    def dehydrate_name(self, row):
        return row["name"] or row["email"].split("@", 1)[0]

    def dehydrate_email(self, row):
        return row["email"]

    def dehydrate_organisation(self, row):
        return row["organisation"] or ""

    def dehydrate_sector(self, row):
        return self._sector_labels.get(row["sector"] or "", row["sector"] or "")

    def dehydrate_country(self, row):
        return self._country_labels.get(row["country"] or "", row["country"] or "")

    def dehydrate_region(self, row):
        return row["region"] or ""

    def dehydrate_cohort(self, row):
        return row["cohort_title"] or ""

    def dehydrate_enrolled_on(self, row):
        return self._date(row["enrolled_at"])

    def dehydrate_progress(self, row):
        return row["progress"]

    def dehydrate_completed_on(self, row):
        if row["completed_at"] is None:
            return ""
        return self._date(row["completed_at"])

    def dehydrate_certificate_code(self, row):
        return row["certificate_code"]
