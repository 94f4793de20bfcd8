"""The indicator engine: counting rules over the participation ledger, values counted in
SQL and cached, small numbers hidden, and manual entries as the approved fallback.

- ``rules``: which ledger rows an indicator counts;
- ``periods``: the reporting periods in the programme's time zone;
- ``compute``: the values, and their cache (``IndicatorValue``);
- ``rag``: red, amber or green against the programme's elapsed time;
- ``suppression`` and ``present``: what a page or a file shows, small numbers hidden;
- ``selectors``: indicators and their evidence, kept to the reader's programmes;
- ``services``: manual entries (submit, approve, reject), audited in ``log_actions``;
- ``tasks``: recounting after ledger writes, and periodically.
"""

from .compute import indicator_compute, indicator_result, indicators_refresh, programme_results
from .periods import programme_periods
from .present import IndicatorView, may_see_small_cells, presented
from .rules import indicator_rows
from .selectors import indicator_evidence, indicator_for, indicators_visible_to
from .services import manual_entry_approve, manual_entry_reject, manual_entry_submit
from .suppression import SuppressedTable, suppress_list, suppress_table
from .tasks import indicators_refresh_soon

__all__ = [
    "IndicatorView",
    "SuppressedTable",
    "indicator_compute",
    "indicator_evidence",
    "indicator_for",
    "indicator_result",
    "indicator_rows",
    "indicators_refresh",
    "indicators_refresh_soon",
    "indicators_visible_to",
    "manual_entry_approve",
    "manual_entry_reject",
    "manual_entry_submit",
    "may_see_small_cells",
    "presented",
    "programme_periods",
    "programme_results",
    "suppress_list",
    "suppress_table",
]
