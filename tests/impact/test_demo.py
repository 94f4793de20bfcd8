"""impact/demo.py: the demo programmes' indicators, counted from the activity every other
demo step records, with milestones and manual entries; built once for the module (every
step but the translations), then the impact step run a second time."""

from datetime import date
from io import StringIO

from django.core.management import call_command

from wagtail.models import ModelLogEntry

import pytest

from home.management.commands.linkage_demo import Command
from impact.demo import INDICATORS, load_demo_indicators, period_targets
from impact.enums import IndicatorMeasure, ManualEntryStatus, ParticipationKind, RagStatus
from impact.indicators.compute import indicator_compute
from impact.models import Indicator, IndicatorTarget, IndicatorValue, ManualEntry
from programmes.models import Programme
from tests.factories.once import built_for_module

# Steps that only translate what the others built: the indicators count none of it.
TRANSLATIONS = {"load_demo_course_languages", "load_demo_event_languages"}
# No demo activity counts toward these yet: the events demo has no past training in
# Lithuania or the SEE coalition (every demo training is still to come). Once it records
# attendance at one, its indicator leaves this set.
AWAITING_DEMO_ACTIVITY = {("lithuania", "1.1"), ("see-coalition", "1.1")}


def _counts() -> dict[str, int]:
    return {
        "indicators": Indicator.objects.count(),
        "targets": IndicatorTarget.objects.count(),
        "values": IndicatorValue.objects.count(),
        "manual": ManualEntry.objects.count(),
        "log": ModelLogEntry.objects.filter(action__startswith="impact.").count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """(counts after the demo, counts after the impact step ran again, its output)."""

    def build():
        from home import demo_data

        every_step = demo_data.demo_steps
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                "home.demo_data.demo_steps",
                lambda: [step for step in every_step() if step.__name__ not in TRANSLATIONS],
            )
            patch.setattr(Command, "_every_language", lambda self, home: None)
            call_command("linkage_demo", stdout=StringIO())
        first = _counts()
        output = StringIO()
        load_demo_indicators(stdout=output)
        return first, _counts(), output.getvalue()

    with built_for_module(django_db_blocker, build) as built:
        yield built


def indicators(slug: str) -> list[Indicator]:
    return list(Indicator.objects.filter(programme__slug=slug).order_by("sort_order"))


def test_each_demo_programme_has_its_indicators_in_order(demo, db):
    codes = {
        slug: [indicator.code for indicator in indicators(slug)]
        for slug in Programme.objects.values_list("slug", flat=True)
    }

    assert codes == {
        "communitylinkage": ["1.1", "1.2", "1.3", "1.4", "1.5"],
        "kosovo": ["1.1", "1.2", "2.1"],
        "lithuania": ["1.1", "1.2", "2.1"],
        "see-coalition": ["1.1", "3.1", "3.2"],
        "coordinated-response": [],
    }


def test_communitylinkage_carries_the_five_targets_of_its_grant(demo, db):
    rules = [
        (indicator.target, indicator.unit, indicator.kinds, indicator.measure)
        for indicator in indicators("communitylinkage")
    ]

    assert rules == [
        (60, "women", [ParticipationKind.MENTOR_EMPOWERED], IndicatorMeasure.PEOPLE),
        (160, "women", [ParticipationKind.COMMUNITY_NETWORKING], IndicatorMeasure.PEOPLE),
        (
            120,
            "professionals",
            [
                ParticipationKind.COURSE_COMPLETED,
                ParticipationKind.EVENT_ATTENDED,
                ParticipationKind.TRAINED_BY_MENTOR,
            ],
            IndicatorMeasure.PEOPLE,
        ),
        (100, "women", [ParticipationKind.WOMEN_SUPPORTED], IndicatorMeasure.COUNT),
        (
            15_000,
            "people",
            [ParticipationKind.CAMPAIGN_REACH, ParticipationKind.CAMPAIGN_PLEDGE],
            IndicatorMeasure.COUNT,
        ),
    ]


def test_every_indicator_is_described_for_the_donor(demo, db):
    for indicator in Indicator.objects.all():
        assert indicator.name and indicator.description and indicator.means_of_verification
        assert (indicator.baseline, indicator.target > 0) == (0, True)
        assert 1 <= len(indicator.breakdowns) <= 3


def test_milestones_fall_in_the_programmes_periods_and_end_at_the_target(demo, db):
    for indicator in Indicator.objects.select_related("programme"):
        targets = dict(indicator.period_targets.values_list("period_start", "target"))
        last = max(targets)
        if indicator.accumulation == "per_period":
            assert sum(targets.values()) == indicator.target
        else:
            assert targets[last] == indicator.target
            assert list(targets.values()) == sorted(targets.values())
        assert last <= indicator.programme.ends_on < date(last.year + 1, last.month, 1)
        assert min(targets) <= indicator.programme.ends_on


def test_every_indicator_counts_demo_activity(demo, db):
    values = {
        (indicator.programme.slug, indicator.code): indicator_compute(indicator)
        for indicator in Indicator.objects.select_related("programme")
    }

    counted = {key for key, result in values.items() if result.ledger > 0}
    assert counted == set(values) - AWAITING_DEMO_ACTIVITY
    assert all(result.value < result.target for result in values.values())
    rags = {result.rag for result in values.values()}
    assert RagStatus.GREEN in rags and RagStatus.RED in rags


def test_values_are_stored_for_the_dashboards(demo, db):
    stored = IndicatorValue.objects.count()

    assert stored == Indicator.objects.count() == sum(len(specs) for specs in INDICATORS.values())


def test_an_approved_manual_entry_counts_and_a_pending_one_does_not(demo, db):
    approved = ManualEntry.objects.select_related("indicator__programme").get(
        status=ManualEntryStatus.APPROVED
    )
    pending = ManualEntry.objects.select_related("indicator__programme").get(
        status=ManualEntryStatus.PENDING
    )

    assert (approved.indicator.programme.slug, approved.indicator.code) == ("lithuania", "2.1")
    assert approved.decided_by != approved.entered_by
    assert approved.indicator.programme.organisers.filter(pk=approved.decided_by_id).exists()
    assert approved.evidence_name == "lrt-audience-estimate.csv"
    assert indicator_compute(approved.indicator).manual == 4200
    assert (pending.indicator.programme.slug, pending.indicator.code) == ("kosovo", "2.1")
    assert indicator_compute(pending.indicator).manual == 0
    assert sorted(
        ModelLogEntry.objects.filter(action__startswith="impact.manual_entry").values_list(
            "action", flat=True
        )
    ) == [
        "impact.manual_entry.approve",
        "impact.manual_entry.submit",
        "impact.manual_entry.submit",
    ]


def test_a_second_run_changes_nothing(demo, db):
    first, second, output = demo

    assert second == first
    assert "(0 saved)" in output
    assert first["indicators"] == 14 and first["manual"] == 2


def test_the_step_skips_a_programme_the_demo_does_not_have(demo, db, monkeypatch):
    monkeypatch.setattr("impact.demo.INDICATORS", {"nowhere": INDICATORS["kosovo"]})
    output = StringIO()

    load_demo_indicators(stdout=output)

    assert output.getvalue().startswith("Impact: 0 indicators in 0 programmes")


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "expected"),
    [
        # Two years from April: a milestone at the end of each year, in its quarter.
        (date(2026, 4, 1), date(2028, 3, 31), {date(2027, 1, 1): 30, date(2028, 1, 1): 60}),
        # Eighteen months from February: the first year, then the end.
        (date(2026, 2, 1), date(2027, 7, 31), {date(2027, 1, 1): 40, date(2027, 7, 1): 60}),
    ],
)
def test_milestones_of_a_cumulative_indicator(starts_on, ends_on, expected):
    programme = Programme(starts_on=starts_on, ends_on=ends_on, time_zone="Europe/Madrid")

    assert period_targets(programme, {"target": 60}) == expected


def test_a_per_period_target_is_spread_by_the_months_each_period_covers():
    programme = Programme(
        starts_on=date(2026, 2, 1), ends_on=date(2027, 1, 31), time_zone="Europe/Belgrade"
    )

    targets = period_targets(programme, {"target": 24, "accumulation": "per_period"})

    assert targets == {
        date(2026, 1, 1): 4,  # February and March
        date(2026, 4, 1): 6,
        date(2026, 7, 1): 6,
        date(2026, 10, 1): 6,
        date(2027, 1, 1): 2,  # January
    }
