"""With the page cache off, pages still render from data kept under the content
version: no SQL once warm, and every publish is seen at once."""

import pytest

from tests.page_cache.conftest import fetch, publish

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
