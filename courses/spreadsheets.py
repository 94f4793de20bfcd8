"""Moved to ``core.spreadsheets`` (shared with events); kept only so bench/bench_courses.py
keeps working until it imports ``core.spreadsheets`` itself. Do not add to it."""

from core.spreadsheets import csv_stream, read_table, spreadsheet_safe, xlsx_file

__all__ = ["csv_stream", "read_table", "spreadsheet_safe", "xlsx_file"]
