from allauth.account.adapter import DefaultAccountAdapter

from core.http import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open; e-mail addresses are stored lower-case so one person is one account."""

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).strip().lower()

    def get_client_ip(self, request) -> str:
        """Rate limits count per visitor, not per proxy: the address comes from the header our
        own proxy sets (``core.http.client_ip``), never from one the visitor could forge."""
        address = client_ip(request)
        if not address:
            return super().get_client_ip(request)  # refuses: no address at all
        return address
