"""The campaign filter of the events listing (owned by the events-link work)."""


def register() -> None:
    return None
