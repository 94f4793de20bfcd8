"""core/exports.py: one streaming export for every feature app (rows from a values()
iterator, every cell safe to open) and its download as CSV or XLSX."""

import io

from django.http import FileResponse, StreamingHttpResponse

import openpyxl
import pytest
from import_export import fields

from core.exports import StreamingExportResource, export_download
from people.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class PeopleExport(StreamingExportResource):
    email = fields.Field(column_name="=E-mail")
    upper = fields.Field(column_name="Upper")

    def __init__(self):
        super().__init__()
        self._order = ["email", "upper"]

    def dehydrate_email(self, row):
        return row["email"]

    def cell(self, name, field):
        if name == "upper":
            return lambda row: row["email"].upper()
        return super().cell(name, field)


def test_rows_stream_from_a_values_queryset_with_every_cell_made_safe():
    UserFactory(email="-1+1@example.org")

    rows = list(PeopleExport().rows(User.objects.values("email")))

    assert rows == [["'-1+1@example.org", "'-1+1@EXAMPLE.ORG"]]


def test_csv_download_streams_and_is_never_cached():
    UserFactory(email="amina@example.org")

    response = export_download(
        PeopleExport(), User.objects.values("email"), stem="people", fmt="csv", title="People"
    )

    assert isinstance(response, StreamingHttpResponse)
    assert (response["Cache-Control"], response["Content-Disposition"]) == (
        "no-store",
        'attachment; filename="people.csv"',
    )
    assert b"".join(response.streaming_content).decode("utf-8-sig").splitlines() == [
        "'=E-mail,Upper",
        "amina@example.org,AMINA@EXAMPLE.ORG",
    ]


def test_xlsx_download_names_its_sheet_as_excel_allows():
    UserFactory(email="amina@example.org")

    response = export_download(
        PeopleExport(),
        User.objects.values("email"),
        stem="people",
        fmt="xlsx",
        title="Training: safety / risk [2026]?",
    )

    assert isinstance(response, FileResponse)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Training- safety - risk -2026--"]
    assert list(book.active.iter_rows(values_only=True)) == [
        ("'=E-mail", "Upper"),
        ("amina@example.org", "AMINA@EXAMPLE.ORG"),
    ]
