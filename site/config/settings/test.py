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
