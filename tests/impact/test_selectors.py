"""Who sees what of the ledger, and the aggregate table organisers get."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone

import pytest

from impact.enums import LedgerBreakdown, LedgerPeriod, ParticipationKind
from impact.selectors import (
    participation_person_rows,
    participation_summary,
    participation_visible_to,
    suppress_small,
)
from impact.services import participation_record
from people.enums import Sector
from tests.factories import OrganisationFactory

COMPLETED = ParticipationKind.COURSE_COMPLETED
ATTENDED = ParticipationKind.EVENT_ATTENDED
MARCH = timezone.make_aware(datetime.datetime(2026, 3, 10, 12))
APRIL = timezone.make_aware(datetime.datetime(2026, 4, 2, 12))


def aggregate(kind, count, when, programmes=None, **attributes):
    """An anonymous count, of the ``organiser`` fixture's programme unless ``programmes``
    says otherwise."""
    from tests.factories.programmes import programme_make

    participation_record(
        kind=kind,
        source=OrganisationFactory(),
        count=count,
        occurred_at=when,
        aggregate_key=f"{kind}-{when:%m}-{sorted(attributes.items())}",
        attributes=attributes,
        programmes=[p.pk for p in programmes] if programmes is not None else [programme_make().pk],
    )


@pytest.mark.django_db
def test_only_people_with_the_ledger_permission_see_any_rows(professional, organiser, superuser):
    aggregate(COMPLETED, 10, MARCH)

    assert [
        participation_visible_to(user=u).count() for u in (professional, organiser, superuser)
    ] == [
        0,
        1,
        1,
    ]


@pytest.mark.django_db
def test_named_rows_are_refused_to_organisers(organiser):
    with pytest.raises(PermissionDenied):
        participation_person_rows(user=organiser)


@pytest.mark.django_db
def test_named_rows_do_not_even_load_the_demographics(superuser):
    aggregate(COMPLETED, 10, MARCH, gender="woman")

    row = participation_person_rows(user=superuser).get()

    assert row.get_deferred_fields() == {"gender", "age_band", "migrant_background"}


@pytest.mark.django_db
def test_summary_counts_by_kind_and_month(organiser):
    aggregate(COMPLETED, 10, MARCH)
    aggregate(COMPLETED, 4, APRIL)
    aggregate(ATTENDED, 2, APRIL)

    summary = participation_summary(user=organiser)

    assert [(r.kind, r.period, r.total, r.cells) for r in summary.rows] == [
        (COMPLETED, datetime.date(2026, 4, 1), 4, ()),
        (ATTENDED, datetime.date(2026, 4, 1), 2, ()),
        (COMPLETED, datetime.date(2026, 3, 1), 10, ()),
    ]


@pytest.mark.django_db
def test_summary_by_quarter_adds_the_months_up(organiser):
    aggregate(COMPLETED, 10, MARCH)
    aggregate(COMPLETED, 4, APRIL)

    summary = participation_summary(user=organiser, period=LedgerPeriod.QUARTER)

    assert [(r.period, r.total) for r in summary.rows] == [
        (datetime.date(2026, 4, 1), 4),
        (datetime.date(2026, 1, 1), 10),
    ]


@pytest.mark.django_db
def test_a_breakdown_that_is_not_a_demographic_shows_every_count(organiser):
    aggregate(COMPLETED, 2, MARCH, sector=Sector.POLICE)
    aggregate(COMPLETED, 9, MARCH, sector=Sector.HEALTH)

    summary = participation_summary(user=organiser, breakdown=LedgerBreakdown.SECTOR)

    assert (summary.columns, summary.suppressed) == (
        (("health", "Health care"), ("police", "Police")),
        False,
    )
    assert [(r.total, r.cells) for r in summary.rows] == [(11, (9, 2))]


@pytest.mark.django_db
def test_a_demographic_breakdown_hides_small_counts_and_one_more(organiser, settings):
    settings.LINKAGE_SMALL_COUNT_THRESHOLD = 5
    aggregate(COMPLETED, 3, MARCH, age_band="18-24")
    aggregate(COMPLETED, 20, MARCH, age_band="25-34")
    aggregate(COMPLETED, 8, MARCH, age_band="35-44")

    summary = participation_summary(user=organiser, breakdown=LedgerBreakdown.AGE_BAND)

    # 3 is hidden; so is the smallest other count (a 0), so the 3 cannot be worked out
    # from the total.
    assert [(r.total, r.cells) for r in summary.rows] == [(31, (None, 20, 8, None, 0, 0, 0, 0))]


@pytest.mark.django_db
def test_a_count_at_the_threshold_is_shown(organiser, settings):
    settings.LINKAGE_SMALL_COUNT_THRESHOLD = 5
    aggregate(COMPLETED, 5, MARCH, gender="woman")
    aggregate(COMPLETED, 4, MARCH, gender="man")
    aggregate(COMPLETED, 6, MARCH, gender="")

    summary = participation_summary(user=organiser, breakdown=LedgerBreakdown.GENDER)

    # Under 5 is hidden (the 4, and a 0 with it); 5 is not.
    assert [(r.total, r.cells) for r in summary.rows] == [(15, (5, None, None, 0, 0, 6))]


def test_small_means_under_the_threshold(settings):
    settings.LINKAGE_SMALL_COUNT_THRESHOLD = 5

    assert [suppress_small(v) for v in (0, 1, 4, 5, 6)] == [0, None, None, 5, 6]


@pytest.mark.django_db
def test_two_small_counts_hide_each_other(organiser, settings):
    settings.LINKAGE_SMALL_COUNT_THRESHOLD = 5
    aggregate(COMPLETED, 2, MARCH, migrant_background="yes")
    aggregate(COMPLETED, 4, MARCH, migrant_background="no")
    aggregate(COMPLETED, 30, MARCH, migrant_background="")

    summary = participation_summary(user=organiser, breakdown=LedgerBreakdown.MIGRANT_BACKGROUND)

    assert [(r.total, r.cells) for r in summary.rows] == [(36, (None, None, 0, 30))]


@pytest.mark.django_db
def test_the_summary_shows_nothing_to_someone_without_the_permission(professional):
    aggregate(COMPLETED, 10, MARCH)

    assert participation_summary(user=professional).rows == ()
