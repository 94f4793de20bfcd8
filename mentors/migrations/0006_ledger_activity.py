"""The ledger's mentoring rows written before rows had an activity, as
``mentors.services`` now writes them:

- an approval (``mentor_empowered``) is evidence of the mentor's profile (its source), of
  kind ``mentor_approval``, in her country when she serves one;
- every row of a session (its source) is evidence of the session, of kind
  ``mentoring_<session kind>``, placed as its counts are: the request's country and
  region when the session belongs to a match, else the mentor's one country;
- a match's woman (``women_supported``, source the request) is evidence of the first
  support session logged for the request, the one that wrote her row.

A few UPDATEs, each field read from the source by a correlated subquery on its primary
key; only mentor profiles (a programme's pool, never the ledger) are read into Python,
to find each mentor's one country. Rows that already have an activity are left alone, so
running it again changes nothing."""

from django.db import migrations
from django.db.models import BigIntegerField, CharField, Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat

CHUNK = 500  # ids per IN (...), under SQLite's limit of bound parameters


def _rows(Participation, model_name: str):
    return Participation.objects.filter(
        source_type__app_label="mentors", source_type__model=model_name, activity_key=""
    )


def _source_pk():
    return Cast(OuterRef("source_id"), BigIntegerField())


def _single_country_mentors(MentorProfile) -> dict[str, list[int]]:
    """Mentor profile ids by the one country each serves (those serving several or none
    are placed nowhere, as ``mentors.services._place`` does)."""
    by_country: dict[str, list[int]] = {}
    for pk, countries in MentorProfile.objects.values_list("pk", "countries"):
        if isinstance(countries, list) and len(countries) == 1:
            by_country.setdefault(countries[0], []).append(pk)
    return by_country


def _approvals(Participation, by_country) -> None:
    rows = _rows(Participation, "mentorprofile").filter(kind="mentor_empowered")
    for country, ids in by_country.items():
        for start in range(0, len(ids), CHUNK):
            chunk = [str(pk) for pk in ids[start : start + CHUNK]]
            rows.filter(source_id__in=chunk).update(activity_country=country)
    rows.update(
        activity_type=F("source_type"),
        activity_id=F("source_id"),
        activity_key=Concat(
            Value("mentors.mentorprofile:"), F("source_id"), output_field=CharField()
        ),
        activity_kind="mentor_approval",
    )


def _sessions(Participation, MentoringSession, by_country) -> None:
    rows = _rows(Participation, "mentoringsession")
    # Sessions outside a match: the mentor's one country (set first; the UPDATE below
    # keeps it where the session has no request to place it).
    for country, ids in by_country.items():
        for start in range(0, len(ids), CHUNK):
            sessions = MentoringSession.objects.filter(
                match__isnull=True, mentor_id__in=ids[start : start + CHUNK]
            ).annotate(text_pk=Cast("pk", CharField()))
            rows.filter(source_id__in=sessions.values("text_pk")).update(activity_country=country)
    session = MentoringSession.objects.filter(pk=_source_pk())

    def read(field):
        return Subquery(session.values(field)[:1], output_field=CharField())

    rows.filter(Exists(session)).update(
        activity_type=F("source_type"),
        activity_id=F("source_id"),
        activity_key=Concat(
            Value("mentors.mentoringsession:"), F("source_id"), output_field=CharField()
        ),
        activity_kind=Concat(Value("mentoring_"), read("kind"), output_field=CharField()),
        activity_country=Coalesce(read("match__request__country"), F("activity_country")),
        activity_region=Coalesce(read("match__request__region__name"), Value("")),
    )


def _women_of_matches(Participation, MentoringSession, ContentType) -> None:
    sessions = MentoringSession.objects.filter(match__request_id=_source_pk(), kind="support")
    first = Subquery(
        sessions.order_by("pk").annotate(text_pk=Cast("pk", CharField())).values("text_pk")[:1],
        output_field=CharField(),
    )
    rows = _rows(Participation, "mentoringrequest").filter(Exists(sessions), kind="women_supported")
    if not rows.exists():
        return
    session_type, _created = ContentType.objects.get_or_create(
        app_label="mentors", model="mentoringsession"
    )
    rows.update(
        activity_type=session_type,
        activity_id=first,
        activity_key=Concat(Value("mentors.mentoringsession:"), first, output_field=CharField()),
        activity_kind="mentoring_support",
        # Her row is placed where her request is, as the session's are.
        activity_country=F("country"),
        activity_region=F("region"),
    )


def backfill(apps, schema_editor):
    Participation = apps.get_model("impact", "Participation")
    MentoringSession = apps.get_model("mentors", "MentoringSession")
    by_country = _single_country_mentors(apps.get_model("mentors", "MentorProfile"))
    _approvals(Participation, by_country)
    _sessions(Participation, MentoringSession, by_country)
    _women_of_matches(
        Participation, MentoringSession, apps.get_model("contenttypes", "ContentType")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("impact", "0005_indicators"),
        ("mentors", "0005_concern_text_erasable"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
