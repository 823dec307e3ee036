"""The library lists its language's publications newest first and filters them by type,
year, goal, theme and available language through plain GET parameters (a form without
JavaScript, labelled, in a fieldset with its legend); the count says how many match;
pages of results are plain links; a filter that cannot be one is a 400 that says which,
never a 500; and a listing costs the same queries for 5 publications or 50."""

import datetime
import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from iom_site.core.models import Theme
from tests.frontend.test_html import problems_in
from tests.news.conftest import publish, translate
from tests.news.factories import make_image
from tests.publications.factories import (
    PublicationSDGTargetFactory,
    PublicationThemeFactory,
    make_document,
)
from tests.strategy.factories import SDGTargetFactory, SustainableDevelopmentGoalFactory

pytestmark = pytest.mark.django_db

# Besides what routing brings with every page: the count, the page of publications,
# their renditions and their language files.
LISTING_QUERY_BUDGET = 6


def card_titles(response):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.text)


def target(code):
    goal = SustainableDevelopmentGoalFactory(number=int(code.split(".")[0]))
    return SDGTargetFactory(goal=goal, code=code, description=f"La cible {code}")


@pytest.fixture
def tagged(make_publication):
    """Four French publications of different types, years, goals and themes."""
    goal10 = target("10.7")
    goal8 = target("8.8")
    climate = Theme.objects.create(name="Climat", slug="climat")
    labour = Theme.objects.create(name="Travail", slug="travail")
    report = make_publication(
        title="Rapport sur la migration",
        publication_type="rapport",
        publication_date=datetime.date(2024, 6, 1),
        document=make_document("Rapport FR", "rapport-fr.pdf"),
    )
    brief = make_publication(
        title="Note sur le climat",
        publication_type="note-orientation",
        publication_date=datetime.date(2025, 2, 1),
    )
    guide = make_publication(
        title="Guide du travail",
        publication_type="guide",
        publication_date=datetime.date(2023, 9, 1),
    )
    sheet = make_publication(
        title="Fiche sur les droits",
        publication_type="fiche-information",
        publication_date=datetime.date(2025, 5, 1),
    )
    PublicationSDGTargetFactory(page=report, target=goal10)
    PublicationSDGTargetFactory(page=brief, target=goal10)
    PublicationSDGTargetFactory(page=sheet, target=goal8)
    PublicationThemeFactory(page=brief, theme=climate)
    PublicationThemeFactory(page=guide, theme=labour)
    PublicationThemeFactory(page=sheet, theme=labour)
    for page in (report, brief, guide, sheet):
        publish(page)
    return {"report": report, "brief": brief, "guide": guide, "sheet": sheet}


def test_the_library_lists_live_publications_newest_first(client, library, tagged):
    tagged["guide"].unpublish()

    response = client.get("/fr/donnees-et-recherche/publications/")

    assert response.status_code == 200
    assert card_titles(response) == [
        "Fiche sur les droits",
        "Note sur le climat",
        "Rapport sur la migration",
    ]
    assert '<h2 id="library-results">3 publications' in response.text
    assert '<time datetime="2025-05-01">1 mai 2025</time>' in response.text
    assert problems_in(response.text) == []


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("type=guide", ["Guide du travail"]),
        ("year=2025", ["Fiche sur les droits", "Note sur le climat"]),
        ("goal=10", ["Note sur le climat", "Rapport sur la migration"]),
        ("theme=travail", ["Fiche sur les droits", "Guide du travail"]),
        ("language=fr", ["Rapport sur la migration"]),
        ("language=en", []),
        ("goal=10&year=2025", ["Note sur le climat"]),
        ("type=&year=&goal=&theme=&language=", None),  # an empty form lists everything
        ("theme=inconnu", []),
        ("year=2019", []),
    ],
)
def test_each_filter_narrows_the_list_and_they_combine(client, library, tagged, query, titles):
    response = client.get(f"/fr/donnees-et-recherche/publications/?{query}")

    assert response.status_code == 200
    if titles is None:
        assert len(card_titles(response)) == 4
        return
    assert card_titles(response) == titles
    count = len(titles)
    assert f"{count} publication" in response.text
    if not titles:
        assert "Aucune publication ne répond à ces filtres." in response.text
        assert "Effacer les filtres" in response.text


def test_the_filter_form_works_without_javascript_and_is_labelled(client, library, tagged):
    page = client.get("/fr/donnees-et-recherche/publications/?year=2025&goal=10").text

    form = re.search(r'<form class="library-filters".*?</form>', page, re.S).group(0)
    assert 'method="get" action="/fr/donnees-et-recherche/publications/"' in form
    assert "<fieldset>" in form and "<legend>Filtrer les publications</legend>" in form
    for name in ("type", "year", "goal", "theme", "language"):
        assert f'<label for="filter-{name}">' in form
        assert f'<select id="filter-{name}" name="{name}">' in form
    # The library's years, goals and themes are the options; the chosen ones are kept.
    assert '<option value="2025" selected>2025</option>' in form
    assert '<option value="2023">2023</option>' in form
    assert re.search(r'<option value="10" selected>10\. [^<]+</option>', form)
    assert '<option value="climat">Climat</option>' in form
    assert '<option value="en" lang="en">English</option>' in form
    assert '<button type="submit">Filtrer</button>' in form


def test_pages_of_results_keep_the_filters(client, library, make_publication):
    for day in range(1, 16):
        make_publication(
            title=f"Guide {day}",
            publication_type="guide",
            publication_date=datetime.date(2024, 3, day),
        )
    make_publication(title="Un rapport", publication_type="rapport")

    first = client.get("/fr/donnees-et-recherche/publications/?type=guide")
    second = client.get("/fr/donnees-et-recherche/publications/?type=guide&page=2")

    assert len(card_titles(first)) == 12 and "15 publications" in first.text
    assert 'rel="next" href="?type=guide&amp;page=2"' in first.text
    assert card_titles(second) == ["Guide 3", "Guide 2", "Guide 1"]
    assert client.get("/fr/donnees-et-recherche/publications/?type=guide&page=3").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "type=roman",
        "year=abc",
        "year=20255",
        "goal=18",
        "goal=dix",
        "theme=%C3%A9t%C3%A9",
        "language=de",
        "year=2024&goal=0",
    ],
)
def test_a_filter_that_cannot_be_one_is_a_400_that_says_which(client, library, tagged, query):
    response = client.get(f"/fr/donnees-et-recherche/publications/?{query}")

    assert response.status_code == 400
    assert "Un filtre de l’adresse n’est pas valable" in response.text
    assert 'role="alert"' in response.text
    assert card_titles(response) == []
    assert problems_in(response.text) == []


def test_the_english_library_lists_english_versions_and_their_own_files(
    client, library, make_publication
):
    french = make_publication(
        title="Rapport",
        document=make_document("FR", "fr.pdf"),
        publication_date=datetime.date(2024, 1, 1),
    )
    translate(french, "en", title="Report", slug="report", document=make_document("EN", "en.pdf"))
    synced = make_publication(title="Guide", document=make_document("FR2", "fr2.pdf"))
    translate(synced, "en", title="Guide EN", slug="guide-en")  # the French file, not its own

    english_only = client.get("/en/data-and-research/publications/?language=en")
    french_files = client.get("/en/data-and-research/publications/?language=fr")

    assert card_titles(english_only) == ["Report"]
    assert sorted(card_titles(french_files)) == ["Guide EN", "Report"]
    assert 'File in <span lang="fr">Français</span>, <span lang="en">English</span>' in (
        english_only.text
    )


def test_the_listing_takes_the_same_queries_for_5_or_50_publications(
    library, make_publication, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False  # renders, not cached copies, are counted
    images = [make_image(f"Couverture {n}", 360, 480) for n in range(12)]
    goal_target = target("10.7")
    theme = Theme.objects.create(name="Climat", slug="climat")
    client = Client()
    paths = [
        "/fr/donnees-et-recherche/publications/",
        "/fr/donnees-et-recherche/publications/?year=2024&goal=10&theme=climat&language=fr&type=rapport",
    ]

    def add(first, last):
        for n in range(first, last):
            page = make_publication(
                title=f"Publication {n}",
                hero_image=images[n % 12],
                hero_image_alt=f"Couverture {n}",
                publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
                document=make_document(f"Doc {n}", f"doc-{n}.pdf"),
            )
            PublicationSDGTargetFactory(page=page, target=goal_target)
            PublicationThemeFactory(page=page, theme=theme)
            publish(page)

    def queries(path):
        client.get(path)  # renditions are made on the first view, choices kept
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        return len(captured), response

    add(0, 5)
    few = [queries(path) for path in paths]
    assert all(len(card_titles(response)) == 5 for _count, response in few)
    add(5, 50)
    many = [queries(path) for path in paths]
    assert all(len(card_titles(response)) == 12 for _count, response in many)
    assert many[0][1].text.count("<picture>") == 12

    for (few_count, _), (many_count, _) in zip(few, many, strict=True):
        assert few_count == many_count
    for path in paths:
        with django_assert_max_num_queries(LISTING_QUERY_BUDGET, info=path):
            client.get(path)


def test_a_latest_pages_block_lists_the_newest_publications_in_the_readers_language(
    client, homes, library, make_publication
):
    from tests.news.test_front_page import latest_block, set_body, titles

    make_publication(title="Plus ancienne", publication_date=datetime.date(2023, 1, 1))
    newest = make_publication(title="La plus récente", publication_date=datetime.date(2025, 1, 1))
    translate(newest, "en", title="The newest", slug="the-newest")
    set_body(homes["fr"], latest_block(library["fr"], heading="Dernières publications"))
    set_body(homes["en"], latest_block(library["fr"], heading="Latest publications"))

    assert titles(client.get("/fr/").text) == ["La plus récente", "Plus ancienne"]
    assert titles(client.get("/en/").text) == ["The newest"]
