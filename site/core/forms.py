"""Forms every import shares: the upload (CSV or XLSX, at most 2 MB) and the confirmation."""

from django import forms
from django.utils.translation import gettext_lazy as _

IMPORT_FORMATS = {".csv": "csv", ".xlsx": "xlsx"}
IMPORT_MAX_BYTES = 2 * 1024 * 1024


class ImportUploadForm(forms.Form):
    """Subclasses set the file field's ``help_text`` to the columns they read."""

    file = forms.FileField(label=_("CSV or Excel (.xlsx) file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in IMPORT_FORMATS:
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB. Split it in parts."))
        upload.import_format = IMPORT_FORMATS[suffix]
        return upload


class ImportConfirmForm(forms.Form):
    """Names the previewed import job: the file stays on the server (until the job ends),
    so the confirmed import is exactly what was previewed."""

    job = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
