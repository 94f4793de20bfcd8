"""Impact: a programme's indicators over 1,000,000 ledger rows on PostgreSQL.

The ledger is loaded in SQL (``INSERT ... SELECT`` over ``generate_series``, then the
programmes link table and ``ANALYZE``): three years of one programme's work, about 200,000
people (one in fifty deleted, keeping one ``deleted:`` key across their rows), walk-in,
support, pledge and reach counts as anonymous aggregates, every row with its snapshot
(role, sector, country, region, gender, age band, migrant background) and its activity
(an occurrence of an event, a course, a mentoring session, a campaign; its kind and
place). A fifth of the rows are shared with a second programme.

The programme has eight indicators like the demo's: distinct people, sums of counts and
activities held; cumulative and per period (months, quarters, years); two breakdowns
each. Reported, besides the number of rows and of distinct people (times are medians of
three runs, after a warm-up run unless said):

- ``impact_compute_all_indicators``: computing all of them with the engine
  (``impact.indicators.compute.indicator_compute``);
- ``impact_handwritten_sql``: the same figures (whole programme, every period, every
  breakdown value in every period) from hand-written SQL, one ``COUNT(DISTINCT ...)
  FILTER (WHERE ...)`` per period over the rows, run with a cursor;
- ``impact_compute_ratio``: the first over the second (goal: 1.5 or less);
- ``impact_compute_mismatches``: figures where the two disagree (must be 0);
- ``impact_donor_export``: building the donor workbook (``impact.export``) from the
  stored values, for an organiser of the programme (no warm-up), and its size.

The bench runs itself in a child process against ``BENCH_POSTGRES_URL``'s server (test
settings), in a fresh database (``linkage_bench_impact``) dropped at the end, even after
an error. It is a copy of a migrated template kept for this code's migrations
(``linkage_bench_impact_tpl_<digest>``: a run after the first copies it in seconds instead
of migrating for minutes; ``BENCH_IMPACT_TEMPLATE=0`` migrates from scratch). Without
PostgreSQL it says why and reports nothing. ``BENCH_IMPACT_ROWS`` sets the number of rows
(default 1,000,000).
"""

import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DATABASE = "linkage_bench_impact"
TEMPLATE_PREFIX = "linkage_bench_impact_tpl_"
ROWS = int(os.environ.get("BENCH_IMPACT_ROWS", "1000000"))
PEOPLE = ROWS // 5
RUNS = 3
ZONE = "Europe/Vilnius"


def _say(message: str) -> None:
    print(f"(bench_impact: {message})", file=sys.stderr, flush=True)


# --- The parent: bench/run.py --------------------------------------------------------------


def _database_url(name: str) -> str:
    return urlunsplit(urlsplit(PG_URL)._replace(path=f"/{name}"))


def _admin():
    import psycopg

    return psycopg.connect(PG_URL, autocommit=True, connect_timeout=3)


def _digest() -> str:
    """Of every migration and installed package: a template made from others is not used."""
    from importlib.metadata import distributions

    digest = hashlib.sha256()
    for top in ("site", "courses", "events", "mentors", "campaigns"):
        for path in sorted((ROOT / top).glob("**/migrations/*.py")):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()[:16]


def _migrate(env: dict, name: str) -> None:
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0"],
        env={**env, "DATABASE_URL": _database_url(name)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"migrate failed: {result.stderr.strip()[-2000:]}")
    _say(f"migrated {name} in {time.perf_counter() - started:.0f} s")


def _database_create(env: dict) -> None:
    """A fresh, migrated database: a copy of the template of this code's migrations (made
    the first time), or migrated from scratch with ``BENCH_IMPACT_TEMPLATE=0``."""
    template = TEMPLATE_PREFIX + _digest()
    use_template = os.environ.get("BENCH_IMPACT_TEMPLATE", "1") != "0"
    with _admin() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        names = [row[0] for row in connection.execute("SELECT datname FROM pg_database")]
        for stale in names:
            if stale.startswith(TEMPLATE_PREFIX) and stale != template:
                connection.execute(f'DROP DATABASE "{stale}" WITH (FORCE)')
        if not use_template:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')
        elif template not in names:
            connection.execute(f'CREATE DATABASE "{template}"')
    if not use_template:
        _migrate(env, DATABASE)
        return
    if template not in names:
        try:
            _migrate(env, template)
        except BaseException:
            with _admin() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
            raise
    with _admin() as connection:
        connection.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE "{template}"')


def run():
    env = dict(
        os.environ,
        DATABASE_URL=_database_url(DATABASE),
        DJANGO_SETTINGS_MODULE="config.settings.test",
        PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'site'}",
    )
    try:
        _admin().close()
    except Exception as error:
        _say(f"skipped: no PostgreSQL at {PG_URL}: {' '.join(str(error).split())}")
        return []
    try:
        _database_create(env)
        result = subprocess.run(  # noqa: S603 - this file, fixed arguments
            [sys.executable, str(Path(__file__).resolve()), "child"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            timeout=3600,
            check=False,
        )
    finally:
        with _admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    if result.returncode != 0:
        _say(f"failed (exit code {result.returncode}); see above")
        return []
    return [tuple(item) for item in json.loads(result.stdout.strip().splitlines()[-1])]


# --- The child: the data -------------------------------------------------------------------

# The ledger rows, generated in one statement (``%%`` is a literal ``%``).
LEDGER_SQL = """
WITH r AS (
    SELECT g, random() AS rk, random() AS rp, random() AS ra, random() AS rc
    FROM generate_series(1, %(rows)s) AS g
), k AS (
    SELECT g, ra, rc,
        CASE WHEN rk < 0.40 THEN 'event_attended'
             WHEN rk < 0.58 THEN 'course_completed'
             WHEN rk < 0.63 THEN 'trained_by_mentor'
             WHEN rk < 0.70 THEN 'community_networking'
             WHEN rk < 0.71 THEN 'mentor_empowered'
             WHEN rk < 0.73 THEN 'women_supported'
             WHEN rk < 0.95 THEN 'campaign_pledge'
             ELSE 'campaign_reach' END AS kind,
        -- Some people take part far more than others.
        1 + floor(power(rp, 1.4) * %(people)s)::int AS p
    FROM r
), a AS (
    SELECT k.*,
        kind IN ('women_supported', 'campaign_pledge', 'campaign_reach')
            OR (kind IN ('event_attended', 'community_networking', 'trained_by_mentor')
                AND rc < 0.03) AS agg,
        floor(ra * 20000)::int AS occurrence,  -- of an event: 20,000 over three years
        floor(ra * 30000)::int AS session,  -- of mentoring
        1 + floor(ra * 60)::int AS course,
        1 + floor(ra * 6)::int AS campaign
    FROM k
), s AS (
    SELECT a.*,
        CASE kind
            WHEN 'event_attended' THEN (occurrence + 0.5) / 20000.0
            WHEN 'trained_by_mentor' THEN (session + 0.5) / 30000.0
            WHEN 'community_networking' THEN (session + 0.5) / 30000.0
            WHEN 'women_supported' THEN (session + 0.5) / 30000.0
            ELSE rc END AS share,
        occurrence %% 1500 AS event,
        (ARRAY['LT', 'XK', 'AL', 'BA', 'RS', 'MK', 'ES', 'IT'])[1 + (p / 11) %% 8] AS p_country,
        (ARRAY['LT', 'XK', 'AL', 'BA', 'RS', 'MK', 'ES', 'IT'])[1 + g %% 8] AS g_country
    FROM a
)
INSERT INTO impact_participation (
    person_id, subject_key, kind, occurred_at, count, source_type_id, source_id,
    role, sector, country, region, gender, age_band, migrant_background,
    activity_type_id, activity_id, activity_key, activity_kind, activity_country,
    activity_region, recorded_at
)
SELECT
    NULL,
    CASE WHEN agg THEN 'aggregate:' || g
         WHEN p %% 50 = 0 THEN 'deleted:' || substr(md5(p::text), 1, 24)
         ELSE 'person:' || p END,
    kind,
    %(start)s::timestamptz + share * %(span)s::interval,
    CASE WHEN NOT agg THEN 1
         WHEN kind = 'campaign_reach' THEN 1 + (g %% 2000)
         WHEN kind = 'campaign_pledge' THEN 1
         ELSE 1 + (g %% 12) END,
    %(source_type)s,
    g::text,
    CASE WHEN agg THEN ''
         WHEN kind = 'mentor_empowered' THEN 'mentor'
         WHEN p %% 20 < 3 THEN 'mentor'
         WHEN p %% 20 = 3 THEN 'organiser'
         WHEN p %% 20 = 4 THEN ''
         ELSE 'professional' END,
    CASE WHEN agg THEN '' ELSE (ARRAY['health', 'police', 'social_services', 'ngo_shelter',
        'community', 'faith', 'local_government', 'offender_programmes', 'justice',
        'education', 'other'])[1 + p %% 11] END,
    CASE WHEN agg THEN g_country ELSE p_country END,
    CASE WHEN agg THEN g_country || ' region ' || (1 + g %% 3)
         ELSE p_country || ' region ' || (1 + p %% 3) END,
    CASE WHEN agg OR p %% 50 = 0 THEN ''
         ELSE (ARRAY['woman', 'woman', 'man', 'other', ''])[1 + (p / 3) %% 5] END,
    CASE WHEN agg OR p %% 50 = 0 THEN ''
         ELSE (ARRAY['18-24', '25-34', '35-44', '45-54', '55-64', '65+', ''])[1 + (p / 7) %% 7]
         END,
    CASE WHEN agg OR p %% 50 = 0 THEN ''
         ELSE (ARRAY['yes', 'no', 'no', ''])[1 + (p / 5) %% 4] END,
    CASE WHEN kind = 'event_attended' THEN %(event_type)s
         WHEN kind = 'course_completed' THEN %(course_type)s
         WHEN kind = 'mentor_empowered' THEN %(mentor_type)s
         WHEN kind LIKE 'campaign_%%' THEN %(campaign_type)s
         ELSE %(session_type)s END,
    CASE WHEN kind = 'event_attended' THEN event::text
         WHEN kind = 'course_completed' THEN course::text
         WHEN kind = 'mentor_empowered' THEN p::text
         WHEN kind LIKE 'campaign_%%' THEN campaign::text
         ELSE session::text END,
    CASE WHEN kind = 'event_attended' THEN 'events.eventpage:' || event || ':' || occurrence
         WHEN kind = 'course_completed' THEN 'courses.coursepage:' || course
         WHEN kind = 'mentor_empowered' THEN 'mentors.mentorprofile:' || p
         WHEN kind LIKE 'campaign_%%' THEN 'campaigns.campaignpage:' || campaign
         ELSE 'mentors.mentoringsession:' || session END,
    CASE WHEN kind = 'event_attended' THEN (ARRAY['training', 'training', 'training',
            'coordination_meeting', 'coordination_meeting', 'conference', 'public_debate',
            'webinar'])[1 + event %% 8]
         WHEN kind = 'course_completed' THEN 'course'
         WHEN kind = 'mentor_empowered' THEN 'mentor_approval'
         WHEN kind = 'trained_by_mentor' THEN 'mentoring_training'
         WHEN kind = 'community_networking' THEN 'mentoring_networking'
         WHEN kind = 'women_supported' THEN 'mentoring_support'
         ELSE '' END,
    CASE WHEN kind = 'event_attended'
         THEN (ARRAY['LT', 'XK', 'AL', 'BA', 'RS', 'MK', 'ES', 'IT'])[1 + event %% 8]
         ELSE '' END,
    CASE WHEN kind = 'event_attended'
         THEN (ARRAY['LT', 'XK', 'AL', 'BA', 'RS', 'MK', 'ES', 'IT'])[1 + event %% 8]
             || ' region ' || (1 + event %% 3)
         ELSE '' END,
    now()
FROM s
"""

# name: kinds, measure, accumulation, period, breakdowns, roles, activity kinds (lists as
# words).
INDICATORS = {
    "Mentors empowered": "mentor_empowered|people|cumulative|quarter|country age_band||",
    "Engaged in community networking": (
        "community_networking|people|cumulative|quarter|country region||"
    ),
    "Professionals trained": (
        "course_completed event_attended trained_by_mentor|people|cumulative|quarter|"
        "sector gender|professional|course training mentoring_training"
    ),
    "Women supported": "women_supported|count|cumulative|quarter|country region||",
    "People reached": "campaign_reach campaign_pledge|count|cumulative|quarter|country gender||",
    "Coordination meetings held": (
        "event_attended|activities|per_period|quarter|region country||coordination_meeting"
    ),
    "Trainings held": "event_attended|activities|per_period|month|region country||training",
    "People trained, by sector": (
        "course_completed event_attended|people|cumulative|year|sector region||course training"
    ),
}


def _month_start(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, 1)


def _programmes():
    """The benched programme (three years, ended last month), its organiser, and a
    second programme a fifth of the rows are shared with."""
    from people.models import User
    from programmes.models import Programme
    from programmes.services import programme_organiser_add

    this_month = _month_start(date.today(), 0)
    programme = Programme.objects.create(
        slug="bench",
        name="Bench programme",
        starts_on=_month_start(this_month, -36),
        ends_on=this_month - timedelta(days=1),
        time_zone=ZONE,
    )
    other = Programme.objects.create(slug="bench-other", name="Another programme")
    organiser = User.objects.create_user(email="organiser@bench.local", password="-")
    programme_organiser_add(programme=programme, user=organiser)
    return programme, other, organiser


LOADED_TABLES = ("impact_participation", "impact_participation_programmes")


@contextmanager
def _indexes_after(cursor):
    """The ledger's indexes and unique constraints (not its primary keys) dropped while
    the rows go in, and made again, exactly as they were, once they are all there: as a
    restore builds them, in one pass each."""
    tables = list(LOADED_TABLES)
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid::regclass::text = ANY(%s) AND contype = 'u'",
        [tables],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
        "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))",
        [tables],
    )
    indexes = cursor.fetchall()
    for table, name, _definition in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    yield
    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for table, name, definition in constraints:
        cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    for _name, definition in indexes:
        cursor.execute(definition)


def _load(programme, other) -> dict:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    def type_id(label: str) -> int:
        return ContentType.objects.get_by_natural_key(*label.split(".")).pk

    zone = ZoneInfo(ZONE)
    start = datetime.combine(programme.starts_on, clock.min, tzinfo=zone)
    end = datetime.combine(programme.ends_on + timedelta(days=1), clock.min, tzinfo=zone)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor, _indexes_after(cursor):
        # Rows made here point only at rows that exist: the foreign keys' triggers (a
        # million deferred checks) are skipped, as a restore skips them.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(
            LEDGER_SQL,
            {
                "rows": ROWS,
                "people": PEOPLE,
                "start": start,
                "span": f"{int((end - start).total_seconds()) - 1} seconds",
                "source_type": type_id("events.attendance"),
                "event_type": type_id("events.eventpage"),
                "course_type": type_id("courses.coursepage"),
                "mentor_type": type_id("mentors.mentorprofile"),
                "session_type": type_id("mentors.mentoringsession"),
                "campaign_type": type_id("campaigns.campaignpage"),
            },
        )
        link = "impact_participation_programmes"
        cursor.execute(
            f"INSERT INTO {link} (participation_id, programme_id) "  # noqa: S608 - our table
            "SELECT id, %s FROM impact_participation",
            [programme.pk],
        )
        cursor.execute(
            f"INSERT INTO {link} (participation_id, programme_id) "  # noqa: S608 - our table
            "SELECT id, %s FROM impact_participation WHERE id %% 5 = 0",
            [other.pk],
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(
            "SELECT count(*), count(DISTINCT subject_key) FILTER "
            "(WHERE subject_key NOT LIKE 'aggregate:%'), sum(count) FROM impact_participation"
        )
        rows, people, counted = cursor.fetchone()
    _say(f"loaded {rows} rows ({people} people) in {time.perf_counter() - started:.0f} s")
    return {"rows": rows, "people": people, "counted": counted}


def _indicators(programme) -> list:
    from impact.models import Indicator

    for order, (name, rule) in enumerate(INDICATORS.items()):
        kinds, measure, accumulation, period, breakdowns, roles, activity = rule.split("|")
        Indicator.objects.create(
            programme=programme,
            code=f"{order + 1}",
            name=name,
            unit="people",
            target=1000,
            kinds=kinds.split(),
            measure=measure,
            accumulation=accumulation,
            period=period,
            breakdowns=breakdowns.split(),
            roles=roles.split(),
            activity_kinds=activity.split(),
            sort_order=order,
        )
    return list(
        Indicator.objects.filter(programme=programme)
        .select_related("programme")
        .prefetch_related("regions", "period_targets")
    )


# --- The child: hand-written SQL -----------------------------------------------------------

_ACTIVITY_KEY = (
    "CASE WHEN activity_key = '' THEN 'source:' || source_type_id || ':' || source_id "
    "ELSE activity_key END"
)
_AGGREGATE = "subject_key LIKE 'aggregate:%%'"


def _measure(measure: str, condition: str) -> str:
    if measure == "count":
        return f"COALESCE(SUM(count) FILTER (WHERE {condition}), 0)"
    if measure == "activities":
        return f"COUNT(DISTINCT {_ACTIVITY_KEY}) FILTER (WHERE {condition})"
    return (
        f"COUNT(DISTINCT subject_key) FILTER (WHERE NOT {_AGGREGATE} AND {condition}) + "
        f"COALESCE(SUM(count) FILTER (WHERE {_AGGREGATE} AND {condition}), 0)"
    )


def _handwritten(indicator, bounds) -> dict:
    """The indicator's figures by hand: {"total", "periods", "cells": {breakdown: {value:
    (total, periods)}}}, as the engine gives them."""
    from django.db import connection

    where = [
        "EXISTS (SELECT 1 FROM impact_participation_programmes lp "
        "WHERE lp.participation_id = l.id AND lp.programme_id = %s)",
        "kind = ANY(%s)",
    ]
    params: list = [indicator.programme_id, list(indicator.kinds)]
    if indicator.roles:
        where.append("role = ANY(%s)")
        params.append(list(indicator.roles))
    if indicator.activity_kinds:
        where.append("activity_kind = ANY(%s)")
        params.append(list(indicator.activity_kinds))
    cumulative = indicator.accumulation == "cumulative"
    columns = [_measure(indicator.measure, "TRUE")]
    for i in range(len(bounds)):
        condition = f"occurred_at < %(e{i})s"
        if not cumulative:
            condition = f"occurred_at >= %(s{i})s AND {condition}"
        columns.append(_measure(indicator.measure, condition))
    named = {f"s{i}": start for i, (start, _end) in enumerate(bounds)}
    named |= {f"e{i}": end for i, (_start, end) in enumerate(bounds)}
    # One style of placeholder per query: the filters' positional ones become named.
    for n, value in enumerate(params):
        named[f"w{n}"] = value
    where_sql = " AND ".join(where)
    for n in range(len(params)):
        where_sql = where_sql.replace("%s", f"%(w{n})s", 1)
    select = ", ".join(columns)
    figures: dict = {"cells": {}}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {select} FROM impact_participation l WHERE {where_sql}",  # noqa: S608
            named,
        )
        total, *periods = cursor.fetchone()
        figures["total"], figures["periods"] = total, periods
        for breakdown in indicator.breakdowns:
            field = breakdown
            if indicator.measure == "activities" and breakdown in ("country", "region"):
                field = f"activity_{breakdown}"
            cursor.execute(
                f"SELECT {field}, {select} FROM impact_participation l "  # noqa: S608
                f"WHERE {where_sql} GROUP BY {field}",
                named,
            )
            figures["cells"][breakdown] = {
                value: (total, periods) for value, total, *periods in cursor.fetchall()
            }
    return figures


def _mismatches(result, figures) -> int:
    """How many of the engine's figures differ from the hand-written SQL's."""
    wrong = int(result.ledger != figures["total"])
    wrong += sum(
        period.ledger != value
        for period, value in zip(result.periods, figures["periods"], strict=True)
    )
    for breakdown, cells in figures["cells"].items():
        wrong += sum(
            result.cells[breakdown].get(value or "", 0) != total
            for value, (total, _periods) in cells.items()
        )
        for i, period in enumerate(result.periods):
            wrong += sum(
                period.cells[breakdown].get(value or "", 0) != periods[i]
                for value, (_total, periods) in cells.items()
            )
    return wrong


# --- The child: timing ---------------------------------------------------------------------


def _median(fn, *, warm_up: bool = True) -> float:
    if warm_up:
        fn()  # the same caches for every run
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _bench() -> list[tuple]:
    from impact.indicators.compute import indicator_compute, indicators_refresh
    from impact.indicators.periods import period_bounds, programme_periods

    programme, other, organiser = _programmes()
    loaded = _load(programme, other)
    indicators = _indicators(programme)
    today = programme.ends_on + timedelta(days=1)
    zone = ZoneInfo(programme.time_zone)
    bounds = {
        indicator.pk: period_bounds(programme_periods(programme, indicator.period), zone)
        for indicator in indicators
    }

    computed = {}

    def engine():
        for indicator in indicators:
            computed[indicator.pk] = indicator_compute(indicator, today=today)

    handwritten = {}

    def by_hand():
        for indicator in indicators:
            handwritten[indicator.pk] = _handwritten(indicator, bounds[indicator.pk])

    engine_s = _median(engine)
    sql_s = _median(by_hand)
    wrong = sum(
        _mismatches(computed[indicator.pk], handwritten[indicator.pk]) for indicator in indicators
    )
    if wrong:
        _say(f"{wrong} figures differ between the engine and the hand-written SQL")
    results = [
        ("impact_ledger_rows", loaded["rows"], "rows"),
        ("impact_ledger_people", loaded["people"], "distinct people"),
        ("impact_compute_all_indicators", round(engine_s, 3), "s"),
        ("impact_handwritten_sql", round(sql_s, 3), "s"),
        ("impact_compute_ratio", round(engine_s / sql_s, 2), "ratio"),
        ("impact_compute_mismatches", wrong, "figures"),
    ]
    indicators_refresh(programme_ids=[programme.pk])
    try:
        from impact.export import donor_export_build, donor_xlsx
    except ImportError as error:
        _say(f"no donor export yet ({error}): impact_donor_export skipped")
        return results
    size = 0

    def export():
        nonlocal size
        size = len(donor_xlsx(donor_export_build(programme=programme, user=organiser)))

    try:
        export_s = _median(export, warm_up=False)  # reads only stored values
    except Exception as error:  # the export is another module's: report the rest
        _say(f"the donor export failed: {error!r}")
        return results
    return [
        *results,
        ("impact_donor_export", round(export_s, 3), "s"),
        ("impact_donor_export_size", round(size / 1024, 1), "KiB"),
    ]


def child() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    import django

    django.setup()
    import logging

    from django.db import connection

    if connection.vendor != "postgresql":
        _say("not PostgreSQL")
        return 2
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    try:
        results = _bench()
    finally:
        connection.close()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(child() if sys.argv[1:] == ["child"] else 0)
