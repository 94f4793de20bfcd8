"""Personal data encrypted at rest: Fernet (AES-128-CBC with HMAC-SHA256, from the
``cryptography`` library) with keys from the environment, never from the database.

``LINKAGE_FIELD_ENCRYPTION_KEYS`` lists Fernet keys, newest first: values are written with
the first and read with any of them (``MultiFernet``), so a key can be rotated by putting
the new one first and re-saving rows. A database dump, a backup or a curious database
administrator sees only ``gAAAA…`` tokens.

``contact_digest`` gives a keyed, one-way digest of a normalised contact, so the same
person can be recognised (a limit on open requests, a block) without keeping the contact
in the clear.
"""

import hashlib
import hmac
import unicodedata
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

PREFIX = "fernet:"


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured(
            "Set LINKAGE_FIELD_ENCRYPTION_KEYS to one or more Fernet keys: python -c "
            '"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
        )
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "LINKAGE_FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key."
        ) from error


def fernet() -> MultiFernet:
    return _fernet(tuple(getattr(settings, "LINKAGE_FIELD_ENCRYPTION_KEYS", ())))


def encrypt(value: str) -> str:
    return PREFIX + fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token.startswith(PREFIX):
        raise ValueError("Not an encrypted value.")
    try:
        return fernet().decrypt(token[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise ValueError("This value was encrypted with a key that is no longer set.") from error


def contact_digest(value: str) -> str:
    """A keyed digest (HMAC-SHA256, keyed by the first encryption key) of a contact with
    case, spaces, dashes and dots folded: "+39 333-12 34" and "+393331234" are the same."""
    normal = unicodedata.normalize("NFKC", value).casefold()
    normal = "".join(ch for ch in normal if not ch.isspace() and ch not in "-().")
    if not normal:
        return ""
    keys = tuple(getattr(settings, "LINKAGE_FIELD_ENCRYPTION_KEYS", ()))
    fernet()  # refuses to work without keys, as encryption does
    return hmac.new(keys[0].encode(), normal.encode(), hashlib.sha256).hexdigest()


def keyed_digest(value: str) -> str:
    """A keyed digest (HMAC-SHA256, keyed by the first encryption key) of ``value`` exactly
    as given (after Unicode NFKC): the caller normalises. For e-mail addresses, where a dot or
    a dash can tell two people apart ("mary-ann@" is not "maryann@")."""
    normal = unicodedata.normalize("NFKC", value)
    if not normal:
        return ""
    keys = tuple(getattr(settings, "LINKAGE_FIELD_ENCRYPTION_KEYS", ()))
    fernet()  # refuses to work without keys, as encryption does
    return hmac.new(keys[0].encode(), normal.encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text stored encrypted; read back as plain text. An empty value is stored empty (so
    "erased" is visible in SQL). It cannot be filtered or ordered on: search by a digest."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)
