"""Each language has its Atom feed of stories at <news page>/feed/, valid Atom with
permanent ids, dates and absolute links from PUBLIC_BASE_URL; every page of the
language points feed readers to it from its head."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from tests.core.factories import SectionPageFactory, StandardPageFactory
from tests.news.conftest import publish
from tests.news.factories import StoryThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def renders_not_cached_copies(settings):
    # These tests read what the feed says; whether a publish reaches cached copies of it
    # is tests/page_cache/test_news_delivery.py's question.
    settings.PAGE_CACHE_ENABLED = False


ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def feed(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)  # noqa: S314 (the site's own output)


def entries(root):
    return root.findall(f"{ATOM}entry")


def test_the_feed_is_valid_atom_with_absolute_links_and_permanent_ids(
    client, news, make_story, public_base_url
):
    from iom_site.core.models import Theme

    theme = Theme.objects.create(name="Climat", slug="climat")
    older = make_story(title="Plus ancien", date=datetime.date(2024, 5, 1))
    newer = make_story(title="Plus récent & neuf", date=datetime.date(2025, 6, 1))
    StoryThemeFactory(page=newer, theme=theme)
    publish(newer)

    root = feed(client, "/fr/actualites/feed/")

    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.findtext(f"{ATOM}title").startswith("Actualités – ")
    assert (
        root.findtext(f"{ATOM}id")
        == f"tag:migration.example.org,{news['fr'].first_published_at:%Y-%m-%d}:page-{news['fr'].pk}"
    )
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}author/{ATOM}name").text
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {
        "alternate": f"{public_base_url}/fr/actualites/",
        "self": f"{public_base_url}/fr/actualites/feed/",
    }

    items = entries(root)
    assert [item.findtext(f"{ATOM}title") for item in items] == [
        "Plus récent & neuf",
        "Plus ancien",
    ]
    first = items[0]
    assert first.find(f"{ATOM}link").get("href") == f"{public_base_url}{newer.url}"
    assert first.findtext(f"{ATOM}id") == (
        f"tag:migration.example.org,{newer.first_published_at:%Y-%m-%d}:page-{newer.pk}"
    )
    assert first.findtext(f"{ATOM}published").startswith("2025-06-01T")
    assert RFC3339.match(first.findtext(f"{ATOM}updated"))
    assert first.findtext(f"{ATOM}summary") == "Le chapeau de l’article."
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == ["Climat"]
    assert len({item.findtext(f"{ATOM}id") for item in items}) == 2
    # The feed is as new as its newest entry.
    assert root.findtext(f"{ATOM}updated") == max(i.findtext(f"{ATOM}updated") for i in items)
    assert older.pk != newer.pk


def test_an_entry_keeps_its_id_when_its_address_changes(client, news, make_story):
    story = make_story(title="Article")
    before = entries(feed(client, "/fr/actualites/feed/"))[0].findtext(f"{ATOM}id")
    story.slug = "nouvelle-adresse"
    publish(story)
    after = entries(feed(client, "/fr/actualites/feed/"))[0]
    assert after.findtext(f"{ATOM}id") == before
    assert after.find(f"{ATOM}link").get("href").endswith("/fr/actualites/nouvelle-adresse/")


def test_each_language_has_its_own_feed_of_its_own_stories(client, news, make_story):
    make_story(title="Article français")
    make_story("en", title="English story")
    make_story("es", title="Artículo en español")

    titles = {
        code: [item.findtext(f"{ATOM}title") for item in entries(feed(client, path))]
        for code, path in (
            ("fr", "/fr/actualites/feed/"),
            ("en", "/en/news/feed/"),
            ("es", "/es/noticias/feed/"),
        )
    }
    assert titles == {
        "fr": ["Article français"],
        "en": ["English story"],
        "es": ["Artículo en español"],
    }


def test_an_unpublished_story_leaves_the_feed(client, news, make_story):
    story = make_story(title="Bientôt retiré")
    assert len(entries(feed(client, "/fr/actualites/feed/"))) == 1
    story.unpublish()
    root = feed(client, "/fr/actualites/feed/")
    assert entries(root) == []
    # An empty feed is still valid Atom: its date is the news page's last publication.
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))


def test_the_feed_lists_the_latest_twenty(client, news, make_story):
    for day in range(1, 23):
        make_story(title=f"Article {day}", date=datetime.date(2025, 1, day))
    items = entries(feed(client, "/fr/actualites/feed/"))
    assert len(items) == 20
    assert items[0].findtext(f"{ATOM}title") == "Article 22"


def test_every_page_of_a_language_announces_that_languages_feed(
    client, homes, news, make_story, public_base_url
):
    section = publish(SectionPageFactory(parent=homes["fr"], title="Agir", slug="agir"))
    standard = publish(StandardPageFactory(parent=section, title="Page", slug="page"))
    story = make_story(title="Article")
    expected = (
        '<link rel="alternate" type="application/atom+xml" title="Actualités" '
        f'href="{public_base_url}/fr/actualites/feed/">'
    )
    for path in ("/fr/", section.url, standard.url, "/fr/actualites/", story.url, "/fr/recherche/"):
        head = client.get(path).text.split("</head>")[0]
        assert expected in head, path
        assert "/en/news/feed/" not in head
    english = client.get("/en/").text.split("</head>")[0]
    assert f'href="{public_base_url}/en/news/feed/"' in english


def test_a_language_without_a_live_news_page_announces_no_feed(client, homes, news):
    news["es"].unpublish()
    assert "application/atom+xml" not in client.get("/es/").text
    assert client.get("/es/noticias/feed/").status_code == 404
