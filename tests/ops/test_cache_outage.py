"""With Redis unreachable, a production server keeps answering pages (uncached) and logs
the outage once, not once per request."""

import pytest

from iom_site.core.seed.site_setup import ensure_site
from tests.helpers.faults import collectstatic, production_env
from tests.helpers.servers import database_url_of_tests, get, gunicorn, output_of


@pytest.mark.django_db(transaction=True)
def test_pages_answer_without_redis(tmp_path):
    ensure_site()
    # Nothing listens on port 9 of loopback: the cache is down from the start.
    env = production_env(
        database_url_of_tests(snapshot_dir=tmp_path),
        "redis://127.0.0.1:9/0",
        tmp_path / "static",
        page_cache=True,
    )
    collectstatic(env)
    with gunicorn(env) as (base, process):
        for path in ("/fr/", "/en/", "/es/", "/fr/", "/fr/"):
            status, _headers, body = get(base + path)
            assert status == 200, body[:800]
        assert get(f"{base}/readyz")[0] == 503  # readiness does report the cache outage
        output = output_of(process)
    assert output.count("Cache unreachable, serving uncached pages") == 1, output[-3000:]
