"""The processes the benchmark needs: PostgreSQL and Redis (started only when they do not
answer, never stopped: other people may use them) and the gunicorns it runs itself
(always stopped, whatever happens)."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def say(text=""):
    """The benchmark's progress and results, on stdout, as they come."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]


def _answers(command):
    try:
        return (
            subprocess.run(  # noqa: S603 - fixed local programs
                command, capture_output=True, timeout=10, check=False
            ).returncode
            == 0
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


def _wait_for(command, what, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _answers(command):
            return
        time.sleep(0.5)
    sys.exit(f"{what} did not start within {seconds} s.")


def ensure_postgres():
    ready = ["pg_isready", "-q", *PG]
    if _answers(ready):
        return
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    say(f"PostgreSQL is not answering: starting cluster {version}/main.")
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"],  # noqa: S607
        check=True,
        timeout=60,
    )
    _wait_for(ready, "PostgreSQL")


def ensure_redis():
    ping = ["redis-cli", "-h", "127.0.0.1", "ping"]
    if _answers(ping):
        return
    say("Redis is not answering: starting redis-server.")
    subprocess.run(["redis-server", "--daemonize", "yes"], check=True, timeout=30)  # noqa: S607
    _wait_for(ping, "Redis")


def flush_redis(db):
    """Empties that one database: other Redis databases belong to other people."""
    subprocess.run(  # noqa: S603
        ["redis-cli", "-h", "127.0.0.1", "-n", str(db), "FLUSHDB"],  # noqa: S607
        check=True,
        capture_output=True,
        timeout=30,
    )


def psql(sql, database="postgres", **variables):
    """One statement (on the maintenance database unless told); :'name' in it quotes a
    variable."""
    settings = [arg for name, value in variables.items() for arg in ("-v", f"{name}={value}")]
    completed = subprocess.run(  # noqa: S603
        ["psql", *PG, "-d", database, "-v", "ON_ERROR_STOP=1", *settings, "-At"],  # noqa: S607
        input=sql,  # read from stdin, where psql substitutes variables
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return completed.stdout.strip()


def recreate_database(name):
    subprocess.run(  # noqa: S603
        ["dropdb", *PG, "--if-exists", "--force", name],  # noqa: S607
        check=True,
        timeout=60,
    )
    subprocess.run(["createdb", *PG, name], check=True, timeout=60)  # noqa: S603, S607


def table_accesses(database):
    """Reads (sequential and index scans) and row writes PostgreSQL has counted on the
    site's tables so far. Every ORM query reads or writes at least one of them, so a
    difference of 0 across a load run means not one request reached the database.
    (Transaction counts would not do: autovacuum's own transactions show up there.)"""
    return int(
        psql(
            "SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0) + n_tup_ins + n_tup_upd"
            " + n_tup_del), 0) FROM pg_stat_user_tables",
            database=database,
        )
    )


def settle_statistics():
    """A backend that went idle less than a second after its last report holds its
    counters back for up to PGSTAT_IDLE_INTERVAL (10 s, PostgreSQL 15): wait that out."""
    time.sleep(11)


class Gunicorn:
    """One gunicorn master on 127.0.0.1:<port> with the site's gunicorn.conf.py; its
    output goes to a file (a pipe nobody reads would fill up and block it)."""

    def __init__(self, name, app, port, env, log_dir):
        self.name = name
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = Path(log_dir) / f"{name}.log"
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", app],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=self._log,
            stderr=subprocess.STDOUT,
            # Its own session: Ctrl-C reaches this script, which stops it in order.
            start_new_session=True,
        )

    def served(self):
        """Requests this server has answered so far, from its access log: unlike wrk's
        count, it includes those still queued when wrk stopped."""
        return self.log_path.read_text(errors="replace").count('"GET ')

    def wait_ready(self, path, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.base + path, timeout=5):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.5)
        self.stop()
        tail = self.log_path.read_text(errors="replace")[-3000:]
        sys.exit(f"gunicorn {self.name} did not start; its log ends with:\n{tail}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()  # graceful: the master stops its workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                # The master's own process group (start_new_session): its workers too.
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._log.close()
