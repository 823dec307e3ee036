"""`make bench`: the site's pages under load, page cache on and off, against a baseline.

    BENCH_DURATION=10 .venv/bin/python -m bench.run

Builds a fresh `iom_bench` PostgreSQL database with the seed content, then runs three
gunicorns side by side on loopback, each with gunicorn.conf.py and 2 sync workers and
production settings: the site with its page cache, the site with PAGE_CACHE=off, and
bench/baseline.py (bare Django returning the same bytes from memory). Each page is
measured with wrk right after its own baseline run. Prints a Markdown table and a verdict
per target of the delivery issue (#16), and writes both to docs/benchmarks.md. Exits 1 when a target is
missed, 2 when the benchmark could not run.
"""

import json
import os
import runpy
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import machine, report, services, wrk
from bench.services import ROOT, Gunicorn, say

DATABASE = "iom_bench"
REDIS_DB = 11
WORKERS = "2"
PAGES = [
    ("home", "/fr/"),
    ("content", "/fr/notre-travail/ce-que-nous-faisons/"),
    ("strategy", "/fr/programme-2030/strategie-migration-developpement-durable/"),
    ("search", "/fr/recherche/?q=migration"),
    # A filtered listing: its query string keeps it out of the page cache, so every mode
    # renders it (the seed's one publication matches these filters; it has no year: its
    # source gives none).
    ("library", "/fr/donnees-et-recherche/publications/?type=rapport&goal=10"),
    # Every live page of three languages with its alternates, outside the language prefix.
    ("sitemap", "/sitemap.xml"),
]
PORTS = {"cached": 8781, "uncached": 8782, "baseline": 8783}


def get(url):
    """(status, headers, body bytes) of an anonymous GET, with no cookies."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, response.headers, response.read()


def site_environment(tmp):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iom_site.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "PUBLIC_BASE_URL": "http://127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "GUNICORN_WORKERS": WORKERS,
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("PAGE_CACHE", None)
    return env


def manage(env, log_dir, *args):
    say(f"  manage.py {' '.join(args)}")
    log = Path(log_dir) / f"manage-{args[0]}.log"
    with open(log, "w") as output:
        completed = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=900,
            check=False,
        )
    if completed.returncode:
        sys.exit(f"manage.py {args[0]} failed:\n{log.read_text()[-3000:]}")


def prepare(env, tmp):
    say(f"Preparing database {DATABASE} (production settings)…")
    services.recreate_database(DATABASE)
    manage(env, tmp, "migrate", "--noinput")
    manage(env, tmp, "load_seed_content")
    manage(env, tmp, "collectstatic", "--noinput")
    # Fresh statistics and no autovacuum of the just-loaded tables during the runs: its
    # scans would show in the cached rows' table-access counts.
    services.psql("VACUUM ANALYZE", database=DATABASE)


def count_queries(env, mode_env):
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.queries", *(path for _, path in PAGES)],
        cwd=ROOT,
        env={**env, **mode_env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if completed.returncode:
        sys.exit(f"Counting queries failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout)


def load(server, path, duration, warmup):
    """wrk after a warm-up with the same command; returns the measured run."""
    wrk.run(server.base + path, warmup)
    return wrk.run(server.base + path, duration)


def measure_site(server, page, path, duration, warmup, baseline_rps, size):
    # For a page served from the page cache, PostgreSQL's own counters prove that not
    # one request of the run reached the database. The window is settled on both sides
    # so that it holds this run's table accesses and no others.
    cross_check = server.name == "cached" and page != "search"
    if cross_check:
        services.settle_statistics()
        before, served_before = services.table_accesses(DATABASE), server.served()
    result = load(server, path, duration, warmup)
    spent = requests = None
    if cross_check:
        services.settle_statistics()
        spent = services.table_accesses(DATABASE) - before
        requests = server.served() - served_before
    _, headers, _ = get(server.base + path)
    row = report.Row(
        page=page,
        path=path,
        mode=server.name,
        wrk=result,
        baseline_rps=baseline_rps,
        db_accesses=spent,
        counted_requests=requests,
        page_cache=headers.get("X-Page-Cache", ""),
        size=size,
    )
    say(
        f"  {page:<9} {server.name:<9} {result.requests_per_second:>9.1f} req/s "
        f"({row.ratio:.3f}×)  p50 {result.p50_ms:.2f} ms  p99 {result.p99_ms:.2f} ms  "
        + (f"{spent} table accesses / {requests} requests  " if cross_check else "")
        + f"X-Page-Cache: {row.page_cache or '(absent)'}"
    )
    return row


def benchmark(servers, bodies, duration, warmup):
    rows = []
    for page, path in PAGES:
        size = len(bodies[path])
        base_result = load(servers["baseline"], path, duration, warmup)
        say(
            f"  {page:<9} baseline  {base_result.requests_per_second:>9.1f} req/s "
            f"          p50 {base_result.p50_ms:.2f} ms  p99 {base_result.p99_ms:.2f} ms"
        )
        rows.append(report.Row(page, path, "baseline", base_result, size=size))
        baseline_rps = base_result.requests_per_second
        # An empty cache, then one visit to fill it: what follows must be all hits.
        services.flush_redis(REDIS_DB)
        get(servers["cached"].base + path)
        for mode in ("cached", "uncached"):
            rows.append(
                measure_site(servers[mode], page, path, duration, warmup, baseline_rps, size)
            )
    return rows


def main():
    duration = int(os.environ.get("BENCH_DURATION", "10"))
    warmup = int(os.environ.get("BENCH_WARMUP", "2"))
    if not shutil.which("wrk"):
        say("wrk is missing: install it with `apt-get install wrk`, then rerun.")
        return 2
    services.ensure_postgres()
    services.ensure_redis()
    described = machine.describe()
    tmp = Path(tempfile.mkdtemp(prefix="iom-bench-"))
    env = site_environment(tmp)
    prepare(env, tmp)
    services.flush_redis(REDIS_DB)

    servers = {}
    try:
        say("Starting gunicorn: cached, uncached (PAGE_CACHE=off), baseline…")
        for mode, page_cache in (("cached", "on"), ("uncached", "off")):
            servers[mode] = Gunicorn(
                mode, "iom_site.wsgi", PORTS[mode], {**env, "PAGE_CACHE": page_cache}, tmp
            )
        for server in servers.values():
            server.wait_ready("/healthz")
        # The baseline serves, from memory, exactly what the site served for each path.
        bodies = {}
        for _, path in PAGES:
            status, _, body = get(servers["uncached"].base + path)
            if status != 200:
                sys.exit(f"{path} answered {status}, not 200: the seed content is missing?")
            bodies[path] = body
        pages_file = tmp / "baseline-pages.json"
        pages_file.write_text(json.dumps({p: b.decode() for p, b in bodies.items()}))
        servers["baseline"] = Gunicorn(
            "baseline",
            "bench.baseline",
            PORTS["baseline"],
            {**env, "BENCH_BASELINE_PAGES": str(pages_file)},
            tmp,
        )
        servers["baseline"].wait_ready(PAGES[0][1])
        for _, path in PAGES:
            if get(servers["baseline"].base + path)[2] != bodies[path]:
                sys.exit(f"The baseline does not serve the site's bytes for {path}.")

        say(f"wrk -t2 -c16 -d{duration}s --latency, {warmup} s warm-up each:")
        rows = benchmark(servers, bodies, duration, warmup)
    finally:
        for server in servers.values():
            server.stop()

    say("Counting SQL queries per request (django.test.Client, production settings)…")
    for mode, page_cache in (("cached", "on"), ("uncached", "off")):
        counted = count_queries(env, {"PAGE_CACHE": page_cache})
        for row in rows:
            if row.mode == mode:
                row.queries = counted[row.path]["queries"]
                row.sql = counted[row.path]["sql"]

    verdicts = report.verdicts(rows)
    extra = os.environ.get("GUNICORN_CMD_ARGS", "")
    command = (
        f"GUNICORN_CMD_ARGS='{extra}' " if extra else ""
    ) + f"BENCH_DURATION={duration} make bench   # .venv/bin/python -m bench.run"
    text = report.document(
        described,
        command,
        settings_lines(duration, warmup),
        rows,
        [line for _, line in verdicts],
        notes(),
    )
    (ROOT / "docs" / "benchmarks.md").write_text(text)
    say()
    say(report.table(rows))
    say()
    say("\n".join(line for _, line in verdicts))
    say("\nWritten to docs/benchmarks.md.")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(met for met, _ in verdicts) else 1


def gunicorn_settings():
    """The values gunicorn.conf.py gives in this environment (it reads a few variables)."""
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def settings_lines(duration, warmup):
    conf = gunicorn_settings()
    return [
        f"`wrk -t2 -c16 -d{duration}s --latency` on 127.0.0.1, after a {warmup} s "
        "warm-up with the same command; pages in the order home, content, strategy, "
        "search, each as baseline, then cached, then uncached.",
        "Three gunicorns side by side, each `gunicorn -c gunicorn.conf.py` with "
        f"`GUNICORN_WORKERS={WORKERS}` (sync"
        + (
            f"; `GUNICORN_CMD_ARGS={os.environ['GUNICORN_CMD_ARGS']}` overriding the file"
            if os.environ.get("GUNICORN_CMD_ARGS")
            else ", everything else as in the file: "
            + (
                f"max_requests {conf['max_requests']} + up to {conf['max_requests_jitter']}"
                if conf["max_requests"]
                else "no recycling"
            )
            + (", preload" if conf["preload_app"] else "")
        )
        + "), production settings "
        "(`iom_site.settings.production`, `DEBUG` off), PostgreSQL database "
        f"`{DATABASE}` rebuilt by `migrate` and `load_seed_content`, cache in Redis "
        f"DB {REDIS_DB} (emptied before each page's cached run, then filled by one "
        "visit), static files collected into a temporary folder.",
        "**cached**: the site as deployed (page cache on). **uncached**: the same site "
        "with `PAGE_CACHE=off`, so every request renders the page, from the data the "
        "content cache keeps in Redis as in production (`iom_site/core/delivery/memo.py`: one "
        "round trip, no SQL once warm). **baseline**: `bench/baseline.py`, "
        "Django with no database, no templates and no middleware, returning from memory "
        "the bytes the site served for that address.",
    ]


def notes():
    return [
        "**× baseline** divides the row's requests per second by those of the baseline "
        "run just before it, on the same address and the same bytes.",
        "**queries**: SQL queries of one anonymous request after a warm one, counted "
        "with `CaptureQueriesContext` through `django.test.Client` in a process with "
        "the same settings and environment as the server.",
        "**DB table accesses / requests served** (page-cached rows): reads "
        "(sequential and index scans) and row writes PostgreSQL itself counted on the "
        "site's tables (`pg_stat_user_tables`, read after its counters settle) over the "
        "warm-up and the load run, and the requests the server answered meanwhile (its "
        "access log: a few more than wrk counts, since requests still queued when wrk "
        "stops are served too). Any ORM query reads or writes a table: 0 means not one "
        "request of the run reached the database.",
        "**X-Page-Cache**: the header of one request after the run (`hit` when the "
        "page came from the page cache; absent when the site has no page cache). The "
        "search is never page-cached.",
        "gunicorn's sync workers close the connection after each response, for the "
        "baseline as for the site, so each request includes a TCP connect on loopback.",
        "gunicorn.conf.py recycles a worker after `GUNICORN_MAX_REQUESTS` requests "
        "(50 000 by default) plus a random jitter of up to half that. Each recycle stalls "
        "its worker for 0.4–1 s on this machine (interpreter teardown, reaping, fork); at "
        "page-cache rates (about a thousand requests a second per worker) a run of 10 s "
        "sees at most one, where recycling every 1 000 requests stalled a worker every "
        "second and dominated the cached rows' p99. `GUNICORN_MAX_REQUESTS=1000 make "
        "bench` shows that cost.",
        "Profile an uncached page with `.venv/bin/python -m bench.profile_request "
        "/fr/` (production settings, the bench database; prints wall-clock and CPU time "
        "per request, then cProfile's listing).",
    ]


def _stop_on_signal(signum, _frame):
    # Turned into an exception so the `finally` blocks stop the gunicorns.
    raise SystemExit(f"Stopped by signal {signum}.")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _stop_on_signal)
    # A bound on the whole run: setup, 4 pages × 3 servers × (warm-up + run), counting.
    signal.signal(signal.SIGALRM, _stop_on_signal)
    signal.alarm(1800 + 12 * (int(os.environ.get("BENCH_DURATION", "10")) + 40))
    started = time.monotonic()
    code = main()
    say(f"({time.monotonic() - started:.0f} s)")
    sys.exit(code)
