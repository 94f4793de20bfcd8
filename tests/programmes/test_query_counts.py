"""Query-count guards: the same number of queries for 1 or 3 programmes, e-mails or users in
the programme admin's panels (counted exactly) and pages (counted against themselves).

Measured once; a change means a panel started (or stopped) doing per-item queries. It
deserves a look.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from core.enums import OutboxStatus
from core.models import OutboxMessage
from people.enums import Role
from programmes import components
from programmes.components import OutboxPanel, programmes_home_panel
from programmes.models import Programme
from programmes.services import programme_organiser_add
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

# The user's role and programmes, the counts, the latest rows, the user's permissions (2: their
# own and their groups', for the link to the e-mails admin).
OUTBOX_PANEL_QUERIES = 6
# The programmes, the default locale and the sections (one query per section type); no
# permission query for an admin.
HOME_PANEL_QUERIES = 5
# The user's role and programmes (3), the default locale and the sections (4), the page
# permissions (1) and the sign-in sheet permission (2: the user's own and their groups').
HOME_PANEL_ORGANISER_QUERIES = 10


def request_for(user):
    request = RequestFactory().get("/admin/")
    request.user = type(user).objects.get(pk=user.pk)
    return request


def failed_messages(people, start=0):
    for n, person in enumerate(people, start=start):
        OutboxMessage.objects.create(
            kind="test.message",
            key=f"count-{n}",
            to_user=person,
            status=OutboxStatus.FAILED,
            subject=f"E-mail {n}",
        )


@pytest.fixture
def warm_caches():
    """Content types are cached for the process; load them before counting."""
    ContentType.objects.clear_cache()
    for model in (OutboxMessage, Programme):
        ContentType.objects.get_for_model(model)
    from programmes.outbox_scope import _related_paths, _tracers

    for model in [*(model for model, _paths in _related_paths()), *_tracers]:
        ContentType.objects.get_for_model(model, for_concrete_model=False)


@pytest.mark.parametrize("n", [1, 3])
def test_outbox_panel(
    n, django_assert_num_queries, participants, organiser, programme, warm_caches
):
    people = [user_with_role(Role.PROFESSIONAL, email=f"p{i}@example.org") for i in range(n)]
    participants[programme.pk] = {person.pk for person in people}
    failed_messages(people)
    request = request_for(organiser)

    with django_assert_num_queries(OUTBOX_PANEL_QUERIES):
        panel = OutboxPanel(request, programme)
        html = panel.render_html({"request": request})

    assert html.count("<tr>") == n + 1


@pytest.mark.parametrize("n", [1, 3])
def test_home_panel_for_an_admin(n, django_assert_num_queries, superuser, indexes):
    for i in range(n):
        Programme.objects.create(name=f"Programme {i}", slug=f"p{i}")
    request = request_for(superuser)

    with django_assert_num_queries(HOME_PANEL_QUERIES):
        html = programmes_home_panel(request).render_html({"request": request})

    assert html.count("<h3>") == n


@pytest.mark.parametrize("n", [1, 3])
def test_home_panel_for_an_organiser(
    n, django_assert_num_queries, organiser, programme, warm_caches, monkeypatch
):
    # The feature apps' panels have guards of their own: only the e-mail panel here.
    monkeypatch.setattr(components, "PANELS_HOOK", "linkage_no_such_hook")
    for i in range(n - 1):  # the organiser runs "Test programme" already
        other = Programme.objects.create(name=f"Programme {i}", slug=f"p{i}")
        programme_organiser_add(programme=other, user=organiser)
    request = request_for(organiser)

    # One programme: its panels too, here the e-mail counts (nothing failed, so no rows; the
    # role and permissions are cached on the user by then).
    expected = HOME_PANEL_ORGANISER_QUERIES + (1 if n == 1 else 0)
    with django_assert_num_queries(expected):
        html = programmes_home_panel(request).render_html({"request": request})

    assert html.count("<h3>") == n


def page_queries(client, url) -> int:
    """The number of queries a page of the admin runs (after a first visit, which fills
    Wagtail's per-process caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# Whole admin pages carry Wagtail's chrome and the feature apps' dashboard panels, which have
# guards of their own: here, the same count for 1 and for 3 items.


def test_programmes_index(superuser_client, indexes):
    url = reverse("programmes:index")

    def add_programmes(start, stop):
        for i in range(start, stop):
            programme = Programme.objects.create(name=f"Programme {i}", slug=f"p{i}")
            for j in range(2):
                person = user_with_role(Role.PROFESSIONAL, email=f"o{i}-{j}@example.org")
                programme_organiser_add(programme=programme, user=person)

    add_programmes(0, 1)
    one = page_queries(superuser_client, url)
    add_programmes(1, 3)

    assert page_queries(superuser_client, url) == one


def test_dashboard(organiser_client, participants, programme):
    url = reverse("programmes:dashboard", args=[programme.pk])
    people = [user_with_role(Role.PROFESSIONAL, email=f"p{i}@example.org") for i in range(3)]
    participants[programme.pk] = {person.pk for person in people}

    failed_messages(people[:1])
    one = page_queries(organiser_client, url)
    failed_messages(people[1:], start=1)

    assert page_queries(organiser_client, url) == one


def test_users_list(superuser_client, programme, other_programme):
    url = reverse("wagtailusers_users:index")

    def add_people(start, stop):
        for i in range(start, stop):
            person = user_with_role(Role.PROFESSIONAL, email=f"u{i}@example.org")
            programme_organiser_add(programme=programme, user=person)
            programme_organiser_add(programme=other_programme, user=person)

    add_people(0, 1)
    one = page_queries(superuser_client, url)
    add_people(1, 3)

    assert page_queries(superuser_client, url) == one
