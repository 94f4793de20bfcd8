"""core.crypto: values encrypted at rest with Fernet keys from the settings, keys rotated
with MultiFernet, and a keyed digest that recognises the same contact however written."""

from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

import pytest
from cryptography.fernet import Fernet

from core import crypto

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def _fresh_keys():
    crypto._fernet.cache_clear()
    yield
    crypto._fernet.cache_clear()


@override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[NEW_KEY])
def test_a_value_round_trips_and_is_not_readable_in_between():
    token = crypto.encrypt("Sara, +34 600 111 222")
    assert token.startswith("fernet:gAAAA")
    assert "Sara" not in token and "600" not in token
    assert crypto.decrypt(token) == "Sara, +34 600 111 222"
    assert crypto.encrypt("Sara") != crypto.encrypt("Sara")  # a fresh IV each time


def test_a_rotated_key_still_reads_what_the_old_one_wrote():
    with override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        old_token = crypto.encrypt("Weekday mornings")
    with override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        assert crypto.decrypt(old_token) == "Weekday mornings"
        new_token = crypto.encrypt("Weekday mornings")
    with override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        assert crypto.decrypt(new_token) == "Weekday mornings"


def test_a_value_written_with_a_key_no_longer_set_gives_a_clear_error():
    with override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        token = crypto.encrypt("Sara")
    with (
        override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[NEW_KEY]),
        pytest.raises(ValueError, match="encrypted with a key that is no longer set"),
    ):
        crypto.decrypt(token)


def test_a_plain_value_is_not_taken_for_an_encrypted_one():
    with pytest.raises(ValueError, match="Not an encrypted value"):
        crypto.decrypt("Sara")


@pytest.mark.parametrize(
    ("keys", "message"),
    [([], "Set LINKAGE_FIELD_ENCRYPTION_KEYS"), (["not-a-key"], "not a Fernet key")],
)
def test_missing_or_broken_keys_refuse_to_work(keys, message):
    with (
        override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=keys),
        pytest.raises(ImproperlyConfigured, match=message),
    ):
        crypto.encrypt("Sara")


@override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[NEW_KEY])
def test_contact_digest_folds_case_spaces_dashes_dots_and_brackets():
    same = {
        crypto.contact_digest(value)
        for value in ("+39 333-12 34", "+393331234", " +39 (333) 12.34 ", "＋３９３３３１２３４")
    }
    assert len(same) == 1
    assert crypto.contact_digest("Sara@Example.org") == crypto.contact_digest("sara@example.ORG")
    assert crypto.contact_digest("+39 333 12 35") not in same
    assert crypto.contact_digest(" - ") == ""
    assert len(same.pop()) == 64


def test_contact_digest_depends_on_the_key():
    with override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        old = crypto.contact_digest("+393331234")
    with override_settings(LINKAGE_FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        assert crypto.contact_digest("+393331234") != old


def test_the_field_stores_empty_as_empty_and_reads_back_plain_text():
    field = crypto.EncryptedTextField()
    assert field.get_prep_value("") == ""
    assert field.get_prep_value(None) is None
    token = field.get_prep_value("Sara")
    assert token.startswith("fernet:")
    assert field.from_db_value(token, None, None) == "Sara"
