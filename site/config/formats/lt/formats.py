"""Lithuanian: the long date names its weekday once, before the date and set off by a comma
("Ketvirtadienis, 2026 m. gruodžio 10 d."). Without it, pages that name the weekday glued it
to Django's date without a comma. Everything else is Django's own "lt"."""

DATE_FORMAT = r"l, Y \m. E j \d."  # Ketvirtadienis, 2026 m. gruodžio 10 d.
MONTH_DAY_FORMAT = r"l, E j \d."  # Ketvirtadienis, gruodžio 10 d.
DATETIME_FORMAT = r"l, Y \m. E j \d., H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
