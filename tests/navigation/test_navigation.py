"""Main menu, footer, breadcrumbs and the language switcher, as a visitor meets them."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from iom_site.core.navigation.selectors import footer, language_versions, main_menu
from tests.core.factories import (
    FooterFactory,
    MainMenuFactory,
    SectionPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def build_sections(home, sections, children_each):
    for _ in range(sections):
        section = SectionPageFactory(parent=home)
        for _ in range(children_each):
            StandardPageFactory(parent=section)


def queries_to_build_menu():
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        main_menu("fr")
    return len(captured.captured_queries)


def test_menu_costs_the_same_queries_whatever_the_number_of_pages(homes):
    build_sections(homes["fr"], 1, 1)
    small = queries_to_build_menu()
    build_sections(homes["fr"], 5, 6)
    assert queries_to_build_menu() == small
    # With every cache cold: home, private-pages flag, pages, leads, chart headings, units,
    # site root paths (two) and the menu snippet. Warm, a menu costs no query at all.
    assert small <= 9


def test_menu_is_cached_then_rebuilt_when_a_page_is_published(homes):
    section = SectionPageFactory(parent=homes["fr"], title="Agir")
    assert [entry["title"] for entry in main_menu("fr")] == ["Agir"]
    with CaptureQueriesContext(connection) as captured:
        main_menu("fr")
    assert len(captured.captured_queries) == 0
    child = StandardPageFactory(parent=section, title="Engagez-vous")
    child.save_revision().publish()
    assert [c["title"] for c in main_menu("fr")[0]["children"]] == ["Engagez-vous"]


def test_menu_shows_only_live_pages_marked_for_menus(homes):
    section = SectionPageFactory(parent=homes["fr"], title="Visible")
    StandardPageFactory(parent=section, title="Cachée", show_in_menus=False)
    draft = StandardPageFactory(parent=section, title="Brouillon")
    draft.unpublish()
    entry = main_menu("fr")[0]
    assert entry["title"] == "Visible"
    assert entry["children"] == []


def test_menu_adds_editor_links_under_their_entry(homes):
    section = SectionPageFactory(parent=homes["fr"], title="Notre travail")
    MainMenuFactory(
        locale=homes["fr"].locale,
        extra_links=[
            {
                "type": "link",
                "value": {
                    "under": section.pk,
                    "page": None,
                    "external_url": "https://www.iom.int/fr",
                    "title": "OIM",
                },
            }
        ],
    )
    children = main_menu("fr")[0]["children"]
    assert children == [
        {"title": "OIM", "url": "https://www.iom.int/fr", "key": "", "lead": "", "children": []}
    ]


def test_menu_is_per_language(homes):
    SectionPageFactory(parent=homes["fr"], title="Agir")
    SectionPageFactory(parent=homes["en"], title="Take action")
    assert [e["title"] for e in main_menu("fr")] == ["Agir"]
    assert [e["title"] for e in main_menu("en")] == ["Take action"]


def test_menu_panel_is_a_disclosure_with_plain_links(client, homes):
    section = SectionPageFactory(parent=homes["fr"], title="Agir", lead="<p>Agir avec nous.</p>")
    StandardPageFactory(parent=section, title="Engagez-vous")
    html = client.get("/fr/").content.decode()
    assert (
        '<button class="main-nav__toggle" type="button" aria-expanded="false" aria-controls="panel-1" hidden>'
        in html
    )
    assert '<p class="main-nav__lead">Agir avec nous.</p>' in html
    assert '<a href="/fr/agir/engagez-vous/">Engagez-vous</a>' in html


def test_footer_shows_the_published_snippet_of_the_language(client, homes):
    page = StandardPageFactory(parent=homes["fr"], title="Données et recherche")
    FooterFactory(
        locale=homes["fr"].locale,
        links=[{"type": "link", "value": {"page": page.pk, "external_url": "", "title": ""}}],
    )
    html = client.get("/fr/").content.decode()
    assert "17, route des Morillons, Genève" in html
    assert '<a href="/fr/donnees-et-recherche/">Données et recherche</a>' in html
    assert footer("en") == {"contact": "", "links": [], "legal": ""}


def test_footer_change_is_shown_once_published(client, homes):
    snippet = FooterFactory(locale=homes["fr"].locale, legal="Ancienne mention")
    assert "Ancienne mention" in client.get("/fr/").content.decode()
    snippet.legal = "Nouvelle mention"
    snippet.save_revision().publish()
    assert "Nouvelle mention" in client.get("/fr/").content.decode()


def test_breadcrumbs_lead_home_through_each_ancestor(client, homes):
    section = SectionPageFactory(parent=homes["fr"], title="Notre travail")
    page = StandardPageFactory(parent=section, title="Ce que nous faisons")
    html = client.get(page.url).content.decode()
    crumbs = html[html.index('<nav class="breadcrumbs"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert '<a href="/fr/">Accueil</a>' in crumbs
    assert '<a href="/fr/notre-travail/">Notre travail</a>' in crumbs
    assert '<span aria-current="page">Ce que nous faisons</span>' in crumbs


def test_switcher_points_to_nearest_translated_ancestor(client, homes):
    section = SectionPageFactory(parent=homes["fr"], title="Agir")
    page = StandardPageFactory(parent=section, title="Engagez-vous")
    english_section = section.copy_for_translation(homes["en"].locale)
    english_section.save_revision().publish()
    versions = language_versions(page)
    assert versions["fr"] == (page.url, True)
    assert versions["en"] == (english_section.url, False)
    assert versions["es"] == ("/es/", False)
    html = client.get(page.url).content.decode()
    assert (
        f'<a href="{english_section.url}" hreflang="en" lang="en" class="language-switcher__unavailable">English <span class="language-switcher__note">(page not yet translated)</span></a>'
        in html
    )
