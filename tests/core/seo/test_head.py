"""What search engines and social networks read in each page's head, on every page type
of the seeded site in each language."""

import json
import re
from html import unescape

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import translation

from wagtail.models import Page

import pytest

from iom_site.core.models import StandardPage


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return unescape(match.group(1)) if match else None


def json_ld(html):
    return [
        json.loads(body)
        for body in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def live_pages():
    return list(
        Page.objects.live()
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )


def test_the_seed_covers_every_page_type(site):
    types = {page.specific_class.__name__ for page in live_pages()}
    assert types >= {
        "HomePage",
        "SectionPage",
        "StandardPage",
        "StructurePage",
        "AgendaPage",
        "StrategyPage",
        "PartnershipsPage",
        "WhereWeWorkPage",
        "EngagementFormPage",
    }


def test_every_page_has_description_open_graph_twitter_and_json_ld(client, site):
    for page in live_pages():
        with translation.override(page.locale.language_code):
            site_name = str(settings.WAGTAIL_SITE_NAME)
        specific = page.specific
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        absolute = f"http://testserver{page.url}"
        description = (specific.search_description or specific.summary).strip()
        assert description, page.url
        assert meta(html, "name", "description") == unescape(description), page.url
        assert meta(html, "property", "og:title") == (page.seo_title or page.title)
        assert meta(html, "property", "og:description") == unescape(
            specific.social_text or description
        )
        assert meta(html, "property", "og:url") == absolute
        assert (
            meta(html, "property", "og:site_name") == site_name or page.locale.language_code != "fr"
        )
        assert (
            meta(html, "property", "og:image") == "http://testserver/static/images/og-default.png"
        )
        assert meta(html, "property", "og:type") == ("website" if page.depth == 2 else "article")
        assert meta(html, "name", "twitter:card") == "summary_large_image"
        assert meta(html, "name", "twitter:image") == meta(html, "property", "og:image")
        assert html.count('name="description"') == 1, page.url
        data = json_ld(html)
        types = [item.get("@type") for item in data]
        if page.depth == 2:
            assert "Organization" in types and "WebSite" in types, page.url
            assert "BreadcrumbList" not in types
        else:
            assert "BreadcrumbList" in types, page.url
            assert "WebSite" not in types


def test_site_name_is_translated(client, site):
    # The home page's title is the site's name: its browser title says it once.
    html = client.get("/en/").content.decode()
    site_name = meta(html, "property", "og:site_name")
    assert site_name == "IOM – Migration and sustainable development"
    assert f"<title>{site_name}</title>" in html
    assert site["en"].title == "Migration and sustainable development"


def test_default_share_image_is_a_1200_by_630_png():
    from PIL import Image

    path = finders.find("images/og-default.png")
    assert path
    with Image.open(path) as image:
        assert image.size == (1200, 630)
        assert image.format == "PNG"


@pytest.mark.parametrize(
    ("code", "search"), [("fr", "/fr/recherche/"), ("en", "/en/search/"), ("es", "/es/busqueda/")]
)
def test_home_page_describes_the_organisation_and_its_search(client, site, code, search):
    data = {item["@type"]: item for item in json_ld(client.get(f"/{code}/").content.decode())}
    assert data["Organization"]["url"] == "https://www.iom.int"
    website = data["WebSite"]
    assert website["url"] == f"http://testserver/{code}/"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"http://testserver{search}?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"


def test_breadcrumb_list_follows_the_tree(client, site):
    page = Page.objects.get(locale__language_code="en", slug="structure")
    html = client.get(page.url).content.decode()
    (crumbs,) = [item for item in json_ld(html) if item["@type"] == "BreadcrumbList"]
    items = crumbs["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["item"] for item in items] == [
        "http://testserver/en/",
        "http://testserver/en/who-we-are/",
        "http://testserver/en/who-we-are/structure/",
    ]
    assert items[-1]["name"] == page.title


def test_structure_page_keeps_a_single_organization_tree(client, site):
    page = Page.objects.get(locale__language_code="fr", slug="structure")
    types = [item["@type"] for item in json_ld(client.get(page.url).content.decode())]
    assert types.count("BreadcrumbList") == 1


def test_json_ld_cannot_be_closed_by_page_text(client, site):
    hostile = 'Risques </script><script>alert("x")</script> & co'
    page = StandardPage(title=hostile, slug="risques", lead="<p>Chapeau.</p>")
    site["fr"].add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<script>alert("x")' not in html
    (crumbs,) = [item for item in json_ld(html) if item["@type"] == "BreadcrumbList"]
    assert crumbs["itemListElement"][-1]["name"] == hostile


def test_search_description_wins_over_the_summary(client, site):
    page = StandardPage.objects.get(locale__language_code="fr", slug="travailler-avec-nous")
    page.search_description = "Rejoindre l’OIM : « offres » & stages"
    page.social_text = "Partagez nos offres"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert meta(html, "name", "description") == "Rejoindre l’OIM : « offres » & stages"
    assert meta(html, "property", "og:description") == "Partagez nos offres"
    assert meta(html, "name", "twitter:description") == "Partagez nos offres"


def test_share_image_replaces_the_default(client, site):
    import wagtail_factories

    image = wagtail_factories.ImageFactory(title="Partage")
    page = StandardPage.objects.get(locale__language_code="fr", slug="travailler-avec-nous")
    page.social_image = image
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    url = meta(html, "property", "og:image")
    assert url.startswith("http://testserver/")
    assert "og-default" not in url
    assert ".fill-1200x630" in url
    rendition = image.get_rendition("fill-1200x630")
    assert url.endswith(rendition.url)
    assert meta(html, "property", "og:image:width") == str(rendition.width)
    assert meta(html, "name", "twitter:image") == url


def test_search_page_head(client, site):
    html = client.get("/es/busqueda/", {"q": "migración"}).content.decode()
    assert meta(html, "property", "og:url") == "http://testserver/es/busqueda/"
    assert meta(html, "property", "og:type") == "website"
    assert json_ld(html) == []
