"""One pledge per address per campaign: the address in the form that makes its aliases one.

``address_normalise`` folds what a mail provider itself folds, so that ``Ana.Petrovic+16days
@googlemail.com`` and ``anapetrovic@gmail.com`` (one mailbox) make one pledge. Only the
providers whose rules are documented are folded:

- every address: surrounding spaces dropped, Unicode composed (NFC), the whole address in
  lower case (mailbox names are case-insensitive at every provider people really use,
  although the standard leaves the local part's case to the receiving server);
- Gmail (``gmail.com``, ``googlemail.com`` → ``gmail.com``): dots ignored, ``+tag`` dropped;
- Microsoft (Outlook, Hotmail, Live, MSN), Apple (iCloud, me.com, mac.com), Proton
  (protonmail.com/.ch, proton.me, pm.me) and Fastmail: ``+tag`` dropped;
- Yahoo (and ymail, rocketmail): ``-keyword`` (disposable addresses) dropped; a Yahoo ID
  cannot itself hold a hyphen.

Any other domain (an organisation's own, a national provider) is only lower-cased: its rules
are unknown, and treating ``jo+x@example.org`` and ``jo@example.org`` as one person there
could merge two people's pledges. A provider that ignores dots is thus not folded unless it
is Gmail. The result identifies an address (its digest is stored); the pledge keeps the
address as typed for sending.
"""

import unicodedata

GMAIL = "gmail.com"
GMAIL_DOMAINS = frozenset({"gmail.com", "googlemail.com"})
PLUS_TAG_DOMAINS = frozenset(
    {
        # Microsoft
        "outlook.com",
        "outlook.fr",
        "outlook.de",
        "outlook.it",
        "outlook.es",
        "hotmail.com",
        "hotmail.co.uk",
        "hotmail.fr",
        "hotmail.de",
        "hotmail.it",
        "hotmail.es",
        "hotmail.gr",
        "live.com",
        "live.co.uk",
        "live.fr",
        "live.de",
        "live.it",
        "msn.com",
        # Apple
        "icloud.com",
        "me.com",
        "mac.com",
        # Proton
        "protonmail.com",
        "protonmail.ch",
        "proton.me",
        "pm.me",
        # Fastmail
        "fastmail.com",
        "fastmail.fm",
    }
)
DASH_TAG_DOMAINS = frozenset(
    {
        "yahoo.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "yahoo.de",
        "yahoo.it",
        "yahoo.es",
        "yahoo.gr",
        "ymail.com",
        "rocketmail.com",
    }
)


def _untagged(local: str, separator: str) -> str:
    """``local`` without its tag; an address that is all tag (``+x``) is left whole."""
    base = local.split(separator, 1)[0]
    return base or local


def address_normalise(email: str) -> str:
    """The address in lower case with the aliases of the common providers folded (see the
    module's note): what makes two addresses "the same address" for a pledge."""
    value = unicodedata.normalize("NFC", (email or "").strip()).lower()
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        return value
    domain = domain.rstrip(".")
    if domain in GMAIL_DOMAINS:
        domain = GMAIL
        local = _untagged(local, "+").replace(".", "") or local
    elif domain in PLUS_TAG_DOMAINS:
        local = _untagged(local, "+")
    elif domain in DASH_TAG_DOMAINS:
        local = _untagged(local, "-")
    return f"{local}@{domain}"


def address_digest(email: str) -> str:
    """The keyed digest that recognises an address (one pledge per address per campaign):
    of the normalised address, dots and dashes kept where the provider keeps them."""
    from core.crypto import keyed_digest

    return keyed_digest(address_normalise(email))
