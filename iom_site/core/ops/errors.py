"""Server errors a visitor can understand. When the database is unreachable, the visitor
gets a localised 503 page with Retry-After instead of a 500, and the logs get one line
per incident instead of one traceback per request."""

import logging
import sys
import time

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation

logger = logging.getLogger("iom_site.errors")

RETRY_AFTER_SECONDS = 30
# An outage is one incident until the database has answered, or this long has passed.
INCIDENT_WINDOW = 60.0
_last_logged = {"at": 0.0}


def _database_down(exc):
    return isinstance(exc, OperationalError | InterfaceError)


def server_error(request):
    """handler500: Django calls it while the exception is being handled."""
    exc = sys.exc_info()[1]
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
    with translation.override(language):
        if _database_down(exc):
            body = loader.render_to_string("503.html", {"LANGUAGE_CODE": language})
            response = HttpResponse(body, status=503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            response["Cache-Control"] = "no-store"
            return response
        return HttpResponseServerError(loader.render_to_string("500.html"))


class OneLinePerOutage(logging.Filter):
    """Drops Django's per-request tracebacks for an unreachable database, keeping one
    line per incident."""

    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else None
        if not isinstance(exc, DatabaseError) or not _database_down(exc):
            return True
        now = time.monotonic()
        if now - _last_logged["at"] < INCIDENT_WINDOW:
            return False
        _last_logged["at"] = now
        record.msg = "Database unreachable, answering 503: %s"
        record.args = (str(exc).splitlines()[0] if str(exc) else type(exc).__name__,)
        record.exc_info = None
        record.exc_text = None
        return True


class OncePerMinute(logging.Filter):
    """For a cache outage: the first failure of each minute is logged, the rest dropped
    (every request would otherwise log one line per cache call)."""

    def __init__(self, name=""):
        super().__init__(name)
        self.last = 0.0

    def filter(self, record):
        now = time.monotonic()
        if now - self.last < INCIDENT_WINDOW:
            return False
        self.last = now
        exc = record.exc_info[1] if record.exc_info else None
        reason = str(exc).splitlines()[0] if exc is not None and str(exc) else record.getMessage()
        record.msg = "Cache unreachable, serving uncached pages: %s"
        record.args = (reason,)
        record.exc_info = None
        record.exc_text = None
        return True
