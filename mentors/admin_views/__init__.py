"""Mentoring in the Wagtail admin: the mentor pool, requests (never who she is), matching
rounds and their review, matches, concerns and the matching weights, and the panel of a
programme's dashboard.

Plain views under /admin/mentoring/ (namespace ``mentors_admin``, see ``admin_urls``)
rather than Wagtail ModelViewSets: a viewset brings edit, history, usage, copy and export
views, each of which would need the programme scope and the personal-data rule taught to
it; here every view reads through ``common``'s scoped querysets, and every change is a
POST that calls ``mentors.services`` or ``mentors.rounds``.
"""

from .matches import (
    concern_detail,
    concern_list,
    concern_resolve,
    match_block,
    match_detail,
    match_end,
    match_list,
)
from .mentoring_requests import request_detail, requests
from .overview import programme_panel, weights
from .pool import mentor, mentor_approve, mentor_status, pool
from .rounds import (
    round_accept,
    round_detail,
    round_discard,
    round_list,
    round_rerun,
    round_run,
    suggestion_change,
)

__all__ = [
    "concern_detail",
    "concern_list",
    "concern_resolve",
    "match_block",
    "match_detail",
    "match_end",
    "match_list",
    "mentor",
    "mentor_approve",
    "mentor_status",
    "pool",
    "programme_panel",
    "request_detail",
    "requests",
    "round_accept",
    "round_detail",
    "round_discard",
    "round_list",
    "round_rerun",
    "round_run",
    "suggestion_change",
    "weights",
]
