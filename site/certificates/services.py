"""Issue, revoke and reissue certificates; forget a holder's name when their account goes.

Every write to a certificate goes through here. Who revoked or reissued, and why, is kept
in Wagtail's audit log (the certificate's History in the admin).
"""

import secrets
from collections.abc import Iterable
from datetime import date, datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from .enums import CertificateKind, CertificateStatus
from .models import Certificate

# Sent inside the reissue transaction with old= and new=, so an app that keeps a copy of
# the code (e.g. courses.Enrolment.certificate_code) can follow it.
certificate_reissued = Signal()

# No 0/O, 1/I/L: codes are read aloud and typed from paper. 31**12 ≈ 8·10**17 codes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
REISSUED_REASON = "reissued"
_CODE_ATTEMPTS = 5


def certificate_code_new() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _subject_lookup(*, subject: models.Model, kind: str) -> dict:
    return {
        "subject_type": ContentType.objects.get_for_model(subject, for_concrete_model=False),
        "subject_id": str(subject.pk),
        "kind": kind,
    }


def _refuse_nul(**texts: str) -> None:
    """PostgreSQL cannot store a NUL character: refuse it with a message, not a 500."""
    errors = {
        name: _("This text contains an invisible control character (NUL).")
        for name, text in texts.items()
        if "\x00" in (text or "")
    }
    if errors:
        raise ValidationError(errors)


def _insert(certificate: Certificate) -> Certificate:
    """Validate and insert with a fresh code, drawing another on the (astronomically rare)
    collision. An IntegrityError on the one-valid-per-subject constraint is re-raised."""
    _refuse_nul(holder_name=certificate.holder_name, title=certificate.title)
    certificate.full_clean(exclude=["code"], validate_unique=False, validate_constraints=False)
    for attempt in range(_CODE_ATTEMPTS):
        certificate.code = certificate_code_new()
        try:
            with transaction.atomic():
                certificate.save(force_insert=True)
        except IntegrityError:
            if (
                attempt == _CODE_ATTEMPTS - 1
                or not Certificate.objects.filter(code=certificate.code).exists()
            ):
                raise
            continue
        return certificate
    raise AssertionError("unreachable")  # pragma: no cover


def _issue_check(*, subject: models.Model, kind: str, completed_on: date) -> None:
    if kind not in CertificateKind.values:
        raise ValidationError({"kind": _("Unknown kind of certificate.")})
    if subject is None or getattr(subject, "pk", None) is None:
        raise ValidationError(_("A certificate needs a saved subject."))
    if isinstance(completed_on, datetime) or not isinstance(completed_on, date):
        raise ValidationError({"completed_on": _("The completion date must be a date.")})


def holder_language(holder) -> str:
    """The language a certificate for ``holder`` is issued in: the one her profile asks
    for, or failing that the language of the request that completed it."""
    profile = getattr(holder, "profile", None) if holder is not None else None
    return (
        getattr(profile, "preferred_language", "")
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )


def _new(
    lookup: dict,
    *,
    holder,
    holder_name: str,
    title: str,
    completed_on: date,
    language: str = "",
    duration_minutes: int | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    time_zone: str = "",
) -> Certificate:
    return Certificate(
        **lookup,
        holder=holder,
        holder_name=(holder_name or "").strip(),
        title=(title or "").strip(),
        completed_on=completed_on,
        issued_on=timezone.localdate(),
        language=language or holder_language(holder),
        duration_minutes=duration_minutes or None,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone or "",
    )


# What the issuing app may add to a certificate besides its name, title and date.
DETAILS = ("language", "duration_minutes", "starts_at", "ends_at", "time_zone")


def certificate_issue(
    *,
    subject: models.Model,
    holder,
    holder_name: str,
    title: str,
    kind: str,
    completed_on: date,
    programmes: Iterable[int] = (),
    language: str = "",
    duration_minutes: int | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    time_zone: str = "",
) -> Certificate:
    """The valid certificate for this subject and kind, issued now if there is none.

    Idempotent: calling it again (or concurrently) returns the existing valid certificate
    unchanged. ``subject`` is any saved model instance (an enrolment, a registration);
    ``title`` is what it certifies, in ``language``; ``holder_name`` is frozen.

    ``language``: the language it is issued in (default: the holder's, ``holder_language``).
    ``duration_minutes``: a course's length. ``starts_at``, ``ends_at``, ``time_zone``: the
    attended occurrence, shown in its own zone ("09:30–16:30, Eastern European Time").
    """
    _issue_check(subject=subject, kind=kind, completed_on=completed_on)
    lookup = _subject_lookup(subject=subject, kind=kind)
    existing = Certificate.objects.filter(**lookup, status=CertificateStatus.VALID).first()
    if existing is not None:
        return existing
    certificate = _new(
        lookup,
        holder=holder,
        holder_name=holder_name,
        title=title,
        completed_on=completed_on,
        language=language,
        duration_minutes=duration_minutes,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone,
    )
    try:
        with transaction.atomic():
            certificate = _insert(certificate)
            if programmes:
                certificate.programmes.set(set(programmes))
            return certificate
    except IntegrityError:
        # Another request issued it between our read and our insert.
        existing = Certificate.objects.filter(**lookup, status=CertificateStatus.VALID).first()
        if existing is None:
            raise
        return existing


def certificate_issue_many(*, entries: list[dict]) -> list[Certificate]:
    """``certificate_issue`` for many subjects at once (each entry: its keyword arguments;
    the subjects all of one model): one query for the valid certificates already issued,
    one insert for the rest. Returns the certificates issued now, not those that were."""
    for entry in entries:
        _issue_check(
            subject=entry["subject"], kind=entry["kind"], completed_on=entry["completed_on"]
        )
    if not entries:
        return []
    lookups = [_subject_lookup(subject=entry["subject"], kind=entry["kind"]) for entry in entries]
    issued = set(
        Certificate.objects.filter(
            status=CertificateStatus.VALID,
            subject_type__in={lookup["subject_type"] for lookup in lookups},
            subject_id__in={lookup["subject_id"] for lookup in lookups},
        ).values_list("subject_type_id", "subject_id", "kind")
    )
    new, seen = [], set()
    for entry, lookup in zip(entries, lookups, strict=True):
        key = (lookup["subject_type"].pk, lookup["subject_id"], lookup["kind"])
        if key in issued or key in seen:
            continue
        seen.add(key)
        certificate = _new(
            lookup,
            holder=entry["holder"],
            holder_name=entry["holder_name"],
            title=entry["title"],
            completed_on=entry["completed_on"],
            **{name: entry[name] for name in DETAILS if name in entry},
        )
        _refuse_nul(holder_name=certificate.holder_name, title=certificate.title)
        # The holders and subjects were loaded by the caller: don't query them again.
        certificate.full_clean(
            exclude=["code", "holder", "subject_type"],
            validate_unique=False,
            validate_constraints=False,
        )
        certificate.code = certificate_code_new()
        new.append((entry, certificate))
    try:
        with transaction.atomic():
            created = Certificate.objects.bulk_create([c for _entry, c in new], batch_size=2000)
            through = Certificate.programmes.through
            through.objects.bulk_create(
                [
                    through(certificate_id=certificate.pk, programme_id=programme_id)
                    for entry, certificate in new
                    for programme_id in set(entry.get("programmes") or ())
                ],
                batch_size=2000,
            )
            return created
    except IntegrityError:
        # A code drawn twice (astronomically rare) or a certificate issued meanwhile: one
        # at a time then, each with certificate_issue's own handling of both.
        return [certificate_issue(**entry) for entry, _certificate in new]


def _revoke_locked(*, certificate: Certificate, by, reason: str) -> Certificate:
    if certificate.status == CertificateStatus.REVOKED:
        raise ValidationError(_("This certificate is already revoked."))
    # Only the reason is validated: the rest may legitimately fail full_clean now, e.g. the
    # blank name of a holder whose account was deleted.
    _refuse_nul(revoked_reason=reason)
    try:
        Certificate._meta.get_field("revoked_reason").clean(reason, certificate)
    except ValidationError as error:
        raise ValidationError({"revoked_reason": error.messages}) from error
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.save(update_fields=["status", "revoked_at", "revoked_reason"])
    log(
        instance=certificate,
        action="certificates.revoke",
        user=by,
        data={"reason": reason},
    )
    return certificate


def _locked(certificate: Certificate) -> Certificate:
    locked = Certificate.objects.select_for_update().filter(pk=certificate.pk).first()
    if locked is None:
        raise ValidationError(_("This certificate no longer exists."))
    return locked


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke a valid certificate: its code then verifies as "revoked" and it can no longer
    be downloaded. ``by`` is the user who did it (None for the system)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"revoked_reason": _("Say why the certificate is revoked.")})
    locked = _revoke_locked(certificate=_locked(certificate), by=by, reason=reason)
    certificate.status, certificate.revoked_at, certificate.revoked_reason = (
        locked.status,
        locked.revoked_at,
        locked.revoked_reason,
    )
    return locked


@transaction.atomic
def certificate_reissue(
    *,
    certificate: Certificate,
    by,
    holder_name: str | None = None,
    title: str | None = None,
    reason: str = "",
) -> Certificate:
    """Replace a valid certificate by a new one with a new code (e.g. a corrected name).

    This is the only way to change what a certificate says: certificates are never edited
    in place, so a code that verified once for a name and a course always will, or says
    "revoked". The old one is revoked with the reason "reissued" and points at the new one
    through ``replaced_by``; the completion date, holder, programmes, language, length and
    times carry over, the issue date is today. ``reason`` (why it was reissued) goes to the
    audit log. Returns the new certificate. Sends ``certificate_reissued`` (old=, new=).
    """
    reason = (reason or "").strip()
    _refuse_nul(reason=reason)
    if len(reason) > Certificate._meta.get_field("revoked_reason").max_length:
        raise ValidationError({"reason": _("The reason is too long.")})
    old = _locked(certificate)
    if old.status == CertificateStatus.REVOKED:
        raise ValidationError(_("A revoked certificate cannot be reissued."))
    new_name = old.holder_name if holder_name is None else holder_name.strip()
    new_title = old.title if title is None else title.strip()
    _revoke_locked(certificate=old, by=by, reason=REISSUED_REASON)
    new = _insert(
        Certificate(
            subject_type_id=old.subject_type_id,
            subject_id=old.subject_id,
            kind=old.kind,
            holder_id=old.holder_id,
            holder_name=new_name,
            title=new_title,
            completed_on=old.completed_on,
            issued_on=timezone.localdate(),
            **{name: getattr(old, name) for name in DETAILS},
        )
    )
    # The replacement certifies the same course or event: it stays with the same programmes,
    # so their organisers keep seeing it.
    new.programmes.set(old.programmes.values_list("pk", flat=True))
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    log(
        instance=new,
        action="certificates.reissue",
        user=by,
        data={"replaces": old.code, "reason": reason},
    )
    certificate.status, certificate.revoked_at, certificate.revoked_reason = (
        old.status,
        old.revoked_at,
        old.revoked_reason,
    )
    certificate.replaced_by = new
    certificate_reissued.send(sender=Certificate, old=old, new=new)
    return new


def certificates_anonymise_holder(*, user) -> int:
    """On account deletion: the record that a certificate existed stays (its code still
    verifies), the link to the account and the name on it go. Returns how many changed.

    Connected to the user model's pre_delete in apps.py, so ``people.services.account_delete``
    needs to know nothing about certificates.
    """
    if user is None or user.pk is None:
        return 0
    return Certificate.objects.filter(holder=user).update(holder=None, holder_name="")
