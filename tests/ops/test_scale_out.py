"""Two app servers sharing one PostgreSQL and one Redis, as behind a load balancer: a
publish through one is seen through the other (the page cache is shared and purged) as
soon as the workers' one-second micro-cache lets it (PAGE_CACHE_LOCAL_SECONDS, production's
default), and an editor signed in on one is signed in on the other.

PostgreSQL and Redis as production has them: on a suite run on SQLite, a private
PostgreSQL server; always a private Redis (tests/helpers/faults.py)."""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.cookies import SimpleCookie

from django.db import connection

import pytest

from tests.helpers.faults import (
    collectstatic,
    manage,
    private_postgres,
    private_redis,
    production_env,
)
from tests.helpers.servers import ROOT, database_url_of_tests, gunicorn

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser(urllib.request.HTTPRedirectHandler):
    """Keeps cookies itself: the production cookies are Secure, which urllib's cookie jar
    would not send back over the plain HTTP of loopback."""

    def __init__(self):
        self.cookies = {}
        self.opener = urllib.request.build_opener(self)

    def redirect_request(self, *args, **kwargs):
        return None  # redirects are part of what the tests look at

    def request(self, url, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
        try:
            response = self.opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
        return response.status, response.headers, response.read().decode()

    def post_form(self, url, data):
        status, _headers, html = self.request(url)
        assert status == 200, html[:500]
        return self.request(url, {**data, "csrfmiddlewaretoken": TOKEN.search(html).group(1)})


# What the editor and the content are, set up on the shared database by a process of its
# own: on SQLite the test's database is not the one the servers share.
SETUP = """
from django.contrib.auth import get_user_model
from iom_site.core.models import SectionPage, StandardPage
from iom_site.core.seed.site_setup import ensure_site
homes = ensure_site()
section = homes["fr"].add_child(instance=SectionPage(title="Agir", slug="agir"))
section.save_revision().publish()
page = section.add_child(instance=StandardPage(title="Engagement", slug="engagement"))
page.save_revision().publish()
get_user_model().objects.create_superuser("chef", "chef@example.org", "Mot-de-passe-42!")
print(page.pk)
"""
# An editor's new title, saved as a draft (published below through the admin of B).
RETITLE = """
from iom_site.core.models import StandardPage
page = StandardPage.objects.get(pk={pk})
page.title = "Engagement renouvelé"
page.save_revision()
"""


def run_python(env, code):
    """``code`` run by manage.py shell with the servers' settings; returns its output."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


@contextmanager
def shared_postgresql():
    """The PostgreSQL database both servers share: the suite's own test database when it
    runs on PostgreSQL; otherwise (SQLite, which two servers could not share) a private
    PostgreSQL server of this test's, migrated, removed afterwards."""
    if connection.vendor == "postgresql":
        yield database_url_of_tests(), False
        return
    with private_postgres() as server:
        yield server.url, True


@pytest.mark.django_db(transaction=True)
def test_two_app_servers_share_cache_purges_and_sessions(tmp_path):
    # A Redis of its own: purges and sessions of this test meet nobody else's keys.
    with shared_postgresql() as (database_url, empty), private_redis() as cache:
        env = production_env(database_url, cache.url, tmp_path / "static", page_cache=True)
        if empty:
            manage(env, "migrate", "--noinput")
        # Production's password hasher: the editor signs in through the servers.
        page_pk = int(run_python(env, SETUP).split()[-1])
        collectstatic(env)
        servers_share(env, page_pk)


def servers_share(env, page_pk):
    with gunicorn(env, workers=2) as (a, _pa), gunicorn(env, workers=2) as (b, _pb):
        visitor = Browser()
        assert visitor.request(b + "/fr/agir/engagement/")[0] == 200
        status, headers, _html = visitor.request(a + "/fr/agir/engagement/")
        assert status == 200 and headers["X-Page-Cache"] == "hit"  # stored by B

        editor = Browser()
        status, headers, _ = editor.post_form(
            a + "/admin/login/", {"username": "chef", "password": "Mot-de-passe-42!"}
        )
        assert status == 302, "sign-in on A failed"
        # The session made on A opens the admin on B.
        status, _headers, html = editor.request(b + "/admin/")
        assert status == 200 and "chef" in html

        # Unpublished through A: gone through B (and A's other worker) within a second.
        status, _h, _ = editor.post_form(a + f"/admin/pages/{page_pk}/unpublish/", {})
        assert status == 302
        for server in (b, a):
            within_a_second(
                lambda server=server: visitor.request(server + "/fr/agir/engagement/")[0] == 404
            )

        # A new title, published through B: seen through A within a second.
        run_python(env, RETITLE.format(pk=page_pk))
        bulk = f"/admin/bulk/wagtailcore/page/publish/?id={page_pk}"
        status, _h, _ = editor.post_form(b + bulk, {})
        assert status == 302
        within_a_second(
            lambda: "Engagement renouvelé" in visitor.request(a + "/fr/agir/engagement/")[2]
        )
        # The section's cards and the menu show the new title through both servers.
        for server in (a, b):
            within_a_second(
                lambda server=server: (
                    "Engagement renouvelé" in visitor.request(server + "/fr/agir/")[2]
                )
            )


def within_a_second(check, micro_cache_seconds=1.0):
    """``check()`` becomes true before the workers' micro-cache has expired (with a
    margin for the request itself), and stays true."""
    deadline = time.monotonic() + micro_cache_seconds + 0.5
    while not check():
        assert time.monotonic() < deadline, "still stale after the micro-cache expired"
        time.sleep(0.1)
    assert check()
