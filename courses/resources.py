"""The shape of every course import and export (django-import-export resources). Reading
uploads and writing files: courses/spreadsheets.py.

- ``EnrolmentImportResource``: bulk enrolment from CSV or XLSX. A dry run first; rows
  are checked with the same rules as one-by-one enrolment; nothing is written unless the
  whole file is valid.
- ``LearnerExportResource``: the learner-level report for HR and funders. Every text
  cell is made safe to open in a spreadsheet (no formula injection) and the CSV streams
  row by row from a queryset iterator, so memory stays flat however many learners.
"""

import logging
from collections.abc import Iterable, Iterator

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from import_export import fields, resources, widgets

from people.enums import Country, Sector
from people.models import User

from .enums import CheckKind, EnrolmentSource
from .models import CohortRun, CoursePage, Enrolment
from .services import enrolment_check, enrolment_create
from .spreadsheets import import_result_preview, spreadsheet_safe

logger = logging.getLogger(__name__)

EXPORT_CHUNK = 2000

# --- Spreadsheet safety ----------------------------------------------------------------------


# --- Reading an uploaded table --------------------------------------------------------------


# --- Import ---------------------------------------------------------------------------------


class LearnerWidget(widgets.ForeignKeyWidget):
    """An e-mail address → the person with that Linkage account."""

    def __init__(self):
        super().__init__(User, field="email")

    def clean(self, value, row=None, **kwargs):
        email = str(value or "").strip().lower()
        if not email:
            raise ValueError(_("The e-mail address is missing."))
        try:
            validate_email(email)
        except ValidationError as error:
            raise ValueError(
                _("“%(value)s” is not an e-mail address.") % {"value": email}
            ) from error
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            raise ValueError(
                _("No Linkage account uses %(email)s. Ask the learner to sign up first.")
                % {"email": email}
            )
        return person


class CohortWidget(widgets.Widget):
    """A cohort title (or number) → a cohort of this course; empty means no cohort."""

    def __init__(self, course_key=None):
        super().__init__()
        self.course_key = course_key

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return None
        cohorts = CohortRun.objects.filter(course_key=self.course_key)
        cohort = cohorts.filter(title__iexact=text).first()
        if cohort is None and text.isdigit():
            cohort = cohorts.filter(pk=int(text)).first()
        if cohort is None:
            raise ValueError(_("This course has no cohort called “%(title)s”.") % {"title": text})
        return cohort

    def render(self, value, obj=None, **kwargs):
        return value.title if value else ""


class EnrolmentImportResource(resources.ModelResource):
    email = fields.Field(attribute="person", column_name="email", widget=LearnerWidget())
    cohort = fields.Field(attribute="cohort", column_name="cohort", widget=CohortWidget())

    class Meta:
        model = Enrolment
        fields = ("email", "cohort")
        import_id_fields = ()
        skip_diff = True
        report_skipped = True
        store_row_values = True
        clean_model_instances = False
        use_transactions = True

    def __init__(self, *, course: CoursePage, by=None):
        super().__init__()
        self.course = course
        self.by = by
        self.fields["cohort"].widget = CohortWidget(course_key=course.translation_key)
        self._rows_by_person: dict[int, int] = {}

    # One enrolment per person and course: an existing one is found, and skipped.
    def get_instance(self, instance_loader, row):
        email = str(row.get("email") or "").strip()
        if not email:
            return None
        return Enrolment.objects.filter(
            person__email__iexact=email, course_key=self.course.translation_key
        ).first()

    def init_instance(self, row=None):
        return Enrolment(
            course_key=self.course.translation_key,
            source=EnrolmentSource.IMPORT,
            enrolled_by=self.by,
        )

    def import_instance(self, instance, row, **kwargs):
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if instance.person_id and "person" not in errors:
            first = self._rows_by_person.setdefault(instance.person_id, kwargs.get("row_number"))
            if first != kwargs.get("row_number"):
                errors[NON_FIELD_ERRORS] = [
                    _("This learner is already on line %(line)d.")
                    % {"line": self.line_number(first)}
                ]
            elif instance.pk is None and "cohort" not in errors:
                try:
                    enrolment_check(
                        course=self.course, person=instance.person, cohort=instance.cohort
                    )
                except ValidationError as error:
                    errors[NON_FIELD_ERRORS] = error.messages
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not any(str(value or "").strip() for value in row.values()):
            return True  # a blank line
        return instance.pk is not None and not import_validation_errors  # already enrolled

    def do_instance_save(self, instance, is_create):
        enrolment, _created = enrolment_create(
            course=self.course,
            person=instance.person,
            by=self.by,
            cohort=instance.cohort,
            source=EnrolmentSource.IMPORT,
        )
        instance.pk = enrolment.pk

    # Line numbers: set by the caller from read_table(); row numbers are 1-based.
    line_numbers: list[int] = []

    def line_number(self, row_number: int | None) -> int:
        if row_number is None:
            return 0
        if 0 < row_number <= len(self.line_numbers):
            return self.line_numbers[row_number - 1]
        return row_number + 1


def import_preview(result, line_numbers: list[int]) -> dict:
    """Turn an import Result into what the organiser sees: one entry per non-blank row."""
    return import_result_preview(
        result,
        columns=("email", "cohort"),
        line_of=lambda n: line_numbers[n - 1] if n <= len(line_numbers) else n + 1,
        label="enrolment import",
    )


def enrolment_import(*, course, by, dataset, line_numbers, dry_run: bool) -> dict:
    """Import (or preview) enrolments; return the preview. A real run is atomic: any bad
    row rolls the whole file back."""
    resource = EnrolmentImportResource(course=course, by=by)
    resource.line_numbers = line_numbers
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    for error in result.base_errors:
        logger.warning("enrolment import failed: %r", error.error)
    return import_preview(result, line_numbers)


# --- Export ---------------------------------------------------------------------------------


class LearnerExportResource(resources.Resource):
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
        # Labels resolved once per export, not once per row (get_FOO_display re-hashes
        # every lazy choice label on each call, which dominates a large export).
        self._sector_labels = {key: str(label) for key, label in Sector.choices}
        self._country_labels = {key: str(label) for key, label in Country.choices}

    def get_export_order(self):
        return self._order

    def export_field(self, field, instance, **kwargs):
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

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
        return timezone.localdate(row["enrolled_at"]).isoformat()

    def dehydrate_progress(self, row):
        return row["progress"]

    def dehydrate_completed_on(self, row):
        if row["completed_at"] is None:
            return ""
        return timezone.localdate(row["completed_at"]).isoformat()

    def dehydrate_certificate_code(self, row):
        return row["certificate_code"]

    def rows(self, queryset) -> Iterator[list]:
        """Export rows one at a time from a server-side iterator (no prefetch, no list).

        Each cell goes through the field's dehydrate method (or ``Field.export``) and
        ``spreadsheet_safe``, exactly as ``export_field`` would; the lookup of which
        method serves which column is done once, not once per cell."""
        plan = []
        for field in self.get_export_fields():
            method = getattr(self, f"dehydrate_{self.get_field_name(field)}", None)
            plan.append(method or field.export)
        for row in queryset.iterator(chunk_size=EXPORT_CHUNK):
            yield [spreadsheet_safe(cell(row)) for cell in plan]
