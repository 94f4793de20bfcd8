from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from django.urls import reverse

from allauth.account.adapter import DefaultAccountAdapter

from core.addresses import absolute_url, base_url
from core.http import client_ip


@dataclass(frozen=True)
class BaseSite:
    """What allauth's e-mail templates read as ``current_site`` (``name``, ``domain``): the
    site's base address, not the host the request that sent the e-mail came in on."""

    domain: str
    name: str


def base_site() -> BaseSite:
    host = urlsplit(base_url()).netloc
    return BaseSite(domain=host, name=host)


def rebased(url: str) -> str:
    """An absolute link moved onto the site's base address (path, query and fragment kept)."""
    parts = urlsplit(url)
    if not (parts.scheme and parts.netloc):
        return url
    return absolute_url(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open; e-mail addresses are stored lower-case so one person is one account.

    Every link in allauth's e-mails (confirmation, password reset, "you already have an
    account", "no account here") is on the site's one base address
    (``core.addresses``), never the host the request came in on: a request sent with
    ``Host: evil.example`` must not put evil.example into someone's reset link."""

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).strip().lower()

    def get_client_ip(self, request) -> str:
        """Rate limits count per visitor, not per proxy: the address comes from the header our
        own proxy sets (``core.http.client_ip``), never from one the visitor could forge."""
        address = client_ip(request)
        if not address:
            return super().get_client_ip(request)  # refuses: no address at all
        return address

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key: str) -> str:
        # As allauth builds it: the opaque key stands for "<uidb36>-<token>".
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def send_account_already_exists_mail(self, email: str) -> None:
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "signup_url": absolute_url(reverse("account_signup")),
                "password_reset_url": absolute_url(reverse("account_reset_password")),
            },
        )

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's, with ``current_site`` on the base address, and any link a flow built
        from the request without asking the adapter (the unknown-account e-mail's sign-up
        link) moved onto it."""
        context = {
            **{
                key: rebased(value) if key.endswith("_url") and isinstance(value, str) else value
                for key, value in context.items()
            },
            "current_site": base_site(),
        }
        super().send_mail(template_prefix, email, context)
