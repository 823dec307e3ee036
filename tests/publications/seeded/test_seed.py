"""The seed puts the publications library below « Données et recherche » in three
languages, with IOM's Institutional Strategy on Migration and Sustainable Development as
a publication (no invented date, file or ISBN: the seed's source gives none), linked from
the strategy page."""

import re

import pytest

pytestmark = pytest.mark.django_db

STRATEGY = "/fr/programme-2030/strategie-migration-developpement-durable/"
PUBLICATION = (
    "/fr/donnees-et-recherche/publications/"
    "strategie-institutionnelle-oim-migration-developpement-durable/"
)


def test_the_strategy_is_a_publication_of_the_library(site, client):
    library = client.get("/fr/donnees-et-recherche/publications/?goal=10&type=rapport")
    assert library.status_code == 200
    assert f'<a href="{PUBLICATION}">' in library.text

    page = client.get(PUBLICATION).text
    main = page.split("<main")[1]
    assert "ISBN" not in main
    assert "Le fichier de cette publication n’est pas encore en ligne." in page
    assert "Rapport" in main


def test_the_strategy_carries_no_date_the_source_does_not_give(site, client):
    page = client.get(PUBLICATION).text
    main = page.split("<main")[1]
    assert "Date de publication" not in main and "<time" not in main
    assert "datePublished" not in page
    library = client.get("/fr/donnees-et-recherche/publications/")
    card = re.search(
        rf'<li class="card card--publication">.*?{re.escape(PUBLICATION)}.*?</li>',
        library.text,
        re.S,
    ).group()
    assert "<time" not in card
    # No year to filter by: the year filter offers none, and none finds the strategy.
    years = re.search(r'<select[^>]*name="year".*?</select>', library.text, re.S).group()
    assert re.findall(r'<option value="(\d+)"', years) == []
    assert PUBLICATION not in client.get("/fr/donnees-et-recherche/publications/?year=2020").text


def test_the_strategy_page_links_to_its_publication(site, client):
    page = client.get(STRATEGY).text
    link = re.search(rf'<a href="{re.escape(PUBLICATION)}"[^>]*>(.*?)</a>', page, re.S)
    assert link is not None
    assert "La stratégie dans la bibliothèque des publications de l’OIM" in link.group(1)


def test_the_library_exists_in_english_and_spanish(site, client):
    english = client.get("/en/data-and-research/publications/")
    spanish = client.get("/es/datos-e-investigacion/publicaciones/")
    assert english.status_code == 200 and spanish.status_code == 200
    assert "IOM Institutional Strategy on Migration and Sustainable Development" in english.text
    assert "Estrategia Institucional de la OIM sobre Migración y Desarrollo Sostenible" in (
        spanish.text
    )
