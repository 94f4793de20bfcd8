"""Programmes' sections of the catalogue: courses live in a programme's section
(/courses/<programme>/<course>/) or directly in the catalogue (/courses/<course>/), and the
catalogue, routing and the section's own page find them in both places."""

import pytest

from courses.models import CoursePage

pytestmark = pytest.mark.django_db


def test_a_course_in_a_section_has_the_programmes_slug_in_its_address(build_course, section):
    course, (lesson,) = build_course(lessons=1)

    assert (section.slug, course.url, lesson.url) == (
        "test",
        f"/courses/test/{course.slug}/",
        f"/courses/test/{course.slug}/lesson-1/",
    )
    assert course.programme_id == section.programme_id


def test_courses_in_sections_and_open_to_all_are_served(client, index, build_course):
    in_section, (lesson,) = build_course(title="In the programme", lessons=1)
    open_to_all, _ = build_course(title="Open to all", lessons=0, parent=index)

    responses = [client.get(page.url) for page in (in_section, lesson, open_to_all)]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert [r.context["page"].pk for r in responses] == [in_section.pk, lesson.pk, open_to_all.pk]
    assert f'href="{index.url}test/"' in responses[0].content.decode()  # "Courses": its section


def test_an_unknown_course_in_a_section_is_a_404(client, build_course, section):
    build_course(lessons=0)

    assert client.get(f"{section.url}no-such-course/").status_code == 404
    assert client.get("/courses/no-such-section/no-such-course/").status_code == 404


def test_the_catalogue_lists_courses_of_every_section_and_the_open_ones(
    client, index, build_course, other_section
):
    build_course(title="Ours", lessons=0)
    build_course(title="Theirs", lessons=0, parent=other_section)
    build_course(title="Open to all", lessons=0, parent=index)

    response = client.get(index.url)

    assert sorted(entry.course.title for entry in response.context["entries"]) == [
        "Open to all",
        "Ours",
        "Theirs",
    ]


def test_a_section_page_lists_its_programmes_live_courses_only(
    client, index, build_course, section, other_section
):
    build_course(title="Ours", lessons=0)
    draft, _ = build_course(title="Our draft", lessons=0)
    draft.unpublish()
    build_course(title="Theirs", lessons=0, parent=other_section)
    build_course(title="Open to all", lessons=0, parent=index)

    response = client.get(section.url)

    assert response.status_code == 200
    assert [entry.course.title for entry in response.context["entries"]] == ["Ours"]
    html = response.content.decode()
    assert 'id="quick-exit"' in html
    assert "Our draft" not in html and "Theirs" not in html


def test_an_empty_section_page_says_so(client, section):
    response = client.get(section.url)

    assert response.status_code == 200
    assert "There are no courses here yet." in response.content.decode()


def test_a_course_moved_into_a_section_changes_programme_and_address(
    client, index, build_course, section
):
    course, _ = build_course(title="Open to all", lessons=0, parent=index)

    course.move(section, pos="last-child")

    course = CoursePage.objects.get(pk=course.pk)
    assert course.programme_id == section.programme_id
    assert client.get(f"/courses/test/{course.slug}/").status_code == 200
