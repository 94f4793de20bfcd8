"""Local development and the `make run` demo: SQLite, console e-mail, tasks run eagerly."""

import os

from .base import *

DEBUG = True
# The local demo does not force organisers through TOTP set-up; production does.
LINKAGE_REQUIRE_MFA_FOR_STAFF = env_bool("LINKAGE_REQUIRE_MFA_FOR_STAFF", False)
INTERNAL_IPS = ["127.0.0.1"]
# A template or code change shows at once in `make run`; production caches pages.
LINKAGE_PAGE_CACHE_SECONDS = int(os.environ.get("LINKAGE_PAGE_CACHE_SECONDS", "0"))
