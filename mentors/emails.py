"""E-mails of the mentors app, through the shared outbox (core.outbox)."""


def register() -> None:
    """Register the outbox composers (called from MentorsConfig.ready)."""
