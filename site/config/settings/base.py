"""Settings shared by every environment. dev, test and production adjust a few of them."""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url

ROOT_DIR = Path(__file__).resolve().parents[3]
SITE_DIR = ROOT_DIR / "site"
BASE_DIR = ROOT_DIR


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def email_settings_from_url(url: str) -> dict:
    """SMTP settings from an ``EMAIL_URL``: ``smtp://user:password@host:587`` (STARTTLS),
    ``smtps://user:password@host:465`` (TLS from the first byte). User and password are
    percent-encoded like any URL's."""
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ValueError("EMAIL_URL must look like smtp://user:password@host:587 or smtps://…")
    implicit_tls = parts.scheme == "smtps"
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or (465 if implicit_tls else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": not implicit_tls,
        "EMAIL_USE_SSL": implicit_tls,
    }


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-local-development-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    # Linkage
    "core",
    "people",
    "programmes",
    "home",
    "impact",
    "certificates",
    "courses",
    "events",
    "mentors",
    "campaigns",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "programmes.apps.LinkageUsersConfig",  # wagtail.users, with role and programmes
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Other
    "import_export",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' pages from the cache: a hit skips everything below (core.page_cache).
    "core.page_cache.PageCacheMiddleware",
    # Before anything reads the session or the database: PostgreSQL cannot store NUL.
    "core.middleware.RefuseNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "people.middleware.RequireTwoFactorMiddleware",
    "people.middleware.AdminGateMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: under DEBUG, errors still answer with our own pages and their quick exit.
    "core.middleware.FriendlyErrorsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [ROOT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.linkage",
            ],
            # 112 and the national helplines, grouped by country (safety page, helplines block).
            "libraries": {"helplines": "home.helplines"},
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{ROOT_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# One way in: allauth's log-in (rate limits, e-mail verification, TOTP). Wagtail's own admin
# and front-end log-in and its password reset redirect there (config/urls.py).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "people:dashboard"
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# A page behind a shared password asks for it in the site's layout, quick exit included.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "home/password_required.html"  # noqa: S105
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Passwords change at /accounts/password/change/ (allauth: re-authentication, notification).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False

# --- Languages -------------------------------------------------------------------------
LANGUAGE_CODE = "en"
# Our own short date formats for English (config/formats/en): never month-first numbers.
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGES = [
    ("en", "English"),
    ("lt", "Lietuvių"),
    ("sq", "Shqip"),
    ("sr-latn", "Srpski (latinica)"),
    ("ar", "العربية"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("el", "Ελληνικά"),
    ("sl", "Slovenščina"),
    ("mk", "Македонски"),
    ("uk", "Українська"),
    ("fa", "فارسی"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Every language's page tree follows English (wagtail-localize aliases, core.locales).
LINKAGE_LOCALE_SYNC = env_bool("LINKAGE_LOCALE_SYNC", True)
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [ROOT_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = ROOT_DIR / "var" / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", ROOT_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Cache and Celery ------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "linkage",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Each worker's copy of the pages it serves from the cache (core.page_cache): a hit then
# needs no round trip to Redis. At most MAX_ENTRIES pages (about 50 kB each) per worker.
CACHES["page_cache_local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "linkage-page-cache",
    "OPTIONS": {"MAX_ENTRIES": 200},
}
# Seconds an anonymous visitor's page is served from the cache (core.page_cache); 0 = off.
# Publishing anything a page shows makes every cached page stale at once.
LINKAGE_PAGE_CACHE_SECONDS = int(os.environ.get("LINKAGE_PAGE_CACHE_SECONDS", "300"))

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {
    "events-reminders": {"task": "events.reminders_due", "schedule": 600.0},
    "events-offers-expire": {"task": "events.offers_expire", "schedule": 300.0},
    # E-mails a killed worker left "sending", or whose task was lost, go out again.
    "core-outbox-requeue-stale": {"task": "core.outbox_requeue_stale", "schedule": 300.0},
    # Import previews nobody confirmed: their uploaded files are erased.
    "core-import-jobs-expire": {"task": "core.import_jobs_expire", "schedule": 900.0},
    # Requesters' contact details erased after the retention time; session reminders and
    # feedback forms (each sent once).
    "mentors-contacts-erase": {"task": "mentors.contacts_erase", "schedule": 3600.0},
    "mentors-nudges": {"task": "mentors.nudges_due", "schedule": 3600.0},
    # Pledge totals recounted (pages read them), addresses erased after the campaign.
    "campaigns-totals": {"task": "campaigns.totals_refresh", "schedule": 300.0},
    "campaigns-pledges-erase": {"task": "campaigns.pledges_erase", "schedule": 3600.0},
    # Indicator values recomputed where the ledger moved since (and time passed: periods,
    # red/amber/green against the time elapsed).
    "impact-indicators-refresh": {"task": "impact.indicators_refresh_all", "schedule": 900.0},
}

# --- Events ----------------------------------------------------------------------------
# Reminders go this many hours before each occurrence (each one once per registrant).
EVENTS_REMINDER_OFFSETS_HOURS = [
    int(hours)
    for hours in os.environ.get("EVENTS_REMINDER_OFFSETS_HOURS", "72,2").split(",")
    if hours.strip()
]
# How long a place offered from the waiting list stays open before it goes to the next person.
EVENTS_OFFER_HOURS = int(os.environ.get("EVENTS_OFFER_HOURS", "48"))

# --- E-mail ----------------------------------------------------------------------------
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Linkage <no-reply@linkage.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Accounts (django-allauth) ---------------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Linkage] "
ACCOUNT_ADAPTER = "people.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "people.forms.SignupExtraForm"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/5m/key,20/5m/ip",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "confirm_email": "1/3m/key",
}
# The client address behind our own proxies (core.http.client_ip): how many proxies append
# to X-Forwarded-For, or the one header a proxy overwrites with it (X-Real-IP). 0 and empty:
# REMOTE_ADDR only, and a forged X-Forwarded-For is ignored.
LINKAGE_TRUSTED_PROXY_COUNT = int(os.environ.get("LINKAGE_TRUSTED_PROXY_COUNT", "0"))
LINKAGE_CLIENT_IP_HEADER = os.environ.get("LINKAGE_CLIENT_IP_HEADER", "").strip()
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Linkage"
# Organisers and admins must set up TOTP before they can do anything else.
LINKAGE_REQUIRE_MFA_FOR_STAFF = env_bool("LINKAGE_REQUIRE_MFA_FOR_STAFF", True)

# --- Sessions and security -------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = True
# A session cookie, not a one-year one: nothing outlives closing the browser.
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "home.errors.csrf_failure"
# Messages live in the session, never in a cookie ("Welcome back, <full name>").
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# Never a referrer to another site. Not "no-referrer": browsers then send `Origin: null`
# on our own form posts, and Django's CSRF check (Origin, or Referer over HTTPS) refuses them.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# --- Wagtail ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Linkage"
# Wagtail's admin would fetch avatars from gravatar.com: no third-party requests, anywhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The one address the site is reached at (core.addresses): every link that leaves the site
# (e-mails, calendar files, certificate verification links) is built on it, Wagtail's admin
# reads it, and the default Site record is kept in step with it after every migrate.
# WAGTAILADMIN_BASE_URL is still read from the environment for older deployments.
LINKAGE_BASE_URL = (
    os.environ.get("LINKAGE_BASE_URL")
    or os.environ.get("WAGTAILADMIN_BASE_URL")
    or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = LINKAGE_BASE_URL
WAGTAILEMBEDS_FINDERS: list = []  # no third-party embeds: nothing may call out to oEmbed hosts
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# --- Linkage ---------------------------------------------------------------------------
# Our own 404 and 500 pages, with the quick exit, even under DEBUG (make run); the traceback
# still goes to the console. LINKAGE_FRIENDLY_ERRORS=false brings back Django's debug pages.
LINKAGE_FRIENDLY_ERRORS = env_bool("LINKAGE_FRIENDLY_ERRORS", True)
# Where quick exit goes when no site setting says otherwise: neutral, nothing personalised.
LINKAGE_DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
# The admin's Help menu leads here: the organiser guide, a page of the site.
LINKAGE_ORGANISER_GUIDE_URL = os.environ.get("LINKAGE_ORGANISER_GUIDE_URL", "/organiser-guide/")
# Public statistics, and every table shown to someone other than the programme's organisers,
# show a count under this number as "<5" (with complementary suppression, impact.suppression).
LINKAGE_SMALL_COUNT_THRESHOLD = int(os.environ.get("LINKAGE_SMALL_COUNT_THRESHOLD", "5"))
# --- Impact ----------------------------------------------------------------------------
# After a ledger write, indicator values are recomputed at most this often (seconds) per
# programme, by a Celery task; the beat task catches anything missed.
IMPACT_REFRESH_INTERVAL = int(os.environ.get("IMPACT_REFRESH_INTERVAL", "30"))
# Red/amber/green: progress against the share of the programme's time elapsed. At or above
# GREEN of the expected value is green, at or above AMBER amber, below it red.
IMPACT_RAG_GREEN = float(os.environ.get("IMPACT_RAG_GREEN", "0.9"))
IMPACT_RAG_AMBER = float(os.environ.get("IMPACT_RAG_AMBER", "0.7"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail's background tasks (search index, references) and Celery's task tracer log
    # every run at INFO; failures still show.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        # fontTools logs every glyph subset at INFO, with the certificate holder's name.
        "fontTools": {"level": "WARNING"},
    },
}

# --- Encryption at rest -----------------------------------------------------------------
# Fernet keys, newest first, comma-separated (core.crypto): requesters' contact details.
# Development has a fixed key so `make run` works; production refuses to start without one.
LINKAGE_FIELD_ENCRYPTION_KEYS = [
    key.strip()
    for key in os.environ.get(
        "LINKAGE_FIELD_ENCRYPTION_KEYS", "ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LXVzZSE="
    ).split(",")
    if key.strip()
]

# --- Mentors ----------------------------------------------------------------------------
# How the matcher weighs each criterion (0-10 each; organisers read them in the admin).
MENTORS_MATCH_WEIGHTS = {
    "expertise": int(os.environ.get("MENTORS_WEIGHT_EXPERTISE", "4")),
    "availability": int(os.environ.get("MENTORS_WEIGHT_AVAILABILITY", "2")),
    "waiting": int(os.environ.get("MENTORS_WEIGHT_WAITING", "2")),
    "load": int(os.environ.get("MENTORS_WEIGHT_LOAD", "2")),
}
# Points added for a woman who was left waiting in an earlier round or lost her match: she
# is matched before anyone who fits equally well.
MENTORS_PRIORITY_BONUS = int(os.environ.get("MENTORS_PRIORITY_BONUS", "50"))
# Waiting this many days or more earns the whole "waiting time" score.
MENTORS_WAITING_FULL_DAYS = int(os.environ.get("MENTORS_WAITING_FULL_DAYS", "30"))
# How many requests one person (or one contact) may have open at once.
MENTORS_MAX_OPEN_REQUESTS = int(os.environ.get("MENTORS_MAX_OPEN_REQUESTS", "3"))
# How many requests one signed-in person filing on women's behalf (a service) may have open.
MENTORS_MAX_OPEN_REQUESTS_ON_BEHALF = int(
    os.environ.get("MENTORS_MAX_OPEN_REQUESTS_ON_BEHALF", "25")
)
# Requests one connection may send per hour (/mentoring/ask/): floods and bots stop there.
MENTORS_ASK_LIMIT_PER_HOUR = int(os.environ.get("MENTORS_ASK_LIMIT_PER_HOUR", "10"))
# Requesters' names and contact details are erased this many days after the match closes.
MENTORS_CONTACT_RETENTION_DAYS = int(os.environ.get("MENTORS_CONTACT_RETENTION_DAYS", "30"))
# Requests still waiting for a mentor after this many days are withdrawn (their contact
# details are then erased like any other's): no one's contact is kept forever.
MENTORS_REQUEST_EXPIRY_DAYS = int(os.environ.get("MENTORS_REQUEST_EXPIRY_DAYS", "180"))
# A match runs this many weeks by default; midpoint feedback halfway, closing at the end.
MENTORS_MATCH_WEEKS = int(os.environ.get("MENTORS_MATCH_WEEKS", "12"))
# A mentor with an active match and no session logged for this many days is reminded once.
MENTORS_SESSION_REMINDER_DAYS = int(os.environ.get("MENTORS_SESSION_REMINDER_DAYS", "14"))
# An offer a mentor has not answered after this many days is declined for her ("no time"):
# the request goes to the next round, first in line.
MENTORS_OFFER_DAYS = int(os.environ.get("MENTORS_OFFER_DAYS", "7"))

# Campaigns (see README "Campaigns").
# Pledgers' addresses are erased this many days after the campaign's last day.
CAMPAIGNS_PLEDGE_RETENTION_DAYS = int(os.environ.get("CAMPAIGNS_PLEDGE_RETENTION_DAYS", "90"))
# A pledge not confirmed within this many days no longer waits (its address is erased).
CAMPAIGNS_PLEDGE_CONFIRM_DAYS = int(os.environ.get("CAMPAIGNS_PLEDGE_CONFIRM_DAYS", "7"))
# Pledge submissions accepted per client IP address, and per e-mail address, per hour.
CAMPAIGNS_PLEDGE_LIMIT_PER_IP = int(os.environ.get("CAMPAIGNS_PLEDGE_LIMIT_PER_IP", "120"))
CAMPAIGNS_PLEDGE_LIMIT_PER_ADDRESS = int(os.environ.get("CAMPAIGNS_PLEDGE_LIMIT_PER_ADDRESS", "3"))
# Totals are recounted at most this often (seconds) after a confirmation, then pages refresh.
CAMPAIGNS_TOTALS_INTERVAL = int(os.environ.get("CAMPAIGNS_TOTALS_INTERVAL", "20"))
