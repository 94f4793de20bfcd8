"""Campaigns: filled in by its own issue."""
