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


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_read_table_refuses_a_column_named_twice(kind):
    rows = [["email", "cohort", " Email "], ["a@example.org", "", "b@example.org"]]
    data = (
        xlsx_bytes(rows)
        if kind == "xlsx"
        else csv_bytes("\n".join(",".join(row) for row in rows) + "\n")
    )

    with pytest.raises(spreadsheets.TableError) as error:
        spreadsheets.read_table(data, kind)

    assert str(error.value) == "The column “email” is named twice in the first row. Keep one."


def test_read_table_refuses_an_xlsx_formula_whose_value_was_never_saved():
    data = xlsx_bytes([["email", "cohort"], ["a@example.org", "Spring"], ["=B2", "Spring"]])

    with pytest.raises(spreadsheets.TableError) as error:
        spreadsheets.read_table(data, "xlsx")

    assert str(error.value) == (
        "Cell A3 holds a formula whose result was never saved. Open the file in a spreadsheet "
        "program, save it, and upload it again (or paste the values instead of the formula)."
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Safety planning: police / social work", "Safety planning- police - socia"),
        ("What? Who*? [Q3] back\\slash", "What- Who-- -Q3- back-slash"),
        ("'Quoted'", "Quoted"),
        ("", "Export"),
        ("[]", "--"),
    ],
)
def test_sheet_title_is_one_excel_accepts(title, expected):
    import openpyxl

    result = spreadsheets.sheet_title(title, default="Export")

    assert result == expected
    openpyxl.Workbook(write_only=True).create_sheet(title=result)  # Excel's rules, enforced


class HeaderResource:
    def get_export_headers(self):
        return ['=HYPERLINK("http://evil.example","Diet")', "Name"]

    def rows(self, queryset):
        yield from queryset


def test_csv_and_xlsx_header_cells_are_neutralised_like_body_cells():
    import openpyxl

    csv_text = "".join(spreadsheets.csv_stream(HeaderResource(), [["x", "y"]]))
    book = openpyxl.load_workbook(
        spreadsheets.xlsx_file(HeaderResource(), [["x", "y"]], title="A: B")
    )

    assert csv_text.splitlines()[0] == '\ufeff"\'=HYPERLINK(""http://evil.example"",""Diet"")",Name'
    header = book.active["A1"]
    assert (header.value, header.data_type, book.sheetnames) == (
        '\'=HYPERLINK("http://evil.example","Diet")',
        "s",
        ["A- B"],
    )


def test_read_table_reads_a_column_named_another_way_in_any_language():
    from django.utils.translation import gettext_lazy

    data = b"E-Mail;Datum\namina@example.org;14.04.2026\n"

    dataset, _lines = spreadsheets.read_table(
        data, "csv", columns=("email", "date"), aliases={"date": (gettext_lazy("Datum"),)}
    )

    assert (dataset.headers, dataset[0]) == (["email", "date"], ("amina@example.org", "14.04.2026"))


class LocalisedResource:
    """Headers and cells that are only decided when they are read, as in a real export."""

    def get_export_headers(self):
        from django.utils.translation import gettext

        return [gettext("Name")]

    def rows(self, queryset):
        from django.utils import timezone
        from django.utils.translation import gettext

        for _item in queryset:
            yield [gettext("Name"), timezone.get_current_timezone_name()]


def test_the_csv_is_written_in_the_language_and_zone_of_the_request_that_asked_for_it():
    from django.utils import timezone, translation

    with translation.override("lt"), timezone.override("Europe/Vilnius"):
        stream = spreadsheets.csv_stream(LocalisedResource(), range(3), rows_per_chunk=2)
    # The view has returned: the response is streamed in another language and zone.
    with translation.override("en"), timezone.override("UTC"):
        lines = "".join(stream).splitlines()

    assert lines == [
        "\ufeffVardas",
        "Vardas,Europe/Vilnius",
        "Vardas,Europe/Vilnius",
        "Vardas,Europe/Vilnius",
    ]
