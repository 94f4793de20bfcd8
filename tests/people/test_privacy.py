"""A person's data: the export, optional demographic answers with consent, withdrawal, and
account deletion that keeps the programme's counts without keeping the person."""

import json

from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from impact.enums import ParticipationKind
from impact.models import Participation
from impact.selectors import participation_totals
from impact.services import participation_record
from people.enums import Country, Gender, MigrantBackground, Role, Sector
from people.models import Consent, Profile, User
from people.services import account_delete, consent_withdraw, demographic_answer
from tests.factories import PASSWORD, OrganisationFactory, RegionFactory, user_with_role

COMPLETED = ParticipationKind.COURSE_COMPLETED
ATTENDED = ParticipationKind.EVENT_ATTENDED


@pytest.fixture
def person(db):
    return user_with_role(
        Role.PROFESSIONAL,
        email="vjosa@example.org",
        profile__display_name="Vjosa Berisha",
        profile__sector=Sector.SOCIAL_SERVICES,
        profile__country=Country.XK,
        profile__region=RegionFactory(name="Gjilan/Gnjilane", country=Country.XK),
    )


@pytest.fixture
def course(db):
    return OrganisationFactory(name="Course: first response to disclosure")


@pytest.fixture
def person_client(client, person):
    client.force_login(person)
    return client


# --- Export -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_data_export_is_a_json_attachment(person_client):
    response = person_client.get(reverse("people:data_export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="linkage-my-data-')
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_data_export_holds_account_profile_consents_and_participation(
    person_client, person, course
):
    demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    person.refresh_from_db()
    participation_record(kind=COMPLETED, source=course, person=person)

    data = json.loads(person_client.get(reverse("people:data_export")).content)

    assert data["account"]["email"] == "vjosa@example.org"
    assert data["account"]["roles"] == ["Professionals"]
    assert data["profile"]["display_name"] == "Vjosa Berisha"
    assert (data["profile"]["region"], data["profile"]["gender"]) == ("Gjilan/Gnjilane", "woman")
    assert [(c["question"], c["withdrawn_at"]) for c in data["consents"]] == [("gender", None)]
    assert [(p["kind"], p["source"], p["snapshot"]["gender"]) for p in data["participation"]] == [
        (COMPLETED, f"people.organisation:{course.pk}", "woman")
    ]


@pytest.mark.django_db
def test_data_export_holds_nothing_about_other_people(person_client, course):
    other = user_with_role(Role.PROFESSIONAL)
    participation_record(kind=COMPLETED, source=course, person=other)

    data = json.loads(person_client.get(reverse("people:data_export")).content)

    assert data["participation"] == []


@pytest.mark.django_db
def test_data_export_sends_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("people:data_export"))

    assert (response.status_code, response["Location"]) == (
        302,
        f"{reverse('account_login')}?next={reverse('people:data_export')}",
    )


# --- Demographic answers and consent ----------------------------------------------------------


@pytest.mark.django_db
def test_demographic_answer_saves_the_answer_with_a_timestamped_consent(person):
    consent = demographic_answer(user=person, field="gender", value=Gender.WOMAN)

    assert Profile.objects.get(user=person).gender == "woman"
    assert (consent.field, consent.is_active, consent.given_at is not None) == (
        "gender",
        True,
        True,
    )


@pytest.mark.django_db
def test_demographic_answer_refuses_a_value_that_is_not_offered(person):
    with pytest.raises(ValidationError):
        demographic_answer(user=person, field="gender", value="robot")

    assert (Profile.objects.get(user=person).gender, Consent.objects.count()) == ("", 0)


@pytest.mark.django_db
def test_demographic_answer_refuses_an_unknown_question(person):
    with pytest.raises(ValidationError):
        demographic_answer(user=person, field="religion", value="none")


@pytest.mark.django_db
def test_answering_again_keeps_one_active_consent(person):
    first = demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    second = demographic_answer(user=person, field="gender", value=Gender.NON_BINARY)

    assert second.pk == first.pk
    assert Profile.objects.get(user=person).gender == "non_binary"


@pytest.mark.django_db
def test_consent_withdraw_erases_the_profile_answer_and_the_ledger_attribute(person, course):
    demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    demographic_answer(user=person, field="migrant_background", value=MigrantBackground.YES)
    person.refresh_from_db()
    row, _ = participation_record(kind=COMPLETED, source=course, person=person)

    withdrawn = consent_withdraw(user=person, field="gender")

    row.refresh_from_db()
    profile = Profile.objects.get(user=person)
    assert withdrawn is True
    assert (profile.gender, profile.migrant_background) == ("", "yes")
    assert (row.gender, row.migrant_background) == ("", "yes")
    assert Consent.objects.get(user=person, field="gender").withdrawn_at is not None


@pytest.mark.django_db
def test_consent_withdraw_without_consent_reports_nothing_withdrawn(person):
    assert consent_withdraw(user=person, field="age_band") is False


# --- The privacy page -------------------------------------------------------------------------


def answer_data(field: str, value: str, *, consent: bool) -> dict:
    """What the browser sends from one question's form on /my/privacy/."""
    data = {"field": field, f"{field}-field": field, f"{field}-value": value}
    if consent:
        data[f"{field}-consent"] = "on"
    return data


@pytest.mark.django_db
def test_privacy_page_lists_the_three_questions(person_client):
    response = person_client.get(reverse("people:privacy"))

    assert response.status_code == 200
    assert [q["form"].question for q in response.context["questions"]] == [
        "gender",
        "age_band",
        "migrant_background",
    ]


@pytest.mark.django_db
def test_privacy_page_saves_an_answer_given_with_consent(person_client, person):
    response = person_client.post(
        reverse("people:privacy"), answer_data("gender", Gender.WOMAN, consent=True)
    )

    assert (response.status_code, response["Location"]) == (302, reverse("people:privacy"))
    assert Profile.objects.get(user=person).gender == "woman"
    assert list(Consent.objects.filter(user=person).values_list("field", flat=True)) == ["gender"]


@pytest.mark.django_db
def test_privacy_page_saves_nothing_without_the_consent_box(person_client, person):
    response = person_client.post(
        reverse("people:privacy"), answer_data("gender", Gender.WOMAN, consent=False)
    )

    form = response.context["questions"][0]["form"]
    assert response.status_code == 200
    assert list(form.errors) == ["consent"]
    assert (Profile.objects.get(user=person).gender, Consent.objects.count()) == ("", 0)


@pytest.mark.django_db
def test_privacy_page_withdraws_consent_and_erases_the_answer(person_client, person):
    demographic_answer(user=person, field="gender", value=Gender.WOMAN)

    response = person_client.post(reverse("people:privacy"), {"field": "gender", "withdraw": "1"})

    assert (response.status_code, response["Location"]) == (302, reverse("people:privacy"))
    assert Profile.objects.get(user=person).gender == ""
    assert Consent.objects.filter(user=person, withdrawn_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_privacy_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("people:privacy"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- Account deletion -------------------------------------------------------------------------


def ledger_summary() -> list[tuple]:
    return sorted(
        Participation.objects.values_list("kind", "role", "sector", "country", "region", "count")
    )


@pytest.mark.django_db
def test_deleting_the_account_removes_the_person_and_logs_out(person_client, person):
    response = person_client.post(reverse("people:delete"), {"password": PASSWORD, "confirm": "on"})

    assert (response.status_code, response["Location"]) == (302, "/")
    assert User.objects.filter(pk=person.pk).exists() is False
    assert Profile.objects.filter(user_id=person.pk).exists() is False
    assert SESSION_KEY not in person_client.session


@pytest.mark.django_db
def test_deleting_the_account_keeps_the_ledger_rows_anonymously(person_client, person, course):
    demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    person.refresh_from_db()
    participation_record(kind=COMPLETED, source=course, person=person)
    participation_record(kind=ATTENDED, source=course, person=person)
    totals_before, summary_before = participation_totals(), ledger_summary()

    person_client.post(reverse("people:delete"), {"password": PASSWORD, "confirm": "on"})

    rows = Participation.objects.all()
    assert participation_totals() == totals_before == {COMPLETED: 1, ATTENDED: 1}
    assert ledger_summary() == summary_before
    assert {(r.person_id, r.gender, r.age_band, r.migrant_background) for r in rows} == {
        (None, "", "", "")
    }
    assert {(r.role, r.sector, r.country, r.region) for r in rows} == {
        ("professional", "social_services", "XK", "Gjilan/Gnjilane")
    }
    assert [r.subject_key.startswith("deleted:") for r in rows] == [True, True]


@pytest.mark.django_db
def test_a_wrong_password_deletes_nothing_and_says_so(person_client, person):
    response = person_client.post(
        reverse("people:delete"), {"password": "not-my-password", "confirm": "on"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"password": ["That password is not right."]}
    assert User.objects.filter(pk=person.pk).exists() is True
    assert person_client.session[SESSION_KEY] == str(person.pk)


@pytest.mark.django_db
def test_deletion_needs_the_confirmation_box(person_client, person):
    response = person_client.post(reverse("people:delete"), {"password": PASSWORD})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["confirm"]
    assert User.objects.filter(pk=person.pk).exists() is True


@pytest.mark.django_db
def test_two_people_who_completed_the_same_course_both_delete_and_keep_two_rows(course):
    people = [user_with_role(Role.PROFESSIONAL) for _ in range(2)]
    for someone in people:
        participation_record(kind=COMPLETED, source=course, person=someone)

    kept = [account_delete(user=someone)["participation"] for someone in people]

    assert kept == [1, 1]
    assert list(Participation.objects.values_list("person", "count")) == [(None, 1), (None, 1)]
    assert participation_totals() == {COMPLETED: 2}


@pytest.mark.django_db
def test_deleting_a_person_in_the_wagtail_admin_also_anonymises_their_ledger_rows(
    client, superuser, person, course
):
    # The admin's "Delete user" skips people.services.account_delete; the rows must still
    # lose their consented demographics and the key that leads back to the person.
    from tests.factories import totp_activate

    demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    person.refresh_from_db()
    participation_record(kind=COMPLETED, source=course, person=person)
    totp_activate(superuser)
    client.force_login(superuser)

    response = client.post(reverse("wagtailusers_users:delete", args=[person.pk]))

    row = Participation.objects.get()
    assert response.status_code == 302
    assert User.objects.filter(pk=person.pk).exists() is False
    assert (row.person_id, row.gender, row.subject_key.startswith("deleted:")) == (
        None,
        "",
        True,
    )


# --- people's hooks: other apps plug in, people imports none of them ---------------------------


@pytest.fixture
def recorded_hooks():
    """A test app plugged into people's hooks, unplugged afterwards."""
    from people import hooks

    calls: list = []
    hooks.register_person_deleted("test", lambda user: calls.append(("deleted", user.pk)) or 7)
    hooks.register_consent_withdrawn(
        "test", lambda *, person, field: calls.append(("withdrawn", person.pk, field))
    )
    hooks.register_data_section("test_section", lambda user: {"pk": user.pk})
    yield calls
    hooks._person_deleted.pop("test")
    hooks._consent_withdrawn.pop("test")
    hooks._data_sections.pop("test_section")


@pytest.mark.django_db
def test_people_tells_plugged_in_apps_about_withdrawal_export_and_deletion(person, recorded_hooks):
    pk = person.pk
    demographic_answer(user=person, field="gender", value=Gender.WOMAN)
    consent_withdraw(user=person, field="gender")
    from people.selectors import person_data_export

    section = person_data_export(user=person)["test_section"]
    reports = account_delete(user=person)

    assert section == {"pk": pk}
    assert reports == {"participation": 0, "test": 7, "mentors": 0}
    # Once from account_delete, once more from the user model's pre_delete (idempotent).
    assert recorded_hooks == [("withdrawn", pk, "gender"), ("deleted", pk), ("deleted", pk)]
