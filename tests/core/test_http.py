"""The client's address: REMOTE_ADDR unless our own proxies vouch for another one."""

from django.test import RequestFactory

import pytest

from core.http import client_ip, client_network

PROXY = "10.0.0.2"
VISITOR = "203.0.113.7"


def request_from(remote_addr: str = PROXY, **headers: str):
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, headers=headers)


@pytest.fixture
def no_proxy(settings):
    settings.LINKAGE_TRUSTED_PROXY_COUNT = 0
    settings.LINKAGE_CLIENT_IP_HEADER = ""


@pytest.fixture
def one_proxy(settings):
    settings.LINKAGE_TRUSTED_PROXY_COUNT = 1
    settings.LINKAGE_CLIENT_IP_HEADER = ""


def test_without_a_proxy_a_forged_forwarded_for_is_ignored(no_proxy):
    request = request_from(VISITOR, x_forwarded_for="198.51.100.1")

    assert client_ip(request) == VISITOR


def test_the_default_settings_trust_no_proxy():
    from django.conf import settings

    assert (settings.LINKAGE_TRUSTED_PROXY_COUNT, settings.LINKAGE_CLIENT_IP_HEADER) == (0, "")


def test_behind_one_proxy_the_address_it_appended_is_the_client(one_proxy):
    request = request_from(x_forwarded_for=VISITOR)

    assert client_ip(request) == VISITOR


def test_behind_one_proxy_what_the_visitor_wrote_before_it_is_ignored(one_proxy):
    request = request_from(x_forwarded_for=f"198.51.100.1, 192.0.2.9, {VISITOR}")

    assert client_ip(request) == VISITOR


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(settings):
    settings.LINKAGE_TRUSTED_PROXY_COUNT = 2
    request = request_from(x_forwarded_for=f"198.51.100.1, {VISITOR}, 10.0.0.1")

    assert client_ip(request) == VISITOR


def test_behind_a_proxy_without_the_header_the_proxy_address_is_used(one_proxy):
    assert client_ip(request_from()) == PROXY


def test_a_forwarded_value_that_is_not_an_address_falls_back_to_remote_addr(one_proxy):
    request = request_from(x_forwarded_for="unknown")

    assert client_ip(request) == PROXY


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.7:51234", "203.0.113.7"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:DB8:0::1", "2001:db8::1"),
    ],
)
def test_ports_are_dropped_and_addresses_normalised(one_proxy, forwarded, expected):
    assert client_ip(request_from(x_forwarded_for=forwarded)) == expected


def test_a_named_client_ip_header_wins_over_forwarded_for(settings):
    settings.LINKAGE_TRUSTED_PROXY_COUNT = 1
    settings.LINKAGE_CLIENT_IP_HEADER = "X-Real-IP"
    request = request_from(x_real_ip=VISITOR, x_forwarded_for="198.51.100.1")

    assert client_ip(request) == VISITOR


def test_a_named_header_that_is_missing_falls_back_to_remote_addr(settings):
    settings.LINKAGE_CLIENT_IP_HEADER = "X-Real-IP"

    assert client_ip(request_from(x_forwarded_for=VISITOR)) == PROXY


@pytest.mark.django_db
def test_certificate_verification_counts_each_visitor_behind_the_proxy(client, one_proxy):
    url = "/certificates/verify/AAAA-AAAA-AAAA/"
    for _ in range(30):
        client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66")

    limited = client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66")
    other = client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR)

    assert (limited.status_code, other.status_code) == (429, 404)


@pytest.mark.parametrize(
    ("remote_addr", "expected"),
    [(VISITOR, VISITOR), ("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::")],
)
def test_rate_limits_count_an_ipv4_address_or_an_ipv6_slash_64(no_proxy, remote_addr, expected):
    assert client_network(request_from(remote_addr)) == expected
