"""The form page, whose CSRF token belongs to each visitor, and the purge that reaches a
CDN or Varnish in front of the site (a real HTTP listener on loopback stands for it)."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.test import Client

import pytest

from tests.delivery.conftest import fetch, publish, state
from tests.partnerships.factories import EngagementFormPageFactory
from tests.partnerships.test_engagement_form import VALID

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_the_form_page_is_never_shared_and_each_visitor_can_submit(tree):
    page = publish(EngagementFormPageFactory(parent=tree["section"], slug="engagez-vous"))
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    tokens = []
    for visitor in visitors:
        for _ in range(2):  # the second visit carries the cookie of the first
            response = visitor.get(page.url)
            assert response["X-Page-Cache"] == "bypass"
            assert "private" in response["Cache-Control"]
        assert "csrftoken" in visitor.cookies
        tokens.append(TOKEN.search(response.content.decode()).group(1))
    assert tokens[0] != tokens[1]
    for visitor, token in zip(visitors, tokens, strict=True):
        sent = visitor.post(
            page.url, {**VALID, "csrfmiddlewaretoken": token}, REMOTE_ADDR="203.0.113.7"
        )
        assert sent.status_code == 200
        assert "Merci pour votre message." in sent.content.decode()
    # The other pages of the site stay cacheable for a visitor holding a CSRF cookie.
    fetch(visitors[0], tree["page"])
    assert state(visitors[0], tree["page"]) == "hit"


class PurgeListener(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):
        self.received.append(set(self.headers["xkey-purge"].split()))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def edge(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeListener)
    PurgeListener.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.DELIVERY_EDGE = {"varnish": f"http://127.0.0.1:{server.server_port}/"}
    yield PurgeListener.received
    server.shutdown()


def test_publishing_purges_the_page_s_tags_at_the_edge_after_commit(
    client, tree, edge, django_capture_on_commit_callbacks
):
    deep = tree["deep"]
    shown = set(fetch(client, deep)["xkey"].split())
    deep.title = "Profonde, revue"
    with django_capture_on_commit_callbacks(execute=True):
        publish(deep)
        assert edge == []  # not before the commit
    assert len(edge) == 1  # one request for every tag
    (purged,) = edge
    assert f"p{deep.pk}" in purged & shown
    assert f"c{deep.get_parent().pk}" in purged  # whoever lists its parent's children
    assert not purged & {"menu-fr", "footer-fr", "all"}


def test_a_menu_change_purges_its_language_by_one_tag_at_the_edge(
    client, tree, edge, django_capture_on_commit_callbacks
):
    assert "menu-fr" in fetch(client, tree["deep"])["xkey"].split()
    section = tree["section"]
    section.title = "Agir ensemble"
    with django_capture_on_commit_callbacks(execute=True):
        publish(section)
    purged = set().union(*edge)
    assert "menu-fr" in purged
    assert not {"menu-en", "menu-es"} & purged
