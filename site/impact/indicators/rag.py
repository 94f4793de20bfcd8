"""Red, amber or green: is the indicator where it should be by now?

A programme that is half-way through should have reached about half of its target. The
value is compared with ``target × elapsed share of the programme`` (``expected``): at or
above ``IMPACT_RAG_GREEN`` of it is green, at or above ``IMPACT_RAG_AMBER`` amber, else red.
Without a target or without start and end dates there is nothing to compare with.
"""

import math
from datetime import date

from django.conf import settings

from ..enums import RagStatus


def elapsed_share(starts_on: date, ends_on: date, today: date) -> float:
    """How much of the programme's time has passed, from 0 (not started) to 1 (over)."""
    if today <= starts_on:
        return 0.0
    if today >= ends_on:
        return 1.0
    return (today - starts_on).days / (ends_on - starts_on).days


def rag_status(
    *, value: int, target: int | None, starts_on: date | None, ends_on: date | None, today: date
) -> tuple[str, int | None]:
    """(``RagStatus`` value, expected value by ``today`` rounded up, or None)."""
    if not target or starts_on is None or ends_on is None:
        return RagStatus.NONE, None
    expected = target * elapsed_share(starts_on, ends_on, today)
    if value >= settings.IMPACT_RAG_GREEN * expected:
        status = RagStatus.GREEN
    elif value >= settings.IMPACT_RAG_AMBER * expected:
        status = RagStatus.AMBER
    else:
        status = RagStatus.RED
    return status, math.ceil(expected)
