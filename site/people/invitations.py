"""Accounts created for people by an organiser, and the e-mail that lets them in.

Community meetings have walk-ins and organisers enrol whole teams: ``person_invite_many``
turns (e-mail, name) pairs into people, creating an account without a password for anyone
new and sending them, once ever, an invitation whose link lets them choose a password
(allauth's own password-reset-from-key page: following it proves the address is theirs).
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.addresses import absolute_url, base_url
from core.models import OutboxMessage
from core.outbox import OutboxCancel, outbox_enqueue_many

from .enums import Role
from .models import Invitation, Profile, User
from .roles import GROUP_NAMES, ensure_role_groups

OUTBOX_KIND = "people.invitation"
NAME_LENGTH = Profile._meta.get_field("display_name").max_length


def normalise_email(address: str) -> str:
    return (address or "").strip().lower()


def invitation_key(user: User) -> str:
    return f"people:invitation:{user.pk}"


def _language(language: str) -> str:
    """One of the site's languages ("lt-LT" → "lt"); the site's own if there is none."""
    try:
        return translation.get_supported_language_variant(language or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def _wanted(entries: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Normalised address → name (the first one given). Every bad address is named in one
    refusal, so an organiser fixes a sheet in one go."""
    wanted: dict[str, str] = {}
    bad: list[str] = []
    for address, name in entries:
        email = normalise_email(address)
        try:
            validate_email(email)
        except ValidationError:
            bad.append(str(address or "").strip())
            continue
        wanted.setdefault(email, " ".join((name or "").split())[:NAME_LENGTH])
    if bad:
        raise ValidationError(
            [
                ValidationError(
                    _("“%(address)s” is not an e-mail address.") % {"address": address}
                    if address
                    else _("An e-mail address is missing."),
                    code="invalid_email",
                )
                for address in bad
            ]
        )
    return wanted


def accounts_for_emails(emails: Iterable[str]) -> dict[str, User]:
    """The accounts behind these (normalised) addresses, however their case was stored, and
    whether it is their login address or another one they added and confirmed."""
    from allauth.account.models import EmailAddress

    emails = list(emails)
    found = {
        user.normalised: user
        for user in User.objects.annotate(normalised=Lower("email")).filter(normalised__in=emails)
    }
    rest = [email for email in emails if email not in found]
    if rest:
        addresses = (
            EmailAddress.objects.annotate(normalised=Lower("email"))
            .filter(normalised__in=rest, verified=True)
            .select_related("user")
        )
        for address in addresses:
            found.setdefault(address.normalised, address.user)
    return found


def _role_group(role: str) -> Group:
    if role not in GROUP_NAMES:
        raise ValueError(f"People are invited as {', '.join(GROUP_NAMES)}, not {role!r}.")
    group = Group.objects.filter(name=GROUP_NAMES[role]).first()
    return group if group is not None else ensure_role_groups()[role]


@transaction.atomic
def person_invite_many(
    *,
    entries: Iterable[tuple[str, str]],
    invited_by=None,
    role: str = Role.PROFESSIONAL,
    language: str = "",
) -> dict[str, User]:
    """The people behind (e-mail, name) pairs, by normalised address.

    Existing accounts are returned as they are (their name and role are not changed, and
    they get no invitation). New ones get a profile with that name, the role, no usable
    password and one invitation e-mail (in ``language``, or the site's), sent after the
    transaction commits. A bad address refuses the whole batch, naming every bad one. A
    few queries whatever the number; running it again with the same rows creates and
    sends nothing.
    """
    wanted = _wanted(entries)
    if not wanted:
        return {}
    group = _role_group(role)
    language = _language(language)
    found = accounts_for_emails(wanted)
    missing = [email for email in wanted if email not in found]
    if not missing:
        return found
    new_users = []
    for email in missing:
        user = User(email=email)
        user.set_unusable_password()
        new_users.append(user)
    User.objects.bulk_create(new_users, ignore_conflicts=True)
    accounts = list(
        User.objects.filter(email__in=missing).annotate(
            invited=Exists(Invitation.objects.filter(user=OuterRef("pk")))
        )
    )
    found.update((user.email, user) for user in accounts)
    # Someone who signed up in the meantime has a password, and a concurrent import has
    # invited its own: neither is ours to invite.
    created = {
        user.email: user for user in accounts if not user.has_usable_password() and not user.invited
    }
    if not created:
        return found
    Profile.objects.bulk_create(
        [
            Profile(user=user, display_name=wanted[email], preferred_language=language)
            for email, user in created.items()
        ],
        ignore_conflicts=True,
    )
    group.user_set.add(*created.values())
    _email_addresses_add(created.values())
    Invitation.objects.bulk_create(
        [Invitation(user=user, invited_by=invited_by) for user in created.values()],
        ignore_conflicts=True,
    )
    outbox_enqueue_many(
        kind=OUTBOX_KIND,
        messages=[
            {
                "key": invitation_key(invitation.user),
                "source": invitation,
                "to_user": invitation.user,
                "language": language,
            }
            for invitation in Invitation.objects.filter(user__in=created.values()).select_related(
                "user"
            )
        ],
    )
    return found


def _email_addresses_add(users) -> None:
    """allauth's record of each address, unverified until the person follows the link."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, primary=True, verified=False) for user in users],
        ignore_conflicts=True,
    )


def invitation_url(user: User) -> str:
    """The link that lets the person choose a password (allauth's reset-from-key page)."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


def invitation_compose(message: OutboxMessage) -> EmailMessage:
    """The outbox composer, in the invited person's language (active while it runs)."""
    invitation = message.source
    if invitation is None:
        raise OutboxCancel(_("The invited account no longer exists."))
    user = invitation.user
    if user.has_usable_password():
        raise OutboxCancel(_("The person has already chosen a password."))
    inviter = invitation.invited_by.display_name if invitation.invited_by_id else ""
    context = {
        "name": user.display_name,
        "inviter": inviter,
        "url": invitation_url(user),
        "site_url": base_url(),
        "language": translation.get_language(),
    }
    return EmailMessage(
        subject=_("You have a place on Linkage: choose your password"),
        body=render_to_string("people/email/invitation.txt", context),
    )


def invitation_accepted(sender, request=None, user=None, **kwargs) -> None:
    """allauth's ``password_reset`` signal: an invited person chose their password from the
    link we e-mailed, which proves the address is theirs."""
    from django.utils import timezone

    from allauth.account.models import EmailAddress

    if user is None:
        return
    updated = Invitation.objects.filter(user=user, accepted_at__isnull=True).update(
        accepted_at=timezone.now()
    )
    if updated:
        EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
