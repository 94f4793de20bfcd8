"""The mentor's panel on My Linkage (people.dashboard)."""


def register() -> None:
    """Register the My Linkage panel (called from MentorsConfig.ready)."""
