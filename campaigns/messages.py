"""Pledge e-mails (owned by the pledges work): filled in by its helper."""


def register() -> None:
    return None
