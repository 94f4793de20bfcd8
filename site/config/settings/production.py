"""Production: every value comes from the environment (see .env.example)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY.startswith("insecure-"):
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a long random value.")

# Requesters' contact details are encrypted with these (core.crypto): never the built-in
# development key.
if not os.environ.get("LINKAGE_FIELD_ENCRYPTION_KEYS", "").strip():
    raise ImproperlyConfigured(
        'Set LINKAGE_FIELD_ENCRYPTION_KEYS to a Fernet key: python -c "from '
        'cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL, e.g. postgres://user:pass@host:5432/linkage.")

LINKAGE_REQUIRE_MFA_FOR_STAFF = env_bool("LINKAGE_REQUIRE_MFA_FOR_STAFF", True)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
MFA_TRUST_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))

# Shared services, never a silent fallback: without Redis every gunicorn worker would keep
# its own rate-limit counts, and without a broker tasks would run inside the request.
if not REDIS_URL:
    raise ImproperlyConfigured("Set REDIS_URL (the shared cache), e.g. redis://127.0.0.1:6379/1.")
if not CELERY_BROKER_URL:
    raise ImproperlyConfigured("Set CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0.")
CELERY_TASK_ALWAYS_EAGER = False

# Outgoing e-mail: EMAIL_URL, or EMAIL_HOST and its companions. Never the console.
if os.environ.get("EMAIL_URL"):
    try:
        _email = email_settings_from_url(os.environ["EMAIL_URL"])
    except ValueError as error:
        raise ImproperlyConfigured(str(error)) from error
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    raise ImproperlyConfigured(
        "Set EMAIL_HOST (with EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) or EMAIL_URL, "
        "e.g. smtp://user:password@smtp.example.org:587: sign-up and password reset send e-mail."
    )

LINKAGE_BASE_URL = (
    os.environ.get("LINKAGE_BASE_URL")
    or os.environ.get("WAGTAILADMIN_BASE_URL")
    or f"https://{ALLOWED_HOSTS[0].lstrip('.')}"  # ".example.org" allows subdomains
).rstrip("/")
WAGTAILADMIN_BASE_URL = LINKAGE_BASE_URL
