"""Wagtail pages: where each page type may be created, that they render, and the demo."""

from io import StringIO

from django.conf import settings
from django.core.management import call_command

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from home import demo_data
from home.models import HomePage, StandardPage
from people.models import Organisation, Region, User


class TestPageTree(WagtailPageTestCase):
    def test_a_home_page_can_be_created_under_the_root(self):
        self.assertCanCreateAt(Page, HomePage)

    def test_a_home_page_cannot_be_created_under_a_standard_page(self):
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_a_home_page_cannot_be_created_under_a_home_page(self):
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_a_standard_page_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_a_standard_page_can_be_created_under_a_standard_page(self):
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_the_home_page_from_the_migration_renders(self):
        home = HomePage.objects.get(depth=2)

        self.assertPageIsRenderable(home)

    def test_a_standard_page_renders(self):
        home = HomePage.objects.get(depth=2)
        page = StandardPage(title="About Linkage", slug="about", intro="Who we are.")
        home.add_child(instance=page)
        page.save_revision().publish()

        self.assertPageIsRenderable(page)


@pytest.mark.django_db
def test_the_default_site_is_served_by_the_migrated_home_page(client, site):
    response = client.get("/")

    assert (response.status_code, type(site.root_page.specific)) == (200, HomePage)
    assert response.context["page"].pk == site.root_page.pk


def _counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "pages": Page.objects.count(),
        "regions": Region.objects.count(),
        "organisations": Organisation.objects.count(),
    }


DEMO_EMAILS = sorted([demo_data.ADMIN_EMAIL, *(person[0] for person in demo_data.PEOPLE)])


@pytest.mark.django_db
def test_the_foundation_demo_can_run_twice_without_adding_anything(site, monkeypatch):
    # Only the foundation's people, places and pages: feature apps' demo steps are left out.
    monkeypatch.setattr("home.demo_data.demo_steps", lambda: [])
    call_command("linkage_demo", stdout=StringIO())
    after_first = _counts()

    call_command("linkage_demo", stdout=StringIO())

    assert _counts() == after_first
    assert after_first == {
        "users": len(DEMO_EMAILS),
        # The root, and the home, About and Privacy pages in every language.
        "pages": 1 + 3 * len(settings.LANGUAGES),
        "regions": len(demo_data.REGIONS),
        "organisations": len(demo_data.ORGANISATIONS),
    }


@pytest.mark.django_db
def test_the_demo_command_can_run_twice_without_adding_anything(site):
    call_command("linkage_demo", stdout=StringIO())
    after_first = _counts()

    call_command("linkage_demo", stdout=StringIO())

    assert _counts() == after_first
    demo_people = User.objects.filter(email__endswith="@linkage.local")
    # The foundation's people, and the mentoring demo's mentors and trained professionals.
    from mentors.demo.content import MENTORS, PROFESSIONALS

    mentoring = {spec[0] for spec in MENTORS} | {spec[0] for spec in PROFESSIONALS}
    assert sorted(demo_people.values_list("email", flat=True)) == sorted(
        set(DEMO_EMAILS) | mentoring
    )
