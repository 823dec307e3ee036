"""Count the SQL queries one anonymous request makes, as the benchmarked server would.

Run by run.py in a subprocess with the same environment as the gunicorn it measures
(production settings, the bench database, Redis DB 11, PAGE_CACHE on or off):

    python -m bench.queries /fr/ /fr/recherche/?q=migration

For each path it makes a first request (which fills the page cache, the menu and footer
caches and this process's own caches, as the warm-up does for gunicorn's workers), then
a second one inside CaptureQueriesContext, each from a fresh anonymous client. Prints one
JSON object: path -> {status, page_cache (X-Page-Cache header), queries, sql}.
"""

import json
import sys

import django


def measure(paths):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for path in paths:
        # No cookies kept between requests: an anonymous visitor each time.
        client.cookies.clear()
        client.get(path)
        client.cookies.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        results[path] = {
            "status": response.status_code,
            "page_cache": response.headers.get("X-Page-Cache", ""),
            "queries": len(captured.captured_queries),
            "sql": [query["sql"][:300] for query in captured.captured_queries],
        }
    return results


if __name__ == "__main__":
    django.setup()
    json.dump(measure(sys.argv[1:]), sys.stdout)
