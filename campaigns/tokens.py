"""The links in pledge e-mails: signed tokens (``django.core.signing``), one salt per purpose
so a token made for one link never opens the other.

- confirm: the pledge's id, signed with the time; valid ``CAMPAIGNS_PLEDGE_CONFIRM_DAYS``.
- consent withdraw: the pledge's id; never expires (a pledger may say "no more e-mails"
  whenever she reads one).

A token holds no address and no name: only the pledge's id, which it proves was issued here.
The addresses are absolute (``core.addresses``) and in the pledge's language (its prefix);
the views are the campaigns app's ``pledge_confirm`` and ``consent_withdraw`` URLs.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from core.addresses import absolute_url

CONFIRM_SALT = "campaigns.pledge.confirm"
WITHDRAW_SALT = "campaigns.pledge.consent_withdraw"


class TokenInvalid(Exception):  # noqa: N818 - an outcome the views explain
    """The token was not issued here (mistyped, cut short, or forged)."""


class TokenExpired(TokenInvalid):
    """The token was issued here but is older than it may be."""


def confirm_max_age() -> timedelta:
    return timedelta(days=settings.CAMPAIGNS_PLEDGE_CONFIRM_DAYS)


def confirm_token(pledge) -> str:
    return signing.dumps(pledge.pk, salt=CONFIRM_SALT)


def withdraw_token(pledge) -> str:
    return signing.dumps(pledge.pk, salt=WITHDRAW_SALT)


def _pledge_id(token: str, salt: str, max_age: timedelta | None) -> int:
    try:
        value = signing.loads(token or "", salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except signing.BadSignature as error:
        raise TokenInvalid from error
    if not isinstance(value, int) or isinstance(value, bool):
        raise TokenInvalid
    return value


def confirm_pledge_id(token: str) -> int:
    """The id of the pledge a confirmation token is for; ``TokenExpired`` after
    ``CAMPAIGNS_PLEDGE_CONFIRM_DAYS``, ``TokenInvalid`` when it is not ours."""
    return _pledge_id(token, CONFIRM_SALT, confirm_max_age())


def confirm_pledge_id_any_age(token: str) -> int:
    """The id a genuine confirmation token names, however old (to tell a pledge confirmed
    long ago from one whose link expired)."""
    return _pledge_id(token, CONFIRM_SALT, None)


def withdraw_pledge_id(token: str) -> int:
    """The id of the pledge a consent-withdrawal token is for (it never expires)."""
    return _pledge_id(token, WITHDRAW_SALT, None)


def _language(pledge) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return pledge.language if pledge.language in codes else settings.LANGUAGE_CODE


def _url(name: str, token: str, pledge) -> str:
    with translation.override(_language(pledge)):
        return absolute_url(reverse(name, kwargs={"token": token}))


def confirm_url(pledge) -> str:
    """The absolute address of the page that confirms ``pledge``, in its language."""
    return _url("campaigns:pledge_confirm", confirm_token(pledge), pledge)


def consent_withdraw_url(pledge) -> str:
    """The absolute address of the page that withdraws consent to follow-up contact."""
    return _url("campaigns:consent_withdraw", withdraw_token(pledge), pledge)
