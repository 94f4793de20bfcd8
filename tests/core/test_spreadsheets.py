"""core/spreadsheets.py: reading CSV and XLSX uploads with the file's own line
numbers, and cells made safe to open in a spreadsheet."""

import io

import openpyxl
import pytest

from core import spreadsheets


def csv_bytes(text: str) -> bytes:
    return text.encode("utf-8")


def xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def test_read_table_keeps_file_line_numbers_across_blank_lines():
    dataset, lines = spreadsheets.read_table(
        csv_bytes("Email,Cohort\na@example.org,\n\nb@example.org,Spring\n"), "csv"
    )

    assert dataset.headers == ["email", "cohort"]
    assert lines == [2, 3, 4]
    assert [row[0] for row in dataset] == ["a@example.org", "", "b@example.org"]


def test_read_table_reads_semicolon_csv_from_european_excel():
    dataset, _lines = spreadsheets.read_table(
        csv_bytes("\ufeffemail;cohort\na@example.org;Spring\n"), "csv"
    )

    assert list(dataset) == [("a@example.org", "Spring")]


def test_read_table_adds_the_optional_cohort_column():
    dataset, _lines = spreadsheets.read_table(
        csv_bytes("email\na@example.org\n"), "csv", columns=("email", "cohort")
    )

    assert dataset.headers == ["email", "cohort"]


def test_read_table_needs_an_email_column():
    with pytest.raises(spreadsheets.TableError) as error:
        spreadsheets.read_table(csv_bytes("name\nAmina\n"), "csv")

    assert str(error.value) == "The first row must name the columns, and one must be “email”."


def test_read_table_reads_xlsx_rows_by_spreadsheet_row():
    dataset, lines = spreadsheets.read_table(
        xlsx_bytes([["email"], ["a@example.org"], [None], ["b@example.org"]]), "xlsx"
    )

    assert lines == [2, 3, 4]
    assert [row[0] for row in dataset] == ["a@example.org", "", "b@example.org"]


def test_read_table_refuses_a_broken_workbook():
    with pytest.raises(spreadsheets.TableError):
        spreadsheets.read_table(b"not a zip", "xlsx")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Amina", "Amina"),
        (75, 75),
        (None, None),
    ],
)
def test_spreadsheet_safe_escapes_formulae(value, expected):
    assert spreadsheets.spreadsheet_safe(value) == expected


def test_read_table_refuses_a_row_with_more_cells_than_columns():
    with pytest.raises(spreadsheets.TableError) as error:
        spreadsheets.read_table(csv_bytes("email,cohort\na@example.org,Kaunas, spring\n"), "csv")

    assert str(error.value).startswith("Line 2 has more cells than there are column names.")
