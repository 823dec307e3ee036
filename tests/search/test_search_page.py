"""The search page in each language: what a visitor finds, sees and is shown when nothing
matches; promotions, statistics and the query budget."""

import re

from django.urls import reverse
from django.utils import translation

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

import pytest

from iom_site.core.models import StandardPage
from iom_site.core.search.forms import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, clean_query

SEARCH_URLS = {"fr": "/fr/recherche/", "en": "/en/search/", "es": "/es/busqueda/"}


def result_links(response):
    html = response.content.decode()
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', html)


def result_count(response):
    match = re.search(r"(\d+) (?:résultats?|results?|resultados?) ", response.content.decode())
    return int(match.group(1)) if match else None


def add_page(home, title, lead="", slug=None):
    page = StandardPage(title=title, lead=lead, slug=slug or "")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(("code", "url"), SEARCH_URLS.items())
def test_search_page_has_an_address_in_each_language(client, site, code, url):
    with translation.override(code):
        assert reverse("site_search") == url
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{code}"' in response.content.decode()
    assert 'name="robots" content="noindex' in response.content.decode()


@pytest.mark.parametrize("code", SEARCH_URLS)
def test_every_page_header_has_a_labelled_search_box(client, site, code):
    html = client.get(f"/{code}/").content.decode()
    form = re.search(r'<form class="search-box".*?</form>', html, re.S).group()
    assert f'action="{SEARCH_URLS[code]}"' in form
    assert '<label class="search-box__label" for="search-box-q">' in form
    assert 'id="search-box-q" type="search" name="q"' in form
    assert '<button class="search-box__button" type="submit">' in form


def test_search_box_submits_to_the_results(client, site):
    response = client.get(SEARCH_URLS["fr"], {"q": "stratégie"})
    assert response.status_code == 200
    assert result_count(response) >= 1
    assert "/fr/programme-2030/strategie-migration-developpement-durable/" in result_links(response)


def test_accents_do_not_matter_in_french(client, site, postgres_only):
    accented = client.get(SEARCH_URLS["fr"], {"q": "développement durable"})
    plain = client.get(SEARCH_URLS["fr"], {"q": "developpement durable"})
    shouted = client.get(SEARCH_URLS["fr"], {"q": "DEVELOPPEMENT DURABLE"})
    assert result_count(plain) >= 3
    assert result_links(plain) == result_links(accented) == result_links(shouted)
    assert "<mark>développement</mark>" in plain.content.decode()


def test_french_words_are_stemmed(client, site, postgres_only):
    page = add_page(site["fr"], "Politiques de circulation", "<p>La mobilité régionale.</p>")
    page.lead = "<p>Les politiques de migration régionale.</p>"
    page.save_revision().publish()
    response = client.get(SEARCH_URLS["fr"], {"q": "migrants"})
    assert page.url in result_links(response)
    assert "<mark>migration</mark>" in response.content.decode()


@pytest.mark.parametrize(
    ("code", "word"), [("fr", "migration"), ("en", "migration"), ("es", "migración")]
)
def test_results_come_only_from_the_visitors_language(client, site, code, word):
    links = result_links(client.get(SEARCH_URLS[code], {"q": word}))
    assert links
    assert all(link.startswith(f"/{code}/") for link in links)


def test_a_french_only_page_is_not_found_in_english(client, site):
    page = add_page(site["fr"], "Quetzalcoatlus migratoire")
    assert result_links(client.get(SEARCH_URLS["fr"], {"q": "quetzalcoatlus"})) == [page.url]
    assert result_links(client.get(SEARCH_URLS["en"], {"q": "quetzalcoatlus"})) == []


def test_a_result_shows_title_highlighted_summary_and_path(client, site):
    response = client.get(SEARCH_URLS["fr"], {"q": "stratégie"})
    html = response.content.decode()
    href = '<a href="/fr/programme-2030/strategie-migration-developpement-durable/">'
    item = next(
        i
        for i in html.split('<li class="search-result">')
        if i.lstrip().startswith(f'<h3 class="search-result__title">{href}')
    )
    assert "Stratégie institutionnelle" in item
    assert '<ol class="search-result__path"' in item
    assert '<a href="/fr/programme-2030/">' in item
    assert '<a href="/fr/">' in item
    assert "<mark>stratégie</mark>" in item


def test_summary_text_is_escaped_around_the_marks(client, site):
    add_page(site["fr"], "Xylophage", "<p>Le xylophage &lt;b&gt;gras&lt;/b&gt; migre.</p>")
    html = client.get(SEARCH_URLS["fr"], {"q": "xylophage"}).content.decode()
    assert "<mark>xylophage</mark> &lt;b&gt;gras&lt;/b&gt;" in html.replace("&#x27;", "'")


def test_results_are_paginated_ten_a_page(client, site):
    for number in range(12):
        add_page(site["fr"], f"Zanzibarique {number}", slug=f"zanzibarique-{number}")
    first = client.get(SEARCH_URLS["fr"], {"q": "zanzibarique"})
    second = client.get(SEARCH_URLS["fr"], {"q": "zanzibarique", "page": "2"})
    assert result_count(first) == 12
    assert len(result_links(first)) == 10
    assert len(result_links(second)) == 2
    assert set(result_links(first)).isdisjoint(result_links(second))
    assert 'rel="next" href="?q=zanzibarique&amp;page=2"' in first.content.decode()
    assert 'rel="prev"' in second.content.decode()


def test_more_results_than_one_probe_are_counted_and_paged_by_the_database(
    client, site, monkeypatch
):
    from iom_site.core.search import results

    monkeypatch.setattr(results, "PROBE_SIZE", 5)  # 12 results: more than the probe
    for number in range(12):
        add_page(site["fr"], f"Zanzibarique {number}", slug=f"zanzibarique-{number}")
    first = client.get(SEARCH_URLS["fr"], {"q": "zanzibarique"})
    second = client.get(SEARCH_URLS["fr"], {"q": "zanzibarique", "page": "2"})
    assert result_count(first) == 12
    assert len(result_links(first)) == 10 and len(result_links(second)) == 2
    assert set(result_links(first)).isdisjoint(result_links(second))


def test_no_results_suggests_the_sections(client, site):
    response = client.get(SEARCH_URLS["fr"], {"q": "wxqzv"})
    html = response.content.decode()
    assert response.status_code == 200
    assert result_count(response) == 0
    assert "Aucune page ne correspond" in html
    sections = re.search(r'<section class="search-sections".*?</section>', html, re.S).group()
    assert len(re.findall(r'<a href="/fr/[^"]+/">', sections)) >= 3


def test_editors_promotions_come_first(client, site):
    target = Page.objects.get(locale__language_code="fr", slug="structure")
    other_language = Page.objects.get(locale__language_code="en", slug="structure")
    query = Query.get("budget")
    SearchPromotion.objects.create(query=query, page=target, sort_order=0, description="x")
    SearchPromotion.objects.create(query=query, page=other_language, sort_order=1)
    html = client.get(SEARCH_URLS["fr"], {"q": "Budget"}).content.decode()
    promoted = re.search(r'<section class="search-promoted".*?</section>', html, re.S).group()
    assert result_links(client.get(SEARCH_URLS["fr"], {"q": "budget"}))[0] == target.url
    assert target.url in promoted
    assert other_language.url not in html


def test_searches_are_counted_in_wagtails_statistics(client, site):
    client.get(SEARCH_URLS["fr"], {"q": "Migrants"})
    client.get(SEARCH_URLS["fr"], {"q": "migrants  "})
    client.get(SEARCH_URLS["fr"], {"q": "migrants", "page": "2"})  # same search, next page
    assert Query.objects.get(query_string="migrants").hits == 2


def test_a_search_takes_at_most_six_queries(client, site, django_assert_max_num_queries):
    client.get(SEARCH_URLS["fr"], {"q": "agenda"})  # menus and footer cached per language
    with django_assert_max_num_queries(6):
        assert client.get(SEARCH_URLS["fr"], {"q": "migration durable"}).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(SEARCH_URLS["fr"], {"q": "migration durable"}).status_code == 200
    with django_assert_max_num_queries(6):
        client.get(SEARCH_URLS["fr"], {"q": "migration", "page": "2"})


def test_query_is_capped_before_searching():
    shown, terms = clean_query("mot " * 400)
    assert len(terms.split()) == MAX_QUERY_WORDS
    assert len(shown) <= MAX_QUERY_LENGTH
    assert clean_query("  a\tb \n")[1] == "a b"
    assert clean_query("\"NEAR(x y)\" OR '1'='1' --")[1] == "near x y or 1 1"
    assert clean_query("x" * 5000)[1] == "x" * MAX_QUERY_LENGTH


def test_a_repeated_search_runs_no_full_text_query_and_sees_every_publish(client, site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add_page(site["fr"], "Zanzibarique première", slug="zanzibarique-premiere")
    assert result_count(client.get(SEARCH_URLS["fr"], {"q": "zanzibarique"})) == 1
    with CaptureQueriesContext(connection) as captured:
        again = client.get(SEARCH_URLS["fr"], {"q": "zanzibarique"})
    assert result_count(again) == 1
    # Only Wagtail's search statistics are written; no page is read.
    assert [q["sql"] for q in captured if "wagtailcore_page" in q["sql"]] == []
    assert any("wagtailsearchpromotions" in q["sql"] for q in captured)

    add_page(site["fr"], "Zanzibarique seconde", slug="zanzibarique-seconde")
    assert result_count(client.get(SEARCH_URLS["fr"], {"q": "zanzibarique"})) == 2
    Page.objects.get(slug="zanzibarique-premiere").specific.unpublish()
    links = result_links(client.get(SEARCH_URLS["fr"], {"q": "zanzibarique"}))
    assert links == ["/fr/zanzibarique-seconde/"]
