"""Organisers enrol people, teams included, some of whom have no account yet: the enrol
form and the import invite them (once ever), and everyone enrolled is told by e-mail in
their language, with the course's title and link. Completions carry the programmes."""

import re

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse

import pytest

from core.models import OutboxMessage
from courses import services
from courses.emails import enrolled_compose
from courses.enums import EnrolmentSource
from courses.forms import OrganiserEnrolForm, parse_learner_line
from courses.models import Enrolment
from people.models import Invitation, User

pytestmark = pytest.mark.django_db

INVITATION_SUBJECT = "You have a place on Linkage: choose your password"


def subjects() -> list[str]:
    return sorted(str(message.subject) for message in mail.outbox)


# --- The enrol form ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("ruta@example.org", ("ruta@example.org", "")),
        ("Rūta Petrauskienė, Ruta@Example.org", ("ruta@example.org", "Rūta Petrauskienė")),
        ("ruta@example.org; Rūta Petrauskienė", ("ruta@example.org", "Rūta Petrauskienė")),
        ("Rūta\tPetrauskienė\truta@example.org", ("ruta@example.org", "Rūta Petrauskienė")),
        ("Rūta Petrauskienė <ruta@example.org>", ("ruta@example.org", "Rūta Petrauskienė")),
    ],
)
def test_a_line_of_the_enrol_form_gives_an_address_and_a_name(line, expected):
    assert parse_learner_line(line) == expected


def test_the_enrol_form_names_every_bad_line():
    form = OrganiserEnrolForm(
        {
            "learners": "ruta@example.org\n\nno address here\nruta@example.org\na@b, c@d\n",
            "cohort": "",
        }
    )

    assert not form.is_valid()
    assert form.errors["learners"] == [
        "Line 3: Write one e-mail address on each line.",
        "Line 4: ruta@example.org is already on line 1.",
        "Line 5: Write one e-mail address on each line.",
    ]


def test_the_enrol_form_enrols_a_team_inviting_those_without_an_account(
    organiser_client, organiser, build_course, learner, django_capture_on_commit_callbacks
):
    course, _ = build_course(title="Coordinated response")

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            reverse("courses_admin:enrol", args=[course.pk]),
            {"learners": "vjosa@example.org\nRūta Petrauskienė, ruta.new@example.org\n"},
            follow=True,
        )

    newcomer = User.objects.get(email="ruta.new@example.org")
    assert [str(m) for m in response.context["messages"]] == [
        # Nothing says which of the two already had an account.
        "2 learners enrolled. Each is told by e-mail; anyone new to Linkage is invited to "
        "choose a password."
    ]
    assert (newcomer.display_name, newcomer.has_usable_password()) == ("Rūta Petrauskienė", False)
    assert sorted(Enrolment.objects.values_list("person__email", "source", "enrolled_by")) == [
        ("ruta.new@example.org", EnrolmentSource.ORGANISER, organiser.pk),
        ("vjosa@example.org", EnrolmentSource.ORGANISER, organiser.pk),
    ]
    assert subjects() == [
        "You are enrolled in “Coordinated response”",
        "You are enrolled in “Coordinated response”",
        INVITATION_SUBJECT,
    ]
    assert sorted(m.to[0] for m in mail.outbox if "enrolled" in m.subject) == [
        "ruta.new@example.org",
        "vjosa@example.org",
    ]


def test_a_refusal_enrols_and_invites_nobody(
    organiser, build_course, learner, django_capture_on_commit_callbacks
):
    required, _ = build_course(title="Coordinated response")
    course, _ = build_course(requires=[required])

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError) as refusal,
    ):
        services.enrolments_by_organiser(
            course=course,
            entries=[("vjosa@example.org", "", 1), ("new@example.org", "New", 2)],
            by=organiser,
        )

    assert refusal.value.messages == [
        "Line 1 (vjosa@example.org): This course requires “Coordinated response”. "
        "Complete it first.",
        "Line 2 (new@example.org): This course requires “Coordinated response”. Complete it first.",
    ]
    assert (Enrolment.objects.count(), User.objects.filter(email="new@example.org").count()) == (
        0,
        0,
    )
    assert mail.outbox == []


def test_the_service_refuses_an_organiser_of_another_programme(
    other_organiser, build_course, learner
):
    course, _ = build_course()

    with pytest.raises(PermissionDenied):
        services.enrolments_by_organiser(
            course=course, entries=[("vjosa@example.org", "")], by=other_organiser
        )
    assert Enrolment.objects.count() == 0


def test_enrolling_someone_already_enrolled_tells_them_nothing_new(
    organiser, build_course, learner, django_capture_on_commit_callbacks
):
    course, _ = build_course()
    services.enrolment_create(course=course, person=learner)

    with django_capture_on_commit_callbacks(execute=True):
        (done,) = services.enrolments_by_organiser(
            course=course, entries=[("vjosa@example.org", "")], by=organiser
        )

    assert (done.created, done.invited, mail.outbox) == (False, False, [])


# --- The e-mail -------------------------------------------------------------------------------


@override_settings(LINKAGE_BASE_URL="https://linkage.example.org")
def test_the_enrolled_e_mail_names_the_course_and_links_to_it(
    organiser, build_course, learner, django_capture_on_commit_callbacks
):
    course, _ = build_course(title="Trauma-informed interviewing")

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolments_by_organiser(
            course=course, entries=[("vjosa@example.org", "")], by=organiser
        )

    (message,) = mail.outbox
    assert message.to == ["vjosa@example.org"]
    assert message.subject == "You are enrolled in “Trauma-informed interviewing”"
    assert message.body.splitlines() == [
        "Hello Vjosa Berisha,",
        "",
        f"{organiser.display_name} has enrolled you in the course “Trauma-informed "
        "interviewing” on Linkage.",
        "",
        "The course is here:",
        f"https://linkage.example.org{course.url}",
        "",
        "Linkage · https://linkage.example.org",
    ]
    assert OutboxMessage.objects.get().key == f"courses:enrolled:{Enrolment.objects.get().pk}"


@override_settings(
    LINKAGE_BASE_URL="https://linkage.example.org",
    ALLOWED_HOSTS=["testserver", "evil.example"],
)
def test_e_mails_sent_during_a_request_to_another_host_link_to_the_base_address(
    organiser_client, build_course, learner, django_capture_on_commit_callbacks
):
    course, _ = build_course(title="Coordinated response")

    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(
            reverse("courses_admin:enrol", args=[course.pk]),
            {"learners": "vjosa@example.org\nRūta Petrauskienė, ruta.new@example.org\n"},
            HTTP_HOST="evil.example",
        )

    links = sorted(
        (message.subject, link)
        for message in mail.outbox
        for link in re.findall(r"https?://\S+", message.body)
    )
    assert subjects() == [
        "You are enrolled in “Coordinated response”",
        "You are enrolled in “Coordinated response”",
        INVITATION_SUBJECT,
    ]
    assert {link.split("/")[2] for _, link in links} == {"linkage.example.org"}
    assert (
        "You are enrolled in “Coordinated response”",
        f"https://linkage.example.org{course.url}",
    ) in links
    assert [
        link.startswith("https://linkage.example.org/accounts/password/reset/key/")
        for subject, link in links
        if subject == INVITATION_SUBJECT and link != "https://linkage.example.org"
    ] == [True]


def test_the_enrolled_e_mail_is_in_the_learners_language_with_the_courses_title_there(
    organiser, build_course, learner, lt_locale, translated_parents
):
    course, _ = build_course(title="Coordinated response")
    translated_parents(course, lt_locale)
    course_lt = course.copy_for_translation(lt_locale)
    course_lt.title = "Koordinuotas atsakas"
    course_lt.save_revision().publish()
    learner.profile.preferred_language = "lt"
    learner.profile.save()

    services.enrolments_by_organiser(
        course=course, entries=[("vjosa@example.org", "")], by=organiser
    )
    message = OutboxMessage.objects.get()

    from django.utils import translation

    with translation.override(message.language):
        email = enrolled_compose(message)
    assert message.language == "lt"
    assert "Koordinuotas atsakas" in email.subject
    assert f"/lt/courses/test/{course_lt.slug}/" in email.body


def test_a_newcomer_is_told_how_to_get_in_and_the_cohort_dates_read_in_their_language(
    build_course, organiser
):
    from datetime import date

    from django.utils import translation

    from courses.models import CohortRun

    course, _ = build_course(title="Coordinated response")
    cohort = CohortRun(
        course=course, title="Kaunas", starts_on=date(2026, 5, 4), ends_on=date(2026, 6, 30)
    )
    context = {
        "name": "Rūta",
        "enrolled_by": "",
        "title": "Koordinuotas atsakas",
        "url": "https://linkage.example.org/lt/courses/test/koordinuotas/",
        "cohort": cohort,
        "invited": True,
        "site_url": "https://linkage.example.org",
    }

    with translation.override("lt"):
        text = render_to_string("courses/email/enrolled.txt", context)

    assert "2026 m. gegužės 4 d." in text and "2026 m. birželio 30 d." in text
    assert "https://linkage.example.org/lt/courses/test/koordinuotas/" in text
    with translation.override("en"):
        english = render_to_string("courses/email/enrolled.txt", context)
    assert (
        "You are in the cohort “Kaunas”, from Monday 4 May 2026 to Tuesday 30 June 2026." in english
    )
    assert "You have no password yet" in english


# --- The import -------------------------------------------------------------------------------


def upload(text: str):
    return SimpleUploadedFile("team.csv", text.encode("utf-8"), content_type="text/csv")


def import_file(client, course, text, capture):
    """Upload, preview and confirm one file as an organiser does; the preview page."""
    url = reverse("courses_admin:import", args=[course.pk])
    with capture(execute=True):
        uploaded = client.post(url, {"file": upload(text)})
    preview = client.get(uploaded.url)
    job = preview.context["job"]
    if preview.context["confirm_form"] is not None:
        with capture(execute=True):
            client.post(url, {"job": job.pk})
    return preview


def test_importing_the_same_file_twice_makes_one_account_and_sends_one_invitation(
    organiser_client, build_course, learner, django_capture_on_commit_callbacks
):
    course, _ = build_course(title="Coordinated response")
    text = "email,name\nvjosa@example.org,\nruta.new@example.org,Rūta Petrauskienė\n"

    first = import_file(organiser_client, course, text, django_capture_on_commit_callbacks)
    second = import_file(organiser_client, course, text, django_capture_on_commit_callbacks)

    assert [row["messages"] for row in first.context["preview"]["rows"]] == [
        [],
        ["No Linkage account yet: one is made, with an invitation e-mail."],
    ]
    assert (second.context["preview"]["new"], second.context["preview"]["skipped"]) == (0, 2)
    assert User.objects.filter(email="ruta.new@example.org").count() == 1
    assert Invitation.objects.filter(user__email="ruta.new@example.org").count() == 1
    assert subjects() == [
        "You are enrolled in “Coordinated response”",
        "You are enrolled in “Coordinated response”",
        INVITATION_SUBJECT,
    ]
    assert sorted(Enrolment.objects.values_list("person__email", "source")) == [
        ("ruta.new@example.org", EnrolmentSource.IMPORT),
        ("vjosa@example.org", EnrolmentSource.IMPORT),
    ]
    assert User.objects.get(email="ruta.new@example.org").profile.display_name == (
        "Rūta Petrauskienė"
    )


def test_the_import_preview_invites_and_tells_nobody(
    organiser_client, build_course, django_capture_on_commit_callbacks
):
    course, _ = build_course()
    url = reverse("courses_admin:import", args=[course.pk])

    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(url, {"file": upload("email,name\nnew@example.org,New\n")})

    assert (User.objects.filter(email="new@example.org").exists(), mail.outbox) == (False, [])


# --- Ledger and certificates ------------------------------------------------------------------


def test_a_completion_carries_the_courses_programmes_to_the_ledger_and_the_certificate(
    build_course, learner, programme, other_programme
):
    from certificates.models import Certificate
    from impact.models import Participation

    course, (lesson,) = build_course(lessons=1)
    course.shared_with.add(other_programme)
    course.save()
    enrolment, _ = services.enrolment_create(course=course, person=learner)

    services.lesson_complete(enrolment=enrolment, lesson=lesson, course=course)

    participation = Participation.objects.get(person=learner)
    certificate = Certificate.objects.get(holder=learner)
    expected = {programme.pk, other_programme.pk}
    assert set(participation.programmes.values_list("pk", flat=True)) == expected
    assert set(certificate.programmes.values_list("pk", flat=True)) == expected


# The enrolments; then the outbox: keys taken, savepoint, insert, release, ids read back.
NOTIFY_QUERIES = 6


@pytest.mark.parametrize("n", [1, 3])
def test_telling_learners_runs_the_same_queries_for_1_or_3(
    n, build_course, person_factory, django_assert_num_queries
):
    course, _ = build_course()
    for i in range(n):
        services.enrolment_create(course=course, person=person_factory(f"l{i}@example.org"))
    ContentType.objects.get_for_model(Enrolment)  # as a running site has it cached

    with django_assert_num_queries(NOTIFY_QUERIES):
        services.enrolments_notify(enrolments=Enrolment.objects.select_related("person__profile"))

    assert OutboxMessage.objects.filter(kind="courses.enrolled").count() == n
