import re

from django.db.models import QuerySet

from .enums import CertificateStatus, VerificationStatus
from .models import Certificate


def code_normalise(raw: str) -> str:
    chars = re.sub(r"[^0-9A-Za-z]", "", raw or "").upper()
    if len(chars) != 12:
        return chars
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def certificate_verify(*, code: str) -> tuple[str, Certificate | None]:
    certificate = Certificate.objects.filter(code=code_normalise(code)).first()
    if certificate is None:
        return VerificationStatus.UNKNOWN, None
    if certificate.status == CertificateStatus.REVOKED:
        return VerificationStatus.REVOKED, certificate
    return VerificationStatus.VALID, certificate


VIEW_PERMISSION = "certificates.view_certificate"


def certificates_visible_to(*, user) -> QuerySet[Certificate]:
    """The certificates ``user`` may see in the admin: for an organiser, those issued for
    their programmes' courses and events (``Certificate.programmes``); all of them for an
    admin; none for anyone without ``view_certificate``. Every admin view of certificates
    (list, inspect, revoke, reissue) starts from here."""
    from programmes.selectors import scope_for

    if not (user and user.is_active and user.has_perm(VIEW_PERMISSION)):
        return Certificate.objects.none()
    return scope_for(user).filter(Certificate.objects.all(), "programmes")


def certificates_for(*, user) -> list[Certificate]:
    return list(Certificate.objects.filter(holder=user, status=CertificateStatus.VALID))


def person_certificate_data(user) -> list[dict]:
    """A person's certificates, valid and revoked, for their data export."""
    return [
        {
            "code": c.code,
            "kind": c.kind,
            "title": c.title,
            "name_on_certificate": c.holder_name,
            "completed_on": c.completed_on.isoformat(),
            "issued_on": c.issued_on.isoformat(),
            "status": c.status,
        }
        for c in Certificate.objects.filter(holder=user).order_by("issued_on", "pk")
    ]
