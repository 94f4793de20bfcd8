"""Forms: the lesson editor's module chooser, the catalogue filter, enrolment and import."""

import re
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

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


MAX_LEARNERS = 200  # in the form; more is a file to import
_ADDRESS_IN_BRACKETS = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]+)>\s*$")


def parse_learner_line(text: str) -> tuple[str, str]:
    """(e-mail, name) from one line as an organiser types or pastes it: "ruta@example.org",
    "Rūta Petrauskienė, ruta@example.org" (comma, semicolon or tab, either order) or
    "Rūta Petrauskienė <ruta@example.org>". Raises ValidationError without an address."""
    text = text.strip()
    match = _ADDRESS_IN_BRACKETS.match(text)
    if match:
        email, name = match["email"].strip(), match["name"].strip().strip(",;").strip()
    else:
        parts = [part.strip() for part in re.split(r"[,;\t]", text) if part.strip()]
        addresses = [part for part in parts if "@" in part]
        if len(addresses) != 1:
            raise ValidationError(_("Write one e-mail address on each line."))
        email = addresses[0]
        name = " ".join(part for part in parts if part is not email)
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            _("“%(value)s” is not an e-mail address.") % {"value": email}
        ) from None
    return email.lower(), name


class OrganiserEnrolForm(forms.Form):
    """Enrol one learner or a whole team: one per line, with a name for anyone who has no
    Linkage account yet (they get one, and an invitation)."""

    learners = forms.CharField(
        label=_("Learners"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One learner per line: their e-mail address, and their name if they have no "
            "Linkage account yet, e.g. “Rūta Petrauskienė, ruta@example.org”. People without "
            "an account get one, with an e-mail to choose their password. Everyone enrolled "
            "is told by e-mail."
        ),
    )
    cohort = forms.TypedChoiceField(label=_("Cohort"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, cohorts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", _("No cohort (own pace)"))] + [
            (cohort.pk, str(cohort)) for cohort in cohorts
        ]

    def clean_learners(self) -> list[tuple[str, str, int]]:
        """(e-mail, name, line) for each non-blank line; every bad line named."""
        entries, errors, seen = [], [], {}
        lines = self.cleaned_data["learners"].splitlines()
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                email, name = parse_learner_line(text)
            except ValidationError as error:
                errors.append(
                    _("Line %(line)d: %(message)s")
                    % {"line": number, "message": " ".join(error.messages)}
                )
                continue
            if email in seen:
                errors.append(
                    _("Line %(line)d: %(email)s is already on line %(first)d.")
                    % {"line": number, "email": email, "first": seen[email]}
                )
                continue
            seen[email] = number
            entries.append((email, name, number))
        if len(entries) > MAX_LEARNERS:
            errors.append(
                _("Enrol at most %(max)d people at once here; import a file for more.")
                % {"max": MAX_LEARNERS}
            )
        if errors:
            raise ValidationError(errors)
        if not entries:
            raise ValidationError(_("Write at least one e-mail address."))
        return entries


class EnrolmentUploadForm(ImportUploadForm):
    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        help_text=_(
            "One learner per row. Columns: email (required) and cohort (optional, the "
            "cohort's title). The first row holds the column names."
        ),
    )


class CohortRunForm(WagtailAdminModelForm):
    """The cohort editor: the course is one of those the organiser runs (a plain list,
    not Wagtail's page chooser, which would browse every programme's courses)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("course")
        if field is None:
            return
        from .selectors import LANGUAGE_NAMES, courses_visible_to

        field.queryset = (
            courses_visible_to(self.for_user)
            .select_related("locale")
            .defer_streamfields()
            .order_by("title", "locale__language_code")
        )

        def label(course) -> str:
            code = course.locale.language_code
            return f"{course.title} ({LANGUAGE_NAMES.get(code, code)})"

        field.label_from_instance = label
