"""Mentors: filled in by its own issue."""
