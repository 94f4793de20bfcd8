"""The client's address, in one place: allauth's rate limits (people.adapters) and the
certificate verification check both ask ``client_ip(request)``.

Behind a TLS proxy every request comes from the proxy's address, so the visitor's own address
must be read from a header the proxy sets. Only a header our own proxies write can be trusted:
anything a visitor sends (a forged ``X-Forwarded-For``) must be ignored. Two settings say how:

``LINKAGE_TRUSTED_PROXY_COUNT`` (env ``LINKAGE_TRUSTED_PROXY_COUNT``, default 0)
    How many proxies we run in front of the site. Each one appends the address it received
    the request from to ``X-Forwarded-For``, so the client is the N-th entry from the right;
    entries further left were written by the visitor and are not believed. 0: the header is
    ignored and ``REMOTE_ADDR`` is the client.
``LINKAGE_CLIENT_IP_HEADER`` (env ``LINKAGE_CLIENT_IP_HEADER``, default empty)
    A header our proxy sets to the client's address and overwrites on every request
    (``X-Real-IP`` with nginx's ``proxy_set_header``). When set it wins over the count.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _clean(value: str | None) -> str | None:
    """The address in ``value`` in its canonical form, or None if it is not one.

    A port (``203.0.113.7:5123``, ``[2001:db8::1]:443``) is dropped.
    """
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _forwarded_for(request: HttpRequest, proxies: int) -> str | None:
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if proxies <= 0 or len(entries) < proxies:
        # Fewer entries than proxies: the request did not come through all of them.
        return None
    return _clean(entries[-proxies])


def client_ip(request: HttpRequest) -> str:
    """The address of the person making ``request``, as far as our own proxies vouch for it.

    Falls back to ``REMOTE_ADDR`` whenever the trusted header is missing or not an address,
    and to ``""`` only when even that is absent.
    """
    header = getattr(settings, "LINKAGE_CLIENT_IP_HEADER", "")
    if header:
        key = "HTTP_" + header.upper().replace("-", "_")
        address = _clean(request.META.get(key))
    else:
        address = _forwarded_for(request, int(getattr(settings, "LINKAGE_TRUSTED_PROXY_COUNT", 0)))
    return address or _clean(request.META.get("REMOTE_ADDR")) or ""


IPV6_PREFIX = 64  # one IPv6 subscriber usually holds a whole /64, as allauth assumes


def client_network(request: HttpRequest) -> str:
    """What a rate limit should count: the client's IPv4 address, or its IPv6 /64 network,
    so that stepping through the addresses of one /64 does not reset the count."""
    address = client_ip(request)
    if ":" not in address:
        return address
    network = ipaddress.IPv6Network(f"{address}/{IPV6_PREFIX}", strict=False)
    return str(network.network_address)
