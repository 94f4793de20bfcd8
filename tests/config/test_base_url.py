"""One base address: LINKAGE_BASE_URL, from which WAGTAILADMIN_BASE_URL, every link that
leaves the site and Wagtail's default Site record all follow."""

import subprocess
import sys

from django.test import override_settings

from wagtail.models import Site

import pytest

from core.addresses import absolute_url, base_host_and_port, default_site_align
from tests.config.test_settings import ROOT, _run, production_env

PRINT_BASE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.LINKAGE_BASE_URL, s.WAGTAILADMIN_BASE_URL)"
)


def test_tests_use_the_test_clients_address():
    from django.conf import settings

    assert (settings.LINKAGE_BASE_URL, settings.WAGTAILADMIN_BASE_URL) == (
        "http://testserver",
        "http://testserver",
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "https://linkage.example.org https://linkage.example.org"),
        (
            {"LINKAGE_BASE_URL": "https://learn.example.org/"},
            "https://learn.example.org https://learn.example.org",
        ),
        # An older deployment's variable still works.
        (
            {"WAGTAILADMIN_BASE_URL": "https://old.example.org"},
            "https://old.example.org https://old.example.org",
        ),
    ],
)
def test_production_takes_the_base_url_from_the_environment_or_the_first_host(
    tmp_path, env, expected
):
    result = _run(["-c", PRINT_BASE], **production_env(tmp_path, **env))

    assert result.stdout.strip() == expected, result.stderr


def test_make_run_uses_the_development_servers_address():
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": ".:site"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", PRINT_BASE],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.stdout.strip() == "http://127.0.0.1:8000 http://127.0.0.1:8000", result.stderr


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/certificates/verify/ABCD-2345-EFGH/",
            "https://linkage.example.org/certificates/verify/ABCD-2345-EFGH/",
        ),
        ("my/", "https://linkage.example.org/my/"),
        ("https://elsewhere.example.org/x/", "https://elsewhere.example.org/x/"),
        ("", ""),
    ],
)
@override_settings(LINKAGE_BASE_URL="https://linkage.example.org/")
def test_absolute_url_puts_a_path_on_the_base_url(path, expected):
    assert absolute_url(path) == expected


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("https://linkage.example.org", ("linkage.example.org", 443)),
        ("http://testserver", ("testserver", 80)),
    ],
)
def test_the_base_url_names_the_host_and_port_of_the_site_record(base, expected):
    with override_settings(LINKAGE_BASE_URL=base):
        assert base_host_and_port() == expected


def test_after_migrate_the_default_site_answers_at_the_base_url(site):
    """The test database was migrated with LINKAGE_BASE_URL=http://testserver."""
    assert (site.hostname, site.port, site.root_url) == ("testserver", 80, "http://testserver")


@override_settings(LINKAGE_BASE_URL="https://linkage.example.org")
def test_the_site_record_follows_a_new_base_url_and_pages_full_urls_with_it(site, home_page):
    Site.objects.filter(pk=site.pk).update(hostname="localhost", port=8000)
    Site.clear_site_root_paths_cache()

    changed = default_site_align()

    site.refresh_from_db()
    assert (changed, site.root_url, home_page.full_url) == (
        True,
        "https://linkage.example.org",
        "https://linkage.example.org/",
    )
    assert default_site_align() is False  # already in step: nothing to do


@override_settings(LINKAGE_BASE_URL="http://127.0.0.1:8000")
def test_the_migrate_command_brings_the_site_record_in_step(site):
    from django.core.management import call_command

    Site.objects.filter(pk=site.pk).update(hostname="localhost", port=80)

    call_command("migrate", verbosity=0)

    site.refresh_from_db()
    assert site.root_url == "http://127.0.0.1:8000"
