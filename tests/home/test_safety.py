"""The safety page: the emergency line in the visitor's language, always; 112 before every
national helpline; the national lines grouped by country; organisers told where to add them;
never "no helplines have been added"."""

import re

from django.utils import translation

import pytest

from home.helplines import helpline_groups_for
from home.models import Helpline, SafetySettings
from people.enums import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

ADMIN_HINT = "Settings → Safety and contacts"


@pytest.fixture
def safety(site):
    return SafetySettings.for_site(site)


def add_lines(safety, *lines):
    for order, (country, name, number) in enumerate(lines):
        safety.helplines.add(Helpline(country=country, name=name, number=number, sort_order=order))
    safety.save()  # a cluster: its lines are written with it


def text(response) -> str:
    body = response.content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def headings(response) -> list[str]:
    return re.findall(
        r'<h3 class="helplines__country-heading"[^>]*>([^<]+)</h3>', response.content.decode()
    )


def test_the_emergency_line_is_always_there_and_112_heads_the_helplines(client, safety):
    response = client.get("/safety/")

    page = text(response)
    assert response.status_code == 200
    assert "If you are in danger now In immediate danger, call 112 ." in page
    assert (
        "European emergency number Call 112 Every EU country and candidate country "
        "24 hours a day, every day · Free to call"
    ) in page
    assert 'href="tel:112"' in response.content.decode()


def test_the_page_never_says_no_helplines_have_been_added(client, safety):
    page = text(client.get("/safety/"))

    assert ("No helpline" in page, "have been added" in page) == (False, False)


def test_the_sites_emergency_note_adds_local_detail_below_the_line(client, safety):
    safety.emergency_note = "<p>In Lithuania, the police answer on 112 in Russian too.</p>"
    safety.save()

    page = text(client.get("/safety/"))

    assert (
        "In immediate danger, call 112 . In Lithuania, the police answer on 112 in Russian too."
    ) in page


def test_the_emergency_line_is_translated(client, safety):
    english = text(client.get("/safety/", HTTP_ACCEPT_LANGUAGE="en"))
    with translation.override("lt"):
        expected = translation.gettext("If you are in danger now")
    lithuanian = text(client.get("/safety/", HTTP_ACCEPT_LANGUAGE="lt"))

    assert (expected in lithuanian, "If you are in danger now" in english) == (True, True)


def test_national_lines_follow_112_grouped_by_country_in_the_visitors_language(client, safety):
    add_lines(
        safety,
        ("LT", "Pagalbos moterims linija", "8 800 66 366"),
        ("XK", "Linja e Ndihmës për Gratë", "0800 11 112"),
        ("LT", "Vaikų linija", "116 111"),
        ("AL", "Linja e Këshillimit", "116 117"),
    )

    english = client.get("/safety/", HTTP_ACCEPT_LANGUAGE="en")

    assert headings(english) == ["Albania", "Kosovo", "Lithuania"]
    page = text(english)
    assert page.index("European emergency number") < page.index("Linja e Këshillimit")
    # Within a country, the organisers' order.
    assert page.index("Pagalbos moterims linija") < page.index("Vaikų linija")


def test_the_visitors_own_country_comes_first(client, safety):
    add_lines(safety, ("AL", "Linja e Këshillimit", "116 117"), ("XK", "Linja", "0800 11 112"))
    person = user_with_role(Role.PROFESSIONAL, email="vjosa@example.org")
    person.profile.country = "XK"
    person.profile.save()
    client.force_login(person)

    assert headings(client.get("/safety/")) == ["Kosovo", "Albania"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", ["Albania", "Lithuania", "Other country"]), ("lt", None)],
)
def test_countries_sort_by_their_names_in_the_active_language_other_last(
    safety, language, expected
):
    add_lines(
        safety,
        ("other", "Elsewhere", "1"),
        ("LT", "Linija", "2"),
        ("AL", "Linja", "3"),
    )
    with translation.override(language):
        labels = [group.label for group in helpline_groups_for(Helpline.objects.all())]
        names = {code: str(label) for code, label in Helpline._meta.get_field("country").choices}
    if expected is None:  # whatever the catalogue says, alphabetical, "other" last
        expected = sorted([names["LT"], names["AL"]], key=str.casefold) + [names["other"]]
    assert labels == expected


def test_organisers_are_told_where_to_add_national_lines(client, safety, superuser):
    from tests.factories import totp_activate

    anonymous = text(client.get("/safety/"))
    totp_activate(superuser)
    client.force_login(superuser)
    admin = client.get("/safety/").content.decode()

    assert (ADMIN_HINT in anonymous, ADMIN_HINT in admin) == (False, True)
    assert 'href="/admin/settings/home/safetysettings/"' in admin


def test_an_organiser_without_the_setting_is_told_whom_to_ask(client, safety, organiser_with_totp):
    client.force_login(organiser_with_totp)

    page = text(client.get("/safety/"))

    assert "Ask the site's administrator to add them." in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_safety_page_reads_the_helplines_in_one_query(
    client, safety, count, django_assert_num_queries
):
    add_lines(safety, *[("LT", f"Line {n}", f"8 800 {n}") for n in range(count)])
    client.get("/safety/")  # settings and the site root cached, as on a warm server

    with django_assert_num_queries(SAFETY_PAGE_QUERIES):
        response = client.get("/safety/")

    assert response.content.decode().count('class="helplines__item"') == count


SAFETY_PAGE_QUERIES = 4


@pytest.mark.parametrize("language", ["lt", "ar", "fa"])
def test_the_safety_page_answers_under_a_language_prefix_in_that_language(client, language):
    """/lt/safety/ is easy to guess (the walk-through found it a 404)."""
    response = client.get(f"/{language}/safety/")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    assert f'lang="{language}"' in response.content.decode()
