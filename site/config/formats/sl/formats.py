"""Slovenian: Django's "sl" starts the week on Sunday; Slovenia's calendars start on Monday."""

FIRST_DAY_OF_WEEK = 1  # Monday
