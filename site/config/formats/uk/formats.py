"""Ukrainian: only what Django's "uk" gets wrong. Its MONTH_DAY_FORMAT ("d F") writes the
month in the nominative, so the first day of a span read "14 Грудень – 16 грудня 2026 р.";
after a day number Ukrainian uses the genitive ("14 грудня"), as Django's own DATE_FORMAT
does ("d E Y р.", Django's "E"). Everything else is Django's "uk", which Django falls back
to for any name not set here."""

MONTH_DAY_FORMAT = "j E"  # 14 грудня
