"""A story reaches the home page and its language's feed within one publish, and leaves
both when unpublished, with the page cache on: no news page type has cache code, so
this holds only if the delivery layer's tags see what each render read (the home
page's « Dernières actualités » block reads the news page's children; the feed too).

Awaiting the delivery layer (issue 16, cache tags): with today's purge rules a publish
purges the story, its parent and its translations, not the home page that lists it nor
the feed below its parent, so this test fails until the tags land."""

import re

import pytest

from tests.delivery.conftest import fetch, state
from tests.news.conftest import publish
from tests.news.factories import StoryPageFactory, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_page(homes):
    from tests.news.factories import NewsIndexPageFactory

    news = {"fr": publish(NewsIndexPageFactory(parent=homes["fr"]))}
    home = homes["fr"]
    home.body = [
        {
            "type": "latest_pages",
            "value": {
                "heading": "Dernières actualités",
                "index": news["fr"].pk,
                "count": 3,
                "link_text": "",
            },
        }
    ]
    publish(home)
    return {"home": home, "news": news["fr"], "feed": "/fr/actualites/feed/"}


def warm(client, *paths):
    for path in paths:
        fetch(client, path)
        assert state(client, path) == "hit", path


def entry_titles(feed):
    return re.findall(r"<entry><title>([^<]+)</title>", feed)


def test_a_story_reaches_the_home_page_and_the_feed_in_one_publish_and_leaves_both(
    client, front_page
):
    home, feed = front_page["home"].url, front_page["feed"]
    warm(client, home, feed, front_page["news"].url)

    story = publish(
        StoryPageFactory(
            parent=front_page["news"],
            title="Un nouvel article",
            hero_image=make_image("Photo"),
            hero_image_alt="Une photo",
        )
    )

    assert "Un nouvel article" in fetch(client, home).content.decode()
    assert entry_titles(fetch(client, feed).content.decode()) == ["Un nouvel article"]
    assert "Un nouvel article" in fetch(client, front_page["news"].url).content.decode()

    warm(client, home, feed)
    story.unpublish()

    assert "Un nouvel article" not in fetch(client, home).content.decode()
    assert entry_titles(fetch(client, feed).content.decode()) == []
    assert fetch(client, story.url).status_code == 404
