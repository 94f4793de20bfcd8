"""English dates as European readers take them: Django's "en" writes short dates the
American way (12/01/2026), which a reader in Vilnius or Pristina takes for 12 January. The
short formats name the month instead; everything else is Django's own "en"."""

SHORT_DATE_FORMAT = "j M Y"  # 1 Dec 2026
SHORT_DATETIME_FORMAT = "j M Y H:i"  # 1 Dec 2026 12:40
