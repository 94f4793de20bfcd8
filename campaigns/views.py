"""The pledge flow, under the language prefix at /campaign-pledges/ (``campaigns.urls``):
send a pledge from a campaign or partner page, confirm it from the e-mail's link, withdraw
consent to be contacted; and the campaign colours' small stylesheet.

The pledge form sits on pages served from the page cache, the same HTML for every visitor:
it has no CSRF token, so ``pledge_submit`` is exempt from Django's check and makes its own,
the one OWASP recommends where tokens cannot be used: the browser's ``Origin`` (or else its
``Referer``) must be this site. Every answer that follows a pledge is the same whatever
happened to the address (new, waiting, already confirmed, a robot's): a redirect to
"Check your inbox". Only the address's owner learns more, by e-mail.

The pages of the flow are personal (a token in the address, a form with its CSRF token)
and are never cached.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wagtail.models import Page

from core.addresses import base_url
from core.http import client_ip
from core.pages import page_viewable

from . import services
from .colours import palette
from .days import campaign_phase
from .forms import ConfirmForm, PledgeForm, privacy_text
from .models import CampaignPage, CampaignPartnerPage


class _SeeOther(HttpResponseRedirect):
    status_code = 303


# --- Where a form comes from ----------------------------------------------------------------


def _origin(url: str) -> str:
    parts = urlsplit(url or "")
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def _our_origins(request) -> set[str]:
    scheme = "https" if request.is_secure() else "http"
    ours = {f"{scheme}://{request.get_host()}".lower(), _origin(base_url())}
    ours.update(_origin(origin) for origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", ()))
    ours.discard("")
    return ours


def sent_from_our_site(request) -> bool:
    """Whether the browser says the form was on one of our pages: its ``Origin`` header,
    or, from a browser that sends none, the ``Referer``'s origin. Neither (or ``Origin:
    null``): not believed."""
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        origin = _origin(request.headers.get("Referer", ""))
    else:
        origin = _origin(origin)
    return bool(origin) and origin in _our_origins(request)


# --- The pledge -----------------------------------------------------------------------------


def _pledge_page(page_id: int) -> CampaignPage | CampaignPartnerPage:
    page = _live_campaign_page(page_id)
    if page is None:
        raise Http404
    return page


def _campaign_of(page) -> CampaignPage:
    if isinstance(page, CampaignPage):
        return page
    return page.get_parent().specific


def _page_language(page) -> str:
    """The pledge's language: its page's (a pledge from /lt/… gets its e-mails in
    Lithuanian, even from a Lithuanian page not yet translated)."""
    code = page.locale.language_code
    known = {language for language, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


def _form_page(request, page, form, *, status: int):
    """The pledge form again, with its errors, on a page of its own (never cached)."""
    campaign = _campaign_of(page)
    context = {
        "page": page,
        "campaign": campaign,
        "partner": page if isinstance(page, CampaignPartnerPage) else None,
        "phase": campaign_phase(campaign),
        "form": form,
        "privacy_text": privacy_text(),
        "form_action": request.path,
    }
    return render(request, "campaigns/pledge_form_page.html", context, status=status)


def _sent_url(page) -> str:
    return reverse("campaigns:pledge_sent") + f"?from={page.pk}"


@csrf_exempt
@never_cache
@require_POST
def pledge_submit(request, page_id: int):
    if not sent_from_our_site(request):
        return render(request, "campaigns/pledge_forbidden.html", status=403)
    page = _pledge_page(page_id)
    if not page_viewable(request, page):
        raise Http404
    country = page.country if isinstance(page, CampaignPartnerPage) else ""
    form = PledgeForm(request.POST, country=country)
    if form.is_robot:
        # As if it worked: a robot learns nothing from the answer.
        return _SeeOther(_sent_url(page))
    if not form.is_valid():
        return _form_page(request, page, form, status=400)
    try:
        services.pledge_submit(
            page=page,
            data=form.pledge_data(),
            language=_page_language(page),
            client_ip=client_ip(request),
        )
    except services.PledgeRefused as refused:
        form.add_error(None, refused.message)
        return _form_page(request, page, form, status=400)
    except ValidationError as error:
        form.add_error(None, error)
        return _form_page(request, page, form, status=400)
    return _SeeOther(_sent_url(page))


def _live_campaign_page(page_id) -> CampaignPage | CampaignPartnerPage | None:
    """The live campaign or partner page with this id, or None (gone, or not one)."""
    if not page_id:
        return None
    page = Page.objects.live().filter(pk=page_id).specific().first()
    return page if isinstance(page, CampaignPage | CampaignPartnerPage) else None


def _page_from_query(request):
    """The page a "from" parameter names (the page to go back to), or None."""
    value = request.GET.get("from", "")
    # isascii: "²".isdigit() is true, but int("²") fails.
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        return None
    return _live_campaign_page(int(value))


@never_cache
@require_GET
def pledge_sent(request):
    """The same page after every pledge, whatever happened to the address: check your
    inbox."""
    context = {
        "back": _page_from_query(request),
        "confirm_days": settings.CAMPAIGNS_PLEDGE_CONFIRM_DAYS,
    }
    return render(request, "campaigns/pledge_sent.html", context)


# --- The e-mail's links ---------------------------------------------------------------------


def _link_broken(request, problem: services.PledgeTokenInvalid):
    """A link that does not work (any more): why, and what to do."""
    context = {"message": problem.message, "expired": problem.expired}
    return render(request, "campaigns/pledge_link_broken.html", context, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
def pledge_confirm(request, token: str):
    """GET: a page with a button (a mail scanner that follows the link confirms nothing);
    POST: the pledge counts, with consent to be contacted as the box says."""
    try:
        pledge = services.pledge_for_token(token=token)
    except services.PledgeTokenInvalid as problem:
        return _link_broken(request, problem)
    if request.method == "POST":
        form = ConfirmForm(request.POST)
        form.is_valid()
        try:
            pledge = services.pledge_confirm(
                token=token,
                contact_consent=bool(form.cleaned_data.get("contact_consent")),
                wall=bool(form.cleaned_data.get("wall")),
                anonymous=bool(form.cleaned_data.get("anonymous")),
            )
        except services.PledgeTokenInvalid as problem:
            return _link_broken(request, problem)
        url = reverse("campaigns:pledge_confirmed")
        if pledge.page_id:
            url += f"?from={pledge.page_id}"
        return _SeeOther(url)
    context = {
        # Nothing ticked for her: not the consent, not the wall (see ConfirmForm).
        "form": ConfirmForm(initial={"anonymous": pledge.anonymous}),
        "pledge": pledge,
        "confirmed": pledge.counts,
        "back": _live_campaign_page(pledge.page_id),
    }
    return render(request, "campaigns/pledge_confirm.html", context)


@never_cache
@require_GET
def pledge_confirmed(request):
    """Thank you: the pledge counts."""
    return render(request, "campaigns/pledge_confirmed.html", {"back": _page_from_query(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def consent_withdraw(request, token: str):
    """GET: what withdrawing means, and a button; POST: withdrawn."""
    if request.method == "POST":
        try:
            pledge = services.consent_withdraw(token=token)
        except services.PledgeTokenInvalid as problem:
            return _link_broken(request, problem)
        return render(
            request,
            "campaigns/consent_withdrawn.html",
            {"back": _live_campaign_page(pledge.page_id)},
        )
    try:
        services.consent_token_check(token=token)
    except services.PledgeTokenInvalid as problem:
        return _link_broken(request, problem)
    return render(request, "campaigns/consent_withdraw.html", {})


# --- The campaign's colours -----------------------------------------------------------------


@require_GET
def colours_css(request, hex_colour: str):
    """A campaign's colours as CSS custom properties of ``.campaign-colours--<HEX>``. The
    content security policy forbids inline styles, so a page links to this: the colour is
    in the address (nothing to look up), and the answer for an address never changes."""
    colours = palette("#" + hex_colour)
    body = (
        f".campaign-colours--{colours['accent'][1:]} {{"
        f" --campaign-accent: {colours['accent']};"
        f" --campaign-on-accent: {colours['on_accent']};"
        f" --campaign-edge: {colours['edge']};"
        f" --campaign-ink: {colours['ink']};"
        " }\n"
    )
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
