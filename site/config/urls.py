from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog, set_language

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

# One way in: Wagtail's admin log-in, its front-end log-in (/_util/login/) and its password
# reset would accept a password alone, without allauth's TOTP, rate limits and e-mail
# verification. They lead to allauth's pages instead, keeping ?next=.
to_login = RedirectView.as_view(pattern_name="account_login", query_string=True)
to_password_reset = RedirectView.as_view(pattern_name="account_reset_password")

urlpatterns = [
    path("admin/login/", to_login),
    re_path(r"^admin/password_reset/", to_password_reset),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("my/", include("people.urls")),
    path("certificates/", include("certificates.urls")),
    path("learn/", include("courses.urls")),
    path("attend/", include("events.urls")),
    # The language switcher is on every page, cached ones too, so its form carries no CSRF
    # token (a token is one visitor's; a cached page is everyone's). Changing a language
    # is harmless, and set_language only follows a `next` on this site.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("home.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages are served per language: /lt/..., /ar/...; English has no prefix.
urlpatterns += i18n_patterns(
    path("_util/login/", to_login),
    # The safety page lives at /safety/ in the visitor's language; /lt/safety/ and the like
    # are easy to guess and answer too, in their language.
    path("safety/", home_views.safety, name="safety_in_language"),
    path("mentoring/", include("mentors.urls")),
    path("campaign-pledges/", include("campaigns.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "home.errors.bad_request"
handler403 = "home.errors.permission_denied"
handler404 = "home.errors.page_not_found"
handler500 = "home.errors.server_error"
