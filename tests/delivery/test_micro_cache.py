"""Each worker keeps the pages it served for PAGE_CACHE_LOCAL_SECONDS (production: 1 s):
a burst on one page costs no Redis round trip; a purge in this worker forgets them at
once; another worker's copy lives no longer than those seconds (tests/ops/test_scale_out
shows it across two servers)."""

import pytest

from iom_site.core.delivery import store
from tests.delivery.conftest import fetch, publish, state
from tests.delivery.test_content_cache import CacheReads

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def micro_cache(settings):
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    store.forget_local()
    yield
    store.forget_local()


def reads_of(monkeypatch, client, page):
    cache = CacheReads(monkeypatch)
    response = fetch(client, page)
    monkeypatch.undo()
    return response, cache.reads()


def test_a_hot_page_is_served_without_a_round_trip(client, tree, monkeypatch):
    page = tree["page"]
    fetch(client, page)  # rendered and stored
    assert state(client, page) == "hit"  # read from the cache, kept by this worker
    response, reads = reads_of(monkeypatch, client, page)
    assert response["X-Page-Cache"] == "hit" and reads == []
    assert "Engagement" in response.content.decode()


def test_a_publish_in_this_worker_is_seen_at_once(client, tree):
    page = tree["page"]
    fetch(client, page)
    assert state(client, page) == "hit"
    page.title = "Engagement renouvelé"
    publish(page)
    assert "Engagement renouvelé" in fetch(client, page).content.decode()


def test_a_copy_is_read_again_once_its_seconds_are_over(client, tree, monkeypatch):
    page = tree["page"]
    fetch(client, page)
    fetch(client, page)
    now = store.time.monotonic()
    monkeypatch.setattr(store.time, "monotonic", lambda: now + 1.5)
    response, reads = reads_of(monkeypatch, client, page)
    assert response["X-Page-Cache"] == "hit" and reads == ["get_many"]


def test_a_new_release_never_gets_the_previous_one_s_copies(client, tree, settings):
    page = tree["page"]
    settings.RELEASE = "old"
    fetch(client, page)
    assert state(client, page) == "hit"
    settings.RELEASE = "new"
    assert state(client, page) == "miss"


def test_the_copies_are_few(client, tree, monkeypatch):
    monkeypatch.setattr(store, "LOCAL_MAX_ENTRIES", 2)
    for page in (tree["page"], tree["section"], tree["deep"], tree["en_page"]):
        fetch(client, page)
        fetch(client, page)
        assert len(store._local) <= 2


def test_off_by_default_outside_production(client, tree, settings, monkeypatch):
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    page = tree["page"]
    fetch(client, page)
    fetch(client, page)
    response, reads = reads_of(monkeypatch, client, page)
    assert response["X-Page-Cache"] == "hit" and reads == ["get_many"]
