"""PostgreSQL restarts in the middle of load: visitors of a production server see errors
only while it restarts (plus one second), each one the friendly 503 with Retry-After, and
only pages from then on.

The restart is done to a private PostgreSQL (tests/helpers/faults.py), never the machine's own.
"""

import subprocess
import time

from django.db import connection

import pytest

from iom_site.core.seed.site_setup import ensure_site
from tests.helpers.faults import (
    Probe,
    collectstatic,
    manage,
    measure,
    private_postgres,
    private_redis,
    production_env,
)
from tests.helpers.servers import database_url_of_tests, gunicorn

PAGES = ("/fr/", "/en/", "/es/")


def _copy_test_database(target):
    """The test database is already migrated: copying it (a few seconds) spares the private
    server a full migrate (about twenty)."""
    source = database_url_of_tests()
    dump = subprocess.run(  # noqa: S603
        [target.bin / "pg_dump", "--no-owner", "--no-privileges", "-d", source],
        check=True,
        capture_output=True,
        timeout=120,
    )
    subprocess.run(  # noqa: S603
        [target.bin / "psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", target.url],
        input=dump.stdout,
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.django_db(transaction=True)
def test_a_postgresql_restart_costs_at_most_the_restart_plus_one_second(tmp_path):
    with private_postgres() as database, private_redis() as cache:
        env = production_env(database.url, cache.url, tmp_path / "static")
        if connection.vendor == "postgresql":
            ensure_site()
            _copy_test_database(database)
        else:  # a local run on SQLite: build the schema (and the skeleton) from scratch
            manage(env, "migrate", "--noinput")
        collectstatic(env)
        log = tmp_path / "gunicorn.log"
        with open(log, "w") as output, gunicorn(env, workers=2, output=output) as (base, _):
            urls = [base + path for path in PAGES]
            with Probe(urls, threads=4) as probe:
                # Each worker's first page is slow (imports, templates, the pool opening):
                # the fault comes once both serve pages, then after 2 s of steady load.
                probe.wait_for_pages(20, timeout=60)
                time.sleep(2)
                restart_start = time.monotonic()
                database.restart(mode="fast")
                restart_end = time.monotonic()
                time.sleep(5)  # and after it
        samples = probe.sorted_samples()
    server_log = log.read_text()
    window = measure(samples, restart_start, restart_end, grace=1.0)
    # What this run measured, in every failure message.
    summary = (
        f"restart {restart_end - restart_start:.2f} s, {window.requests} requests, "
        f"{window.errors} errors over {window.error_window:.2f} s, "
        f"first page {window.recovery} s after the restart"
    )

    before = [s for s in samples if s.answered < restart_start]
    after = [s for s in samples if s.answered > restart_end + 1.0]
    assert all(s.status == 200 for s in before), [(s.status, s.excerpt[:300]) for s in before]
    # The server kept serving: dozens of pages come back in those 4 s, even on a busy machine.
    assert len(after) >= 20, (summary, server_log[-3000:])
    assert window.confined, (
        f"{summary}; errors outside [restart, restart + {restart_end - restart_start:.2f} s + 1 s]: "
        + str(
            [(round(s.answered - restart_start, 2), s.status) for s in samples if s.status != 200]
        )
    )
    assert all(s.status == 200 for s in after)
    assert not window.unfriendly, [(s.status, s.excerpt[:300]) for s in window.unfriendly]
    assert "Traceback" not in server_log, server_log[-3000:]
