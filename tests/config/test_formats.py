"""Dates in every language follow that language's conventions: English reads as British
English ("Tuesday 15 December 2026", "15 Dec 2026", "17:05"), never the American
"Dec. 15, 2026" or 12/01/2026; every language's week starts on Monday and typed dates are
read day (or, in Persian, year) first."""

import datetime

from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, timezone, translation

import pytest

MOMENT = datetime.datetime(2026, 12, 15, 17, 5)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _formatted(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "DATE_FORMAT": formats.date_format(MOMENT.date(), "DATE_FORMAT"),
            "DATETIME_FORMAT": formats.date_format(MOMENT, "DATETIME_FORMAT"),
            "SHORT_DATE_FORMAT": formats.date_format(MOMENT.date(), "SHORT_DATE_FORMAT"),
            "SHORT_DATETIME_FORMAT": formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT"),
            "TIME_FORMAT": formats.time_format(MOMENT.time(), "TIME_FORMAT"),
            "MONTH_DAY_FORMAT": formats.date_format(MOMENT.date(), "MONTH_DAY_FORMAT"),
            "YEAR_MONTH_FORMAT": formats.date_format(MOMENT.date(), "YEAR_MONTH_FORMAT"),
        }


def test_english_reads_like_british_english():
    assert _formatted("en") == {
        "DATE_FORMAT": "Tuesday 15 December 2026",
        "DATETIME_FORMAT": "Tuesday 15 December 2026, 17:05",
        "SHORT_DATE_FORMAT": "15 Dec 2026",
        "SHORT_DATETIME_FORMAT": "15 Dec 2026 17:05",
        "TIME_FORMAT": "17:05",
        "MONTH_DAY_FORMAT": "15 December",
        "YEAR_MONTH_FORMAT": "December 2026",
    }


def test_a_plain_date_in_a_template_reads_british_in_english():
    template = Template("{{ day }}|{{ moment }}|{{ day|date }}|{{ moment|time }}")
    with translation.override("en"):
        rendered = template.render(Context({"day": MOMENT.date(), "moment": MOMENT}))
    assert rendered == (
        "Tuesday 15 December 2026|Tuesday 15 December 2026, 17:05|Tuesday 15 December 2026|17:05"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sq", ("15 Dhjetor 2026", "15 Dhjetor 2026, 17:05", "15.12.2026", "17:05")),
        ("el", ("15 Δεκεμβρίου 2026", "15 Δεκεμβρίου 2026, 17:05", "15/12/2026", "17:05")),
        ("ar", ("15 ديسمبر، 2026", "15 ديسمبر، 2026، 5:05 م", "15/12/2026", "5:05 م")),
        (
            "lt",
            (
                "Antradienis, 2026 m. gruodžio 15 d.",
                "Antradienis, 2026 m. gruodžio 15 d., 17:05",
                "2026-12-15",
                "17:05",
            ),
        ),
        ("fa", ("15 دسامبر 2026", "15 دسامبر 2026، ساعت 17:05", "2026/12/15", "17:05")),
    ],
)
def test_other_languages_use_their_own_conventions(language, expected):
    formatted = _formatted(language)
    assert (
        formatted["DATE_FORMAT"],
        formatted["DATETIME_FORMAT"],
        formatted["SHORT_DATE_FORMAT"],
        formatted["TIME_FORMAT"],
    ) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_language_falls_back_to_the_american_defaults(language):
    """Django's global defaults ("N j, Y, P", month-first input) show where a language's
    own format file has a gap: none of ours may have one."""
    formatted = _formatted(language)
    american = {
        key: value
        for key, value in formatted.items()
        if "p.m." in value or "PM" in value or value.startswith(("Dec.", "December 15"))
    }
    with translation.override(language):
        month_first = [f for f in formats.get_format("DATE_INPUT_FORMATS") if f.startswith("%m")]
    assert (american, month_first) == ({}, [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_starts_the_week_on_monday(language):
    with translation.override(language):
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


@pytest.mark.parametrize(
    ("language", "typed"),
    [("en", "1/12/2026"), ("en", "1 Dec 2026"), ("sq", "1.12.2026"), ("ar", "1/12/2026")],
)
def test_typed_dates_are_read_day_first(language, typed):
    with translation.override(language):
        assert forms.DateField().clean(typed) == datetime.date(2026, 12, 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admins_date_pickers_write_what_every_language_reads(language):
    """Wagtail's pickers write one format for every language (WAGTAIL_DATE_FORMAT and
    WAGTAIL_DATETIME_FORMAT, left at ISO: "15 Dec 2026" could not be typed back in
    Lithuanian). Whatever the admin's language, the field reads it back."""
    from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

    day = MOMENT.date()
    with translation.override(language):
        typed_day = AdminDateInput().format_value(day)
        typed_moment = AdminDateTimeInput().format_value(MOMENT)
        read_day = forms.DateField().clean(typed_day)
        read_moment = timezone.make_naive(forms.DateTimeField().clean(typed_moment))
    assert (typed_day, read_day, read_moment) == ("2026-12-15", day, MOMENT)


@pytest.mark.parametrize("language", LANGUAGES)
def test_short_dates_carry_no_direction_marks(language):
    """A short date sits in CSV cells, plain-text e-mails and left-to-right originals too:
    a right-to-left mark there scrambles it ("152026/12/" for 15/12/2026)."""
    marks = {"\u200e", "\u200f", "\u061c"}
    with translation.override(language):
        written = formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") + formats.date_format(
            MOMENT.date(), "SHORT_DATE_FORMAT"
        )
    assert set(written) & marks == set()


def test_wagtails_admin_dates_read_british_in_english():
    """The admin's listings show a date's full form in a tooltip (human_readable_date) and
    write short date-times in its spreadsheets: both from our English formats."""
    from wagtail.admin.views.mixins import ExcelDateFormatter

    moment = timezone.make_aware(MOMENT)
    template = Template("{% load wagtailadmin_tags %}{% human_readable_date moment %}")
    with translation.override("en"), timezone.override("Europe/Vilnius"):
        html = template.render(Context({"moment": moment}))
        excel = ExcelDateFormatter().get()
    tooltip = html.split('data-w-tooltip-content-value="')[1].split('"')[0]
    assert (tooltip, excel) == ("Tuesday 15 December 2026, 18:05", "d mmm yyyy hh:mm")


def test_ukrainian_day_and_month_put_the_month_in_the_genitive():
    with translation.override("uk"):
        first = formats.date_format(datetime.date(2026, 12, 14), "MONTH_DAY_FORMAT")
        single = formats.date_format(datetime.date(2026, 5, 4), "MONTH_DAY_FORMAT")
        last = formats.date_format(datetime.date(2026, 12, 16), "DATE_FORMAT")
        clock = formats.time_format(MOMENT.time(), "TIME_FORMAT")
    # Django's own "uk" for the rest: the long date with "р.", the 24-hour clock.
    assert (first, single, last, clock) == ("14 грудня", "4 травня", "16 грудня 2026 р.", "17:05")
