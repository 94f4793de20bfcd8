"""Arabic: Django's "ar" has no date-time format (it falls back to the American
"ديسمبر 15, 2026, 5:05 م") and reads typed dates month first. Day first, as its own short
format writes them; weeks from Monday, as in the countries the programmes run in.

Short dates without Django's right-to-left marks (15‏/12‏/2026): the same date also sits in
left-to-right places (a CSV cell, a plain-text e-mail, an English original shown to an
Arabic reader), where the marks scramble it into "152026/12/". Without them 15/12/2026 reads
the same in both directions."""

DATETIME_FORMAT = "j F، Y، g:i A"  # 15 ديسمبر، 2026، 5:05 م
SHORT_DATE_FORMAT = "d/m/Y"  # 15/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y g:i A"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
