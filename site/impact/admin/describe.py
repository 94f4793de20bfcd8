"""An indicator's counting rule in plain words, for the people who set it and check it:
"This indicator counts: distinct people who completed a course or attended an event",
then one sentence per condition ("Only people working in: Police, Justice.").

Every piece is translatable on its own (a phrase per kind of participation, per measure,
per period), and lists are joined with the language's own "or" and "and".
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.enums import Country, Role, Sector

from ..enums import (
    ActivityScope,
    IndicatorAccumulation,
    IndicatorMeasure,
    LedgerBreakdown,
    LedgerPeriod,
    ParticipationKind,
)

# What people did, after "people who": one phrase per kind of participation.
KIND_DEEDS = {
    ParticipationKind.COURSE_COMPLETED: gettext_lazy("completed a course"),
    ParticipationKind.EVENT_ATTENDED: gettext_lazy("attended an event"),
    ParticipationKind.MENTOR_EMPOWERED: gettext_lazy("were empowered as community mentors"),
    ParticipationKind.MENTORING_SESSION: gettext_lazy("took part in a mentoring session"),
    ParticipationKind.COMMUNITY_NETWORKING: gettext_lazy("engaged in community networking"),
    ParticipationKind.WOMEN_SUPPORTED: gettext_lazy(
        "were supported as women (counted anonymously)"
    ),
    ParticipationKind.TRAINED_BY_MENTOR: gettext_lazy("were trained by a community mentor"),
    ParticipationKind.CAMPAIGN_PLEDGE: gettext_lazy("made a campaign pledge"),
    ParticipationKind.CAMPAIGN_REACH: gettext_lazy(
        "were reached by a campaign (counted anonymously)"
    ),
}

# What is added up, after "the number of": one phrase per kind of participation.
KIND_THINGS = {
    ParticipationKind.COURSE_COMPLETED: gettext_lazy("course completions"),
    ParticipationKind.EVENT_ATTENDED: gettext_lazy("attendances at events"),
    ParticipationKind.MENTOR_EMPOWERED: gettext_lazy("mentors empowered"),
    ParticipationKind.MENTORING_SESSION: gettext_lazy("mentoring sessions held"),
    ParticipationKind.COMMUNITY_NETWORKING: gettext_lazy("engagements in community networking"),
    ParticipationKind.WOMEN_SUPPORTED: gettext_lazy("women supported"),
    ParticipationKind.TRAINED_BY_MENTOR: gettext_lazy("professionals trained by community mentors"),
    ParticipationKind.CAMPAIGN_PLEDGE: gettext_lazy("campaign pledges"),
    ParticipationKind.CAMPAIGN_REACH: gettext_lazy("people reached by campaigns"),
}

EACH_PERIOD = {
    LedgerPeriod.MONTH: gettext_lazy("month"),
    LedgerPeriod.QUARTER: gettext_lazy("quarter"),
    LedgerPeriod.YEAR: gettext_lazy("year"),
}


def join_or(items: list[str]) -> str:
    """ "A", "A or B", "A, B or C"."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s or %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def join_and(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _labels(values, choices) -> list[str]:
    names = dict(choices)
    return [str(names.get(value, value)) for value in values or []]


@dataclass(frozen=True)
class RuleSummary:
    headline: str  # after "This indicator counts:"
    conditions: list[str]  # one sentence each


def headline(kinds: list[str], measure: str) -> str:
    if measure == IndicatorMeasure.COUNT:
        things = [
            str(KIND_THINGS.get(kind, _labels([kind], ParticipationKind.choices)[0]))
            for kind in kinds
        ]
        return _("the number of %(things)s (each one counts, even several by one person)") % {
            "things": join_and(things)
        }
    deeds = [
        str(KIND_DEEDS.get(kind, _labels([kind], ParticipationKind.choices)[0])) for kind in kinds
    ]
    if measure == IndicatorMeasure.ACTIVITIES:
        return _(
            "activities held (each course, event or session once) in which someone %(deeds)s"
        ) % {"deeds": join_or(deeds)}
    return _("distinct people who %(deeds)s (each person once, however often)") % {
        "deeds": join_or(deeds)
    }


def rule_summary(
    indicator,
    *,
    regions: list[str] | None = None,
    activities: list[str] | None = None,
    activity_kind_labels: dict[str, str] | None = None,
) -> RuleSummary:
    """The rule of ``indicator`` (saved or not) in words. ``regions`` and ``activities``
    are the names of its regions and chosen activities; read from the database when not
    given (a saved indicator)."""
    if regions is None:
        regions = [region.name for region in indicator.regions.all()] if indicator.pk else []
    if activities is None:
        activities = chosen_activity_labels(indicator) if indicator.pk else []
    if activity_kind_labels is None:
        activity_kind_labels = dict(_activity_kind_choices())

    conditions = []
    if indicator.roles:
        conditions.append(
            _("Only people whose role was %(roles)s at the time.")
            % {"roles": join_or(_labels(indicator.roles, Role.choices))}
        )
    if indicator.sectors:
        conditions.append(
            _("Only people working in %(sectors)s.")
            % {"sectors": join_or(_labels(indicator.sectors, Sector.choices))}
        )
    if indicator.countries:
        conditions.append(
            _("Only people whose country was %(countries)s.")
            % {"countries": join_or(_labels(indicator.countries, Country.choices))}
        )
    if regions:
        conditions.append(
            _("Only in the region or municipality %(regions)s.") % {"regions": join_or(regions)}
        )
    if indicator.activity_kinds:
        conditions.append(
            _("Only activities of the type %(types)s.")
            % {
                "types": join_or(
                    [activity_kind_labels.get(kind, kind) for kind in indicator.activity_kinds]
                )
            }
        )
    if indicator.activity_scope == ActivityScope.CHOSEN:
        conditions.append(
            _("Only these activities: %(activities)s.") % {"activities": "; ".join(activities)}
            if activities
            else _("Only chosen activities, and none is chosen yet: nothing counts.")
        )
    else:
        conditions.append(_("Any of the programme's own courses, events and campaigns."))
    period = EACH_PERIOD.get(indicator.period, indicator.period)
    if indicator.accumulation == IndicatorAccumulation.PER_PERIOD:
        conditions.append(
            _("Reported per %(period)s: each %(period)s shows only what happened within it.")
            % {"period": period}
        )
    else:
        conditions.append(
            _(
                "Reported per %(period)s, cumulatively: each %(period)s shows everything "
                "from the start of the programme to its end."
            )
            % {"period": period}
        )
    if indicator.breakdowns:
        conditions.append(
            _("Broken down by %(breakdowns)s.")
            % {
                "breakdowns": join_and(
                    [
                        label.lower()
                        for label in _labels(indicator.breakdowns, LedgerBreakdown.choices)
                    ]
                )
            }
        )
    conditions.append(
        _("Numbers entered by hand count too, once a second organiser has approved them.")
    )
    return RuleSummary(
        headline=headline(list(indicator.kinds or []), indicator.measure),
        conditions=conditions,
    )


def _activity_kind_choices() -> list[tuple[str, str]]:
    from ..activities import activity_kind_labels

    return list(activity_kind_labels().items())


def chosen_activity_labels(indicator) -> list[str]:
    """The names of the activities a saved indicator is limited to."""
    from ..activities import activity_labels

    pairs = [(row.activity_type_id, row.activity_id) for row in indicator.activities.all()]
    if not pairs:
        return []
    labels = activity_labels(pairs)
    return sorted(str(labels.get(pair, pair[1])) for pair in pairs)
