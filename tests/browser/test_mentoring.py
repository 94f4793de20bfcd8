"""Issue 11's flow, clicked through: a community mentor completes her profile and an
organiser approves her; a woman asks for a mentor; the organiser runs a matching round,
reads why a suggestion scores as it does and accepts the round; the mentor accepts the
offer (only then does she see how to reach the woman) and logs a group support session;
its counts are in the ledger. And the ask page fits a 320 px screen in English and Arabic,
keeps the quick-exit button and loads nothing from elsewhere."""

import re

from django.contrib.contenttypes.models import ContentType

import pytest

from impact.enums import ParticipationKind
from impact.models import Participation
from mentors.enums import MatchStatus, MentorStatus, RoundStatus, SessionKind, SessionSize
from mentors.models import Match, MatchingRound, MentoringRequest, MentoringSession, MentorProfile
from people.enums import Role
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_events import _log_in
from tests.browser.test_recurrence import _sign_in_with_totp
from tests.factories import totp_activate, user_with_role
from tests.factories.mentors import mentor_make
from tests.factories.programmes import organiser_of, programme_make

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MENTOR_EMAIL = "nadia@example.org"
ORGANISER_EMAIL = "organiser.cl@linkage.local"
# What the woman gives to be reached: the mentor sees it only once she has accepted.
REQUESTER_NAME = "Samira"
REQUESTER_CONTACT = "+34 611 987 654"
REQUESTER_TIMES = "Weekday mornings, never at weekends"


def _community_linkage():
    return programme_make(
        "CommunityLinkage test",
        "communitylinkage-test",
        countries=["ES"],
        languages=["en", "es"],
        time_zone="Europe/Madrid",
    )


def _mentor_track_done(person, programme):
    """The ledger row a completed mentor-track course of ``programme`` writes for
    ``person`` (as tests/mentors/test_services.py's mentor_track_done does for a profile)."""
    from impact.services import participation_record
    from tests.mentors.test_services import course_page

    course = course_page(programme=programme, tracks=("mentor",))
    participation_record(
        kind=ParticipationKind.COURSE_COMPLETED,
        source=course,
        person=person,
        programmes=[programme.pk],
    )
    return course


def _new_page(chromium, width=1280, height=900):
    """A page in a browser context of its own (another person's browser), recording any
    request that leaves the site."""
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    external = []
    page.on(
        "request",
        lambda req: (
            None
            if req.url.startswith(("http://localhost", "http://127.0.0.1", "data:", "about:"))
            else external.append(req.url)
        ),
    )
    page.external_requests = external
    return page


def _shot(page, request, label):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{label}.png"), full_page=True)


def _main_text(page) -> str:
    return page.locator("main").inner_text()


def test_a_mentor_is_matched_through_a_round_and_logs_a_group_session(
    chromium, page, live_server, screenshot, settings, request
):
    settings.MFA_TOTP_TOLERANCE = 1  # the code stays valid if a 30-second period ends mid-test
    programme = _community_linkage()
    organiser = organiser_of(programme, email=ORGANISER_EMAIL)
    authenticator = totp_activate(organiser)
    mentor = user_with_role(Role.MENTOR, email=MENTOR_EMAIL, profile__display_name="Nadia Benali")
    course = _mentor_track_done(mentor, programme)
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))

    # 1. The mentor joins the programme's pool and completes her profile.
    _log_in(page, live_server, MENTOR_EMAIL)
    page.goto(f"{live_server.url}/mentoring/profile/")
    if page.locator("input[name=programme]").count():
        page.locator(f"input[name=programme][value='{programme.pk}']").check()
        screenshot("join-pool")
        page.get_by_role("button", name="Join this programme's mentor pool").click()
        page.wait_for_load_state()
    profile = MentorProfile.objects.get(person=mentor, programme=programme)
    assert profile.status == MentorStatus.APPLICANT
    # The course she completed already counts; the profile and the conduct do not yet.
    assert course.title in page.locator(".mentor-steps").inner_text()

    page.locator("#id_bio").fill(
        "I came to Barcelona from Casablanca twelve years ago and know the health centres "
        "and social services of Nou Barris."
    )
    page.locator("select[name=languages-0-language]").select_option("ar")
    page.locator("select[name=languages-0-level]").select_option(label="First language")
    page.locator("select[name=languages-1-language]").select_option("es")
    page.locator("select[name=languages-1-level]").select_option(label="Fluent")
    page.locator("input[name=countries][value=ES]").check()
    page.locator("input[name=formats][value=in_person]").check()
    for slot in ("mon-morning", "tue-morning", "wed-evening"):
        page.locator(f"input[name=availability][value={slot}]").check()
    page.locator("#id_capacity").fill("2")
    page.locator("input[name=expertise][value=health]").check()
    page.locator("input[name=expertise][value=psychosocial]").check()
    page.locator("#id_conduct").check()
    screenshot("profile-filled")
    page.get_by_role("button", name="Save your mentor profile").click()
    page.wait_for_load_state()
    screenshot("profile-saved")
    assert "Your mentor profile is saved." in _main_text(page)
    profile.refresh_from_db()
    assert (profile.status, profile.countries, profile.formats, profile.capacity) == (
        MentorStatus.IN_TRAINING,
        ["ES"],
        ["in_person"],
        2,
    )
    assert sorted(profile.availability) == ["mon-morning", "tue-morning", "wed-evening"]
    assert sorted(profile.expertise) == ["health", "psychosocial"]
    assert dict(profile.languages.values_list("language", "level")) == {"ar": 4, "es": 3}
    assert profile.conduct_accepted_at is not None
    assert profile.bio.startswith("I came to Barcelona")

    # ... and an organiser (password and TOTP code) approves her in the admin.
    admin = _new_page(chromium)
    _sign_in_with_totp(admin, live_server, ORGANISER_EMAIL, authenticator)
    admin.goto(f"{live_server.url}/admin/mentoring/pool/{profile.pk}/")
    assert course.title in admin.locator("main").inner_text()
    admin.get_by_role("button", name="Approve", exact=True).click()
    admin.wait_for_load_state()
    _shot(admin, request, "admin-approved")
    assert "is approved and active" in admin.locator("body").inner_text()
    profile.refresh_from_db()
    assert (profile.status, profile.approved_by) == (MentorStatus.ACTIVE, organiser)
    assert Participation.objects.filter(
        kind=ParticipationKind.MENTOR_EMPOWERED, person=mentor, programmes=programme
    ).exists()

    # 2. A woman asks for a mentor (no account, in a browser of her own).
    asker = _new_page(chromium, width=390, height=844)
    asker.goto(f"{live_server.url}/mentoring/ask/")
    asker.locator("#id_name").fill(REQUESTER_NAME)
    asker.locator("input[name=contact_method][value=phone]").check()
    asker.locator("#id_contact").fill(REQUESTER_CONTACT)
    asker.locator("#id_safe_times").fill(REQUESTER_TIMES)
    asker.locator("input[name=languages][value=ar]").check()
    asker.locator("#id_country").select_option("ES")
    asker.locator("input[name=formats][value=in_person]").check()
    asker.locator("input[name=needs][value=health]").check()
    asker.locator("#id_consent").check()
    asker.locator("#id_conduct").check()
    asker.get_by_role("button", name="Send my request").click()
    asker.wait_for_load_state()
    _shot(asker, request, "asked")
    assert asker.url.endswith("/mentoring/ask/thanks/")
    assert asker.external_requests == []
    asker.context.close()
    ask = MentoringRequest.objects.get()
    assert (ask.programme, ask.kind, ask.country, ask.needs) == (
        programme,
        "support",
        "ES",
        ["health"],
    )

    # 3. The organiser runs a round, reads the suggestion's explanation, accepts the round.
    admin.goto(f"{live_server.url}/admin/mentoring/rounds/")
    admin.get_by_role("button", name=f"Run a new round for {programme.name}").click()
    admin.wait_for_load_state()
    round_ = MatchingRound.objects.get(programme=programme)
    assert admin.url.endswith(f"/admin/mentoring/rounds/{round_.pk}/")
    suggestion = admin.locator(".mentoring-suggestion")
    assert suggestion.count() == 1
    assert "Nadia Benali" in suggestion.locator("h3").inner_text()
    # The explanation: a row per criterion, each with its value, weight, points and why.
    table = suggestion.locator("table.mentoring-breakdown")
    criteria = table.locator("tbody th").all_inner_texts()
    assert criteria[:4] == ["Expertise fit", "Availability overlap", "Waiting time", "Load balance"]
    expertise = table.locator("tbody tr").filter(has_text="Expertise fit").locator("td")
    assert expertise.all_inner_texts() == ["1.00", "4", "4.00", "Covers every need she named"]
    assert "Total score" in table.locator("tfoot").inner_text()
    # Organisers never see who asked or how to reach her.
    page_text = admin.locator("main").inner_text()
    assert REQUESTER_NAME not in page_text
    assert REQUESTER_CONTACT not in page_text
    _shot(admin, request, "admin-round-draft")
    admin.get_by_role("button", name="Accept round and send the offers").click()
    admin.wait_for_load_state()
    _shot(admin, request, "admin-round-accepted")
    assert (
        "Round accepted: 1 offer is on its way to a mentor." in admin.locator("body").inner_text()
    )
    round_.refresh_from_db()
    assert round_.status != RoundStatus.DRAFT
    match = Match.objects.get(request=ask)
    assert (match.mentor, match.status) == (profile, MatchStatus.PROPOSED)

    # 4. The mentor signs in again, finds the offer in My Linkage, accepts it: only now
    # does she see how to reach the woman. She logs a group support session.
    page.context.clear_cookies()
    _log_in(page, live_server, MENTOR_EMAIL)
    page.goto(f"{live_server.url}/my/")
    screenshot("my-linkage-offer")
    page.locator("#my-mentoring").get_by_role("link", name=re.compile("Answer the offer")).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/mentoring/matches/{match.pk}/")
    before = _main_text(page)
    assert REQUESTER_CONTACT not in before
    assert REQUESTER_NAME not in before
    assert REQUESTER_TIMES not in before
    assert "Access to health care" in before  # what she needs, without who she is
    screenshot("offer")
    page.get_by_role("button", name="Accept and see her contact details").click()
    page.wait_for_load_state()
    screenshot("accepted")
    after = _main_text(page)
    assert "Thank you for accepting." in after
    assert REQUESTER_CONTACT in after
    assert REQUESTER_NAME in after
    assert REQUESTER_TIMES in after
    match.refresh_from_db()
    assert match.status == MatchStatus.ACCEPTED

    page.get_by_role("link", name="Log a session").click()
    page.wait_for_load_state()
    assert f"/mentoring/sessions/new/?match={match.pk}" in page.url
    page.locator(f"input[name=kind][value={SessionKind.SUPPORT}]").check()
    page.locator("#id_duration_minutes").fill("90")
    page.locator("input[name=format][value=in_person]").check()
    page.locator(f"input[name=size][value={SessionSize.GROUP}]").check()
    page.locator("#id_topic").fill("Visit to the health centre")
    page.locator("#id_support_information").fill("3")
    page.locator("#id_support_accompaniment").fill("2")
    # Her woman counts once with the match; two other women were new in the group.
    page.locator("#id_women_new").fill("2")
    # The participants' part is for networking and training only.
    assert not page.locator("#id_participant_emails").is_visible()
    screenshot("session-filled")
    page.get_by_role("button", name="Log the session").click()
    page.wait_for_load_state()
    screenshot("session-logged")
    assert "The session is logged. Thank you." in _main_text(page)
    assert page.url.endswith(f"/mentoring/matches/{match.pk}/")
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE  # the first session starts the mentoring

    # 5. The session's counts are in the ledger, for the programme, without a name.
    session = MentoringSession.objects.get(match=match)
    assert (session.kind, session.size, session.duration_minutes, session.mentor) == (
        SessionKind.SUPPORT,
        SessionSize.GROUP,
        90,
        profile,
    )
    rows = Participation.objects.filter(
        source_type=ContentType.objects.get_for_model(MentoringSession),
        source_id=str(session.pk),
    )
    # Each woman once: the match's woman (source her request) and the two new ones; the
    # kinds of help (3 informed, 2 accompanied) are the session's breakdown, not women.
    supported = Participation.objects.filter(kind=ParticipationKind.WOMEN_SUPPORTED)
    assert sorted(supported.values_list("subject_key", "count")) == [
        (f"aggregate:request:{match.request_id}", 1),
        (f"aggregate:session:{session.pk}", 2),
    ]
    assert dict(session.support_counts.values_list("category", "count")) == {
        "information": 3,
        "accompaniment": 2,
    }
    assert not supported.filter(person__isnull=False).exists()
    assert set(supported.values_list("country", flat=True)) == {"ES"}
    assert rows.filter(kind=ParticipationKind.MENTORING_SESSION, person=mentor).count() == 1
    for row in [*rows, *supported]:
        assert list(row.programmes.all()) == [programme]

    # Her My Linkage counts them; the organiser's admin shows the session on the match.
    page.goto(f"{live_server.url}/my/")
    totals = page.locator("#my-mentoring .totals").inner_text()
    assert re.search(r"Women supported \(a count, without names\)\s*3", totals), totals
    screenshot("my-linkage-counts")
    admin.goto(f"{live_server.url}/admin/mentoring/matches/{match.pk}/")
    assert re.search(r"Sessions logged\s*1", admin.locator("main").inner_text())
    _shot(admin, request, "admin-match")
    assert admin.external_requests == []
    admin.context.close()

    assert script_errors == []
    assert page.external_requests == []


def test_the_ask_page_fits_320px_in_english_and_arabic(chromium, live_server, request):
    # The ask form opens once a programme has an active mentor.
    mentor_make(programme=_community_linkage())
    page = _new_page(chromium, width=320, height=800)
    try:
        for prefix in ("", "/ar"):
            page.goto(f"{live_server.url}{prefix}/mentoring/ask/")
            assert page.locator("form #id_contact").is_visible(), prefix
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
                prefix,
                page.evaluate("document.documentElement.scrollWidth"),
            )
            assert page.locator("a[data-quick-exit]").first.is_visible(), prefix
            direction = page.locator("html").get_attribute("dir")
            assert direction == ("rtl" if prefix == "/ar" else "ltr"), (prefix, direction)
            _shot(page, request, f"ask{prefix.replace('/', '-') or '-en'}")
        assert page.external_requests == []
    finally:
        page.context.close()
