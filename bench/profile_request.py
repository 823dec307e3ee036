"""Where an uncached request spends its time: cProfile over repeated anonymous requests
through a WSGI handler, with production settings against the bench database that
`make bench` left behind (PAGE_CACHE off unless the environment says otherwise).

    .venv/bin/python -m bench.profile_request /fr/ [requests=50] [lines=35]

Prints the mean time per request (wall clock and CPU), then the functions by cumulative and by own time.
PROFILE_OUT=<file> also writes the raw profile, for pstats' callers and callees.
"""

import cProfile
import os
import pstats
import secrets
import sys
import tempfile
import time

BENCH_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "iom_site.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "PUBLIC_BASE_URL": "http://127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/iom_bench",
    "REDIS_URL": "redis://127.0.0.1:6379/11",
    "DJANGO_LOG_LEVEL": "WARNING",
    "PAGE_CACHE": "off",
}


def main(path, requests=50, lines=35):
    for name, value in BENCH_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    # Production pages name hashed static files: they must be collected first.
    collect = "DJANGO_STATIC_ROOT" not in os.environ
    if collect:
        os.environ["DJANGO_STATIC_ROOT"] = tempfile.mkdtemp(prefix="iom-profile-static-")
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.test.client import FakePayload

    if collect:
        call_command("collectstatic", interactive=False, verbosity=0)

    # One WSGI handler (middleware loaded once, as in a worker), no cookies. Not Django's
    # test client: it records every template's context, which would dominate the profile.
    handler = WSGIHandler()
    address, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": address,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }

    def visit():
        statuses = []
        body = handler(
            {**environ, "wsgi.input": FakePayload(b"")},
            lambda status, headers, *_: statuses.append(status),
        )
        b"".join(body)
        body.close()
        assert statuses[0].startswith("200"), statuses  # noqa: S101

    for _ in range(3):  # per-process caches, menu and footer in Redis, templates
        visit()
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(requests):
        visit()
    wall = (time.perf_counter() - started) / requests
    cpu = (time.process_time() - cpu_started) / requests
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        visit()
    profiler.disable()
    # The difference is time spent waiting: on PostgreSQL, Redis, or for a CPU.
    sys.stdout.write(
        f"{path}: {wall * 1000:.1f} ms per request without the profiler, "
        f"of which {cpu * 1000:.1f} ms of this process's CPU\n"
    )
    if os.environ.get("PROFILE_OUT"):  # for pstats' print_callers / print_callees
        profiler.dump_stats(os.environ["PROFILE_OUT"])
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)


if __name__ == "__main__":
    main(sys.argv[1], *(int(arg) for arg in sys.argv[2:4]))
