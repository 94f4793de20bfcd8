from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.http import client_network

from .enums import VerificationStatus
from .models import Certificate
from .pdf import certificate_pdf
from .selectors import certificate_verify, certificates_visible_to, code_normalise
from .tasks import verify_url_for
from .wording import issuers, length_text, when_text

VERIFY_LIMIT_PER_MINUTE = 30


def _rate_limited(request) -> bool:
    """Count lookups per address per minute, so codes cannot be guessed by brute force.
    The minute starts at the first lookup (not on the clock's minute, where a burst that
    straddles it would get twice the allowance)."""
    key = f"certificates:verify:{client_network(request)}"
    cache.add(key, 0, 60)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > VERIFY_LIMIT_PER_MINUTE


@never_cache
def verify_form(request):
    code = request.GET.get("code", "").strip()
    if code:
        return redirect("certificates:verify", code=code_normalise(code) or "-")
    return render(request, "certificates/verify.html", {"status": None})


@never_cache
def verify(request, code: str):
    if _rate_limited(request):
        return render(
            request,
            "certificates/verify.html",
            {"status": None, "error": _("Too many checks from your connection. Wait a minute.")},
            status=429,
        )
    status, certificate = certificate_verify(code=code)
    context = {"status": status, "certificate": certificate, "code": code_normalise(code)}
    if status == VerificationStatus.VALID:
        # In the reader's language (an employer abroad checks a Lithuanian certificate);
        # the title stays as issued, marked with its language.
        context.update(
            issuers=issuers(certificate),
            length=length_text(certificate.duration_minutes),
            when=when_text(certificate),
            certificate_language=certificate.language_code,
        )
    return render(
        request,
        "certificates/verify.html",
        context,
        status=404 if status == VerificationStatus.UNKNOWN else 200,
    )


def download(request, code: str):
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?next={request.path}")
    certificate = Certificate.objects.filter(code=code_normalise(code)).first()
    # The holder downloads her own; an organiser only a certificate of her programmes (the
    # admin's rule, certificates_visible_to); anyone else is told no such code exists.
    if certificate is None or (
        certificate.holder_id != request.user.pk
        and not certificates_visible_to(user=request.user).filter(pk=certificate.pk).exists()
    ):
        raise Http404(_("No certificate has this code."))
    if not certificate.is_valid:
        return render(
            request,
            "certificates/verify.html",
            {"status": VerificationStatus.REVOKED, "certificate": certificate, "code": code},
            status=410,
        )
    # In the holder's language, whoever downloads it: it is her certificate.
    pdf = certificate_pdf(certificate=certificate, verify_url=verify_url_for(certificate))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
