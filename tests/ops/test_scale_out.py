"""Two app servers sharing one PostgreSQL and one Redis, as behind a load balancer: a
publish through one is seen at once through the other (the page cache is shared and
purged), and an editor signed in on one is signed in on the other."""

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

import pytest
import redis

from iom_site.core.seed.site_setup import ensure_site
from tests.core.factories import SectionPageFactory, StandardPageFactory
from tests.helpers.faults import collectstatic, production_env
from tests.helpers.servers import database_url_of_tests, gunicorn

# A Redis database of its own, emptied first: the suite's other tests use local memory.
REDIS_URL = os.environ.get("SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/9")
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


@pytest.mark.django_db(transaction=True)
def test_two_app_servers_share_cache_purges_and_sessions(tmp_path):
    if connection.vendor != "postgresql":
        pytest.fail("the scale-out test needs PostgreSQL (DATABASE_URL)")
    redis.Redis.from_url(REDIS_URL).flushdb()
    homes = ensure_site()
    section = SectionPageFactory(parent=homes["fr"], title="Agir", slug="agir")
    section.save_revision().publish()
    page = StandardPageFactory(parent=section, title="Engagement", slug="engagement")
    page.save_revision().publish()
    # Hashed as production hashes (the test settings' fast hasher is not enabled there).
    chef = get_user_model().objects.create_superuser("chef", "chef@example.org")
    chef.password = PBKDF2PasswordHasher().encode("Mot-de-passe-42!", "sel-de-test")
    chef.save()
    env = production_env(database_url_of_tests(), REDIS_URL, tmp_path / "static", page_cache=True)
    collectstatic(env)

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

        # Unpublished through A: gone through B at once.
        status, _h, _ = editor.post_form(a + f"/admin/pages/{page.pk}/unpublish/", {})
        assert status == 302
        assert visitor.request(b + "/fr/agir/engagement/")[0] == 404
        assert visitor.request(a + "/fr/agir/engagement/")[0] == 404

        # A new title, published through B: seen through A at once.
        page.refresh_from_db()
        page.title = "Engagement renouvelé"
        page.save_revision()
        bulk = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
        status, _h, _ = editor.post_form(b + bulk, {})
        assert status == 302
        status, headers, html = visitor.request(a + "/fr/agir/engagement/")
        assert status == 200 and "Engagement renouvelé" in html
        # The section's cards and the menu show the new title through both servers.
        for server in (a, b):
            assert "Engagement renouvelé" in visitor.request(server + "/fr/agir/")[2]
