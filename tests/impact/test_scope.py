"""The ledger by programme: an organiser counts only their programmes' rows (a row of two of
them once), in the summary page and its CSV alike; someone with several programmes picks
one or all; admins count everything and alone read rows. Everything is in words: roles,
sectors, countries and kinds by label, months by name in the organiser's language."""

import csv
import datetime
import io

from django.utils import formats, timezone, translation

from wagtail.users.models import UserProfile

import pytest

from impact.enums import LedgerBreakdown, ParticipationKind
from impact.models import Participation
from impact.selectors import participation_summary, participation_visible_to
from impact.services import participation_record
from people.enums import Country, Role, Sector
from programmes.services import programme_organiser_add
from tests.factories import OrganisationFactory, totp_activate, user_with_role
from tests.factories.programmes import programme_make

pytestmark = pytest.mark.django_db
COMPLETED = ParticipationKind.COURSE_COMPLETED
ATTENDED = ParticipationKind.EVENT_ATTENDED
MARCH = timezone.make_aware(datetime.datetime(2026, 3, 10, 12))
# Session, user, role, TOTP, permissions (user, groups), Wagtail profile, the organiser's
# programmes, the summary's one aggregate, the menu (locales, three permission reads).
SUMMARY_QUERIES = 13
# For an admin: session, user, TOTP, Wagtail profile, the count, the menu (locales, two
# page reads), the page of rows with their people and profiles (one join).
LEDGER_QUERIES = 9


def counted(kind, count, *programmes, when=MARCH, **attributes) -> Participation:
    row, _created = participation_record(
        kind=kind,
        source=OrganisationFactory(),
        count=count,
        occurred_at=when,
        aggregate_key=f"{kind}-{count}-{[p.slug for p in programmes]}",
        attributes=attributes,
        programmes=[p.pk for p in programmes],
    )
    return row


@pytest.fixture
def ledger(programme, other_programme):
    """7 in the Test programme, 20 in the other one, 100 shared by both, 1000 in none."""
    counted(COMPLETED, 7, programme, country=Country.LT)
    counted(COMPLETED, 20, other_programme, country=Country.XK)
    counted(COMPLETED, 100, programme, other_programme, country=Country.XK)
    counted(COMPLETED, 1000, country=Country.ES)


def total(user, **kwargs) -> int:
    summary = participation_summary(user=user, **kwargs)
    return sum(row.total for row in summary.rows)


def signed_in(client, user):
    totp_activate(user)
    client.force_login(user)
    return client


def csv_rows(response) -> list[list[str]]:
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


# --- Selectors --------------------------------------------------------------------------------


def test_each_organiser_counts_only_their_programmes_rows(
    ledger, organiser, other_organiser, superuser
):
    assert [total(u) for u in (organiser, other_organiser, superuser)] == [107, 120, 1127]


def test_a_row_of_two_of_ones_programmes_is_counted_once(ledger, organiser, other_programme):
    programme_organiser_add(programme=other_programme, user=organiser)

    assert (participation_visible_to(user=organiser).count(), total(organiser)) == (3, 127)


def test_one_programme_of_several(ledger, organiser, programme, other_programme):
    programme_organiser_add(programme=other_programme, user=organiser)

    assert (
        total(organiser, programme=programme),
        total(organiser, programme=other_programme),
    ) == (107, 120)


def test_another_programme_asked_for_by_id_gives_nothing(ledger, organiser, other_programme):
    assert (
        participation_visible_to(user=organiser, programme=other_programme).count(),
        participation_visible_to(user=organiser, programme=other_programme.pk).count(),
    ) == (0, 0)


def test_an_organiser_of_no_programme_counts_nothing(ledger):
    lonely = user_with_role(Role.ORGANISER, email="lonely@example.org")

    assert (participation_visible_to(user=lonely).count(), total(lonely)) == (0, 0)


def test_admins_pick_any_one_programme(ledger, superuser, other_programme):
    assert total(superuser, programme=other_programme) == 120


# --- The summary page and its CSV ----------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [("organiser", "107"), ("other_organiser", "120"), ("superuser", "1127")],
)
def test_the_summary_and_its_csv_count_ones_own_programmes(client, request, ledger, who, expected):
    client = signed_in(client, request.getfixturevalue(who))

    page = client.get("/admin/impact/?period=year")
    export = client.get("/admin/impact/summary.csv?period=year")

    assert [row["total"] for row in page.context["rows"]] == [expected]
    assert [row[2] for row in csv_rows(export)[1:]] == [expected]


def test_the_country_breakdown_names_countries_and_shows_only_ones_own(client, organiser, ledger):
    client = signed_in(client, organiser)

    export = csv_rows(client.get("/admin/impact/summary.csv?period=year&breakdown=country"))

    assert export == [
        ["Kind", "Period", "Total", "Country: Kosovo", "Country: Lithuania"],
        ["Course completed", "2026", "107", "100", "7"],
    ]


def test_an_organiser_of_one_programme_is_offered_no_programme_choice(client, organiser, ledger):
    client = signed_in(client, organiser)

    response = client.get("/admin/impact/")

    assert "programme" not in response.context["form"].fields


def test_an_organiser_of_several_picks_one_and_the_csv_follows(
    client, organiser, programme, other_programme, ledger
):
    programme_organiser_add(programme=other_programme, user=organiser)
    client = signed_in(client, organiser)

    page = client.get(f"/admin/impact/?period=year&programme={other_programme.pk}")
    export = client.get(f"/admin/impact/summary.csv?period=year&programme={other_programme.pk}")
    everything = client.get("/admin/impact/?period=year")

    field = page.context["form"].fields["programme"]
    assert [str(label) for _v, label in field.choices] == [
        "All my programmes",
        "Other programme",
        "Test programme",
    ]
    assert (page.context["rows"][0]["total"], csv_rows(export)[1][2]) == ("120", "120")
    assert export["Content-Disposition"].startswith('attachment; filename="linkage-impact-other-')
    assert everything.context["rows"][0]["total"] == "127"


def test_a_programme_that_is_not_ones_own_is_ignored(client, organiser, other_programme, ledger):
    third = programme_make("Third programme", "third")
    programme_organiser_add(programme=third, user=organiser)
    client = signed_in(client, organiser)

    response = client.get(f"/admin/impact/?period=year&programme={other_programme.pk}")

    # Not a choice: the form falls back to all of the organiser's own programmes.
    assert response.context["rows"][0]["total"] == "107"
    assert "Other programme" not in response.content.decode()


def test_admins_choose_among_all_programmes(client, superuser, ledger):
    client = signed_in(client, superuser)

    field = client.get("/admin/impact/").context["form"].fields["programme"]

    assert [str(label) for _v, label in field.choices] == [
        "All programmes",
        "Other programme",
        "Test programme",
    ]


def test_months_are_named_in_the_organisers_language(client, organiser, ledger):
    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = "lt"
    profile.save()
    client = signed_in(client, organiser)

    response = client.get("/admin/impact/?period=month")

    with translation.override("lt"):
        march = formats.date_format(datetime.date(2026, 3, 1), "YEAR_MONTH_FORMAT")
    assert [row["period"] for row in response.context["rows"]] == [march]
    assert march != "2026-03"


def test_in_english_a_month_is_its_name_and_a_quarter_is_q(client, organiser, ledger):
    client = signed_in(client, organiser)

    month = client.get("/admin/impact/?period=month").context["rows"][0]["period"]
    quarter = client.get("/admin/impact/?period=quarter").context["rows"][0]["period"]

    assert (month, quarter) == ("March 2026", "2026 Q1")


@pytest.mark.parametrize("n", [1, 3])
def test_the_summary_runs_the_same_queries_for_1_or_3_rows(
    client, organiser, programme, django_assert_num_queries, n
):
    for month in range(n):
        counted(ATTENDED, 5, programme, when=MARCH.replace(month=3 + month))
    client = signed_in(client, organiser)
    client.get("/admin/impact/")  # warm: the caches a running site has

    with django_assert_num_queries(SUMMARY_QUERIES):
        response = client.get(f"/admin/impact/?breakdown={LedgerBreakdown.COUNTRY}")

    assert len(response.context["rows"]) == n


# --- Rows: admins only, in words ------------------------------------------------------------


@pytest.fixture
def named_row(programme) -> Participation:
    person = user_with_role(
        Role.PROFESSIONAL,
        email="vjosa@example.org",
        profile__display_name="Vjosa Berisha",
        profile__sector=Sector.SOCIAL_SERVICES,
        profile__country=Country.XK,
    )
    row, _created = participation_record(
        kind=COMPLETED, source=OrganisationFactory(), person=person, programmes=[programme.pk]
    )
    return row


@pytest.mark.parametrize("who", ["organiser", "other_organiser"])
@pytest.mark.parametrize(
    "url",
    [
        "/admin/participation/",
        "/admin/participation/?export=csv",
        "/admin/participation/inspect/{pk}/",
    ],
)
def test_organisers_never_read_rows_even_of_their_own_programme(
    client, request, named_row, who, url
):
    client = signed_in(client, request.getfixturevalue(who))

    response = client.get(url.format(pk=named_row.pk))

    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_admins_read_rows_in_words_in_the_list_inspect_and_export(client, superuser, named_row):
    client = signed_in(client, superuser)

    html = client.get("/admin/participation/").content.decode()
    inspect = client.get(f"/admin/participation/inspect/{named_row.pk}/")
    export = csv_rows(client.get("/admin/participation/?export=csv"))

    words = ["Course completed", "Professional", "Social services", "Kosovo"]
    codes = ["course_completed", "professional", "social_services", "XK"]
    assert [w in html for w in words] == [True] * 4
    assert [f">{c}<" in html for c in codes] == [False] * 4
    fields = {f["label"]: str(f["value"]) for f in inspect.context["fields"]}
    assert [fields[k] for k in ("Kind", "Role", "Sector", "Country")] == words
    assert export[1][:2] == ["Vjosa Berisha", "Course completed"]
    assert export[1][4:7] == ["Professional", "Social services", "Kosovo"]
    assert [c for c in codes if c in ",".join(export[1])] == []


def test_the_row_export_writes_dates_in_the_admins_language(client, superuser, named_row):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "lt"
    profile.save()
    client = signed_in(client, superuser)

    export = csv_rows(client.get("/admin/participation/?export=csv"))

    with translation.override("lt"):
        when = formats.date_format(timezone.localtime(named_row.occurred_at), "DATETIME_FORMAT")
        kind = str(ParticipationKind.COURSE_COMPLETED.label)
    assert (export[1][1], export[1][2]) == (kind, when)


def test_the_row_filters_offer_labels(client, superuser, named_row):
    client = signed_in(client, superuser)

    filters = client.get("/admin/participation/").context["filters"]

    choices = {
        name: dict(filters.form.fields[name].choices) for name in ("role", "sector", "country")
    }
    assert (
        choices["role"]["professional"],
        choices["sector"]["social_services"],
        choices["country"]["XK"],
    ) == ("Professional", "Social services", "Kosovo")


@pytest.mark.parametrize("n", [1, 3])
def test_the_row_list_runs_the_same_queries_for_1_or_3(
    client, superuser, programme, django_assert_num_queries, n
):
    for i in range(n):
        person = user_with_role(Role.PROFESSIONAL, email=f"learner{i}@example.org")
        participation_record(
            kind=COMPLETED, source=OrganisationFactory(), person=person, programmes=[programme.pk]
        )
    client = signed_in(client, superuser)
    client.get("/admin/participation/")  # warm

    with django_assert_num_queries(LEDGER_QUERIES):
        response = client.get("/admin/participation/")

    assert len(response.context["object_list"]) == n
