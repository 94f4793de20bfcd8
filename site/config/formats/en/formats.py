"""English as British English reads it, everywhere: "Tuesday 15 December 2026", "15 Dec 2026",
"17:00". Django's "en" is American ("Dec. 15, 2026", "5 p.m.", 12/01/2026 for 1 December),
which a reader in Vilnius or Pristina takes for 12 January. Day first, 24-hour clock, weeks
from Monday, as in every country the programmes run in."""

DATE_FORMAT = "l j F Y"  # Tuesday 15 December 2026
DATETIME_FORMAT = "l j F Y, H:i"  # Tuesday 15 December 2026, 17:00
TIME_FORMAT = "H:i"  # 17:00
YEAR_MONTH_FORMAT = "F Y"  # December 2026
MONTH_DAY_FORMAT = "j F"  # 15 December
SHORT_DATE_FORMAT = "j M Y"  # 15 Dec 2026
SHORT_DATETIME_FORMAT = "j M Y H:i"  # 15 Dec 2026 17:00 (no comma: it is a CSV cell too)
FIRST_DAY_OF_WEEK = 1  # Monday

# Typed dates are read day first; ISO (2026-12-15) is always accepted as well.
DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 15/12/2026
    "%d/%m/%y",  # 15/12/26
    "%d.%m.%Y",  # 15.12.2026
    "%d %b %Y",  # 15 Dec 2026
    "%d %B %Y",  # 15 December 2026
    "%Y-%m-%d",  # 2026-12-15
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",  # 2026-12-15 17:00:00
    "%Y-%m-%d %H:%M",  # 2026-12-15 17:00
    "%d/%m/%Y %H:%M:%S",  # 15/12/2026 17:00:00
    "%d/%m/%Y %H:%M",  # 15/12/2026 17:00
    "%d/%m/%y %H:%M",  # 15/12/26 17:00
    "%d.%m.%Y %H:%M",  # 15.12.2026 17:00
    "%d %b %Y %H:%M",  # 15 Dec 2026 17:00
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
