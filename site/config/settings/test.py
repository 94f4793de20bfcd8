"""The test suite: SQLite and eager tasks by default; PostgreSQL and Redis when CI sets
DATABASE_URL, REDIS_URL and CELERY_BROKER_URL."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LINKAGE_REQUIRE_MFA_FOR_STAFF = True
# Worker tests opt in to the broker themselves (tests/conftest.py); everything else is eager.
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LINKAGE_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# A test's pages are not copied into eleven trees; the locale tests turn it on.
LINKAGE_LOCALE_SYNC = False
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS}
# Pages are rendered for every request; the page cache's own tests turn it on. No copy of
# pages in the test process's memory (it would outlive conftest's cache.clear() between
# tests); tests/core/test_page_cache.py adds it back.
LINKAGE_PAGE_CACHE_SECONDS = 0
CACHES = {alias: config for alias, config in CACHES.items() if alias != "page_cache_local"}

# pytest-xdist: each worker process ("gw0", "gw1", ...) gets its own Redis databases for the
# cache and the broker. Tests clear the cache (FLUSHDB) and the worker tests consume tasks:
# sharing one database, a worker would wipe the other's rate limits and run its tasks
# against the wrong test database.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _xdist_worker.startswith("gw"):
    import re as _re

    _n = int(_xdist_worker[2:])

    def _redis_db(url: str, db: int) -> str:
        return _re.sub(r"(redis://[^/]+)(/\d*)?$", rf"\g<1>/{db}", url)

    if REDIS_URL:
        CACHES["default"]["LOCATION"] = _redis_db(REDIS_URL, 6 + 2 * _n)
    if CELERY_BROKER_URL.startswith("redis://"):
        CELERY_BROKER_URL = _redis_db(CELERY_BROKER_URL, 7 + 2 * _n)
