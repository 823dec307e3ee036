"""The seeded French site: every sentence of the seed is on it, every page renders within
its query budget, and loading the seed again changes nothing."""

import html
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from wagtail.models import Locale, Page, Revision

SEED_FILE = Path(__file__).parent / "data" / "programme-2030.fr.txt"
# Titles the capture glued to the paragraph after them (see the seed's README).
GLUED_TITLES = ("Qui sommes nous", "Notre travail")
QUERY_BUDGET = 8


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
    return sentences


def visible_text(markup):
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seed_content", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def french_pages(seeded, db):
    return list(Page.objects.live().filter(locale=Locale.get_default(), depth__gte=2).order_by("path"))


def test_every_seed_sentence_is_on_the_french_site(french_pages):
    client = Client()
    site_text = " ".join(visible_text(client.get(page.url).content.decode()) for page in french_pages)
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


def test_every_page_renders_within_its_query_budget(french_pages, django_assert_max_num_queries):
    client = Client()
    client.get("/fr/")  # the menu and footer are built once per language, then cached
    for page in french_pages:
        with django_assert_max_num_queries(QUERY_BUDGET, info=page.url):
            response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_menu_follows_the_seed(seeded, db):
    from iom_site.core.selectors import main_menu

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
    assert [child["title"] for child in menu[2]["children"]] == ["Travailler avec nous", "Engagez-vous"]


def test_every_menu_link_resolves(seeded, db):
    from iom_site.core.selectors import main_menu

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


def test_loading_the_seed_again_changes_nothing(seeded, db):
    revisions = Revision.objects.count()
    pages = sorted(Page.objects.values_list("url_path", "live"))
    out = StringIO()
    call_command("load_seed_content", stdout=out)
    assert Revision.objects.count() == revisions
    assert sorted(Page.objects.values_list("url_path", "live")) == pages
    assert "updated" not in out.getvalue()
