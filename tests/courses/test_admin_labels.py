"""Human labels in the courses admin: choices shown by their labels (never
``social_services``, ``XK`` or ``self``), languages by their names, and dates in the
organiser's language's format, in pages and in exports alike."""

from django.urls import reverse
from django.utils import formats, timezone, translation

import pytest

from courses import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(build_course, learner, organiser):
    course, _ = build_course(title="Coordinated response", lessons=1)
    services.enrolments_by_organiser(
        course=course, entries=[("vjosa@example.org", "")], by=organiser
    )
    return course


def speaks(user, language: str) -> None:
    """The organiser's admin language (Wagtail's account setting)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def short_date(moment, language: str) -> str:
    with translation.override(language):
        return formats.date_format(timezone.localdate(moment), "SHORT_DATE_FORMAT")


def test_the_course_index_names_languages_not_codes(organiser_client, enrolled):
    response = organiser_client.get(reverse("courses_admin:index"))

    assert [row["languages"] for row in response.context["rows"]] == [["English"]]
    assert "<td>English</td>" in response.content.decode()


def test_the_report_says_how_and_when_a_learner_was_enrolled_in_the_organisers_words(
    organiser_client, organiser, enrolled
):
    from courses.models import Enrolment

    speaks(organiser, "lt")
    enrolment = Enrolment.objects.get()

    html = organiser_client.get(reverse("courses_admin:report", args=[enrolled.pk])).content
    html = html.decode()

    assert f"<td>{short_date(enrolment.enrolled_at, 'lt')}</td>" in html
    with translation.override("lt"):
        assert f"<td>{enrolment.get_source_display()}</td>" in html
    assert "<td>organiser</td>" not in html


def test_the_export_reads_in_the_organisers_language_with_labels_not_codes(
    organiser_client, organiser, enrolled
):
    from courses.models import Enrolment

    speaks(organiser, "lt")
    enrolment = Enrolment.objects.get()

    response = organiser_client.get(reverse("courses_admin:export", args=[enrolled.pk, "csv"]))
    header, row = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()

    assert header.split(",")[:8] == [
        "Vardas",
        "El. paštas",
        "Organizacija",
        "Sektorius",
        "Šalis",
        "Regionas arba savivaldybė",
        "Grupė",
        "Užregistruota",
    ]
    cells = row.split(",")
    assert cells[3:5] == ["Socialinės paslaugos", "Kosovas"]
    assert cells[7] == short_date(enrolment.enrolled_at, "lt")
    assert "social_services" not in row and ",XK," not in row


def test_cohort_runs_list_their_dates_in_the_organisers_format(
    organiser_client, organiser, enrolled
):
    from datetime import date

    from courses.models import CohortRun

    speaks(organiser, "lt")
    cohort = CohortRun.objects.create(
        course=enrolled, title="Kaunas", starts_on=date(2026, 5, 4), ends_on=date(2026, 6, 30)
    )

    index = organiser_client.get(reverse("cohort_runs:index")).content.decode()
    edit = organiser_client.get(reverse("cohort_runs:edit", args=[cohort.pk])).content.decode()

    assert "2026 m. gegužės 4 d." in index
    assert "Kaunas (2026-05-04–2026-06-30)" in edit
