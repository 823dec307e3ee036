"""With Redis unreachable, a production server keeps answering pages (uncached) and logs
the outage once, not once per request."""

from django.db import connection

import pytest

from iom_site.core.site_setup import ensure_site
from tests.servers import get, gunicorn, output_of


@pytest.mark.django_db(transaction=True)
def test_pages_answer_without_redis(tmp_path):
    ensure_site()
    static_root = tmp_path / "static"
    settings_dict = connection.settings_dict
    database_url = (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
        if connection.vendor == "postgresql"
        else f"sqlite:///{settings_dict['NAME']}"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "iom_site.settings.production",
        "DJANGO_SECRET_KEY": "k3y-" + "x9Y!" * 16,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_LOG_FORMAT": "plain",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url,
        # Nothing listens on port 9 of loopback: the cache is down from the start.
        "REDIS_URL": "redis://127.0.0.1:9/0",
    }
    # Production serves hashed static files: collect them with production's storage.
    import subprocess
    import sys

    from tests.servers import ROOT

    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**__import__("os").environ, **env},
        check=True,
    )
    with gunicorn(env) as (base, process):
        for path in ("/fr/", "/en/", "/es/", "/fr/", "/fr/"):
            status, _headers, body = get(base + path)
            assert status == 200, body[:800]
        assert get(f"{base}/readyz")[0] == 503  # readiness does report the cache outage
        output = output_of(process)
    assert output.count("Cache unreachable, serving uncached pages") == 1, output[-3000:]
