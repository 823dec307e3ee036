"""Private PostgreSQL and Redis servers on free loopback ports, for fault tests and drills.

The machine's own PostgreSQL and Redis serve everyone else's tests: faults are injected
only into these throwaway instances, which live in a temporary folder and are stopped and
removed on exit, whatever happens.
"""

import http.client
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.servers import ROOT, free_port


def _postgres_bin():
    configured = os.environ.get("PG_BIN")
    if configured:
        return Path(configured)
    # Debian installs each major version side by side; take the newest.
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name)
    )
    if not versions:
        raise RuntimeError("PostgreSQL server binaries not found under /usr/lib/postgresql")
    return versions[-1]


class PrivatePostgres:
    """One PostgreSQL cluster owned by this process. As root, the server runs as the
    `postgres` OS user (initdb refuses root); otherwise as the current user."""

    def __init__(self, database="iom_private"):
        self.bin = _postgres_bin()
        self.port = free_port()
        self.database = database
        self.root = Path(tempfile.mkdtemp(prefix="iom-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *command, timeout=60):
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return subprocess.run(  # noqa: S603
            [*prefix, *map(str, command)],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def init(self):
        self._run(
            self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres",
            "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        # Throwaway data: durability off for speed; the fault is the server going away,
        # not the disk.
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                f"port = {self.port}\n"
                "listen_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.root}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "max_connections = 100\nshared_buffers = 64MB\n"
            )
        return self

    def start(self, timeout=30):
        """Start and wait until the server accepts connections."""
        self._run(
            self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", timeout, "start",
            timeout=timeout + 5,
        )  # fmt: skip

    def stop(self, mode="fast", timeout=30):
        """fast: disconnect clients and shut down cleanly; immediate: like a crash."""
        self._run(
            self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", timeout, "stop",
            timeout=timeout + 5,
        )  # fmt: skip

    def restart(self, mode="fast", timeout=30):
        self._run(
            self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-m", mode, "-w", "-t",
            timeout, "restart", timeout=timeout + 5,
        )  # fmt: skip

    def is_running(self):
        status = subprocess.run(  # noqa: S603
            [self.bin / "pg_isready", "-h", "127.0.0.1", "-p", str(self.port), "-q"],
            check=False,
        )
        return status.returncode == 0

    def createdb(self, name=None):
        self._run(
            self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres",
            name or self.database,
        )  # fmt: skip

    def cleanup(self):
        if (self.data / "postmaster.pid").exists():
            with suppress(subprocess.SubprocessError, OSError):
                self.stop(mode="immediate", timeout=15)
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def private_postgres(database="iom_private"):
    """A running PostgreSQL with one empty database; `.url` points at it."""
    server = PrivatePostgres(database)
    try:
        server.init().start()
        server.createdb()
        yield server
    finally:
        server.cleanup()


class PrivateRedis:
    """One redis-server child process without persistence."""

    def __init__(self):
        self.port = free_port()
        self.process = None
        self.log = Path(tempfile.mkstemp(prefix="iom-redis-", suffix=".log")[1])

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self, timeout=10):
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [
                    shutil.which("redis-server") or "/usr/bin/redis-server",
                    "--port", str(self.port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.ping():
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {self.log.read_text()[-500:]}")
            time.sleep(0.05)
        raise TimeoutError(f"redis-server not answering on port {self.port}")

    def stop(self, timeout=10):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # no persistence configured: nothing to save
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=timeout)

    def restart(self, timeout=10):
        self.stop(timeout)
        self.start(timeout)

    def cleanup(self):
        self.stop()
        self.log.unlink(missing_ok=True)


@contextmanager
def private_redis():
    server = PrivateRedis()
    try:
        server.start()
        yield server
    finally:
        server.cleanup()


def production_env(database_url, redis_url, static_root, page_cache=False):
    """The environment of a production server on loopback (plain HTTP, plain-text logs)."""
    return {
        "DJANGO_SETTINGS_MODULE": "iom_site.settings.production",
        "DJANGO_SECRET_KEY": "k3y-" + "x9Y!" * 16,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "PUBLIC_BASE_URL": "http://127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_LOG_FORMAT": "plain",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "PAGE_CACHE": "on" if page_cache else "off",
    }


def collectstatic(env):
    """Production serves hashed static files: collect them with production's storage."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )


def manage(env, *args, timeout=300):
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=timeout,
    )


# The localised 503 page's title (templates/503.html), per language.
UNAVAILABLE = {
    "fr": "Service momentanément indisponible",
    "en": "Service temporarily unavailable",
    "es": "Servicio no disponible temporalmente",
}


@dataclass
class Sample:
    sent: float  # time.monotonic() when the request left
    answered: float  # and when its answer (or failure) came back
    status: int  # 0: no HTTP answer at all (refused, reset, timed out)
    retry_after: str | None = None
    excerpt: str = ""  # the start of the body of a non-200 answer

    @property
    def friendly(self):
        """The localised 503 with Retry-After that an outage must give, never a 500."""
        return (
            self.status == 503
            and bool(self.retry_after)
            and "Traceback" not in self.excerpt
            and any(text in self.excerpt for text in UNAVAILABLE.values())
        )


class Probe:
    """Client threads that GET the URLs in turn, each answer recorded with its time, so an
    error window can be measured to the request. `rate` (requests per second over all
    threads) paces them; None sends as fast as the server answers."""

    def __init__(self, urls, threads=4, rate=None, timeout=15):
        self.urls = urls
        self.threads = threads
        self.interval = threads / rate if rate else 0.0
        self.timeout = timeout
        self.samples = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._workers = []

    def _one(self, url):
        request = urllib.request.Request(url, headers={"Accept-Language": "fr"})  # noqa: S310
        sent = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read()
                return Sample(sent, time.monotonic(), response.status)
        except urllib.error.HTTPError as error:
            body = error.read().decode(errors="replace")
            # The 503 page's title sits after the head: keep enough to see it.
            return Sample(
                sent, time.monotonic(), error.code, error.headers.get("Retry-After"), body[:6000]
            )
        except (OSError, http.client.HTTPException) as error:
            return Sample(sent, time.monotonic(), 0, None, repr(error))

    def _run(self, offset):
        index = offset
        next_at = time.monotonic() + offset * self.interval / max(self.threads, 1)
        while not self._stop.is_set():
            if self.interval:
                delay = next_at - time.monotonic()
                if delay > 0 and self._stop.wait(delay):
                    break
                next_at = max(next_at + self.interval, time.monotonic())
            sample = self._one(self.urls[index % len(self.urls)])
            index += 1
            with self._lock:
                self.samples.append(sample)

    def __enter__(self):
        for offset in range(self.threads):
            worker = threading.Thread(target=self._run, args=(offset,), daemon=True)
            worker.start()
            self._workers.append(worker)
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        for worker in self._workers:
            worker.join(self.timeout + 5)

    def wait_for_pages(self, count, timeout):
        """Until `count` pages (200) have come back; a server that cannot get there in
        `timeout` seconds is broken, not slow."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                pages = sum(1 for sample in self.samples if sample.status == 200)
            if pages >= count:
                return
            time.sleep(0.1)
        with self._lock:
            seen = [(sample.status, sample.excerpt[:200]) for sample in self.samples[-5:]]
        raise TimeoutError(f"fewer than {count} pages in {timeout} s; last answers: {seen}")

    def sorted_samples(self):
        with self._lock:
            return sorted(self.samples, key=lambda sample: sample.answered)


@dataclass
class Window:
    """What the visitors saw around one outage [start, end] (monotonic seconds)."""

    requests: int
    errors: int
    first_error: float | None
    last_error: float | None
    recovery: float | None  # end of the outage → first 200 answered after it
    confined: bool  # every error answered within [start, end + grace], all 200 after
    unfriendly: list = field(default_factory=list)  # errors other than the friendly 503

    @property
    def error_window(self):
        if self.first_error is None:
            return 0.0
        return self.last_error - self.first_error


def measure(samples, start, end, grace=1.0):
    errors = [sample for sample in samples if sample.status != 200]
    after = [sample for sample in samples if sample.answered > end]
    first_ok = next((sample for sample in after if sample.status == 200), None)
    return Window(
        requests=len(samples),
        errors=len(errors),
        first_error=errors[0].answered if errors else None,
        last_error=errors[-1].answered if errors else None,
        recovery=(first_ok.answered - end) if first_ok else None,
        confined=all(start <= sample.answered <= end + grace for sample in errors)
        and first_ok is not None,
        unfriendly=[sample for sample in errors if not sample.friendly],
    )
