"""English short dates name the month: 12/01/2026 is 12 January to a European reader."""

import datetime

from django.utils import formats, translation


def test_english_short_dates_and_times_name_the_month():
    moment = datetime.datetime(2026, 12, 1, 12, 40)
    with translation.override("en"):
        assert formats.date_format(moment.date(), "SHORT_DATE_FORMAT") == "1 Dec 2026"
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "1 Dec 2026 12:40"


def test_other_languages_keep_their_own_formats():
    with translation.override("lt"):
        assert formats.date_format(datetime.date(2026, 12, 1), "SHORT_DATE_FORMAT") == "2026-12-01"
