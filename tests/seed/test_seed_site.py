"""The seeded French site: every sentence of the seed is on it, every page renders within
its query budget, and loading the seed again changes nothing."""

import html
import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import Client

from wagtail.models import Locale, Page, Revision

import pytest

from tests.helpers.seeded_site import seed_until_rolled_back

SEED_FILE = Path(__file__).parents[1] / "data" / "programme-2030.fr.txt"
# Titles the capture glued to the paragraph after them (see the seed's README).
GLUED_TITLES = ("Qui sommes nous", "Notre travail")
QUERY_BUDGET = 8
# Read on every render of a page that shows a « Dernières publications » block, whatever
# the site's size: its listing page, the pages listed and their renditions. What of it
# to keep cached is the delivery layer's decision.
LATEST_PAGES_QUERIES = 3


def query_budget(page):
    body = getattr(page.specific, "body", None) or []
    listings = sum(1 for block in body if block.block_type == "latest_pages")
    return QUERY_BUDGET + LATEST_PAGES_QUERIES * listings


def seed_sentences():
    """Every sentence of the seed's prose (menu labels and "-" markers aside)."""
    sentences = []
    for line in SEED_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip().lstrip("- ").strip()
        for title in GLUED_TITLES:
            if line.startswith(title) and len(line) > len(title):
                line = line[len(title) :]
        if len(line.split()) < 4:
            continue
        sentences += [s.strip() for s in re.split(r"(?<=[.:])\s+(?=[A-ZÀ-Ü«])", line) if s.strip()]
    # The strategy's section titles end with " :" in the capture; on the site they are
    # headings, without the colon.
    return [s.removesuffix(" :") for s in sentences]


def visible_text(markup):
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The whole seed, once for the module, rolled back at its end."""
    yield from seed_until_rolled_back(django_db_blocker)


@pytest.fixture
def french_pages(seeded, db):
    return list(
        Page.objects.live().filter(locale=Locale.get_default(), depth__gte=2).order_by("path")
    )


@pytest.fixture
def all_pages(seeded, db):
    return list(
        Page.objects.filter(depth__gte=2)
        .select_related("locale")
        .order_by("locale__language_code", "path")
    )


def test_every_seed_sentence_is_on_the_french_site(french_pages):
    client = Client()
    site_text = " ".join(
        visible_text(client.get(page.url).content.decode()) for page in french_pages
    )
    sentences = seed_sentences()
    assert len(sentences) > 30
    missing = [sentence for sentence in sentences if " ".join(sentence.split()) not in site_text]
    assert missing == []


def test_the_french_tree_matches_the_design(french_pages):
    paths = {page.url for page in french_pages}
    expected = {
        "/fr/",
        "/fr/qui-sommes-nous/",
        "/fr/qui-sommes-nous/structure/",
        "/fr/notre-travail/",
        "/fr/notre-travail/ce-que-nous-faisons/",
        "/fr/notre-travail/partenariats/",
        "/fr/notre-travail/ou-travaillons-nous/",
        "/fr/agir/",
        "/fr/agir/travailler-avec-nous/",
        "/fr/agir/engagez-vous/",
        "/fr/donnees-et-recherche/",
        "/fr/programme-2030/",
        "/fr/programme-2030/strategie-migration-developpement-durable/",
    }
    assert expected <= paths


def test_every_page_renders_within_its_query_budget(all_pages, django_assert_max_num_queries):
    client = Client()
    for code in ("fr", "en", "es"):
        client.get(f"/{code}/")  # the menu and footer are built once per language, then cached
    for page in all_pages:
        budget = query_budget(page)
        with django_assert_max_num_queries(budget, info=page.url):
            response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_menu_follows_the_seed(seeded, db):
    from iom_site.core.navigation.selectors import main_menu

    menu = main_menu("fr")
    assert [entry["title"] for entry in menu] == [
        "Qui sommes nous",
        "Notre travail",
        "Agir",
        "Données et recherche",
        "2030 AGENDA",
    ]
    who = menu[0]
    assert "depuis 1951" in who["lead"]
    structure = who["children"][0]
    assert structure["title"] == "Structure"
    assert len(structure["children"]) == 7
    assert structure["children"][0]["title"] == "Structure organisationnelle"
    work = [child["title"] for child in menu[1]["children"]]
    assert work[:3] == ["Ce que nous faisons", "Partenariats", "Où travaillons-nous"]
    assert [child["title"] for child in menu[2]["children"]] == [
        "Travailler avec nous",
        "Engagez-vous",
    ]


def test_every_menu_link_resolves(seeded, db):
    from iom_site.core.navigation.selectors import main_menu

    client = Client()
    links = []
    for entry in main_menu("fr"):
        links.append(entry["url"])
        for child in entry["children"]:
            links.append(child["url"])
            links += [grandchild["url"] for grandchild in child["children"]]
    internal = {link.split("#")[0] for link in links if link.startswith("/")}
    assert len(internal) >= 10
    assert {url: client.get(url).status_code for url in internal} == dict.fromkeys(internal, 200)


def test_loading_the_seed_again_changes_nothing(seeded, db, django_capture_on_commit_callbacks):
    revisions = Revision.objects.count()
    pages = sorted(Page.objects.values_list("url_path", "live"))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_seed_content", stdout=out)
    assert Revision.objects.count() == revisions
    assert sorted(Page.objects.values_list("url_path", "live")) == pages
    assert "updated /" not in out.getvalue()
    assert "created" not in out.getvalue()
    assert "translated" not in out.getvalue()


def test_english_and_spanish_trees_are_complete_and_published(all_pages):
    by_language = {}
    for page in all_pages:
        by_language.setdefault(page.locale.language_code, []).append(page)
    assert len(by_language["en"]) == len(by_language["es"]) == len(by_language["fr"])
    assert all(page.live for page in all_pages)
    assert not [page.url for page in all_pages if page.alias_of_id]
    english_slugs = {page.slug for page in by_language["en"]}
    assert {"who-we-are", "our-work", "take-action", "data-and-research"} <= english_slugs
    assert {"quienes-somos", "nuestro-trabajo", "datos-e-investigacion"} <= {
        p.slug for p in by_language["es"]
    }


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_french_seed_sentence_on_english_or_spanish_pages(all_pages, language):
    client = Client()
    text = " ".join(
        visible_text(client.get(page.url).content.decode())
        for page in all_pages
        if page.locale.language_code == language
    )
    # Short labels can coincide across languages ("Structure", "Contact"); sentences cannot.
    leaked = [s for s in seed_sentences() if len(s.split()) > 4 and " ".join(s.split()) in text]
    assert leaked == []


def test_every_page_says_its_language_and_links_its_translations(all_pages):
    client = Client()
    urls = {page.translation_key: {} for page in all_pages}
    for page in all_pages:
        urls[page.translation_key][page.locale.language_code] = f"http://testserver{page.url}"
    for page in all_pages:
        markup = client.get(page.url).content.decode()
        code = page.locale.language_code
        assert f'<html lang="{code}"' in markup, page.url
        assert f'<link rel="canonical" href="http://testserver{page.url}">' in markup
        for other, url in urls[page.translation_key].items():
            assert f'<link rel="alternate" hreflang="{other}" href="{url}">' in markup, page.url
        french = urls[page.translation_key]["fr"]
        assert f'<link rel="alternate" hreflang="x-default" href="{french}">' in markup
        switcher = markup[markup.index('<nav class="language-switcher"') :]
        switcher = switcher[: switcher.index("</nav>")]
        for other, url in urls[page.translation_key].items():
            relative = url.removeprefix("http://testserver")
            assert f'href="{relative}" hreflang="{other}" lang="{other}"' in switcher, page.url


def test_every_page_knows_its_children(all_pages):
    """The admin's page explorer relies on numchild: each tree must show its pages."""
    for page in all_pages:
        assert page.numchild == page.get_children().count(), page.url


def test_loading_the_seed_again_leaves_what_editors_added_alone(
    seeded, db, django_capture_on_commit_callbacks
):
    """Editors' pages and snippets are not the seed's: it neither fails on their text,
    which its catalogues do not know, nor translates, revises or publishes them."""
    from iom_site.core.models import StandardPage, Theme

    section = Page.objects.get(locale=Locale.get_default(), slug="notre-travail")
    added = section.add_child(
        instance=StandardPage(
            title="Page ajoutée par une éditrice",
            slug="page-ajoutee",
            lead="<p>Un texte que les catalogues du seed ne connaissent pas.</p>",
        )
    )
    added.save_revision().publish()
    draft = StandardPage.objects.get(pk=added.pk)
    draft.title = "Brouillon de l’éditrice"
    draft.save_revision()
    theme = Theme.objects.create(name="Thème ajouté", locale=Locale.get_default())
    before = StandardPage.objects.get(pk=added.pk)
    revisions = Revision.objects.count()

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_seed_content", stdout=out)

    assert "Seed content loaded." in out.getvalue()
    assert "updated /" not in out.getvalue() and "translated" not in out.getvalue()
    assert Revision.objects.count() == revisions  # none for the seed's unchanged pages
    after = StandardPage.objects.get(pk=added.pk)
    assert (after.title, after.live, after.has_unpublished_changes) == (
        before.title,
        True,
        True,
    )
    assert after.latest_revision_id == before.latest_revision_id
    assert after.last_published_at == before.last_published_at
    assert Page.objects.filter(translation_key=added.translation_key).count() == 1
    assert Theme.objects.filter(translation_key=theme.translation_key).count() == 1
    assert section.get_children().filter(pk=added.pk).exists()
