"""The goals' hubs below the Agenda page (/fr/programme-2030/odd/<n>/, /en/2030-agenda/sdg/<n>/,
/es/agenda-2030/ods/<n>/): what a visitor reads there, in each language, and what search
engines get (canonical, hreflang, sitemap), on the seeded site."""

import html
import re

from django.core.cache import cache
from django.test import Client
from django.utils.text import slugify

from wagtail.models import Locale, Page

import pytest

from iom_site.core.models import StandardPage
from strategy.models import AgendaPage, SDGTarget
from tests.helpers.seeded_site import seed_until_rolled_back
from tests.strategy.factories import sdg_targets_block

pytestmark = pytest.mark.django_db

HUBS = {
    "fr": ("/fr/programme-2030/odd/10/", "Objectif 10 : Inégalités réduites", "Cible 10.7"),
    "en": ("/en/2030-agenda/sdg/10/", "Goal 10: Reduced inequalities", "Target 10.7"),
    "es": ("/es/agenda-2030/ods/10/", "Objetivo 10: Reducción de las desigualdades", "Meta 10.7"),
}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    yield from seed_until_rolled_back(django_db_blocker)


def get(path, status=200):
    response = Client().get(path)
    assert response.status_code == status, path
    return response.content.decode()


def text_of(markup):
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def section(markup, code):
    """The markup of a target's section on a hub."""
    slug = code.replace(".", "")
    match = re.search(rf'<section[^>]*id="cible-{slug}".*?</section>', markup, re.S)
    assert match, code
    return match.group(0)


def agenda(code):
    return AgendaPage.objects.get(locale__language_code=code)


def tag_page(title, target_code, language="fr", parent_slug="donnees-et-recherche"):
    """A live page of ``language`` whose body tags one target."""
    locale = Locale.objects.get(language_code=language)
    target = SDGTarget.objects.get(locale=locale, code=target_code)
    parent = Page.objects.get(locale=locale, translation_key=_french(parent_slug).translation_key)
    page = StandardPage(title=title, slug=slugify(title), locale=locale)
    page.body = [sdg_targets_block([target])]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _french(slug):
    return Page.objects.get(locale__language_code="fr", slug=slug)


@pytest.mark.parametrize("code", ["fr", "en", "es"])
def test_each_goal_has_a_hub_in_each_language(seeded, db, code):
    path, title, target = HUBS[code]
    markup = get(path)
    assert f'<html lang="{code}"' in markup
    h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", markup, re.S)
    assert [text_of(h) for h in h1] == [title]
    browser_title = text_of(re.search(r"<title>(.*?)</title>", markup, re.S).group(1))
    assert browser_title.startswith(f"{title} – ")
    # Its targets, each with the pages that tag it: the Agenda page tags 10.7 and 10.c.
    assert target in text_of(section(markup, "10.7"))
    assert f'href="{agenda(code).url}"' in section(markup, "10.7")
    assert agenda(code).title in text_of(section(markup, "10.c"))


@pytest.mark.parametrize("code", ["fr", "en", "es"])
def test_hub_has_breadcrumbs_canonical_and_hreflang(seeded, db, code):
    path, title, _target = HUBS[code]
    markup = get(path)
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', markup, re.S).group(0)
    assert f'href="{agenda(code).url}"' in crumbs
    assert re.search(rf'aria-current="page">{re.escape(html.escape(title))}<', crumbs)
    assert f'<link rel="canonical" href="http://testserver{path}">' in markup
    for other, (other_path, _title, _t) in HUBS.items():
        assert f'hreflang="{other}" href="http://testserver{other_path}"' in markup
    assert f'hreflang="x-default" href="http://testserver{HUBS["fr"][0]}"' in markup
    # The language switcher leads to the same goal's hub.
    switcher = re.search(r'<nav[^>]*class="language-switcher.*?</nav>', markup, re.S)
    links = switcher.group(0) if switcher else markup
    for other, (other_path, _title, _t) in HUBS.items():
        if other != code:
            assert f'href="{other_path}"' in links
    ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)
    assert any("BreadcrumbList" in item and f"http://testserver{path}" in item for item in ld)


def test_agenda_index_links_each_goal_to_its_hub(seeded, db):
    for code, (path, _title, _target) in HUBS.items():
        markup = get(agenda(code).url)
        assert f'href="{path}"' in markup
        hub = re.sub(r"/10/$", "/8/", path)
        assert f'href="{hub}"' in markup


@pytest.mark.parametrize(
    "path",
    [
        "/fr/programme-2030/odd/99/",
        "/fr/programme-2030/odd/0/",
        "/fr/programme-2030/odd/18/",
        "/fr/programme-2030/sdg/10/",  # another language's segment
        "/en/2030-agenda/odd/10/",
        "/fr/programme-2030/odd/dix/",
        "/fr/programme-2030/odd/",
    ],
)
def test_unknown_goals_are_not_found(seeded, db, path):
    get(path, status=404)


def test_hubs_are_in_the_sitemap_with_their_alternates(seeded, db):
    sitemap = get("/sitemap.xml")
    for path, _title, _target in HUBS.values():
        entry = re.search(
            rf"<url>\s*<loc>http://testserver{re.escape(path)}</loc>.*?</url>", sitemap, re.S
        )
        assert entry, path
        for other, (other_path, _t, _tt) in HUBS.items():
            assert f'hreflang="{other}" href="http://testserver{other_path}"' in entry.group(0)
    for code, (path, _title, _target) in HUBS.items():
        hubs = re.findall(rf"<loc>http://testserver{re.escape(path[:-3])}\d+/</loc>", sitemap)
        assert len(hubs) == 17, code


def test_pages_that_tag_a_target_appear_under_it_whatever_their_type(seeded, db):
    from news.models import NewsIndexPage, StoryPage, StorySDGTarget

    tagged = tag_page("Envois de fonds et développement", "10.c")
    news = NewsIndexPage.objects.get(locale__language_code="fr")
    story = StoryPage(title="Un récit sur la mobilité", slug="recit-mobilite", date="2026-01-05")
    story.sdg_targets = [
        StorySDGTarget(target=SDGTarget.objects.get(locale=news.locale, code="10.7"))
    ]
    news.add_child(instance=story)
    story.save_revision().publish()
    cache.clear()

    markup = get(HUBS["fr"][0])
    remittances = section(markup, "10.c")
    assert f'href="{tagged.url}"' in remittances
    assert "Envois de fonds et développement" in text_of(remittances)
    mobility = section(markup, "10.7")
    assert f'href="{story.url}"' in mobility
    assert "Un récit sur la mobilité" in text_of(mobility)
    # Not under a target it does not tag, nor on another goal's hub.
    assert story.url not in remittances
    assert story.url not in get("/fr/programme-2030/odd/8/")
    # Another language's hub lists that language's pages only.
    assert story.url not in get(HUBS["en"][0])


def test_a_hub_costs_the_same_queries_whatever_the_number_of_tagged_pages(
    seeded, db, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    client = Client()
    path = HUBS["fr"][0]
    client.get("/fr/")  # the menu and footer, built once per language
    counts = []
    for batch in (1, 12):
        for n in range(batch):
            tag_page(f"Page taguée {batch}-{n}", "10.7")
        cache.clear()
        client.get("/fr/")
        with django_assert_max_num_queries(16) as captured:
            response = client.get(path)
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_a_goal_the_site_follows_no_target_of_says_so(seeded, db):
    markup = get("/en/2030-agenda/sdg/1/")
    assert text_of(re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.S).group(1)) == "Goal 1: No poverty"
    assert "This site follows no target of this goal yet." in text_of(markup)
    assert "<section" not in re.search(r"<article.*?</article>", markup, re.S).group(0)
