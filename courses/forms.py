"""Forms: the lesson editor's module chooser, the catalogue filter, enrolment and import."""

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from core.forms import ImportUploadForm
from people.enums import Sector

from .enums import Track


class LessonPageForm(WagtailAdminPageForm):
    """Offers the parent course's modules as the lesson's module."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("module_key")
        if field is None:
            return
        course = self.parent_page.specific if self.parent_page is not None else None
        modules = list(course.modules.all()) if hasattr(course, "modules") else []
        self.fields["module_key"] = forms.TypedChoiceField(
            label=field.label,
            help_text=field.help_text,
            required=False,
            coerce=uuid.UUID,
            empty_value=None,
            choices=[("", _("No module"))] + [(str(m.translation_key), m.title) for m in modules],
        )


def _blank_first(label, choices):
    return [("", label), *choices]


class CatalogueFilterForm(forms.Form):
    """A GET form: works without JavaScript, and bad values are simply ignored."""

    track = forms.ChoiceField(
        label=_("Track"), required=False, choices=_blank_first(_("All tracks"), Track.choices)
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=_blank_first(_("All sectors"), Sector.choices)
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=_blank_first(_("All languages"), settings.WAGTAIL_CONTENT_LANGUAGES),
    )

    def filters(self) -> dict[str, str]:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name in getattr(self, "cleaned_data", {}) and self.cleaned_data[name]
        }


class EnrolForm(forms.Form):
    cohort = forms.TypedChoiceField(label=_("Cohort"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, cohorts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", _("At my own pace"))] + [
            (cohort.pk, str(cohort)) for cohort in cohorts
        ]


class OrganiserEnrolForm(forms.Form):
    email = forms.EmailField(label=_("Learner's e-mail address"))
    cohort = forms.TypedChoiceField(label=_("Cohort"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, cohorts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", _("No cohort (own pace)"))] + [
            (cohort.pk, str(cohort)) for cohort in cohorts
        ]


class EnrolmentUploadForm(ImportUploadForm):
    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        help_text=_(
            "One learner per row. Columns: email (required) and cohort (optional, the "
            "cohort's title). The first row holds the column names."
        ),
    )
