"""With the page cache off, pages still render from data kept under the content
version: no SQL once warm, and every publish is seen at once."""

import pytest

from tests.delivery.conftest import fetch, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def test_a_warm_render_makes_no_sql_and_a_publish_is_seen_at_once(
    client, tree, django_assert_num_queries
):
    page = tree["section"]
    fetch(client, page)
    with django_assert_num_queries(0):
        warm = fetch(client, page)
    assert "X-Page-Cache" not in warm
    assert "Engagement" in warm.content.decode()  # its card
    child = tree["page"]
    child.title = "Engagement et partenariats"
    publish(child)
    assert "Engagement et partenariats" in fetch(client, page).content.decode()


def test_unpublished_pages_leave_cards_and_address_at_once(client, tree):
    fetch(client, tree["section"])
    fetch(client, tree["page"])
    tree["page"].unpublish()
    assert client.get(tree["page"].url).status_code == 404
    assert "Engagement" not in fetch(client, tree["section"]).content.decode().split("<main")[1]


class CacheReads:
    """Counts the calls a request makes to the cache backend (Redis in production)."""

    READS = ("get", "get_many", "has_key")
    WRITES = ("set", "add", "set_many", "delete", "delete_many")

    def __init__(self, monkeypatch):
        from django.core.cache import caches

        self.calls = []
        self.keys = []
        self.depth = 0
        backend = caches["default"]
        for name in self.READS + self.WRITES:
            original = getattr(backend, name)
            monkeypatch.setattr(backend, name, self._counting(name, original))

    def _counting(self, name, original):
        def call(*args, **kwargs):
            if self.depth == 0:  # not the gets that local memory's get_many is made of
                self.calls.append(name)
                self.keys.append(args[0] if args else None)
            self.depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                self.depth -= 1

        return call

    def reads(self):
        return [name for name in self.calls if name in self.READS]

    def writes(self):
        return [name for name in self.calls if name in self.WRITES]


def test_a_warm_render_reads_the_cache_once_and_writes_nothing(client, tree, monkeypatch):
    # Version, routing, the page with its family and what it shows: one round trip;
    # the navigation's menu and footer: one more; Wagtail's own site table (read by
    # Wagtail itself, once per request and object it is asked about): the rest.
    for page in (tree["homes"]["fr"], tree["section"], tree["deep"], tree["en_page"]):
        fetch(client, page)
        cache = CacheReads(monkeypatch)
        response = fetch(client, page)
        monkeypatch.undo()
        assert response.status_code == 200
        reads = cache.reads()
        assert reads[0] == "get_many" and len(reads) <= 4, (page.url, cache.keys)
        others = [key for key in cache.keys[1:] if not isinstance(key, list)]
        assert set(others) <= {"wagtail_site_root_paths"}, (page.url, cache.keys)
        assert cache.writes() == [], (page.url, cache.calls)


def test_the_menu_each_language_shows_follows_every_publish(client, tree):
    en_section = tree["en_section"]
    en_section.title = "Take action"
    publish(en_section)
    french = fetch(client, tree["page"]).content.decode()
    english = fetch(client, tree["en_page"]).content.decode()
    nav = 'class="main-nav"'
    assert ">Agir</a>" in french.split(nav)[1].split("</nav>")[0]
    assert 'aria-label="Menu principal"' in french
    assert ">Take action</a>" in english.split(nav)[1].split("</nav>")[0]
    assert 'aria-label="Main menu"' in english

    section = tree["section"]
    section.title = "Agir ensemble"
    publish(section)
    # Another page of the same language, rendered by the same process: the new title.
    french = fetch(client, tree["deep"]).content.decode()
    assert ">Agir ensemble</a>" in french.split(nav)[1].split("</nav>")[0]
    english = fetch(client, tree["en_page"]).content.decode()
    assert ">Take action</a>" in english.split(nav)[1].split("</nav>")[0]


def test_a_warm_search_reads_the_cache_twice(client, tree, monkeypatch):
    # Everything the page needs in one round trip, then its results' details in another.
    url = "/fr/recherche/?q=engagement"
    assert "Engagement" in client.get(url).content.decode()
    cache = CacheReads(monkeypatch)
    response = client.get(url)
    monkeypatch.undo()
    assert "Engagement" in response.content.decode()
    assert len(cache.reads()) <= 4, cache.keys
