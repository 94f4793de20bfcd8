"""Issue, revoke and reissue certificates."""

import secrets
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import CertificateKind
from .models import Certificate

# Sent after a reissue with old= and new=, so the app that holds the code can follow it.
certificate_reissued = Signal()

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def certificate_code_new() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _subject_lookup(subject: models.Model, kind: str) -> dict:
    return {
        "subject_type": ContentType.objects.get_for_model(subject, for_concrete_model=False),
        "subject_id": str(subject.pk),
        "kind": kind,
    }


def certificate_issue(
    *, subject: models.Model, holder, holder_name: str, title: str, kind: str, completed_on: date
) -> Certificate:
    """The valid certificate for this subject, issued now if there is none (idempotent)."""
    if kind not in CertificateKind.values:
        raise ValidationError(_("Unknown kind of certificate."))
    if subject is None or subject.pk is None:
        raise ValidationError(_("A certificate needs a saved subject."))
    lookup = _subject_lookup(subject, kind)
    existing = Certificate.objects.filter(**lookup, revoked_at__isnull=True).first()
    if existing is not None:
        return existing
    certificate = Certificate(
        **lookup,
        code=certificate_code_new(),
        holder=holder,
        holder_name=(holder_name or "").strip(),
        title=title.strip(),
        completed_on=completed_on,
        issued_on=timezone.localdate(),
    )
    certificate.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            certificate.save(force_insert=True)
    except IntegrityError:
        return Certificate.objects.get(**lookup, revoked_at__isnull=True)
    return certificate


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the certificate is revoked."))
    updated = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason=reason[:300]
    )
    if not updated:
        raise ValidationError(_("This certificate is already revoked."))
    certificate.refresh_from_db()
    return certificate


@transaction.atomic
def certificate_reissue(
    *, certificate: Certificate, by, holder_name: str | None = None, title: str | None = None
) -> Certificate:
    """Revoke a certificate and issue its replacement with a new code (e.g. a corrected name)."""
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.revoked_at is not None:
        raise ValidationError(_("A revoked certificate cannot be reissued."))
    certificate_revoke(certificate=old, by=by, reason="reissued")
    new = Certificate(
        subject_type=old.subject_type,
        subject_id=old.subject_id,
        kind=old.kind,
        code=certificate_code_new(),
        holder=old.holder,
        holder_name=(holder_name or old.holder_name).strip(),
        title=(title or old.title).strip(),
        completed_on=old.completed_on,
        issued_on=timezone.localdate(),
    )
    new.full_clean(validate_constraints=False)
    new.save(force_insert=True)
    Certificate.objects.filter(pk=old.pk).update(replaced_by=new)
    certificate_reissued.send(sender=Certificate, old=old, new=new)
    return new


def certificates_anonymise_holder(*, user) -> int:
    """On account deletion: the record that a certificate existed stays, the name goes."""
    return Certificate.objects.filter(holder=user).update(holder=None, holder_name="")
