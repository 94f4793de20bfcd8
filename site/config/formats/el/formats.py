"""Greek: Django's "el" gives the long date as numbers (15/12/2026), the time with a
12-hour "μμ." and weeks from Sunday. Greek writes the month in the genitive
("15 Δεκεμβρίου 2026", Django's "E"), timetables use the 24-hour clock, and weeks start on
Monday. Everything else (typed dates day first) is Django's own."""

DATE_FORMAT = "j E Y"  # 15 Δεκεμβρίου 2026
DATETIME_FORMAT = "j E Y, H:i"  # 15 Δεκεμβρίου 2026, 17:05
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j E"  # 15 Δεκεμβρίου
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
