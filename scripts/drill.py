"""Fault drills (`make drill`): a production server under wrk load while its database,
its cache or one of its workers fails, and what visitors saw.

Everything runs on loopback against a private PostgreSQL and a private Redis
(tests/helpers/faults.py), loaded with the seed content, so the machine's own services are never
touched. A probe sends ~50 requests a second beside wrk and records each answer's time
and status: the error window is measured to the request. Bounded: about four minutes.

    .venv/bin/python scripts/drill.py            # print the table
    .venv/bin/python scripts/drill.py --record   # and write it into docs/reliability.md
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.faults import (  # noqa: E402
    Probe,
    collectstatic,
    manage,
    measure,
    private_postgres,
    private_redis,
    production_env,
)
from tests.helpers.servers import get, gunicorn  # noqa: E402

WORKERS = 2
BEFORE = 5.0  # seconds of steady load before each fault
AFTER = 8.0  # and after the outage ends
OUTAGE = 10.0  # how long a stopped service stays down
GRACE = 1.0  # errors allowed after the outage ends (issue #9)
PROBE_RATE = 50
# Real pages of the seed site in the three languages (the warm-up drops any that is not 200).
PAGES = (
    "/fr/",
    "/en/",
    "/es/",
    "/fr/qui-sommes-nous/",
    "/fr/qui-sommes-nous/structure/",
    "/fr/programme-2030/",
    "/fr/partenariats/",
    "/en/who-we-are/structure/",
    "/es/quienes-somos/estructura/",
)
REPORT = ROOT / "docs" / "reliability.md"
# Every answer the probe recorded and the server logs, per run, for a closer look.
DETAILS = ROOT / "var" / "drill"
BEGIN, END = "<!-- drill:begin -->", "<!-- drill:end -->"

WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


@dataclass
class Row:
    drill: str
    page_cache: bool
    requests: int
    errors: int
    probe_errors: str
    error_window: float
    outage: float
    recovery: float | None
    confined: bool
    note: str = ""


def say(text=""):
    """A report line, flushed at once: the drills take minutes."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def wrk_binary():
    found = shutil.which("wrk") or ("/usr/bin/wrk" if os.path.exists("/usr/bin/wrk") else None)
    if not found:
        sys.exit("drill: wrk not found; install it with `apt-get install wrk`")
    return found


def start_wrk(wrk, base, paths, duration, script_dir):
    script = Path(script_dir) / "paths.lua"
    script.write_text(WRK_SCRIPT % ", ".join(f'"{path}"' for path in paths))
    return subprocess.Popen(  # noqa: S603 - fixed program, loopback URL
        [wrk, "-t2", "-c4", f"-d{int(duration)}s", "--timeout", "10s", "-s", str(script), base],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wrk_counts(output):
    total = re.search(r"^\s*(\d+) requests in", output, re.M)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if not total:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    # wrk prints the last two lines only when their counts are not zero.
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(n) for n in sockets.groups()) if sockets else 0
    )
    return int(total.group(1)), errors


def children(pid):
    """Process ids whose parent is `pid` (gunicorn's workers)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: fields follow the last ")".
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def kill_worker(master):
    """kill -9 one worker; the outage lasts until the master has started its replacement."""
    before = children(master.pid)
    victim = min(before)
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if children(master.pid) - before:
            return
        time.sleep(0.02)
    raise RuntimeError("gunicorn did not replace the killed worker within 30 s")


def pg_stop_start(database):
    database.stop(mode="fast")
    time.sleep(OUTAGE)
    database.start()


def redis_stop_start(cache):
    cache.stop()
    time.sleep(OUTAGE)
    cache.start()


def run_drill(name, fault, base, paths, wrk, tmp, page_cache):
    expected = BEFORE + AFTER + (OUTAGE if "stop" in name else 1.0)
    load = start_wrk(wrk, base, paths, expected + 2, tmp)
    with Probe([base + path for path in paths], threads=12, rate=PROBE_RATE) as probe:
        time.sleep(BEFORE)
        start = time.monotonic()
        fault()
        end = time.monotonic()
        time.sleep(AFTER)
    # The probe stops first: its last answers came while wrk still ran.
    samples = [s for s in probe.sorted_samples() if s.sent >= start - BEFORE]
    output = load.communicate(timeout=expected + 60)[0]
    wrk_requests, wrk_errors = wrk_counts(output)
    window = measure(samples, start, end, grace=GRACE)
    slug = re.sub(r"[^a-z0-9]+", "-", f"{name} cache {page_cache}".lower()).strip("-")
    (DETAILS / f"{slug}.json").write_text(
        json.dumps(
            {
                "outage": [0.0, round(end - start, 3)],
                "wrk": output,
                # (sent, answered, status) in seconds from the start of the fault.
                "samples": [
                    (round(s.sent - start, 3), round(s.answered - start, 3), s.status)
                    for s in samples
                ],
            }
        )
    )
    kinds = {}
    for sample in samples:
        if sample.status != 200:
            key = "503 friendly" if sample.friendly else (str(sample.status or "no answer"))
            kinds[key] = kinds.get(key, 0) + 1
    return Row(
        drill=name,
        page_cache=page_cache,
        requests=wrk_requests + window.requests,
        errors=wrk_errors + window.errors,
        probe_errors=", ".join(f"{n} × {kind}" for kind, n in sorted(kinds.items())) or "—",
        error_window=window.error_window,
        outage=end - start,
        recovery=window.recovery,
        confined=window.confined,
    )


def page_paths(base):
    served = [path for path in PAGES if get(base + path)[0] == 200]
    if len(served) < 3:
        raise RuntimeError(f"the seed site answers too few pages: {served}")
    return served


def table(rows):
    head = (
        "| drill | page cache | requests | errors | probe errors | error window (s) "
        "| outage (s) | recovery (s) | verdict |\n| --- | --- | ---: | ---: | --- | ---: | ---: "
        "| ---: | --- |\n"
    )
    lines = [
        f"| {row.drill} | {'on' if row.page_cache else 'off'} | {row.requests} | {row.errors} "
        f"| {row.probe_errors} | {row.error_window:.2f} | {row.outage:.2f} "
        f"| {'—' if row.recovery is None else f'{row.recovery:.2f}'} "
        f"| {'pass' if row.confined else 'FAIL'} |"
        for row in rows
    ]
    return head + "\n".join(lines) + "\n"


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = int(line.split()[1]) // (1024 * 1024)
    postgres = subprocess.run(  # noqa: S603
        [str(next(Path("/usr/lib/postgresql").glob("*/bin/postgres"))), "--version"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    redis = subprocess.run(
        ["redis-server", "--version"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()[2]
    return (
        f"{platform.node()}: {os.cpu_count()} × {cpu}, {memory} GiB, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"{postgres}, Redis {redis.removeprefix('v=')}, gunicorn {WORKERS} sync workers"
    )


def record(rows, when, where):
    text = REPORT.read_text()
    block = f"{BEGIN}\nRun on {when}, {where}.\n\n{table(rows)}{END}"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text += "\n" + block + "\n"
    REPORT.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--record", action="store_true", help=f"write the table into {REPORT}")
    parser.add_argument(
        "--no-cached-variant",
        action="store_true",
        help="skip the second round with the page cache on",
    )
    options = parser.parse_args()
    wrk = wrk_binary()
    started = time.monotonic()
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = []
    DETAILS.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="iom-drill-") as tmp,
        private_postgres("iom_drill") as database,
        private_redis() as cache,
    ):
        say(f"drill: private PostgreSQL on :{database.port}, Redis on :{cache.port}")
        base_env = production_env(database.url, cache.url, Path(tmp) / "static")
        say("drill: migrating and loading the seed content (about a minute)")
        manage(base_env, "migrate", "--noinput")
        manage(base_env, "load_seed_content")
        collectstatic(base_env)
        rounds = [False] if options.no_cached_variant else [False, True]
        for page_cache in rounds:
            env = production_env(database.url, cache.url, Path(tmp) / "static", page_cache)
            log_path = Path(tmp) / f"gunicorn-cache-{page_cache}.log"
            with (
                open(log_path, "w") as log,
                gunicorn(env, workers=WORKERS, output=log) as (base, master),
            ):
                paths = page_paths(base)
                # Both workers render (and, page cache on, cache) every page before a fault.
                probe = Probe([base + path for path in paths], threads=4)
                with probe:
                    probe.wait_for_pages(6 * len(paths), timeout=120)
                drills = [
                    ("(a) PostgreSQL restart", lambda: database.restart(mode="fast")),
                    ("(b) PostgreSQL stopped 10 s", lambda: pg_stop_start(database)),
                    ("(c) Redis stopped 10 s", lambda: redis_stop_start(cache)),
                    ("(d) kill -9 one worker", lambda m=master: kill_worker(m)),
                ]
                if page_cache:  # the cache matters for these; (d) is the same either way
                    drills = drills[:3]
                for name, fault in drills:
                    label = f"{name}, page cache {'on' if page_cache else 'off'}"
                    say(f"drill: {label}")
                    rows.append(run_drill(name, fault, base, paths, wrk, tmp, page_cache))
            server_log = log_path.read_text()
            shutil.copy(log_path, DETAILS / log_path.name)
            say(
                f"drill: server log (page cache {'on' if page_cache else 'off'}): "
                f"{server_log.count('Database unreachable, answering 503')} × 'Database "
                f"unreachable' (once per incident and worker), "
                f"{server_log.count('Cache unreachable')} × 'Cache unreachable', "
                f"{server_log.count('Traceback')} tracebacks",
            )
    say()
    say(table(rows))
    where = machine()
    say(f"{when}, {where}; {time.monotonic() - started:.0f} s")
    say(f"every answer and the server logs: {DETAILS.relative_to(ROOT)}/")
    if options.record:
        record(rows, when, where)
        say(f"recorded in {REPORT.relative_to(ROOT)}")
    return 0 if all(row.confined for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
