"""A publication shows its type, date, summary, cover, details and the file of its
language, says in which other languages it is available (the languages whose version
carries a file of its own), describes itself in schema.org JSON-LD, has reciprocal
hreflang and breadcrumbs, is in the sitemap and search, and enters its language's
Atom feed, which every page of that language announces."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.frontend.test_html import problems_in
from tests.news.conftest import publish, translate
from tests.news.factories import make_image
from tests.publications.factories import PublicationRegionFactory, make_document

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def renders_not_cached_copies(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def report(make_publication):
    page = make_publication(
        title="Migration et développement : rapport",
        slug="rapport",
        publication_type="rapport",
        publication_date=datetime.date(2024, 11, 5),
        lead="<p>Ce que dit le rapport.</p>",
        document=make_document("Rapport FR", "rapport-fr.pdf"),
        page_count=48,
        isbn="978-92-9068-000-0",
        reference="OIM/2024/12",
        hero_image=make_image("Couverture", 600, 800),
        hero_image_alt="La couverture du rapport",
    )
    PublicationRegionFactory(page=page, region="asie-pacifique")
    return publish(page)


def jsonld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_a_french_publication_shows_its_facts_and_its_file(client, report):
    response = client.get(report.url)
    page = response.text

    assert response.status_code == 200
    assert '<p class="publication__type">Rapport</p>' in page
    assert "<h1>Migration et développement : rapport</h1>" in page
    assert '<time datetime="2024-11-05">5 novembre 2024</time>' in page
    assert "<dd>48</dd>" in page and "<dd>978-92-9068-000-0</dd>" in page
    assert "<dd>OIM/2024/12</dd>" in page and "<dd>Asie et Pacifique</dd>" in page
    download = re.search(r'<p class="publication__download">.*?</p>', page, re.S).group(0)
    assert f'href="{report.document.url}" hreflang="fr"' in download
    assert "Télécharger la publication" in download and "(PDF," in download
    assert "Aussi disponible en" not in page  # no other language has a file yet
    assert 'alt="La couverture du rapport"' in page
    assert problems_in(page) == []


def test_each_version_offers_its_own_file_and_the_others(client, report):
    english = translate(
        report,
        "en",
        title="Migration and development: report",
        slug="report",
        document=make_document("Report EN", "report-en.pdf"),
    )
    spanish = translate(report, "es", title="Informe", slug="informe")  # French file kept

    fr = client.get(report.url).text
    en = client.get(english.url).text
    es = client.get(spanish.url).text

    assert f'href="{english.document.url}" hreflang="en"' in en
    url = re.escape(report.document.url)
    assert re.search(
        rf'Also available in:\s*<a href="{url}" hreflang="fr" lang="fr"[^>]*>Français</a>', en
    )
    assert re.search(
        r'Aussi disponible en :\s*<a [^>]*hreflang="en" lang="en"[^>]*>English</a>', fr
    )
    # Spanish has no file of its own: it offers the French one, saying so.
    assert f'href="{report.document.url}" hreflang="fr"' in es
    assert "Descargar la publicación (Français)" in es
    assert re.search(r"También disponible en:\s*<a [^>]*>English</a>", es)
    assert "Français</a>" not in es.split("También disponible en")[1].split("</p>")[0]


def test_a_publication_describes_itself_in_json_ld(client, report, public_base_url):
    english = translate(
        report, "en", title="Report", slug="report", document=make_document("EN", "en.pdf")
    )

    data = [d for d in jsonld(client.get(english.url).text) if d.get("@type") == "Report"]

    assert len(data) == 1
    report_data = data[0]
    assert report_data["name"] == "Report"
    assert report_data["inLanguage"] == "en"
    assert report_data["datePublished"] == "2024-11-05"
    assert report_data["isbn"] == "978-92-9068-000-0"
    assert report_data["numberOfPages"] == 48
    assert (
        report_data["url"]
        == "https://migration.example.org/en/data-and-research/publications/report/"
    )
    assert {(e["inLanguage"], e["encodingFormat"]) for e in report_data["encoding"]} == {
        ("fr", "application/pdf"),
        ("en", "application/pdf"),
    }
    assert all(
        e["contentUrl"].startswith("https://migration.example.org/documents/")
        for e in report_data["encoding"]
    )


def test_an_undated_publication_shows_no_date_and_is_listed_last(
    client, library, make_publication, public_base_url
):
    # A source that gives no date (the institutional strategy's) gets none invented.
    undated = make_publication(title="Sans date", slug="sans-date", publication_date=None)
    make_publication(title="Datée", slug="datee", publication_date=datetime.date(2021, 3, 1))

    html = client.get(undated.url).text
    main = html.split("<main")[1]
    assert "Date de publication" not in main and "<time" not in main
    (data,) = [d for d in jsonld(html) if d.get("@type") == "Report"]
    assert "datePublished" not in data

    listing = client.get(library["fr"].url).text
    assert listing.index("Datée") < listing.index("Sans date")
    years = re.search(r'<select id="filter-year".*?</select>', listing, re.S).group()
    assert re.findall(r'<option value="(\d+)"', years) == ["2021"]

    feed = ET.fromstring(client.get(library["fr"].url + "feed/").content)  # noqa: S314
    published = {
        e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}published")
        for e in feed.findall(f"{ATOM}entry")
    }
    # Dated by its first publication on the site, not the year 1.
    assert published["Sans date"].startswith(str(undated.first_published_at.year))


def test_a_wrong_isbn_is_refused(make_publication):
    from django.core.exceptions import ValidationError

    page = make_publication(title="Guide")
    page.isbn = "978-92-9068-000-4"  # check digit off by one
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "isbn" in error.value.message_dict


def test_a_publication_has_hreflang_breadcrumbs_sitemap_and_search(client, report):
    english = translate(report, "en", title="A report", slug="a-report")

    fr = client.get(report.url).text
    en = client.get(english.url).text
    assert (
        'hreflang="en" href="http://testserver/en/data-and-research/publications/a-report/"' in fr
    )
    assert (
        'hreflang="fr" href="http://testserver/fr/donnees-et-recherche/publications/rapport/"' in en
    )
    assert '<a href="/en/data-and-research/publications/">Publications</a>' in en
    sitemap = client.get("/sitemap.xml").text
    assert f"<loc>http://testserver{report.url}</loc>" in sitemap
    assert f"<loc>http://testserver{english.url}</loc>" in sitemap
    assert f'href="{report.url}"' in client.get("/fr/recherche/?q=rapport").text


def test_each_language_has_its_feed_of_publications_announced_in_the_head(
    client, library, report, make_publication, public_base_url
):
    make_publication("en", title="An English guide", publication_type="guide")

    response = client.get("/fr/donnees-et-recherche/publications/feed/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own output)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Migration et développement : rapport"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href") == (
        "https://migration.example.org/fr/donnees-et-recherche/publications/rapport/"
    )
    assert entry.findtext(f"{ATOM}published").startswith("2024-11-05")
    assert "Rapport" in [c.get("term") for c in entry.findall(f"{ATOM}category")]
    english = ET.fromstring(client.get("/en/data-and-research/publications/feed/").content)  # noqa: S314
    assert [e.findtext(f"{ATOM}title") for e in english.findall(f"{ATOM}entry")] == [
        "An English guide"
    ]

    home = client.get("/fr/").text
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Publications" '
        'href="https://migration.example.org/fr/donnees-et-recherche/publications/feed/">'
    ) in home
