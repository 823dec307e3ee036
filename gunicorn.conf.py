"""gunicorn settings for the site: `gunicorn -c gunicorn.conf.py iom_site.wsgi`.

Every value can be overridden on the command line or through GUNICORN_CMD_ARGS; the two
that differ between machines (bind address, worker count) also read their own variables.
"""

import multiprocessing
import os

# Loopback by default: the app server sits behind a proxy or CDN that terminates TLS, so
# it should not answer the outside world unless an operator says so (e.g. 0.0.0.0:8000 in
# a container).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")


def _workers():
    configured = os.environ.get("GUNICORN_WORKERS", "").strip()
    if configured:
        return max(1, int(configured))
    # The classic 2 × cores + 1: sync workers block on PostgreSQL and Redis, so a few
    # more processes than cores keep the CPUs busy. Capped because each worker holds its
    # own copy of Django + Wagtail (~100 MB) and its own database connections: past a
    # dozen, add machines (they share PostgreSQL and Redis) rather than workers.
    return min(2 * multiprocessing.cpu_count() + 1, 12)


workers = _workers()

# Sync workers: one request at a time per process, which is what Django's ORM and the
# psycopg pool are simplest with. Slow clients are the proxy's job (it buffers them), and
# pages are mostly served from the page cache, so there is little waiting to overlap.
worker_class = "sync"

# A request still running after 30 s is stuck (no page of this site takes more than a
# fraction of a second): the master kills the worker and starts a fresh one.
timeout = 30

# On a deploy or restart (SIGHUP/SIGTERM), requests in flight get this long to finish
# before their worker is killed; shorter than `timeout` so a restart never hangs on a
# stuck request, long enough for any normal one.
graceful_timeout = 20

# Only the gthread/gevent workers honour keep-alive (sync closes after each response).
# Kept a little above the default so that switching worker class behind a load balancer
# does not cut idle connections the balancer still expects to reuse.
keepalive = 5

# Recycle each worker now and then so a slow leak (a growing dict, a C extension) cannot
# grow forever; the wide jitter staggers the restarts so the workers never restart
# together. Not every thousand requests: a recycle stalls its worker for 0.4-1 s even
# with preload, and at page-cache rates (about a thousand requests a second per worker)
# that would happen every second and dominate p99 (docs/benchmarks.md,
# docs/reliability.md). GUNICORN_MAX_REQUESTS=0 turns recycling off.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 2

# Access log on stdout, one line per request, collected with the app's JSON logs. It
# carries the request time in milliseconds and the X-Request-ID the app returns, so a
# slow line here leads to that request's application log lines.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s "%(f)s" "%(a)s"'
errorlog = "-"

# On: the master imports Django and Wagtail once and every worker is a fork of it.
# Without it, each max_requests recycle re-imports the whole app in the new worker
# (~3.5 s of CPU on a 2-core machine), which at cached-page rates (over a thousand
# requests a second) would spend more time restarting workers than serving. Safe here
# because importing the app opens nothing that must not cross a fork: no database
# connection, no psycopg pool, no Redis connection, no thread (all are opened lazily by
# the first request in each worker). The price: a HUP reloads workers from the master's
# already-imported code, so a deploy restarts gunicorn instead of sending HUP.
preload_app = True

# The heartbeat file each worker touches: on tmpfs, so a busy or slow disk can never
# block a worker long enough for the master to think it is stuck and kill it.
# gunicorn creates the file with mkstemp (private mode), so a shared tmpfs is safe.
SHM = "/dev/shm"  # noqa: S108
if os.path.isdir(SHM):
    worker_tmp_dir = SHM

# gunicorn ≥ 25 opens a control socket at one fixed path per user; several instances on
# one machine (scale-out test, benchmark) would fight over it, and nothing here uses it.
control_socket_disable = True
