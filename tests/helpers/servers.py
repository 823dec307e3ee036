"""Real gunicorn servers on loopback for the tests that need a whole process."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def database_url_of_tests(snapshot_dir=None):
    """The URL of the database the tests run on, for servers started in other processes.

    SQLite's test database lives in this process's memory, where no other process can
    open it: with ``snapshot_dir``, it is copied to a file there and that file's URL is
    returned (the servers then see what the test had committed when it asked)."""
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        if not connection.is_in_memory_db():
            return f"sqlite:///{settings['NAME']}"
        if snapshot_dir is None:
            raise RuntimeError("SQLite's in-memory test database: pass snapshot_dir")
        return f"sqlite:///{sqlite_snapshot(Path(snapshot_dir) / 'tests.sqlite3')}"
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def sqlite_snapshot(path):
    """Copy the in-memory SQLite test database to ``path`` (sqlite3's online backup)."""
    import sqlite3

    from django.db import connection

    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env, workers=1, output=None):
    """Yields (base URL, process); the server is stopped on exit. Its output goes to a
    pipe (read it with output_of) unless `output`, an open file, is given: under sustained
    load the access log would fill the pipe and block the workers."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "iom_site.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE if output is None else output,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            break
        except OSError:  # not listening yet
            time.sleep(0.3)
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=20)


def get(url, language="fr"):
    request = urllib.request.Request(url, headers={"Accept-Language": language})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def output_of(process):
    process.terminate()
    return process.communicate(timeout=20)[0]
