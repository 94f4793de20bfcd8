"""Campaigns in the Wagtail admin, for organisers: the campaigns list, each campaign's
dashboard (pledges per day, reach against the target, what the ledger counted, partners),
its reach records, the pledge wall's moderation queue, the follow-up contacts export, and
the panel of a programme's dashboard.

Plain views under /admin/campaigns/ (namespace ``campaigns_admin``, see ``urls``) rather
than Wagtail ModelViewSets: a viewset brings edit, history, usage, copy and export views,
each of which would need the programme scope and the pledgers' privacy taught to it; here
every view reads through ``campaigns.admin_selectors`` (scoped to the reader's programmes,
pledges without their addresses), and every change is a POST that calls a service
(``campaigns.reach``, ``campaigns.services.wall_decide``).
"""

from .panel import programme_panel

__all__ = ["programme_panel"]
