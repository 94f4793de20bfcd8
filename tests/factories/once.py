"""Data built once for a whole test module, in a transaction rolled back after it: the
eleven-language trees cost seconds each, and every test only reads them."""

from collections.abc import Callable
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def built_for_module(django_db_blocker, build: Callable):
    """``with built_for_module(django_db_blocker, build_tree) as tree: yield tree`` in a
    module-scoped fixture (which asks for ``django_db_setup``); tests add ``db``."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
