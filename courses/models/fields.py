"""Moved to ``core.fields`` (shared with events); kept so older imports keep working."""

from core.fields import ChoiceListField, json_list_contains

__all__ = ["ChoiceListField", "json_list_contains"]
