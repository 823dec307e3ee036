"""sitemap.xml lists every live page of the three languages with its translations;
robots.txt points to it."""

import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import datetime

from wagtail.models import Page

from iom_site.core.models import StandardPage

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(response):
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        lastmod = url.find("s:lastmod", NS)
        entries[loc] = {
            "lastmod": lastmod.text if lastmod is not None else None,
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            },
        }
    return entries


def test_sitemap_lists_every_live_page_of_every_language(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    entries = parse(response)
    live = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)
    per_language = defaultdict(int)
    for page in live.select_related("locale"):
        per_language[page.locale.language_code] += 1
        assert f"http://testserver{page.url}" in entries
    # Besides the pages: the hub of each of the 17 goals below the Agenda page, in each
    # language (tests/strategy/test_sdg_hubs.py).
    assert len(entries) == live.count() + 3 * 17
    assert live.count() == 3 * per_language["fr"]
    assert per_language["fr"] == per_language["en"] == per_language["es"] >= 13


def test_alternates_are_reciprocal_and_include_the_page_itself(client, site):
    entries = parse(client.get("/sitemap.xml"))
    for loc, entry in entries.items():
        alternates = entry["alternates"]
        assert set(alternates) == {"fr", "en", "es", "x-default"}, loc
        assert loc in alternates.values()
        assert alternates["x-default"] == alternates["fr"]
        for code in ("fr", "en", "es"):
            assert entries[alternates[code]]["alternates"] == alternates
        assert entry["lastmod"]


def test_lastmod_is_the_last_publication(client, site):
    page = Page.objects.get(locale__language_code="en", slug="structure")
    entry = parse(client.get("/sitemap.xml"))[f"http://testserver{page.url}"]
    assert datetime.fromisoformat(entry["lastmod"]) == page.last_published_at


def test_drafts_and_untranslated_pages(client, site):
    draft = StandardPage(title="Brouillon", slug="brouillon", live=False)
    site["fr"].add_child(instance=draft)
    draft.save_revision()
    french_only = StandardPage(title="Seulement en français", slug="seulement")
    site["fr"].add_child(instance=french_only)
    french_only.save_revision().publish()
    entries = parse(client.get("/sitemap.xml"))
    assert "http://testserver/fr/brouillon/" not in entries
    assert entries["http://testserver/fr/seulement/"]["alternates"] == {}


def test_sitemap_takes_a_constant_number_of_queries(client, site, django_assert_max_num_queries):
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(3):
        client.get("/sitemap.xml")


def test_sitemap_is_outside_the_language_prefix(client, site):
    assert client.get("/fr/sitemap.xml").status_code == 404


def test_robots_txt(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
