"""The full-page cache (core.page_cache): anonymous visitors get pages from the cache before
the rest of the middleware stack runs; nobody else does, and nothing personal is kept."""

import importlib.util
import logging
import time
import uuid

from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, PageViewRestriction

import pytest

from core import page_cache
from core.page_cache import PageCacheMiddleware, cache_for, invalidate
from home.models import Helpline, SafetySettings, StandardPage
from people.enums import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

HIT, MISS = "hit", "miss"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """The cache on, with each worker's copy in memory as in production (the test settings
    leave the copy out: it would outlive conftest's clearing of the shared cache)."""
    settings.LINKAGE_PAGE_CACHE_SECONDS = 300
    settings.CACHES = {
        **settings.CACHES,
        page_cache.LOCAL_ALIAS: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "test-page-cache",
        },
    }
    caches[page_cache.LOCAL_ALIAS].clear()
    yield
    caches[page_cache.LOCAL_ALIAS].clear()


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def about(home_page):
    return _publish(home_page, StandardPage(title="About us", slug="about", show_in_menus=True))


def _twice(client, path, **extra):
    first = client.get(path, **extra)
    second = client.get(path, **extra)
    return first, second


def _status(response):
    return response.get(page_cache.STATUS_HEADER)


# --- Hits and misses ------------------------------------------------------------------------


def test_the_second_anonymous_visit_is_served_from_the_cache(client, about):
    first, second = _twice(client, "/about/")

    assert (first.status_code, _status(first)) == (200, MISS)
    assert (second.status_code, _status(second)) == (200, HIT)
    assert second.content == first.content


def test_a_cached_page_keeps_its_headers(client, about):
    first, second = _twice(client, "/about/")

    for name in ("Content-Type", "Content-Length", "Content-Language", "Vary", "X-Frame-Options"):
        assert second[name] == first[name]
    # Set by the middleware before the cache, on every response.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_cached_page_skips_the_rest_of_the_middleware_stack(
    client, about, django_assert_num_queries
):
    client.get("/about/")

    with django_assert_num_queries(0):
        response = client.get("/about/")

    request = response.wsgi_request
    assert _status(response) == HIT
    # SessionMiddleware, LocaleMiddleware and AuthenticationMiddleware never saw it.
    assert not hasattr(request, "session")
    assert not hasattr(request, "LANGUAGE_CODE")
    assert "user" not in vars(request)


def test_head_is_answered_from_the_get_entry(client, about):
    client.get("/about/")

    response = client.head("/about/")

    assert (response.status_code, _status(response)) == (200, HIT)


def test_head_alone_stores_nothing(client, about):
    client.head("/about/")

    assert _status(client.get("/about/")) == MISS


def test_nothing_is_cached_when_the_setting_is_zero(client, about, settings):
    settings.LINKAGE_PAGE_CACHE_SECONDS = 0

    first, second = _twice(client, "/about/")

    assert (_status(first), _status(second)) == (None, None)


def test_the_middleware_comes_before_sessions_and_after_whitenoise():
    order = django_settings.MIDDLEWARE
    position = order.index("core.page_cache.PageCacheMiddleware")

    assert order.index("whitenoise.middleware.WhiteNoiseMiddleware") < position
    assert order.index("home.middleware.SecurityHeadersMiddleware") < position
    assert position < order.index("core.middleware.RefuseNulBytesMiddleware")
    assert position < order.index("django.contrib.sessions.middleware.SessionMiddleware")


# --- Who gets cached pages ------------------------------------------------------------------


def test_a_signed_in_person_never_gets_a_cached_page(client, about):
    client.get("/about/")
    person = user_with_role(Role.PROFESSIONAL, email="vjosa@example.org")
    client.force_login(person)

    response = client.get("/about/")

    assert _status(response) is None
    assert b"Sign out" in response.content


def test_a_signed_in_persons_page_is_never_stored(client, about):
    person = user_with_role(Role.PROFESSIONAL, email="vjosa@example.org")
    signed_in = Client()
    signed_in.force_login(person)
    signed_in.get("/about/")
    signed_in.get("/about/")

    response = client.get("/about/")

    assert _status(response) == MISS
    assert b"Sign out" not in response.content


def test_a_request_with_a_session_cookie_bypasses_the_cache(client, about):
    client.get("/about/")
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "anything"

    first, second = _twice(client, "/about/")

    assert (_status(first), _status(second)) == (None, None)


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/", "/my/", "/lt/_util/login/"])
def test_account_and_admin_addresses_are_never_cached(client, about, path):
    first, second = _twice(client, path)

    assert (_status(first), _status(second)) == (None, None)


# --- Query strings ----------------------------------------------------------------------------


def test_a_query_string_bypasses_the_cache(client, about):
    client.get("/about/")

    first, second = _twice(client, "/about/?page=2")

    assert (_status(first), _status(second)) == (None, None)


def test_tracking_parameters_share_the_plain_pages_entry(client, about):
    client.get("/about/")

    response = client.get("/about/?utm_source=newsletter&utm_medium=email&fbclid=IwAR0abc")

    assert _status(response) == HIT


def test_a_click_identifier_is_never_stored_in_the_page(client, home_page):
    # The safety page's language switcher posts back to the page's own address.
    first = client.get("/safety/?fbclid=IwAR0secret&gclid=Cj0secret")
    second = client.get("/safety/")

    assert (_status(first), _status(second)) == (MISS, HIT)
    assert b"secret" not in second.content
    assert b'name="next" value="/safety/"' in second.content


def test_a_tracking_parameter_mixed_with_another_bypasses_the_cache(client, about):
    client.get("/about/")

    response = client.get("/about/?utm_source=x&q=violence")

    assert _status(response) is None


# --- Languages ------------------------------------------------------------------------------


@pytest.fixture
def about_in_lithuanian(home_page, about):
    lithuanian = Locale.objects.get_or_create(language_code="lt")[0]
    home_page.copy_for_translation(lithuanian).save_revision().publish()
    translation = about.copy_for_translation(lithuanian)
    translation.title, translation.slug = "Apie mus", "apie"
    translation.save_revision().publish()
    return translation


def test_each_language_has_its_own_entry(client, about_in_lithuanian):
    english = client.get("/")
    lithuanian = client.get("/lt/")

    assert (_status(english), _status(lithuanian)) == (MISS, MISS)
    assert (english["Content-Language"], lithuanian["Content-Language"]) == ("en", "lt")
    assert _status(client.get("/lt/")) == HIT


def test_the_language_cookie_on_an_unprefixed_address_still_redirects(client, about_in_lithuanian):
    _twice(client, "/about/")  # the English page is in the cache
    lithuanian = Client()
    lithuanian.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "lt"

    response = lithuanian.get("/about/")

    assert (response.status_code, response["Location"]) == (302, "/lt/apie/")


def test_accept_language_on_an_unprefixed_address_is_never_given_the_english_page(
    client, about_in_lithuanian
):
    _twice(client, "/about/")

    response = Client().get("/about/", HTTP_ACCEPT_LANGUAGE="lt,en;q=0.5")

    assert (response.status_code, response["Location"]) == (302, "/lt/apie/")


def test_the_language_switcher_carries_no_csrf_token(client, home_page):
    response = client.get("/")

    assert b"csrfmiddlewaretoken" not in response.content
    assert _status(client.get("/")) == HIT


def test_the_language_switcher_works_without_a_csrf_token(home_page):
    response = Client(enforce_csrf_checks=True).post(
        "/i18n/setlang/", {"language": "lt", "next": "/safety/"}
    )

    assert (response.status_code, response["Location"]) == (302, "/safety/")
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "lt"


def test_the_language_switcher_never_leads_to_another_site(home_page):
    response = Client(enforce_csrf_checks=True).post(
        "/i18n/setlang/", {"language": "lt", "next": "https://evil.example/"}
    )

    assert response["Location"] == "/lt/"  # the home page, in the language chosen


# --- Invalidation ---------------------------------------------------------------------------


def test_publishing_the_page_makes_it_fresh(client, about):
    _twice(client, "/about/")
    about.title = "Who we are"
    about.save_revision().publish()

    response = client.get("/about/")

    assert _status(response) == MISS
    assert b"Who we are" in response.content


def test_publishing_a_page_another_page_shows_makes_it_fresh(client, home_page, about):
    _twice(client, "/")  # the home page's menu lists "About us"
    about.title = "Who we are"
    about.save_revision().publish()

    response = client.get("/")

    assert _status(response) == MISS
    assert b"Who we are" in response.content


def test_unpublishing_a_page_takes_it_out_of_the_cache(client, about):
    _twice(client, "/about/")
    about.unpublish()

    assert client.get("/about/").status_code == 404


def test_deleting_a_page_takes_it_out_of_the_cache(client, about):
    _twice(client, "/about/")
    about.delete()

    assert client.get("/about/").status_code == 404


def test_moving_a_page_makes_pages_fresh(client, home_page, about):
    other = _publish(home_page, StandardPage(title="Other", slug="other"))
    _twice(client, "/about/")
    about.move(other, pos="last-child")

    response = client.get("/about/")  # Wagtail leaves a redirect behind

    assert (response.status_code, response["Location"]) == (301, "/other/about/")


def test_a_view_restriction_takes_the_page_out_of_the_cache_at_once(client, about):
    _twice(client, "/about/")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    first, second = _twice(client, "/about/")

    # The password form carries a CSRF token: it is never stored either.
    assert (_status(first), _status(second)) == (MISS, MISS)
    assert b'name="password"' in second.content


def test_redirects_are_cached_and_an_edited_one_is_followed_at_once(client, about):
    redirect = Redirect.objects.create(old_path="/old-about", redirect_link="/about/")
    first, second = _twice(client, "/old-about/")
    redirect.redirect_link = "/safety/"
    redirect.save()

    third = client.get("/old-about/")

    assert [(r.status_code, r["Location"], _status(r)) for r in (first, second, third)] == [
        (301, "/about/", MISS),
        (301, "/about/", HIT),
        (301, "/safety/", MISS),
    ]


def test_editing_an_image_makes_pages_fresh_and_uploading_one_does_not(client, about):
    _twice(client, "/about/")
    image = Image.objects.create(title="Orange the world", file=get_test_image_file())

    assert _status(client.get("/about/")) == HIT

    image.title = "Landmarks lit orange"
    image.save()

    assert _status(client.get("/about/")) == MISS


def test_changing_the_safety_settings_makes_pages_fresh(client, site, home_page):
    _twice(client, "/safety/")
    settings_row = SafetySettings.for_site(site)
    settings_row.emergency_note = "<p>In immediate danger, call 112.</p>"
    settings_row.save()

    response = client.get("/safety/")

    assert _status(response) == MISS
    assert b"In immediate danger, call 112." in response.content


def test_adding_a_helpline_makes_the_safety_page_fresh(client, site, home_page):
    settings_row = SafetySettings.for_site(site)
    _twice(client, "/safety/")
    Helpline.objects.create(
        settings=settings_row, country="LT", name="Pagalbos linija", number="8 800 66 366"
    )

    response = client.get("/safety/")

    assert _status(response) == MISS
    assert b"Pagalbos linija" in response.content


def test_a_new_locale_makes_pages_fresh(client, about):
    _twice(client, "/about/")
    Locale.objects.get_or_create(language_code="sq")

    assert _status(client.get("/about/")) == MISS


def test_cancelling_an_event_date_makes_the_event_page_fresh(client):
    from events.models import OccurrenceChange
    from tests.factories.events import event_page

    event = event_page(title="Risk assessment training")
    _twice(client, event.url)
    OccurrenceChange.objects.create(page=event, original_date=event.start_date, action="cancel")

    assert _status(client.get(event.url)) == MISS


def test_a_registration_leaves_cached_pages_alone(client, professional):
    from events import services
    from tests.factories.events import event_page

    event = event_page(title="Risk assessment training", capacity=10)
    _twice(client, event.url)

    services.registration_create(event=event, person=professional)

    # Anonymous visitors see no seat count: a rush of registrations must not empty the cache.
    assert _status(client.get(event.url)) == HIT


def test_a_page_rendered_before_a_commit_is_not_kept_after_it(
    client, about, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
        # Another request renders the page from the rows as they were before the commit.
        assert _status(client.get("/about/")) == MISS

    assert _status(client.get("/about/")) == MISS


def test_invalidate_makes_every_page_stale(client, about, home_page):
    _twice(client, "/about/")
    _twice(client, "/")

    invalidate()

    assert (_status(client.get("/about/")), _status(client.get("/"))) == (MISS, MISS)


def test_a_lost_generation_number_never_revives_old_entries(client, about):
    _twice(client, "/about/")
    caches["default"].delete(page_cache.GENERATION_KEY)  # evicted by Redis
    caches[page_cache.LOCAL_ALIAS].clear()  # and this worker's copy is a second old

    assert _status(client.get("/about/")) == MISS


def test_a_worker_answers_from_its_own_memory(client, about, monkeypatch):
    _twice(client, "/about/")
    asked = []
    store = caches["default"]
    for name in ("get", "get_many"):
        monkeypatch.setattr(store, name, lambda *args, **kwargs: asked.append(args))

    response = client.get("/about/")

    assert (_status(response), asked) == (HIT, [])


def test_another_processs_invalidation_reaches_every_worker_within_a_second(
    client, about, monkeypatch
):
    _twice(client, "/about/")
    caches["default"].incr(page_cache.GENERATION_KEY)  # the admin published, elsewhere

    soon = client.get("/about/")
    later = time.time() + page_cache.GENERATION_CHECK_SECONDS + 0.1
    monkeypatch.setattr(time, "time", lambda: later)
    after_the_check = client.get("/about/")

    assert (_status(soon), _status(after_the_check)) == (HIT, MISS)


# --- What is stored: the middleware alone ---------------------------------------------------


class View:
    """A stand-in for the rest of the stack: answers with ``make(request)``, anonymous."""

    def __init__(self, make):
        self.make = make
        self.calls = 0

    def __call__(self, request):
        self.calls += 1
        request.user = AnonymousUser()
        return self.make(request)


def _html(request=None):
    return HttpResponse("<p>Page</p>", content_type="text/html; charset=utf-8")


def _serve(make, times=2, path=None):
    view = View(make)
    middleware = PageCacheMiddleware(view)
    path = path or f"/page-{uuid.uuid4().hex[:6]}/"
    responses = [middleware(RequestFactory().get(path)) for _ in range(times)]
    return view, responses


def _stored_timeouts(monkeypatch):
    timeouts = []
    store = caches["default"]
    original = store.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith(page_cache.KEY_PREFIX):
            timeouts.append(timeout)
        return original(key, value, timeout=timeout, **kwargs)

    monkeypatch.setattr(store, "set", spy)
    return timeouts


def test_a_plain_page_is_stored_for_the_setting(monkeypatch):
    timeouts = _stored_timeouts(monkeypatch)

    view, responses = _serve(_html)

    assert (view.calls, [_status(r) for r in responses], timeouts) == (1, [MISS, HIT], [300])


def test_cache_for_caps_the_lifetime(monkeypatch):
    timeouts = _stored_timeouts(monkeypatch)

    _serve(lambda request: cache_for(cache_for(_html(), 90), 3600))

    assert timeouts == [90]


def test_cache_for_zero_keeps_the_page_out(monkeypatch):
    timeouts = _stored_timeouts(monkeypatch)

    view, _responses = _serve(lambda request: cache_for(_html(), 0))

    assert (view.calls, timeouts) == (2, [])


def test_a_max_age_caps_the_lifetime(monkeypatch):
    timeouts = _stored_timeouts(monkeypatch)

    def make(request):
        response = _html()
        patch_cache_control(response, public=True, max_age=60)
        return response

    _serve(make)

    assert timeouts == [60]


def test_never_cache_is_respected():
    def make(request):
        response = _html()
        add_never_cache_headers(response)
        return response

    view, responses = _serve(make)

    assert (view.calls, [_status(r) for r in responses]) == (2, [MISS, MISS])


@pytest.mark.parametrize("directive", ["private", "no-store", "no-cache"])
def test_a_private_or_uncacheable_response_is_not_stored(directive):
    def make(request):
        response = _html()
        response["Cache-Control"] = directive
        return response

    view, _responses = _serve(make)

    assert view.calls == 2


def test_a_page_that_used_the_csrf_token_is_not_stored():
    def make(request):
        return HttpResponse(f'<input value="{get_token(request)}">')

    view, _responses = _serve(make)

    assert view.calls == 2


def test_a_page_that_sets_a_cookie_is_not_stored():
    def make(request):
        response = _html()
        response.set_cookie("seen", "1")
        return response

    view, _responses = _serve(make)

    assert view.calls == 2


def test_a_page_for_a_signed_in_user_is_not_stored():
    person = user_with_role(Role.PROFESSIONAL, email="vjosa@example.org")

    def view(request):
        request.user = person
        return _html()

    middleware = PageCacheMiddleware(view)
    middleware(RequestFactory().get("/x/"))

    assert _status(middleware(RequestFactory().get("/x/"))) == MISS


@pytest.mark.parametrize(
    "make",
    [
        lambda request: HttpResponse(status=404),
        lambda request: HttpResponse("<p>Error</p>", status=500),
        lambda request: StreamingHttpResponse(iter([b"a", b"b"]), content_type="text/html"),
        lambda request: HttpResponse(b"\x00", content_type="application/octet-stream"),
        lambda request: HttpResponse(b"x" * (page_cache.MAX_BYTES + 1), content_type="text/html"),
    ],
    ids=["404", "500", "streaming", "binary download", "too big"],
)
def test_responses_that_are_not_public_pages_are_not_stored(make):
    view, _responses = _serve(make)

    assert view.calls == 2


def test_a_post_is_never_answered_from_the_cache():
    view = View(_html)
    middleware = PageCacheMiddleware(view)
    middleware(RequestFactory().get("/form/"))

    response = middleware(RequestFactory().post("/form/", {"a": "b"}))

    assert (view.calls, _status(response)) == (2, None)


# --- A cache that fails -----------------------------------------------------------------------


class Broken(Exception):
    """What django-redis raises when Redis is down (ConnectionInterrupted and the like)."""


class BrokenCache:
    """The page cache's store with Redis down; ``working`` methods still work."""

    def __init__(self, *working):
        self.store = caches["default"]
        self.working = working

    def __getattr__(self, name):
        if name in self.working:
            return getattr(self.store, name)

        def fail(*args, **kwargs):
            raise Broken("Connection refused")

        return fail


def _break(monkeypatch, *working):
    """Redis down; each worker's memory still works."""
    local = caches[page_cache.LOCAL_ALIAS]
    monkeypatch.setattr(
        page_cache, "caches", {"default": BrokenCache(*working), page_cache.LOCAL_ALIAS: local}
    )


def test_pages_are_served_uncached_when_the_cache_cannot_be_read(
    client, about, monkeypatch, caplog
):
    _break(monkeypatch)
    monkeypatch.setattr(page_cache, "_last_warning", 0.0)

    with caplog.at_level(logging.WARNING, logger="core.page_cache"):
        first, second = _twice(client, "/about/")

    assert (first.status_code, second.status_code) == (200, 200)
    assert (_status(first), _status(second)) == (None, None)
    # Logged, once a minute at most.
    assert len([r for r in caplog.records if r.name == "core.page_cache"]) == 1


def test_pages_are_served_when_the_cache_cannot_be_written(client, about, monkeypatch):
    _break(monkeypatch, "get_many", "get", "add")

    first, second = _twice(client, "/about/")

    assert (first.status_code, second.status_code) == (200, 200)
    assert (_status(first), _status(second)) == (MISS, MISS)


def test_publishing_works_when_the_cache_is_down(about, monkeypatch):
    _break(monkeypatch)
    about.title = "Who we are"

    about.save_revision().publish()

    assert StandardPage.objects.get(pk=about.pk).live_revision.content["title"] == "Who we are"


# --- Which public pages are cacheable ---------------------------------------------------------


def _course_pages(home_page):
    from courses.models import CourseIndexPage, CoursePage, LessonPage

    index = _publish(home_page, CourseIndexPage(title="Courses", slug="courses"))
    course = _publish(
        index,
        CoursePage(
            title="Coordinated response",
            slug="coordinated-response",
            summary="Together.",
            tracks=["professional"],
        ),
    )
    lesson = _publish(
        course,
        LessonPage(title="Risk", slug="risk", body=[{"type": "paragraph", "value": "<p>R</p>"}]),
    )
    return index, course, lesson


def _public_pages(home_page) -> dict[str, str]:
    from tests.factories.events import event_index_page, event_page

    about = _publish(home_page, StandardPage(title="About us", slug="about"))
    course_index, course, lesson = _course_pages(home_page)
    event = event_page(title="Risk assessment training")
    pages = {
        "home": home_page.url,
        "standard page": about.url,
        "course catalogue": course_index.url,
        "course page": course.url,
        "lesson page": lesson.url,
        "events listing": event_index_page().url,
        "event page": event.url,
        "safety page": "/safety/",
        "JavaScript catalogue": "/jsi18n/",
    }
    if importlib.util.find_spec("campaigns.pages_serve") is not None:
        from tests.factories.campaigns import campaign_index_page, campaign_page, partner_page

        campaign = campaign_page(days=3)
        pages["campaign listing"] = campaign_index_page().url
        pages["campaign page"] = campaign.url
        pages["campaign partner page"] = partner_page(campaign).url
    return pages


def test_public_page_types_are_served_from_the_cache(client, home_page):
    pages = _public_pages(home_page)

    answers = {}
    for name, url in pages.items():
        first, second = _twice(Client(), url)
        answers[name] = (first.status_code, _status(first), _status(second))

    assert answers == {name: (200, MISS, HIT) for name in pages}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "label", ["courses.CohortRun", "people.Organisation", "people.Region", "programmes.Programme"]
)
def test_rows_other_apps_show_on_pages_are_registered_as_shown(label):
    from django.apps import apps as django_apps

    from core.page_cache import _shown_on_pages

    assert _shown_on_pages(django_apps.get_model(label)) == "always"


@pytest.mark.django_db
def test_saving_a_registered_row_makes_every_page_stale(settings):
    from tests.factories.programmes import programme_make

    invalidate()
    programme = programme_make()
    store = caches[page_cache.CACHE_ALIAS]
    before = store.get(page_cache.GENERATION_KEY)
    programme.save()

    assert store.get(page_cache.GENERATION_KEY) != before
