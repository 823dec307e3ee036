"""The baseline: the least Django can do to answer with the same bytes as the site.

No database, no templates, no middleware: one view returns, from memory, the HTML the
site served for that path (captured once by run.py into the JSON file named by
BENCH_BASELINE_PAGES). Served by gunicorn with the site's own gunicorn.conf.py and worker
count, so the ratio site / baseline measures what the site adds on top of Django itself.

    BENCH_BASELINE_PAGES=pages.json gunicorn -c gunicorn.conf.py bench.baseline
"""

import json
import os

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-baseline-has-no-secrets",  # noqa: S106 - signs nothing
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
    TEMPLATES=[],
    USE_I18N=False,
    LOGGING_CONFIG=None,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse, HttpResponseNotFound  # noqa: E402
from django.urls import re_path  # noqa: E402

with open(os.environ["BENCH_BASELINE_PAGES"], encoding="utf-8") as pages_file:
    # Encoded once here so a request costs no encoding either: bytes in, bytes out.
    PAGES = {path: html.encode() for path, html in json.load(pages_file).items()}


def page(request):
    body = PAGES.get(request.get_full_path())
    if body is None:
        return HttpResponseNotFound()
    return HttpResponse(body, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", page)]

application = get_wsgi_application()
