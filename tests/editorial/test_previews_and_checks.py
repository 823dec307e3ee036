"""Previews of every page type and of the navigation snippets (with Wagtail's mobile,
tablet and desktop sizes), revisions, comparison and rollback, and the content checks in
the userbar and in the editor's preview."""

import json
import re

from django.urls import reverse

from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from tests.core.factories import SectionPageFactory, StandardPageFactory, StructurePageFactory
from tests.news.factories import NewsIndexPageFactory, StoryPageFactory
from tests.partnerships.factories import (
    EngagementFormPageFactory,
    PartnershipsPageFactory,
    WhereWeWorkPageFactory,
)
from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory
from tests.strategy.factories import AgendaPageFactory, StrategyPageFactory

pytestmark = pytest.mark.django_db


def build_pages(homes):
    home = homes["fr"]
    section = SectionPageFactory(parent=home, slug="notre-travail")
    agenda = AgendaPageFactory(parent=home)
    news = NewsIndexPageFactory(parent=home)
    data = StandardPageFactory(parent=home, slug="donnees-et-recherche")
    library = PublicationIndexPageFactory(parent=data)
    pages = [
        home,
        section,
        StandardPageFactory(parent=section),
        StructurePageFactory(parent=section),
        agenda,
        StrategyPageFactory(parent=agenda),
        PartnershipsPageFactory(parent=section),
        WhereWeWorkPageFactory(parent=section),
        EngagementFormPageFactory(parent=section),
        news,
        StoryPageFactory(parent=news),
        data,
        library,
        PublicationPageFactory(parent=library),
    ]
    for page in pages:
        page.save_revision()
    return pages


def project_page_models():
    return {model for model in get_page_models() if model is not Page}


def test_every_page_type_previews_as_a_draft_in_every_size(homes, client_for):
    pages = build_pages(homes)
    assert {type(page.specific) for page in pages} == project_page_models(), (
        "a page type without a preview test"
    )
    client = client_for("moderator")
    for page in pages:
        assert {"mobile", "tablet", "desktop"} <= {size["name"] for size in page.preview_sizes}
        draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert draft.status_code == 200, type(page)
        editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        html = editor.content.decode()
        assert 'value="mobile"' in html and "data-device-width" in html, type(page)


def footer_form(legal):
    return nested_form_data(
        {"contact": rich_text("<p>Genève</p>"), "links": streamfield([]), "legal": legal}
    )


def test_the_footer_previews_its_draft_in_its_own_language(world, client_for):
    footer = world["footers"]["fr"]
    client = client_for("editor")
    url = reverse("wagtailsnippets_core_footer:preview_on_edit", args=[footer.pk])

    assert client.post(url, footer_form("© OIM 2030")).json()["is_valid"]
    preview = client.get(url)

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "© OIM 2030" in html
    assert '<html lang="fr"' in html


def test_the_main_menu_previews_its_extra_links_beside_the_published_pages(world, client_for):
    from tests.core.factories import MainMenuFactory

    menu = MainMenuFactory(locale=world["homes"]["fr"].locale)
    client = client_for("editor")
    url = reverse("wagtailsnippets_core_mainmenu:preview_on_edit", args=[menu.pk])
    link = {"page": "", "under": "", "external_url": "https://www.iom.int/", "title": "OIM"}
    data = nested_form_data({"extra_links": streamfield([("link", link)])})

    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()

    assert "https://www.iom.int/" in html
    assert world["pages"]["fr"].title in html or world["sections"]["fr"].title in html


def test_revisions_can_be_compared_and_rolled_back(world, client_for):
    page = world["pages"]["fr"]
    first = page.get_latest_revision()
    page.title = "Deuxième version"
    second = page.save_revision()
    client = client_for("moderator")

    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    )
    revert = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]))

    assert history.status_code == compare.status_code == revert.status_code == 200
    assert "Deuxième version" in compare.content.decode()
    assert "Page de test" in revert.content.decode()


def test_snippet_revisions_are_reachable(world, client_for):
    footer = world["footers"]["fr"]
    footer.legal = "Version 1"
    first = footer.save_revision()
    footer.legal = "Version 2"
    second = footer.save_revision()
    client = client_for("moderator")

    compare = client.get(
        reverse(
            "wagtailsnippets_core_footer:revisions_compare", args=[footer.pk, first.pk, second.pk]
        )
    )
    revert = client.get(
        reverse("wagtailsnippets_core_footer:revisions_revert", args=[footer.pk, first.pk])
    )
    assert compare.status_code == revert.status_code == 200
    assert "Version 1" in revert.content.decode()


def axe_rules(html, script_id):
    match = re.search(
        rf'<script id="{script_id}" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, f"no {script_id} in the page"
    return set(json.loads(match.group(1))["options"]["runOnly"])


CONTENT_CHECKS = {"image-alt", "heading-order", "link-name", "empty-heading", "alt-text-quality"}


def test_the_userbar_runs_the_content_checks_on_the_live_page(world, client_for):
    html = client_for("editor").get(world["pages"]["fr"].url).content.decode()
    assert axe_rules(html, "checker-axe-configuration") >= CONTENT_CHECKS


def test_the_editor_preview_runs_the_content_checks(world, client_for):
    page = world["pages"]["fr"]
    html = client_for("editor").get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert axe_rules(html.content.decode(), "checker-axe-configuration") >= CONTENT_CHECKS
