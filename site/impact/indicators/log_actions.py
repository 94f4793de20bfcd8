"""The audit trail of manual entries in Wagtail's log (an entry's history in the admin):
who entered a number, who approved or rejected it, and why.

``impact.wagtail_hooks`` imports this module so Wagtail finds the actions whenever it
scans its hooks.
"""

from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.log_actions import LogFormatter

SUBMIT = "impact.manual_entry.submit"
APPROVE = "impact.manual_entry.approve"
REJECT = "impact.manual_entry.reject"


class _RejectFormatter(LogFormatter):
    """The reason for a rejection is the log entry's comment."""

    label = gettext_lazy("Reject number")
    message = gettext_lazy("Number rejected")

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


@hooks.register("register_log_actions")
def register_manual_entry_log_actions(actions):
    actions.register_action(SUBMIT, gettext_lazy("Enter number"), gettext_lazy("Number entered"))
    actions.register_action(
        APPROVE, gettext_lazy("Approve number"), gettext_lazy("Number approved")
    )
    actions.register_action(REJECT)(_RejectFormatter)
