"""core.locales: every content language's tree follows English (wagtail-localize aliases),
pages made in code get their aliases, translation_publish turns an alias into the
translation in place; and the programmes' sections keep their programme and their
organisers' rights in every language."""

from django.conf import settings

from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation
from wagtail_localize.synctree import create_aliases_for_new_page

import pytest

from core.locales import aliases_ensure, locales_ensure, translation_publish
from courses.models import CourseIndexPage, CoursePage, CourseSectionPage
from events.models import EventIndexPage, EventSectionPage
from home.models import StandardPage
from programmes.sections import programme_sections_ensure, section_for
from tests.factories.events import event_page

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def about(home_page):
    return publish_child(
        home_page,
        StandardPage(title="About", slug="about", intro="Who we are.", show_in_menus=True),
    )


def versions(page) -> dict[str, Page]:
    return {
        version.locale.language_code: version
        for version in Page.objects.filter(translation_key=page.translation_key).select_related(
            "locale"
        )
    }


# --- Synchronisation -------------------------------------------------------------------------


def test_locales_ensure_gives_every_page_an_alias_in_every_language(about):
    locales_ensure(sync=True)

    about_versions = versions(about)
    assert sorted(about_versions) == sorted(code for code, _name in settings.LANGUAGES)
    for code in OTHER_LANGUAGES:
        alias = about_versions[code].specific
        home = alias.get_parent()
        assert (alias.alias_of_id, alias.live, alias.title, alias.intro) == (
            about.pk,
            True,
            "About",
            "Who we are.",
        )
        assert (home.locale.language_code, home.alias_of_id) == (code, about.get_parent().pk)


def test_locales_ensure_synchronises_every_language_from_english_and_runs_twice(about):
    locales_ensure(sync=True)
    pages, synchronisations = Page.objects.count(), LocaleSynchronization.objects.count()

    locales_ensure(sync=True)

    assert (Page.objects.count(), LocaleSynchronization.objects.count()) == (
        pages,
        synchronisations,
    )
    assert sorted(
        LocaleSynchronization.objects.values_list("locale__language_code", flat=True)
    ) == sorted(OTHER_LANGUAGES)


def test_without_sync_only_the_locales_are_made(about):
    locales_ensure(sync=False)

    assert (Locale.objects.count(), sorted(versions(about))) == (len(settings.LANGUAGES), ["en"])


def test_an_alias_copies_show_in_menus_and_follows_the_original_when_it_is_published(about):
    locales_ensure(sync=True)

    about.title, about.show_in_menus = "About Linkage", False
    about.save_revision().publish()

    alias = versions(about)["lt"]
    assert (alias.title, alias.show_in_menus) == ("About Linkage", False)


def test_aliases_ensure_gives_a_page_made_in_code_its_aliases_below_its_parents_aliases(about):
    locales_ensure(sync=True)
    team = publish_child(about, StandardPage(title="Team", slug="team"))

    created = aliases_ensure(team)

    assert sorted(page.locale.language_code for page in created) == sorted(OTHER_LANGUAGES)
    about_versions = versions(about)
    for alias in created:
        assert alias.get_parent().pk == about_versions[alias.locale.language_code].pk
    assert aliases_ensure(team) == []


def test_aliases_ensure_does_nothing_where_languages_are_not_synchronised(about):
    locales_ensure(sync=False)

    assert aliases_ensure(about) == []


# --- Translation -----------------------------------------------------------------------------


STRINGS_LT = {"About": "Apie", "about": "apie", "Who we are.": "Kas mes esame."}


def test_translation_publish_turns_the_alias_into_the_translation_in_place(about):
    locales_ensure(sync=True)
    lt = Locale.objects.get(language_code="lt")
    alias = versions(about)["lt"]
    team_alias = aliases_ensure(publish_child(about, StandardPage(title="Team", slug="team")))
    team_lt = next(page for page in team_alias if page.locale_id == lt.pk)

    translation = translation_publish(about, lt, STRINGS_LT, machine=True)

    team_lt.refresh_from_db()
    assert (translation.pk, translation.alias_of_id, translation.live) == (alias.pk, None, True)
    assert (translation.title, translation.slug, translation.intro) == (
        "Apie",
        "apie",
        "Kas mes esame.",
    )
    assert (translation.url, team_lt.get_parent().pk) == ("/lt/apie/", translation.pk)
    assert translation.has_unpublished_changes is False


def test_translation_publish_records_machine_strings_an_editor_finds_in_wagtail_localize(about):
    locales_ensure(sync=True)
    lt = Locale.objects.get(language_code="lt")

    translation_publish(about, lt, STRINGS_LT, machine=True)

    assert sorted(
        StringTranslation.objects.filter(locale=lt).values_list("data", "translation_type")
    ) == [
        ("Apie", "machine"),
        ("Kas mes esame.", "machine"),
        ("apie", "machine"),
    ]
    assert Translation.objects.filter(target_locale=lt, enabled=True).count() == 1


def test_translation_publish_run_twice_updates_the_same_translation(about):
    locales_ensure(sync=True)
    lt = Locale.objects.get(language_code="lt")
    first = translation_publish(about, lt, STRINGS_LT)
    counts = (Page.objects.count(), StringTranslation.objects.count(), Translation.objects.count())

    second = translation_publish(about, lt, {**STRINGS_LT, "About": "Apie Linkage"})

    assert (second.pk, second.title) == (first.pk, "Apie Linkage")
    assert (
        Page.objects.count(),
        StringTranslation.objects.count(),
        Translation.objects.count(),
    ) == counts


def test_translation_publish_without_an_alias_makes_a_live_translation_below_aliases(about):
    locales_ensure(sync=False)
    lt = Locale.objects.get(language_code="lt")

    translation = translation_publish(about, lt, STRINGS_LT)

    home_lt = translation.get_parent()
    assert (translation.live, translation.alias_of_id, translation.url) == (True, None, "/lt/apie/")
    assert (home_lt.locale_id, home_lt.alias_of_id) == (lt.pk, about.get_parent().pk)


def test_translation_publish_given_an_alias_translates_its_original(about):
    locales_ensure(sync=True)
    lt = Locale.objects.get(language_code="lt")
    alias_sq = versions(about)["sq"]

    translation = translation_publish(alias_sq, lt, STRINGS_LT)

    assert (translation.locale_id, translation.title) == (lt.pk, "Apie")
    assert versions(about)["sq"].alias_of_id == about.pk


# --- Programmes' sections in every language --------------------------------------------------


@pytest.fixture
def sections(home_page, programme):
    """The programme's sections of the catalogue and of the listing, both synchronised."""
    locales_ensure(sync=True)
    publish_child(home_page, CourseIndexPage(title="Courses", slug="courses"))
    publish_child(home_page, EventIndexPage(title="Events", slug="events"))
    locales_ensure(sync=True)
    programme_sections_ensure(programme=programme)
    return {
        "courses": section_for(programme=programme, section_model=CourseSectionPage),
        "events": section_for(programme=programme, section_model=EventSectionPage),
    }


def test_a_new_section_gets_its_aliases_in_every_language_with_its_programme(sections, programme):
    for section in sections.values():
        aliases = [v for v in versions(section).values() if v.pk != section.pk]
        assert sorted(alias.locale.language_code for alias in aliases) == sorted(OTHER_LANGUAGES)
        assert {type(alias.specific).__name__ for alias in aliases} == {type(section).__name__}
        assert {alias.specific.programme_id for alias in aliases} == {programme.pk}


def test_the_programme_group_may_edit_every_language_of_its_sections(sections, organiser):
    section = sections["courses"]

    allowed = {
        code: version.permissions_for_user(organiser).can_add_subpage()
        and version.permissions_for_user(organiser).can_edit()
        for code, version in versions(section).items()
    }

    assert allowed == {code: True for code, _name in settings.LANGUAGES}


def test_a_page_in_a_section_gets_aliases_below_the_sections_aliases_owned_by_its_programme(
    sections, programme, organiser
):
    """As wagtail-localize does for a page an organiser creates in the admin."""
    event = event_page(sections["events"], title="Coordination meeting")

    create_aliases_for_new_page(event)

    section_versions = versions(sections["events"])
    for code, alias in versions(event).items():
        alias = alias.specific
        assert alias.get_parent().pk == section_versions[code].pk
        assert alias.programme_id == programme.pk
        assert alias.permissions_for_user(organiser).can_edit()


def test_a_courses_alias_keeps_its_programme_and_who_it_is_shared_with(
    sections, programme, other_programme
):
    course = CoursePage(
        title="Risk assessment",
        slug="risk-assessment",
        summary="Joint risk assessment.",
        tracks=["professional"],
        duration_minutes=60,
    )
    publish_child(sections["courses"], course)
    course.shared_with.set([other_programme])
    course.save_revision().publish()

    aliases_ensure(course)

    for code, alias in versions(course).items():
        alias = alias.specific
        assert (alias.programme_id, list(alias.shared_with.values_list("pk", flat=True))) == (
            programme.pk,
            [other_programme.pk],
        ), code


def test_a_translated_section_keeps_its_programme_and_its_rights(sections, programme, organiser):
    lt = Locale.objects.get(language_code="lt")

    translation = translation_publish(
        sections["courses"], lt, {"Test programme": "Bandomoji programa"}
    ).specific

    assert (translation.title, translation.programme_id, translation.alias_of_id) == (
        "Bandomoji programa",
        programme.pk,
        None,
    )
    assert translation.permissions_for_user(organiser).can_edit()


def test_an_organiser_may_translate_her_programmes_pages_and_not_anothers(
    client, sections, programme, other_programme, organiser_with_totp
):
    """wagtail-localize's "Translate this page" is offered to organisers (walk-through: it
    led them to "you do not have permission"); its page still needs her programme's rights."""
    from django.urls import reverse

    from people.roles import ensure_role_groups

    ensure_role_groups()
    ours = event_page(sections["events"], title="Coordination meeting")
    programme_sections_ensure(programme=other_programme)
    theirs = event_page(
        section_for(programme=other_programme, section_model=EventSectionPage),
        title="Their meeting",
    )
    organiser_with_totp.refresh_from_db()
    client.force_login(organiser_with_totp)

    assert organiser_with_totp.has_perm("wagtail_localize.submit_translation")
    url = reverse("wagtail_localize:submit_page_translation", args=[ours.pk])
    assert client.get(url).status_code == 200
    refused = client.get(reverse("wagtail_localize:submit_page_translation", args=[theirs.pk]))
    assert refused.status_code == 403
