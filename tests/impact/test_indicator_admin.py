"""Indicators in the admin: organisers keep their own programmes' indicators (another
programme's is a 404 in every view), the form refuses every bad rule in words, and the
rule reads back in plain language."""

from datetime import date

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from impact.admin.describe import rule_summary
from impact.enums import (
    ActivityScope,
    IndicatorAccumulation,
    IndicatorMeasure,
    LedgerPeriod,
    ParticipationKind,
)
from impact.models import Indicator, IndicatorActivity, IndicatorTarget
from people.models import Organisation
from tests.factories import RegionFactory

from .admin_fixtures import *  # noqa: F403
from .admin_fixtures import indicator_make

BASE = "/admin/impact/indicators/"


def form_data(programme, **overrides) -> dict:
    data = {
        "programme": str(programme.pk),
        "code": "1.2",
        "name": "GBV professionals trained",
        "description": "",
        "unit": "professionals",
        "level": "output",
        "means_of_verification": "Certificates",
        "baseline": "0",
        "target": "120",
        "kinds": [ParticipationKind.COURSE_COMPLETED, ParticipationKind.EVENT_ATTENDED],
        "measure": IndicatorMeasure.PEOPLE,
        "accumulation": IndicatorAccumulation.CUMULATIVE,
        "period": LedgerPeriod.QUARTER,
        "activity_scope": ActivityScope.ALL,
        "sort_order": "0",
    }
    targets = overrides.pop("period_targets", inline_formset([]))
    data.update(overrides)
    return {**data, **nested_form_data({"period_targets": targets})}


def errors_of(response) -> list[str]:
    form = response.context["form"]
    errors = [str(e) for field in form.errors.values() for e in field]
    for formset in form.formsets.values():
        for child in formset.forms:
            errors += [str(e) for field in child.errors.values() for e in field]
    return errors


@pytest.fixture
def dated_programme(programme):
    programme.starts_on, programme.ends_on = date(2026, 1, 1), date(2027, 6, 30)
    programme.save()
    return programme


# --- Scope --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_organisers_list_only_their_programmes_indicators(
    organiser_client, programme, other_programme
):
    indicator_make(programme, name="Ours")
    indicator_make(other_programme, name="Theirs")

    response = organiser_client.get(BASE)

    assert [i.name for i in response.context["object_list"]] == ["Ours"]


@pytest.mark.django_db
def test_the_programme_filter_offers_only_the_organisers_programmes(
    organiser_client, programme, other_programme
):
    response = organiser_client.get(BASE)

    field = response.context["filters"].form.fields["programme"]
    assert [p.name for p in field.queryset] == ["Test programme"]


@pytest.mark.django_db
def test_admins_list_every_programmes_indicators(admin_client, programme, other_programme):
    indicator_make(programme, name="Ours")
    indicator_make(other_programme, name="Theirs")

    response = admin_client.get(BASE)

    assert sorted(i.name for i in response.context["object_list"]) == ["Ours", "Theirs"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "edit/{pk}/"),
        ("post", "edit/{pk}/"),
        ("get", "inspect/{pk}/"),
        ("get", "delete/{pk}/"),
        ("post", "delete/{pk}/"),
        ("get", "history/{pk}/"),
        ("get", "usage/{pk}/"),
    ],
)
def test_another_programmes_indicator_is_not_found_in_any_view(
    organiser_client, other_programme, method, url
):
    theirs = indicator_make(other_programme, name="Theirs")

    response = getattr(organiser_client, method)(BASE + url.format(pk=theirs.pk), {})

    assert (response.status_code, Indicator.objects.filter(pk=theirs.pk).exists()) == (404, True)


@pytest.mark.django_db
def test_an_organiser_deletes_her_own_programmes_indicator(organiser_client, programme):
    ours = indicator_make(programme, name="Ours")

    response = organiser_client.post(f"{BASE}delete/{ours.pk}/")

    assert (response.status_code, Indicator.objects.filter(pk=ours.pk).exists()) == (302, False)


@pytest.mark.django_db
def test_an_organiser_cannot_move_an_indicator_to_another_programme(
    organiser_client, programme, other_programme
):
    ours = indicator_make(programme, name="Ours")

    response = organiser_client.post(
        f"{BASE}edit/{ours.pk}/", form_data(other_programme, name="Moved")
    )

    ours.refresh_from_db()
    assert (response.status_code, ours.programme_id) == (200, programme.pk)
    assert "Choose one of your programmes." in errors_of(response)


@pytest.mark.django_db
def test_organisers_hold_the_indicator_permissions():
    from people.roles import ensure_role_groups

    ensure_role_groups()
    codenames = set(
        Group.objects.get(name="Organisers").permissions.values_list("codename", flat=True)
    )

    assert {
        "view_indicator",
        "add_indicator",
        "change_indicator",
        "delete_indicator",
        "view_manualentry",
        "add_manualentry",
    } <= codenames


@pytest.mark.django_db
def test_the_impact_menu_shows_organisers_their_items_and_not_the_ledger_rows(
    organiser_client, programme
):
    html = organiser_client.get("/admin/").content.decode()

    assert (
        "/admin/impact/dashboard/" in html,
        "/admin/impact/indicators/" in html,
        "/admin/impact/manual/" in html,
        "/admin/participation/" in html,
    ) == (True, True, True, False)


# --- Creating and editing -----------------------------------------------------------------


@pytest.mark.django_db
def test_an_organiser_adds_an_indicator_with_its_rule_and_chosen_activities(
    organiser_client, dated_programme, activity_choices
):
    region = RegionFactory(name="Kaunas region", country="LT")
    course_a = activity_choices[dated_programme.pk][0]
    type_id = ContentType.objects.get_for_model(Organisation).pk
    data = form_data(
        dated_programme,
        regions=[str(region.pk)],
        sectors=["police"],
        activity_scope=ActivityScope.CHOSEN,
        chosen_activities=[f"{type_id}:{course_a.pk}"],
        breakdowns=["gender", "sector"],
        period_targets=inline_formset([{"period_start": "2026-04-01", "target": "30"}]),
    )

    response = organiser_client.post(f"{BASE}new/", data)

    indicator = Indicator.objects.get()
    assert response.status_code == 302
    assert (
        indicator.kinds,
        indicator.sectors,
        [r.name for r in indicator.regions.all()],
        indicator.breakdowns,
        list(IndicatorActivity.objects.values_list("activity_type_id", "activity_id")),
        list(IndicatorTarget.objects.values_list("period_start", "target")),
    ) == (
        ["course_completed", "event_attended"],
        ["police"],
        ["Kaunas region"],
        ["gender", "sector"],
        [(type_id, str(course_a.pk))],
        [(date(2026, 4, 1), 30)],
    )


@pytest.mark.django_db
def test_editing_the_chosen_activities_replaces_the_rows(
    organiser_client, programme, activity_choices
):
    course_a, course_b = activity_choices[programme.pk]
    type_id = ContentType.objects.get_for_model(Organisation).pk
    indicator = indicator_make(programme, activity_scope=ActivityScope.CHOSEN)
    IndicatorActivity.objects.create(
        indicator=indicator, activity_type_id=type_id, activity_id=str(course_a.pk)
    )

    organiser_client.post(
        f"{BASE}edit/{indicator.pk}/",
        form_data(
            programme,
            activity_scope=ActivityScope.CHOSEN,
            chosen_activities=[f"{type_id}:{course_b.pk}"],
        ),
    )

    assert list(
        IndicatorActivity.objects.filter(indicator=indicator).values_list("activity_id", flat=True)
    ) == [str(course_b.pk)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kinds": []}, "Choose at least one kind of participation."),
        (
            {"activity_scope": ActivityScope.CHOSEN},
            "Chosen activities need at least one activity: tick the courses, events or "
            "campaigns that count, or count all of the programme's activities.",
        ),
        (
            {"target": "0"},
            "A target of 0 can be neither reached nor missed: leave it empty for no target.",
        ),
        ({"countries": ["XK"]}, "Kosovo is not one of the countries of Test programme."),
        (
            {"period_targets": inline_formset([{"period_start": "2025-10-01", "target": "5"}])},
            "This period is outside the programme's dates (Thursday 1 January 2026 to "
            "Wednesday 30 June 2027).",
        ),
        (
            {"period_targets": inline_formset([{"period_start": "2026-02-01", "target": "5"}])},
            "Choose the first day of a quarter (1 January, 1 April, 1 July or 1 October): the "
            "day a reporting period starts.",
        ),
        (
            {
                "period_targets": inline_formset(
                    [
                        {"period_start": "2026-04-01", "target": "5"},
                        {"period_start": "2026-04-01", "target": "9"},
                    ]
                )
            },
            "This period has a target already.",
        ),
    ],
)
def test_a_bad_rule_is_refused_in_words(organiser_client, dated_programme, overrides, message):
    response = organiser_client.post(f"{BASE}new/", form_data(dated_programme, **overrides))

    assert (response.status_code, Indicator.objects.count()) == (200, 0)
    assert message in errors_of(response)


@pytest.mark.django_db
def test_a_region_of_another_country_is_refused(organiser_client, programme):
    elsewhere = RegionFactory(name="Gjilan/Gnjilane", country="XK")

    response = organiser_client.post(f"{BASE}new/", form_data(programme, regions=[elsewhere.pk]))

    # Regions of other programmes' countries are not even offered.
    assert Indicator.objects.count() == 0
    assert any("Choose regions or municipalities" in e for e in errors_of(response))


@pytest.mark.django_db
def test_an_admin_is_told_when_a_region_is_not_in_the_programmes_countries(
    admin_client, programme, other_programme
):
    elsewhere = RegionFactory(name="Gjilan/Gnjilane", country="XK")

    response = admin_client.post(f"{BASE}new/", form_data(programme, regions=[elsewhere.pk]))

    assert "Gjilan/Gnjilane is not in a country of Test programme." in errors_of(response)


@pytest.mark.django_db
def test_another_programmes_activity_is_refused(
    admin_client, programme, other_programme, activity_choices
):
    theirs = activity_choices[other_programme.pk][0]
    type_id = ContentType.objects.get_for_model(Organisation).pk

    response = admin_client.post(
        f"{BASE}new/",
        form_data(
            programme,
            activity_scope=ActivityScope.CHOSEN,
            chosen_activities=[f"{type_id}:{theirs.pk}"],
        ),
    )

    assert "Course of another programme does not belong to Test programme." in errors_of(response)


@pytest.mark.django_db
def test_an_organiser_is_not_offered_other_programmes_activities(
    organiser_client, programme, activity_choices
):
    response = organiser_client.get(f"{BASE}new/")

    offered = [
        label for _value, label in response.context["form"].fields["chosen_activities"].choices
    ]
    assert offered == ["Course A", "Course B"]


# --- The rule in words --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_inspect_page_says_what_the_indicator_counts(organiser_client, programme):
    indicator = indicator_make(
        programme,
        kinds=[ParticipationKind.COURSE_COMPLETED, ParticipationKind.EVENT_ATTENDED],
        sectors=["police"],
    )

    response = organiser_client.get(f"{BASE}inspect/{indicator.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "distinct people who completed a course or attended an event (each person once, "
        "however often)"
    ) in html
    assert "Only people working in Police." in html


@pytest.mark.django_db
def test_the_edit_page_says_what_the_indicator_counts(organiser_client, programme):
    indicator = indicator_make(programme, measure=IndicatorMeasure.COUNT)

    response = organiser_client.get(f"{BASE}edit/{indicator.pk}/")

    assert response.context["rule"].headline == (
        "the number of course completions (each one counts, even several by one person)"
    )


@pytest.mark.django_db
def test_a_rule_reads_in_plain_language(programme):
    region = RegionFactory(name="Kaunas region", country="LT")
    indicator = indicator_make(
        programme,
        kinds=[ParticipationKind.EVENT_ATTENDED],
        measure=IndicatorMeasure.ACTIVITIES,
        accumulation=IndicatorAccumulation.PER_PERIOD,
        period=LedgerPeriod.MONTH,
        roles=["professional"],
        countries=["LT"],
        breakdowns=["region", "sector"],
    )
    indicator.regions.add(region)

    summary = rule_summary(indicator)

    assert (summary.headline, summary.conditions) == (
        "activities held (each course, event or session once) in which someone attended an event",
        [
            "Only people whose role was Professional at the time.",
            "Only people whose country was Lithuania.",
            "Only in the region or municipality Kaunas region.",
            "Any of the programme's own courses, events and campaigns.",
            "Reported per month: each month shows only what happened within it.",
            "Broken down by region or municipality and sector.",
            "Numbers entered by hand count too, once a second organiser has approved them.",
        ],
    )
