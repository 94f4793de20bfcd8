"""campaigns.addresses: one mailbox, one address; two mailboxes, two addresses."""

import pytest

from campaigns.addresses import address_normalise


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        # Case and surrounding spaces, everywhere.
        ("  Ana@Example.ORG ", "ana@example.org"),
        # Gmail ignores dots and +tags; googlemail is gmail.
        ("Ana.Petrovic@gmail.com", "anapetrovic@gmail.com"),
        ("a.n.a.petrovic+16days@GoogleMail.com", "anapetrovic@gmail.com"),
        ("anapetrovic+a+b@gmail.com", "anapetrovic@gmail.com"),
        # +tags at Microsoft, Apple, Proton and Fastmail; their dots matter.
        ("ana.p+news@outlook.com", "ana.p@outlook.com"),
        ("ana+x@hotmail.co.uk", "ana@hotmail.co.uk"),
        ("ana+x@live.com", "ana@live.com"),
        ("ana+x@msn.com", "ana@msn.com"),
        ("ana+x@icloud.com", "ana@icloud.com"),
        ("ana+x@me.com", "ana@me.com"),
        ("ana+x@mac.com", "ana@mac.com"),
        ("ana+x@protonmail.com", "ana@protonmail.com"),
        ("ana+x@proton.me", "ana@proton.me"),
        ("ana+x@pm.me", "ana@pm.me"),
        ("ana+x@fastmail.com", "ana@fastmail.com"),
        # Yahoo's disposable addresses: -keyword.
        ("ana-shopping@yahoo.com", "ana@yahoo.com"),
        ("Ana-x@yahoo.co.uk", "ana@yahoo.co.uk"),
        # Yahoo keeps +, Gmail keeps -: only each provider's own rule.
        ("ana+x@yahoo.com", "ana+x@yahoo.com"),
        ("ana-x@gmail.com", "ana-x@gmail.com"),
        # Unknown providers: only lower case (their rules are unknown).
        ("Ana.Petrovic+16days@Example.org", "ana.petrovic+16days@example.org"),
        ("ana-x@gmail.com.example", "ana-x@gmail.com.example"),
        # A trailing dot on the domain names the same domain.
        ("ana+x@gmail.com.", "ana@gmail.com"),
        # An address that is all tag is left whole rather than emptied.
        ("+x@gmail.com", "+x@gmail.com"),
        # Not an address: lower case only.
        ("Not An Address", "not an address"),
        ("", ""),
    ],
)
def test_address_normalise(typed, normal):
    assert address_normalise(typed) == normal


def test_two_people_at_an_organisation_stay_two_addresses():
    assert address_normalise("ana+board@ngo.example") != address_normalise("ana@ngo.example")


def test_the_digest_keeps_dots_and_dashes_that_tell_two_people_apart():
    from campaigns.addresses import address_digest

    assert address_digest("mary-ann@corp.example") != address_digest("maryann@corp.example")
    assert address_digest("mary.ann@corp.example") != address_digest("maryann@corp.example")
    assert address_digest("Mary.Ann+news@Gmail.com") == address_digest("maryann@googlemail.com")
