"""Albanian: only what Django's "sq" lacks or gets wrong. Its date-time and its typed dates
fall back to the American defaults ("Dhj. 15, 2026, 5:05 p.m.", month first), its clock is
"5.05.PM" and its week starts on Sunday. Albania and Kosovo write 15.12.2026 and 17:05."""

DATE_FORMAT = "j F Y"  # 15 Dhjetor 2026
DATETIME_FORMAT = "j F Y, H:i"  # 15 Dhjetor 2026, 17:05
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d.m.Y"  # 15.12.2026
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
