"""Certificates: filled in by the courses issue."""
