"""Persian: Django's "fa" reads typed dates month first (the American default), though its
own short format writes them year first (2026/12/15); and its week starts on Saturday. The
Persian speakers Linkage serves live in Europe, where the calendars on the wall start on
Monday, like every other language here. Its short date-time loses the right-to-left mark and
the Persian comma, which scramble it in a CSV cell or a plain-text e-mail."""

SHORT_DATETIME_FORMAT = "Y/n/j G:i"  # 2026/12/15 17:05

FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%Y/%m/%d", "%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
