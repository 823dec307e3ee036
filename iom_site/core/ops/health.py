"""Probes for load balancers and orchestrators, outside the language prefix and never cached.

/healthz: the process answers (no database, no cache).
/readyz: the database and the cache answer, with how long each took; 503 when one fails.
"""

import time

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

READY_KEY = "core:readyz"


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _timed(check):
    start = time.perf_counter()
    try:
        check()
    except (DatabaseError, OSError, ConnectionError) as exc:
        return {"ok": False, "error": type(exc).__name__, "ms": _ms(start)}
    return {"ok": True, "ms": _ms(start)}


def _ms(start):
    return round((time.perf_counter() - start) * 1000, 2)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache():
    # django-redis set to ignore exceptions returns None on an outage instead of raising.
    cache.set(READY_KEY, "1", 10)
    if cache.get(READY_KEY) != "1":
        raise ConnectionError("cache did not return what was stored")


@never_cache
def readyz(request):
    checks = {"database": _timed(_database), "cache": _timed(_cache)}
    ready = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
