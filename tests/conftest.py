"""Fixtures for the whole suite, and the gate for tests that need real services.

Tests marked ``postgres`` run only when the default database is PostgreSQL; tests marked
``worker`` run only when ``CELERY_BROKER_URL`` is set. Elsewhere they are deselected (not
skipped): they are not part of that run at all, as on CI's SQLite leg.
"""

import os

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Site

import pytest

from people.enums import Role
from tests.factories import OrganisationFactory, totp_activate, user_with_role


def _real_service_gates() -> dict[str, bool]:
    from django.db import connections

    return {
        "postgres": connections["default"].vendor == "postgresql",
        "worker": bool(os.environ.get("CELERY_BROKER_URL")),
    }


def pytest_collection_modifyitems(config, items):
    gates = _real_service_gates()
    kept, deselected = [], []
    for item in items:
        closed = [
            name for name, open_ in gates.items() if not open_ and item.get_closest_marker(name)
        ]
        (deselected if closed else kept).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture
def celery_worker_live(transactional_db):
    """A real Celery worker in this process, consuming from the broker in CELERY_BROKER_URL.

    Tasks stop running eagerly while it lives. Use with
    ``@pytest.mark.worker`` and ``@pytest.mark.django_db(transaction=True)``: the worker's
    thread has its own database connection and sees only committed rows.
    """
    from celery.contrib.testing.worker import start_worker

    from config.celery_app import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with start_worker(
            app,
            pool="solo",
            concurrency=1,
            perform_ping_check=False,
            loglevel="WARNING",
            shutdown_timeout=30,
        ) as worker:
            yield worker
    finally:
        app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits, used TOTP codes and settings caches start empty in every test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _language_reset():
    """Every test starts in the default language and leaves none behind. A request
    activates the language it was answered in and the thread keeps it (LocaleMiddleware):
    after a test that read an Italian page, the next test's e-mails, panels and forms
    rendered outside a request would speak Italian."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def site(db) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def professional(db):
    return user_with_role(Role.PROFESSIONAL, email="vjosa@example.org")


@pytest.fixture
def mentor(db):
    return user_with_role(Role.MENTOR, email="amina@example.org")


@pytest.fixture
def programme(db):
    """ "Test programme" (Lithuania): the ``organiser`` fixture runs it."""
    from tests.factories.programmes import programme_make

    return programme_make()


@pytest.fixture
def other_programme(db):
    """Another programme (Kosovo), run by ``other_organiser``: its people must stay out of
    reach of ``organiser``."""
    from tests.factories.programmes import programme_make

    return programme_make(
        "Other programme",
        "other",
        countries=["XK"],
        languages=["sq", "sr-latn"],
        time_zone="Europe/Belgrade",
    )


@pytest.fixture
def organiser(programme):
    """An organiser of "Test programme" who has not set up two-factor authentication yet."""
    from tests.factories.programmes import organiser_of

    return organiser_of(programme, email="ruta@example.org")


@pytest.fixture
def other_organiser(other_programme):
    from tests.factories.programmes import organiser_of

    return organiser_of(other_programme, email="arta@example.org")


@pytest.fixture
def organiser_with_totp(organiser):
    totp_activate(organiser)
    return organiser


@pytest.fixture
def superuser(db):
    from tests.factories import UserFactory

    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Basic Court of Gjilan/Gnjilane")
