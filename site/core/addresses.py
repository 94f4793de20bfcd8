"""The site's one base address, and the full addresses built from it.

``settings.LINKAGE_BASE_URL`` (from the environment; ``http://127.0.0.1:8000`` under
``make run``, ``http://testserver`` in tests, ``https://<first allowed host>`` in production)
is the address people reach the site at. Everything that leaves the site with a link in it
uses it: e-mails, calendar files and feeds, certificate verification links, the QR code on a
certificate. ``WAGTAILADMIN_BASE_URL`` is derived from it in settings, and Wagtail's default
Site record (whose ``root_url`` makes ``Page.full_url``) is kept in step after every
``migrate`` (``default_site_align``), so a page's full address and an e-mail's link agree.

Inside a request, links stay relative: the visitor is already at the right address.
"""

from urllib.parse import urlsplit

from django.conf import settings

ABSOLUTE_SCHEMES = ("http://", "https://")


def base_url() -> str:
    """The configured base address, without a trailing slash: ``https://linkage.example.org``."""
    return settings.LINKAGE_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (``/certificates/verify/ABCD-…/``, from ``reverse`` or ``page.url``) as a full
    address on the base URL. An address that is already absolute is returned unchanged; an
    empty one stays empty (a page without a URL has no address to link to)."""
    if not path:
        return ""
    if path.startswith(ABSOLUTE_SCHEMES):
        return path
    return base_url() + "/" + path.lstrip("/")


def base_host_and_port() -> tuple[str, int] | None:
    """The host name and port of the base URL, as Wagtail's Site record stores them (443
    for https and 80 for http unless the address names a port); None if it has no host."""
    parts = urlsplit(base_url())
    if not parts.hostname:
        return None
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def default_site_align() -> bool:
    """Point the default Wagtail Site at the base URL's host and port, so ``root_url`` and
    every ``full_url`` agree with the links in e-mails. True if the record changed.

    Saved through the model, so Wagtail forgets its cached site root paths."""
    from wagtail.models import Site

    target = base_host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if target is None or site is None or (site.hostname, site.port) == target:
        return False
    # Another Site record may already hold that host and port: leave both alone.
    if Site.objects.filter(hostname=target[0], port=target[1]).exclude(pk=site.pk).exists():
        return False
    site.hostname, site.port = target
    site.save(update_fields=["hostname", "port"])
    return True
