from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open; e-mail addresses are stored lower-case so one person is one account."""

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).strip().lower()
