"""Mentoring in the Wagtail admin: who reaches what (an organiser her own programmes only,
404 for another's, admins everything), requests that never show who asked, a round run,
reviewed, changed and accepted through the admin, the audit log of views and changes, the
programme dashboard panel, and query-count guards for every list."""

import re
from datetime import UTC, datetime
from unittest.mock import patch

from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

import pytest

from core.text import join_list
from core.timezones import zone_name
from mentors.enums import (
    ConcernStatus,
    EndReason,
    LanguageLevel,
    MatchStatus,
    MentorStatus,
    RequestStatus,
    RoundStatus,
    UnmatchedReason,
)
from mentors.models import ConcernReport, Match, MatchingRound, MentoringSession
from mentors.wagtail_hooks import mentoring_programme_panel
from people.enums import Role
from tests.factories import totp_activate, user_with_role
from tests.factories.mentors import RequestFactory as MentoringRequestFactory
from tests.factories.mentors import match_make, mentor_make
from tests.mentors.test_services import mentor_track_done

pytestmark = pytest.mark.django_db

SECRET_NAME = "Zeynep Hidden"
SECRET_CONTACT = "+34 611 222 333"
SECRET_TIMES = "Only after nine in the evening"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def organiser_client(organiser_with_totp) -> Client:
    return signed_in(organiser_with_totp)


@pytest.fixture
def superuser_client(superuser) -> Client:
    totp_activate(superuser)
    return signed_in(superuser)


def person(email: str, name: str = ""):
    user = user_with_role(Role.MENTOR, email=email)
    if name:
        user.profile.display_name = name
        user.profile.save()
    return user


def secret_request(programme, **fields):
    fields.setdefault("name", SECRET_NAME)
    fields.setdefault("contact", SECRET_CONTACT)
    fields.setdefault("safe_times", SECRET_TIMES)
    return MentoringRequestFactory(programme=programme, **fields)


def url(name, *args):
    return reverse(f"mentors_admin:{name}", args=args)


@pytest.fixture
def others(other_programme):
    """One of everything in another programme: what ``organiser`` must never reach."""
    mentor = mentor_make(programme=other_programme, person=person("o@example.org", "Olena"))
    match = match_make(mentor=mentor, request=secret_request(other_programme))
    round_ = MatchingRound.objects.create(programme=other_programme)
    concern = ConcernReport.objects.create(programme=other_programme, text="Late twice")
    return {"mentor": mentor, "match": match, "round": round_, "concern": concern}


# --- Who reaches what -------------------------------------------------------------------------


def test_the_mentoring_menu_shows_its_lists_to_an_organiser(organiser_client):
    html = organiser_client.get(reverse("wagtailadmin_home")).content.decode()

    for name in ("pool", "requests", "rounds", "matches", "concerns", "weights"):
        assert url(name) in html


def test_a_professional_cannot_open_the_mentoring_admin(professional):
    response = signed_in(professional).get(url("pool"))

    assert response.status_code == 403


def test_the_pool_lists_only_the_organisers_programme(organiser_client, programme, others):
    mentor_make(programme=programme, person=person("f@example.org", "Fatima"))

    html = organiser_client.get(url("pool")).content.decode()

    assert "Fatima" in html
    assert "Olena" not in html


def test_an_admin_sees_every_programmes_pool(superuser_client, programme, others):
    mentor_make(programme=programme, person=person("f@example.org", "Fatima"))

    html = superuser_client.get(url("pool")).content.decode()

    assert "Fatima" in html
    assert "Olena" in html


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("mentor", "mentor"),
        ("request", "request"),
        ("round", "round"),
        ("match", "match"),
        ("concern", "concern"),
        ("suggestion_change", "suggestion"),
    ],
)
def test_another_programmes_page_is_404(name, key, organiser_client, others):
    match = others["match"]
    args = {
        "mentor": [others["mentor"].pk],
        "request": [match.request_id],
        "round": [others["round"].pk],
        "match": [match.pk],
        "concern": [others["concern"].pk],
        "suggestion": [others["round"].pk, 1],
    }[key]

    response = organiser_client.get(url(name, *args))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "key", "data"),
    [
        ("mentor_approve", "mentor", {}),
        ("mentor_status", "mentor", {"status": MentorStatus.PAUSED}),
        ("round_accept", "round", {}),
        ("round_rerun", "round", {}),
        ("round_discard", "round", {}),
        ("match_end", "match", {"reason": EndReason.SAFETY}),
        ("match_block", "match", {}),
        ("concern_resolve", "concern", {}),
    ],
)
def test_another_programmes_changes_are_404_and_change_nothing(
    name, key, data, organiser_client, others
):
    response = organiser_client.post(url(name, others[key].pk), data)

    assert response.status_code == 404
    assert others["mentor"].__class__.objects.get(pk=others["mentor"].pk).status == (
        MentorStatus.ACTIVE
    )
    assert MatchingRound.objects.get(pk=others["round"].pk).status == RoundStatus.DRAFT
    assert Match.objects.get(pk=others["match"].pk).status == MatchStatus.ACTIVE
    assert ConcernReport.objects.get(pk=others["concern"].pk).status == ConcernStatus.OPEN


def test_running_a_round_for_another_programme_is_refused(organiser_client, other_programme):
    response = organiser_client.post(url("round_run"), {"programme": other_programme.pk})

    assert response.status_code == 302
    assert not MatchingRound.objects.exists()


@pytest.mark.parametrize("name", ["mentor_approve", "round_accept", "concern_resolve"])
def test_a_change_by_get_is_not_allowed(name, organiser_client, programme):
    response = organiser_client.get(url(name, 1))

    assert response.status_code == 405


# --- Requests never show who asked ------------------------------------------------------------


@pytest.mark.parametrize("client_fixture", ["organiser_client", "superuser_client"])
def test_requests_never_show_the_name_contact_or_safe_times(client_fixture, request, programme):
    client = request.getfixturevalue(client_fixture)
    item = secret_request(programme, organisation="Casa de la Dona")
    mentor = mentor_make(programme=programme)
    match = match_make(mentor=mentor, request=item)
    round_ = MatchingRound.objects.create(programme=programme)
    round_.suggestions.create(request=item, reason=UnmatchedReason.NO_LANGUAGE)

    pages = [
        url("requests"),
        url("requests") + f"?q={SECRET_NAME}",
        url("request", item.pk),
        url("match", match.pk),
        url("matches"),
        url("round", round_.pk),
        url("mentor", mentor.pk),
    ]
    for page in pages:
        response = client.get(page)
        html = response.content.decode()
        assert response.status_code == 200, page
        for secret in (SECRET_NAME, SECRET_CONTACT, SECRET_TIMES):
            assert secret not in html, (page, secret)
    assert "Casa de la Dona" in client.get(url("request", item.pk)).content.decode()


def test_the_admin_pages_never_decrypt_a_requesters_data(organiser_client, programme):
    """Not only hidden: the name, contact and safe times are never read from the database
    (deferred), so never decrypted, on any page an organiser opens."""
    item = secret_request(programme)
    mentor = mentor_make(programme=programme)
    match = match_make(mentor=mentor, request=item)
    round_ = MatchingRound.objects.create(programme=programme)
    round_.suggestions.create(request=item, mentor=mentor)
    pages = [
        url("requests"),
        url("request", item.pk),
        url("match", match.pk),
        url("matches"),
        url("round", round_.pk),
        url("mentor", mentor.pk),
    ]

    with patch("core.crypto.decrypt", side_effect=AssertionError("decrypted")):
        statuses = {page: organiser_client.get(page).status_code for page in pages}

    assert statuses == dict.fromkeys(pages, 200)


def test_the_request_list_filters_by_status(organiser_client, programme):
    secret_request(programme, topic="", status=RequestStatus.OPEN)
    closed = secret_request(programme, status=RequestStatus.CLOSED)

    html = organiser_client.get(url("requests") + "?status=closed").content.decode()

    assert html.count(url("request", closed.pk)) == 1
    assert html.count('href="/admin/mentoring/requests/') == 1


# --- Mentor pool: approve, pause, alumni ------------------------------------------------------


def test_approving_without_the_mentor_track_is_refused_with_the_reason(organiser_client, programme):
    profile = mentor_make(programme=programme, status=MentorStatus.IN_TRAINING)

    response = organiser_client.post(url("mentor_approve", profile.pk), follow=True)

    profile.refresh_from_db()
    assert profile.status == MentorStatus.IN_TRAINING
    assert "has not completed the programme&#x27;s mentor-track course yet" in (
        response.content.decode()
    )


def test_approving_a_mentor_who_finished_her_track_makes_her_active_and_is_logged(
    organiser_client, organiser_with_totp, programme
):
    profile = mentor_make(programme=programme, status=MentorStatus.IN_TRAINING)
    mentor_track_done(profile)
    page = organiser_client.get(url("mentor", profile.pk)).content.decode()
    assert "Community mentor foundations" in page

    response = organiser_client.post(url("mentor_approve", profile.pk), follow=True)

    profile.refresh_from_db()
    assert profile.status == MentorStatus.ACTIVE
    assert "is approved and active" in response.content.decode()
    entry = ModelLogEntry.objects.for_instance(profile).get()
    assert (entry.action, entry.user) == ("mentors.profile_approve", organiser_with_totp)


def test_pausing_and_moving_a_mentor_to_the_alumni(organiser_client, programme):
    profile = mentor_make(programme=programme)

    organiser_client.post(url("mentor_status", profile.pk), {"status": MentorStatus.PAUSED})
    profile.refresh_from_db()
    assert profile.status == MentorStatus.PAUSED

    organiser_client.post(url("mentor_status", profile.pk), {"status": MentorStatus.ALUMNI})
    profile.refresh_from_db()
    assert profile.status == MentorStatus.ALUMNI


def test_a_status_change_the_rules_do_not_allow_is_refused(organiser_client, programme):
    profile = mentor_make(programme=programme, status=MentorStatus.APPLICANT)

    organiser_client.post(url("mentor_status", profile.pk), {"status": MentorStatus.ACTIVE})

    profile.refresh_from_db()
    assert profile.status == MentorStatus.APPLICANT


def test_the_pool_shows_load_of_capacity(organiser_client, programme):
    profile = mentor_make(programme=programme, capacity=2)
    match_make(mentor=profile)

    html = organiser_client.get(url("pool")).content.decode()

    assert "1 of 2" in html


# --- A round through the admin ----------------------------------------------------------------


@pytest.fixture
def round_setup(programme):
    """Two Arabic-speaking mentors, two requests in Arabic and one in Tigrinya."""
    amina = mentor_make(programme=programme, person=person("amina@example.org", "Amina"))
    fatima = mentor_make(
        programme=programme,
        person=person("fatima@example.org", "Fatima"),
        languages={"ar": LanguageLevel.FLUENT},
        expertise=["rights"],
        capacity=1,
    )
    arabic = [secret_request(programme, contact=f"+34 600 00{i}") for i in range(2)]
    tigrinya = secret_request(programme, languages=["ti"], contact="+34 600 009")
    return {"amina": amina, "fatima": fatima, "arabic": arabic, "tigrinya": tigrinya}


def test_a_round_is_run_reviewed_changed_and_accepted(
    organiser_client, organiser_with_totp, programme, round_setup
):
    response = organiser_client.post(url("round_run"), {"programme": programme.pk})

    round_ = MatchingRound.objects.get()
    assert response.status_code == 302
    assert response.url == url("round", round_.pk)

    review = organiser_client.get(response.url).content.decode()
    assert "Expertise fit" in review
    assert "Access to health care" in review  # what she needs, beside each suggestion
    assert "Total score" in review
    assert str(UnmatchedReason.NO_LANGUAGE.label) in review.replace("&#x27;", "'")
    assert "Accept round" in review

    suggestion = round_.suggestions.get(request=round_setup["arabic"][0])
    other = round_setup["fatima" if suggestion.mentor == round_setup["amina"] else "amina"]
    change = organiser_client.get(url("suggestion_change", round_.pk, suggestion.pk))
    assert change.status_code == 200
    assert other.person.display_name in change.content.decode()

    organiser_client.post(url("suggestion_change", round_.pk, suggestion.pk), {"mentor": other.pk})
    suggestion.refresh_from_db()
    assert suggestion.mentor == other
    assert suggestion.overridden_by == organiser_with_totp

    accepted = organiser_client.post(url("round_accept", round_.pk), follow=True)

    round_.refresh_from_db()
    assert round_.status == RoundStatus.ACCEPTED
    assert "Round accepted" in accepted.content.decode()
    offers = Match.objects.filter(round=round_, status=MatchStatus.PROPOSED)
    assert offers.filter(request=round_setup["arabic"][0], mentor=other).exists()
    actions = set(ModelLogEntry.objects.for_instance(round_).values_list("action", flat=True))
    assert {"mentors.round_run", "mentors.round_accept"} <= actions


def test_removing_a_suggestions_mentor_leaves_the_request_waiting(
    organiser_client, programme, round_setup
):
    organiser_client.post(url("round_run"), {"programme": programme.pk})
    round_ = MatchingRound.objects.get()
    suggestion = round_.suggestions.filter(mentor__isnull=False).first()

    organiser_client.post(url("suggestion_change", round_.pk, suggestion.pk), {"mentor": "none"})

    suggestion.refresh_from_db()
    assert suggestion.mentor is None


def test_a_mentor_of_another_programme_cannot_be_chosen(
    organiser_client, programme, round_setup, others
):
    organiser_client.post(url("round_run"), {"programme": programme.pk})
    suggestion = MatchingRound.objects.get(programme=programme).suggestions.filter(
        mentor__isnull=False
    )[0]
    before = suggestion.mentor_id

    organiser_client.post(
        url("suggestion_change", suggestion.round_id, suggestion.pk),
        {"mentor": others["mentor"].pk},
    )

    suggestion.refresh_from_db()
    assert suggestion.mentor_id == before


def test_rerun_replaces_the_draft_and_discard_sends_nothing(
    organiser_client, programme, round_setup
):
    organiser_client.post(url("round_run"), {"programme": programme.pk})
    first = MatchingRound.objects.get()

    response = organiser_client.post(url("round_rerun", first.pk))

    second = MatchingRound.objects.exclude(pk=first.pk).get()
    first.refresh_from_db()
    assert first.status == RoundStatus.DISCARDED
    assert response.url == url("round", second.pk)

    organiser_client.post(url("round_discard", second.pk))

    second.refresh_from_db()
    assert second.status == RoundStatus.DISCARDED
    assert not Match.objects.exists()


def test_the_weights_page_explains_each_criterion(organiser_client):
    html = organiser_client.get(url("weights")).content.decode()

    for label in ("Expertise fit", "Availability overlap", "Waiting time", "Load balance"):
        assert label in html
    assert "Priority bonus" in html


# --- Matches and concerns: the audit log ------------------------------------------------------


def test_viewing_a_match_is_logged_and_shown_in_its_timeline(
    organiser_client, organiser_with_totp, programme
):
    match = match_make(mentor=mentor_make(programme=programme))

    response = organiser_client.get(url("match", match.pk))

    assert response.status_code == 200
    entry = ModelLogEntry.objects.for_instance(match).get()
    assert (entry.action, entry.user) == ("mentors.match_view", organiser_with_totp)
    assert "Offered to the mentor" in response.content.decode()


def test_ending_a_match_is_logged_as_a_change(organiser_client, organiser_with_totp, programme):
    match = match_make(mentor=mentor_make(programme=programme))

    organiser_client.post(url("match_end", match.pk), {"reason": EndReason.SAFETY, "note": ""})

    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED_EARLY
    change = ModelLogEntry.objects.for_instance(match).get(action="mentors.match_change")
    assert change.user == organiser_with_totp
    page = organiser_client.get(url("match", match.pk)).content.decode()
    assert "Ended early: A safety concern" in page


def test_blocking_a_pair_ends_the_match_and_is_logged(organiser_client, programme):
    match = match_make(mentor=mentor_make(programme=programme))

    organiser_client.post(url("match_block", match.pk))

    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED_EARLY
    assert match.mentor.do_not_match.filter(request=match.request).exists()
    assert ModelLogEntry.objects.for_instance(match).filter(action="mentors.match_change").exists()


def test_viewing_a_concern_is_logged_and_it_can_be_resolved(
    organiser_client, organiser_with_totp, programme
):
    concern = ConcernReport.objects.create(programme=programme, text="She felt pressured")
    listed = organiser_client.get(url("concerns")).content.decode()
    assert "She felt pressured" not in listed

    page = organiser_client.get(url("concern", concern.pk)).content.decode()

    assert "She felt pressured" in page
    entry = ModelLogEntry.objects.for_instance(concern).get()
    assert (entry.action, entry.user) == ("mentors.concern_view", organiser_with_totp)

    organiser_client.post(url("concern_resolve", concern.pk))

    concern.refresh_from_db()
    assert concern.status == ConcernStatus.RESOLVED
    assert concern.resolved_by == organiser_with_totp


# --- Times in the programme's zone, lists in the reader's words -------------------------------

# 16:45 UTC: 18:45 in Athens, 17:45 in Barcelona, 16:45 on the server's clock nowhere.
RUN_AT = datetime(2026, 12, 1, 16, 45, tzinfo=UTC)


def speaks(user, language: str) -> None:
    """The user's admin language (Wagtail's account setting)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def athens(programme):
    programme.time_zone = "Europe/Athens"
    programme.save(update_fields=["time_zone"])
    return programme


@pytest.fixture
def athens_round(athens):
    round_ = MatchingRound.objects.create(programme=athens)
    MatchingRound.objects.filter(pk=round_.pk).update(created_at=RUN_AT)
    return round_


@pytest.mark.parametrize("name", ["rounds", "round"])
def test_a_rounds_run_time_is_the_programmes_wall_clock_with_its_zone_named(
    name, organiser_client, athens_round
):
    address = url(name, athens_round.pk) if name == "round" else url(name)

    html = organiser_client.get(address).content.decode()

    assert "1 Dec 2026, 18:45 Eastern European Time" in html
    assert "16:45" not in html and "17:45" not in html


def test_the_arabic_admin_names_the_zone_in_arabic(
    organiser_client, organiser_with_totp, athens_round
):
    speaks(organiser_with_totp, "ar")

    html = organiser_client.get(url("round", athens_round.pk)).content.decode()

    assert "01/12/2026، 6:45 م" in html
    assert zone_name("Europe/Athens", "ar") in html


def test_a_concern_and_a_matchs_timeline_show_times_in_the_programmes_zone(
    organiser_client, athens
):
    match = match_make(mentor=mentor_make(programme=athens))
    Match.objects.filter(pk=match.pk).update(proposed_at=RUN_AT)
    concern = ConcernReport.objects.create(programme=athens, match=match, text="x")
    ConcernReport.objects.filter(pk=concern.pk).update(created_at=RUN_AT)

    for address in (url("concerns"), url("concern", concern.pk), url("match", match.pk)):
        html = organiser_client.get(address).content.decode()
        assert "1 Dec 2026, 18:45 Eastern European Time" in html, address


def test_the_arabic_admin_joins_a_requests_languages_the_arabic_way(
    organiser_client, organiser_with_totp, programme
):
    item = secret_request(programme, languages=["ar", "fr"])
    speaks(organiser_with_totp, "ar")
    with translation.override("ar"):
        expected = join_list([translation.gettext("Arabic"), translation.gettext("French")])

    for address in (url("requests"), url("request", item.pk)):
        html = organiser_client.get(address).content.decode()
        assert expected in html, address
        assert "و" in expected and "," not in expected


# --- The programme dashboard panel ------------------------------------------------------------


def panel_request(user):
    request = RequestFactory().get("/admin/")
    request.user = type(user).objects.get(pk=user.pk)
    return request


def test_the_dashboard_panel_counts_the_programmes_work(organiser, programme, others):
    mentor = mentor_make(programme=programme)
    secret_request(programme)
    match_make(mentor=mentor, status=MatchStatus.PROPOSED)
    active = match_make(mentor=mentor)
    MentoringSession.objects.create(
        mentor=mentor,
        match=active,
        kind="support",
        date=timezone.localdate(),
        duration_minutes=60,
        format="online",
        topic="Visit",
    )
    ConcernReport.objects.create(programme=programme, text="x")
    request = panel_request(organiser)

    [panel] = mentoring_programme_panel(request, programme)
    html = panel.render_html({"request": request})

    rows = {row["label"]: row["count"] for row in panel.context["rows"]}
    assert rows == {
        "Requests waiting for a mentor": 3,  # the two matched requests stay open here
        "Offers waiting for a mentor's answer": 1,
        "Active matches": 1,
        "Sessions logged this month": 1,
        "Open concerns": 1,
    }
    assert url("requests") + f"?programme={programme.pk}&amp;status=open" in html


def test_the_dashboard_panel_is_not_shown_without_the_permission(professional, programme):
    assert mentoring_programme_panel(panel_request(professional), programme) == []


def test_the_programme_dashboard_shows_the_mentoring_panel(organiser_client, programme):
    html = organiser_client.get(
        reverse("programmes:dashboard", args=[programme.pk])
    ).content.decode()

    assert "Requests waiting for a mentor" in html


# --- Query-count guards: the same for 1 and 3 rows -------------------------------------------


def page_queries(client, address, rows: int, row_pattern: str = "") -> int:
    """The queries a page runs, after a first visit fills Wagtail's per-process caches;
    the page must show ``rows`` rows (links to a detail page below ``address``, or
    ``row_pattern``)."""
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    pattern = row_pattern or rf'<th scope="row"><a href="{re.escape(address)}\d+/">'
    assert len(re.findall(pattern, response.content.decode())) == rows
    return len(queries)


def add_rows(kind, programme, start, stop):
    for i in range(start, stop):
        mentor = mentor_make(programme=programme, person=person(f"m{kind}{i}@example.org"))
        if kind == "pool":
            continue
        item = secret_request(programme, contact=f"+34 611 000 {i:03d}")
        if kind == "requests":
            continue
        match = match_make(mentor=mentor, request=item)
        if kind == "concerns":
            ConcernReport.objects.create(programme=programme, match=match, text="x")
        if kind == "rounds":
            round_ = MatchingRound.objects.create(programme=programme)
            round_.suggestions.create(request=item, mentor=mentor, score=1)


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("pool", "pool"),
        ("requests", "requests"),
        ("matches", "matches"),
        ("rounds", "rounds"),
        ("concerns", "concerns"),
    ],
)
def test_lists_run_the_same_queries_for_one_or_three_rows(kind, name, organiser_client, programme):
    add_rows(kind, programme, 0, 1)
    one = page_queries(organiser_client, url(name), rows=1)
    add_rows(kind, programme, 1, 3)

    assert page_queries(organiser_client, url(name), rows=3) == one


SECTION = '<section class="mentoring-suggestion"'


def test_a_rounds_review_runs_the_same_queries_for_one_or_three_suggestions(
    organiser_client, programme
):
    round_ = MatchingRound.objects.create(programme=programme)

    def add(start, stop):
        for i in range(start, stop):
            mentor = mentor_make(programme=programme, person=person(f"r{i}@example.org"))
            item = secret_request(programme, contact=f"+34 622 000 {i:03d}")
            round_.suggestions.create(
                request=item,
                mentor=mentor,
                score=3,
                breakdown={"expertise": {"value": 1, "weight": 4, "points": 4, "detail": "x"}},
            )

    add(0, 1)
    one = page_queries(organiser_client, url("round", round_.pk), rows=1, row_pattern=SECTION)
    add(1, 3)

    three = page_queries(organiser_client, url("round", round_.pk), rows=3, row_pattern=SECTION)
    assert three == one


@pytest.mark.parametrize("n", [1, 3])
def test_the_dashboard_panel_runs_a_fixed_number_of_queries(
    n, django_assert_num_queries, organiser, programme
):
    for i in range(n):
        mentor = mentor_make(programme=programme, person=person(f"d{i}@example.org"))
        match_make(mentor=mentor, request=secret_request(programme, contact=f"+34 6 {i}"))
    request = panel_request(organiser)
    request.user.has_perm("mentors.view_mentoringrequest")  # the permission cache, filled

    with django_assert_num_queries(4):
        mentoring_programme_panel(request, programme)


def test_a_mentor_who_deleted_her_account_is_shown_as_a_former_mentor(organiser_client, programme):
    from people.services import account_delete

    gone = mentor_make(programme=programme, person=person("gone@example.org", "Gone Mentor"))
    match = match_make(mentor=gone)
    account_delete(user=gone.person)
    gone.refresh_from_db()

    pages = [
        organiser_client.get("/admin/mentoring/pool/"),
        organiser_client.get(f"/admin/mentoring/pool/{gone.pk}/"),
        organiser_client.get("/admin/mentoring/matches/"),
        organiser_client.get(f"/admin/mentoring/matches/{match.pk}/"),
    ]

    assert [page.status_code for page in pages] == [200, 200, 200, 200]
    assert gone.person_id is None
    assert all("Former mentor (account deleted)" in page.content.decode() for page in pages)
    assert all("Gone Mentor" not in page.content.decode() for page in pages)


def test_the_match_timeline_says_each_change_once(programme):
    from mentors import services
    from mentors.admin_views.matches import timeline

    mentor = mentor_make(programme=programme)
    offer = match_make(mentor=mentor, status=MatchStatus.PROPOSED)
    services.match_accept(match=offer, by=mentor.person)
    services.match_start(match=offer, by=mentor.person)

    whats = [str(row["what"]) for row in timeline(offer)]

    assert whats == [
        "Offered to the mentor",
        "Status changed to: Accepted",
        "Status changed to: Active",
    ]
