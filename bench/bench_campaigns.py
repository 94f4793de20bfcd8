"""A campaign link shared on 25 November, on loopback against the production setup.

The bench starts everything itself: a fresh PostgreSQL database (``linkage_bench_http``),
migrated under ``config.settings.production``, Redis as the cache (and as the broker:
production refuses to start without one; e-mails are queued there for workers that this
bench does not run, then purged), ``collectstatic`` into a temporary ``STATIC_ROOT``, a
campaign page with sixteen days and two partners, and gunicorn with the README's
production command (``gunicorn config.wsgi --workers 4``: 2 × the cores of a small
server) on a free loopback port. A stdlib asyncio client (HTTP/1.1, one connection per
request, as gunicorn's sync workers answer) then drives, with 16 visitors at once:

- the campaign page as anonymous visitors get it (from the page cache), and a static file
  of exactly the same size served by WhiteNoise in the same gunicorn, ten seconds each in
  five alternating turns (whatever else the machine does weighs on both alike);
- the campaign page rendered for every request (a query string keeps it out of the
  cache), five seconds;

and reports requests per second, median and 95th-percentile latency, and the ratio of the
cached page to the static file (goal: 0.8 or more). Then it posts 500 pledges at once, with
100 deliberate duplicates of some of them (the same address again, in capitals, or as a
Gmail alias) in flight beside their originals, and counts the pledges in the database:
pledges per second, lost and duplicated (both must be 0).

Everything is torn down at the end, even after an error: gunicorn stopped, the database
dropped, the bench's Redis databases emptied. Without PostgreSQL, Redis or gunicorn the
bench says why and reports nothing.

The migrated empty database is kept as a template named after a digest of every migration
and installed package (``linkage_bench_http_tpl_<digest>``): a run after the first clones
it in a second instead of migrating for a minute or two. ``BENCH_HTTP_TEMPLATE=0`` migrates
from scratch (and keeps no template).
"""

import asyncio
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DATABASE = "linkage_bench_http"
TEMPLATE_PREFIX = "linkage_bench_http_tpl_"
# Two Redis databases of the bench's own, emptied before and after.
CACHE_URL = os.environ.get("BENCH_HTTP_REDIS_URL", "redis://127.0.0.1:6379/12")
BROKER_URL = os.environ.get("BENCH_HTTP_BROKER_URL", "redis://127.0.0.1:6379/13")
WORKERS = 4  # README, "Production topology"
CONCURRENCY = 16
SECONDS = 10.0
ROUNDS = 5
UNCACHED_SECONDS = 5.0
WARM_UP = 100
PLEDGES = 500
DUPLICATES = 100
PLEDGE_CONCURRENCY = 32
STATIC_NAME = "bench-campaign-page.html"
HOST = "127.0.0.1"


def _say(message: str) -> None:
    print(f"(bench_campaigns: {message})", file=sys.stderr, flush=True)


# --- Services ---------------------------------------------------------------------------------


def _database_url(name: str) -> str:
    parts = urlsplit(PG_ADMIN_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin_connection():
    import psycopg

    return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)


def _unavailable() -> str:
    """Why the bench cannot run here, or ""."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    if not gunicorn.exists():
        return f"no gunicorn at {gunicorn}"
    try:
        with _admin_connection() as connection:
            connection.execute("SELECT 1")
    except Exception as error:
        return f"no PostgreSQL at {PG_ADMIN_URL}: {' '.join(str(error).split())}"
    try:
        import redis

        for url in (CACHE_URL, BROKER_URL):
            redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except Exception as error:
        return f"no Redis at {CACHE_URL}: {error}"
    return ""


def _redis_empty() -> None:
    import redis

    for url in (CACHE_URL, BROKER_URL):
        redis.Redis.from_url(url, socket_connect_timeout=3).flushdb()


def _digest() -> str:
    """Of every migration and every installed package's version: a template database made
    from another set is never used."""
    from importlib.metadata import distributions

    digest = hashlib.sha256()
    for top in ("site", "courses", "events", "mentors", "campaigns"):
        for path in sorted((ROOT / top).glob("**/migrations/*.py")):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()[:16]


def _drop(connection, name: str) -> None:
    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _database_create(env: dict) -> None:
    """A fresh, migrated ``linkage_bench_http``: cloned from the template of this code's
    migrations (made first if there is none), or migrated from scratch."""
    use_template = os.environ.get("BENCH_HTTP_TEMPLATE", "1") != "0"
    template = TEMPLATE_PREFIX + _digest()
    with _admin_connection() as connection:
        _drop(connection, DATABASE)
        names = [row[0] for row in connection.execute("SELECT datname FROM pg_database")]
        for stale in names:
            if stale.startswith(TEMPLATE_PREFIX) and stale != template:
                _drop(connection, stale)
        if not use_template:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')
        elif template not in names:
            connection.execute(f'CREATE DATABASE "{template}"')
    if not use_template:
        _manage(env, "migrate", "--noinput", "-v0")
        return
    if template not in names:
        _say(f"migrating a template database {template} (once for this code)")
        try:
            _manage({**env, "DATABASE_URL": _database_url(template)}, "migrate", "--noinput", "-v0")
        except BaseException:
            with _admin_connection() as connection:
                _drop(connection, template)
            raise
    with _admin_connection() as connection:
        connection.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE "{template}"')


def _database_drop() -> None:
    with _admin_connection() as connection:
        _drop(connection, DATABASE)


def _pledge_counts(campaign_key: str) -> tuple[int, int]:
    import psycopg

    with psycopg.connect(_database_url(DATABASE), connect_timeout=3) as connection:
        row = connection.execute(
            "SELECT count(*), count(DISTINCT email_digest) FROM campaigns_pledge "
            "WHERE campaign_key = %s",
            (campaign_key,),
        ).fetchone()
    return row[0], row[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _environment(work: Path) -> dict:
    from cryptography.fernet import Fernet

    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        LINKAGE_FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=_database_url(DATABASE),
        DATABASE_CONN_MAX_AGE="60",
        REDIS_URL=CACHE_URL,
        CELERY_BROKER_URL=BROKER_URL,
        CELERY_RESULT_BACKEND="",
        # Queued, never sent: no worker runs.
        EMAIL_HOST=HOST,
        EMAIL_PORT="2525",
        LINKAGE_BASE_URL=f"https://{HOST}",
        STATIC_ROOT=str(work / "static"),
        MEDIA_ROOT=str(work / "media"),
        LINKAGE_PAGE_CACHE_SECONDS="300",
        # Every pledge comes from 127.0.0.1: the per-address limit stays as in production.
        CAMPAIGNS_PLEDGE_LIMIT_PER_IP="1000000",
        LOG_LEVEL="WARNING",
        PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'site'}",
    )
    return env


def _manage(env: dict, *args: str) -> None:
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {args[0]} failed: {result.stderr.strip()[-2000:]}")


def _setup(env: dict) -> dict:
    """The campaign, made by this file in a child process under production settings."""
    result = subprocess.run(  # noqa: S603 - this file, fixed arguments
        [sys.executable, str(Path(__file__).resolve()), "setup"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"setting up the campaign failed: {result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _gunicorn_start(env: dict, port: int, log: Path) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi",
        "--workers",
        str(WORKERS),
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
    ]
    with log.open("wb") as output:
        server = subprocess.Popen(  # noqa: S603 - the venv's gunicorn, fixed arguments
            command,
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start within a minute")


def _gunicorn_stop(server: subprocess.Popen | None) -> None:
    if server is None or server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)  # the master stops its workers
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # its own session: only our processes
        server.wait(timeout=10)


def _log_tail(log: Path) -> None:
    if log.exists():
        tail = log.read_text(errors="replace").strip()[-3000:]
        if tail:
            _say(f"gunicorn said:\n{tail}")


# --- The client -------------------------------------------------------------------------------


def _request_bytes(port: int, method: str, path: str, headers=(), body: bytes = b"") -> bytes:
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {HOST}:{port}",
        # What the TLS proxy in front of gunicorn says (SECURE_PROXY_SSL_HEADER).
        "X-Forwarded-Proto: https",
        "Connection: close",
        *headers,
    ]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _exchange(port: int, raw: bytes) -> tuple[int, dict[str, str], int, float]:
    """(status, headers, body size, seconds) of one request on a connection of its own."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(raw)
        data = await reader.read(-1)  # Connection: close
    finally:
        writer.close()
    elapsed = time.perf_counter() - start
    head, _sep, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _sep, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, len(body), elapsed


class _Tally:
    """What the client saw of one address: latencies, statuses, X-Cache, body sizes."""

    def __init__(self):
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.cache: Counter = Counter()
        self.sizes: set[int] = set()
        self.seconds = 0.0

    def summary(self) -> dict:
        latencies = self.latencies
        return {
            "requests": len(latencies),
            "rps": round(len(latencies) / self.seconds),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(statistics.quantiles(latencies, n=20)[18] * 1000, 1),
            "not_ok": sum(n for status, n in self.statuses.items() if status != 200),
            "hits": self.cache["hit"],
            "bytes": max(self.sizes),
        }


async def _burst(port: int, raw: bytes, seconds: float, tally: _Tally) -> None:
    """CONCURRENCY visitors asking for ``raw`` one after another for ``seconds``."""
    deadline = time.perf_counter() + seconds

    async def visitor():
        while time.perf_counter() < deadline:
            try:
                status, headers, size, elapsed = await _exchange(port, raw)
            except OSError:
                tally.statuses["error"] += 1
                continue
            tally.latencies.append(elapsed)
            tally.statuses[status] += 1
            tally.cache[headers.get("x-cache", "-")] += 1
            tally.sizes.add(size)

    start = time.perf_counter()
    await asyncio.gather(*(visitor() for _ in range(CONCURRENCY)))
    tally.seconds += time.perf_counter() - start


async def _load(port: int, requests: dict[str, bytes], seconds: float) -> dict[str, dict]:
    """Each request for ``seconds`` in all, in ROUNDS turns taken in alternation, so that
    whatever else the machine is doing weighs on each alike."""
    for raw in requests.values():  # every worker has the page and its templates
        for _ in range(WARM_UP // CONCURRENCY + 1):
            await asyncio.gather(*(_exchange(port, raw) for _ in range(CONCURRENCY)))
    tallies = {name: _Tally() for name in requests}
    for _round in range(ROUNDS):
        for name, raw in requests.items():
            await _burst(port, raw, seconds / ROUNDS, tallies[name])
    return {name: tally.summary() for name, tally in tallies.items()}


def _pledge_addresses() -> tuple[list[str], int]:
    """Every address to submit, each duplicate right after its original so the two are in
    flight together; and how many distinct pledgers they are."""
    addresses = []
    for n in range(PLEDGES):
        if n < DUPLICATES:
            original = f"bench.pledger.{n}@gmail.com"
            duplicate = (
                original,  # a double click
                original.upper(),  # the same address in capitals
                f"benchpledger{n}+16days@googlemail.com",  # a Gmail alias of it
            )[n % 3]
            addresses += [original, duplicate]
        else:
            addresses.append(f"pledger{n}@example.org")
    return addresses, PLEDGES


async def _pledge(port: int, page_id: int) -> dict:
    addresses, distinct = _pledge_addresses()
    path = f"/campaign-pledges/pledge/{page_id}/"
    headers = (
        f"Origin: https://{HOST}:{port}",
        "Content-Type: application/x-www-form-urlencoded",
    )
    requests = [
        _request_bytes(
            port,
            "POST",
            path,
            headers,
            urlencode(
                {
                    "kind": "individual",
                    "display_name": f"Pledger {n}",
                    "email": address,
                    "country": "LT",
                    "wall": "on" if n % 2 else "",
                    "contact_consent": "on" if n % 3 else "",
                }
            ).encode(),
        )
        for n, address in enumerate(addresses)
    ]
    gate = asyncio.Semaphore(PLEDGE_CONCURRENCY)
    statuses: Counter = Counter()

    async def send(raw):
        async with gate:
            try:
                status, *_rest = await _exchange(port, raw)
            except OSError:
                status = "error"
            statuses[status] += 1

    start = time.perf_counter()
    await asyncio.gather(*(send(raw) for raw in requests))
    seconds = time.perf_counter() - start
    return {
        "submitted": len(requests),
        "distinct": distinct,
        "per_s": round(len(requests) / seconds),
        "not_303": sum(n for status, n in statuses.items() if status != 303),
    }


async def _drive(port: int, page: dict) -> list[tuple]:
    get = _request_bytes
    compared = await _load(
        port,
        {
            "cached": get(port, "GET", page["url"]),
            "static": get(port, "GET", f"/static/{STATIC_NAME}"),
        },
        SECONDS,
    )
    cached, static = compared["cached"], compared["static"]
    uncached = (
        await _load(
            port, {"uncached": get(port, "GET", page["url"] + "?bench=uncached")}, UNCACHED_SECONDS
        )
    )["uncached"]
    pledges = await _pledge(port, page["id"])
    stored, stored_distinct = _pledge_counts(page["campaign_key"])
    # Two rows for one pledger, or a variant of an address counted as a pledger of its own.
    duplicated = stored - stored_distinct + max(stored_distinct - pledges["distinct"], 0)
    if cached["hits"] == 0:
        _say("the campaign page was never served from the cache")
    return [
        ("campaign_page_bytes", cached["bytes"], "bytes"),
        ("static_file_bytes", static["bytes"], "bytes"),
        ("campaign_page_rps", cached["rps"], "req/s"),
        ("campaign_page_p50_ms", cached["p50_ms"], "ms"),
        ("campaign_page_p95_ms", cached["p95_ms"], "ms"),
        ("campaign_page_cache_hits_pct", round(100 * cached["hits"] / cached["requests"]), "%"),
        ("static_file_rps", static["rps"], "req/s"),
        ("static_file_p50_ms", static["p50_ms"], "ms"),
        ("static_file_p95_ms", static["p95_ms"], "ms"),
        ("campaign_to_static_ratio", round(cached["rps"] / static["rps"], 2), "ratio"),
        ("campaign_page_uncached_rps", uncached["rps"], "req/s"),
        ("campaign_page_uncached_p50_ms", uncached["p50_ms"], "ms"),
        ("campaign_page_uncached_p95_ms", uncached["p95_ms"], "ms"),
        ("campaign_cached_to_uncached_ratio", round(cached["rps"] / uncached["rps"], 1), "ratio"),
        ("http_errors", cached["not_ok"] + static["not_ok"] + uncached["not_ok"], "responses"),
        ("pledges_per_s", pledges["per_s"], "pledges/s"),
        ("pledges_submitted", pledges["submitted"], "requests"),
        ("pledges_not_303", pledges["not_303"], "responses"),
        ("pledges_lost", max(pledges["distinct"] - stored_distinct, 0), "pledges"),
        ("pledges_duplicated", duplicated, "pledges"),
    ]


async def _static_copy(server: subprocess.Popen, port: int, page: dict, path: Path) -> None:
    """A file of as many bytes as the campaign page, in STATIC_ROOT, served by WhiteNoise
    (which reads STATIC_ROOT when a worker starts: the workers are restarted with HUP)."""
    status, _headers, size, _seconds = await _exchange(
        port, _request_bytes(port, "GET", page["url"])
    )
    if status != 200:
        raise RuntimeError(f"the campaign page answered {status}")
    path.write_bytes(b"x" * size)
    server.send_signal(signal.SIGHUP)
    copy = _request_bytes(port, "GET", f"/static/{path.name}")
    deadline = time.monotonic() + 300  # workers boot slowly on a busy machine
    served = 0
    while served < 2 * WORKERS * 4:  # new workers only: the old ones answered 404
        if time.monotonic() > deadline:
            raise RuntimeError("the static copy is not served")
        status, _headers, copied, _seconds = await _exchange(port, copy)
        served = served + 1 if (status, copied) == (200, size) else 0
        if not served:
            await asyncio.sleep(0.2)


async def _bench(server: subprocess.Popen, port: int, page: dict, static: Path) -> list[tuple]:
    await _static_copy(server, port, page, static)
    return await _drive(port, page)


def run():
    reason = _unavailable()
    if reason:
        print(f"bench_campaigns: skipped ({reason})", flush=True)
        return []
    work = Path(tempfile.mkdtemp(prefix="linkage-bench-http-"))
    server = None
    try:
        port = _free_port()
        env = _environment(work)
        _redis_empty()
        _database_create(env)
        _manage(env, "collectstatic", "--noinput", "-v0")
        page = _setup(env)
        server = _gunicorn_start(env, port, work / "gunicorn.log")
        return asyncio.run(_bench(server, port, page, work / "static" / STATIC_NAME))
    except BaseException:
        _log_tail(work / "gunicorn.log")
        raise
    finally:
        _gunicorn_stop(server)
        for step in (_database_drop, _redis_empty):
            try:
                step()
            except Exception as error:
                _say(f"clean-up step {step.__name__} failed: {error}")
        shutil.rmtree(work, ignore_errors=True)


# --- The campaign (a child process under production settings) ------------------------------


def _campaign() -> dict:
    import django

    django.setup()
    import logging

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from tests.factories.campaigns import campaign_page, partner_page

    campaign = campaign_page(
        days=16,
        intro="Sixteen days to end violence against women: act, share, pledge.",
        key_messages=[
            ("message", "Violence against women is preventable."),
            ("message", "Every agency has a part: police, social services, health, NGOs."),
            ("message", "Believe her, and refer her to specialist support."),
        ],
        body=[
            (
                "paragraph",
                "<p>From 25 November to 10 December, programmes across Europe run the 16 "
                "Days of Activism. Join a debate, light a landmark orange, pledge.</p>",
            )
        ],
    )
    partner_page(campaign, title="Albania", organisation="Women's Rights Centre", country="AL")
    partner_page(campaign, title="Kosovo", organisation="Kosovo Women's Network", country="XK")
    return {"url": campaign.url, "id": campaign.pk, "campaign_key": str(campaign.translation_key)}


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    if sys.argv[1:2] == ["setup"]:
        print(json.dumps(_campaign()), flush=True)
