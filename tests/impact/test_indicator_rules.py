"""Which ledger rows an indicator counts (its rule), and who may read indicators and the
evidence behind them."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

import pytest

from impact.enums import ActivityScope, IndicatorMeasure
from impact.indicators.compute import indicator_result
from impact.indicators.rules import indicator_rows
from impact.indicators.selectors import (
    indicator_evidence,
    indicator_for,
    indicators_visible_to,
)
from impact.models import IndicatorActivity
from people.enums import Role, Sector
from tests.factories import RegionFactory
from tests.impact.indicator_helpers import (
    ATTENDED,
    COMPLETED,
    activity_type,
    indicator_make,
    row,
    when,
)


def counted(indicator) -> list[int]:
    return sorted(indicator_rows(indicator).values_list("pk", flat=True))


@pytest.mark.django_db
def test_an_indicator_counts_only_its_programmes_rows_each_once(programme, other_programme):
    own = row(programmes=[programme], person=1)
    shared = row(programmes=[programme, other_programme], person=2)
    row(programmes=[other_programme], person=3)
    row(programmes=[], person=4)

    assert counted(indicator_make(programme)) == [own.pk, shared.pk]


@pytest.mark.django_db
def test_an_indicator_counts_only_its_kinds(programme):
    completion = row(programmes=[programme], kind=COMPLETED, person=1)
    attendance = row(programmes=[programme], kind=ATTENDED, person=1)
    row(programmes=[programme], kind="mentoring_session", person=1)

    assert counted(indicator_make(programme, kinds=[COMPLETED])) == [completion.pk]
    assert counted(indicator_make(programme, kinds=[COMPLETED, ATTENDED])) == [
        completion.pk,
        attendance.pk,
    ]


@pytest.mark.django_db
def test_role_sector_and_country_filters_read_the_rows_snapshot(programme):
    police = row(programmes=[programme], person=1, role=Role.PROFESSIONAL, sector=Sector.POLICE)
    row(programmes=[programme], person=2, role=Role.MENTOR, sector=Sector.POLICE)
    health = row(programmes=[programme], person=3, role=Role.PROFESSIONAL, sector=Sector.HEALTH)
    kosovo = row(programmes=[programme], person=4, country="XK", activity_country="LT")

    assert counted(indicator_make(programme, roles=[Role.PROFESSIONAL])) == [police.pk, health.pk]
    assert counted(
        indicator_make(programme, sectors=[Sector.POLICE], roles=[Role.PROFESSIONAL])
    ) == [police.pk]
    assert counted(indicator_make(programme, countries=["XK"])) == [kosovo.pk]


@pytest.mark.django_db
def test_regions_match_by_name_where_the_person_was_or_the_activity_took_place(programme):
    gjilan = RegionFactory(name="Gjilan/Gnjilane")
    person_in_gjilan = row(programmes=[programme], person=1, region="Gjilan/Gnjilane")
    meeting_in_gjilan = row(
        programmes=[programme], person=2, region="Prishtina", activity_region="Gjilan/Gnjilane"
    )

    people = indicator_make(programme, regions=[gjilan])
    meetings = indicator_make(programme, regions=[gjilan], measure=IndicatorMeasure.ACTIVITIES)

    assert counted(people) == [person_in_gjilan.pk]
    assert counted(meetings) == [meeting_in_gjilan.pk]


@pytest.mark.django_db
def test_activities_held_in_a_country_are_where_they_took_place(programme):
    in_kosovo = row(programmes=[programme], person=1, country="LT", activity_country="XK")
    row(programmes=[programme], person=2, country="XK", activity_country="LT")

    meetings = indicator_make(programme, countries=["XK"], measure=IndicatorMeasure.ACTIVITIES)

    assert counted(meetings) == [in_kosovo.pk]


@pytest.mark.django_db
def test_activity_types_filter_on_the_activitys_own_kind(programme):
    training = row(programmes=[programme], kind=ATTENDED, person=1, activity_kind="training")
    row(programmes=[programme], kind=ATTENDED, person=1, activity="2", activity_kind="meeting")

    indicator = indicator_make(programme, kinds=[ATTENDED], activity_kinds=["training"])

    assert counted(indicator) == [training.pk]


@pytest.mark.django_db
def test_chosen_activities_match_the_rows_activity_or_else_its_source(programme):
    chosen = row(programmes=[programme], person=1, activity="7")
    row(programmes=[programme], person=2, activity="8")
    # Written before rows recorded their activity: the source stands in for it.
    legacy = row(programmes=[programme], person=3, activity=None, source="9")
    row(programmes=[programme], person=4, activity=None, source="10")
    # Another type with the same id is another activity.
    other_type = ContentType.objects.get_for_model(IndicatorActivity)
    row(programmes=[programme], person=5, activity="7", activity_type=other_type)
    indicator = indicator_make(programme, activity_scope=ActivityScope.CHOSEN)
    for activity_id in ("7", "9"):
        IndicatorActivity.objects.create(
            indicator=indicator, activity_type=activity_type(), activity_id=activity_id
        )

    assert counted(indicator) == [chosen.pk, legacy.pk]


@pytest.mark.django_db
def test_chosen_scope_without_activities_counts_nothing(programme):
    row(programmes=[programme], person=1)

    assert counted(indicator_make(programme, activity_scope=ActivityScope.CHOSEN)) == []


@pytest.mark.django_db
def test_until_id_keeps_the_rows_a_value_counted(programme):
    first = row(programmes=[programme], person=1)
    row(programmes=[programme], person=2)

    assert list(
        indicator_rows(indicator_make(programme), until_id=first.pk).values_list("pk", flat=True)
    ) == [first.pk]


# --- Who reads indicators ---------------------------------------------------------------------


@pytest.mark.django_db
def test_organisers_see_their_programmes_indicators_and_admins_all(
    programme, other_programme, organiser, other_organiser, superuser, professional
):
    own = indicator_make(programme)
    other = indicator_make(other_programme)

    assert [
        sorted(indicators_visible_to(user).values_list("pk", flat=True))
        for user in (organiser, other_organiser, superuser, professional)
    ] == [[own.pk], [other.pk], [own.pk, other.pk], []]


@pytest.mark.django_db
def test_another_programmes_indicator_is_not_found(programme, other_programme, organiser):
    own = indicator_make(programme)
    other = indicator_make(other_programme)

    assert indicator_for(organiser, own.pk) == own
    with pytest.raises(Http404):
        indicator_for(organiser, other.pk)


# --- Evidence ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_evidence_lists_the_activities_counted_never_the_people(programme, organiser):
    for person in range(1, 7):
        row(programmes=[programme], person=person, activity="1", at=when(2026, 3, person))
    row(programmes=[programme], person=1, kind=ATTENDED, activity="2", at=when(2026, 4, 1))
    row(programmes=[programme], aggregate="walk-ins", count=9, activity="2", at=when(2026, 4, 2))
    indicator = indicator_make(programme, kinds=[COMPLETED, ATTENDED])

    evidence = indicator_evidence(indicator, user=organiser)

    assert [
        (e.label, e.kind, e.kind_label, e.first_date, e.last_date, e.rows, e.count)
        for e in evidence
    ] == [
        (
            "Programme #2",
            COMPLETED,
            "Course completed",
            datetime.date(2026, 4, 2),
            datetime.date(2026, 4, 2),
            1,
            9,
        ),
        (
            "Programme #2",
            ATTENDED,
            "Event attended",
            datetime.date(2026, 4, 1),
            datetime.date(2026, 4, 1),
            1,
            1,
        ),
        (
            "Programme #1",
            COMPLETED,
            "Course completed",
            datetime.date(2026, 3, 1),
            datetime.date(2026, 3, 6),
            6,
            6,
        ),
    ]


@pytest.mark.django_db
def test_evidence_is_what_the_stored_value_counted(programme, organiser):
    row(programmes=[programme], person=1, activity="1")
    indicator = indicator_make(programme)
    result = indicator_result(indicator)
    row(programmes=[programme], person=2, activity="2")

    evidence = indicator_evidence(indicator, user=organiser, result=result)

    assert [(e.activity_id, e.rows) for e in evidence] == [("1", 1)]


@pytest.mark.django_db
def test_evidence_hides_every_number_from_anyone_but_the_organisers(programme, superuser):
    for person in range(1, 9):
        row(programmes=[programme], person=person, activity="1", at=when(2026, 3, person))
    for person in range(9, 29):
        row(programmes=[programme], person=person, activity="2", at=when(2026, 4, 20))
    indicator = indicator_make(programme)

    evidence = indicator_evidence(indicator, user=superuser)

    # Even the 20 is hidden: with a period's value shown elsewhere, it would give the
    # 8 away. Dates are kept to the month.
    assert sorted(
        (e.activity_id, e.rows, e.count, e.first_date, e.last_date) for e in evidence
    ) == [
        ("1", None, None, datetime.date(2026, 3, 1), datetime.date(2026, 3, 1)),
        ("2", None, None, datetime.date(2026, 4, 1), datetime.date(2026, 4, 1)),
    ]


@pytest.mark.django_db
def test_evidence_of_another_programme_is_not_found(other_programme, organiser):
    indicator = indicator_make(other_programme)

    with pytest.raises(Http404):
        indicator_evidence(indicator, user=organiser)
