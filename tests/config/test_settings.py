"""Settings: production refuses to start without its secrets and passes the deploy checks;
the test settings run tasks eagerly; every public response carries the security headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest

from config.celery_app import app as celery_app

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Run Python in a clean environment: only what is passed here, PATH and HOME."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(ROOT)),
        "PYTHONPATH": ".:site",
        **env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_env(tmp_path, **overrides: str) -> dict[str, str]:
    """Everything production needs, with ``overrides`` (an empty value removes a variable)."""
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(45),
        "ALLOWED_HOSTS": "linkage.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        "EMAIL_HOST": "smtp.example.org",
        "LINKAGE_FIELD_ENCRYPTION_KEYS": "bGlua2FnZS10ZXN0cy1wcm9kdWN0aW9uLWtleS0zMiE=",
        **overrides,
    }
    return {name: value for name, value in env.items() if value}


PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
    "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL, s.CELERY_TASK_ALWAYS_EAGER, sep='|')"
)


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("REDIS_URL", "Set REDIS_URL (the shared cache), e.g. redis://127.0.0.1:6379/1."),
        ("CELERY_BROKER_URL", "Set CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0."),
        ("EMAIL_HOST", "Set EMAIL_HOST (with EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD)"),
        # Requesters' contact details are never encrypted with the development key.
        ("LINKAGE_FIELD_ENCRYPTION_KEYS", "Set LINKAGE_FIELD_ENCRYPTION_KEYS to a Fernet key"),
    ],
)
def test_production_refuses_to_start_without_redis_a_broker_or_an_email_server(
    tmp_path, missing, message
):
    result = _run(
        ["-c", "import django; django.setup()"], **production_env(tmp_path, **{missing: ""})
    )

    assert (result.returncode, f"ImproperlyConfigured: {message}" in result.stderr) == (1, True)


def test_production_sends_email_over_smtp_and_runs_tasks_on_the_worker(tmp_path):
    result = _run(["-c", PRINT_SETTINGS], **production_env(tmp_path, EMAIL_HOST_USER="linkage"))

    assert result.stdout.strip().split("|") == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "linkage",
        "",
        "True",
        "False",
        "False",
    ], result.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://linkage:p%40ss@smtp.example.org:2525",
            ["smtp.example.org", "2525", "linkage", "p@ss", "True", "False"],
        ),
        (
            "smtps://linkage:secret@smtp.example.org",
            ["smtp.example.org", "465", "linkage", "secret", "False", "True"],
        ),
    ],
)
def test_production_reads_the_email_server_from_email_url(tmp_path, url, expected):
    result = _run(["-c", PRINT_SETTINGS], **production_env(tmp_path, EMAIL_HOST="", EMAIL_URL=url))

    assert result.stdout.strip().split("|") == [
        "django.core.mail.backends.smtp.EmailBackend",
        *expected,
        "False",
    ], result.stderr


def test_production_refuses_an_email_url_it_cannot_read(tmp_path):
    result = _run(
        ["-c", "import django; django.setup()"],
        **production_env(tmp_path, EMAIL_HOST="", EMAIL_URL="console://"),
    )

    assert (
        result.returncode,
        "ImproperlyConfigured: EMAIL_URL must look like" in result.stderr,
    ) == (
        1,
        True,
    )


def test_production_settings_refuse_to_load_without_a_secret_key(tmp_path):
    result = _run(
        ["-c", "import django; django.setup()"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ALLOWED_HOSTS="linkage.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set DJANGO_SECRET_KEY to a long random value." in result.stderr


def test_production_settings_pass_check_deploy_at_warning_level(tmp_path):
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production_env(tmp_path)
    )

    assert (result.returncode, result.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    ), result.stderr


def test_test_settings_run_celery_tasks_eagerly():
    assert (settings.CELERY_TASK_ALWAYS_EAGER, celery_app.conf.task_always_eager) == (True, True)


def test_messages_are_kept_in_the_session_not_in_a_cookie():
    assert settings.MESSAGE_STORAGE == "django.contrib.messages.storage.session.SessionStorage"


def test_the_csrf_cookie_lasts_for_the_browser_session():
    assert settings.CSRF_COOKIE_AGE is None


def test_fonttools_logs_only_warnings():
    import logging

    assert logging.getLogger("fontTools.subset").getEffectiveLevel() == logging.WARNING


def test_the_user_model_is_the_people_user():
    assert settings.AUTH_USER_MODEL == "people.User"


def test_languages_are_the_programmes_and_their_participants_languages():
    assert [code for code, _name in settings.LANGUAGES] == [
        "en",
        "lt",
        "sq",
        "sr-latn",
        "ar",
        "es",
        "it",
        "el",
        "sl",
        "mk",
        "uk",
        "fa",
    ]


@pytest.fixture
def home_response(client, home_page):
    return client.get("/")


def test_public_pages_send_a_content_security_policy_without_unsafe_inline(home_response):
    policy = home_response["Content-Security-Policy"]

    assert (home_response.status_code, "'unsafe-inline'" in policy) == (200, False)
    assert "default-src 'self'" in policy.split("; ")


def test_public_pages_send_no_referrer(home_response):
    assert home_response["Referrer-Policy"] == "same-origin"


def test_public_pages_turn_off_browser_features_with_a_permissions_policy(home_response):
    features = dict(item.split("=", 1) for item in home_response["Permissions-Policy"].split(", "))

    assert {features["camera"], features["microphone"], features["geolocation"]} == {"()"}


def test_public_pages_may_not_be_framed(home_response):
    assert home_response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_admin_fetches_no_avatar_from_gravatar(client, superuser):
    from tests.factories import totp_activate

    totp_activate(superuser)
    client.force_login(superuser)
    body = client.get("/admin/").content.decode()
    assert ("gravatar" in body.lower(), "/admin/" in body) == (False, True)
