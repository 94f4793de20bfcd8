"""Certificates in the admin, by programme: an organiser lists, inspects, revokes and
reissues the certificates of their own programmes only; another programme's certificate
is a 404 at every URL, however its id is guessed. Admins see all. A reissued certificate
stays with the programmes of the one it replaces."""

import datetime

from django.utils import formats, translation

from wagtail.users.models import UserProfile

import pytest

from certificates.enums import CertificateKind, CertificateStatus
from certificates.models import Certificate
from certificates.selectors import certificates_visible_to
from certificates.services import certificate_issue, certificate_reissue
from tests.factories import OrganisationFactory, UserFactory, totp_activate

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 20)
# Session, user, role, TOTP, permissions (user, groups), Wagtail profile, the organiser's
# programmes, count, locales and the menu's three permission reads, the programme filter's
# choices, the page, its programmes (prefetched).
LIST_QUERIES = 16


def issue(name: str, *programmes, kind=CertificateKind.COURSE_COMPLETION) -> Certificate:
    return certificate_issue(
        subject=OrganisationFactory(name=f"Enrolment of {name}"),
        holder=UserFactory(email=f"{name.split()[0].lower()}@example.org"),
        holder_name=name,
        title="Coordinated response",
        kind=kind,
        completed_on=DAY,
        programmes=[p.pk for p in programmes],
    )


@pytest.fixture
def certificates(programme, other_programme):
    return {
        "mine": issue("Ruta Kazlauskienė", programme),
        "theirs": issue("Arta Gashi", other_programme),
        "open": issue("Open Course Learner"),  # a course of no programme
    }


def signed_in(client, user):
    totp_activate(user)
    client.force_login(user)
    return client


def names(response) -> list[str]:
    assert response.status_code == 200
    return sorted(c.holder_name for c in response.context["object_list"])


MATRIX = [
    ("organiser", {"mine"}),
    ("other_organiser", {"theirs"}),
    ("superuser", {"mine", "theirs", "open"}),
]


@pytest.mark.parametrize(("who", "sees"), MATRIX)
def test_the_list_shows_only_the_certificates_of_ones_programmes(
    client, request, certificates, who, sees
):
    client = signed_in(client, request.getfixturevalue(who))

    listing = client.get("/admin/certificate/")
    searched = client.get("/admin/certificate/results/?q=a")

    expected = sorted(certificates[k].holder_name for k in sees)
    assert (names(listing), names(searched)) == (expected, [n for n in expected if "a" in n])
    hidden = [c.holder_name for k, c in certificates.items() if k not in sees]
    assert [n for n in hidden if n in listing.content.decode()] == []


@pytest.mark.parametrize(("who", "sees"), MATRIX)
@pytest.mark.parametrize(
    "url",
    [
        "/admin/certificate/inspect/{pk}/",
        "/admin/certificates/{pk}/manage/",
    ],
)
def test_inspect_and_manage_answer_only_for_visible_certificates(
    client, request, certificates, who, sees, url
):
    client = signed_in(client, request.getfixturevalue(who))

    codes = {k: client.get(url.format(pk=c.pk)).status_code for k, c in certificates.items()}

    assert codes == {k: 200 if k in sees else 404 for k in certificates}


@pytest.mark.parametrize("action", ["revoke", "reissue"])
def test_an_organiser_cannot_revoke_or_reissue_another_programmes_certificate(
    client, organiser, certificates, action
):
    client = signed_in(client, organiser)
    theirs = certificates["theirs"]

    response = client.post(
        f"/admin/certificates/{theirs.pk}/{action}/",
        {
            "revoke-reason": "Issued in error",
            "reissue-holder_name": "Someone Else",
            "reissue-title": "x",
            "reissue-reason": "typo",
        },
    )

    theirs.refresh_from_db()
    assert (response.status_code, theirs.status, Certificate.objects.count()) == (
        404,
        CertificateStatus.VALID,
        3,
    )
    assert "Arta" not in response.content.decode()


@pytest.mark.parametrize("action", ["revoke", "reissue"])
def test_a_guessed_id_that_does_not_exist_is_the_same_404(client, organiser, action):
    client = signed_in(client, organiser)

    assert client.post(f"/admin/certificates/999999/{action}/").status_code == 404


def test_a_reissue_through_the_admin_stays_in_the_programme(client, organiser, certificates):
    client = signed_in(client, organiser)
    mine = certificates["mine"]

    response = client.post(
        f"/admin/certificates/{mine.pk}/reissue/",
        {
            "reissue-holder_name": "Rūta Kazlauskienė",
            "reissue-title": "Coordinated response",
            "reissue-reason": "Accents",
        },
    )

    new = Certificate.objects.get(holder_name="Rūta Kazlauskienė")
    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/certificates/{new.pk}/manage/",
    )
    # The organiser follows the redirect to the new certificate, and sees both in the list.
    assert client.get(response["Location"]).status_code == 200
    assert names(client.get("/admin/certificate/")) == ["Ruta Kazlauskienė", "Rūta Kazlauskienė"]


def test_a_reissued_certificate_keeps_all_the_programmes_of_the_original(
    programme, other_programme, organiser, other_organiser
):
    shared = issue("Both Programmes", programme, other_programme)

    new = certificate_reissue(certificate=shared, by=None, holder_name="Both Programmes II")

    assert set(new.programmes.values_list("pk", flat=True)) == {programme.pk, other_programme.pk}
    assert [
        sorted(certificates_visible_to(user=u).values_list("holder_name", flat=True))
        for u in (organiser, other_organiser)
    ] == [["Both Programmes", "Both Programmes II"]] * 2


def test_people_without_the_permission_see_no_certificate(professional, certificates):
    assert certificates_visible_to(user=professional).count() == 0


def test_an_organiser_of_several_programmes_filters_by_one(
    client, organiser, other_programme, certificates
):
    from programmes.services import programme_organiser_add

    programme_organiser_add(programme=other_programme, user=organiser)
    client = signed_in(client, organiser)

    everything = client.get("/admin/certificate/")
    one = client.get(f"/admin/certificate/?programme={other_programme.pk}")

    assert (names(everything), names(one)) == (
        ["Arta Gashi", "Ruta Kazlauskienė"],
        ["Arta Gashi"],
    )


def test_the_programme_filter_offers_only_ones_own_programmes(
    client, organiser, programme, other_programme, certificates
):
    client = signed_in(client, organiser)

    response = client.get(f"/admin/certificate/?programme={other_programme.pk}")

    choices = [
        str(label) for _value, label in response.context["filters"].form.fields["programme"].choices
    ]
    # Another programme's id in the query string is not a choice: it filters nothing in.
    assert (choices[1:], names(response)) == (["Test programme"], ["Ruta Kazlauskienė"])
    assert "Other programme" not in response.content.decode()


def test_the_list_names_kinds_statuses_and_programmes_in_words(
    client, organiser, programme, certificates
):
    issue("Event Goer", programme, kind=CertificateKind.EVENT_ATTENDANCE)
    client = signed_in(client, organiser)

    html = client.get("/admin/certificate/").content.decode()

    assert [word in html for word in ("Course completion", "Event attendance", "Valid")] == [
        True,
        True,
        True,
    ]
    assert [code in html for code in (">course_completion<", ">event_attendance<", ">valid<")] == [
        False,
        False,
        False,
    ]
    assert "Test programme" in html


def test_dates_are_in_the_organisers_language(client, organiser, certificates):
    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = "lt"
    profile.save()
    client = signed_in(client, organiser)

    html = client.get("/admin/certificate/").content.decode()

    with translation.override("lt"):
        lithuanian = formats.date_format(certificates["mine"].issued_on)
    assert (lithuanian in html, certificates["mine"].issued_on.isoformat() in html) == (
        True,
        False,
    )


@pytest.mark.parametrize("n", [1, 3])
def test_the_certificate_list_runs_the_same_queries_for_1_or_3(
    client, organiser, programme, other_programme, django_assert_num_queries, n
):
    for i in range(n):
        issue(f"Learner{i} Test", programme, other_programme)
    issue("Someone Else", other_programme)
    client = signed_in(client, organiser)
    client.get("/admin/certificate/")  # warm: the caches a running site has

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/admin/certificate/")

    assert len(response.context["object_list"]) == n
